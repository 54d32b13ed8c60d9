// Package contrast measures how readable a text colour is on its
// background, as WCAG 2.2 defines it (success criterion 1.4.3, "Contrast
// (Minimum)"): the relative luminance of each colour and the ratio
// (L1 + 0.05) / (L2 + 0.05), from 1 (the same colour) to 21 (black on
// white). Text must reach AA, 4.5:1, to be read by people with low vision
// or on a poor screen.
//
// Colours are sRGB. A colour with transparency is first painted over the
// background (Over), since that is what the reader sees: Fyne's
// placeholder and disabled text colours are translucent.
//
// The figures are float64: this is a measure of colours, not money.
package contrast

import (
	"image/color"
	"math"
)

// AA is the least contrast ratio WCAG 2.2 level AA asks of normal text.
const AA = 4.5

// Luminance returns the relative luminance of c, 0 (black) to 1 (white),
// ignoring its alpha (see Over): each sRGB channel is linearised, then
// weighted 0.2126 R + 0.7152 G + 0.0722 B. Luminance(#767676) ≈ 0.1812.
func Luminance(c color.Color) float64 {
	n := color.NRGBA64Model.Convert(c).(color.NRGBA64)
	return 0.2126*linear(n.R) + 0.7152*linear(n.G) + 0.0722*linear(n.B)
}

// linear turns a 16-bit sRGB channel into linear light, 0..1 (WCAG's
// formula; its threshold 0.04045 is that of the sRGB standard, which
// gives the same results as WCAG 2.0's 0.03928 on every 8-bit value).
func linear(v uint16) float64 {
	s := float64(v) / 0xffff
	if s <= 0.04045 {
		return s / 12.92
	}
	return math.Pow((s+0.055)/1.055, 2.4)
}

// Over returns fg painted over bg, opaque: each channel is
// fg × alpha + bg × (1 − alpha), in sRGB as a renderer blends. A
// translucent bg is first made opaque over black (a window has nothing
// behind it); an opaque fg is returned as it is.
func Over(fg, bg color.Color) color.NRGBA64 {
	// Alpha-premultiplied values, 0..0xffff: for bg they already are bg
	// over black.
	br, bgG, bb, _ := bg.RGBA()
	fr, fgG, fb, fa := fg.RGBA()
	k := float64(0xffff-fa) / 0xffff
	mix := func(f, b uint32) uint16 { return uint16(math.Round(float64(f) + float64(b)*k)) }
	return color.NRGBA64{R: mix(fr, br), G: mix(fgG, bgG), B: mix(fb, bb), A: 0xffff}
}

// Ratio returns the contrast ratio of text in colour fg on background bg,
// 1 to 21: fg is painted over bg first (Over), then (L1 + 0.05) /
// (L2 + 0.05) with L1 the lighter luminance. Ratio(black, white) is 21,
// Ratio(#767676, white) ≈ 4.54; the order of the colours does not matter
// when both are opaque.
func Ratio(fg, bg color.Color) float64 {
	b := Over(bg, color.Black)
	l1, l2 := Luminance(Over(fg, b)), Luminance(b)
	if l1 < l2 {
		l1, l2 = l2, l1
	}
	return (l1 + 0.05) / (l2 + 0.05)
}

// Ensure returns fg, painted over bg, as it is when its ratio to bg is at
// least min; otherwise the least change of it that reaches min: fg mixed
// with white or black in steps of 1/256, first towards the side it
// already lies on (lighter than bg: white; darker: black), then the
// other. A min no colour can reach on bg (above 21, or above what black
// and white give there) returns black or white, whichever contrasts more.
// The hue is kept as far as the mix allows.
func Ensure(fg, bg color.Color, min float64) color.Color {
	b := Over(bg, color.Black)
	c := Over(fg, b)
	if Ratio(c, b) >= min {
		return c
	}
	white, black := color.NRGBA64{0xffff, 0xffff, 0xffff, 0xffff}, color.NRGBA64{0, 0, 0, 0xffff}
	sides := []color.NRGBA64{black, white}
	if Luminance(c) > Luminance(b) {
		sides = []color.NRGBA64{white, black}
	}
	for _, to := range sides {
		for step := 1; step <= 256; step++ {
			m := mixTowards(c, to, float64(step)/256)
			if Ratio(m, b) >= min {
				return m
			}
		}
	}
	if Ratio(white, b) > Ratio(black, b) {
		return white
	}
	return black
}

// mixTowards returns c moved the fraction t of the way to "to", channel by
// channel.
func mixTowards(c, to color.NRGBA64, t float64) color.NRGBA64 {
	m := func(a, b uint16) uint16 { return uint16(math.Round(float64(a) + (float64(b)-float64(a))*t)) }
	return color.NRGBA64{R: m(c.R, to.R), G: m(c.G, to.G), B: m(c.B, to.B), A: 0xffff}
}
