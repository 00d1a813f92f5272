package tasksheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/richardlehane/mscfb"
	"github.com/xuri/excelize/v2"

	"fazhi/data"
	"fazhi/export/xls"
)

// Limits on what a workbook may unpack to. excelize's default is about
// 16 GB and it allocates the declared size up front, so a zip bomb would
// take the clerk's PC down; a real 任务分解表 unpacks to a few megabytes.
const (
	MaxUnzipSize    = 256 << 20
	MaxUnzipXMLSize = 32 << 20
	// MaxRows bounds the rows read from one sheet: ten times the 5,000
	// tasks of the largest table we plan for, and small enough that a
	// sheet of a million rows is refused in well under the 2 s a clerk
	// should wait for an answer.
	MaxRows = 50_000
)

// excelizeDefaultModified is the date excelize's blank workbook carries
// until a writer sets its own: no one saved the file then.
const excelizeDefaultModified = "2006-09-16T00:00:00Z"

// Workbook is a file's sheets in tab order with what the reader needs to
// know about the file itself.
type Workbook struct {
	Sheets []Sheet
	// Modified is the workbook's own last-saved time (docProps/core.xml),
	// zero when the file does not say; returned progress is dated by it.
	Modified time.Time
	// Dist is the distribution stamp (the very-hidden _fazhi sheet) of a
	// workbook this program sent to a department, nil for any other file.
	Dist *Distribution
}

// Distribution is what the _fazhi sheet of a distributed workbook says.
type Distribution struct {
	Version  string
	Year     int
	Dept     string // the department's canonical name when it was sent
	Unit     string // the sender's short name (profile)
	Exported time.Time
}

// The distribution contract: the sheet, its stamp and the id column.
const (
	DistSheet     = "任务分解表"
	StampSheet    = "_fazhi"
	StampMagic    = "fazhi-distribute"
	StampVersion  = "1"
	TaskRefPrefix = "fazhi:"
)

// TaskRef writes the hidden id of a task in a distributed workbook.
func TaskRef(year int, id uint64) string { return fmt.Sprintf("fazhi:%d:%d", year, id) }

// ParseTaskRef reads a hidden id back; false for anything else.
func ParseTaskRef(s string) (year int, id uint64, ok bool) {
	rest, found := strings.CutPrefix(strings.TrimSpace(s), TaskRefPrefix)
	if !found {
		return 0, 0, false
	}
	ys, is, found := strings.Cut(rest, ":")
	if !found {
		return 0, 0, false
	}
	y, err1 := strconv.Atoi(ys)
	n, err2 := strconv.ParseUint(is, 10, 64)
	return y, n, err1 == nil && err2 == nil && n > 0
}

// ReadFile opens a workbook and reads its table in one step: what the
// command line and the import dialog call. The workbook comes back too, for
// its date and stamp. Progress is dated by the file unless opt.Date is set.
func ReadFile(path string, opt Options) (*Preview, *Workbook, error) {
	wb, err := OpenFile(path)
	if err != nil {
		return nil, nil, err
	}
	if opt.Source == "" {
		opt.Source = filepath.Base(path)
	}
	if opt.Date.IsZero() {
		opt.Date = FileDate(path, wb)
	}
	p, err := Read(wb.Sheets, opt)
	if err != nil {
		return nil, wb, err
	}
	return p, wb, nil
}

// FileDate is the day a returned file was last saved: the workbook's own
// modified time, else the file's modification time, else today.
func FileDate(path string, wb *Workbook) data.Date {
	if wb != nil && !wb.Modified.IsZero() {
		return data.DateOf(wb.Modified.Local())
	}
	if st, err := os.Stat(path); err == nil {
		return data.DateOf(st.ModTime())
	}
	return data.Today()
}

