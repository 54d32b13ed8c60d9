//go:build !unix

package simulate

import "time"

// processCPU is unknown here: the benchmarks' cpu-s/op read 0.
func processCPU() time.Duration { return 0 }
