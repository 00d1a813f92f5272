package programtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"fazhi/internal/hostile"
)

// importPaths is every way a file from outside gets into the program on
// the command line. Each must refuse every file of the hostile corpus with
// a Chinese sentence that says what to do, within answerLimit and
// memoryLimit, and leave the data file's digest unchanged. Add a row when a
// new import lands (xlsx plan, returned workbooks, statistics templates).
var importPaths = []struct {
	name string
	args func(file string) []string
	// reads names corpus files that are not bad for this path: the legacy
	// .xls and the .et (WPS saving in Excel 97 form) hold a real two-column
	// 任务分解表, which tasks import reads through export/xls as it should.
	reads []string
}{
	{"plan import", func(f string) []string { return []string{"plan", "import", f, "--year", "2024", "--replace"} }, nil},
	{"restore", func(f string) []string { return []string{"restore", f} }, nil},
	{"tasks import", func(f string) []string { return []string{"tasks", "import", f, "--year", "2024", "--replace"} }, []string{"旧版.xls", "WPS表格.et"}},
	{"tasks merge", func(f string) []string { return []string{"tasks", "merge", "--year", "2024", f, "--apply"} }, nil},
	{"report import", func(f string) []string { return []string{"report", "import", f, "--year", "2024", "--replace"} }, nil},
	{"stats import", func(f string) []string { return []string{"stats", "import", f, "--year", "2024"} }, nil},
	{"stats sum", func(f string) []string { return []string{"stats", "sum", "-o", f + ".汇总.xlsx", f} }, nil},
}

const (
	answerLimit = 2 * time.Second
	memoryLimit = 300 << 20
)

var (
	corpusOnce  sync.Once
	corpusPaths []string
	corpusErr   error
)

// hostileCorpus makes the corpus once per test binary.
func hostileCorpus(t *testing.T) []string {
	t.Helper()
	corpusOnce.Do(func() {
		dir, err := os.MkdirTemp("", "fazhi-hostile-")
		if err != nil {
			corpusErr = err
			return
		}
		corpusPaths, corpusErr = hostile.MakeAll(dir)
	})
	if corpusErr != nil {
		t.Fatal(corpusErr)
	}
	return corpusPaths
}

// TestHostileFiles runs the corpus through every import path, each file in
// a child process (the program itself, see TestMain) so its time and peak
// memory are its own. Set FAZHI_RELIABILITY=1 to enforce the 2 s answer
// and print the table for docs/RELIABILITY.md (timing is not a pass/fail
// matter on a loaded machine otherwise).
func TestHostileFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("makes a 2 GiB zip bomb and a full-height sheet")
	}
	files := hostileCorpus(t)
	t.Cleanup(func() { os.RemoveAll(filepath.Dir(files[0])) })
	strict := os.Getenv("FAZHI_RELIABILITY") == "1"

	db := filepath.Join(t.TempDir(), "fazhi.db")
	seedHostileDB(t, db)
	want, err := hostile.DigestFile(db)
	if err != nil {
		t.Fatal(err)
	}
	var table strings.Builder
	fmt.Fprintf(&table, "| path | file | what is wrong | answer | max RSS | message |\n|---|---|---|---|---|---|\n")
	var slowest time.Duration
	var largest int64
	for _, p := range importPaths {
		for i, f := range hostile.Corpus() {
			if slices.Contains(p.reads, f.Name) {
				continue
			}
			args := append([]string{"--db", db}, p.args(files[i])...)
			stderr, code, took, rss := runMeasured(t, args)
			name := p.name + " " + f.Name
			msg := strings.TrimSpace(stderr)
			if code != 1 {
				t.Errorf("%s: exit %d; want 1 (stderr %q)", name, code, msg)
			}
			if !hasHan(msg) || strings.HasPrefix(msg, "操作失败") || !strings.Contains(msg, "请") {
				t.Errorf("%s: message %q is not a Chinese sentence saying what to do", name, msg)
			}
			if rss > memoryLimit {
				t.Errorf("%s: peak memory %d MB; limit %d MB", name, rss>>20, memoryLimit>>20)
			}
			if strict && took > answerLimit {
				t.Errorf("%s: answered in %v; limit %v", name, took, answerLimit)
			}
			if got, err := hostile.DigestFile(db); err != nil || got != want {
				t.Fatalf("%s changed the data file (%v)", name, err)
			}
			slowest, largest = max(slowest, took), max(largest, rss)
			fmt.Fprintf(&table, "| %s | %s | %s | %d ms | %d MB | %s |\n", p.name, f.Name, f.What, took.Milliseconds(), rss>>20, msg)
		}
	}
	t.Logf("%d paths × %d files; slowest answer %v, largest peak RSS %d MB", len(importPaths), len(files), slowest.Round(time.Millisecond), largest>>20)
	if strict {
		fmt.Println(table.String())
	}
}

// seedHostileDB puts a plan, a department and progress in the data file,
// so that "unchanged" protects something.
func seedHostileDB(t *testing.T, db string) {
	t.Helper()
	plan := filepath.Join(t.TempDir(), "方案.txt")
	os.WriteFile(plan, []byte("一、制度建设\n1. 完善制度。（法制办负责）\n2. 公开清单。（党政办牵头，法制办配合）\n"), 0o600)
	for _, args := range [][]string{
		{"plan", "import", plan, "--year", "2024"},
		{"tasks", "progress", "--year", "2024", "--no", "1", "--dept", "法制办", "--text", "已起草"},
	} {
		if _, errs, code := runCLI(t, append([]string{"--db", db}, args...)...); code != 0 {
			t.Fatalf("%v: %s", args, errs)
		}
	}
}

// runMeasured runs the program in a child process and returns its stderr,
// exit status, wall time and peak resident memory.
func runMeasured(t *testing.T, args []string) (string, int, time.Duration, int64) {
	t.Helper()
	js, _ := json.Marshal(args)
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "FAZHI_TEST_ARGS="+string(js))
	var errb bytes.Buffer
	cmd.Stderr = &errb
	start := time.Now()
	err := cmd.Run()
	took := time.Since(start)
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return errb.String(), code, took, maxRSS(cmd.ProcessState)
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
