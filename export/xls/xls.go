package xls

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/richardlehane/mscfb"

	"fazhi/export/fileerr"
)

// Limits on what Read accepts. They exist so that a damaged or hostile file
// fails fast with fileerr.ErrTooLarge instead of exhausting memory on a clerk's PC;
// the real returns we import are a few hundred kilobytes.
const (
	// MaxStreamSize bounds the Workbook stream held in memory.
	MaxStreamSize = 256 << 20
	// MaxCells bounds the stored cells of all sheets together.
	MaxCells = 2_000_000
	// MaxSheets bounds the sheets listed in a workbook.
	MaxSheets = 1024
	// MaxMerges bounds the merged ranges of all sheets together.
	MaxMerges = 200_000
	// MaxRows and MaxCols are BIFF8's own grid: a cell outside it is damage.
	MaxRows = 65536
	MaxCols = 256
)

// oleMagic opens every OLE compound file (.xls, .doc, .et, .ppt, .msg).
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// IsXLS reports whether head (the first bytes of a file, 8 are enough)
// carries the OLE magic. Callers sniff content rather than trust extensions,
// because clerks rename .xlsx to .xls and back; a true result still needs
// Read to tell an .xls from a .doc.
func IsXLS(head []byte) bool {
	return bytes.HasPrefix(head, oleMagic)
}

// Workbook is what a .xls file holds that an importer needs: its worksheets
// in tab order and the date system the serial numbers count from.
type Workbook struct {
	Sheets []Sheet
	// Date1904 is the Mac 1904 date system (DATEMODE); Read already applied
	// it to every date cell, it is kept for callers that convert serials.
	Date1904 bool
}

// CellRef addresses a cell by zero-based row and column, as BIFF stores them.
type CellRef struct{ Row, Col int }

// Range is a merged area, zero-based and inclusive on both ends as in BIFF's
// MERGEDCELLS, so a single cell is {r, r, c, c}.
type Range struct{ FirstRow, LastRow, FirstCol, LastCol int }

// Contains reports whether the cell (row, col) lies inside the range.
func (g Range) Contains(row, col int) bool {
	return row >= g.FirstRow && row <= g.LastRow && col >= g.FirstCol && col <= g.LastCol
}

// Kind says what a cell's stored value was before it became text, so an
// importer can tell a count of 12 from the label "12" and a date from a number.
type Kind uint8

const (
	// String is a text cell or a formula's text result.
	String Kind = iota
	// Number is a number shown in a non-date format.
	Number
	// Date is a number whose format is a date or time; Cell.Time holds it.
	Date
	// Bool is TRUE/FALSE, from a constant or a formula.
	Bool
	// ErrorValue is an error value such as #DIV/0!, from a constant or a
	// formula (named so to not read as a Go error).
	ErrorValue
)

// Cell is one stored value. Formulas appear as their cached result, which is
// what the clerk saw when the file was saved.
type Cell struct {
	// Text is the value as Excel shows it in General format (12 not 12.0,
	// 12.5 as 12.5); dates as 2006-01-02, with 15:04:05 when they hold a time.
	Text string
	Kind Kind
	// Number is the numeric value of Number and Date cells (the date serial),
	// 1 or 0 for Bool.
	Number float64
	// Time is set for Date cells only, in UTC.
	Time time.Time
}

// Sheet is one worksheet. Cells is sparse (a map) rather than a dense grid:
// a single stray value at row 65535 would otherwise cost 16 million slots,
// while the real returns fill a few thousand cells; Rows and Cols still
// give the extent for callers that want to walk it as a grid.
type Sheet struct {
	Name string
	// Hidden is true for hidden and "very hidden" sheets; importers usually
	// skip them, since clerks hide old or helper sheets rather than delete.
	Hidden bool
	// Rows and Cols are one past the last row and column that hold a value
	// or belong to a merge.
	Rows, Cols int
	Cells      map[CellRef]Cell
	Merges     []Range
	// HiddenRows lists hidden rows in ascending order: templates hide
	// instruction or spare rows that must not be read as data.
	HiddenRows []int
}

