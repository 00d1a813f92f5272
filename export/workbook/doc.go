// Package workbook opens every workbook that comes from outside — a
// 任务分解表, a statistical return, a template — safely, and gives its
// sheets as plain values. It is what export/tasksheet and export/statsheet
// share, so that the two are siblings and neither opens files its own way.
//
// What lives here:
//
//	sheet.go  the sheet model both readers work on (Sheet, Merge) and the
//	          name of the very hidden stamp sheet (StampSheet)
//	open.go   Open/Read: the kind of file told by its bytes (zip or OLE
//	          magic, never the extension), unzip and row limits against zip
//	          bombs, password detection, .xls read through export/xls
//	edit.go   Edit: an .xlsx opened with excelize for filling (a template),
//	          with the same limits; a .xls is refused with how to convert it
//
// Every error is a *fileerr.Error with Format fileerr.Workbook (or
// fileerr.Template for Edit), so the clerk reads the same sentence for the
// same trouble whichever reader met it.
package workbook
