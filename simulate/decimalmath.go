package simulate

import (
	"math/big"

	"github.com/shopspring/decimal"
)

// workPrec is the number of decimal places kept inside the long chains of
// this file (series, powers, Newton steps): well beyond Precision, so the
// results agree with exact arithmetic far better than MODEL.md's 1e-12.
const workPrec = 50

var (
	zero = decimal.Zero
	one  = decimal.NewFromInt(1)
	two  = decimal.NewFromInt(2)
	half = decimal.New(5, -1)
	thou = decimal.NewFromInt(1000)
	// expLimit: exp(-x) for x > expLimit is below 1e-43 and is taken as 0;
	// 1 - exp(-x) is then 1 to 43 places.
	expLimit = decimal.NewFromInt(100)
)

// div returns a/b to Precision places, and false when b is zero.
func div(a, b decimal.Decimal) (decimal.Decimal, bool) {
	if b.IsZero() {
		return zero, false
	}
	return a.DivRound(b, Precision), true
}

// ratio returns a/b as a NullDecimal: invalid when b is zero.
func ratio(a, b decimal.Decimal) decimal.NullDecimal {
	q, ok := div(a, b)
	return decimal.NullDecimal{Decimal: q, Valid: ok}
}

// add returns x.Add(y) — the same coefficient and exponent — without a
// big-integer addition when one term is zero and cannot change the other:
// a zero y whose exponent is not below x's gives x itself, a zero x whose
// exponent is not below y's gives y itself (sharing its coefficient, as
// Decimal values may: they are immutable). Sums over channels and months
// meet such zeros often: the zero value they start from, inactive months.
// TestAddSubAreDecimals checks every case against Decimal.Add.
func add(x, y decimal.Decimal) decimal.Decimal {
	switch {
	case y.IsZero():
		if !x.IsZero() && y.Exponent() >= x.Exponent() {
			return x
		}
	case x.IsZero():
		if x.Exponent() >= y.Exponent() {
			return y
		}
	}
	return x.Add(y)
}

// sub returns x.Sub(y) as add does x.Add(y): x itself when y is a zero
// that cannot change it.
func sub(x, y decimal.Decimal) decimal.Decimal {
	if y.IsZero() && !x.IsZero() && y.Exponent() >= x.Exponent() {
		return x
	}
	return x.Sub(y)
}

// valid wraps d as a defined figure.
func valid(d decimal.Decimal) decimal.NullDecimal {
	return decimal.NullDecimal{Decimal: d, Valid: true}
}

// maxAmount is the largest money amount a plan key may hold (FORMAT.md:
// money 0..10^12): the high end of a re-forecast cpc or cpm, and of any
// budget the optimiser or goal seek sets (maxBudgetOf).
var maxAmount = decimal.New(1, 12)

// clamp01 returns x limited to [0, 1].
func clamp01(x decimal.Decimal) decimal.Decimal {
	if x.Sign() < 0 {
		return zero
	}
	if x.GreaterThan(one) {
		return one
	}
	return x
}

// nonNeg returns x, or 0 when x is negative.
func nonNeg(x decimal.Decimal) decimal.Decimal {
	if x.Sign() < 0 {
		return zero
	}
	return x
}

// seriesPrec is the number of decimal places kept in the exp series: the
// results are rounded to Precision (24) afterwards, so 34 leaves ten
// guard digits (errors stay below 1e-30 relative).
const seriesPrec = 34

// invFact[n] = 1/n! to seriesPrec+4 places, for n = 0..40.
var invFact = func() []decimal.Decimal {
	f := make([]decimal.Decimal, 41)
	fact := one
	for n := range f {
		if n > 0 {
			fact = fact.Mul(decimal.NewFromInt(int64(n)))
		}
		f[n] = one.DivRound(fact, seriesPrec+4)
	}
	return f
}()

// invFactCoef[n] is the coefficient of invFact[n] in units of
// 10^-(seriesPrec+4) (read-only, shared).
var invFactCoef = func() []*big.Int {
	c := make([]*big.Int, len(invFact))
	for n, f := range invFact {
		c[n] = f.Shift(seriesPrec + 4).BigInt()
	}
	return c
}()

// seriesTerms is how many terms of Σ x^n/n! keep the tail below
// 10^-seriesPrec for |x| ≤ 1/2 (0.5^27/27! < 1e-36).
const seriesTerms = 27

// pow10Int returns 10^n (n ≥ 0) as a shared, read-only big.Int.
func pow10Int(n int) *big.Int {
	if n < len(pow10Tab) {
		return pow10Tab[n]
	}
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
}

var pow10Tab = func() []*big.Int {
	t := make([]*big.Int, 160)
	for n := range t {
		t[n] = new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
	}
	return t
}()

// dropDigits sets z to z / 10^d rounded half away from zero (d ≥ 0), using
// r as scratch: exactly what Decimal.Round does to a coefficient when it
// drops d digits.
func dropDigits(z *big.Int, d int, r *big.Int) {
	if d <= 0 {
		return
	}
	p := pow10Int(d)
	neg := z.Sign() < 0
	z.QuoRem(z, p, r)
	r.Abs(r)
	r.Lsh(r, 1)
	if r.Cmp(p) >= 0 {
		if neg {
			z.Sub(z, bigOne)
		} else {
			z.Add(z, bigOne)
		}
	}
}

var bigOne = big.NewInt(1)

