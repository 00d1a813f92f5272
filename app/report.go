package app

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"fazhi/data"
	"fazhi/export/reportin"
	"fazhi/export/reportout"
	"fazhi/export/safefile"
)

// ReportFigures gives the report the year's statistics (draft, check); a
// variable so tests can set the figures a report is checked against.
var ReportFigures = (*data.Store).Figures

// Outline entries that are not sections: the head (title, addressee,
// opening) and the tail (signature, date, contact).
const (
	outlineHead = -1
	outlineTail = -2
)

// reportView is the 年度报告 page: the report's parts as an outline on the
// left, the chosen part's text on the right, the check list below. What the
// clerk types is stored after a pause, as in the task editor. Drafting,
// checking and the file formats are data's and export's; this file only
// shows them.
type reportView struct {
	u   *UI
	now func() data.Date

	year     int
	r        data.Report
	has      bool
	problems []data.Problem
	selected int // index into r.Sections, or outlineHead / outlineTail
	loading  bool
	timer    *time.Timer

	heading  *widget.Label
	status   *widget.Label
	outline  *widget.List
	items    []int // outline rows → selected values
	editor   *fyne.Container
	secHead  *widget.Entry
	secText  *widget.Entry
	title    *widget.Entry
	address  *widget.Entry
	opening  *widget.Entry
	sign     *widget.Entry
	date     *widget.Entry
	contact  *widget.Entry
	checks   *widget.List
	checkBox *fyne.Container
	empty    fyne.CanvasObject
	main     fyne.CanvasObject // outline, editor and check list
	body     *fyne.Container
	box      fyne.CanvasObject
}

func newReportView(u *UI) *reportView {
	v := &reportView{u: u, now: data.Today, selected: outlineHead}
	v.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.status = widget.NewLabel("")
	multi := func() *widget.Entry {
		e := widget.NewMultiLineEntry()
		e.Wrapping = fyne.TextWrapWord
		e.OnChanged = func(string) { v.typed() }
		return e
	}
	single := func() *widget.Entry {
		e := widget.NewEntry()
		e.OnChanged = func(string) { v.typed() }
		return e
	}
	v.secHead, v.secText = single(), multi()
	v.title, v.address, v.opening = single(), single(), multi()
	v.sign, v.date, v.contact = multi(), single(), single()
	v.sign.Wrapping = fyne.TextWrapOff
	v.date.SetPlaceHolder("2025-01-27")

	v.outline = widget.NewList(
		func() int { return len(v.items) },
		func() fyne.CanvasObject { return widget.NewLabel("党政主要负责人履职情况（空）") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(v.outlineLabel(v.items[i])) },
	)
	v.outline.OnSelected = func(i widget.ListItemID) {
		if v.loading || i >= len(v.items) {
			return
		}
		v.flush()
		v.selected = v.items[i]
		v.showPart()
	}

	v.checks = widget.NewList(
		func() int { return len(v.problems) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			p := v.problems[i]
			mark := "✗ "
			if p.Info {
				mark = "· "
			}
			if p.Section != "" {
				mark += "［" + p.Section.Label() + "］"
			}
			o.(*widget.Label).SetText(mark + p.Message)
		},
	)
	v.checks.OnSelected = func(i widget.ListItemID) {
		v.checks.UnselectAll()
		if i < len(v.problems) {
			v.goTo(v.problems[i])
		}
	}

	buttons := container.NewHBox(
		widget.NewButton("生成草稿", v.draft),
		widget.NewButton("导入往年报告", v.importFile),
		widget.NewButton("检查", v.check),
		widget.NewButton("导出 Word", func() { v.export(".docx") }),
		widget.NewButton("导出文本", func() { v.export(".txt") }),
		widget.NewButton("历史版本", v.showSnapshots),
	)
	v.editor = container.NewStack()
	left := container.NewBorder(widget.NewLabel("报告结构"), nil, nil, nil, v.outline)
	split := container.NewHSplit(left, v.editor)
	split.Offset = 0.25
	v.checkBox = container.NewBorder(widget.NewLabel("检查结果（点击跳到相应位置）"), nil, nil, nil, v.checks)
	vsplit := container.NewVSplit(split, v.checkBox)
	vsplit.Offset = 0.75
	emptyText := widget.NewLabel("本年度还没有年度报告。可以“生成草稿”（由本年度的任务、进展和统计数据生成），或“导入往年报告”（.txt 或 .docx）。")
	emptyText.Wrapping = fyne.TextWrapWord
	v.empty = emptyText
	v.main = vsplit
	v.body = container.NewStack(vsplit)
	top := container.NewBorder(nil, nil, v.heading, buttons)
	v.box = container.NewBorder(container.NewVBox(top, v.status, widget.NewSeparator()), nil, nil, nil, v.body)
	return v
}

