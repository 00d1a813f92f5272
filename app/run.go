package app

import (
	"fmt"
	"os"
	"time"

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
	if mode := os.Getenv("FAZHI_TRACE_START"); mode != "" {
		traceStart(a, mode)
	}
	u.Window().ShowAndRun()
}

// StartedAt is when the process began (main sets it first thing), the zero
// point of the start-up trace.
var StartedAt = time.Now()

// traceStart prints how long the window took to come up, for
// scripts/coldstart.sh: once the app has started and the first frame is
// queued, the next pass of the event loop reports the time and, with
// mode "quit", closes the program.
func traceStart(a fyne.App, mode string) {
	a.Lifecycle().SetOnStarted(func() {
		go fyne.Do(func() {
			fmt.Fprintf(os.Stderr, "first frame after %d ms\n", time.Since(StartedAt).Milliseconds())
			if mode == "quit" {
				a.Quit()
			}
		})
	})
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