// expm1 returns e^x − 1 for |x| ≤ expLimit: x is halved k times
// (exactly: multiplied by 0.5^k) until |x| ≤ 1/2, the Taylor series is
// summed there by Horner's rule with precomputed 1/n!,
//
//	e^x − 1 = x·(1/1! + x·(1/2! + x·(1/3! + …))), each step rounded to
//	seriesPrec+4 places (seriesTerms terms),
//
// and e^(2y) − 1 = (e^y − 1)·(e^y − 1 + 2) is applied k times, each step
// rounded to workPrec places; the result is rounded to workPrec places.
// The result keeps its relative precision even for tiny x (no
// cancellation).
//
// The arithmetic is done on the coefficients (big.Int, in place) rather
// than through Decimal values, for speed: each step is the very Decimal
// Mul/Add/Round (half away from zero) it describes, so the result is the
// same digit for digit.
func expm1(x decimal.Decimal) decimal.Decimal {
	// x = X·10^ex with ex ≤ 0.
	X := x.Coefficient()
	ex := int(x.Exponent())
	if ex > 0 {
		X.Mul(X, pow10Int(ex))
		ex = 0
	}
	// Halve while |x| > 1/2, i.e. 2|X| > 10^-ex: x·0.5 = (5X)·10^(ex−1).
	var t, r big.Int
	five := big.NewInt(5)
	k := 0
	for {
		t.Abs(X)
		t.Lsh(&t, 1)
		if t.Cmp(pow10Int(-ex)) <= 0 {
			break
		}
		X.Mul(X, five)
		ex--
		k++
	}
	// Horner: acc (units 10^-sp) ← round(acc·x + 1/n!) to sp places.
	const sp = seriesPrec + 4
	acc := new(big.Int).Set(invFactCoef[seriesTerms])
	scale := pow10Int(-ex)
	for n := seriesTerms - 1; n >= 1; n-- {
		t.Mul(acc, X)
		acc.Mul(invFactCoef[n], scale)
		acc.Add(acc, &t)
		dropDigits(acc, -ex, &r)
	}
	// m = acc·x, units 10^em.
	m := acc.Mul(acc, X)
	em := ex - sp
	for ; k > 0; k-- {
		// m ← m·(m + 2), rounded to workPrec places.
		t.Lsh(pow10Int(-em), 1)
		t.Add(&t, m)
		m.Mul(m, &t)
		em *= 2
		if em < -workPrec {
			dropDigits(m, -workPrec-em, &r)
			em = -workPrec
		}
	}
	if em < -workPrec {
		dropDigits(m, -workPrec-em, &r)
		em = -workPrec
	}
	return decimal.NewFromBigInt(m, int32(em))
}

// expDec returns e^x for 0 ≤ x ≤ expLimit, to about 30 significant digits.
func expDec(x decimal.Decimal) decimal.Decimal { return one.Add(expm1(x)) }

// expNeg returns e^(−u) for u ≥ 0 (0 when u > 100: below 1e-43).
func expNeg(u decimal.Decimal) decimal.Decimal {
	if u.GreaterThan(expLimit) {
		return zero
	}
	return one.DivRound(expDec(u), workPrec)
}

// sat is MODEL.md's saturation curve: cap·(1 − exp(−x/cap)), or x when cap
// is unset. x ≤ 0 gives 0; a cap ≤ 0 gives 0 (nobody can be reached).
// 1 − e^(−u) is computed as −expm1(−u), so a driver far below its cap keeps
// its relative precision; the result is within 1e-28 relative of the exact
// curve, rounded to Precision places. Examples:
//
//	sat(1000, 1000) = 632.120558828557678404476230 (1000·(1 − 1/e))
//	sat(5, unset)   = 5
//	sat(1e6, 10)    = 10
func sat(x decimal.Decimal, cap decimal.NullDecimal) decimal.Decimal {
	if x.Sign() <= 0 {
		return zero
	}
	if !cap.Valid {
		return x
	}
	c := cap.Decimal
	if c.Sign() <= 0 {
		return zero
	}
	u := x.DivRound(c, workPrec)
	if u.GreaterThan(expLimit) {
		return c
	}
	return c.Mul(expm1(u.Neg()).Neg()).Round(Precision)
}

// powInt returns x^n (n ≥ 0) by repeated squaring, rounding to workPrec.
func powInt(x decimal.Decimal, n int) decimal.Decimal {
	r := one
	for n > 0 {
		if n&1 == 1 {
			r = r.Mul(x).Round(workPrec)
		}
		x = x.Mul(x).Round(workPrec)
		n >>= 1
	}
	return r
}

// monthlyRate returns the monthly discount rate i = (1 + annual)^(1/12) − 1
// (MODEL.md) for annual ≥ 0, to workPrec places: the 12th root by Newton's
// method on y^12 = 1 + annual, which converges quadratically from
// y0 = 1 + annual/12 (above the root, so the steps decrease monotonically).
func monthlyRate(annual decimal.Decimal) decimal.Decimal {
	if annual.Sign() <= 0 {
		return zero
	}
	x := one.Add(annual)
	twelve := decimal.NewFromInt(12)
	y := one.Add(annual.DivRound(twelve, workPrec))
	eps := decimal.New(1, -(workPrec - 5))
	for it := 0; it < 100; it++ {
		y11 := powInt(y, 11)
		step := y11.Mul(y).Sub(x).DivRound(twelve.Mul(y11), workPrec)
		y = y.Sub(step)
		if step.Abs().LessThan(eps) {
			break
		}
	}
	return y.Sub(one)
}

// geomSum returns Σ_{k=1}^{n} q^k for q ≥ 0: n when q = 1, else
// q·(1 − q^n)/(1 − q), to workPrec places.
func geomSum(q decimal.Decimal, n int) decimal.Decimal {
	if n <= 0 || q.IsZero() {
		return zero
	}
	if q.Equal(one) {
		return decimal.NewFromInt(int64(n))
	}
	return q.Mul(one.Sub(powInt(q, n))).DivRound(one.Sub(q), workPrec)
}