func (v *reportView) content() fyne.CanvasObject { return v.box }

// refresh reloads the year's report from the store.
func (v *reportView) refresh() {
	v.flush()
	v.year = v.u.Year()
	v.heading.SetText(fmt.Sprintf("%d年法治政府建设年度报告", v.year))
	r, ok, err := v.u.store.Report(v.year)
	if err != nil {
		showError(err, v.u.win)
		return
	}
	v.r, v.has = r, ok
	v.problems = nil
	v.checks.Refresh()
	if !ok {
		v.body.Objects = []fyne.CanvasObject{v.empty}
		v.body.Refresh()
		v.status.SetText("")
		return
	}
	v.body.Objects = []fyne.CanvasObject{v.main}
	v.body.Refresh()
	v.reloadOutline()
	v.setStatus()
}

func (v *reportView) setStatus() {
	src := v.r.Source
	if src == "" {
		src = "手工编辑"
	}
	v.status.SetText(fmt.Sprintf("来源：%s；最后保存：%s", src, v.r.Updated.Local().Format("2006-01-02 15:04")))
}

func (v *reportView) reloadOutline() {
	v.loading = true
	defer func() { v.loading = false }()
	v.items = []int{outlineHead}
	for i := range v.r.Sections {
		v.items = append(v.items, i)
	}
	v.items = append(v.items, outlineTail)
	v.outline.Refresh()
	if v.selected >= len(v.r.Sections) {
		v.selected = outlineHead
	}
	for row, it := range v.items {
		if it == v.selected {
			v.outline.Select(row)
		}
	}
	v.showPart()
}

func (v *reportView) outlineLabel(it int) string {
	switch it {
	case outlineHead:
		return "标题、主送机关和开头"
	case outlineTail:
		return "落款、日期和联系人"
	}
	s := v.r.Sections[it]
	label := data.ChineseNumber(it+1) + "、" + s.Key.Label()
	if strings.TrimSpace(s.Text) == "" {
		label += "（空）"
	}
	return label
}

// showPart puts the selected part into the editor.
func (v *reportView) showPart() {
	v.loading = true
	defer func() { v.loading = false }()
	form := func(items ...*widget.FormItem) *widget.Form { return widget.NewForm(items...) }
	var obj fyne.CanvasObject
	switch v.selected {
	case outlineHead:
		v.title.SetText(v.r.Title)
		v.address.SetText(v.r.Addressee)
		v.opening.SetText(v.r.Opening)
		obj = container.NewBorder(form(widget.NewFormItem("标题", v.title), widget.NewFormItem("主送机关", v.address)), nil, nil, nil,
			container.NewBorder(widget.NewLabel("开头（“一、”之前的段落）"), nil, nil, nil, v.opening))
	case outlineTail:
		v.sign.SetText(strings.Join(v.r.Signature, "\n"))
		v.date.SetText(v.r.Date.String())
		v.contact.SetText(v.r.Contact)
		obj = container.NewVBox(widget.NewLabel("落款（每行一个单位）"), v.sign,
			form(widget.NewFormItem("成文日期", v.date), widget.NewFormItem("联系人", v.contact)))
	default:
		s := v.r.Sections[v.selected]
		v.secHead.SetText(s.Heading)
		v.secText.SetText(s.Text)
		obj = container.NewBorder(form(widget.NewFormItem(s.Key.Label(), v.secHead)), nil, nil, nil, v.secText)
	}
	v.editor.Objects = []fyne.CanvasObject{obj}
	v.editor.Refresh()
}

