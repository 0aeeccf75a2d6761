package main

import "syscall"

// threadCPU returns the CPU time, in ns, that the calling OS thread has
// used (getrusage RUSAGE_THREAD). A benchmark locked to its thread divides
// the difference by the iterations: unlike wall time it does not count
// the time the thread waited for a core, so it stays meaningful on a
// shared, loaded machine (caches and memory bandwidth are still shared).
func threadCPU() float64 {
	const rusageThread = 1
	var ru syscall.Rusage
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano() + ru.Stime.Nano())
}
