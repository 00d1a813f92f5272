package app

import (
	"fmt"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fazhi/data"
	"fazhi/export/backup"
)

// overviewView is the 概览, the page the program opens on: what needs doing
// now on the left (click a task to open it), and on the right the year's
// calendar and how far each chapter and department has come. Everything is
// counted by data.Summarize and data.Calendar; this file only draws it.
type overviewView struct {
	u *UI
	// now is the day the overview is judged on; tests fix it.
	now func() data.Date

	ov     data.Overview
	level  string
	names  map[uint64]string
	chNo   map[string]string // chapter number → "第一章", for the urgent list
	urgent *widget.List

	heading     *widget.Label
	summary     *widget.Label
	urgentHead  *widget.Label
	urgentEmpty *widget.Label
	right       *fyne.Container
	box         fyne.CanvasObject
}

// How many departments the bars show: the least complete, the ones to chase.
const overviewDepts = 10

func newOverviewView(u *UI) *overviewView {
	v := &overviewView{u: u, now: data.Today}
	v.heading = widget.NewLabelWithStyle("概览", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.summary = widget.NewLabel("")

	v.urgentHead = widget.NewLabelWithStyle("需要办理", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.urgentEmpty = widget.NewLabel("")
	v.urgentEmpty.Wrapping = fyne.TextWrapWord
	v.urgent = widget.NewList(
		func() int { return len(v.ov.Urgent) },
		func() fyne.CanvasObject {
			dot := canvas.NewCircle(color.Black)
			title := widget.NewLabel("第一章 · 第 1 项 深化行政审批制度改革")
			title.Truncation = fyne.TextTruncateEllipsis
			when := widget.NewLabel("逾期 100 天")
			return container.NewBorder(nil, nil, container.New(fixedSquare(12), dot), when, title)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			t := v.ov.Urgent[i]
			row := o.(*fyne.Container)
			title := row.Objects[0].(*widget.Label)
			dot := row.Objects[1].(*fyne.Container).Objects[0].(*canvas.Circle)
			when := row.Objects[2].(*widget.Label)
			dot.FillColor = lightColor(t.Light(v.ov.AsOf))
			dot.Refresh()
			title.SetText(fmt.Sprintf("%s第 %d 项 %s", v.chNo[t.Chapter], t.No, t.Title))
			if days := t.Deadline.DaysUntil(v.ov.AsOf); days > 0 {
				when.Importance = widget.DangerImportance
				when.SetText(fmt.Sprintf("逾期 %d 天", days))
			} else {
				when.Importance = widget.WarningImportance
				when.SetText(dueIn(-days))
			}
		},
	)
	v.urgent.OnSelected = func(i widget.ListItemID) {
		id := v.ov.Urgent[i].ID
		v.urgent.UnselectAll()
		v.u.openTask(id)
	}
	left := container.NewBorder(v.urgentHead, nil, nil, nil, container.NewStack(v.urgent, v.urgentEmpty))

	v.right = container.NewVBox()
	split := container.NewHSplit(left, container.NewVScroll(v.right))
	split.Offset = 0.5
	top := container.NewVBox(container.NewHBox(v.heading, v.summary), widget.NewSeparator())
	v.box = container.NewPadded(container.NewBorder(top, nil, nil, nil, split))
	return v
}

func (v *overviewView) content() fyne.CanvasObject { return v.box }

// refresh counts the selected year again on today's date.
func (v *overviewView) refresh() {
	year := v.u.Year()
	tasks, err := v.u.store.Tasks(year)
	if err != nil {
		showError(err, v.u.win)
		return
	}
	plan, _, err := v.u.store.PlanFor(year)
	if err != nil {
		showError(err, v.u.win)
		return
	}
	depts, err := v.u.store.Departments()
	if err != nil {
		showError(err, v.u.win)
		return
	}
	profile, err := v.u.store.Profile()
	if err != nil {
		showError(err, v.u.win)
		return
	}
	v.level = profile.Level
	v.names = make(map[uint64]string, len(depts))
	for _, d := range depts {
		v.names[d.ID] = d.Name
	}
	v.chNo = map[string]string{}
	for _, ch := range plan.Chapters {
		v.chNo[ch.No] = "第" + ch.No + "章 · "
	}
	v.ov = data.Summarize(plan, tasks, v.names, v.now())

	today := v.ov.AsOf
	v.heading.SetText(fmt.Sprintf("%d年概览", year))
	y := v.ov.Year
	if y.Total == 0 {
		v.summary.SetText(fmt.Sprintf("（%s）%d年还没有任务分解表。", today.Chinese(), year))
	} else {
		v.summary.SetText(fmt.Sprintf("（%s）共 %d 项任务，已完成 %d 项（%d%%），逾期 %d 项。",
			today.Chinese(), y.Total, y.Done, y.Percent(), y.Overdue))
	}

	overdue := 0
	for _, t := range v.ov.Urgent {
		if t.Overdue(today) {
			overdue++
		}
	}
	v.urgentHead.SetText(fmt.Sprintf("需要办理：逾期 %d 项，%d 天内到期 %d 项", overdue, data.DueSoonDays, len(v.ov.Urgent)-overdue))
	switch {
	case y.Total == 0:
		v.urgentEmpty.SetText("到“任务分解表”点“导入方案”，把本年度的实施方案读进来后，这里会列出逾期和即将到期的任务。")
	case len(v.ov.Urgent) == 0:
		v.urgentEmpty.SetText("没有逾期或 30 天内到期的任务。")
	}
	v.urgentEmpty.Hidden = len(v.ov.Urgent) > 0
	v.urgent.Hidden = len(v.ov.Urgent) == 0
	v.urgent.Refresh()

	v.right.Objects = nil
	v.right.Add(sectionHead("法治日历"))
	for _, d := range data.Calendar(year, v.level) {
		v.right.Add(calendarRow(d, today))
	}
	v.addKeyFigures(year)
	v.addBackupAndExport()
	if len(v.ov.Chapters) > 0 {
		v.right.Add(sectionHead("各章节完成情况"))
		for _, c := range v.ov.Chapters {
			v.right.Add(completionBar(c))
		}
	}
	if len(v.ov.Depts) > 0 {
		head := "各部门完成情况"
		shown := v.ov.Depts
		if len(shown) > overviewDepts {
			head = fmt.Sprintf("完成率最低的 %d 个部门（共 %d 个）", overviewDepts, len(shown))
			shown = shown[:overviewDepts]
		}
		v.right.Add(sectionHead(head))
		for _, c := range shown {
			v.right.Add(completionBar(c))
		}
	}
	if len(v.ov.OverdueRanking) > 0 {
		v.right.Add(sectionHead("逾期任务最多的部门"))
		for i, c := range v.ov.OverdueRanking[:min(5, len(v.ov.OverdueRanking))] {
			v.right.Add(widget.NewLabel(fmt.Sprintf("%d. %s　逾期 %d 项（共 %d 项）", i+1, c.Label, c.Overdue, c.Total)))
		}
	}
	v.right.Refresh()
}

// dueIn words the days left to a deadline.
func dueIn(days int) string {
	switch days {
	case 0:
		return "今天到期"
	case 1:
		return "明天到期"
	}
	return fmt.Sprintf("还有 %d 天", days)
}

func sectionHead(s string) fyne.CanvasObject {
	return container.NewVBox(widget.NewSeparator(), widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
}

// calendarRow is one date of the 法治 year with the days left, or how long
// ago it passed, in grey.
func calendarRow(d data.Deadline, today data.Date) fyne.CanvasObject {
	when := widget.NewLabel("")
	days := today.DaysUntil(d.Date)
	switch {
	case days < 0:
		when.SetText("已过")
		when.Importance = widget.LowImportance
	case days <= data.DueSoonDays:
		when.SetText(dueIn(days))
		when.Importance = widget.WarningImportance
	default:
		when.SetText(dueIn(days))
	}
	date := widget.NewLabel(d.Date.Chinese())
	name := widget.NewLabel(d.Name)
	name.Truncation = fyne.TextTruncateEllipsis
	if days < 0 {
		date.Importance, name.Importance = widget.LowImportance, widget.LowImportance
	}
	return container.NewBorder(nil, nil, withWidth(140, date), when, name)
}

// completionBar is a label, a horizontal bar drawn with the canvas, and the
// figures: 一、依法全面履行政府职能 ███░░ 3/8 37%.
func completionBar(c data.Completion) fyne.CanvasObject {
	label := widget.NewLabel(c.Label)
	label.Truncation = fyne.TextTruncateEllipsis
	figures := fmt.Sprintf("%d/%d　%d%%", c.Done, c.Total, c.Percent())
	if c.Overdue > 0 {
		figures += fmt.Sprintf("　逾期 %d", c.Overdue)
	}
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	fg := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
	bar := container.New(&barLayout{share: float32(c.Done) / float32(max(c.Total, 1))}, bg, fg)
	// A fixed width for the figures keeps every bar the same length.
	return container.NewBorder(nil, nil, withWidth(220, label), withWidth(150, widget.NewLabel(figures)), bar)
}

// barLayout draws its first object across the whole width and its second
// over the share that is done, both as a thin band centred in the row.
type barLayout struct{ share float32 }

const barHeight = 12

func (l *barLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(80, barHeight) }

func (l *barLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := (size.Height - barHeight) / 2
	for i, o := range objs {
		w := size.Width
		if i == 1 {
			w *= l.share
		}
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(w, barHeight))
	}
}

// fixedSquare centres its object in a square of the given side: the light
// beside a task.
type fixedSquare float32

func (s fixedSquare) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(float32(s), float32(s))
}

func (s fixedSquare) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	side := float32(s)
	for _, o := range objs {
		o.Move(fyne.NewPos((size.Width-side)/2, (size.Height-side)/2))
		o.Resize(fyne.NewSize(side, side))
	}
}

