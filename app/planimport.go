package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fazhi/data"
	"fazhi/export/plan"
	"fazhi/export/textin"
)

// planImport is the 导入方案 dialog, and with a workbook for its source the
// 导入 Excel one: the plan's text on the left (with what was not read as
// tasks marked) or the workbook's sheet and columns, the chapters and tasks
// found on the right, and below, every department name the register does
// not know with a choice of what it is. Nothing is stored until 保存.
type planImport struct {
	u      *UI
	year   int
	source string // file name, for the plan record
	done   func()

	text    *widget.Entry
	marked  *widget.RichText
	preview *widget.List
	rows    []previewRow
	depts   *fyne.Container
	choices map[string]*widget.Select
	summary *widget.Label
	save    *widget.Button
	dlg     dialog.Dialog

	parsed *plan.Plan
	imp    data.PlanImport
	// sheet is set when the source is a workbook (导入 Excel) rather than
	// the plan's text.
	sheet *sheetSource
}

// previewRow is one line of the preview list: a chapter heading or a task.
type previewRow struct {
	chapter bool
	text    string
	detail  string
}

const newDeptChoice = "新登记为部门"

// newImportDialog builds what the plan and the workbook imports share: the
// preview of chapters and tasks, the unknown departments with their
// choices, the summary and 保存/取消. show lays it out around a source
// panel of each import's own.
func (u *UI) newImportDialog(year int, done func()) *planImport {
	p := &planImport{u: u, year: year, done: done, choices: map[string]*widget.Select{}}
	p.preview = widget.NewList(
		func() int { return len(p.rows) },
		func() fyne.CanvasObject {
			title := widget.NewLabel("任务")
			title.Truncation = fyne.TextTruncateEllipsis
			detail := widget.NewLabel("牵头")
			detail.Truncation = fyne.TextTruncateEllipsis
			detail.Importance = widget.LowImportance
			return container.NewVBox(title, detail)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			r := p.rows[i]
			box := o.(*fyne.Container)
			title, detail := box.Objects[0].(*widget.Label), box.Objects[1].(*widget.Label)
			title.TextStyle = fyne.TextStyle{Bold: r.chapter}
			title.SetText(r.text)
			detail.SetText(r.detail)
			detail.Hidden = r.detail == ""
		},
	)
	p.summary = widget.NewLabel("")
	p.summary.Wrapping = fyne.TextWrapWord
	p.depts = container.NewVBox()
	p.save = widget.NewButtonWithIcon("保存", theme.DocumentSaveIcon(), p.confirmSave)
	p.save.Importance = widget.HighImportance
	return p
}

// show lays the dialog out: the source on the left, the tasks found on the
// right, the departments and the summary below.
func (p *planImport) show(title string, top, source fyne.CanvasObject) {
	deptScroll := container.NewVScroll(p.depts)
	deptScroll.SetMinSize(fyne.NewSize(0, 120))
	split := container.NewHSplit(source, container.NewBorder(
		widget.NewLabelWithStyle("识别出的章节和任务", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, p.preview))
	split.Offset = 0.45
	bottom := container.NewVBox(widget.NewSeparator(),
		widget.NewLabelWithStyle("部门登记中没有的名称", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		deptScroll, p.summary)
	cancel := widget.NewButton("取消", func() { p.dlg.Hide() })
	// Buttons sit at the foot, their natural height, as in every dialog.
	buttons := container.NewVBox(layout.NewSpacer(), container.NewHBox(cancel, p.save))
	content := container.NewBorder(top, container.NewBorder(nil, nil, nil, buttons, bottom), nil, nil, split)
	p.dlg = dialog.NewCustomWithoutButtons(title, content, p.u.win)
	p.dlg.Resize(fyne.NewSize(1200, 740))
	p.reparse()
	p.dlg.Show()
}

// showPlanImport opens the import dialog for year; done runs after a
// successful save so the table can reload.
func (u *UI) showPlanImport(year int, done func()) *planImport {
	p := u.newImportDialog(year, done)
	p.text = widget.NewMultiLineEntry()
	p.text.Wrapping = fyne.TextWrapWord
	p.text.SetPlaceHolder("把实施方案或工作要点的全文粘贴到这里，或点“打开文件…”选择 .docx / .txt 文件。")
	p.text.OnChanged = func(string) { p.reparse() }
	p.marked = widget.NewRichText()
	p.marked.Wrapping = fyne.TextWrapWord
	tabs := container.NewAppTabs(
		container.NewTabItem("原文（标出未识别的内容）", container.NewVScroll(p.marked)),
		container.NewTabItem("编辑 / 粘贴原文", p.text),
	)
	tabs.SelectIndex(1)
	open := widget.NewButtonWithIcon("打开文件…", theme.FolderOpenIcon(), p.openFile)
	top := container.NewHBox(open, widget.NewLabel(fmt.Sprintf("导入到 %d 年任务分解表。保存前可在左侧修改原文，右侧随之更新。", year)))
	p.show("导入实施方案", top, tabs)
	return p
}

// load puts a document's text in the dialog, as opening a file does.
func (p *planImport) load(text, source string) {
	p.source = source
	p.text.SetText(text)
}

func (p *planImport) openFile() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showError(err, p.u.win)
			return
		}
		if r == nil {
			return // cancelled: nothing changes
		}
		path := r.URI().Path()
		r.Close()
		var text string
		runLong(p.u.win, "正在读取方案", func(ctx context.Context) (err error) {
			text, err = textin.ReadFile(path)
			return err
		}, func(err error) {
			if err != nil {
				showError(err, p.u.win)
				return
			}
			p.load(text, filepath.Base(path))
		})
	}, p.u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".docx", ".txt", ".DOCX", ".TXT"}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// reparse reads the source again (the text, or the workbook with the
