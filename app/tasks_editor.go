package app

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fazhi/data"
)

// saveDelay is how long typing must pause before the text is stored.
const saveDelay = 600 * time.Millisecond

// maxUndo bounds how many earlier versions of the open task are kept.
const maxUndo = 50

// taskEditor edits one task beside the table. There is no 保存 button to
// forget: a choice is stored when it is made, typed text when the typing
// pauses or the field loses focus, each change as one store call (one
// transaction). The task as it was before each change is kept, so 撤销
// can put it back.
type taskEditor struct {
	v *taskView

	cur     data.Task   // the open task as last stored; ID 0 when none is open
	undo    []data.Task // the open task before each change, newest last
	loading bool        // widgets being filled from cur: their callbacks must not store
	timer   *time.Timer
	drafts  map[uint64]string // progress typed but not yet added, per task
	// afterSave runs after a save the typing pause triggered; tests wait on it.
	afterSave func()

	heading     *widget.Label
	note        *widget.Label
	undoButton  *widget.Button
	closeButton *widget.Button

	title, text, deadline, words *blurEntry
	longTerm, allRelevant        *widget.Check
	status                       *widget.Select
	lead, coop, resp             *deptPicker

	tabs        *container.AppTabs
	progTab     *container.TabItem
	progress    *fyne.Container
	progDate    *blurEntry
	progDept    *widget.Select
	progText    *widget.Entry
	addProgress *widget.Button

	box fyne.CanvasObject
}

