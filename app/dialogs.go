package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"fazhi/data"
)

// The dialogs spell their buttons out in Chinese themselves rather than rely
// on Fyne's translation, which follows the PC's locale.

// showError tells the user, in Chinese, what went wrong and what to do.
func showError(err error, w fyne.Window) {
	if err == nil {
		return
	}
	msg := widget.NewLabel(data.Message(err))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("未能完成", "确定", msg, w)
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
}

// confirm asks before a change that cannot simply be typed back.
func confirm(title, question string, w fyne.Window, yes func()) {
	msg := widget.NewLabel(question)
	msg.Wrapping = fyne.TextWrapWord
	newConfirmDialog(title, msg, w, yes).Show()
}

// newConfirmDialog wraps any content in 确定/取消; yes runs only on 确定.
func newConfirmDialog(title string, content fyne.CanvasObject, w fyne.Window, yes func()) dialog.Dialog {
	d := dialog.NewCustomConfirm(title, "确定", "取消", content, func(ok bool) {
		if ok {
			yes()
		}
	}, w)
	d.Resize(fyne.NewSize(460, 0))
	return d
}

// askText asks for one line of text (a new name, an alias); cancelling
// changes nothing.
func askText(title, label, initial string, w fyne.Window, done func(string)) {
	e := widget.NewEntry()
	e.SetText(initial)
	items := []*widget.FormItem{widget.NewFormItem(label, e)}
	d := dialog.NewForm(title, "确定", "取消", items, func(ok bool) {
		if ok {
			done(e.Text)
		}
	}, w)
	// Enter confirms, as in every office program.
	e.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(420, 0))
	d.Show()
	w.Canvas().Focus(e)
}
