package app

import (
	"fmt"
	"image/color"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fazhi/data"
)

// taskView is the 任务分解表 page: filters on top, the year's tasks in a
// read-only table, and, once a row is chosen, the editor beside it (edits go
// through a form because Fyne's table recycles its cells). Filtering, lights
// and overdue are data's rules; this file only shows them.
type taskView struct {
	u *UI
	// now is the day lights and overdue are judged on; tests fix it.
	now func() data.Date

	year     int
	tasks    []data.Task
	depts    []data.Department
	deptName map[uint64]string
	ix       *data.TaskIndex
	shown    []data.Task
	byNo     bool // task numbers are unique in the year, so 序号 needs no chapter

	chapterNo map[string]string // chapter option → chapter number
	deptID    map[string]uint64 // department option → id
	loading   bool              // options being reset: their callbacks must not filter

	heading      *widget.Label
	count        *widget.Label
	importButton *widget.Button
	importSheet  *widget.Button // 导入 Excel: a 任务分解表 workbook
	chapter      *widget.Select
	dept         *widget.Select
	role         *widget.Select
	status       *widget.Select
	overdue      *widget.Check
	search       *widget.Entry
	filters      fyne.CanvasObject
	table        *widget.Table
	empty        *widget.Label
	emptyBox     fyne.CanvasObject
	split        *container.Split
	ed           *taskEditor
	box          fyne.CanvasObject
}

// The table's columns, widths chosen for Chinese at the theme's text size
// so that all seven fit a 1280-pixel window beside the navigation.
const (
	colNo = iota
	colTitle
	colLead
	colShare
	colDeadline
	colStatus
	colProgress
)

var taskColumns = []struct {
	title string
	width float32
}{
	{"序号", 50}, {"工作任务", 250}, {"牵头单位", 120}, {"配合/责任单位", 170},
	{"完成时限", 135}, {"状态", 140}, {"最新进展", 245},
}

const (
	allChapters = "全部章节"
	allDepts    = "全部部门"
	allStatuses = "全部状态"
	roleAny     = "任意角色"
	roleLead    = "牵头"
	roleShare   = "配合或责任"
)

var roles = map[string]data.Role{roleAny: data.RoleAny, roleLead: data.RoleLead, roleShare: data.RoleShare}

func newTaskView(u *UI) *taskView {
	v := &taskView{u: u, now: data.Today}

	v.heading = widget.NewLabelWithStyle("任务分解表", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.count = widget.NewLabel("")
	v.importButton = widget.NewButtonWithIcon("导入方案", theme.DownloadIcon(), func() {
		u.showPlanImport(u.Year(), v.refresh)
	})
	v.importSheet = widget.NewButtonWithIcon("导入 Excel", theme.DownloadIcon(), func() {
		u.showSheetImport(u.Year(), v.refresh)
	})

	refilter := func(string) {
		if !v.loading {
			v.applyFilter()
		}
	}
	v.chapter = widget.NewSelect([]string{allChapters}, refilter)
	v.dept = widget.NewSelect([]string{allDepts}, func(s string) {
		if s == allDepts || s == "" {
			v.role.Disable()
		} else {
			v.role.Enable()
		}
		refilter(s)
	})
	v.role = widget.NewSelect([]string{roleAny, roleLead, roleShare}, refilter)
	v.role.Disable()
	statuses := []string{allStatuses}
	for _, s := range data.Statuses {
		statuses = append(statuses, string(s))
	}
	v.status = widget.NewSelect(statuses, refilter)
	v.overdue = widget.NewCheck("只看逾期", func(bool) { refilter("") })
	v.search = widget.NewEntry()
	v.search.SetPlaceHolder("搜索任务、部门或进展（空格分隔多个词）")
	v.search.OnChanged = refilter
	v.loading = true
	v.chapter.SetSelected(allChapters)
	v.dept.SetSelected(allDepts)
	v.role.SetSelected(roleAny)
	v.status.SetSelected(allStatuses)
	v.loading = false

	v.table = widget.NewTable(
		func() (int, int) { return len(v.shown), len(taskColumns) },
		func() fyne.CanvasObject { return newTaskCell() },
		v.updateCell,
	)
	v.table.ShowHeaderRow = true
	v.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	v.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(taskColumns) {
			o.(*widget.Label).SetText(taskColumns[id.Col].title)
		}
	}
	for i, c := range taskColumns {
		v.table.SetColumnWidth(i, c.width)
	}
	v.table.OnSelected = func(id widget.TableCellID) {
		// The selection is drawn across the whole row by the cells; the
		// table's own one-cell selection is dropped so the same row can be
		// chosen again after the rows have moved.
		v.table.UnselectAll()
		if id.Row >= 0 && id.Row < len(v.shown) {
			v.open(v.shown[id.Row].ID)
		}
	}

	v.ed = newTaskEditor(v)
	v.split = container.NewHSplit(v.table, v.ed.box)
	v.split.Offset = 0.6
	v.ed.box.Hide()

	v.empty = widget.NewLabel("")
	v.empty.Wrapping = fyne.TextWrapWord
	v.emptyBox = container.NewVBox(v.empty)

	v.filters = container.NewBorder(nil, nil,
		container.NewHBox(withWidth(190, v.chapter), withWidth(170, v.dept), withWidth(120, v.role),
			withWidth(110, v.status), v.overdue),
		nil, v.search)
	top := container.NewVBox(
		container.NewBorder(nil, nil, container.NewHBox(v.heading, v.count), container.NewHBox(
			widget.NewButtonWithIcon("导出 Excel", theme.DocumentSaveIcon(), func() { chooseFolder(u.win, func(dir string) { v.exportTo(dir, nil) }) }),
			widget.NewButtonWithIcon("分发给各部门", theme.MailSendIcon(), func() { chooseFolder(u.win, func(dir string) { v.distributeTo(dir, false, nil) }) }),
			widget.NewButtonWithIcon("收回进展", theme.MailReplyIcon(), func() { chooseFolder(u.win, func(dir string) { v.collectFrom(dir, nil) }) }),
			v.importButton, v.importSheet)),
		v.filters,
	)
	v.box = container.NewPadded(container.NewBorder(top, nil, nil, nil, container.NewStack(v.split, v.emptyBox)))
	return v
}

