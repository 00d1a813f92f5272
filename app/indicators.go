package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"fazhi/data"
)

// kindTitles name the indicator kinds as the clerk knows them.
var kindTitles = []struct {
	kind  data.Kind
	title string
}{
	{data.KindCount, "计数（件、人、次…）"},
	{data.KindAmount, "金额或可有小数的数"},
	{data.KindRate, "比率（由两个指标计算）"},
	{data.KindText, "文字"},
}

// unitChoices are the units the returns use.
var unitChoices = []string{"件", "宗", "次", "场", "人", "人次", "份", "个", "项", "期", "卷", "条", "万元"}

// indicatorManager is the 管理指标 dialog: the catalogue with each
// indicator's code, unit and aliases, and the changes the store allows —
// add, rename (the old name stays an alias, so old templates still map),
// add an alias, take out of use and back (history is kept either way).
type indicatorManager struct {
	u        *UI
	inds     []data.Indicator
	list     *widget.List
	selected int
	rename   *widget.Button
	alias    *widget.Button
	retire   *widget.Button
	changed  func()
	box      fyne.CanvasObject
}

func newIndicatorManager(u *UI, changed func()) *indicatorManager {
	m := &indicatorManager{u: u, selected: -1, changed: changed}
	m.list = widget.NewList(func() int { return len(m.inds) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("F01 信访受理数（宗）别名：受理信访案件")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			ind := m.inds[i]
			l := o.(*widget.Label)
			text := fmt.Sprintf("%s  %s（%s）", ind.Code, ind.Name, ind.Unit)
			if len(ind.Aliases) > 0 {
				text += "  别名：" + strings.Join(ind.Aliases, "、")
			}
			if ind.Retired {
				text += "  【已停用】"
				l.Importance = widget.LowImportance
			} else {
				l.Importance = widget.MediumImportance
			}
			l.SetText(text)
		})
	m.list.OnSelected = func(i widget.ListItemID) { m.selected = i; m.enable() }
	m.rename = widget.NewButton("改名", func() { m.ask("改名", "新名称", m.inds[m.selected].Name, m.u.store.RenameIndicator) })
	m.alias = widget.NewButton("加别名", func() { m.ask("加别名", "报表中的栏目名称", "", m.u.store.AliasIndicator) })
	m.retire = widget.NewButton("停用", func() { m.toggleRetired() })
	add := widget.NewButton("新增指标", func() { m.showAdd() })
	note := widget.NewLabel("改名后旧名称保留为别名，以前的报表仍能对应；停用的指标不再录入和检查，历年数值保留。")
	note.Wrapping = fyne.TextWrapWord
	m.box = container.NewBorder(note, container.NewHBox(add, m.rename, m.alias, m.retire), nil, nil, m.list)
	m.reload()
	return m
}

func (m *indicatorManager) reload() {
	inds, err := m.u.store.Indicators()
	if err != nil {
		showError(err, m.u.win)
		return
	}
	m.inds = inds
	m.list.Refresh()
	m.enable()
}

func (m *indicatorManager) enable() {
	ok := m.selected >= 0 && m.selected < len(m.inds)
	for _, b := range []*widget.Button{m.rename, m.alias, m.retire} {
		if ok {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	m.retire.SetText("停用")
	if ok && m.inds[m.selected].Retired {
		m.retire.SetText("恢复使用")
	}
}

// ask runs a one-text change on the selected indicator.
func (m *indicatorManager) ask(title, label, initial string, change func(name, text string) (data.Indicator, error)) {
	code := m.inds[m.selected].Code
	askText(title, label, initial, m.u.win, func(text string) {
		if _, err := change(code, text); err != nil {
			showError(err, m.u.win)
			return
		}
		m.done()
	})
}

func (m *indicatorManager) toggleRetired() {
	ind := m.inds[m.selected]
	if _, err := m.u.store.RetireIndicator(ind.Code, !ind.Retired); err != nil {
		showError(err, m.u.win)
		return
	}
	m.done()
}

func (m *indicatorManager) done() {
	m.reload()
	if m.changed != nil {
		m.changed()
	}
}

// showAdd asks for a new indicator; a rate picks its two parts.
func (m *indicatorManager) showAdd() {
	name := widget.NewEntry()
	unit := widget.NewSelectEntry(unitChoices)
	unit.SetText("件")
	var cats []string
	var names []string
	for _, ind := range m.inds {
		if len(cats) == 0 || cats[len(cats)-1] != ind.Category {
			cats = append(cats, ind.Category)
		}
		if !ind.Retired && ind.Kind != data.KindRate && ind.Kind != data.KindText {
			names = append(names, ind.Name)
		}
	}
	cat := widget.NewSelectEntry(cats)
	titles := make([]string, len(kindTitles))
	for i, k := range kindTitles {
		titles[i] = k.title
	}
	kind := widget.NewSelect(titles, nil)
	kind.SetSelectedIndex(0)
	num, den := widget.NewSelect(names, nil), widget.NewSelect(names, nil)
	kind.OnChanged = func(string) {
		if kindTitles[kind.SelectedIndex()].kind == data.KindRate {
			num.Enable()
			den.Enable()
			unit.Disable()
		} else {
			num.Disable()
			den.Disable()
			unit.Enable()
		}
	}
	kind.OnChanged("")
	items := []*widget.FormItem{
		widget.NewFormItem("名称", name), widget.NewFormItem("单位", unit), widget.NewFormItem("类别", cat),
		widget.NewFormItem("类型", kind), widget.NewFormItem("分子（比率）", num), widget.NewFormItem("分母（比率）", den),
	}
	d := dialog.NewForm("新增指标", "确定", "取消", items, func(ok bool) {
		if !ok {
			return
		}
		ind := data.Indicator{Name: name.Text, Unit: unit.Text, Category: cat.Text, Kind: kindTitles[kind.SelectedIndex()].kind,
			Num: num.Selected, Den: den.Selected}
		if _, err := m.u.store.AddIndicator(ind); err != nil {
			showError(err, m.u.win)
			return
		}
		m.done()
	}, m.u.win)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

// manageIndicators opens the dialog from the 统计报表 page; the page is
// rebuilt after every change so the form shows the catalogue as it is.
func (v *statsView) manageIndicators() *indicatorManager {
	v.flush()
	m := newIndicatorManager(v.u, v.refresh)
	d := dialog.NewCustom("管理指标", "关闭", m.box, v.u.win)
	d.Resize(fyne.NewSize(760, 560))
	d.Show()
	return m
}
