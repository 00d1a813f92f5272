package programtest

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fazhi/app"
	_ "fazhi/app/uilang" // as in main: before Fyne reads the locale
	"fazhi/data"
	"fazhi/internal/cli"
)

// run is the whole program, as main runs it: both doors.
func run(args []string, stdout, stderr io.Writer) int {
	return cli.Run(args, stdout, stderr, app.Main)
}

// TestMain lets a test start this test binary as the program itself (see
// runChild), so the lock is tested across two real processes.
func TestMain(m *testing.M) {
	if args := os.Getenv("FAZHI_TEST_ARGS"); args != "" {
		var a []string
		if err := json.Unmarshal([]byte(args), &a); err != nil {
			panic(err)
		}
		os.Exit(run(a, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

func runCLI(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return out.String(), errb.String(), code
}

// runChild runs the program as a separate process (this test binary, see
// TestMain) and returns its stderr and exit status.
func runChild(t *testing.T, args ...string) (string, int) {
	t.Helper()
	return runChildEnv(t, nil, args...)
}

func runChildEnv(t *testing.T, env []string, args ...string) (string, int) {
	t.Helper()
	js, _ := json.Marshal(args)
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(append(os.Environ(), "FAZHI_TEST_ARGS="+string(js)), env...)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return errb.String(), ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return errb.String(), 0
}

// TestSecondCopyIsToldFileInUse holds the data file open here, as the window
// does, and runs the command line in another process against it.
func TestSecondCopyIsToldFileInUse(t *testing.T) {
	db := filepath.Join(t.TempDir(), "fazhi.db")
	s, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	errs, code := runChild(t, "--db", db, "dept", "list")
	if code != 1 || !strings.Contains(errs, "正被另一个正在运行的本程序使用") {
		t.Errorf("second copy: exit %d, stderr %q; want exit 1 and the in-use message", code, errs)
	}
	s.Close()
	if errs, code := runChild(t, "--db", db, "dept", "list"); code != 0 {
		t.Errorf("after the first copy closed: exit %d, %q", code, errs)
	}
}

// TestQuietUnderCLocale: Fyne logs a locale error at start-up under
// LANG=C.UTF-8 unless uilang steps in; the command line must print only its
// own words.
func TestQuietUnderCLocale(t *testing.T) {
	for _, env := range [][]string{
		{"LANG=C.UTF-8", "LANGUAGE=", "LC_ALL=", "LC_MESSAGES="},
		{"LANG=C", "LANGUAGE=", "LC_ALL=", "LC_MESSAGES="},
		{"LANG=zh_CN.UTF-8", "LANGUAGE=", "LC_ALL=", "LC_MESSAGES="},
	} {
		errs, code := runChildEnv(t, env, "version")
		if code != 0 || errs != "" {
			t.Errorf("%v: version wrote %q to stderr (exit %d)", env, errs, code)
		}
	}
}