// keyFigures is how many statistics 概览 shows against last year.
const keyFigures = 8

// addKeyFigures lists the year's filled statistics that have a figure for
// last year too, with an up or down mark, catalogue order, at most
// keyFigures of them.
func (v *overviewView) addKeyFigures(year int) {
	stats, err := v.u.store.Stats(year)
	if err != nil {
		showError(err, v.u.win)
		return
	}
	v.right.Add(sectionHead("主要统计数据（与上年比）"))
	shown := 0
	for _, st := range stats {
		if shown == keyFigures {
			break
		}
		if st.Retired || st.Kind == data.KindText || !st.Has || !st.HasLast {
			continue
		}
		unit := st.Unit
		mark := "持平"
		switch {
		case st.Value > st.LastYear:
			mark = "↑"
		case st.Value < st.LastYear:
			mark = "↓"
		}
		if ch, ok := st.Change(); ok && st.Kind != data.KindRate && ch != 0 {
			mark += fmt.Sprintf(" %.0f%%", math.Abs(ch)*100)
		}
		v.right.Add(widget.NewLabel(fmt.Sprintf("%s　%s%s（上年 %s%s）%s", st.Name, data.FormatValue(st.Value), unit, data.FormatValue(st.LastYear), unit, mark)))
		shown++
	}
	if shown == 0 {
		v.right.Add(widget.NewLabel("本年和上年的统计数据填写后，这里列出主要数字的升降。"))
	}
}

// addBackupAndExport says when the data was last backed up and what last
// went out.
func (v *overviewView) addBackupAndExport() {
	v.right.Add(sectionHead("备份与导出"))
	last := "还没有备份。到“设置”点“立即备份”。"
	if list, err := backup.List(v.u.store); err == nil && len(list) > 0 {
		last = "上次备份：" + timeLabel(list[0].Time) + "（" + list[0].Reason.Label() + "）"
	}
	v.right.Add(widget.NewLabel(last))
	exp := "还没有导出过文件。"
	if n, ok, err := v.u.store.LastExport(); err == nil && ok {
		exp = "上次导出：" + n.What + "，" + timeLabel(n.At) + "\n" + n.Path
	}
	l := widget.NewLabel(exp)
	l.Wrapping = fyne.TextWrapBreak
	v.right.Add(l)
}
