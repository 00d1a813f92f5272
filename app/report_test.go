package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"fazhi/data"
	"fazhi/export/backup"
	"fazhi/export/reportin"
)

func openReport(t *testing.T, year int) (*UI, *data.Store, *reportView) {
	t.Helper()
	u, s := newTestUI(t)
	u.SetYear(year)
	u.Show("report")
	v := u.view("report").(*reportView)
	v.now = func() data.Date { d, _ := data.ParseDate("2025-01-10"); return d }
	return u, s, v
}

// tapButton finds a button by its text among objects and taps it.
func tapButton(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	test.Tap(findButton(t, o, text))
}

func withFigures(t *testing.T, figs *[]data.Figure) {
	old := ReportFigures
	ReportFigures = func(*data.Store, int) ([]data.Figure, error) { return *figs, nil }
	t.Cleanup(func() { ReportFigures = old })
}

func TestReportDraftEditAndCheck(t *testing.T) {
	figs := []data.Figure{{Name: "信访案件数", Value: 331, Unit: "宗", Sentence: "全年受理信访案件331宗。"}}
	withFigures(t, &figs)
	u, s, v := openReport(t, 2024)
	if v.body.Objects[0] != v.empty {
		t.Fatal("a year without a report does not say so")
	}
	s.SetProfile(data.Profile{Name: "黄江镇人民政府", Short: "黄江镇", Superior: "市委"})
	s.AddTask(2024, data.TaskDraft{Task: data.Task{Chapter: "一", No: 1, Title: "执法人员培训", Status: data.StatusDone}})

	tapButton(t, v.box, "生成草稿")
	r, ok, _ := s.Report(2024)
	if !ok || !strings.Contains(r.Sections[0].Text, "一是执法人员培训，已完成。") {
		t.Fatalf("draft not stored: %+v", r)
	}
	if v.body.Objects[0] != v.main || len(v.items) != 6 {
		t.Fatalf("outline has %d rows; want head, four parts, tail", len(v.items))
	}
	if len(v.problems) == 0 || v.problems[len(v.problems)-1].Kind != data.ProblemDeadline {
		t.Errorf("draft not checked: %+v", v.problems)
	}

	// Choose 主要举措和成效, type, leave the page: stored.
	v.outline.Select(1)
	if v.secText.Text != r.Sections[0].Text {
		t.Fatalf("editor shows %q", v.secText.Text)
	}
	v.secText.SetText(v.secText.Text + "\n新增一段。")
	u.Show("depts")
	if r, _, _ := s.Report(2024); !strings.HasSuffix(r.Sections[0].Text, "新增一段。") {
		t.Errorf("typed text not stored on leaving: %q", r.Sections[0].Text)
	}
	u.Show("report")

	// The statistic changes: the check lists it; clicking it shows the
	// part with the cursor on the number and offers to update it.
	figs[0].Value = 335
	tapButton(t, v.box, "检查")
	at := -1
	for i, p := range v.problems {
		if p.Kind == data.ProblemFigureChanged {
			at = i
		}
	}
	if at < 0 {
		t.Fatalf("changed figure not listed: %+v", v.problems)
	}
	v.outline.Select(0)
	v.checks.Select(at)
	if v.selected != 0 {
		t.Errorf("clicking the problem selected part %d", v.selected)
	}
	line := strings.Split(v.secText.Text, "\n")[v.secText.CursorRow]
	if col := v.secText.CursorColumn; !strings.HasPrefix(string([]rune(line)[col:]), "331宗") {
		t.Errorf("cursor at row %d col %d of %q", v.secText.CursorRow, col, line)
	}
	if u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no offer to update the figure")
	}
	tapButton(t, u.win.Canvas().Overlays().Top(), "确定")
	if r, _, _ := s.Report(2024); !strings.Contains(r.Sections[0].Text, "全年受理信访案件335宗。") {
		t.Errorf("figure not updated: %q", r.Sections[0].Text)
	}
	for _, p := range v.problems {
		if p.Kind == data.ProblemFigureChanged {
			t.Errorf("still listed after update: %+v", p)
		}
	}
}

