//go:build !linux

package main

// threadCPU returns 0: per-thread CPU time is read only on Linux.
func threadCPU() float64 { return 0 }
