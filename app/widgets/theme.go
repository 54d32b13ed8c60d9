package widgets

import (
	"image/color"

	"campaignsim/assets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// appTheme is Fyne's default theme with DejaVu Sans for text, the font of
// the charts and the PDF. Fyne's bundled Noto Sans has the narrow no-break
// space U+202F of French numbers (display.Money) but lacks signs the
// results show: ✓ ✗ ≥ ≤ ▲ ▼ ⚠ (checked with golang.org/x/image/font/sfnt
// on Fyne v2.7.1's NotoSans-Regular.ttf); DejaVu has them all. It can force
// the light or dark variant.
type appTheme struct {
	fyne.Theme
	forced  bool // variant applies; otherwise the system's variant
	variant fyne.ThemeVariant
}

var _ fyne.Theme = (*appTheme)(nil)

var (
	fontRegular = fyne.NewStaticResource("DejaVuSans.ttf", assets.FontRegular)
	fontBold    = fyne.NewStaticResource("DejaVuSans-Bold.ttf", assets.FontBold)
)

// NewTheme returns the app's theme for the preference value pref ("auto",
// "light", "dark").
func NewTheme(pref string) *appTheme {
	t := &appTheme{Theme: theme.DefaultTheme()}
	switch pref {
	case "light":
		t.forced, t.variant = true, theme.VariantLight
	case "dark":
		t.forced, t.variant = true, theme.VariantDark
	}
	return t
}

// Font returns DejaVu Sans (bold when asked), and the default theme's
// font for monospace and symbols.
func (t *appTheme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Monospace || s.Symbol {
		return t.Theme.Font(s)
	}
	if s.Bold {
		return fontBold
	}
	return fontRegular
}

// Color returns the default theme's colour, in the forced variant when
// the preference says light or dark.
func (t *appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.forced {
		v = t.variant
	}
	return t.Theme.Color(n, v)
}
