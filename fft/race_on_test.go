//go:build race

package fft

// raceEnabled: under the race detector sync.Pool drops items at random,
// so the pooled scratch is sometimes reallocated.
const raceEnabled = true
