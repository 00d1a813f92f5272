//go:build !ci

package app

import (
	"bytes"
	"log"
	"strings"

	"github.com/go-gl/glfw/v3.3/glfw"
)

// CheckGraphics tries, before Fyne does, to open a hidden window with the
// OpenGL 2.1 context Fyne's driver asks for, and returns a *GraphicsError when
// that fails. Fyne 2.7's driver only logs such failures ("window creation
// error") and exits, or panics when there is no display at all, so the check
// has to come first for the user to learn why. GLFW stays initialised for
// Fyne (its own glfw.Init then returns at once); the probe window is
// destroyed and the window hints reset. It must run on the main goroutine,
// which Fyne's driver locks to the main thread. Costs one context creation,
// measured in docs/PERFORMANCE.md.
func CheckGraphics() (err error) {
	// go-gl/glfw logs platform errors with the log package; keep them for
	// the message instead of the terminal.
	var logged bytes.Buffer
	prevOut, prevFlags := log.Writer(), log.Flags()
	log.SetOutput(&logged)
	log.SetFlags(0)
	defer func() {
		log.SetOutput(prevOut)
		log.SetFlags(prevFlags)
		// After a failed glfw.Init, go-gl/glfw panics with NotInitialized
		// on the next call: there is no display to talk to.
		if r := recover(); r != nil {
			e, ok := r.(*glfw.Error)
			if !ok {
				panic(r)
			}
			err = &GraphicsError{NoDisplay: true, Detail: joinDetail(logged.String(), e.Error())}
		}
	}()

	if err := glfw.Init(); err != nil {
		return &GraphicsError{NoDisplay: true, Detail: joinDetail(logged.String(), err.Error())}
	}
	glfw.DefaultWindowHints()
	glfw.WindowHint(glfw.Visible, glfw.False)
	glfw.WindowHint(glfw.ContextVersionMajor, 2)
	glfw.WindowHint(glfw.ContextVersionMinor, 1)
	win, err := glfw.CreateWindow(16, 16, "fazhi", nil, nil)
	glfw.DefaultWindowHints()
	if err != nil {
		return &GraphicsError{Detail: joinDetail(logged.String(), err.Error())}
	}
	if win == nil { // a platform error, logged rather than returned
		return &GraphicsError{Detail: joinDetail(logged.String(), "glfwCreateWindow failed")}
	}
	win.Destroy()
	return nil
}

func joinDetail(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, strings.ReplaceAll(p, "\n", "; "))
		}
	}
	return strings.Join(out, "; ")
}
