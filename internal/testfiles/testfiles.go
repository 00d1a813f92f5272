// Package testfiles finds the real documents the tests read: the annual
// reports and implementation plan of ../shared/seeds and the workbooks of
// ../shared/fixtures/real, copied into testdata/shared at the repository's
// root so that a fresh clone (CI) has them, and generates the workbooks
// too large or too plain to keep there (CityReturn, TaskTable). Only tests
// and the go run tools of internal/tools import it.
package testfiles

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// root is testdata/shared, found from this file so that every package's
// tests, whatever their folder, reach the same copy.
func root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata", "shared")
}

// Seed is the path of a seed document (e.g. 004_2fa00343c3f7394e.txt). A
// missing seed fails the test: the figures the issues name come from them.
func Seed(t testing.TB, name string) string { return find(t, "seeds", name) }

// Fixture is the path of a real workbook (e.g. xzfy_guofaban_stat_template.xls).
func Fixture(t testing.TB, name string) string {
	return find(t, filepath.Join("fixtures", "real"), name)
}

func find(t testing.TB, dir, name string) string {
	t.Helper()
	p := filepath.Join(root(), dir, name)
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("test file %s is missing from testdata/shared/%s: %v", name, dir, err)
	}
	return p
}

// SeedFile and FixtureFile are the same paths for code that reports a
// missing file itself (benchmarks, fuzz corpora).
func SeedFile(name string) string { return filepath.Join(root(), "seeds", name) }

// FixtureFile: see SeedFile.
func FixtureFile(name string) string { return filepath.Join(root(), "fixtures", "real", name) }