func (v *taskView) content() fyne.CanvasObject { return v.box }

// refresh reloads the year's tasks, the register and the plan's chapters,
// keeping the filters and the task being edited where they still apply.
func (v *taskView) refresh() {
	v.ed.flush()
	year := v.u.Year()
	tasks, err := v.u.store.Tasks(year)
	if err != nil {
		showError(err, v.u.win)
		return
	}
	depts, err := v.u.store.Departments()
	if err != nil {
		showError(err, v.u.win)
		return
	}
	plan, _, err := v.u.store.PlanFor(year)
	if err != nil {
		showError(err, v.u.win)
		return
	}
	v.year, v.tasks, v.depts = year, tasks, depts
	v.deptName = make(map[uint64]string, len(depts))
	for _, d := range depts {
		v.deptName[d.ID] = d.Name
	}
	v.ix = data.NewTaskIndex(tasks, depts)
	seen := map[int]bool{}
	v.byNo = true
	for _, t := range tasks {
		if seen[t.No] {
			v.byNo = false
		}
		seen[t.No] = true
	}

	v.loading = true
	v.setChapters(plan, tasks)
	deptOpts := []string{allDepts}
	v.deptID = map[string]uint64{}
	for _, d := range depts {
		deptOpts = append(deptOpts, d.Name)
		v.deptID[d.Name] = d.ID
	}
	keep(v.dept, deptOpts, allDepts)
	v.loading = false

	v.heading.SetText(yearLabel(year) + "任务分解表")
	if len(tasks) == 0 {
		v.empty.SetText(fmt.Sprintf("%d年还没有任务分解表。可以点“导入方案”从实施方案导入，或用命令行 fazhi tasks add 逐项录入。", year))
		v.emptyBox.Show()
		v.split.Hide()
		v.filters.Hide()
		v.count.Hide()
	} else {
		v.emptyBox.Hide()
		v.split.Show()
		v.filters.Show()
		v.count.Show()
	}

	if t, ok := v.task(v.ed.cur.ID); ok {
		v.ed.load(t)
	} else {
		v.close()
	}
	v.applyFilter()
}

// setChapters offers the plan's chapters, then any chapter the tasks use
// that the plan does not list.
func (v *taskView) setChapters(plan data.Plan, tasks []data.Task) {
	opts := []string{allChapters}
	v.chapterNo = map[string]string{}
	seen := map[string]bool{}
	add := func(no, title string) {
		if no == "" || seen[no] {
			return
		}
		seen[no] = true
		label := "第" + no + "章"
		if title != "" {
			label = no + "、" + shorten(title, 10)
		}
		opts = append(opts, label)
		v.chapterNo[label] = no
	}
	for _, c := range plan.Chapters {
		add(c.No, c.Title)
	}
	for _, t := range tasks {
		add(t.Chapter, "")
	}
	keep(v.chapter, opts, allChapters)
}