// typed schedules a save once typing pauses.
func (v *reportView) typed() {
	if v.loading || !v.has {
		return
	}
	if v.timer == nil {
		v.timer = time.AfterFunc(saveDelay, func() { fyne.Do(v.save) })
		return
	}
	v.timer.Reset(saveDelay)
}

// collect copies the editor's fields into the report; false when the date
// cannot be read (the rest is still taken).
func (v *reportView) collect() bool {
	ok := true
	switch v.selected {
	case outlineHead:
		v.r.Title, v.r.Addressee, v.r.Opening = v.title.Text, v.address.Text, v.opening.Text
	case outlineTail:
		v.r.Signature = strings.Split(v.sign.Text, "\n")
		v.r.Contact = v.contact.Text
		if strings.TrimSpace(v.date.Text) == "" {
			v.r.Date = data.Date{}
		} else if d, err := data.ParseDate(strings.TrimSpace(v.date.Text)); err == nil {
			v.r.Date = d
		} else {
			ok = false
		}
	default:
		if v.selected >= 0 && v.selected < len(v.r.Sections) {
			s := &v.r.Sections[v.selected]
			s.Heading, s.Text = v.secHead.Text, v.secText.Text
		}
	}
	return ok
}

// save stores the report as typed.
func (v *reportView) save() {
	if !v.has {
		return
	}
	dateOK := v.collect()
	r, err := v.u.store.SaveReport(v.r)
	if err != nil {
		showError(err, v.u.win)
		return
	}
	v.r.Updated = r.Updated
	v.outline.Refresh()
	v.setStatus()
	if !dateOK {
		v.status.SetText("成文日期应写成 2025-01-27 这样的形式（未保存），其余内容已保存。")
	}
}

// flush stores what was typed at once (leaving the part or the page).
func (v *reportView) flush() {
	if v.timer != nil && v.timer.Stop() {
		v.save()
	}
}

func (v *reportView) leave() { v.flush() }

func (v *reportView) figures() []data.Figure {
	f, err := ReportFigures(v.u.store, v.year)
	if err != nil {
		showError(err, v.u.win)
	}
	return f
}

// draft makes a first draft from the year's record; an existing report is
// replaced only after the clerk agrees, and kept as a snapshot.
func (v *reportView) draft() {
	v.flush()
	do := func() {
		in, err := v.u.store.DraftInput(v.year, v.figures(), v.now())
		if err == nil {
			_, err = v.u.store.CreateReport(data.Draft(in), v.has)
		}
		if err != nil {
			showError(err, v.u.win)
			return
		}
		v.selected = outlineHead
		v.refresh()
		v.check()
	}
	if v.has {
		confirm("生成草稿", fmt.Sprintf("%d年已经有年度报告。生成草稿会替换它（现有内容保存为历史版本，可以恢复）。继续吗？", v.year), v.u.win, do)
		return
	}
	do()
}

// check fills the check list.
func (v *reportView) check() {
	if !v.has {
		return
	}
	v.flush()
	p, err := v.u.store.Profile()
	if err != nil {
		showError(err, v.u.win)
		return
	}
	v.problems = data.CheckReport(v.r, v.figures(), p.Level, v.now())
	v.checks.Refresh()
}