// clerk's choice of sheet and column meanings) and refreshes every part of
// the dialog. It touches the store only to read the register.
func (p *planImport) reparse() {
	if p.sheet != nil {
		p.readSheet()
	} else {
		p.parsed = plan.Parse(p.text.Text, p.year)
		p.imp = p.parsed.Import(p.year, p.source)
	}
	shown, err := p.u.store.ResolveNames(p.imp)
	if err != nil {
		showError(err, p.u.win)
		return
	}
	fresh, err := p.u.store.NewDepartments(p.imp)
	if err != nil {
		showError(err, p.u.win)
		return
	}

	p.rows = p.rows[:0]
	byChapter := map[string][]data.TaskDraft{}
	for _, t := range shown.Tasks {
		byChapter[t.Chapter] = append(byChapter[t.Chapter], t)
	}
	freshSet := map[string]bool{}
	for _, n := range fresh {
		freshSet[n] = true
	}
	for _, ch := range shown.Plan.Chapters {
		p.rows = append(p.rows, previewRow{chapter: true, text: strings.TrimSpace(ch.No + "、" + ch.Title)})
		for _, t := range byChapter[ch.No] {
			p.rows = append(p.rows, previewRow{text: fmt.Sprintf("%d. %s", t.No, t.Title), detail: taskDetail(t, freshSet)})
		}
	}
	// A chapter has no detail line: give it one line's height, not a task's.
	line := widget.NewLabel("一").MinSize().Height
	for i, r := range p.rows {
		if r.chapter {
			p.preview.SetItemHeight(i, line)
		}
	}
	p.preview.Refresh()
	p.showDepartments(fresh)

	msg := fmt.Sprintf("共 %d 章、%d 项任务", len(shown.Plan.Chapters), len(shown.Tasks))
	if p.sheet == nil {
		p.markSource()
		if n := len(p.parsed.Unplaced); n > 0 {
			msg += fmt.Sprintf("；%d 段未归入任何任务（左侧“原文”中以红色标出）", n)
		}
		if n := len(p.parsed.Dropped); n > 0 {
			msg += fmt.Sprintf("；略去网页杂项 %d 行（灰色）", n)
		}
	} else if p.sheet.blocked {
		msg += "。表格中有公式错误（见左侧“请核对”），改正后才能导入"
	}
	if shown.Plan.Closing != "" {
		msg += "。结尾段落单独保存，不并入最后一项任务"
	}
	msg += "。"
	if w := p.imp.YearWarning(); w != "" {
		msg = "注意：" + w + "\n" + msg
	}
	p.summary.SetText(msg)
	if len(shown.Tasks) == 0 || (p.sheet != nil && p.sheet.blocked) {
		p.save.Disable()
	} else {
		p.save.Enable()
	}
}

func taskDetail(t data.TaskDraft, fresh map[string]bool) string {
	names := func(ns []string) string {
		out := make([]string, len(ns))
		for i, n := range ns {
			out[i] = n
			if fresh[data.NormalizeName(n)] {
				out[i] += "（新）"
			}
		}
		return strings.Join(out, "、")
	}
	var parts []string
	if len(t.LeadNames) > 0 {
		parts = append(parts, "牵头："+names(t.LeadNames))
	}
	if len(t.CooperateNames) > 0 {
		parts = append(parts, "配合："+names(t.CooperateNames))
	}
	if len(t.ResponsibleNames) > 0 {
		parts = append(parts, "责任："+names(t.ResponsibleNames))
	}
	if t.AllRelevant {
		parts = append(parts, "各有关部门")
	}
	parts = append(parts, "时限："+t.DeadlineLabel())
	return strings.Join(parts, "  ")
}

