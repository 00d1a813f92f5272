// Package uilang makes Fyne's own words (menus, file dialogs) Chinese like
// the rest of the window, whatever the desktop's locale says.
//
// It must act before Fyne's lang package initialises, which reads the
// locale once at start-up (and, with LANG=C.UTF-8, logs "Error parsing user
// locale C" to stderr, even for command-line use). Go initialises packages
// in import-path order as soon as their dependencies are ready (Go 1.21+),
// and this package depends only on os, so importing it anywhere in the
// program is enough: main imports it for clarity.
package uilang

import "os"

// Language is what Fyne's translations are asked for.
const Language = "zh_CN"

func init() {
	// gettext's LANGUAGE outranks LANG for the choice of translation, and
	// is ignored only under an explicit C or POSIX locale.
	if os.Getenv("LANGUAGE") == "" {
		os.Setenv("LANGUAGE", Language)
	}
}
