package fft_test

import (
	"fmt"

	"github.com/ssmkern/ssmkern/fft"
)

func ExamplePlan32() {
	p, err := fft.NewPlan32(4)
	if err != nil {
		panic(err)
	}
	x := []complex64{1, 2, 3, 4}
	X := make([]complex64, 4)
	if err := p.Forward(X, x); err != nil {
		panic(err)
	}
	fmt.Println(X)
	if err := p.Inverse(X, X); err != nil { // in place
		panic(err)
	}
	fmt.Println(X)
	// Output:
	// [(10+0i) (-2+2i) (-2+0i) (-2-2i)]
	// [(1+0i) (2+0i) (3+0i) (4+0i)]
}

func ExampleConv32() {
	// One channel, sequences of length 5, kernel (1, 0.5), skip weight 2.
	c, err := fft.NewConv32(1, 5, []float32{1, 0.5})
	if err != nil {
		panic(err)
	}
	u := []float32{1, 0, 0, 2, 0}
	y := make([]float32, len(u))
	if err := c.Apply(y, u, []float32{2}); err != nil {
		panic(err)
	}
	fmt.Println(y)
	// Output: [3 0.5 0 6 1]
}

func ExampleNewConv32_error() {
	_, err := fft.NewConv32(2, 8, make([]float32, 7))
	fmt.Println(err)
	// Output: fft: NewConv32: len(k) = 7 is not a multiple of channels = 2
}

func ExamplePlan32_ForwardBatch() {
	p, err := fft.NewPlan32(4)
	if err != nil {
		panic(err)
	}
	// Two rows of length 4, back to back, transformed in place.
	x := []complex64{1, 2, 3, 4, 1, 0, 0, 0}
	if err := p.ForwardBatch(x, x, 2); err != nil {
		panic(err)
	}
	fmt.Println(x[:4], x[4:])
	if err := p.InverseBatch(x, x, 2); err != nil {
		panic(err)
	}
	fmt.Println(x)
	// Output:
	// [(10+0i) (-2+2i) (-2+0i) (-2-2i)] [(1+0i) (1+0i) (1+0i) (1+0i)]
	// [(1+0i) (2+0i) (3+0i) (4+0i) (1+0i) (0+0i) (0+0i) (0+0i)]
}

func ExampleRealPlan32_ForwardBatch() {
	p, err := fft.NewRealPlan32(4)
	if err != nil {
		panic(err)
	}
	x := []float32{1, 2, 3, 4, 1, 1, 1, 1} // two rows of 4 samples
	spec := make([]complex64, 2*p.Bins())  // two rows of 3 bins
	if err := p.ForwardBatch(spec, x, 2); err != nil {
		panic(err)
	}
	for i := range spec {
		spec[i] += 0 // prints a zero of either sign as 0
	}
	fmt.Println(spec)
	back := make([]float32, len(x))
	if err := p.InverseBatch(back, spec, 2); err != nil {
		panic(err)
	}
	fmt.Println(back)
	// Output:
	// [(10+0i) (-2+2i) (-2+0i) (4+0i) (0+0i) (0+0i)]
	// [1 2 3 4 1 1 1 1]
}

func ExamplePlan64_ForwardBatch() {
	p, err := fft.NewPlan64(2)
	if err != nil {
		panic(err)
	}
	fmt.Println(p.ForwardBatch(make([]complex128, 6), make([]complex128, 6), 3))
	fmt.Println(p.ForwardBatch(make([]complex128, 5), make([]complex128, 6), 3))
	// Output:
	// <nil>
	// fft: Plan64.ForwardBatch: len(dst) = 5, want rows·2 = 6
}
