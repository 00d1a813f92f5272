//go:build ci

package app

// CheckGraphics has nothing to check under the ci tag: Fyne's software
// driver draws without OpenGL.
func CheckGraphics() error { return nil }
