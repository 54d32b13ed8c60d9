package plan

import "errors"

// Decode reads a plan file (format 1) named name (used in error messages).
// It returns every problem found, as an ErrorList, or the plan with
// defaults filled in.
func Decode(name string, data []byte) (Plan, error) {
	return Plan{}, errors.New("plan: Decode not implemented yet")
}

// Validate checks every field of p against its range (FORMAT.md) and returns
// every problem found, without file positions.
func Validate(p Plan) ErrorList { return nil }

// Encode writes p as a plan file (format 1) that Decode reads back equal.
func Encode(p Plan) ([]byte, error) { return nil, errors.New("plan: Encode not implemented yet") }
