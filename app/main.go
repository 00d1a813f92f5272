package app

import (
	"fmt"
	"io"

	"fazhi/data"
	"fazhi/export/backup"
	"fazhi/internal/action"
)

// Main opens the data file db (empty for the default) and the window at
// page view, and returns the exit status. When the file cannot be opened
// the user is told why in a window (and on stderr), never left looking at
// nothing. Without a display or OpenGL driver there can be no window at
// all, so that is checked first and told in a message box.
func Main(db, view string, stderr io.Writer) int {
	if err := CheckGraphics(); err != nil {
		msg := data.Message(err)
		fmt.Fprintln(stderr, msg)
		ShowPlainError(msg)
		return 1
	}
	s, err := action.Open(db)
	if err != nil {
		msg := data.Message(err)
		fmt.Fprintln(stderr, msg)
		RunStartupError(msg)
		return 1
	}
	defer s.Close()
	// The day's first start leaves a copy behind; if that fails (a full
	// disk) the window still opens, and 设置 shows how old the last backup is.
	if _, _, err := backup.AtStart(s); err != nil {
		fmt.Fprintln(stderr, data.Message(err))
	}
	Run(s, view)
	return 0
}
