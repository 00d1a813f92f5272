// Package action holds every user action once: what "import a plan",
// "collect the returned workbooks" or "export the report" does, from plain
// inputs to a plain result (a preview, a summary, the problems found).
//
// The program has two doors to the same work: the window (package app) and
// the command line (package internal/cli). A door gathers the inputs, shows
// progress and draws or prints the result; it holds no step of the flow
// itself. So a rule that changes (a check before saving, a note of the
// export for 概览) changes here, and both doors follow.
//
// Actions take an open *data.Store and call the readers and writers of
// export/...; they never import a door.
package action