// goTo shows the part a problem is in, with the cursor at the place; a
// changed figure offers to write the new value in.
func (v *reportView) goTo(p data.Problem) {
	idx := -1
	for i, s := range v.r.Sections {
		if s.Key == p.Section {
			idx = i
			break
		}
	}
	if idx < 0 {
		if p.Kind == data.ProblemNoDate {
			idx = outlineTail
		} else {
			return
		}
	}
	for row, it := range v.items {
		if it == idx {
			v.outline.Select(row)
		}
	}
	if idx >= 0 && p.Offset >= 0 && p.Offset <= len(v.secText.Text) {
		before := v.secText.Text[:p.Offset]
		v.secText.CursorRow = strings.Count(before, "\n")
		v.secText.CursorColumn = utf8.RuneCountInString(before[strings.LastIndex(before, "\n")+1:])
		v.secText.Refresh()
		v.u.win.Canvas().Focus(v.secText)
	}
	if p.Kind == data.ProblemFigureChanged && p.Figure >= 0 {
		for _, f := range v.figures() {
			if f.Name == v.r.Figures[p.Figure].Indicator {
				f := f
				confirm("更新数据", fmt.Sprintf("把文中的“%s”改为统计数据的最新值“%s”吗？", v.r.Figures[p.Figure].Text, f.ValueText()), v.u.win, func() {
					v.updateFigure(p.Figure, f)
				})
			}
		}
	}
}

func (v *reportView) updateFigure(i int, f data.Figure) {
	v.flush()
	if v.r.UpdateFigure(i, f) {
		if _, err := v.u.store.SaveReport(v.r); err != nil {
			showError(err, v.u.win)
		}
	}
	v.showPart()
	v.check()
}

// importFile reads a past report, shows how it was split and stores it
// for the year shown once the clerk agrees.
func (v *reportView) importFile() {
	v.flush()
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			showError(err, v.u.win)
			return
		}
		if rc == nil {
			return
		}
		path := rc.URI().Path()
		rc.Close()
		var res reportin.Result
		runLong(v.u.win, "正在读取报告", func(ctx context.Context) (err error) {
			res, err = reportin.ReadFile(path)
			return err
		}, func(err error) {
			if err != nil {
				showError(err, v.u.win)
				return
			}
			v.previewImport(res)
		})
	}, v.u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".docx", ".txt", ".DOCX", ".TXT"}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// previewImport lists what was read; 确定 stores it as the year's report.
func (v *reportView) previewImport(res reportin.Result) {
	r := res.Report
	r.Year = v.year
	lines := []string{fmt.Sprintf("将作为 %d 年的年度报告保存。", v.year)}
	if r.Title != "" {
		lines = append(lines, "标题："+r.Title)
	}
	if r.Addressee != "" {
		lines = append(lines, "主送："+r.Addressee)
	}
	for i, s := range r.Sections {
		n := len(strings.Split(s.Text, "\n"))
		if strings.TrimSpace(s.Text) == "" {
			n = 0
		}
		lines = append(lines, fmt.Sprintf("%s、%s → %s（%d 段）", data.ChineseNumber(i+1), s.Heading, s.Key.Label(), n))
	}
	if len(r.Signature) > 0 {
		lines = append(lines, "落款："+strings.Join(r.Signature, "、"))
	}
	if !r.Date.IsZero() {
		lines = append(lines, "日期："+r.Date.Chinese())
	}
	if len(res.Dropped) > 0 {
		lines = append(lines, fmt.Sprintf("作为网页杂项略去 %d 行。", len(res.Dropped)))
	}
	if v.has {
		lines = append(lines, "本年度现有的报告将被替换，并保存为历史版本。")
	}
	msg := widget.NewLabel(strings.Join(lines, "\n"))
	msg.Wrapping = fyne.TextWrapWord
	newConfirmDialog("导入往年报告", msg, v.u.win, func() {
		if _, err := v.u.store.ImportReport(r, v.has); err != nil {
			showError(err, v.u.win)
			return
		}
		v.selected = outlineHead
		v.refresh()
	}).Show()
}

