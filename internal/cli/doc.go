// Package cli is the command line door: `fazhi <noun> <verb> [flags]`.
//
// Every command is one row of the table in table.go (noun, verb, synopsis,
// summary, flags, run). --help and every usage error are made from the
// rows, so a synopsis is written once, and each flag is declared by name in
// one place (declare), so it means the same in every command: --replace
// overwrites an existing file or data and nothing else does; --force goes
// ahead although a check found problems.
//
// A command only gathers its inputs, calls the action (package
// internal/action) and prints the result; the steps of the flow live in
// the action, shared with the window. The JSON shapes the commands print
// (json* types) live here, beside the commands that print them. Run is
// what main calls; with no command it opens the window main hands in, so
// this package never imports the GUI.
package cli
