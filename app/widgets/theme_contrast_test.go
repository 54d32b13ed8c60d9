package widgets

import (
	"image/color"
	"testing"

	"campaignsim/internal/contrast"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// Every colour the theme draws text in reaches 4.5:1 (WCAG AA) on every
// background it sits on, light and dark; the default theme's help text
// (Disabled, for low-importance labels) was 1.55:1 in dark and 1.28:1 in
// light.
func TestThemeTextContrast(t *testing.T) {
	test.NewTempApp(t)
	for _, pref := range []string{"light", "dark"} {
		th := NewTheme(pref)
		v := th.variant
		for _, n := range textColours {
			var bgs []struct {
				name string
				c    color.Color
			}
			for _, s := range surfaces {
				bg := contrast.Over(th.Color(s, v), color.Black)
				bgs = append(bgs, struct {
					name string
					c    color.Color
				}{string(s), bg})
				for _, o := range overlays(n) {
					bgs = append(bgs, struct {
						name string
						c    color.Color
					}{string(o) + " over " + string(s), contrast.Over(th.Color(o, v), bg)})
				}
			}
			for _, bg := range bgs {
				if r := contrast.Ratio(th.Color(n, v), bg.c); r < contrast.AA {
					t.Errorf("%s: %s on %s: %.2f:1, below 4.5", pref, n, bg.name, r)
				}
			}
		}
		for on, button := range onColours {
			if r := contrast.Ratio(th.Color(on, v), th.Color(button, v)); r < contrast.AA {
				t.Errorf("%s: %s on %s: %.2f:1, below 4.5", pref, on, button, r)
			}
		}
		// The backgrounds themselves are Fyne's.
		for _, s := range surfaces {
			if th.Color(s, v) != theme.DefaultTheme().Color(s, v) {
				t.Errorf("%s: background %s changed", pref, s)
			}
		}
	}
}

// A colour that is already readable is kept: the default foreground.
func TestThemeKeepsReadableColours(t *testing.T) {
	test.NewTempApp(t)
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		want := contrast.Over(theme.DefaultTheme().Color(theme.ColorNameForeground, v), color.Black)
		got := color.NRGBA64Model.Convert(readable(theme.DefaultTheme(), theme.ColorNameForeground, v))
		if got != color.Color(want) {
			t.Errorf("variant %d: foreground %v, want %v", v, got, want)
		}
	}
}
