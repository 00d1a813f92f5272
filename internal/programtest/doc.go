// Package programtest holds the tests of the whole program as a clerk
// meets it: the built binary or both doors together, against hostile
// files, a display without OpenGL, a full disk, a second running copy and
// a memory ceiling. It has no code of its own; the tests sit here so the
// repository root holds only main.go.
package programtest
