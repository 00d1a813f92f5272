package app

import (
	"fmt"
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fazhi/data"
)

// statsView is the 统计报表 page: the indicators grouped by category, each
// with this year's value (typed, stored when the field is left or Enter is
// pressed), last year's and the change; rates computed live with their
// parts; on the right the problems by severity, each a click away from its
// field, with the explanation a 核实 asks for. The rules are data's.
type statsView struct {
	u     *UI
	stats []data.Stat

	form     *fyne.Container
	entries  map[string]*blurEntry    // code → value field
	explains map[string]*widget.Entry // code → explanation field
	rows     map[string]*statRow
	scroll   *container.Scroll
	problems *widget.List
	issues   []data.Issue
	heading  *widget.Label
	summary  *widget.Label
	box      fyne.CanvasObject
}

// statRow is the live part of one indicator's line.
type statRow struct {
	value, last, change *widget.Label
	line                fyne.CanvasObject
}

func newStatsView(u *UI) *statsView {
	v := &statsView{u: u}
	v.heading = widget.NewLabelWithStyle("统计报表", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.summary = widget.NewLabel("")
	v.form = container.NewVBox()
	v.scroll = container.NewVScroll(v.form)
	v.problems = widget.NewList(
		func() int { return len(v.issues) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("[核实] 信访受理数比上年增加 60%")
			l.Wrapping = fyne.TextWrapWord
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			is := v.issues[i]
			l := o.(*widget.Label)
			l.SetText("[" + string(is.Severity) + "] " + is.Message)
			switch is.Severity {
			case data.SevError:
				l.Importance = widget.DangerImportance
			case data.SevVerify:
				l.Importance = widget.WarningImportance
			default:
				l.Importance = widget.LowImportance
			}
			l.Refresh()
			v.problems.SetItemHeight(i, l.MinSize().Height)
		},
	)
	v.problems.OnSelected = func(i widget.ListItemID) {
		v.problems.UnselectAll()
		v.focus(v.issues[i].Code)
	}
	right := container.NewBorder(widget.NewLabelWithStyle("检查结果（点击跳到相应栏目）", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, v.problems)
	split := container.NewHSplit(v.scroll, right)
	split.Offset = 0.62
	buttons := container.NewHBox(
		widget.NewButtonWithIcon("按模板导出", theme.DocumentSaveIcon(), func() { v.flush(); v.exportTemplate() }),
		widget.NewButtonWithIcon("导出为表格", theme.DocumentSaveIcon(), func() { v.flush(); v.exportTable() }),
		widget.NewButtonWithIcon("导入报表", theme.DownloadIcon(), v.importReturn),
		widget.NewButtonWithIcon("汇总", theme.ContentAddIcon(), v.sumFolder),
		widget.NewButtonWithIcon("管理指标", theme.SettingsIcon(), func() { v.manageIndicators() }),
	)
	// The summary gives way (ellipsis) before the buttons do on a narrow window.
	v.summary.Truncation = fyne.TextTruncateEllipsis
	top := container.NewVBox(container.NewBorder(nil, nil, v.heading, buttons, v.summary), widget.NewSeparator())
	v.box = container.NewPadded(container.NewBorder(top, nil, nil, nil, split))
	return v
}

func (v *statsView) content() fyne.CanvasObject { return v.box }

// refresh rebuilds the form for the selected year.
func (v *statsView) refresh() {
	stats, err := v.u.store.Stats(v.u.Year())
	if err != nil {
		showError(err, v.u.win)
		return
	}
	v.stats = stats
	v.heading.SetText(fmt.Sprintf("%d年统计报表", v.u.Year()))
	v.entries, v.explains, v.rows = map[string]*blurEntry{}, map[string]*widget.Entry{}, map[string]*statRow{}
	v.form.Objects = nil
	head := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	v.form.Add(statLine(head("指标"), head("本年"), head("上年"), head("变化")))
	cat := ""
	for _, st := range stats {
		if st.Retired {
			continue
		}
		if st.Category != cat {
			cat = st.Category
			v.form.Add(container.NewVBox(widget.NewSeparator(), head("【"+cat+"】")))
		}
		v.form.Add(v.row(st))
	}
	v.form.Refresh()
	v.recheck()
}

// row builds one indicator's line: name (unit), the field or the computed
// rate, last year, the change.
func (v *statsView) row(st data.Stat) fyne.CanvasObject {
	r := &statRow{value: widget.NewLabel(""), last: widget.NewLabel(""), change: widget.NewLabel("")}
	v.rows[st.Code] = r
	name := widget.NewLabel(st.Name + "（" + st.Unit + "）")
	name.Truncation = fyne.TextTruncateEllipsis
	var cell fyne.CanvasObject = r.value
	if st.Kind != data.KindRate {
		e := newBlurEntry(false)
		if st.Has {
			e.SetText(statValue(st, st.Value))
		}
		e.SetPlaceHolder("未填")
		code := st.Code
		store := func() { v.store(code) }
		e.onBlur = store
		e.OnSubmitted = func(string) { store() }
		v.entries[st.Code] = e
		cell = e
	}
	ex := widget.NewEntry()
	ex.SetPlaceHolder("说明（需要核实时填写）")
	ex.SetText(st.Explain)
	code := st.Code
	ex.OnSubmitted = func(s string) { v.explain(code, s) }
	v.explains[st.Code] = ex
	r.line = container.NewVBox(statLine(name, cell, r.last, r.change), ex)
	ex.Hide()
	v.show(st)
	return r.line
}

// statLine lays out one line of the form: the name takes what is left,
// the figures keep fixed columns so they line up down the page.
func statLine(name, value, last, change fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(nil, nil, nil,
		container.NewHBox(withWidth(170, value), withWidth(120, last), withWidth(70, change)), name)
}

// statValue writes a figure for its field or label.
func statValue(st data.Stat, x float64) string {
	if st.Kind == data.KindText {
		return st.Text
	}
	return data.FormatValue(x)
}

// show puts a stat's current figures into its row.
func (v *statsView) show(st data.Stat) {
	r := v.rows[st.Code]
	if r == nil {
		return
	}
	switch {
	case st.Kind == data.KindRate && st.Has:
		r.value.SetText(fmt.Sprintf("%s%%（%s/%s）", data.FormatValue(st.Value), data.FormatValue(st.Num), data.FormatValue(st.Den)))
	case st.Kind == data.KindRate:
		r.value.SetText("（自动计算）")
	}
	r.last.SetText("上年 —")
	if st.HasLast {
		r.last.SetText("上年 " + data.FormatValue(st.LastYear) + st.Unit)
	}
	r.change.SetText("")
	if ch, ok := st.Change(); ok {
		arrow := "↑"
		if ch < 0 {
			arrow = "↓"
		}
		r.change.SetText(fmt.Sprintf("%s %.0f%%", arrow, math.Abs(ch)*100))
	}
}

// store keeps what was typed into code's field; an unreadable value is
// said and nothing changes.
func (v *statsView) store(code string) {
	e := v.entries[code]
	st := v.stat(code)
	typed := e.Text
	if typed == "" {
		if st.Has {
			if err := v.u.store.ClearValue(v.u.Year(), code); err != nil {
				showError(err, v.u.win)
			}
		}
		v.reload()
		return
	}
	cleaned, err := v.u.store.SetValues(v.u.Year(), 0, []data.Entry{{Name: code, Text: typed}})
	if err != nil {
		showError(err, v.u.win)
		return
	}
	// Show the cleaned value (2.5万 → 25000) before moving on.
	if s := statValue(st, cleaned[0].Value); st.Kind != data.KindText && s != typed {
		e.SetText(s)
	}
	v.reload()
}

// flush stores what was typed but not yet stored (a field still focused
// when a button is pressed or the page is left): no keystroke is lost.
func (v *statsView) flush() {
	for code, e := range v.entries {
		st := v.stat(code)
		shown := ""
		if st.Has {
			shown = statValue(st, st.Value)
		}
		if e.Text != shown {
			v.store(code)
		}
	}
	for code, e := range v.explains {
		if st := v.stat(code); e.Text != st.Explain && (st.Has || st.Kind == data.KindRate) {
			v.explain(code, e.Text)
		}
	}
}

// leave is flush, when the clerk goes to another page.
func (v *statsView) leave() { v.flush() }

func (v *statsView) explain(code, text string) {
	if err := v.u.store.Explain(v.u.Year(), code, text); err != nil {
		showError(err, v.u.win)
		return
	}
	v.reload()
}

// reload reads the figures again and refreshes rows and problems without
// rebuilding the form (the focus stays where the clerk is).
func (v *statsView) reload() {
	stats, err := v.u.store.Stats(v.u.Year())
	if err != nil {
		showError(err, v.u.win)
		return
	}
	v.stats = stats
	for _, st := range stats {
		v.show(st)
	}
	v.recheck()
}

func (v *statsView) stat(code string) data.Stat {
	for _, st := range v.stats {
		if st.Code == code {
			return st
		}
	}
	return data.Stat{}
}

// recheck runs the rules; the fields a 核实 concerns show their
// explanation entry.
func (v *statsView) recheck() {
	v.issues = data.CheckStats(v.stats)
	// 错误 first, then 核实, then the hints: what blocks comes to the top.
	rank := map[data.Severity]int{data.SevError: 0, data.SevVerify: 1, data.SevHint: 2}
	slices.SortStableFunc(v.issues, func(a, b data.Issue) int { return rank[a.Severity] - rank[b.Severity] })
	counts := map[data.Severity]int{}
	verify := map[string]bool{}
	for _, is := range v.issues {
		counts[is.Severity]++
		if is.Severity == data.SevVerify {
			verify[is.Code] = true
		}
	}
	for code, ex := range v.explains {
		if verify[code] || ex.Text != "" {
			ex.Show()
		} else {
			ex.Hide()
		}
	}
	filled := 0
	for _, st := range v.stats {
		if st.Has && st.Kind != data.KindRate {
			filled++
		}
	}
	v.summary.SetText(fmt.Sprintf("已填 %d 项；错误 %d，需核实 %d，提示 %d", filled, counts[data.SevError], counts[data.SevVerify], counts[data.SevHint]))
	v.problems.Refresh()
}

// focus brings code's field into view and puts the cursor in it: its
// explanation when a 核实 asks for one, else its value (for a rate, its
// numerator's).
func (v *statsView) focus(code string) {
	if ex := v.explains[code]; ex != nil && ex.Visible() && v.hasVerify(code) {
		v.scrollTo(code)
		v.u.win.Canvas().Focus(ex)
		return
	}
	if st := v.stat(code); st.Kind == data.KindRate {
		code = st.Indicator.Num
	}
	v.scrollTo(code)
	if e := v.entries[code]; e != nil {
		v.u.win.Canvas().Focus(e)
	}
}

func (v *statsView) scrollTo(code string) {
	if r := v.rows[code]; r != nil {
		v.scroll.Offset = fyne.NewPos(0, r.line.Position().Y)
		v.scroll.Refresh()
	}
}

func (v *statsView) hasVerify(code string) bool {
	for _, is := range v.issues {
		if is.Code == code && is.Severity == data.SevVerify {
			return true
		}
	}
	return false
}
