package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/richardlehane/mscfb"
	"github.com/xuri/excelize/v2"

	"fazhi/export/fileerr"
	"fazhi/export/xls"
)

// Limits on what a workbook may unpack to. excelize's default is about
// 16 GB and it allocates the declared size up front, so a zip bomb would
// take the clerk's PC down; a real 任务分解表 or return unpacks to a few
// megabytes.
const (
	MaxUnzipSize    = 256 << 20
	MaxUnzipXMLSize = 32 << 20
	// MaxRows bounds the rows read from one sheet: ten times the 5,000
	// tasks of the largest table we plan for, and small enough that a
	// sheet of a million rows is refused in well under the 2 s a clerk
	// should wait for an answer.
	MaxRows = 50_000
)

// errLimits is a workbook beyond one of the limits above.
var errLimits = fileerr.NewVariant(fileerr.ErrTooLarge, "workbook: exceeds the reader limits",
	"太大（一个工作表超过 5 万行，或解压后超过 256 MB），不像是任务分解表或统计报表，也可能是损坏或恶意的文件", "")

// excelizeDefaultModified is the date excelize's blank workbook carries
// until a writer sets its own: no one saved the file then.
const excelizeDefaultModified = "2006-09-16T00:00:00Z"

// Book is a workbook's sheets in tab order with what the readers need to
// know about the file itself.
type Book struct {
	Sheets []Sheet
	// XLS: the file is a legacy .xls (read through export/xls); it can be
	// read but not filled.
	XLS bool
	// Modified is the workbook's own last-saved time (docProps/core.xml),
	// zero when the file does not say.
	Modified time.Time
	// Stamp is the very hidden StampSheet of an .xlsx this program wrote,
	// nil for any other file.
	Stamp *Sheet
}

var (
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	zipMagic = []byte("PK\x03\x04")
)

// Open opens any workbook safely: .xlsx (with unzip limits), a real .xls
// through export/xls, and a *fileerr.Error for everything else.
func Open(path string) (*Book, error) {
	f, st, err := fileerr.Open(path, fileerr.Workbook)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(f, st.Size(), path)
}

func fail(kind error, name string, cause error) error {
	return fileerr.New(kind, fileerr.Workbook, name, cause)
}

// Read reads a workbook held by r; name is only for messages. The kind of
// file is told by its bytes, never its extension: clerks rename.
func Read(r io.ReaderAt, size int64, name string) (b *Book, err error) {
	defer func() {
		if p := recover(); p != nil {
			b, err = nil, fail(fileerr.ErrDamaged, name, fmt.Errorf("panic: %v", p))
		}
	}()
	if size <= 0 {
		return nil, fail(fileerr.ErrEmpty, name, nil)
	}
	if size > MaxUnzipSize {
		return nil, fail(errLimits, name, nil)
	}
	head := make([]byte, 8)
	n, _ := r.ReadAt(head, 0)
	head = head[:n]
	switch {
	case bytes.HasPrefix(head, oleMagic):
		return readOLE(r, size, name)
	case bytes.HasPrefix(head, zipMagic):
		return readXLSX(r, size, name)
	case len(bytes.Trim(head, "\x00 \t\r\n")) == 0 && allBlank(r, size):
		return nil, fail(fileerr.ErrEmpty, name, nil)
	}
	return nil, fail(fileerr.ErrNotOurs, name, nil)
}

func allBlank(r io.ReaderAt, size int64) bool {
	buf := make([]byte, min(size, 4096))
	n, _ := r.ReadAt(buf, 0)
	return len(bytes.TrimSpace(bytes.Trim(buf[:n], "\x00"))) == 0
}

// encrypted tells a password-protected .xlsx or .docx: Office stores it as
// an OLE file holding an EncryptedPackage stream.
func encrypted(r io.ReaderAt, size int64) (bool, error) {
	doc, err := mscfb.New(io.NewSectionReader(r, 0, size))
	if err != nil {
		return false, err
	}
	for _, f := range doc.File {
		if strings.EqualFold(f.Name, "EncryptedPackage") || strings.EqualFold(f.Name, "EncryptionInfo") {
			return true, nil
		}
	}
	return false, nil
}

