package action_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fazhi/data"
	"fazhi/export/backup"
	"fazhi/internal/action"
	"fazhi/internal/doortest"
	"fazhi/internal/testfiles"
)

func TestReadPlan(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, c := range []struct {
		name          string
		path          string
		chapters, tks int
		err           string
	}{
		{"seed 004", testfiles.Seed(t, "004_2fa00343c3f7394e.txt"), 8, 42, ""},
		{"numbered", write("要点.txt", "一、依法决策\n1.完善重大决策程序（党政办牵头负责）。\n2.落实法律顾问制度。\n"), 1, 2, ""},
		{"no numbering", write("散文.txt", "这是一段没有编号任务的文字。\n只有两行。"), 0, 0, "“散文.txt”中没有找到编号的任务"},
		{"empty file", write("空.txt", ""), 0, 0, "空"},
		{"missing", filepath.Join(dir, "没有.txt"), 0, 0, "没有.txt"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, err := action.ReadPlan(c.path, 2024)
			if c.err != "" {
				if err == nil || !strings.Contains(data.Message(err), c.err) {
					t.Fatalf("err = %v; want one saying %q", err, c.err)
				}
				if strings.Contains(data.Message(err), "fazhi ") {
					t.Errorf("message names a command: %q", data.Message(err))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Import.Plan.Chapters) != c.chapters || len(r.Import.Tasks) != c.tks {
				t.Errorf("%d chapters, %d tasks; want %d, %d", len(r.Import.Plan.Chapters), len(r.Import.Tasks), c.chapters, c.tks)
			}
			if r.Import.Plan.Source != filepath.Base(c.path) {
				t.Errorf("source %q", r.Import.Plan.Source)
			}
		})
	}
}

func TestPreviewThenSavePlan(t *testing.T) {
	s := doortest.Open(t, filepath.Join(t.TempDir(), "fazhi.db"))
	if _, err := s.AddDepartment("人力资源分局"); err != nil {
		t.Fatal(err)
	}
	r := action.ParsePlan("一、依法决策\n1.完善重大决策程序（人资分局牵头负责，财政分局配合）。\n", 2024, "")
	p, err := action.PreviewPlan(s, r.Import)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(p.Fresh, ",") != "人资分局,财政分局" {
		t.Errorf("fresh = %v", p.Fresh)
	}
	if got := p.Suggest["人资分局"]; len(got) == 0 || got[0] != "人力资源分局" {
		t.Errorf("suggestions for 人资分局 = %v", got)
	}
	// The preview writes nothing: no task, no department, no backup.
	if ts, _ := s.Tasks(2024); len(ts) != 0 {
		t.Error("preview stored tasks")
	}
	if b := doortest.Backups(t, s); len(b) != 0 {
		t.Errorf("preview made backups %v", b)
	}

	imp := r.Import
	imp.Aliases = map[string]string{"人资分局": "人力资源分局"}
	res, err := action.SavePlan(s, imp, false)
	if err != nil {
		t.Fatal(err)
	}
	if res.Tasks != 1 || strings.Join(res.Created, ",") != "财政分局" {
		t.Errorf("saved %+v", res)
	}
	if b := doortest.Backups(t, s); strings.Join(b, ",") != string(backup.ReasonImport) {
		t.Errorf("backups after saving %v; want one import backup", b)
	}
	// A second save of the year without replace is refused and backs nothing up... the store decides.
	if _, err := action.SavePlan(s, imp, false); err == nil {
		t.Error("a second import of the year without replace was stored")
	}
}

func TestCarryAndMerge(t *testing.T) {
	s := doortest.Open(t, filepath.Join(t.TempDir(), "fazhi.db"))
	for _, n := range []string{"监察室", "镇监察室"} {
		if _, err := s.AddDepartment(n); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.AddTask(2024, data.TaskDraft{Task: data.Task{No: 1, Title: "监督", Text: "监督"}, LeadNames: []string{"镇监察室"}}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		do     func() error
		reason backup.Reason
	}{
		{"merge", func() error { _, err := action.MergeDepartments(s, "镇监察室", "监察室"); return err }, backup.ReasonMerge},
		{"carry", func() error { _, err := action.CarryPlan(s, 2024, 2025); return err }, backup.ReasonCarry},
	} {
		before := len(doortest.Backups(t, s))
		if err := c.do(); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		b := doortest.Backups(t, s)
		if len(b) != before+1 || !strings.Contains(strings.Join(b, ","), string(c.reason)) {
			t.Errorf("%s: backups %v; want one more, made for %s", c.name, b, c.reason)
		}
	}
	ts, _ := s.Tasks(2025)
	d, _ := s.ResolveDepartment("监察室")
	if len(ts) != 1 || len(ts[0].Lead) != 1 || ts[0].Lead[0] != d.ID {
		t.Errorf("carried %+v; want the task led by the merged 监察室", ts)
	}
}