// markSource shows the text line by line: web debris grey, text that went
// into no task red, the rest as is.
func (p *planImport) markSource() {
	dropped := map[string]bool{}
	for _, d := range p.parsed.Dropped {
		dropped[strings.TrimSpace(d)] = true
	}
	var segs []widget.RichTextSegment
	for _, line := range strings.Split(p.text.Text, "\n") {
		trimmed := strings.TrimSpace(line)
		style := widget.RichTextStyleParagraph
		switch {
		case trimmed == "":
			continue
		case dropped[trimmed]:
			style.ColorName = theme.ColorNameDisabled
		case p.unplaced(trimmed):
			style.ColorName = theme.ColorNameError
			trimmed = "？" + trimmed
		}
		segs = append(segs, &widget.TextSegment{Text: trimmed, Style: style})
	}
	p.marked.Segments = segs
	p.marked.Refresh()
}

func (p *planImport) unplaced(line string) bool {
	for _, u := range p.parsed.Unplaced {
		if u = strings.TrimSpace(u); u != "" && (strings.Contains(line, u) || strings.Contains(u, line)) {
			return true
		}
	}
	return false
}

// showDepartments offers, for each unknown name, to register it or to take
// it as another spelling of a registered department; probable matches come
// first, but the default is always to register (never merge on a guess).
func (p *planImport) showDepartments(fresh []string) {
	p.depts.Objects = nil
	old := p.choices
	p.choices = map[string]*widget.Select{}
	switch {
	case len(p.imp.Tasks) == 0:
		p.depts.Add(widget.NewLabel("读出任务后，这里列出部门登记中还没有的名称。"))
	case len(fresh) == 0:
		p.depts.Add(widget.NewLabel("要导入的部门都已登记。"))
	}
	all, _ := p.u.store.Departments()
	for _, name := range fresh {
		opts := []string{newDeptChoice}
		seen := map[string]bool{}
		sugg, _ := p.u.store.SuggestDepartments(name)
		for _, d := range sugg {
			opts = append(opts, aliasChoice(d.Name))
			seen[d.Name] = true
		}
		for _, d := range all {
			if !seen[d.Name] {
				opts = append(opts, aliasChoice(d.Name))
			}
		}
		sel := widget.NewSelect(opts, nil)
		sel.SetSelected(newDeptChoice)
		if prev, ok := old[name]; ok {
			sel.SetSelected(prev.Selected)
		}
		p.choices[name] = sel
		hint := ""
		if len(sugg) > 0 {
			hint = "（可能是“" + sugg[0].Name + "”）"
		}
		p.depts.Add(container.NewBorder(nil, nil, widget.NewLabel("“"+name+"”"+hint), nil, sel))
	}
	p.depts.Refresh()
}

func aliasChoice(dept string) string { return "是“" + dept + "”的别名" }

func (p *planImport) confirmSave() {
	_, exists, err := p.u.store.PlanFor(p.year)
	if err != nil {
		showError(err, p.u.win)
		return
	}
	if !exists {
		p.doSave(false)
		return
	}
	confirm("替换任务分解表", fmt.Sprintf("%d年已经有任务分解表。用这份方案替换后，原有任务及其进展将被删除（导入前会自动备份）。确定替换吗？", p.year), p.u.win, func() {
		p.doSave(true)
	})
}

func (p *planImport) doSave(replace bool) {
	imp := p.imp
	imp.Aliases = map[string]string{}
	for name, sel := range p.choices {
		if target, ok := strings.CutPrefix(sel.Selected, "是“"); ok {
			imp.Aliases[name] = strings.TrimSuffix(target, "”的别名")
		}
	}
	res, err := p.u.store.ImportPlan(imp, replace)
	if err != nil {
		showError(err, p.u.win)
		return
	}
	p.dlg.Hide()
	if p.done != nil {
		p.done()
	}
	msg := fmt.Sprintf("已导入 %d 项任务。", res.Tasks)
	if len(res.Created) > 0 {
		msg += "新登记部门：" + strings.Join(res.Created, "、") + "。"
	}
	info := widget.NewLabel(msg)
	info.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("导入完成", "确定", info, p.u.win)
	d.Resize(fyne.NewSize(420, 0))
	d.Show()
}
