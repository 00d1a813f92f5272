package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// runLong runs work off the UI goroutine behind a progress bar with a 取消
// button, so the window never freezes on a large file. work must honour
// ctx: a cancelled job returns ctx.Err() and leaves nothing behind (file
// writers check ctx before their final rename). done runs on the UI
// goroutine with work's result unless the job was cancelled.
func runLong(w fyne.Window, title string, work func(ctx context.Context) error, done func(err error)) {
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBarInfinite()
	label := widget.NewLabel(title + "，请稍候……")
	d := dialog.NewCustom(title, "取消", container.NewVBox(label, bar), w)
	d.SetOnClosed(cancel)
	d.Resize(fyne.NewSize(420, 0))
	d.Show()
	go func() {
		err := work(ctx)
		fyne.Do(func() {
			cancelled := ctx.Err() != nil
			bar.Stop()
			d.Hide()
			cancel()
			if !cancelled {
				done(err)
			}
		})
	}()
}

// runBusy is runLong for work that must finish once begun (a restore
// replaces the data file in one step): the bar shows, but there is no
// 取消 to promise what cannot be kept.
func runBusy(w fyne.Window, title string, work func() error, done func(err error)) {
	bar := widget.NewProgressBarInfinite()
	d := dialog.NewCustomWithoutButtons(title, container.NewVBox(widget.NewLabel(title+"，请稍候……"), bar), w)
	d.Resize(fyne.NewSize(420, 0))
	d.Show()
	go func() {
		err := work()
		fyne.Do(func() {
			bar.Stop()
			d.Hide()
			done(err)
		})
	}()
}
