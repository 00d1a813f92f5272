package app

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fazhi/data"
	"fazhi/internal/action"
)

// deptView is the 部门 page: the register on the left (filtered by the
// search box), the chosen department's names and actions on the right, and
// the probable duplicates below, each merged only when the user says so.
type deptView struct {
	u *UI

	all      []data.Department
	shown    []data.Department
	selected uint64

	search     *widget.Entry
	list       *widget.List
	nameEntry  *widget.Entry
	aliasEntry *widget.Entry
	addButton  *widget.Button
	detail     *fyne.Container
	dups       *fyne.Container
	count      *widget.Label
	box        fyne.CanvasObject
}

func newDeptView(u *UI) *deptView {
	v := &deptView{u: u}

	v.nameEntry = widget.NewEntry()
	v.nameEntry.SetPlaceHolder("部门名称，如：人力资源分局")
	v.aliasEntry = widget.NewEntry()
	v.aliasEntry.SetPlaceHolder("别名（可选，多个用顿号分隔），如：人资分局、人力资源局")
	v.addButton = widget.NewButtonWithIcon("添加部门", theme.ContentAddIcon(), v.add)
	v.nameEntry.OnSubmitted = func(string) { v.add() }
	v.aliasEntry.OnSubmitted = func(string) { v.add() }
	addRow := container.NewBorder(nil, nil, nil, v.addButton,
		container.NewGridWithColumns(2, v.nameEntry, v.aliasEntry))

	v.search = widget.NewEntry()
	v.search.SetPlaceHolder("查找部门或别名")
	v.search.OnChanged = func(string) { v.filter() }

	v.list = widget.NewList(
		func() int { return len(v.shown) },
		func() fyne.CanvasObject {
			name := widget.NewLabelWithStyle("人力资源分局", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			aliases := widget.NewLabel("别名")
			aliases.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, name, nil, aliases)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			d := v.shown[i]
			row := o.(*fyne.Container)
			row.Objects[1].(*widget.Label).SetText(d.Name)
			row.Objects[0].(*widget.Label).SetText(aliasText(d))
		},
	)
	v.list.OnSelected = func(i widget.ListItemID) {
		if i < len(v.shown) {
			v.selected = v.shown[i].ID
			v.showDetail()
		}
	}
	v.count = widget.NewLabel("")
	left := container.NewBorder(v.search, v.count, nil, nil, v.list)

	v.detail = container.NewVBox()
	v.dups = container.NewVBox()

	split := container.NewHSplit(left, container.NewVScroll(container.NewPadded(v.detail)))
	split.Offset = 0.45
	head := widget.NewLabelWithStyle("部门登记", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	hint := widget.NewLabel("每个部门只登记一次；文件中出现的其他写法（简称、旧称）作为别名，导入和合并时自动对应到同一部门。")
	hint.Wrapping = fyne.TextWrapWord
	dupTitle := widget.NewLabelWithStyle("可能重复的部门（请确认后再合并）", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	dupScroll := container.NewVScroll(v.dups)
	dupScroll.SetMinSize(fyne.NewSize(0, 110))
	bottom := container.NewVBox(widget.NewSeparator(), dupTitle, dupScroll)
	v.box = container.NewPadded(container.NewBorder(container.NewVBox(head, hint, addRow), bottom, nil, nil, split))
	return v
}

func (v *deptView) content() fyne.CanvasObject { return v.box }

func aliasText(d data.Department) string {
	if len(d.Aliases) == 0 {
		return ""
	}
	return "别名：" + strings.Join(d.Aliases, "、")
}

// refresh reloads the register and the duplicate suggestions from the store.
func (v *deptView) refresh() {
	all, err := v.u.store.Departments()
	if err != nil {
		showError(err, v.u.win)
		return
	}
	v.all = all
	v.filter()
	v.showDetail()
	v.showDuplicates()
}

func (v *deptView) filter() {
	q := data.NormalizeName(v.search.Text)
	v.shown = v.shown[:0]
	for _, d := range v.all {
		if q == "" || strings.Contains(d.Name, q) || strings.Contains(strings.Join(d.Aliases, "、"), q) {
			v.shown = append(v.shown, d)
		}
	}
	v.count.SetText("共 " + strconv.Itoa(len(v.all)) + " 个部门")
	v.list.UnselectAll()
	v.list.Refresh()
	for i, d := range v.shown {
		if d.ID == v.selected {
			v.list.Select(i)
		}
	}
}

func (v *deptView) add() {
	d, err := v.u.store.AddDepartment(v.nameEntry.Text, data.SplitNames(v.aliasEntry.Text)...)
	if err != nil {
		showError(err, v.u.win)
		return
	}
	v.nameEntry.SetText("")
	v.aliasEntry.SetText("")
	v.selected = d.ID
	v.search.SetText("")
	v.refresh()
}

func (v *deptView) current() (data.Department, bool) {
	for _, d := range v.all {
		if d.ID == v.selected {
			return d, true
		}
	}
	return data.Department{}, false
}

// showDetail lays out the chosen department: rename, aliases, merge, delete.
func (v *deptView) showDetail() {
	v.detail.Objects = nil
	d, ok := v.current()
	if !ok {
		v.detail.Add(widget.NewLabel("在左侧列表中选择一个部门，可重命名、管理别名、合并或删除。"))
		v.detail.Refresh()
		return
	}
	win := v.u.win
	name := widget.NewLabelWithStyle(d.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	rename := widget.NewButtonWithIcon("重命名", theme.DocumentCreateIcon(), func() {
		askText("重命名部门", "新名称", d.Name, win, func(s string) {
			v.apply(v.u.store.RenameDepartment(d.Name, s))
		})
	})
	del := widget.NewButtonWithIcon("删除", theme.DeleteIcon(), func() {
		confirm("删除部门", "确定删除部门“"+d.Name+"”及其别名吗？已被任务引用的部门不能删除，可以合并到另一个部门。", win, func() {
			if err := v.u.store.DeleteDepartment(d.Name); err != nil {
				showError(err, win)
				return
			}
			v.selected = 0
			v.refresh()
		})
	})
	v.detail.Add(container.NewBorder(nil, nil, nil, container.NewHBox(rename, del), name))
	v.detail.Add(widget.NewSeparator())

	v.detail.Add(widget.NewLabelWithStyle("别名", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	if len(d.Aliases) == 0 {
		v.detail.Add(widget.NewLabel("（无）"))
	}
	for _, a := range d.Aliases {
		a := a
		rm := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() {
			v.apply(v.u.store.RemoveAlias(a))
		})
		v.detail.Add(container.NewBorder(nil, nil, nil, rm, widget.NewLabel(a)))
	}
	alias := widget.NewEntry()
	alias.SetPlaceHolder("新别名，如：人资分局")
	addAlias := func() {
		for _, a := range data.SplitNames(alias.Text) {
			if _, err := v.u.store.AddAlias(d.Name, a); err != nil {
				showError(err, win)
				break
			}
		}
		v.refresh()
	}
	alias.OnSubmitted = func(string) { addAlias() }
	v.detail.Add(container.NewBorder(nil, nil, nil, widget.NewButtonWithIcon("添加别名", theme.ContentAddIcon(), addAlias), alias))
	v.detail.Add(widget.NewSeparator())

	var others []string
	for _, o := range v.all {
		if o.ID != d.ID {
			others = append(others, o.Name)
		}
	}
	into := widget.NewSelect(others, nil)
	into.PlaceHolder = "选择要并入的部门"
	merge := widget.NewButtonWithIcon("合并", theme.ContentRedoIcon(), func() {
		if into.Selected == "" {
			return
		}
		target := into.Selected
		v.confirmMerge(d.Name, target)
	})
	v.detail.Add(widget.NewLabelWithStyle("合并到另一个部门", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	note := widget.NewLabel("合并后，“" + d.Name + "”及其别名成为所选部门的别名，所有引用它的任务改为引用所选部门。")
	note.Wrapping = fyne.TextWrapWord
	v.detail.Add(note)
	v.detail.Add(container.NewBorder(nil, nil, nil, merge, into))
	v.detail.Refresh()
}

func (v *deptView) confirmMerge(from, into string) {
	confirm("合并部门", "把“"+from+"”合并到“"+into+"”？“"+from+"”将成为“"+into+"”的别名，引用它的任务随之改为“"+into+"”。", v.u.win, func() {
		v.apply(v.merge(from, into))
	})
}

// merge merges; the store backs the data up first (without the backup
// nothing merges).
func (v *deptView) merge(from, into string) (data.Department, error) {
	return action.MergeDepartments(v.u.store, from, into)
}

// apply shows the result of a change to one department and selects it.
func (v *deptView) apply(d data.Department, err error) {
	if err != nil {
		showError(err, v.u.win)
		return
	}
	v.selected = d.ID
	v.refresh()
}

// showDuplicates lists the register's probable duplicates, each with a
// button that asks which name to keep before merging.
func (v *deptView) showDuplicates() {
	v.dups.Objects = nil
	sugg, err := v.u.store.DuplicateSuggestions()
	if err != nil {
		showError(err, v.u.win)
		return
	}
	if len(sugg) == 0 {
		v.dups.Add(widget.NewLabel("没有发现可能重复的部门。"))
	}
	for _, s := range sugg {
		s := s
		label := widget.NewLabel("“" + s.A.Name + "”与“" + s.B.Name + "”：" + s.Reason)
		btn := widget.NewButton("合并…", func() { v.askMerge(s) })
		v.dups.Add(container.NewBorder(nil, nil, nil, btn, label))
	}
	v.dups.Refresh()
}

func (v *deptView) askMerge(s data.DuplicateSuggestion) {
	keepA := "保留“" + s.A.Name + "”，把“" + s.B.Name + "”并入"
	keepB := "保留“" + s.B.Name + "”，把“" + s.A.Name + "”并入"
	choice := widget.NewRadioGroup([]string{keepA, keepB}, nil)
	choice.SetSelected(keepA)
	if len([]rune(s.B.Name)) > len([]rune(s.A.Name)) {
		// The longer name is usually the full, official one.
		choice.SetSelected(keepB)
	}
	d := newConfirmDialog("合并部门", choice, v.u.win, func() {
		if choice.Selected == keepA {
			v.apply(v.merge(s.B.Name, s.A.Name))
		} else {
			v.apply(v.merge(s.A.Name, s.B.Name))
		}
	})
	d.Show()
}

func (v *deptView) searchEntry() fyne.Focusable { return v.search }
