//go:build !race

package kernelgen

const raceEnabled = false
