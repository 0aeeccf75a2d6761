//go:build gc && !purego && (amd64 || arm64)

package asm

// FFTStageLayout places the values of a radix-4 stage whose k are rows of
// Width values: for j < ls, q and s < 4, i < Rows, c < Width, input a_q
// of (j, k = i·Width + c) is in[j·JIn + q·QIn + i·RowIn + c] and output
// s is out[j·JOut + s·SOut + i·RowOut + c] (strides in values).
type FFTStageLayout struct {
	Rows, Width        int
	JIn, QIn, RowIn    int
	JOut, SOut, RowOut int
}

// ContiguousStage is the layout of a Stockham stage on one buffer:
// in[j·4r + q·r + k], out[(j + s·ls)·r + k].
func ContiguousStage(ls, r int) FFTStageLayout {
	return FFTStageLayout{Rows: 1, Width: r, JIn: 4 * r, QIn: r, RowIn: r, JOut: r, SOut: ls * r, RowOut: r}
}
