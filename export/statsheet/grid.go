package statsheet

import (
	"github.com/xuri/excelize/v2"

	"fazhi/export/workbook"
)

// Grid is one worksheet as text, a merged range's value shown in every
// cell it covers (a label merged over two columns is found in either).
type Grid struct {
	Sheet string
	Cells [][]string
}

func (g Grid) at(r, c int) string {
	if r < 0 || r >= len(g.Cells) || c < 0 || c >= len(g.Cells[r]) {
		return ""
	}
	return g.Cells[r][c]
}

// Workbook is a template or a filled return as read.
type Workbook struct {
	Path   string
	IsXLS  bool
	Sheets []Grid
}

// A return is a form of a few hundred rows; a grid is cut to this size so a
// stray cell at row 40,000 or column XFD cannot exhaust memory.
const maxRows, maxCols = 5000, 200

// ReadFile reads a workbook, .xlsx or .xls by its content, not its name.
// Opening goes through workbook.Open, the one safe opener every workbook
// from outside passes: size and unzip limits, password-protected, WPS .et,
// empty and broken files each get their fileerr message there.
func ReadFile(path string) (*Workbook, error) {
	book, err := workbook.Open(path)
	if err != nil {
		return nil, err
	}
	out := &Workbook{Path: path, IsXLS: book.XLS}
	for _, s := range book.Sheets {
		if s.Hidden || s.Name == workbook.StampSheet {
			continue
		}
		out.Sheets = append(out.Sheets, gridOf(s))
	}
	return out, nil
}

// gridOf lays a sheet out as a rectangle and copies each merged range's
// value into every cell it covers.
func gridOf(s workbook.Sheet) Grid {
	rows := s.Rows[:min(len(s.Rows), maxRows)]
	height, width := len(rows), 0
	for _, r := range rows {
		width = max(width, min(len(r), maxCols))
	}
	for _, m := range s.Merges {
		height = max(height, min(m.LastRow+1, maxRows))
		width = max(width, min(m.LastCol+1, maxCols))
	}
	g := Grid{Sheet: s.Name, Cells: make([][]string, height)}
	for r := range g.Cells {
		g.Cells[r] = make([]string, width)
		if r < len(rows) {
			copy(g.Cells[r], rows[r][:min(len(rows[r]), width)])
		}
	}
	for _, m := range s.Merges {
		v := g.at(m.FirstRow, m.FirstCol)
		for r := max(m.FirstRow, 0); r <= m.LastRow && r < height; r++ {
			for c := max(m.FirstCol, 0); c <= m.LastCol && c < width; c++ {
				g.Cells[r][c] = v
			}
		}
	}
	return g
}

// cellName turns zero-based column 4, row 11 into "E12".
func cellName(col, row int) string {
	n, _ := excelize.CoordinatesToCellName(col+1, row+1)
	return n
}
