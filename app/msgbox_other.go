//go:build !windows

package app

// ShowPlainError does nothing here: on Linux the caller has already written
// msg to stderr, which a terminal or the desktop's log keeps.
func ShowPlainError(msg string) {}
