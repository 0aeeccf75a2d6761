package fft_test

import (
	"fmt"

	"github.com/ssmkern/ssmkern/fft"
)

func ExampleConvStream32() {
	// One channel, blocks of 2 samples, kernel (1, 0.5, 0.25): longer than
	// a block, so each block reaches back into the one before.
	s, err := fft.NewConvStream32(1, 2, []float32{1, 0.5, 0.25})
	if err != nil {
		panic(err)
	}
	y := make([]float32, 2)
	for _, block := range [][]float32{{1, 0}, {0, 0}, {4, 0}} {
		if err := s.Process(y, block, nil); err != nil {
			panic(err)
		}
		fmt.Println(y)
	}
	s.Reset() // a new sequence
	if err := s.Process(y, []float32{0, 0}, nil); err != nil {
		panic(err)
	}
	fmt.Println(y)
	// Output:
	// [1 0.5]
	// [0.25 0]
	// [4 2]
	// [0 0]
}

func ExampleConv32_Backward() {
	// y = k * u + d·u with k = (1, 0.5), d = 2; the loss Σ y·dy with dy
	// the second step only: dloss/du[m] = k[1−m] + d·[m = 1].
	c, err := fft.NewConv32(1, 3, []float32{1, 0.5})
	if err != nil {
		panic(err)
	}
	u, d := []float32{1, 2, 3}, []float32{2}
	dy := []float32{0, 1, 0}
	du, dk, dd := make([]float32, 3), make([]float32, 2), make([]float32, 1)
	if err := c.Backward(du, dk, dd, dy, u, d); err != nil {
		panic(err)
	}
	fmt.Println(du, dk, dd)
	// Output: [0.5 3 0] [2 1] [2]
}