// readOLE tells a password-protected .xlsx from a .xls, which export/xls
// reads (and which tells a WPS .et or a Word .doc).
func readOLE(r io.ReaderAt, size int64, name string) (*Book, error) {
	switch enc, err := encrypted(r, size); {
	case err != nil:
		return nil, fail(fileerr.ErrDamaged, name, err)
	case enc:
		return nil, fail(fileerr.ErrEncrypted, name, nil)
	}
	book, err := xls.Read(r, size)
	if err != nil {
		return nil, fileerr.Of(err, fileerr.Workbook, name)
	}
	b := &Book{XLS: true}
	for _, s := range book.Sheets {
		sh := Sheet{Name: s.Name, Hidden: s.Hidden, HiddenRows: s.HiddenRows, Date1904: book.Date1904}
		sh.Rows = make([][]string, s.Rows)
		for ref, c := range s.Cells {
			row := sh.Rows[ref.Row]
			for len(row) <= ref.Col {
				row = append(row, "")
			}
			row[ref.Col] = c.Text
			sh.Rows[ref.Row] = row
		}
		for _, m := range s.Merges {
			sh.Merges = append(sh.Merges, Merge{m.FirstRow, m.LastRow, m.FirstCol, m.LastCol})
		}
		b.Sheets = append(b.Sheets, sh)
	}
	return b, nil
}

func readXLSX(r io.ReaderAt, size int64, name string) (*Book, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fail(fileerr.ErrDamaged, name, err)
	}
	var total uint64
	isBook := false
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if strings.EqualFold(f.Name, "xl/workbook.xml") {
			isBook = true
		}
	}
	if total > MaxUnzipSize {
		return nil, fail(errLimits, name, nil)
	}
	if !isBook {
		return nil, fail(fileerr.ErrNotOurs, name, nil)
	}
	f, err := excelize.OpenReader(io.NewSectionReader(r, 0, size), excelizeOptions)
	if err != nil {
		return nil, fail(fileerr.ErrDamaged, name, err)
	}
	defer f.Close()
	b := &Book{}
	date1904 := false
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		date1904 = *props.Date1904
	}
	if props, err := f.GetDocProps(); err == nil && props.Modified != "" && props.Modified != excelizeDefaultModified {
		if t, err := time.Parse(time.RFC3339, props.Modified); err == nil {
			b.Modified = t
		}
	}
	for _, sheet := range f.GetSheetList() {
		s, err := readSheet(f, sheet)
		if errors.Is(err, errLimits) {
			return nil, fail(errLimits, name, err)
		} else if err != nil {
			return nil, fail(fileerr.ErrDamaged, name, err)
		}
		s.Date1904 = date1904
		if sheet == StampSheet {
			b.Stamp = &s
			continue
		}
		b.Sheets = append(b.Sheets, s)
	}
	return b, nil
}

// excelizeOptions bound what excelize may unpack.
var excelizeOptions = excelize.Options{UnzipSizeLimit: MaxUnzipSize, UnzipXMLSizeLimit: MaxUnzipXMLSize}

func readSheet(f *excelize.File, name string) (Sheet, error) {
	s := Sheet{Name: name}
	if vis, err := f.GetSheetVisible(name); err == nil {
		s.Hidden = !vis
	}
	rows, err := f.Rows(name)
	if err != nil {
		return s, err
	}
	defer rows.Close()
	for i := 0; rows.Next(); i++ {
		if i >= MaxRows {
			return s, fmt.Errorf("%w: more than %d rows", errLimits, MaxRows)
		}
		// Raw values: a date keeps its serial (read as a date in the
		// deadline column), and a number is not rounded by its format.
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return s, err
		}
		if rows.GetRowOpts().Hidden {
			s.HiddenRows = append(s.HiddenRows, i)
		}
		s.Rows = append(s.Rows, cols)
	}
	if err := rows.Error(); err != nil {
		return s, err
	}
	merges, err := f.GetMergeCells(name, true)
	if err != nil {
		return s, err
	}
	for _, m := range merges {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil {
			continue
		}
		s.Merges = append(s.Merges, Merge{r1 - 1, r2 - 1, c1 - 1, c2 - 1})
	}
	return s, nil
}
