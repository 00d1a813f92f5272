// Package tasksheet reads and writes 任务分解表 workbooks: the city's own
// layouts (title rows, one- or two-level merged headers, chapter rows,
// continuation rows, footers), our print-ready layout, and the per-department
// copies sent out and collected back.
//
// Layout:
//
//	columns.go   what a column means (Column, its canonical Title) and the
//	             header variants offices use
//	header.go    the pure sheet model (Sheet, Merge) and FindHeader
//	read.go      Read: sheets → Preview (tasks as data.PlanImport, problems)
//	readfile.go  opening any file safely (.xlsx with unzip limits, .xls via
//	             export/xls; .et, encrypted, broken, empty refused)
//	readerr.go   the reading errors and their Chinese messages
//	collect.go   matching returned department workbooks to stored tasks
//	write*.go    the writers (our layout, template fill, distribution)
//
// Everything from Sheet onwards is a pure function of its input, so it is
// tested with tables of sheets and fuzzed (FuzzRead).
package tasksheet
