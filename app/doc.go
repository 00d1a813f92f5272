// Package app is the Fyne window and nothing else: the theme with the
// embedded CJK font, the navigation, one file per view, and the dialogs. It
// asks data (and export) for everything; a rule the command line would also
// need never lives here.
//
// Layout: ui.go builds the window (navigation, year selector, view switch);
// theme.go the light/dark theme; dialogs.go the Chinese dialogs; one file per
// view (depts.go, settings.go, planned.go for views still to come); run.go
// starts the program or tells the user why it cannot.
package app
