//go:build gc && !purego

package asm

// PrefetchSpansForTest exposes prefetchSpans to the external tests.
var PrefetchSpansForTest = prefetchSpans
