package reportin

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// seedPath finds shared/seeds/name by walking up from this file: the repo
// sits beside shared/ in the main checkout and deeper in a worktree. The
// seeds are part of the brief, so a missing one fails the test.
func seedPath(t testing.TB, name string) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	for dir := filepath.Dir(file); ; dir = filepath.Dir(dir) {
		p := filepath.Join(dir, "shared", "seeds", name)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		if filepath.Dir(dir) == dir {
			t.Fatalf("seed %s not found above %s", name, file)
		}
	}
}
