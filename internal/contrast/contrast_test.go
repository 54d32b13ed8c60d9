package contrast

import (
	"image/color"
	"math"
	"testing"
)

func grey(v uint8) color.NRGBA { return color.NRGBA{v, v, v, 0xff} }

var (
	white = grey(0xff)
	black = grey(0)
)

func TestLuminance(t *testing.T) {
	for _, c := range []struct {
		name string
		c    color.Color
		want float64
	}{
		{"white", white, 1},
		{"black", black, 0},
		{"green", color.NRGBA{0, 0xff, 0, 0xff}, 0.7152}, // only G, fully on: its weight
		// 0x76 = 118: s = 118/255 = 0.46275; ((s + 0.055) / 1.055)^2.4 =
		// 0.49076^2.4 = exp(2.4 × ln 0.49076) = exp(−1.70846) = 0.18116.
		{"#767676", grey(0x76), 0.18116},
		// 0x08 = 8: s = 0.031373 ≤ 0.04045, linear part: s / 12.92 = 0.0024283.
		{"#080808", grey(0x08), 0.0024283},
	} {
		if got := Luminance(c.c); math.Abs(got-c.want) > 5e-5 {
			t.Errorf("Luminance(%s) = %.6f, want %.6f", c.name, got, c.want)
		}
	}
}

func TestRatio(t *testing.T) {
	for _, c := range []struct {
		name   string
		fg, bg color.Color
		want   float64
	}{
		{"black on white", black, white, 21}, // (1 + 0.05) / (0 + 0.05)
		{"white on black", white, black, 21}, // order does not matter
		{"same colour", grey(0x76), grey(0x76), 1},
		{"#767676 on white", grey(0x76), white, 4.5423}, // 1.05 / (0.18116 + 0.05)
		// 0x77 = 119: L = ((0.46667 + 0.055) / 1.055)^2.4 = 0.18447, 1.05 / 0.23447:
		// just under AA.
		{"#777777 on white", grey(0x77), white, 4.4782},
		// Black at alpha 128/255 over white: each channel 255 × (1 − 128/255) =
		// 127 (0.49804); L = ((0.49804 + 0.055) / 1.055)^2.4 = 0.21223;
		// 1.05 / 0.26223 = 4.0041.
		{"half-transparent black on white", color.NRGBA{0, 0, 0, 128}, white, 4.0041},
		// Transparent text is the background: ratio 1.
		{"transparent", color.NRGBA{0, 0, 0, 0}, white, 1},
	} {
		if got := Ratio(c.fg, c.bg); math.Abs(got-c.want) > 2e-3 {
			t.Errorf("Ratio(%s) = %.4f, want %.4f", c.name, got, c.want)
		}
	}
	if Ratio(grey(0x76), white) < AA || Ratio(grey(0x77), white) >= AA {
		t.Error("#767676 is the lightest grey on white that reaches AA")
	}
}

func TestEnsure(t *testing.T) {
	// Already readable: unchanged (made opaque).
	if got := Ensure(grey(0x76), white, AA); got != color.Color(Over(grey(0x76), white)) {
		t.Errorf("a readable colour changed: %v", got)
	}
	// #777777 on white misses AA by a hair: darkened a little, not to black.
	got := Ensure(grey(0x77), white, AA)
	r, _, _, _ := got.RGBA()
	if Ratio(got, white) < AA || r < 0x70*257 || r >= 0x77*257 {
		t.Errorf("Ensure(#777777 on white) = %v, ratio %.3f", got, Ratio(got, white))
	}
	// Grey text on a dark background is lightened (Fyne's dark theme
	// background is #171719).
	dark := color.NRGBA{0x17, 0x17, 0x19, 0xff}
	got = Ensure(color.NRGBA{0x50, 0x50, 0x50, 0xff}, dark, AA)
	if Ratio(got, dark) < AA || Luminance(got) < Luminance(color.NRGBA{0x50, 0x50, 0x50, 0xff}) {
		t.Errorf("Ensure(#505050 on dark) = %v, ratio %.3f", got, Ratio(got, dark))
	}
	// A translucent colour is judged as painted.
	got = Ensure(color.NRGBA{0xff, 0xff, 0xff, 0x40}, dark, AA)
	if Ratio(got, dark) < AA {
		t.Errorf("translucent white on dark: ratio %.3f", Ratio(got, dark))
	}
	// Mid-grey where white would not reach: goes to the dark side.
	mid := grey(0x77) // white on it: 4.48
	got = Ensure(color.NRGBA{0xa0, 0xa0, 0xa0, 0xff}, mid, AA)
	if Ratio(got, mid) < AA || Luminance(got) > Luminance(mid) {
		t.Errorf("Ensure(on #777777) = %v, ratio %.3f", got, Ratio(got, mid))
	}
	// Beyond reach: the better of black and white.
	if got := Ensure(grey(0x80), white, 22); got != color.Color(color.NRGBA64{0, 0, 0, 0xffff}) {
		t.Errorf("Ensure(min 22) = %v, want black", got)
	}
}

func BenchmarkRatio(b *testing.B) {
	fg, bg := color.NRGBA{0x80, 0x80, 0x80, 0x99}, color.NRGBA{0x17, 0x17, 0x19, 0xff}
	for b.Loop() {
		Ratio(fg, bg)
	}
}
