package plan

// ExampleNames lists the embedded example plans, the bakery first.
func ExampleNames() []string { return nil }

// ExampleFile returns the TOML text of the named example plan.
func ExampleFile(name string) ([]byte, bool) { return nil, false }

// Example decodes the named example plan.
func Example(name string) (Plan, error) { return Plan{}, nil }
