package app

import (
	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"fazhi/assets"
	"fazhi/data"
)

// AppID identifies the program to Fyne (preferences, desktop integration).
const AppID = "cn.gov.fazhi.taizhang"

// Run opens the main window on an open store, shows the view named by
// startView (empty for the page shown when the window last closed) and returns when the window closes.
func Run(s *data.Store, startView string) {
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(assets.Icon)
	u := New(a, s)
	if startView == "" {
		startView = u.LastView()
	}
	if startView != "" {
		u.Show(startView)
	}
	u.Window().SetMaster()
	u.Window().ShowAndRun()
}

// RunStartupError shows why the program cannot start (the data file is in
// use by another copy, comes from a newer version, is damaged) in a small
// window of its own, since there is no main window to put a dialog on.
func RunStartupError(msg string) {
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(assets.Icon)
	a.Settings().SetTheme(newTheme(ThemeLight))
	w := a.NewWindow("法治政府建设台账 — 无法启动")
	text := widget.NewLabel(msg)
	text.Importance = widget.DangerImportance
	text.Wrapping = fyne.TextWrapWord
	quit := widget.NewButton("退出", a.Quit)
	quit.Importance = widget.HighImportance
	// A wrapping label has no width of its own; a fixed cell gives it one, so
	// the window does not grow to the screen's height.
	box := container.NewGridWrap(fyne.NewSize(480, 110), text)
	w.SetContent(container.NewPadded(container.NewVBox(box, container.NewCenter(quit))))
	w.SetFixedSize(true)
	w.CenterOnScreen()
	w.ShowAndRun()
}
