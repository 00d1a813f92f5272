package app

import (
	"os"
	"testing"

	"fazhi/internal/testfiles"

	"fyne.io/fyne/v2/widget"
)

// seed004 is the 企石镇 实施方案 from shared/seeds: 8 chapters, 42 tasks.
func seed004(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(testfiles.Seed(t, "004_2fa00343c3f7394e.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestPlanImportPreviewThenSave(t *testing.T) {
	u, s := newTestUI(t)
	hr, err := s.AddDepartment("人力资源分局")
	if err != nil {
		t.Fatal(err)
	}
	saved := false
	p := u.showPlanImport(2017, func() { saved = true })
	p.load(seed004(t), "004.txt")

	chapters, tasks := 0, 0
	for _, r := range p.rows {
		if r.chapter {
			chapters++
		} else {
			tasks++
		}
	}
	if chapters != 8 || tasks != 42 {
		t.Fatalf("preview shows %d chapters and %d tasks; want 8 and 42", chapters, tasks)
	}
	if p.save.Disabled() {
		t.Fatal("save disabled with 42 tasks found")
	}
	// Previewing stores nothing.
	if all, _ := s.Departments(); len(all) != 1 {
		t.Fatalf("preview registered departments: %d", len(all))
	}
	if got, _ := s.Tasks(2017); len(got) != 0 {
		t.Fatal("preview stored tasks")
	}
	// The register does not know 人资分局 (an alias in the seed); say it is
	// 人力资源分局, which must be among the first choices.
	sel, ok := p.choices["人资分局"]
	if !ok {
		t.Fatalf("人资分局 not offered; choices: %v", keys(p.choices))
	}
	if sel.Selected != newDeptChoice {
		t.Errorf("default choice %q; unknown names must default to registering", sel.Selected)
	}
	if sel.Options[1] != aliasChoice("人力资源分局") {
		t.Errorf("first suggestion for 人资分局 = %q", sel.Options[1])
	}
	sel.SetSelected(aliasChoice("人力资源分局"))

	p.confirmSave()
	if !saved {
		t.Fatal("done callback not called after saving")
	}
	stored, _ := s.Tasks(2017)
	if len(stored) != 42 {
		t.Fatalf("%d tasks stored; want 42", len(stored))
	}
	if d, err := s.ResolveDepartment("人资分局"); err != nil || d.ID != hr.ID {
		t.Errorf("人资分局 not recorded as alias: %+v %v", d, err)
	}
	if _, err := s.ResolveDepartment("政务服务中心"); err != nil {
		t.Errorf("new department not registered: %v", err)
	}

	// A second import of the year asks before replacing.
	p2 := u.showPlanImport(2017, nil)
	p2.load(seed004(t), "004.txt")
	p2.confirmSave()
	if u.win.Canvas().Overlays().Top() == nil {
		t.Error("no confirmation before replacing the year's plan")
	}
	if again, _ := s.Tasks(2017); len(again) != 42 || again[0].ID != stored[0].ID {
		t.Error("the year was replaced without confirmation")
	}
}

func TestPlanImportWithNoTasksCannotSave(t *testing.T) {
	u, s := newTestUI(t)
	p := u.showPlanImport(2024, nil)
	p.load("这是一段没有编号任务的文字。\n只有两行。", "x.txt")
	if !p.save.Disabled() {
		t.Error("save enabled with no tasks")
	}
	if _, ok, _ := s.PlanFor(2024); ok {
		t.Error("plan stored")
	}
}

func keys(m map[string]*widget.Select) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