// keep gives a Select new options, staying on its choice if still offered.
func keep(s *widget.Select, opts []string, fallback string) {
	was := s.Selected
	s.SetOptions(opts)
	if slices.Contains(opts, was) {
		s.SetSelected(was)
	} else {
		s.SetSelected(fallback)
	}
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// filter is what the controls above the table ask for.
func (v *taskView) filter() data.TaskFilter {
	f := data.TaskFilter{
		Chapter: v.chapterNo[v.chapter.Selected],
		Dept:    v.deptID[v.dept.Selected],
		Role:    roles[v.role.Selected],
		Overdue: v.overdue.Checked,
		AsOf:    v.now(),
		Text:    v.search.Text,
	}
	if v.status.Selected != allStatuses {
		f.Status = data.Status(v.status.Selected)
	}
	return f
}

func (v *taskView) applyFilter() {
	if v.ix == nil {
		return
	}
	f := v.filter()
	v.shown = v.ix.Filter(f)
	late := 0
	for _, t := range v.shown {
		if t.Overdue(f.AsOf) {
			late++
		}
	}
	v.count.SetText(fmt.Sprintf("共 %d 项，显示 %d 项，逾期 %d 项", len(v.tasks), len(v.shown), late))
	v.table.Refresh()
}

func (v *taskView) task(id uint64) (data.Task, bool) {
	if id == 0 {
		return data.Task{}, false
	}
	i := slices.IndexFunc(v.tasks, func(t data.Task) bool { return t.ID == id })
	if i < 0 {
		return data.Task{}, false
	}
	return v.tasks[i], true
}

// open shows task id in the editor, after storing what was typed into the
// task open before.
func (v *taskView) open(id uint64) {
	if id == v.ed.cur.ID {
		return
	}
	v.ed.flush()
	t, ok := v.task(id)
	if !ok {
		return
	}
	v.ed.load(t)
	v.ed.box.Show()
	v.split.Refresh()
	v.table.Refresh()
}

// close hides the editor; what was typed is stored first.
func (v *taskView) close() {
	v.ed.flush()
	v.ed.load(data.Task{})
	v.ed.box.Hide()
	v.split.Refresh()
	v.table.Refresh()
}

// taskSaved takes a task just stored by the editor into the table: the
// index is rebuilt (the task's text and progress are searched) and the
// filter reapplied, so a task that no longer matches leaves the table while
// it stays open in the editor.
func (v *taskView) taskSaved(t data.Task) {
	if i := slices.IndexFunc(v.tasks, func(x data.Task) bool { return x.ID == t.ID }); i >= 0 {
		v.tasks[i] = t
	}
	v.ix = data.NewTaskIndex(v.tasks, v.depts)
	v.applyFilter()
}

func (v *taskView) names(ids []uint64) string {
	ns := make([]string, 0, len(ids))
	for _, id := range ids {
		ns = append(ns, v.deptName[id])
	}
	return strings.Join(ns, "、")
}

func (v *taskView) number(t data.Task) string {
	if v.byNo || t.Chapter == "" {
		return strconv.Itoa(t.No)
	}
	return t.Chapter + "-" + strconv.Itoa(t.No)
}

// cellText is what column col shows for t.
func (v *taskView) cellText(t data.Task, col int, asOf data.Date) string {
	switch col {
	case colNo:
		return v.number(t)
	case colTitle:
		return t.Title
	case colLead:
		return v.names(t.Lead)
	case colShare:
		s := v.names(append(slices.Clone(t.Cooperate), t.Responsible...))
		if t.AllRelevant {
			if s != "" {
				s += "、"
			}
			s += "各有关部门"
		}
		return s
	case colDeadline:
		return t.DeadlineLabel()
	case colStatus:
		if t.Overdue(asOf) {
			return string(t.Status) + " · 逾期"
		}
		return string(t.Status)
	case colProgress:
		p, ok := t.LatestProgress()
		if !ok {
			return ""
		}
		s := p.Date.Chinese() + " "
		if n := v.deptName[p.Dept]; n != "" {
			s += n + "："
		}
		return s + p.Text
	}
	return ""
}

func (v *taskView) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*taskCell)
	if id.Row < 0 || id.Row >= len(v.shown) || id.Col < 0 || id.Col >= len(taskColumns) {
		c.set("", 0, nil, widget.MediumImportance, false)
		return
	}
	t := v.shown[id.Row]
	asOf := v.now()
	imp := widget.MediumImportance
	if id.Col == colDeadline && t.Overdue(asOf) {
		imp = widget.DangerImportance
	}
	var lit color.Color
	if id.Col == colStatus {
		lit = lightColor(t.Light(asOf))
	}
	c.set(v.cellText(t, id.Col, asOf), taskColumns[id.Col].width, lit, imp, t.ID == v.ed.cur.ID)
}

// leave stores what the editor holds before the page is hidden or the
// window closes.
func (v *taskView) leave() { v.ed.flush() }

func (v *taskView) searchEntry() fyne.Focusable { return v.search }
func (v *taskView) undo()                       { v.ed.undoLast() }
