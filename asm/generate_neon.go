package asm

// The NEON assembly (asm/*_arm64.s) is written by avogen/neongen with the
// emitter of avogen/neon; see asm/generate.go for the amd64 files.
//go:generate sh -c "cd ../avogen && go run ./neongen -gen exp -out ../asm"
//go:generate sh -c "cd ../avogen && go run ./neongen -gen cmul -out ../asm"
//go:generate sh -c "cd ../avogen && go run ./neongen -gen scan -out ../asm"
//go:generate sh -c "cd ../avogen && go run ./neongen -gen convdirect -out ../asm"
//go:generate sh -c "cd ../avogen && go run ./neongen -gen vandermonde -out ../asm"
//go:generate sh -c "cd ../avogen && go run ./neongen -gen cauchy -out ../asm"
//go:generate sh -c "cd ../avogen && go run ./neongen -gen fft -out ../asm"
//go:generate sh -c "cd ../avogen && go run ./neongen -gen fftmix -out ../asm"
