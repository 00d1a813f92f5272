// Package xls reads the cell values of legacy Excel 97-2003 workbooks (.xls,
// BIFF8), which excelize cannot open and which clerks still receive: the
// official 行政复议案件统计报表 and most returns exported by older case systems
// are .xls.
//
// Read (or Open) gives a Workbook: its worksheets in tab order, each with
// its stored cells as text the way Excel shows them in General format, the
// merged ranges, and which sheets and rows are hidden. A statistical return's
// header is merged over several rows and columns; Sheet.MergedValue reads it
// the way it looks on screen. Formulas appear as their cached results.
//
// Layout:
//
//	xls.go       the API: Workbook, Sheet, Cell, Open, Read, IsXLS, limits
//	errors.go    the finer kinds (fileerr variants); their sentences come
//	             from export/fileerr, with every other file reader's
//	record.go    BIFF record framing, CONTINUE gathering, the BOF check
//	sst.go       strings: the shared string table and XLUnicodeString,
//	             split across CONTINUE records
//	workbook.go  the globals substream: sheets, shared strings, formats
//	sheet.go     a worksheet substream: cells, merges, hidden rows
//	number.go    RK numbers, General formatting, date formats and serials
//
// The compound (OLE) file is opened with github.com/richardlehane/mscfb; the
// Workbook stream is then parsed here. The BIFF8 subset read:
//
//   - globals: BOF/EOF, BOUNDSHEET8 (names, visibility, offsets), SST with
//     CONTINUE (compression restated at each split; rich-text runs and
//     phonetic data skipped), FORMAT and XF (only to tell dates from numbers),
//     DATEMODE, and FILEPASS, which is refused as fileerr.ErrEncrypted;
//   - worksheets: LABELSST, LABEL, RK, MULRK, NUMBER, FORMULA with its STRING
//     record or boolean/error result, BOOLERR, MERGEDCELLS, ROW (hidden rows).
//     BLANK and MULBLANK are ignored; charts embedded in a sheet are skipped.
//
// Not read: BIFF5 and older (Excel 95, ErrOldBIFF; their strings depend on
// the code page), chart, macro and module sheets, styles, comments, hidden
// columns, formulas themselves. A WPS .et or Word .doc (OLE without a
// Workbook stream) gives ErrNoWorkbook.
//
// Every input is untrusted: Read never panics and bounds memory by the
// limits in xls.go (stream size, cells, sheets, merges, record length,
// the 65,536 × 256 grid), returning fileerr.ErrTooLarge or
// fileerr.ErrDamaged. It is fuzzed by FuzzRead and FuzzSST; run them after
// changing a parser.
package xls