func newTaskEditor(v *taskView) *taskEditor {
	e := &taskEditor{v: v, drafts: map[uint64]string{}}
	e.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.heading.Truncation = fyne.TextTruncateEllipsis
	e.note = widget.NewLabel("修改即时保存，无需另行保存。")
	e.note.Importance = widget.LowImportance
	e.note.Truncation = fyne.TextTruncateEllipsis
	e.undoButton = widget.NewButtonWithIcon("撤销", theme.ContentUndoIcon(), e.undoLast)
	e.undoButton.Disable()
	e.closeButton = widget.NewButtonWithIcon("关闭", theme.CancelIcon(), v.close)

	typed := func(en *blurEntry) *blurEntry {
		en.OnChanged = func(string) {
			if !e.loading {
				e.schedule()
			}
		}
		en.onBlur = e.flush
		return en
	}
	e.title = typed(newBlurEntry(false))
	e.title.Wrapping = fyne.TextWrapWord
	e.title.MultiLine = true
	e.title.SetMinRowsVisible(2)
	e.text = typed(newBlurEntry(true))
	e.text.SetMinRowsVisible(6)
	e.deadline = typed(newDateField(e.flush))
	e.words = typed(newBlurEntry(false))
	e.words.SetPlaceHolder("方案原文的时限，如：2017年年底前")
	e.longTerm = widget.NewCheck("长期坚持（无具体时限）", e.setLongTerm)
	e.allRelevant = widget.NewCheck("另有“各有关部门”", e.setAllRelevant)

	var statuses []string
	for _, s := range data.Statuses {
		statuses = append(statuses, string(s))
	}
	e.status = widget.NewSelect(statuses, e.setStatus)

	all := func() []data.Department { return v.depts }
	win := func() fyne.Window { return v.u.win }
	e.lead = newDeptPicker("牵头单位", all, win)
	e.coop = newDeptPicker("配合单位", all, win)
	e.resp = newDeptPicker("责任单位", all, win)
	e.lead.choose = func(ids []uint64) { e.setDepts(func(t *data.Task) { t.Lead = ids }) }
	e.coop.choose = func(ids []uint64) { e.setDepts(func(t *data.Task) { t.Cooperate = ids }) }
	e.resp.choose = func(ids []uint64) { e.setDepts(func(t *data.Task) { t.Responsible = ids }) }

	form := widget.NewForm(
		widget.NewFormItem("工作任务", e.title),
		widget.NewFormItem("全文", e.text),
		widget.NewFormItem("状态", withWidth(160, e.status)),
		widget.NewFormItem("完成时限", e.deadline),
		widget.NewFormItem("时限原文", e.words),
		widget.NewFormItem("", e.longTerm),
		widget.NewFormItem("牵头单位", e.lead.box),
		widget.NewFormItem("配合单位", e.coop.box),
		widget.NewFormItem("责任单位", e.resp.box),
		widget.NewFormItem("", e.allRelevant),
	)

	e.progDate = newDateField(nil)
	e.progDept = widget.NewSelect(nil, nil)
	e.progDept.PlaceHolder = "选择报送部门"
	e.progText = widget.NewMultiLineEntry()
	e.progText.Wrapping = fyne.TextWrapWord
	e.progText.SetMinRowsVisible(3)
	e.progText.SetPlaceHolder("部门报来的进展情况")
	e.addProgress = widget.NewButtonWithIcon("添加进展", theme.ContentAddIcon(), e.add)
	e.addProgress.Importance = widget.HighImportance
	progForm := widget.NewForm(
		widget.NewFormItem("日期", e.progDate),
		widget.NewFormItem("报送部门", e.progDept),
		widget.NewFormItem("进展情况", e.progText),
	)
	e.progress = container.NewVBox()

	head := container.NewBorder(nil, nil, nil, container.NewHBox(e.undoButton, e.closeButton), e.heading)
	// Two tabs, so that recording the quarter's progress task after task
	// stays on the progress tab while the rows change.
	e.progTab = container.NewTabItem("进展情况", scrollWithGutter(container.NewVBox(
		progForm,
		container.NewBorder(nil, nil, nil, e.addProgress),
		widget.NewSeparator(),
		widget.NewLabelWithStyle("已记录的进展（最新在前）", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		e.progress,
	)))
	e.tabs = container.NewAppTabs(container.NewTabItem("任务内容", scrollWithGutter(form)), e.progTab)
	e.box = container.NewBorder(container.NewVBox(head, e.note), nil, nil, nil, e.tabs)
	return e
}

// scrollWithGutter scrolls o vertically, leaving room on the right for the
// scroll bar, which Fyne draws over the content.
func scrollWithGutter(o fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVScroll(container.New(layout.NewCustomPaddedLayout(0, 0, 0, theme.Padding()*3), o))
}

// load opens t (the zero Task for none). Opening another task forgets the
// undo history, which belongs to the task it was made on, and keeps the
// progress typed for the previous one until it is opened again.
func (e *taskEditor) load(t data.Task) {
	if t.ID != e.cur.ID {
		if e.cur.ID != 0 {
			e.drafts[e.cur.ID] = e.progText.Text
		}
		e.undo = nil
		e.note.SetText("修改即时保存，无需另行保存。")
		e.progDate.SetText(e.v.now().String())
		e.progText.SetText(e.drafts[t.ID])
		// Progress usually comes from the lead, or else the first department
		// that shares the work.
		e.progDept.ClearSelected()
		if first := slices.Concat(t.Lead, t.Responsible, t.Cooperate); len(first) > 0 {
			e.progDept.SetSelected(e.v.deptName[first[0]])
		}
	}
	e.cur = t
	e.fill()
}

// fill puts cur into every widget.
func (e *taskEditor) fill() {
	e.loading = true
	defer func() { e.loading = false }()
	t := e.cur
	e.title.SetText(t.Title)
	e.text.SetText(t.Text)
	e.deadline.SetText(t.Deadline.String())
	e.words.SetText(t.DeadlineText)
	e.showState()
}

// showState updates everything but the typed fields, which may be under the
// clerk's cursor.
func (e *taskEditor) showState() {
	was := e.loading
	e.loading = true
	defer func() { e.loading = was }()
	t := e.cur
	heading := "第 " + e.v.number(t) + " 项"
	if t.Chapter != "" {
		heading = "第" + t.Chapter + "章 · " + heading
	}
	e.heading.SetText(heading)
	e.longTerm.SetChecked(t.LongTerm)
	e.allRelevant.SetChecked(t.AllRelevant)
	e.status.SetSelected(string(t.Status))
	name := func(id uint64) string { return e.v.deptName[id] }
	e.lead.show(t.Lead, name)
	e.coop.show(t.Cooperate, name)
	e.resp.show(t.Responsible, name)
	opts := make([]string, len(e.v.depts))
	for i, d := range e.v.depts {
		opts[i] = d.Name
	}
	e.progDept.SetOptions(opts)
	e.showProgress()
	if len(e.undo) > 0 {
		e.undoButton.Enable()
	} else {
		e.undoButton.Disable()
	}
}

func (e *taskEditor) showProgress() {
	ps := slices.Clone(e.cur.Progress)
	slices.SortStableFunc(ps, func(a, b data.Progress) int {
		switch {
		case b.Date.Before(a.Date):
			return -1
		case a.Date.Before(b.Date):
			return 1
		}
		return b.At.Compare(a.At)
	})
	objs := make([]fyne.CanvasObject, 0, 2*len(ps)+1)
	if len(ps) == 0 {
		objs = append(objs, widget.NewLabel("还没有进展记录。"))
	}
	for _, p := range ps {
		head := p.Date.Chinese()
		if n := e.v.deptName[p.Dept]; n != "" {
			head += " · " + n
		}
		if p.By != "" && p.By != "窗口" {
			head += "（" + p.By + "录入）"
		}
		text := widget.NewLabel(p.Text)
		text.Wrapping = fyne.TextWrapWord
		objs = append(objs, widget.NewLabelWithStyle(head, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), text)
	}
	e.progress.Objects = objs
	e.progress.Refresh()
	if title := fmt.Sprintf("进展情况（%d）", len(ps)); e.progTab.Text != title {
		e.progTab.Text = title
		e.tabs.Refresh()
	}
}

// schedule stores the typed fields once typing has paused for saveDelay.
// The timer is made once and reset on every keystroke; its function does
// not touch the timer itself, which belongs to the UI goroutine.
func (e *taskEditor) schedule() {
	if e.timer == nil {
		e.timer = time.AfterFunc(saveDelay, func() {
			fyne.Do(func() {
				e.saveTyped()
				if e.afterSave != nil {
					e.afterSave()
				}
			})
		})
		return
	}
	e.timer.Reset(saveDelay)
}

// flush stores what was typed at once: the clerk has left the field, the
// task or the page, or made another change.
func (e *taskEditor) flush() {
	if e.timer != nil {
		e.timer.Stop()
	}
	e.saveTyped()
}

// saveTyped stores the typed fields of the open task if they differ from
// what is stored. A date that cannot be read is left out and said so.
func (e *taskEditor) saveTyped() {
	if e.cur.ID == 0 || e.loading {
		return
	}
	next := cloneTask(e.cur)
	next.Title, next.Text, next.DeadlineText = e.title.Text, e.text.Text, e.words.Text
	badDate := false
	if s := strings.TrimSpace(e.deadline.Text); s == "" {
		next.Deadline = data.Date{}
	} else if d, err := data.ParseDate(s); err != nil {
		badDate = true
	} else {
		next.Deadline = d
	}
	if next.Deadline != e.cur.Deadline {
		next.DeadlineSource = data.DeadlineManual
		if !next.Deadline.IsZero() {
			next.LongTerm = false
		}
	}
	if badDate {
		e.note.SetText("完成时限“" + e.deadline.Text + "”不是日期，应写成 2024-06-30；时限尚未保存。")
	}
	if next.Title == e.cur.Title && next.Text == e.cur.Text && next.DeadlineText == e.cur.DeadlineText &&
		next.Deadline == e.cur.Deadline {
		return
	}
	e.apply(func() (data.Task, error) { return e.v.u.store.SaveTask(next) })
}

// apply makes one change through the store, remembers the task as it was
// for 撤销, and shows the stored result in the editor and the table.
func (e *taskEditor) apply(change func() (data.Task, error)) bool {
	prev := e.cur
	t, err := change()
	if err != nil {
		showError(err, e.v.u.win)
		e.showState() // put choices back to what is stored
		return false
	}
	e.undo = append(e.undo, prev)
	if len(e.undo) > maxUndo {
		e.undo = slices.Delete(e.undo, 0, len(e.undo)-maxUndo)
	}
	e.cur = t
	e.note.SetText("已保存（" + time.Now().Format("15:04:05") + "）")
	e.showState()
	e.v.taskSaved(t)
	return true
}

func (e *taskEditor) setStatus(s string) {
	if e.loading || e.cur.ID == 0 || data.Status(s) == e.cur.Status {
		return
	}
	e.flush()
	e.apply(func() (data.Task, error) { return e.v.u.store.SetStatus(e.cur.ID, data.Status(s), "窗口") })
}

// setLongTerm marks the task 长期坚持, which has no date, or takes the mark off.
func (e *taskEditor) setLongTerm(on bool) {
	if e.loading || e.cur.ID == 0 {
		return
	}
	e.flush()
	next := cloneTask(e.cur)
	next.LongTerm = on
	if on && !next.Deadline.IsZero() {
		next.Deadline, next.DeadlineSource = data.Date{}, data.DeadlineManual
	}
	if e.apply(func() (data.Task, error) { return e.v.u.store.SaveTask(next) }) {
		e.loading = true
		e.deadline.SetText(e.cur.Deadline.String())
		e.loading = false
	}
}

func (e *taskEditor) setAllRelevant(on bool) {
	if e.loading || e.cur.ID == 0 {
		return
	}
	e.setDepts(func(t *data.Task) { t.AllRelevant = on })
}

func (e *taskEditor) setDepts(change func(t *data.Task)) {
	if e.cur.ID == 0 {
		return
	}
	e.flush()
	next := cloneTask(e.cur)
	change(&next)
	e.apply(func() (data.Task, error) { return e.v.u.store.SaveTask(next) })
}

// add records the progress typed into the form.
func (e *taskEditor) add() {
	if e.cur.ID == 0 {
		return
	}
	e.flush()
	p := data.Progress{Text: e.progText.Text, Dept: e.v.deptID[e.progDept.Selected], By: "窗口"}
	if s := strings.TrimSpace(e.progDate.Text); s != "" {
		d, err := data.ParseDate(s)
		if err != nil {
			showError(err, e.v.u.win)
			return
		}
		p.Date = d
	}
	if e.apply(func() (data.Task, error) { return e.v.u.store.AddProgress(e.cur.ID, p) }) {
		e.progText.SetText("")
		delete(e.drafts, e.cur.ID)
	}
}

// undoLast stores the open task as it was before the last change.
func (e *taskEditor) undoLast() {
	e.flush()
	if len(e.undo) == 0 {
		return
	}
	prev := e.undo[len(e.undo)-1]
	t, err := e.v.u.store.SaveTask(prev)
	if err != nil {
		showError(err, e.v.u.win)
		return
	}
	e.undo = e.undo[:len(e.undo)-1]
	e.cur = t
	e.fill()
	e.note.SetText("已撤销上一次修改（" + time.Now().Format("15:04:05") + "）")
	e.v.taskSaved(t)
}

// cloneTask copies t deeply enough that changing the copy's lists leaves t,
// kept for 撤销, as it was.
func cloneTask(t data.Task) data.Task {
	t.Lead = slices.Clone(t.Lead)
	t.Cooperate = slices.Clone(t.Cooperate)
	t.Responsible = slices.Clone(t.Responsible)
	t.Progress = slices.Clone(t.Progress)
	t.Extra = maps.Clone(t.Extra)
	return t
}
