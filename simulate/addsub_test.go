package simulate

import (
	"reflect"
	"testing"

	"github.com/shopspring/decimal"
)

// add and sub give what Decimal.Add and Decimal.Sub give, coefficient and
// exponent alike (reflect.DeepEqual sees both), for zeros of every
// exponent, the zero value, positive exponents and signs.
func TestAddSubAreDecimals(t *testing.T) {
	vals := []decimal.Decimal{
		{}, decimal.Zero, decimal.New(0, -24), decimal.New(0, -3), decimal.New(0, 2),
		decimal.New(5, 0), decimal.New(-5, 0), decimal.New(123456789, -24), decimal.New(-7, -30),
		decimal.New(3, 2), decimal.New(-3, 4), decimal.RequireFromString("1234.500000000000000000000000"),
		one, zero, decimal.New(1, -50),
	}
	for _, x := range vals {
		for _, y := range vals {
			if got, want := add(x, y), x.Add(y); !reflect.DeepEqual(got, want) || got.Exponent() != want.Exponent() {
				t.Errorf("add(%v e%d, %v e%d) = %v e%d, Add gives %v e%d", x, x.Exponent(), y, y.Exponent(),
					got, got.Exponent(), want, want.Exponent())
			}
			if got, want := sub(x, y), x.Sub(y); !reflect.DeepEqual(got, want) || got.Exponent() != want.Exponent() {
				t.Errorf("sub(%v e%d, %v e%d) = %v e%d, Sub gives %v e%d", x, x.Exponent(), y, y.Exponent(),
					got, got.Exponent(), want, want.Exponent())
			}
		}
	}
}
