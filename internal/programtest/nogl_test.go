package programtest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// startXvfb starts a virtual display with the given extra arguments and
// returns its DISPLAY value; Xvfb picks a free number itself (-displayfd).
func startXvfb(t *testing.T, args ...string) string {
	t.Helper()
	xvfb, err := exec.LookPath("Xvfb")
	if err != nil {
		t.Skip("Xvfb is not installed (apt-get install xvfb): no display to test the window's start-up on")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(xvfb, append([]string{"-displayfd", "3", "-nolisten", "tcp", "-screen", "0", "800x600x24"}, args...)...)
	cmd.ExtraFiles = []*os.File{w}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	var n int
	if _, err := fmt.Fscan(r, &n); err != nil {
		t.Fatalf("Xvfb did not report its display: %v", err)
	}
	r.Close()
	return fmt.Sprintf(":%d", n)
}

// TestNoGraphicsMessage starts the real windowed program (built without the
// ci tag, so with Fyne's OpenGL driver) where no window can open, and checks
// it says why and what to do on stderr and exits with status 1, before
// touching the data file — instead of Fyne's bare log line or a panic.
func TestNoGraphicsMessage(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the display is simulated with Xvfb, on Linux only")
	}
	if testing.Short() {
		t.Skip("builds the windowed program: not in -short")
	}
	noGLX := startXvfb(t, "-extension", "GLX")
	dir := t.TempDir()
	bin := filepath.Join(dir, "fazhi")
	build := exec.Command("go", "build", "-o", bin, "fazhi")
	build.Env = append(os.Environ(), "CGO_ENABLED=1")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the windowed program: %v\n%s", err, out)
	}

	for _, c := range []struct {
		name    string
		display string
		want    string
	}{
		{"display without OpenGL", noGLX, "没有可用的 OpenGL 显卡驱动"},
		{"no display", "", "没有找到图形桌面"},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := filepath.Join(dir, c.name+".db")
			// A generous limit only so a window that does open cannot hang the test.
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, bin, "--db", db)
			cmd.Env = append(os.Environ(), "DISPLAY="+c.display, "WAYLAND_DISPLAY=", "XDG_CONFIG_HOME="+dir)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			err := cmd.Run()
			var exit *exec.ExitError
			if ctx.Err() != nil {
				t.Fatalf("the program did not exit: a window opened, or it hangs. stderr: %s", stderr.String())
			}
			if !errors.As(err, &exit) || exit.ExitCode() != 1 {
				t.Errorf("exit: %v; want status 1", err)
			}
			msg := stderr.String()
			for _, want := range []string{"无法打开程序窗口", c.want, "fazhi --help"} {
				if !strings.Contains(msg, want) {
					t.Errorf("stderr lacks %q:\n%s", want, msg)
				}
			}
			if strings.Contains(msg, "panic") || strings.Contains(msg, "Fyne error") {
				t.Errorf("stderr has more than the message:\n%s", msg)
			}
			if _, err := os.Stat(db); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("the data file was created or touched (%v); the check must come first", err)
			}
		})
	}
}
