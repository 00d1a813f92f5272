// Package data is the domain of 法治政府建设台账 and its store: the office's
// profile, the department register and (as the program grows) plans, tasks,
// progress, indicators, returns and reports, together with their rules.
//
// Everything the window and the command line both need lives here once, so
// that `fazhi dept merge` and the 部门 view cannot disagree. This package
// imports neither export nor app.
//
// All data sits in one bbolt file (see buckets.go for its layout). Every
// change a user makes is one bbolt transaction; values are JSON; keys sort
// (big-endian ids). Errors meant for the user are built in errors.go, in
// Chinese, and say what to do.
//
// A change that replaces or merges data (plan import and carry-over, report
// import and replacement, statistics return import, collecting returned
// tables, department merge, restore) is validated, then preceded by the
// step the program wired with SetBeforeChange (export/backup's automatic
// backup), then committed, all in one transaction (change.go); a failed
// step leaves the data as it was. Routine edits take no such step.
package data
