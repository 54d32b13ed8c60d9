package plan

// DefaultLibrary returns the embedded benchmark library (assets).
func DefaultLibrary() Library { return Library{} }

// Find returns the benchmark for metric on a channel of kind in sector:
// the sector's own figure first, else the all-sector one.
func (l Library) Find(kind Kind, sector, metric string) (Benchmark, bool) { return Benchmark{}, false }

// Lever returns the lever with the given id.
func (l Library) Lever(id string) (Lever, bool) { return Lever{}, false }
