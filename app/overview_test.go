package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"fazhi/data"
	"fazhi/export/backup"
)

func TestOverview(t *testing.T) {
	u, s := newTestUI(t)
	v := u.view("overview").(*overviewView)
	v.now = func() data.Date { return date(t, "2024-09-01") }
	u.SetYear(2024)
	if !strings.Contains(v.summary.Text, "还没有任务分解表") || !v.urgentEmpty.Visible() || !strings.Contains(v.urgentEmpty.Text, "导入方案") {
		t.Errorf("an empty year: summary %q, hint %q", v.summary.Text, v.urgentEmpty.Text)
	}

	seedTasks(t, s)
	v.refresh()
	// seedTasks on 2024-09-01: task 1 overdue, task 2 due in 19 days,
	// task 3 long-term, task 4 done.
	if want := "共 4 项任务，已完成 1 项（25%），逾期 1 项。"; !strings.Contains(v.summary.Text, want) {
		t.Errorf("summary %q; want it to say %q", v.summary.Text, want)
	}
	if n := v.urgent.Length(); n != 2 || v.urgentEmpty.Visible() {
		t.Fatalf("%d urgent tasks listed; want 2", n)
	}
	if want := "需要办理：逾期 1 项，30 天内到期 1 项"; v.urgentHead.Text != want {
		t.Errorf("urgent heading %q; want %q", v.urgentHead.Text, want)
	}
	texts := labelsIn(v.right)
	for _, want := range []string{"法治日历", "2024年3月31日", "报送2023年度法治政府建设年度报告", "已过",
		"各章节完成情况", "一、依法全面履行政府职能", "0/2　0%　逾期 1", "1/2　50%", "逾期任务最多的部门"} {
		if !strings.Contains(texts, want) {
			t.Errorf("overview lacks %q", want)
		}
	}

	// Clicking the first urgent task opens it in the 任务分解表's editor.
	v.urgent.Select(0)
	if got := u.entries[u.current].key; got != "tasks" {
		t.Fatalf("clicking a task shows %q", got)
	}
	tv := u.view("tasks").(*taskView)
	if tv.ed.cur.No != 1 || !tv.ed.box.Visible() {
		t.Errorf("editor shows task %d (visible %v); want task 1", tv.ed.cur.No, tv.ed.box.Visible())
	}
}

// labelsIn joins the text of every label under o, for asserting what a
// page says without depending on its layout.
func labelsIn(o fyne.CanvasObject) string { return strings.Join(labels(o), "\n") + "\n" }

// 概览 shows the key statistics against last year with their marks, the
// last backup and the last export.
func TestOverviewFiguresBackupExport(t *testing.T) {
	u, s := newTestUI(t)
	v := u.view("overview").(*overviewView)
	u.SetYear(2024)
	texts := labelsIn(v.right)
	for _, want := range []string{"统计数据填写后", "还没有备份", "还没有导出过文件"} {
		if !strings.Contains(texts, want) {
			t.Errorf("a fresh file's overview lacks %q", want)
		}
	}
	for year, vals := range map[int][]data.Entry{
		2023: {{Name: "信访受理数", Text: "200"}, {Name: "信访办结数", Text: "200"}, {Name: "人民调解案件数", Text: "2707"}},
		2024: {{Name: "信访受理数", Text: "331"}, {Name: "信访办结数", Text: "330"}, {Name: "人民调解案件数", Text: "2600"}},
	} {
		if _, err := s.SetValues(year, 0, vals); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := backup.Before(s, backup.ReasonManual); err != nil {
		t.Fatal(err)
	}
	if err := s.NoteExport("年度报告", "/tmp/报告.docx"); err != nil {
		t.Fatal(err)
	}
	v.refresh()
	texts = labelsIn(v.right)
	for _, want := range []string{"信访受理数　331宗（上年 200宗）↑ 66%", "人民调解案件数　2600件（上年 2707件）↓ 4%",
		"信访办结率　99.7%（上年 100%）↓", "上次备份：", "上次导出：年度报告", "/tmp/报告.docx"} {
		if !strings.Contains(texts, want) {
			t.Errorf("overview lacks %q in:\n%s", want, texts)
		}
	}
}
