// Package statsheet reads and fills the statistical returns (统计报表) the
// city sends as Excel templates: it finds the rows whose labels name our
// indicators (exactly, by alias, then by similarity, after stripping 栏次/
// 行次 codes, numbering and bracketed units) and the value column (本年,
// 本期, 数值, 合计 or a year), proposes that mapping, fills only the mapped
// cells of a copy of the template, reads a filled return back into values,
// and sums many units' returns (rates recomputed from the summed parts,
// never averaged) with a sheet of each unit's figures.
//
// Every workbook is opened through export/workbook, the one opener with
// the size, unzip, password and WPS checks, so .xlsx and legacy .xls are
// both read; filling needs .xlsx (workbook.Edit), and a .xls template gets
// the message saying how to save it as .xlsx in WPS or Excel. A mapping the clerk corrected
// (Proposal.Set/Unset) is kept in the store by its layout's Fingerprint.
package statsheet
