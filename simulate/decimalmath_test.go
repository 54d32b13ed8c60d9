package simulate

import (
	"testing"

	"github.com/shopspring/decimal"
)

// The reference values are the constants to 50 digits (e, 1/e, e^10
// from any table of constants; 1 − 1/e = 0.632120558828557678404476229838539132554188868968).
func TestExp(t *testing.T) {
	for _, c := range []struct{ x, want string }{
		{"0", "1"},
		{"1", "2.71828182845904523536028747135266249775724709369995"},
		{"10", "22026.4657948067165169579006452842443663535126185568"},
		{"0.5", "1.64872127070012814684865078781416357165377610071015"}, // √e
	} {
		got := expDec(d(c.x))
		// 1e-30 relative: far inside MODEL.md's 1e-12.
		if got.Sub(d(c.want)).Abs().GreaterThan(d(c.want).Mul(d("1e-30"))) {
			t.Errorf("exp(%s) = %s, want %s", c.x, got, c.want)
		}
	}
	// exp(−1) = 0.36787944117144232159552377016146086744581113103177 (1/e).
	got := expNeg(one)
	near(t, "exp(-1)", got, "0.36787944117144232159552377016146086744581113103177", "1e-30")
	if !expNeg(d("101")).IsZero() {
		t.Error("exp(-101) should underflow to 0")
	}
}

func TestSat(t *testing.T) {
	for _, c := range []struct {
		name   string
		x      string
		cap    decimal.NullDecimal
		want   string
		relTol string
	}{
		{"no cap is linear", "123.45", none, "123.45", "0"},
		{"zero driver", "0", nd("10"), "0", "0"},
		{"negative driver", "-5", none, "0", "0"},
		// x = cap: cap·(1 − 1/e).
		{"x = cap", "1000", nd("1000"), "632.120558828557678404476229838539132554188868969", "1e-22"},
		// x = cap/2: cap·(1 − e^-0.5), e^-0.5 = 0.606530659712633423603799534991180453441918135488.
		{"x = cap/2", "500", nd("1000"), "393.469340287366576396200465008819546558081864512", "1e-22"},
		// x ≪ cap: x·(1 − x/(2cap)) to 1e-40 relative; here x/cap = 1e-20.
		{"tiny driver keeps its digits", "0.00000000000000000001", nd("1"), "0.00000000000000000001", "1e-19"},
		// x ≫ cap: the cap.
		{"far above the cap", "1000000", nd("10"), "10", "1e-22"},
		{"zero cap", "5", nd("0"), "0", "0"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := sat(d(c.x), c.cap)
			want := d(c.want)
			tol := want.Abs().Mul(d(c.relTol))
			if got.Sub(want).Abs().GreaterThan(tol) {
				t.Errorf("sat(%s, %v) = %s, want %s", c.x, c.cap, got, c.want)
			}
			if c.cap.Valid && got.GreaterThan(c.cap.Decimal) {
				t.Errorf("sat above its cap")
			}
		})
	}
}

// i = 1.1^(1/12) − 1 = 0.00797414042890374106603184422323033318250514514398
// (12th root of 1.1 by any independent means, e.g. exp(ln(1.1)/12) with
// ln 1.1 = 0.0953101798043248600439521232807650922206053653086).
// Independent check below: (1 + i)^12 must give back 1.1.
func TestMonthlyRate(t *testing.T) {
	i := monthlyRate(d("0.10"))
	near(t, "i", i, "0.00797414042890374106603184422323033318250514514398", "1e-40")
	back := powInt(one.Add(i), 12)
	near(t, "(1+i)^12", back, "1.1", "1e-40")
	if !monthlyRate(zero).IsZero() {
		t.Error("rate of 0 must be 0")
	}
	// annual 100 %: 2^(1/12) − 1 = 0.0594630943592952645618252949463417007792043174942
	near(t, "2^(1/12)-1", monthlyRate(one), "0.0594630943592952645618252949463417007792043174942", "1e-40")
}

func TestGeomSum(t *testing.T) {
	for _, c := range []struct {
		q    string
		n    int
		want string
	}{
		{"0.5", 3, "0.875"}, // 0.5 + 0.25 + 0.125
		{"1", 7, "7"},
		{"0", 5, "0"},
		{"0.9", 0, "0"},
		{"2", 3, "14"}, // 2 + 4 + 8
	} {
		near(t, "geomSum("+c.q+")", geomSum(d(c.q), c.n), c.want, "1e-40")
	}
}