func TestReportImportPreviewAndTail(t *testing.T) {
	u, s, v := openReport(t, 2020)
	res := reportin.Parse("市委：\n开头。\n一、主要做法\n做了。\n二、存在问题\n不足。\n中共黄江镇委员会\n黄江镇人民政府\n2021年1月27日")
	v.previewImport(res)
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no preview")
	}
	tapButton(t, top, "确定")
	r, ok, _ := s.Report(2020)
	if !ok || len(r.Sections) != 2 || r.Sections[1].Key != data.SectionShortcomings || r.Date.String() != "2021-01-27" {
		t.Fatalf("imported %+v", r)
	}
	// The window backs up before a report import, as the command line does:
	// the store takes the step itself.
	if list, _ := backup.List(s); len(list) != 1 || list[0].Reason != backup.ReasonImport {
		t.Errorf("backups after the window's report import: %+v", list)
	}
	// The tail: a date that cannot be read is not stored, the rest is.
	v.outline.Select(len(v.items) - 1)
	if v.sign.Text != "中共黄江镇委员会\n黄江镇人民政府" || v.date.Text != "2021-01-27" {
		t.Fatalf("tail shows %q %q", v.sign.Text, v.date.Text)
	}
	v.sign.SetText("黄江镇人民政府")
	v.date.SetText("明天")
	v.leave()
	r, _, _ = s.Report(2020)
	if len(r.Signature) != 1 || r.Date.String() != "2021-01-27" || !strings.Contains(v.status.Text, "成文日期") {
		t.Errorf("after bad date: %q %s %q", r.Signature, r.Date, v.status.Text)
	}
}

// 导出 Word writes into the chosen folder under the report's title, behind
// the progress bar; a second export asks before replacing, and each export
// leaves a snapshot and the 概览's last-export note.
func TestReportExportInWindow(t *testing.T) {
	_, s, v := openReport(t, 2024)
	if _, err := s.CreateReport(data.Report{Year: 2024, Title: "企石镇2024年法治政府建设年度报告",
		Sections: []data.Section{{Key: data.SectionMeasures, Heading: "一、主要举措和成效", Text: "完善制度。"}}}, false); err != nil {
		t.Fatal(err)
	}
	v.refresh()
	dir := t.TempDir()
	got := make(chan string, 1)
	v.exportInto(dir, ".docx", false, func(p string) { got <- p })
	path := wait(t, got)
	if filepath.Base(path) != "企石镇2024年法治政府建设年度报告.docx" {
		t.Errorf("exported as %s", path)
	}
	if st, err := os.Stat(path); err != nil || st.Size() == 0 {
		t.Fatalf("no report written: %v", err)
	}
	if n, ok, _ := s.LastExport(); !ok || n.Path != path {
		t.Errorf("last export %+v", n)
	}
	// The 导出完成 message follows done; close it before the next export.
	overlays := v.u.win.Canvas().Overlays()
	for deadline := time.Now().Add(20 * time.Second); overlays.Top() == nil || !strings.Contains(strings.Join(labels(overlays.Top()), ""), "导出完成"); {
		if time.Now().After(deadline) {
			t.Fatal("no 导出完成 message")
		}
		time.Sleep(10 * time.Millisecond)
	}
	overlays.Remove(overlays.Top())
	snaps, _ := s.ReportSnapshots(2024)
	v.exportInto(dir, ".docx", false, func(string) { t.Error("replaced an existing report without asking") })
	deadline := time.Now().Add(20 * time.Second)
	for overlays.Top() == nil || !strings.Contains(strings.Join(labels(overlays.Top()), ""), "已经存在") {
		if time.Now().After(deadline) {
			t.Fatalf("no question before replacing the report; top says %q", labels(v.u.win.Canvas().Overlays().Top()))
		}
		time.Sleep(10 * time.Millisecond)
	}
	if again, _ := s.ReportSnapshots(2024); len(again) != len(snaps) {
		t.Error("a refused export kept a snapshot")
	}
}
