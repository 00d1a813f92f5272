package reportin

import (
	"testing"

	"fazhi/internal/testfiles"
)

func seedPath(t testing.TB, name string) string { return testfiles.Seed(t, name) }
