package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"fazhi/data"
	"fazhi/export/safefile"
	"fazhi/export/tasksheet"
)

// This file is the 任务分解表's Excel round trip in the window: export the
// table, send each department its part, and take their returned workbooks
// back. The files are made and read by export/tasksheet, as on the command
// line; here are only the folder choices, the progress bar and the preview.

// chooseFolder asks for a folder; cancelling does nothing.
func chooseFolder(w fyne.Window, then func(dir string)) {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			showError(err, w)
			return
		}
		if u != nil {
			then(u.Path())
		}
	}, w)
	if home, err := os.UserHomeDir(); err == nil {
		if l, err := storage.ListerForURI(storage.NewFileURI(home)); err == nil {
			d.SetLocation(l)
		}
	}
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// exportInput gathers what the year's workbook shows, as of today.
func (v *taskView) exportInput() (tasksheet.Export, bool) {
	in, err := tasksheet.FromStore(v.u.store, v.u.Year(), data.Today())
	if err != nil {
		showError(err, v.u.win)
		return in, false
	}
	if len(in.Tasks) == 0 {
		showError(&data.UserError{Msg: fmt.Sprintf("%d年还没有任务，没有可导出的内容。", v.u.Year())}, v.u.win)
		return in, false
	}
	return in, true
}

// exportTo writes the year's 任务分解表 into dir under the name offices
// use, asking before it replaces a file of that name.
func (v *taskView) exportTo(dir string, done func(path string)) {
	in, ok := v.exportInput()
	if !ok {
		return
	}
	path := filepath.Join(dir, tasksheet.FileName(in.Profile, in.Plan.Year, in.AsOf))
	write := func(replace bool) {
		runLong(v.u.win, "正在导出任务分解表", func(ctx context.Context) error {
			return safefile.WriteFile(path, replace, func(w io.Writer) error {
				if err := tasksheet.Write(w, in); err != nil {
					return err
				}
				return ctx.Err() // cancelled: the temporary file is removed, nothing is left
			})
		}, func(err error) {
			if err != nil {
				showError(err, v.u.win)
				return
			}
			v.u.noteExport("任务分解表", path)
			if done != nil {
				done(path)
			}
			dialog.ShowInformation("已导出", fmt.Sprintf("已导出 %d 项任务到：\n%s", len(in.Tasks), path), v.u.win)
		})
	}
	if _, err := os.Lstat(path); err == nil {
		confirm("文件已存在", fmt.Sprintf("“%s”已经存在。要用新导出的表格覆盖它吗？", filepath.Base(path)), v.u.win, func() { write(true) })
		return
	}
	write(false)
}

// distributeTo writes one workbook per department into dir, asking before
// it replaces files of the same names.
func (v *taskView) distributeTo(dir string, replace bool, done func([]tasksheet.Distributed)) {
	in, ok := v.exportInput()
	if !ok {
		return
	}
	var out []tasksheet.Distributed
	runLong(v.u.win, "正在生成各部门的填报表", func(ctx context.Context) (err error) {
		out, err = tasksheet.Distribute(in, dir, replace)
		return err
	}, func(err error) {
		switch {
		case errors.Is(err, safefile.ErrExists) && !replace:
			confirm("文件已存在", data.Message(err)+"\n\n要覆盖这些文件吗？", v.u.win, func() { v.distributeTo(dir, true, done) })
			return
		case err != nil:
			showError(err, v.u.win)
			return
		}
		v.u.noteExport("各部门填报表", dir)
		if done != nil {
			done(out)
		}
		dialog.ShowInformation("已生成", fmt.Sprintf("已为 %d 个部门各生成一个填报表，在文件夹：\n%s\n\n请把文件发给各部门，填好后收回到一个文件夹，再点“收回进展”。", len(out), dir), v.u.win)
	})
}

// workbooksIn lists the workbooks of a folder, the way returned files
// arrive: everything .xlsx or .xls, our own export and Office's lock files
// (~$…) left out.
func workbooksIn(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		ext := strings.ToLower(filepath.Ext(name))
		if e.IsDir() || strings.HasPrefix(name, "~$") || strings.HasPrefix(name, ".") || (ext != ".xlsx" && ext != ".xls") {
			continue
		}
		out = append(out, filepath.Join(dir, name))
	}
	return out, nil
}

// collectFrom reads the returned workbooks in dir and shows what they would
// change; nothing is stored until the clerk accepts.
func (v *taskView) collectFrom(dir string, shown func(*collectPreview)) {
	files, err := workbooksIn(dir)
	if err != nil {
		showError(&data.UserError{Msg: fmt.Sprintf("无法读取文件夹“%s”。请确认它存在并且可以打开。", dir), Err: err}, v.u.win)
		return
	}
	if len(files) == 0 {
		showError(&data.UserError{Msg: fmt.Sprintf("文件夹“%s”中没有 Excel 文件（.xlsx 或 .xls）。请把各部门交回的表格放在一个文件夹里再选它。", dir)}, v.u.win)
		return
	}
	year := v.u.Year()
	doc, err := v.u.store.PlanWithNames(year)
	if err != nil {
		showError(err, v.u.win)
		return
	}
	if len(doc.Tasks) == 0 {
		showError(&data.UserError{Msg: fmt.Sprintf("%d年还没有任务分解表，无法收回进展。", year)}, v.u.win)
		return
	}
	canon := func(name string) string {
		if d, err := v.u.store.ResolveDepartment(name); err == nil {
			return d.Name
		}
		return name
	}
	unit := ""
	if p, err := v.u.store.Profile(); err == nil {
		unit = p.ShortName()
	}
	var m *tasksheet.Collection
	runLong(v.u.win, fmt.Sprintf("正在读取 %d 个文件", len(files)), func(ctx context.Context) error {
		m = tasksheet.Collect(year, doc.Tasks, canon, files...)
		m.RefuseForeign(unit)
		return ctx.Err()
	}, func(error) {
		p := v.showCollect(m)
		if shown != nil {
			shown(p)
		}
	})
}

