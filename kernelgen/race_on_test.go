//go:build race

package kernelgen

// raceEnabled: under the race detector sync.Pool drops items at random, so
// the pooled scratch is sometimes reallocated and allocation counts lie.
const raceEnabled = true