// OpenFile opens any workbook safely: .xlsx (with unzip limits), a real
// .xls through export/xls, and a Chinese message for everything else.
func OpenFile(path string) (*Workbook, error) {
	name := filepath.Base(path)
	f, err := os.Open(path)
	if err != nil {
		return nil, fail(ErrUnreadable, name, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fail(ErrUnreadable, name, err)
	}
	if st.IsDir() {
		return nil, fail(ErrUnreadable, name, fmt.Errorf("%s is a folder", path))
	}
	return ReadWorkbook(f, st.Size(), name)
}

var (
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	zipMagic = []byte("PK\x03\x04")
)

// ReadWorkbook reads a workbook held by r; name is only for messages. The
// kind of file is told by its bytes, never its extension: clerks rename.
func ReadWorkbook(r io.ReaderAt, size int64, name string) (wb *Workbook, err error) {
	defer func() {
		if p := recover(); p != nil {
			wb, err = nil, fail(ErrBroken, name, fmt.Errorf("panic: %v", p))
		}
	}()
	if size <= 0 {
		return nil, fail(ErrEmpty, name, nil)
	}
	if size > MaxUnzipSize {
		return nil, fail(ErrTooLarge, name, nil)
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
		return nil, fail(ErrEmpty, name, nil)
	}
	return nil, fail(ErrNotWorkbook, name, nil)
}

func allBlank(r io.ReaderAt, size int64) bool {
	buf := make([]byte, min(size, 4096))
	n, _ := r.ReadAt(buf, 0)
	return len(bytes.TrimSpace(bytes.Trim(buf[:n], "\x00"))) == 0
}

// readOLE tells a password-protected .xlsx (an OLE file holding an
// EncryptedPackage) from a .xls, which export/xls reads, and from a WPS .et
// or a Word .doc.
func readOLE(r io.ReaderAt, size int64, name string) (*Workbook, error) {
	doc, err := mscfb.New(io.NewSectionReader(r, 0, size))
	if err != nil {
		return nil, fail(ErrBroken, name, err)
	}
	for _, f := range doc.File {
		if strings.EqualFold(f.Name, "EncryptedPackage") || strings.EqualFold(f.Name, "EncryptionInfo") {
			return nil, fail(ErrEncrypted, name, nil)
		}
	}
	book, err := xls.Read(r, size)
	if err != nil {
		kinds := []struct{ from, to error }{
			{xls.ErrEncrypted, ErrEncrypted}, {xls.ErrNoWorkbook, ErrNoExcel}, {xls.ErrOldBIFF, ErrOldExcel},
			{xls.ErrTooLarge, ErrTooLarge}, {xls.ErrCorrupt, ErrBroken}, {xls.ErrNotXLS, ErrNotWorkbook},
		}
		for _, k := range kinds {
			if errors.Is(err, k.from) {
				return nil, fail(k.to, name, err)
			}
		}
		return nil, fail(ErrBroken, name, err)
	}
	wb := &Workbook{}
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
		wb.Sheets = append(wb.Sheets, sh)
	}
	return wb, nil
}

func readXLSX(r io.ReaderAt, size int64, name string) (*Workbook, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fail(ErrBroken, name, err)
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
		return nil, fail(ErrTooLarge, name, nil)
	}
	if !isBook {
		return nil, fail(ErrNotWorkbook, name, nil)
	}
	f, err := excelize.OpenReader(io.NewSectionReader(r, 0, size), excelize.Options{
		UnzipSizeLimit: MaxUnzipSize, UnzipXMLSizeLimit: MaxUnzipXMLSize,
	})
	if err != nil {
		return nil, fail(ErrBroken, name, err)
	}
	defer f.Close()
	wb := &Workbook{}
	date1904 := false
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		date1904 = *props.Date1904
	}
	if props, err := f.GetDocProps(); err == nil && props.Modified != "" && props.Modified != excelizeDefaultModified {
		if t, err := time.Parse(time.RFC3339, props.Modified); err == nil {
			wb.Modified = t
		}
	}
	for _, sheet := range f.GetSheetList() {
		if sheet == StampSheet {
			wb.Dist = readStamp(f)
			continue
		}
		s, err := readSheet(f, sheet)
		if errors.Is(err, ErrTooLarge) {
			return nil, fail(ErrTooLarge, name, err)
		} else if err != nil {
			return nil, fail(ErrBroken, name, err)
		}
		s.Date1904 = date1904
		wb.Sheets = append(wb.Sheets, s)
	}
	return wb, nil
}

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
			return s, fmt.Errorf("%w: more than %d rows", ErrTooLarge, MaxRows)
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

// readStamp reads the _fazhi sheet; nil when it is not ours.
func readStamp(f *excelize.File) *Distribution {
	get := func(cell string) string {
		v, _ := f.GetCellValue(StampSheet, cell)
		return strings.TrimSpace(v)
	}
	if get("A1") != StampMagic {
		return nil
	}
	d := &Distribution{Version: get("B1"), Dept: get("B3"), Unit: get("B4")}
	d.Year, _ = strconv.Atoi(get("B2"))
	d.Exported, _ = time.Parse(time.RFC3339, get("B5"))
	return d
}