// Value returns the stored text of a cell, "" when empty. A cell covered by
// a merge but not its top-left corner is empty here, as it is in the file;
// use MergedValue to read a merged header the way it looks on screen.
func (s *Sheet) Value(row, col int) string {
	return s.Cells[CellRef{row, col}].Text
}

// MergedValue returns the value shown at (row, col): the top-left value of
// the merge covering it, or the cell's own value. Headers of statistical
// returns are merged over several columns and rows, and each column needs
// the label it sits under. It scans the merges, which is fine for the
// hundreds a return has.
func (s *Sheet) MergedValue(row, col int) string {
	for _, m := range s.Merges {
		if m.Contains(row, col) {
			return s.Value(m.FirstRow, m.FirstCol)
		}
	}
	return s.Value(row, col)
}

// Open reads the .xls file at path. Its errors are *fileerr.Error naming
// the file; file-system failures are fileerr.ErrUnreadable (and the fs
// error, so fs.ErrNotExist still matches).
func Open(path string) (*Workbook, error) {
	f, st, err := fileerr.Open(path, fileerr.Workbook)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	wb, err := Read(f, st.Size())
	return wb, fileerr.Of(err, fileerr.Workbook, path)
}

// Read parses a .xls held by r, size bytes long; its errors are
// *fileerr.Error. It never panics: the parser is fuzzed, and as a last guard
// a panic from it or from the compound-file library is turned into
// fileerr.ErrDamaged, because a crash would lose the clerk's unsaved work in
// the rest of the program.
func Read(r io.ReaderAt, size int64) (wb *Workbook, err error) {
	defer func() {
		if p := recover(); p != nil {
			wb, err = nil, fmt.Errorf("%w: internal error: %v", fileerr.ErrDamaged, p)
		}
		if err != nil {
			err = fail(err, "")
		}
	}()
	return read(r, size)
}

// read is Read without the recover, so fuzzing sees every panic.
func read(r io.ReaderAt, size int64) (*Workbook, error) {
	if size < 0 {
		size = 0
	}
	head := make([]byte, len(oleMagic))
	if n, _ := r.ReadAt(head, 0); n < len(head) || !IsXLS(head) {
		return nil, ErrNotXLS
	}
	stream, err := workbookStream(io.NewSectionReader(r, 0, size), size)
	if err != nil {
		return nil, err
	}
	return parseWorkbook(stream)
}

// workbookStream returns the bytes of the Workbook stream (BIFF8) or, failing
// that, the Book stream (BIFF5, which parseWorkbook then refuses by name).
func workbookStream(r *io.SectionReader, size int64) ([]byte, error) {
	doc, err := mscfb.New(r)
	if err != nil {
		return nil, fmt.Errorf("%w: compound file: %v", fileerr.ErrDamaged, err)
	}
	var book, old *mscfb.File
	for _, f := range doc.File {
		if len(f.Path) != 0 || f.FileInfo().IsDir() {
			continue
		}
		switch {
		case strings.EqualFold(f.Name, "Workbook") && book == nil:
			book = f
		case strings.EqualFold(f.Name, "Book") && old == nil:
			old = f
		}
	}
	if book == nil {
		book = old
	}
	if book == nil {
		return nil, ErrNoWorkbook
	}
	switch {
	case book.Size > MaxStreamSize:
		return nil, fmt.Errorf("%w: workbook stream is %d bytes", fileerr.ErrTooLarge, book.Size)
	case book.Size > size:
		// Checked before allocating: a tiny file must not make us reserve
		// the stream size it claims.
		return nil, fmt.Errorf("%w: workbook stream (%d bytes) larger than the file", fileerr.ErrDamaged, book.Size)
	case book.Size == 0:
		return nil, fmt.Errorf("%w: empty workbook stream", fileerr.ErrDamaged)
	}
	buf := make([]byte, book.Size)
	n, err := io.ReadFull(book, buf)
	if err != nil {
		return nil, fmt.Errorf("%w: workbook stream cut short after %d bytes: %v", fileerr.ErrDamaged, n, err)
	}
	return buf, nil
}
