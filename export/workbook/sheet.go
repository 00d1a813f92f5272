package workbook

// Sheet is one worksheet as the readers see it: cell text by zero-based row
// and column, merged ranges and hidden rows. Both the .xlsx and the .xls
// openers produce it, and tests and the fuzzers build it directly, so what
// the readers do with it is a pure function of it.
type Sheet struct {
	Name   string
	Hidden bool
	// Rows[r][c] is the text of a cell (ragged; a missing cell is empty).
	Rows       [][]string
	Merges     []Merge
	HiddenRows []int // zero-based, ascending
	// Date1904 says serials in this sheet count from 1904 (Mac workbooks).
	Date1904 bool
}

// Merge is a merged range, zero-based and inclusive on both ends.
type Merge struct{ FirstRow, LastRow, FirstCol, LastCol int }

// StampSheet is the very hidden sheet in which this program stamps a
// workbook it sends out (export/tasksheet writes and reads what is in it).
// Open keeps it out of Book.Sheets, so no reader takes it for a table.
const StampSheet = "_fazhi"