// collectPreview is the 收回进展 dialog: per file what was read, every
// change with a tick (conflicts unticked), and 保存所选.
type collectPreview struct {
	v      *taskView
	m      *tasksheet.Collection
	accept []bool
	dlg    dialog.Dialog
	save   *widget.Button
	list   *widget.List
	files  *widget.Label
}

func (v *taskView) showCollect(m *tasksheet.Collection) *collectPreview {
	p := &collectPreview{v: v, m: m, accept: make([]bool, len(m.Changes))}
	for i, c := range m.Changes {
		p.accept[i] = c.Conflict == ""
	}
	var lines []string
	for _, f := range m.Files {
		switch {
		case f.Err != nil:
			lines = append(lines, fmt.Sprintf("✗ %s：%s", f.File, data.Message(f.Err)))
		default:
			dept := f.Dept
			if dept == "" {
				dept = "部门不明"
			}
			lines = append(lines, fmt.Sprintf("✓ %s（%s，%s；读到 %d 项，对上 %d 项）", f.File, dept, f.Date.Chinese(), f.Rows, f.Matched))
		}
	}
	p.files = widget.NewLabel(strings.Join(lines, "\n"))
	p.files.Wrapping = fyne.TextWrapWord

	p.list = widget.NewList(
		func() int { return len(m.Changes) },
		func() fyne.CanvasObject {
			check := widget.NewCheck("", nil)
			text := widget.NewLabel("")
			text.Truncation = fyne.TextTruncateEllipsis
			note := widget.NewLabel("")
			note.Importance = widget.DangerImportance
			note.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, check, nil, container.NewVBox(text, note))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := m.Changes[i]
			row := o.(*fyne.Container)
			box := row.Objects[0].(*fyne.Container)
			check := row.Objects[1].(*widget.Check)
			text, note := box.Objects[0].(*widget.Label), box.Objects[1].(*widget.Label)
			check.OnChanged = nil
			check.SetChecked(p.accept[i])
			check.OnChanged = func(on bool) { p.accept[i] = on; p.refreshSave() }
			text.SetText(fmt.Sprintf("%s · 第 %d 项 · %s：%s", c.Dept, c.No, c.Kind.Title(), oneLine(c.New)))
			note.SetText(c.Conflict)
			note.Hidden = c.Conflict == ""
		},
	)
	p.save = widget.NewButton("保存所选", p.apply)
	p.save.Importance = widget.HighImportance
	cancel := widget.NewButton("取消", func() { p.dlg.Hide() })
	head := widget.NewLabel("勾选要保存的改动。有冲突的（两个部门写法不同，或部门改动了任务本身）默认不勾选，请核对后决定。")
	head.Wrapping = fyne.TextWrapWord
	empty := widget.NewLabel("这些文件中没有新的进展或改动。")
	empty.Hidden = len(m.Changes) > 0
	body := container.NewBorder(container.NewVBox(head, p.files, widget.NewSeparator()),
		container.NewBorder(nil, nil, nil, container.NewHBox(cancel, p.save)), nil, nil,
		container.NewStack(p.list, empty))
	p.dlg = dialog.NewCustomWithoutButtons(fmt.Sprintf("收回进展：%d 个文件，%d 处改动", len(m.Files), len(m.Changes)), body, v.u.win)
	p.dlg.Resize(fyne.NewSize(1100, 700))
	p.refreshSave()
	p.dlg.Show()
	return p
}

func (p *collectPreview) refreshSave() {
	n := 0
	for _, a := range p.accept {
		if a {
			n++
		}
	}
	p.save.SetText(fmt.Sprintf("保存所选（%d 处）", n))
	if n == 0 {
		p.save.Disable()
	} else {
		p.save.Enable()
	}
}

// apply stores the ticked changes in one transaction (the store backs up
// first).
func (p *collectPreview) apply() {
	ticked := func(i int, _ tasksheet.Change) bool { return p.accept[i] }
	if i, j, clash := p.m.Clash(ticked); clash {
		a := p.m.Changes[i]
		showError(&data.UserError{Msg: fmt.Sprintf("勾选的两处改动都改第 %d 项任务的%s，内容不同（%s 与 %s）。请只勾选其中一处。",
			a.No, a.Kind.Title(), deptOrName(a), deptOrName(p.m.Changes[j]))}, p.v.u.win)
		return
	}
	changes := p.m.Accepted(ticked)
	res, err := p.v.u.store.ApplyCollected(changes)
	if err != nil {
		showError(err, p.v.u.win)
		return
	}
	p.dlg.Hide()
	p.v.refresh()
	msg := fmt.Sprintf("已保存：新进展 %d 条，状态 %d 项，任务内容 %d 项。", res.Progress, res.Status, res.Text)
	if len(res.UnknownDepts) > 0 {
		msg += "\n部门登记中没有的名称（进展已保存，但没有对应到部门）：" + strings.Join(res.UnknownDepts, "、")
	}
	dialog.ShowInformation("已保存", msg, p.v.u.win)
}

// oneLine shows text in a list row: line breaks as spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// deptOrName names who sent a change: the department, else the file.
func deptOrName(c tasksheet.Change) string {
	if c.Dept != "" {
		return c.Dept
	}
	return c.File
}
