package app

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fazhi/data"
)

func date(t *testing.T, s string) data.Date {
	t.Helper()
	d, err := data.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// seedTasks stores a 2024 plan of four tasks (and a one-task 2023 plan)
// that between them exercise every filter on 2024-09-01: task 1 overdue,
// task 2 due within 30 days and under way, task 3 long-term for 各有关部门,
// task 4 done before its deadline passed.
func seedTasks(t *testing.T, s *data.Store) {
	t.Helper()
	if _, err := s.AddDepartment("人力资源分局", "人资分局"); err != nil {
		t.Fatal(err)
	}
	imp := data.PlanImport{
		Plan: data.Plan{Year: 2024, Title: "企石镇法治政府建设实施方案", Chapters: []data.Chapter{
			{No: "一", Title: "依法全面履行政府职能"}, {No: "二", Title: "完善依法行政制度体系"}}},
		Tasks: []data.TaskDraft{
			{Task: data.Task{Chapter: "一", No: 1, Title: "深化行政审批制度改革", Text: "深化行政审批制度改革。全面清理行政审批事项。",
				Deadline: date(t, "2024-06-30"), DeadlineText: "到2024年6月底", DeadlineSource: data.DeadlineInline},
				LeadNames: []string{"政务服务中心"}, CooperateNames: []string{"人资分局", "社会事务办"}},
			{Task: data.Task{Chapter: "一", No: 2, Title: "推行权责清单制度", Text: "推行权责清单制度。", Status: data.StatusInProgress,
				Deadline: date(t, "2024-09-20"), DeadlineSource: data.DeadlineManual},
				ResponsibleNames: []string{"党政办", "法制办"}},
			{Task: data.Task{Chapter: "二", No: 3, Title: "坚持学法制度", Text: "坚持领导干部学法制度。", LongTerm: true, AllRelevant: true},
				LeadNames: []string{"法制办"}},
			{Task: data.Task{Chapter: "二", No: 4, Title: "健全依法决策机制", Text: "健全依法决策机制。", Status: data.StatusDone,
				Deadline: date(t, "2024-03-31"), DeadlineSource: data.DeadlineManual},
				LeadNames: []string{"法制办"}, CooperateNames: []string{"党政办"}},
		},
	}
	if _, err := s.ImportPlan(imp, false); err != nil {
		t.Fatal(err)
	}
	old := data.PlanImport{Plan: data.Plan{Year: 2023}, Tasks: []data.TaskDraft{
		{Task: data.Task{No: 1, Title: "上年度的任务", Text: "上年度的任务。"}, LeadNames: []string{"党政办"}}}}
	if _, err := s.ImportPlan(old, false); err != nil {
		t.Fatal(err)
	}
}

// openTasks shows the 任务分解表 of 2024 judged on 2024-09-01.
func openTasks(t *testing.T) (*UI, *data.Store, *taskView) {
	t.Helper()
	u, s := newTestUI(t)
	seedTasks(t, s)
	v := u.view("tasks").(*taskView)
	v.now = func() data.Date { return date(t, "2024-09-01") }
	u.SetYear(2024)
	u.Show("tasks")
	return u, s, v
}

func rows(v *taskView) int {
	n, _ := v.table.Length()
	return n
}

func selectOption(t *testing.T, s *widget.Select, prefix string) {
	t.Helper()
	for _, o := range s.Options {
		if strings.HasPrefix(o, prefix) {
			s.SetSelected(o)
			return
		}
	}
	t.Fatalf("no option starting with %q in %q", prefix, s.Options)
}

func TestTaskFilters(t *testing.T) {
	_, _, v := openTasks(t)
	if rows(v) != 4 {
		t.Fatalf("table shows %d rows; want 4", rows(v))
	}
	if got, want := v.count.Text, "共 4 项，显示 4 项，逾期 1 项"; got != want {
		t.Errorf("count = %q; want %q", got, want)
	}
	reset := func() {
		v.chapter.SetSelected(allChapters)
		v.dept.SetSelected(allDepts)
		v.role.SetSelected(roleAny)
		v.status.SetSelected(allStatuses)
		v.overdue.SetChecked(false)
		v.search.SetText("")
	}
	for _, tc := range []struct {
		name string
		set  func()
		want int
	}{
		{"chapter 一", func() { selectOption(t, v.chapter, "一、") }, 2},
		{"chapter 二", func() { selectOption(t, v.chapter, "二、") }, 2},
		{"法制办 any role", func() { v.dept.SetSelected("法制办") }, 3},
		{"法制办 as lead", func() { v.dept.SetSelected("法制办"); v.role.SetSelected(roleLead) }, 2},
		{"法制办 sharing", func() { v.dept.SetSelected("法制办"); v.role.SetSelected(roleShare) }, 1},
		{"人力资源分局 (named by alias)", func() { v.dept.SetSelected("人力资源分局") }, 1},
		{"status 推进中", func() { v.status.SetSelected(string(data.StatusInProgress)) }, 1},
		{"status 长期坚持", func() { v.status.SetSelected(string(data.StatusOngoing)) }, 1},
		{"overdue", func() { v.overdue.SetChecked(true) }, 1},
		{"overdue in chapter 二", func() { v.overdue.SetChecked(true); selectOption(t, v.chapter, "二、") }, 0},
		{"text", func() { v.search.SetText("权责") }, 1},
		{"text by alias", func() { v.search.SetText("人资分局") }, 1},
		{"two words", func() { v.search.SetText("法制办 学法") }, 1},
		{"no match", func() { v.search.SetText("不存在的内容") }, 0},
	} {
		reset()
		tc.set()
		if got := rows(v); got != tc.want {
			t.Errorf("%s: %d rows; want %d", tc.name, got, tc.want)
		}
	}
	reset()
	v.overdue.SetChecked(true)
	if got, want := v.count.Text, "共 4 项，显示 1 项，逾期 1 项"; got != want {
		t.Errorf("count = %q; want %q", got, want)
	}
	if !v.role.Disabled() {
		t.Error("role picker should be off while no department is chosen")
	}
}

func TestTaskTableCells(t *testing.T) {
	_, _, v := openTasks(t)
	asOf := v.now()
	first, long := v.shown[0], v.shown[2]
	for _, tc := range []struct {
		task data.Task
		col  int
		want string
	}{
		{first, colNo, "1"},
		{first, colLead, "政务服务中心"},
		{first, colShare, "人力资源分局、社会事务办"},
		{first, colDeadline, "2024年6月30日（到2024年6月底）"},
		{first, colStatus, "未开始 · 逾期"},
		{long, colShare, "各有关部门"},
		{long, colDeadline, "长期坚持"},
		{v.shown[1], colShare, "党政办、法制办"},
	} {
		if got := v.cellText(tc.task, tc.col, asOf); got != tc.want {
			t.Errorf("task %d column %s = %q; want %q", tc.task.No, taskColumns[tc.col].title, got, tc.want)
		}
	}
	// The cells the table draws carry the same text and the light.
	cell := newTaskCell()
	v.updateCell(widget.TableCellID{Row: 0, Col: colStatus}, cell)
	if cell.label.Text != "未开始 · 逾期" || !cell.lightBox.Visible() || cell.light.FillColor != lightColor(data.LightRed) {
		t.Errorf("status cell: %q, light shown %v", cell.label.Text, cell.lightBox.Visible())
	}
	v.updateCell(widget.TableCellID{Row: 1, Col: colStatus}, cell)
	if cell.light.FillColor != lightColor(data.LightYellow) {
		t.Error("task due in 19 days is not yellow")
	}
	v.updateCell(widget.TableCellID{Row: 0, Col: colTitle}, cell)
	if cell.label.Text != "深化行政审批制度改革" || cell.lightBox.Visible() {
		t.Errorf("title cell: %q, light shown %v", cell.label.Text, cell.lightBox.Visible())
	}
}

func TestSelectRowFillsEditor(t *testing.T) {
	_, _, v := openTasks(t)
	if v.ed.box.Visible() {
		t.Fatal("editor open before a row is chosen")
	}
	v.table.Select(widget.TableCellID{Row: 0, Col: colTitle})
	e := v.ed
	if !e.box.Visible() {
		t.Fatal("editor not shown after choosing a row")
	}
	want := v.shown[0]
	if e.cur.ID != want.ID || e.title.Text != want.Title || e.text.Text != want.Text {
		t.Errorf("editor shows %q / %q; want task 1", e.title.Text, e.text.Text)
	}
	if e.deadline.Text != "2024-06-30" || e.words.Text != "到2024年6月底" || e.status.Selected != "未开始" {
		t.Errorf("deadline %q, words %q, status %q", e.deadline.Text, e.words.Text, e.status.Selected)
	}
	if e.lead.names.Text != "政务服务中心" || e.coop.names.Text != "人力资源分局、社会事务办" || e.resp.names.Text != "（无）" {
		t.Errorf("departments: %q | %q | %q", e.lead.names.Text, e.coop.names.Text, e.resp.names.Text)
	}
	if e.progDate.Text != "2024-09-01" || e.progDept.Selected != "政务服务中心" {
		t.Errorf("progress form defaults: %q, %q", e.progDate.Text, e.progDept.Selected)
	}
	if !e.undoButton.Disabled() {
		t.Error("撤销 enabled before any change")
	}
	// The same row can be chosen again after choosing another.
	v.table.Select(widget.TableCellID{Row: 2, Col: colNo})
	v.table.Select(widget.TableCellID{Row: 0, Col: colNo})
	if e.cur.ID != want.ID {
		t.Error("choosing the first row again did not open it")
	}
	test.Tap(e.closeButton)
	if e.box.Visible() || e.cur.ID != 0 {
		t.Error("关闭 did not close the editor")
	}
}

func TestEditorStoresStatusAndUndoes(t *testing.T) {
	_, s, v := openTasks(t)
	v.table.Select(widget.TableCellID{Row: 0, Col: colTitle})
	e := v.ed
	id := e.cur.ID

	e.status.SetSelected(string(data.StatusDone))
	got, err := s.Task(id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != data.StatusDone || got.StatusBy != "窗口" {
		t.Errorf("stored status %q by %q; want 已完成 by 窗口", got.Status, got.StatusBy)
	}
	if e.cur.ID != id || !e.box.Visible() {
		t.Error("the editor lost its task after saving")
	}
	if v.overdue.SetChecked(true); rows(v) != 0 {
		t.Errorf("a done task is still listed as overdue")
	}
	v.overdue.SetChecked(false)
	if e.undoButton.Disabled() {
		t.Fatal("撤销 not enabled after a change")
	}

	test.Tap(e.undoButton)
	if got, _ := s.Task(id); got.Status != data.StatusNotStarted {
		t.Errorf("after 撤销 the stored status is %q; want 未开始", got.Status)
	}
	if e.status.Selected != string(data.StatusNotStarted) {
		t.Errorf("after 撤销 the editor shows %q", e.status.Selected)
	}
	if !e.undoButton.Disabled() {
		t.Error("撤销 still enabled with nothing left to undo")
	}
}

func TestEditorStoresTypedTextAfterPause(t *testing.T) {
	_, s, v := openTasks(t)
	v.table.Select(widget.TableCellID{Row: 1, Col: colTitle})
	e := v.ed
	id, before := e.cur.ID, e.cur.Text
	saved := make(chan struct{}, 4)
	e.afterSave = func() { saved <- struct{}{} }

	test.Type(e.text, "补充说明")
	if got, _ := s.Task(id); got.Text != before {
		t.Fatal("text stored before typing paused")
	}
	select {
	case <-saved:
	case <-time.After(10 * saveDelay):
		t.Fatal("typed text not stored within 10× the save delay")
	}
	got, _ := s.Task(id)
	if !strings.Contains(got.Text, "补充说明") || len(got.Text) <= len(before) {
		t.Errorf("stored text %q; want the original with 补充说明", got.Text)
	}

	// Leaving a field stores it at once.
	test.Type(e.title, "（重点）")
	e.title.FocusLost()
	if got, _ := s.Task(id); !strings.Contains(got.Title, "（重点）") {
		t.Errorf("title not stored on focus loss: %q", got.Title)
	}
	if len(e.undo) != 2 {
		t.Errorf("%d undo steps; want 2 (text, title)", len(e.undo))
	}

	test.Tap(e.undoButton)
	test.Tap(e.undoButton)
	if got, _ := s.Task(id); got.Text != before || got.Title != "推行权责清单制度" {
		t.Errorf("after two 撤销: %q / %q", got.Title, got.Text)
	}
	if e.text.Text != before {
		t.Errorf("editor shows %q after 撤销", e.text.Text)
	}
}

func TestEditorDeadlinesAndDepartments(t *testing.T) {
	_, s, v := openTasks(t)
	v.table.Select(widget.TableCellID{Row: 0, Col: colTitle})
	e := v.ed
	id := e.cur.ID

	e.deadline.SetText("明年")
	e.flush()
	if got, _ := s.Task(id); got.Deadline != date(t, "2024-06-30") {
		t.Errorf("unreadable date changed the deadline to %v", got.Deadline)
	}
	if !strings.Contains(e.note.Text, "不是日期") {
		t.Errorf("no word about the bad date: %q", e.note.Text)
	}
	e.deadline.SetText("2024-12-31")
	e.flush()
	got, _ := s.Task(id)
	if got.Deadline != date(t, "2024-12-31") || got.DeadlineSource != data.DeadlineManual {
		t.Errorf("deadline %v from %q; want 2024-12-31 set by hand", got.Deadline, got.DeadlineSource)
	}
	if v.overdue.SetChecked(true); rows(v) != 0 {
		t.Error("task with a later deadline still overdue")
	}
	v.overdue.SetChecked(false)

	e.longTerm.SetChecked(true)
	got, _ = s.Task(id)
	if !got.LongTerm || !got.Deadline.IsZero() || e.deadline.Text != "" {
		t.Errorf("长期坚持: stored %+v, field %q", got, e.deadline.Text)
	}
	if txt := v.cellText(got, colDeadline, v.now()); txt != "长期坚持" {
		t.Errorf("deadline column shows %q", txt)
	}

	party, err := s.ResolveDepartment("党政办")
	if err != nil {
		t.Fatal(err)
	}
	e.resp.choose([]uint64{party.ID})
	if got, _ := s.Task(id); len(got.Responsible) != 1 || got.Responsible[0] != party.ID {
		t.Errorf("responsible stored as %v", got.Responsible)
	}
	if e.resp.names.Text != "党政办" {
		t.Errorf("picker shows %q", e.resp.names.Text)
	}
	v.dept.SetSelected("党政办")
	v.role.SetSelected(roleShare)
	if rows(v) != 3 {
		t.Errorf("党政办 sharing: %d rows; want 3 after the change", rows(v))
	}
}

func TestAddProgressThroughForm(t *testing.T) {
	_, s, v := openTasks(t)
	v.table.Select(widget.TableCellID{Row: 0, Col: colTitle})
	e := v.ed
	id := e.cur.ID

	// Empty progress is refused with a dialog and stores nothing.
	test.Tap(e.addProgress)
	if got, _ := s.Task(id); len(got.Progress) != 0 {
		t.Fatal("empty progress stored")
	}

	e.progDate.SetText("2024-08-15")
	e.progDept.SetSelected("人力资源分局")
	test.Type(e.progText, "已完成审批事项清理")
	test.Tap(e.addProgress)
	got, _ := s.Task(id)
	if len(got.Progress) != 1 {
		t.Fatalf("%d progress entries stored; want 1", len(got.Progress))
	}
	p := got.Progress[0]
	if p.Text != "已完成审批事项清理" || p.Date != date(t, "2024-08-15") || p.By != "窗口" {
		t.Errorf("stored progress %+v", p)
	}
	if e.progText.Text != "" {
		t.Error("progress text not cleared after adding")
	}
	row := -1
	for i, st := range v.shown {
		if st.ID == id {
			row = i
		}
	}
	if row < 0 {
		t.Fatal("task left the table")
	}
	if txt := v.cellText(v.shown[row], colProgress, v.now()); txt != "2024年8月15日 人力资源分局：已完成审批事项清理" {
		t.Errorf("最新进展 shows %q", txt)
	}
	if len(e.progress.Objects) != 2 {
		t.Errorf("progress list has %d objects; want a heading and a text", len(e.progress.Objects))
	}
	if e.status.Selected != string(data.StatusInProgress) {
		t.Errorf("status after first progress = %q; want 推进中", e.status.Selected)
	}

	// The search finds the progress text.
	v.search.SetText("审批事项清理")
	if rows(v) != 1 {
		t.Errorf("search by progress text: %d rows", rows(v))
	}

	test.Tap(e.undoButton)
	if got, _ := s.Task(id); len(got.Progress) != 0 || got.Status != data.StatusNotStarted {
		t.Errorf("撤销 left %d progress entries, status %q", len(got.Progress), got.Status)
	}
}

func TestTasksFollowYear(t *testing.T) {
	u, _, v := openTasks(t)
	v.table.Select(widget.TableCellID{Row: 0, Col: colTitle})
	u.SetYear(2023)
	if rows(v) != 1 || v.shown[0].Title != "上年度的任务" {
		t.Errorf("2023 shows %d rows", rows(v))
	}
	if v.ed.box.Visible() {
		t.Error("editor still open on a task of another year")
	}
	if v.emptyBox.Visible() || v.heading.Text != "2023年任务分解表" {
		t.Errorf("heading %q, empty shown %v", v.heading.Text, v.emptyBox.Visible())
	}
	u.SetYear(2025)
	if rows(v) != 0 || !v.emptyBox.Visible() {
		t.Fatal("an empty year does not say so")
	}
	if !strings.HasPrefix(v.empty.Text, "2025年还没有任务分解表。") || !strings.Contains(v.empty.Text, "fazhi tasks add") {
		t.Errorf("empty year says %q", v.empty.Text)
	}
	if !v.importButton.Visible() || !strings.Contains(v.empty.Text, "导入方案") {
		t.Error("an empty year does not offer 导入方案")
	}
}

func TestEditsStoredBeforeLeaving(t *testing.T) {
	u, s, v := openTasks(t)
	v.table.Select(widget.TableCellID{Row: 0, Col: colTitle})
	id := v.ed.cur.ID
	test.Type(v.ed.words, "尽快")
	// Switching rows before the pause stores the text of the task left.
	v.table.Select(widget.TableCellID{Row: 1, Col: colTitle})
	if got, _ := s.Task(id); !strings.Contains(got.DeadlineText, "尽快") {
		t.Errorf("deadline words lost when switching rows: %q", got.DeadlineText)
	}
	test.Type(v.ed.title, "甲")
	second := v.ed.cur.ID
	u.Show("depts")
	u.Show("tasks")
	if got, _ := s.Task(second); !strings.Contains(got.Title, "甲") {
		t.Errorf("title lost when switching views: %q", got.Title)
	}
	if v.ed.cur.ID != second || !v.ed.box.Visible() {
		t.Error("coming back to the view lost the open task")
	}
	// Closing the window before the pause stores what was typed.
	test.Type(v.ed.text, "乙")
	u.Window().Close()
	if got, _ := s.Task(second); !strings.Contains(got.Text, "乙") {
		t.Errorf("text lost when closing the window: %q", got.Text)
	}
}

func TestFitText(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(newTheme(ThemeLight))
	size := theme.TextSize()
	width := fyne.MeasureText("深化行政审批制度改革", size, fyne.TextStyle{}).Width
	for _, tc := range []struct {
		in, want string
		cut      bool // want is a prefix, followed by "…"
	}{
		{"深化行政审批制度改革", "深化行政审批制度改革", false},
		{"深化行政审批制度改革。全面清理行政审批事项", "深化行政审批制度", true},
		{"第一行\n第二行", "第一行 第二行", false},
		{"", "", false},
	} {
		got := fitText(tc.in, width)
		if tc.cut && (!strings.HasPrefix(got, tc.want) || !strings.HasSuffix(got, "…")) || !tc.cut && got != tc.want {
			t.Errorf("fitText(%q) = %q; want %q (cut: %v)", tc.in, got, tc.want, tc.cut)
		}
		if w := fyne.MeasureText(got, size, fyne.TextStyle{}).Width; w > width {
			t.Errorf("fitText(%q) is %.0f wide; room is %.0f", tc.in, w, width)
		}
	}
}

// BenchmarkTaskSearch types into the search box of a 5,000-task year: the
// filter, the count and the table refresh together, per keystroke. Target:
// well under the 16 ms of one frame.
func BenchmarkTaskSearch(b *testing.B) {
	a := test.NewApp()
	defer a.Quit()
	s, err := data.Open(filepath.Join(b.TempDir(), "fazhi.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	u := New(a, s)
	depts := []string{"党政办", "法制办", "组织办", "财政分局", "政务服务中心", "社会事务办"}
	imp := data.PlanImport{Plan: data.Plan{Year: 2024}}
	for i := range 5000 {
		imp.Tasks = append(imp.Tasks, data.TaskDraft{
			Task:      data.Task{Chapter: "一", No: i + 1, Title: "任务" + strconv.Itoa(i), Text: "推进依法行政第" + strconv.Itoa(i) + "项工作。"},
			LeadNames: []string{depts[i%len(depts)]}, CooperateNames: []string{depts[(i+1)%len(depts)]},
		})
	}
	if _, err := s.ImportPlan(imp, false); err != nil {
		b.Fatal(err)
	}
	u.SetYear(2024)
	u.Show("tasks")
	v := u.view("tasks").(*taskView)
	queries := []string{"法制办", "法制办 12", "任务49", ""}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		v.search.SetText(queries[i%len(queries)])
	}
}

// Ctrl+F reaches the page's search box, Ctrl+Z takes back the last edit of
// the open task, and closing the window remembers its size and page.
func TestShortcutsAndRememberedWindow(t *testing.T) {
	u, s, v := openTasks(t)
	sc := u.Window().Canvas().(fyne.Shortcutable)

	sc.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault})
	if u.Window().Canvas().Focused() != v.search {
		t.Error("Ctrl+F does not focus the 任务分解表 search box")
	}

	v.table.Select(widget.TableCellID{Row: 0, Col: colTitle})
	id := v.ed.cur.ID
	before, _ := s.Task(id)
	v.ed.setStatus(string(data.StatusDone))
	if got, _ := s.Task(id); got.Status != data.StatusDone {
		t.Fatalf("status not stored: %q", got.Status)
	}
	sc.TypedShortcut(&fyne.ShortcutUndo{})
	if got, _ := s.Task(id); got.Status != before.Status {
		t.Errorf("after Ctrl+Z the status is %q; want %q back", got.Status, before.Status)
	}

	u.Window().Resize(fyne.NewSize(1100, 700))
	u.Window().Close()
	p := u.app.Preferences()
	if p.String(prefView) != "tasks" || u.LastView() != "tasks" {
		t.Errorf("last view remembered as %q", p.String(prefView))
	}
	if w, h := p.Float(prefWidth), p.Float(prefHeight); w != 1100 || h != 700 {
		t.Errorf("window size remembered as %v×%v; want 1100×700", w, h)
	}
}
