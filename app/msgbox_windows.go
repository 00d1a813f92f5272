package app

import "golang.org/x/sys/windows"

// ShowPlainError shows msg in a Windows message box. A GUI-subsystem program
// has no console, so without it a start-up failure would leave the user
// looking at nothing; it needs no OpenGL, unlike a Fyne window.
func ShowPlainError(msg string) {
	text, err1 := windows.UTF16PtrFromString(msg)
	title, err2 := windows.UTF16PtrFromString("法治政府建设台账")
	if err1 != nil || err2 != nil {
		return
	}
	windows.MessageBox(0, text, title, windows.MB_OK|windows.MB_ICONERROR|windows.MB_SETFOREGROUND)
}