// export writes the report as .docx or .txt into a folder the clerk
// chooses, under the report's title, and keeps a snapshot of what left.
// A folder rather than Fyne's save dialog: that dialog opens (and so
// empties) the file before anything is written, which a failed write would
// leave behind empty, and an old file of that name lost.
func (v *reportView) export(ext string) {
	if !v.has {
		return
	}
	v.flush()
	chooseFolder(v.u.win, func(dir string) { v.exportInto(dir, ext, false, nil) })
}

// exportInto writes the report into dir behind the progress bar, asking
// before it replaces a file of that name; done (for tests) gets the path.
func (v *reportView) exportInto(dir, ext string, replace bool, done func(path string)) {
	r := v.r
	if r.Title == "" {
		p, err := v.u.store.Profile()
		if err != nil {
			showError(err, v.u.win)
			return
		}
		r.Title = data.DefaultTitle(p, v.year)
	}
	path := filepath.Join(dir, r.Title+ext)
	runLong(v.u.win, "正在导出年度报告", func(ctx context.Context) error {
		if ext == ".txt" {
			return reportout.WriteText(path, r, replace)
		}
		return reportout.WriteDocx(path, r, replace)
	}, func(err error) {
		switch {
		case errors.Is(err, safefile.ErrExists) && !replace:
			confirm("文件已存在", fmt.Sprintf("“%s”已经存在。要用新导出的报告覆盖它吗？", filepath.Base(path)), v.u.win,
				func() { v.exportInto(dir, ext, true, done) })
			return
		case err != nil:
			showError(err, v.u.win)
			return
		}
		if _, err := v.u.store.SnapshotReport(v.year, "导出 "+filepath.Base(path)); err != nil {
			showError(err, v.u.win)
			return
		}
		v.u.noteExport("年度报告", path)
		if done != nil {
			done(path)
		}
		dialog.NewInformation("导出完成", "已导出："+path+"\n导出时的内容已保存为历史版本。", v.u.win).Show()
	})
}

// showSnapshots lists the year's snapshots; one can be restored.
func (v *reportView) showSnapshots() {
	v.flush()
	snaps, err := v.u.store.ReportSnapshots(v.year)
	if err != nil {
		showError(err, v.u.win)
		return
	}
	if len(snaps) == 0 {
		dialog.NewInformation("历史版本", "还没有历史版本。每次导出时会自动保存一份。", v.u.win).Show()
		return
	}
	var labels []string
	for i := len(snaps) - 1; i >= 0; i-- {
		sn := snaps[i]
		labels = append(labels, fmt.Sprintf("%d　%s　%s", sn.ID, sn.At.Local().Format("2006-01-02 15:04"), sn.Reason))
	}
	choice := widget.NewRadioGroup(labels, nil)
	preview := widget.NewMultiLineEntry()
	preview.Wrapping = fyne.TextWrapWord
	choice.OnChanged = func(s string) {
		for _, sn := range snaps {
			if strings.HasPrefix(s, fmt.Sprintf("%d　", sn.ID)) {
				preview.SetText(strings.ReplaceAll(reportout.Text(sn.Report), "\r\n", "\n"))
			}
		}
	}
	content := container.NewHSplit(container.NewVScroll(choice), preview)
	d := newConfirmDialog("历史版本（选择一个版本，确定后恢复；当前内容也会保存为历史版本）", content, v.u.win, func() {
		for _, sn := range snaps {
			if strings.HasPrefix(choice.Selected, fmt.Sprintf("%d　", sn.ID)) {
				if _, err := v.u.store.RestoreReport(v.year, sn.ID); err != nil {
					showError(err, v.u.win)
				}
				v.refresh()
			}
		}
	})
	d.Resize(fyne.NewSize(900, 560))
	d.Show()
}
