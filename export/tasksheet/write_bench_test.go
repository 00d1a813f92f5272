package tasksheet

import (
	"io"
	"testing"
)

// The speed targets of issue 8: a 5,000-task export in ≤ 1 s. Peak memory
// (≤ 200 MB) is a whole-process figure: scripts/bench-export.sh.

func BenchmarkWrite5000(b *testing.B) {
	in := large(5000)
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFillTemplate5000(b *testing.B) {
	in := large(5000)
	path := fixture(b, wpsLedger)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := FillTemplate(io.Discard, path, in, "招采台账"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDistribute5000: every department's workbook of a 5,000-task
// year (three departments, each on every task).
func BenchmarkDistribute5000(b *testing.B) {
	in := large(5000)
	shares := Split(in.Tasks)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range shares {
			if err := WriteDept(io.Discard, in, d); err != nil {
				b.Fatal(err)
			}
		}
	}
}
