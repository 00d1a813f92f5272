// Package tasksheet reads and writes 任务分解表 workbooks: the city's own
// layouts (title rows, one- or two-level merged headers, chapter rows,
// continuation rows, footers), our print-ready layout, and the per-department
// copies sent out and collected back.
//
// Layout:
//
//	columns.go   what a column means (Column, its canonical Title) and the
//	             header variants offices use
//	header.go    FindHeader on a workbook.Sheet
//	read.go      Read: sheets → Preview (tasks as data.PlanImport, problems)
//	readfile.go  OpenFile (export/workbook's safe opener, plus the
//	             distribution stamp), ReadFile, the distribution contract
//	errors.go    this package's finer kinds (no header; a template without
//	             the sheet or header); their sentences go through export/fileerr
//	collect.go   matching returned department workbooks to stored tasks
//	write*.go    the writers (our layout, template fill, distribution)
//
// The sheet model (workbook.Sheet) and every check of the file itself live
// in export/workbook and export/fileerr, shared with export/statsheet.
// Everything from a Sheet onwards is a pure function of its input, so it is
// tested with tables of sheets and fuzzed (FuzzRead).
package tasksheet
