package app

import (
	"fmt"
	"net/url"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fazhi/assets"
	"fazhi/data"
)

// Version is the program's version, set by main from its release-time
// -ldflags stamp, so the 关于 dialog and `fazhi version` say the same.
var Version = "dev"

// fileURL is the file:// URL of a local folder for OpenURL. A Windows path
// needs the extra slash (file:///C:/…), or "C:" would be read as a host.
func fileURL(dir string) *url.URL {
	p := filepath.ToSlash(dir)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return &url.URL{Scheme: "file", Path: p}
}

// openDataFolder opens the folder holding the data file in the desktop's
// file manager, where the user copies it for a backup.
func (u *UI) openDataFolder() {
	if err := u.app.OpenURL(fileURL(filepath.Dir(u.store.Path()))); err != nil {
		showError(err, u.win)
	}
}

// newAboutContent is what the 关于 dialog shows: the version (for a support
// call), where the data lives, and the font's licence, which the SIL Open
// Font License asks to ship with the font.
func (u *UI) newAboutContent() fyne.CanvasObject {
	bold := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	folder := widget.NewLabel(filepath.Dir(u.store.Path()))
	folder.Wrapping = fyne.TextWrapBreak
	open := widget.NewButtonWithIcon("打开文件夹", theme.FolderOpenIcon(), u.openDataFolder)

	licence := widget.NewLabel(strings.TrimSpace(assets.FontLicence))
	licence.Wrapping = fyne.TextWrapWord
	licenceScroll := container.NewVScroll(licence)
	licenceScroll.SetMinSize(fyne.NewSize(560, 200))

	return container.NewVBox(
		widget.NewLabelWithStyle("法治政府建设台账", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabel(fmt.Sprintf("版本 %s（数据版本 %d）", Version, data.SchemaLatest)),
		widget.NewSeparator(),
		bold("数据文件夹"),
		folder,
		container.NewHBox(open),
		widget.NewSeparator(),
		bold("字体许可"),
		widget.NewLabel("界面字体为 Noto Sans SC（思源黑体）的子集，依 SIL 开放字体许可证 1.1 随程序分发："),
		licenceScroll,
	)
}

// showAbout opens the 关于 dialog over the main window.
func (u *UI) showAbout() {
	d := dialog.NewCustom("关于", "关闭", u.newAboutContent(), u.win)
	d.Resize(fyne.NewSize(640, 0))
	d.Show()
}
