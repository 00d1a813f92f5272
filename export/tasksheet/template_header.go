package tasksheet

import (
	"strings"

	"github.com/xuri/excelize/v2"
)

// This file finds the table in a user's template with the same header
// variants the reader uses, matched strictly (ParseColumnStrict), so the
// two agree on what a 任务分解表 header is.

// headerField says which column a header title names; ok is false for a
// title that names none (an unknown column is the template's own).
func headerField(title string) (Column, bool) {
	c := ParseColumnStrict(title)
	return c, c != ColUnknown
}

// tableHead is where a template's table sits.
type tableHead struct {
	sheet       string
	top, bottom int // the header's rows (two when it is two-level)
	left, right int // the table's columns
	fields      map[int]Column
	titles      map[int]string // every header title, known or not
}

// headScanRows is how far down a header is looked for: titles and notes
// above a table never run to 30 rows.
const headScanRows = 30

// findTable finds the header row on sheet (every sheet when ""), the one
// naming most of our columns, at least two. Merged cells lend their value
// to every cell they cover, so a two-level header reads column by column.
func findTable(f *excelize.File, sheet string) (tableHead, bool, error) {
	sheets := f.GetSheetList()
	if sheet != "" {
		sheets = []string{sheet}
	}
	var best tableHead
	bestScore := 1
	for _, sh := range sheets {
		grid, merges, err := headGrid(f, sh)
		if err != nil {
			return best, false, err
		}
		for r, row := range grid {
			seen := map[Column]bool{}
			for _, v := range row {
				if fd, ok := headerField(v); ok {
					seen[fd] = true
				}
			}
			if len(seen) > bestScore {
				bestScore = len(seen)
				best = headAt(sh, grid, merges, r+1)
			}
		}
	}
	return best, bestScore > 1, nil
}

// headGrid reads the top rows of a sheet with merged values spread out.
func headGrid(f *excelize.File, sheet string) ([][]string, []excelize.MergeCell, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var grid [][]string
	for len(grid) < headScanRows && rows.Next() {
		cols, err := rows.Columns()
		if err != nil {
			return nil, nil, err
		}
		grid = append(grid, cols)
	}
	merges, err := f.GetMergeCells(sheet)
	if err != nil {
		return nil, nil, err
	}
	for _, m := range merges {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || r1 > len(grid) {
			continue
		}
		v := m.GetCellValue()
		for r := r1; r <= min(r2, len(grid)); r++ {
			for c := c1; c <= c2; c++ {
				for len(grid[r-1]) < c {
					grid[r-1] = append(grid[r-1], "")
				}
				grid[r-1][c-1] = v
			}
		}
	}
	return grid, merges, nil
}

// headAt describes the header found on row r: it reaches down as far as
// the merges that cross row r, and each column takes the lowest title in
// it that names one of our columns.
func headAt(sheet string, grid [][]string, merges []excelize.MergeCell, r int) tableHead {
	h := tableHead{sheet: sheet, top: r, bottom: r, fields: map[int]Column{}, titles: map[int]string{}}
	for _, m := range merges {
		_, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		_, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 == nil && err2 == nil && r1 <= r && r <= r2 && r2 < r+4 {
			h.top, h.bottom = min(h.top, r1), max(h.bottom, r2)
		}
	}
	for row := h.top; row <= h.bottom && row <= len(grid); row++ {
		for i, v := range grid[row-1] {
			c := i + 1
			if strings.TrimSpace(v) == "" {
				continue
			}
			if h.left == 0 || c < h.left {
				h.left = c
			}
			h.right = max(h.right, c)
			if fd, ok := headerField(v); ok {
				h.fields[c] = fd
			}
			h.titles[c] = NormalizeHeader(v) // the lowest, most specific title

		}
	}
	return h
}
