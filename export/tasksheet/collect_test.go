package tasksheet

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fazhi/data"
)

// storedTasks stand for a year's table as PlanWithNames gives it.
func storedTasks() []data.TaskDraft {
	mk := func(id uint64, no int, text string, st data.Status, progress ...string) data.TaskDraft {
		t := data.TaskDraft{Task: data.Task{ID: id, Year: 2024, No: no, Title: TitleOf(text), Text: text, Status: st}}
		for _, p := range progress {
			t.Progress = append(t.Progress, data.Progress{Text: p})
		}
		return t
	}
	return []data.TaskDraft{
		mk(11, 1, "健全党委领导法治建设的制度，每季度研究一次法治工作", data.StatusNotStarted),
		mk(12, 2, "落实党政主要负责人履行推进法治建设第一责任人职责", data.StatusInProgress, "已召开专题会议"),
		mk(13, 3, "规范行政执法行为，全面推行行政执法三项制度", data.StatusNotStarted),
		mk(14, 4, "加强行政复议和行政应诉工作，提高行政机关负责人出庭应诉率", data.StatusNotStarted),
	}
}

func TestCollect(t *testing.T) {
	dir := t.TempDir()
	tasks := storedTasks()
	text := func(i int) string { return tasks[i].Text }
	file := func(dept string, rows []returnedRow, stamp bool) string {
		p := filepath.Join(dir, "黄江镇2024年法治政府建设任务分解表-"+dept+".xlsx")
		writeInBook(t, p, returnedBook(2024, dept, rows, stamp)...)
		return p
	}
	paths := []string{
		// 党政办, stamped: new progress on 1, the stored progress on 2 again
		// (no change), and 1 marked done.
		file("党政办", []returnedRow{
			{11, "1", text(0), "制定了年度工作要点", "已完成"},
			{12, "2", text(1), "已召开专题会议", ""},
		}, true),
		// 司法所 retyped it in WPS (no stamp, no id), re-ordered the rows,
		// renumbered one, and says task 1 is only 推进中: a conflict.
		file("司法所", []returnedRow{
			{0, "9", text(2), "开展执法案卷评查", ""},
			{0, "1", text(0), "配合起草制度", "推进中"},
			{0, "5", "与本镇无关的一行", "无", ""},
		}, false),
		// 法制办 rewrote task 4's text.
		file("法制办", []returnedRow{{14, "4", "加强行政复议工作", "", ""}}, true),
		filepath.Join(dir, "缺失.xlsx"),
	}
	if err := os.WriteFile(paths[3], []byte("not a workbook"), 0o644); err != nil {
		t.Fatal(err)
	}
	m := Collect(2024, tasks, nil, paths...)
	if len(m.Files) != 4 {
		t.Fatalf("%d files", len(m.Files))
	}
	f0, f1, f3 := m.Files[0], m.Files[1], m.Files[3]
	if !f0.Stamped || f0.Dept != "党政办" || f0.Matched != 2 || f0.Date.IsZero() {
		t.Errorf("file 1: %+v", f0)
	}
	if f1.Stamped || f1.Dept != "司法所" || f1.Rows != 3 || f1.Matched != 2 || len(f1.Problems) != 1 || !strings.Contains(f1.Problems[0].Msg, "找不到对应的任务") {
		t.Errorf("file 2: %+v", f1)
	}
	if f3.Err == nil || f3.Preview != nil {
		t.Errorf("unreadable file: %+v", f3)
	}

	type got struct {
		file, dept string
		id         uint64
		kind       ChangeKind
		new        string
		match      Match
		conflict   bool
	}
	var changes []got
	for _, c := range m.Changes {
		changes = append(changes, got{strings.TrimSuffix(strings.TrimPrefix(c.File, "黄江镇2024年法治政府建设任务分解表-"), ".xlsx"), c.Dept, c.TaskID, c.Kind, c.New, c.Match, c.Conflict != ""})
	}
	want := []got{
		{"党政办", "党政办", 11, ChangeProgress, "制定了年度工作要点", MatchRef, false},
		{"党政办", "党政办", 11, ChangeStatus, "已完成", MatchRef, true},
		{"司法所", "司法所", 13, ChangeProgress, "开展执法案卷评查", MatchText, false},
		{"司法所", "司法所", 11, ChangeProgress, "配合起草制度", MatchNo, false},
		{"司法所", "司法所", 11, ChangeStatus, "推进中", MatchNo, true},
		{"法制办", "法制办", 14, ChangeText, "加强行政复议工作", MatchRef, true},
	}
	if len(changes) != len(want) {
		t.Fatalf("changes:\n%+v\nwant\n%+v", changes, want)
	}
	for i := range want {
		if changes[i] != want[i] {
			t.Errorf("change %d = %+v, want %+v", i, changes[i], want[i])
		}
	}
	if c := m.Changes[1].Conflict; !strings.Contains(c, "司法所") || !strings.Contains(c, "推进中") {
		t.Errorf("conflict text %q", c)
	}

	acc := m.Accepted(nil)
	if len(acc) != 3 || acc[0].Progress != "制定了年度工作要点" || acc[0].Dept != "党政办" || acc[0].Date != f0.Date {
		t.Errorf("accepted %+v", acc)
	}
	all := m.Accepted(func(int, Change) bool { return true })
	if len(all) != 6 || all[5].Text != "加强行政复议工作" || all[1].Status != data.StatusDone {
		t.Errorf("accept all: %+v", all)
	}
}

func TestDeptFromName(t *testing.T) {
	for in, want := range map[string]string{
		"黄江镇2024年法治政府建设任务分解表-党政办.xlsx":      "党政办",
		"黄江镇2024年法治政府建设任务分解表－司法所(1).xlsx":   "司法所",
		"黄江镇2024年法治政府建设任务分解表-法制办 - 副本.xlsx": "法制办",
		"进展.xlsx": "",
	} {
		if got := deptFromName(in); got != want {
			t.Errorf("deptFromName(%q) = %q, want %q", in, got, want)
		}
	}
}

// A workbook another town sent (its stamp names another office) is never
// merged, even when its ids happen to be ours.
func TestCollectRefusesAnotherTown(t *testing.T) {
	dir := t.TempDir()
	tasks := storedTasks()
	ours := filepath.Join(dir, "黄江镇2024年法治政府建设任务分解表-党政办.xlsx")
	writeInBook(t, ours, returnedBook(2024, "党政办", []returnedRow{{11, "1", tasks[0].Text, "制定了年度工作要点", ""}}, true)...)
	m := Collect(2024, tasks, nil, ours)
	if len(m.Changes) != 1 {
		t.Fatalf("our own file gives %d changes", len(m.Changes))
	}
	m.RefuseForeign("黄江镇")
	if len(m.Changes) != 1 || m.Files[0].Err != nil {
		t.Fatalf("our own file was refused: %+v", m.Files[0].Err)
	}
	m.RefuseForeign("企石镇")
	if len(m.Changes) != 0 || !errors.Is(m.Files[0].Err, ErrForeign) || !strings.Contains(data.Message(m.Files[0].Err), "黄江镇下发") {
		t.Errorf("another town's file: %d changes, %v", len(m.Changes), m.Files[0].Err)
	}
}
