package widgets

import (
	"image/color"
	"sync"

	"campaignsim/internal/contrast"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// textColours are the theme colours Fyne draws text in: labels of every
// importance (Low is Disabled, High is Primary, Danger is Error…), the
// placeholder and hint text of fields, hyperlinks, disabled widgets.
var textColours = []fyne.ThemeColorName{
	theme.ColorNameForeground, theme.ColorNamePlaceHolder, theme.ColorNameDisabled,
	theme.ColorNameHyperlink, theme.ColorNamePrimary, theme.ColorNameError,
	theme.ColorNameSuccess, theme.ColorNameWarning,
}

// surfaces are the backgrounds text is drawn on: the window, fields,
// menus, dialogs, table headers and buttons.
var surfaces = []fyne.ThemeColorName{
	theme.ColorNameBackground, theme.ColorNameInputBackground, theme.ColorNameMenuBackground,
	theme.ColorNameOverlayBackground, theme.ColorNameHeaderBackground,
	theme.ColorNameButton, theme.ColorNameDisabledButton,
}

// overlays are the translucent highlights drawn over a surface under
// text: a hovered row or button, and, under the foreground only (the text
// of list items), a selected item.
func overlays(text fyne.ThemeColorName) []fyne.ThemeColorName {
	if text == theme.ColorNameForeground {
		return []fyne.ThemeColorName{theme.ColorNameHover, theme.ColorNameSelection}
	}
	return []fyne.ThemeColorName{theme.ColorNameHover}
}

// onColours maps the colour of text on a filled button to the button's
// colour (a high-importance button is Primary with ForegroundOnPrimary
// text).
var onColours = map[fyne.ThemeColorName]fyne.ThemeColorName{
	theme.ColorNameForegroundOnPrimary: theme.ColorNamePrimary,
	theme.ColorNameForegroundOnError:   theme.ColorNameError,
	theme.ColorNameForegroundOnSuccess: theme.ColorNameSuccess,
	theme.ColorNameForegroundOnWarning: theme.ColorNameWarning,
}

// readableTarget is the ratio the theme gives its text colours: WCAG AA
// (contrast.AA, 4.5:1) with a little room, so that blending and 8-bit
// rounding in the renderer never take a text below 4.5.
const readableTarget = contrast.AA + 0.1

// backgrounds returns every background text in colour text may sit on
// in variant v of base: the surfaces, and its overlays painted over each
// surface.
func backgrounds(base fyne.Theme, text fyne.ThemeColorName, v fyne.ThemeVariant) []color.Color {
	var out []color.Color
	for _, s := range surfaces {
		bg := contrast.Over(base.Color(s, v), color.Black)
		out = append(out, bg)
		for _, o := range overlays(text) {
			out = append(out, contrast.Over(base.Color(o, v), bg))
		}
	}
	return out
}

// readableKey identifies a computed colour: the name, the variant and
// the base colour it was computed from (Fyne's primary colour follows a
// user setting, so the base may change).
type readableKey struct {
	name    fyne.ThemeColorName
	variant fyne.ThemeVariant
	base    color.NRGBA64
}

var (
	readableMu    sync.Mutex
	readableCache = map[readableKey]color.Color{}
)

// readable returns colour n of base in variant v, changed as little as
// needed (contrast.Ensure) for text in it to reach readableTarget on
// every background (a text colour) or on its button's colour (a
// ForegroundOn… colour). Any other colour is returned as it is.
func readable(base fyne.Theme, n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	c := base.Color(n, v)
	button, on := onColours[n]
	text := false
	for _, t := range textColours {
		text = text || t == n
	}
	if !text && !on {
		return c
	}
	key := readableKey{n, v, color.NRGBA64Model.Convert(c).(color.NRGBA64)}
	readableMu.Lock()
	got, ok := readableCache[key]
	readableMu.Unlock()
	if ok {
		return got
	}
	var bgs []color.Color
	if on {
		bgs = []color.Color{readable(base, button, v)}
	} else {
		bgs = backgrounds(base, n, v)
	}
	out := c
	// A change for one background moves the colour away from all of them
	// (they lie on the same side in a variant); a few rounds settle it.
	for range 4 {
		for _, bg := range bgs {
			out = contrast.Ensure(out, bg, readableTarget)
		}
	}
	readableMu.Lock()
	readableCache[key] = out
	readableMu.Unlock()
	return out
}
