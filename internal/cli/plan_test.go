package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fazhi/internal/testfiles"
)

func seedPath(t *testing.T, name string) string { return testfiles.Seed(t, name) }

// TestPlanImportSeed004 checks the figures the issue names through the
// command line, as a script would see them.
func TestPlanImportSeed004(t *testing.T) {
	db := filepath.Join(t.TempDir(), "fazhi.db")
	seed := seedPath(t, "004_2fa00343c3f7394e.txt")
	runCLI(t, "--db", db, "dept", "add", "人力资源分局", "--alias", "人资分局")

	out, errs, code := runCLI(t, "--db", db, "plan", "import", seed, "--year", "2017", "--dry-run", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if strings.Contains(errs, "注意") {
		t.Errorf("a 2017 plan imported as 2017 warns about the year: %s", errs)
	}
	// The same plan filed under 2026 by mistake is pointed out.
	if _, errs2, _ := runCLI(t, "--db", db, "plan", "import", seed, "--year", "2026", "--dry-run"); !strings.Contains(errs2, "注意：方案中的完成时限最晚是2018年") {
		t.Errorf("no year warning for a 2018 plan imported as 2026: %s", errs2)
	}
	var p jsonPlan
	if err := json.Unmarshal([]byte(out), &p); err != nil {
		t.Fatal(err)
	}
	tasks := map[int]jsonTask{}
	for _, ch := range p.Chapters {
		for _, task := range ch.Tasks {
			tasks[task.No] = task
		}
	}
	if len(p.Chapters) != 8 || len(tasks) != 42 {
		t.Fatalf("%d chapters, %d tasks; want 8 and 42", len(p.Chapters), len(tasks))
	}
	check := func(no int, what string, got, want []string) {
		if !slices.Equal(got, want) {
			t.Errorf("task %d %s = %q; want %q", no, what, got, want)
		}
	}
	check(3, "lead", tasks[3].Lead, []string{"组织办"})
	check(3, "cooperate", tasks[3].Cooperate, []string{"财政分局", "法制办"})
	check(5, "lead", tasks[5].Lead, []string{"政务服务中心"})
	if n := len(tasks[5].Cooperate); n != 4 {
		t.Errorf("task 5 has %d cooperating departments; want 4", n)
	}
	check(9, "responsible", tasks[9].Responsible, []string{"党政办", "法制办"})
	check(14, "responsible", tasks[14].Responsible, []string{"法制办"})
	check(30, "lead", tasks[30].Lead, []string{"法制办"})
	check(30, "cooperate", tasks[30].Cooperate, []string{"组织办", "财政分局"})
	for no, task := range tasks {
		want := "2018-12-31"
		if no == 6 || no == 10 {
			want = "2017-12-31"
		}
		if task.Deadline.String() != want {
			t.Errorf("task %d deadline %v; want %s", no, task.Deadline, want)
		}
		// 19 names only 各有关部门, 31 the misspelling 各有部门; many others
		// name it beside departments. 3, 5 and 14 name departments only.
		if (no == 19 || no == 31) && !task.AllRelevant || (no == 3 || no == 5 || no == 14) && task.AllRelevant {
			t.Errorf("task %d all_relevant = %v", no, task.AllRelevant)
		}
		for _, n := range append(append(task.Lead, task.Cooperate...), task.Responsible...) {
			if n == "人资分局" {
				t.Errorf("task %d: alias 人资分局 not resolved to its department", no)
			}
		}
		if task.JSONTracking != nil {
			t.Errorf("a preview carries tracking fields: %+v", task.JSONTracking)
		}
	}
	if out, _, _ := runCLI(t, "--db", db, "tasks", "list", "--year", "2017"); out != "" {
		t.Errorf("--dry-run stored tasks:\n%s", out)
	}

	_, errs, code = runCLI(t, "--db", db, "plan", "import", seed, "--year", "2017")
	if code != 0 || !strings.Contains(errs, "已导入2017年任务分解表：42 项任务") {
		t.Fatalf("import: exit %d, %s", code, errs)
	}
	_, errs, code = runCLI(t, "--db", db, "plan", "import", seed, "--year", "2017")
	if code != 1 || !strings.Contains(errs, "--replace") {
		t.Errorf("second import: exit %d, %s", code, errs)
	}
	_, errs, code = runCLI(t, "--db", db, "plan", "import", seed, "--year", "2017", "--replace")
	if code != 0 || !strings.Contains(errs, "替换了原有的 42 项") {
		t.Errorf("replace: exit %d, %s", code, errs)
	}
	out, _, _ = runCLI(t, "--db", db, "tasks", "list", "--year", "2017", "--dept", "政务服务中心")
	if !strings.Contains(out, "推进政务服务创新") {
		t.Errorf("tasks of 政务服务中心:\n%s", out)
	}
}

func TestPlanImportBadFiles(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "fazhi.db")
	files := map[string][]byte{
		"empty.txt":    {},
		"notasks.txt":  []byte("关于做好某项工作的通知\n各部门要高度重视。\n"),
		"binary.txt":   {0x89, 'P', 'N', 'G', 0, 0, 0, 0x0d, 0, 1, 2, 3, 0, 0, 0xff, 0xfe},
		"old.doc":      {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0},
		"notzip.docx":  []byte("PK\x03\x04 this is not really a zip"),
		"missing.docx": nil,
	}
	for name, content := range files {
		if content != nil {
			os.WriteFile(filepath.Join(dir, name), content, 0o644)
		}
	}
	for name := range files {
		out, errs, code := runCLI(t, "--db", db, "plan", "import", filepath.Join(dir, name), "--year", "2024")
		if code != 1 || errs == "" || out != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 1 and a message", name, code, out, errs)
		}
		if !containsHan(errs) {
			t.Errorf("%s: message not in Chinese: %q", name, errs)
		}
	}
	if out, _, _ := runCLI(t, "--db", db, "dept", "list"); out != "" {
		t.Errorf("bad files registered departments: %q", out)
	}
}

func containsHan(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}
