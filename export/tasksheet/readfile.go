package tasksheet

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fazhi/data"
	"fazhi/export/workbook"
)

// Workbook is a file's sheets in tab order (export/workbook opened it) with
// the distribution stamp of a workbook this program sent to a department.
type Workbook struct {
	*workbook.Book
	// Dist is the distribution stamp (the very-hidden _fazhi sheet) of a
	// workbook this program sent to a department, nil for any other file.
	// Returned progress is dated by Book.Modified.
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

// The distribution contract: the sheet, its stamp (in workbook.StampSheet)
// and the id column.
const (
	DistSheet     = "任务分解表"
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

// OpenFile opens any workbook safely (see export/workbook) and reads the
// distribution stamp, if it has one.
func OpenFile(path string) (*Workbook, error) {
	b, err := workbook.Open(path)
	if err != nil {
		return nil, err
	}
	return &Workbook{Book: b, Dist: readStamp(b.Stamp)}, nil
}

// readStamp reads the _fazhi sheet; nil when it is not ours.
func readStamp(s *workbook.Sheet) *Distribution {
	if s == nil {
		return nil
	}
	get := func(row, col int) string {
		if row >= len(s.Rows) || col >= len(s.Rows[row]) {
			return ""
		}
		return strings.TrimSpace(s.Rows[row][col])
	}
	if get(0, 0) != StampMagic {
		return nil
	}
	d := &Distribution{Version: get(0, 1), Dept: get(2, 1), Unit: get(3, 1)}
	d.Year, _ = strconv.Atoi(get(1, 1))
	d.Exported, _ = time.Parse(time.RFC3339, get(4, 1))
	return d
}
