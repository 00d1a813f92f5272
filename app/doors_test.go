package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"fazhi/data"
	"fazhi/internal/doortest"
	"fazhi/internal/testfiles"
)

// The tests here show, action by action, that the window and the command
// line are two doors to the same code: the same change from the same data
// leaves the same data and the same backups, whichever door made it.

// newTestUIOn builds the real window on a store the test opened.
func newTestUIOn(t *testing.T, s *data.Store) *UI {
	t.Helper()
	a := test.NewApp()
	t.Cleanup(a.Quit)
	return New(a, s)
}

func seedHR(t testing.TB, s *data.Store) {
	t.Helper()
	if _, err := s.AddDepartment("人力资源分局"); err != nil {
		t.Fatal(err)
	}
}

func TestDoorsAgreeOnPlanImport(t *testing.T) {
	w, c := doortest.Pair(t, seedHR)
	path := testfiles.Seed(t, "004_2fa00343c3f7394e.txt")
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}

	u := newTestUIOn(t, w)
	p := u.showPlanImport(2017, nil)
	p.load(string(text), filepath.Base(path))
	p.confirmSave()
	if got, _ := w.Tasks(2017); len(got) != 42 {
		t.Fatalf("window stored %d tasks; want 42", len(got))
	}

	if _, errs, code := doortest.CLI(t, c, "plan", "import", path, "--year", "2017"); code != 0 {
		t.Fatalf("plan import: %s", errs)
	}
	doortest.Same(t, w, c, 2017)

	// Both refuse a text with no numbered task, in the same words.
	empty := filepath.Join(t.TempDir(), "空.txt")
	os.WriteFile(empty, []byte("这是一段没有编号任务的文字。\n只有两行。"), 0o600)
	p2 := u.showPlanImport(2018, nil)
	p2.load("这是一段没有编号任务的文字。\n只有两行。", "空.txt")
	_, errs, code := doortest.CLI(t, c, "plan", "import", empty, "--year", "2018")
	if code != 1 || !p2.save.Disabled() || !strings.Contains(errs, "没有找到编号的任务") || !strings.Contains(p2.summary.Text, "没有找到编号的任务") {
		t.Errorf("no tasks: command line exit %d %q; window save disabled %v, says %q", code, errs, p2.save.Disabled(), p2.summary.Text)
	}
	doortest.Same(t, w, c, 2017, 2018)
}

func seedDuplicates(t testing.TB, s *data.Store) {
	t.Helper()
	for _, n := range []string{"监察室", "镇监察室", "党政办"} {
		if _, err := s.AddDepartment(n); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.AddTask(2024, data.TaskDraft{Task: data.Task{No: 1, Title: "廉政监督", Text: "廉政监督"}, LeadNames: []string{"镇监察室"}}); err != nil {
		t.Fatal(err)
	}
}

func TestDoorsAgreeOnDeptMerge(t *testing.T) {
	w, c := doortest.Pair(t, seedDuplicates)
	u := newTestUIOn(t, w)
	u.Show("depts")
	if _, err := u.view("depts").(*deptView).merge("镇监察室", "监察室"); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := doortest.CLI(t, c, "dept", "merge", "镇监察室", "监察室"); code != 0 {
		t.Fatalf("dept merge: %s", errs)
	}
	doortest.Same(t, w, c, 2024)
	if b := doortest.Backups(t, w); len(b) != 1 || b[0] != "merge" {
		t.Errorf("backups after a merge: %v; want one made before it", b)
	}
}

func TestDoorsAgreeOnRestore(t *testing.T) {
	w, c := doortest.Pair(t, seedDuplicates)
	// One backup file, restored by both doors onto data that moved on.
	good := filepath.Join(t.TempDir(), "好的备份.db")
	if _, _, code := doortest.CLI(t, c, "backup", "-o", good); code != 0 {
		t.Fatal("backup -o failed")
	}
	if _, err := w.AddDepartment("司法所"); err != nil {
		t.Fatal(err)
	}
	if _, _, code := doortest.CLI(t, c, "dept", "add", "司法所"); code != 0 {
		t.Fatal("dept add failed")
	}
	u := newTestUIOn(t, w)
	u.Show("settings")
	restored := make(chan bool, 1)
	u.view("settings").(*settingsView).backups.restoreThen(good, func() { restored <- true })
	wait(t, restored)
	if _, errs, code := doortest.CLI(t, c, "restore", good); code != 0 {
		t.Fatalf("restore: %s", errs)
	}
	doortest.Same(t, w, c, 2024)
	if _, err := w.ResolveDepartment("司法所"); err == nil {
		t.Error("the window's store still holds what was added after the backup")
	}
}
