package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fazhi/data"
)

// settingsView is the 设置 page: the office profile used in every file's
// header and the report's signature, the theme, where the data lives and
// its backups.
type settingsView struct {
	u *UI

	name, party, short, superior, contact, phone *widget.Entry
	level                                        *widget.Select
	status                                       *widget.Label
	saveButton                                   *widget.Button
	themeChoice                                  *widget.RadioGroup
	backups                                      *backupPanel
	box                                          fyne.CanvasObject
}

func newSettingsView(u *UI) *settingsView {
	v := &settingsView{u: u}
	entry := func(placeholder string) *widget.Entry {
		e := widget.NewEntry()
		e.SetPlaceHolder(placeholder)
		e.OnChanged = func(string) { v.status.SetText("有未保存的修改") }
		return e
	}
	v.status = widget.NewLabel("")
	v.name = entry("如：黄江镇人民政府")
	v.party = entry("如：中共黄江镇委员会")
	v.short = entry("如：黄江镇（用于标题和文件名，留空则由单位名称推出）")
	v.superior = entry("年度报告的主送机关，如：市委、扬州市人民政府")
	v.contact = entry("如：张三")
	v.phone = entry("如：0769-83632011")
	v.level = widget.NewSelect(data.Levels, func(string) { v.status.SetText("有未保存的修改") })
	v.level.PlaceHolder = "请选择"

	form := widget.NewForm(
		widget.NewFormItem("单位名称", v.name),
		widget.NewFormItem("党委名称", v.party),
		widget.NewFormItem("简称", v.short),
		widget.NewFormItem("层级", v.level),
		widget.NewFormItem("上级机关", v.superior),
		widget.NewFormItem("联系人", v.contact),
		widget.NewFormItem("联系电话", v.phone),
	)
	v.saveButton = widget.NewButtonWithIcon("保存单位信息", theme.DocumentSaveIcon(), v.save)
	v.saveButton.Importance = widget.HighImportance

	v.themeChoice = widget.NewRadioGroup([]string{"浅色（适合打印核对）", "深色"}, func(s string) {
		name := ThemeLight
		if s == "深色" {
			name = ThemeDark
		}
		u.app.Preferences().SetString(prefTheme, name)
		u.app.Settings().SetTheme(newTheme(name))
	})
	v.themeChoice.Horizontal = true
	if u.app.Preferences().StringWithFallback(prefTheme, ThemeLight) == ThemeDark {
		v.themeChoice.SetSelected("深色")
	} else {
		v.themeChoice.SetSelected("浅色（适合打印核对）")
	}

	v.backups = newBackupPanel(u)
	path := u.store.Path()
	pathLabel := widget.NewLabel(path)
	pathLabel.Wrapping = fyne.TextWrapBreak
	openFolder := widget.NewButtonWithIcon("打开所在文件夹", theme.FolderOpenIcon(), u.openDataFolder)
	copyPath := widget.NewButtonWithIcon("复制路径", theme.ContentCopyIcon(), func() {
		u.app.Clipboard().SetContent(path)
	})
	where := widget.NewLabel("所有数据保存在这一个文件中。要使用另一个数据文件，可在启动时加参数 --db 文件路径，或设置环境变量 FAZHI_DB。")
	where.Wrapping = fyne.TextWrapWord

	bold := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	body := container.NewVBox(
		bold("单位信息"),
		widget.NewLabel("用于导出文件的标题、页脚和年度报告的落款。"),
		form,
		container.NewHBox(v.saveButton, v.status),
		widget.NewSeparator(),
		bold("外观"),
		v.themeChoice,
		widget.NewSeparator(),
		bold("数据文件"),
		pathLabel,
		container.NewHBox(openFolder, copyPath),
		where,
		widget.NewSeparator(),
		container.NewHBox(widget.NewButtonWithIcon("关于本程序", theme.InfoIcon(), u.showAbout)),
		widget.NewSeparator(),
		bold("备份"),
		v.backups.content(),
	)
	v.box = container.NewVScroll(container.NewPadded(body))
	return v
}

func (v *settingsView) content() fyne.CanvasObject { return v.box }

func (v *settingsView) refresh() {
	p, err := v.u.store.Profile()
	if err != nil {
		showError(err, v.u.win)
		return
	}
	v.fill(p)
	v.status.SetText("")
	v.backups.refresh()
}

func (v *settingsView) fill(p data.Profile) {
	v.name.SetText(p.Name)
	v.party.SetText(p.Party)
	v.short.SetText(p.Short)
	v.superior.SetText(p.Superior)
	v.contact.SetText(p.Contact)
	v.phone.SetText(p.Phone)
	if p.Level == "" {
		v.level.ClearSelected()
	} else {
		v.level.SetSelected(p.Level)
	}
}

func (v *settingsView) save() {
	p, err := v.u.store.SetProfile(data.Profile{
		Name: v.name.Text, Party: v.party.Text, Short: v.short.Text, Level: v.level.Selected,
		Superior: v.superior.Text, Contact: v.contact.Text, Phone: v.phone.Text,
	})
	if err != nil {
		showError(err, v.u.win)
		return
	}
	v.fill(p)
	v.status.SetText("已保存")
	v.u.refreshUnit()
}
