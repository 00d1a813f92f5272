// Benchworkbook writes the 5,000-task 任务分解表 that BenchmarkImport5000
// reads, for timing `fazhi tasks import` as a whole process (max RSS with
// /usr/bin/time -v); see docs/PERFORMANCE.md.
//
//	go run ./internal/tools/benchworkbook -o /tmp/big.xlsx
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"fazhi/internal/testfiles"
)

func main() {
	out := flag.String("o", "", "the .xlsx file to write (replaced if it exists)")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: go run ./internal/tools/benchworkbook -o big.xlsx")
		os.Exit(2)
	}
	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "benchworkbook:", err)
		os.Exit(1)
	}
	if err := testfiles.TaskTable(*out, 5000); err != nil {
		fmt.Fprintln(os.Stderr, "benchworkbook:", err)
		os.Exit(1)
	}
}
