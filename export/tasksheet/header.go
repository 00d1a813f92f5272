package tasksheet

import (
	"strconv"
	"strings"

	"fazhi/export/workbook"
)

// grid answers "what does the clerk see in this cell" for a sheet: the value
// of the merge covering a cell, and whether that merge began on an earlier
// row (so a continuation row does not read the same text twice).
type grid struct {
	s      *workbook.Sheet
	cover  map[[2]int]int // (row, col) → index into s.Merges, for covered cells
	hidden map[int]bool
	w      int // width, computed once
}

// maxMergeCells bounds the cells a hostile file's merges may cover in our
// index; a real table covers a few thousand.
const maxMergeCells = 2_000_000

func newGrid(s *workbook.Sheet) *grid {
	g := &grid{s: s, cover: map[[2]int]int{}, hidden: map[int]bool{}}
	n := 0
merges:
	for i, m := range s.Merges {
		if m.FirstRow < 0 || m.FirstCol < 0 || m.LastRow < m.FirstRow || m.LastCol < m.FirstCol {
			continue
		}
		// Clip to the sheet's extent: cells beyond it hold nothing to spread.
		last := min(m.LastRow, len(s.Rows)+1)
		for r := m.FirstRow; r <= last; r++ {
			for c := m.FirstCol; c <= min(m.LastCol, m.FirstCol+256); c++ {
				if n++; n > maxMergeCells {
					break merges
				}
				if _, ok := g.cover[[2]int{r, c}]; !ok {
					g.cover[[2]int{r, c}] = i
				}
			}
		}
	}
	for _, r := range s.HiddenRows {
		g.hidden[r] = true
	}
	g.w = g.measure()
	return g
}

func (g *grid) raw(r, c int) string {
	if r < 0 || r >= len(g.s.Rows) || c < 0 || c >= len(g.s.Rows[r]) {
		return ""
	}
	return g.s.Rows[r][c]
}

// at is the value shown at (r, c) and whether it comes from a merge that
// started on a row above r.
func (g *grid) at(r, c int) (string, bool) {
	if i, ok := g.cover[[2]int{r, c}]; ok {
		m := g.s.Merges[i]
		return strings.TrimSpace(g.raw(m.FirstRow, m.FirstCol)), m.FirstRow < r
	}
	return strings.TrimSpace(g.raw(r, c)), false
}

func (g *grid) merge(r, c int) (workbook.Merge, bool) {
	if i, ok := g.cover[[2]int{r, c}]; ok {
		return g.s.Merges[i], true
	}
	return workbook.Merge{}, false
}

func (g *grid) width() int { return g.w }

func (g *grid) measure() int {
	w := 0
	for _, row := range g.s.Rows {
		w = max(w, len(row))
	}
	for _, m := range g.s.Merges {
		if m.FirstRow < len(g.s.Rows) {
			w = max(w, min(m.LastCol, m.FirstCol+256)+1)
		}
	}
	return min(w, 16384)
}

// Header is where a table's header sits on a sheet and what its columns mean.
type Header struct {
	Sheet   string
	Rows    []int // zero-based header rows: one, or two for a two-level header
	Columns []HeaderColumn
	// Score counts the distinct known meanings found; the best sheet wins.
	Score int
}

// HeaderColumn is one column of the table.
type HeaderColumn struct {
	Index   int    // zero-based column
	Text    string // the header as written (both levels joined with “/”)
	Meaning Column
	// Overridden is true when the caller set the meaning (the clerk changed
	// it in the preview); reading does not second-guess it.
	Overridden bool
}

// Letter is the column's spreadsheet name (A, B, … AA), as the clerk sees it.
func (h HeaderColumn) Letter() string { return ColumnLetter(h.Index) }

// ColumnLetter names a zero-based column index the way spreadsheets do.
func ColumnLetter(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

// ParseColumnLetter reads A, b, AA… back to a zero-based index.
func ParseColumnLetter(s string) (int, bool) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if s == "" || len(s) > 3 {
		if n, err := strconv.Atoi(s); err == nil && n >= 1 && n <= 16384 {
			return n - 1, true
		}
		return 0, false
	}
	n := 0
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			if v, err := strconv.Atoi(s); err == nil && v >= 1 && v <= 16384 {
				return v - 1, true
			}
			return 0, false
		}
		n = n*26 + int(r-'A'+1)
	}
	return n - 1, n >= 1 && n <= 16384
}

// headerScanRows is how far down a sheet the header is looked for: title
// rows and a note or two come first, never pages of them.
const headerScanRows = 40

// FindHeader looks for the header row of a 任务分解表 on s: the row (or
// pair of rows joined through merged cells) whose cells name the most known
// columns. A header needs a task column and at least one other known one,
// so a title such as 2024年任务分解表 merged across the sheet never counts.
func FindHeader(s *workbook.Sheet) (Header, bool) {
	return findHeader(newGrid(s), s.Name)
}

func findHeader(g *grid, name string) (Header, bool) {
	best := Header{Sheet: name}
	w := g.width()
	rows := min(len(g.s.Rows), headerScanRows)
	for r := 0; r < rows; r++ {
		one := headerAt(g, w, []int{r})
		if better(one, best) {
			best = one
		}
		if r+1 < len(g.s.Rows) && twoLevel(g, w, r) {
			two := headerAt(g, w, []int{r, r + 1})
			if two.Score >= one.Score && better(two, best) {
				best = two
			}
		}
	}
	best.Sheet = name
	return best, best.Score > 0
}

func better(h, than Header) bool {
	return h.Score > than.Score
}

// twoLevel: row r has a merge reaching down into r+1 (序号 over two rows)
// or spanning columns that row r+1 names one by one (责任单位 over 牵头 and
// 配合).
// A row with a single distinct value is a title merged across the table,
// never the upper level of a header.
func twoLevel(g *grid, w, r int) bool {
	distinct := map[string]bool{}
	for c := 0; c < w && len(distinct) < 2; c++ {
		if v, _ := g.at(r, c); v != "" {
			distinct[v] = true
		}
	}
	if len(distinct) < 2 {
		return false
	}
	for c := 0; c < w; c++ {
		m, ok := g.merge(r, c)
		if !ok || m.FirstRow != r {
			continue
		}
		if m.LastRow > r {
			return true
		}
		if m.LastCol > m.FirstCol {
			for cc := m.FirstCol; cc <= min(m.LastCol, w-1); cc++ {
				if v, _ := g.at(r+1, cc); v != "" {
					return true
				}
			}
		}
	}
	return false
}

// headerAt reads rows as a header and scores it.
func headerAt(g *grid, w int, rows []int) Header {
	h := Header{Rows: rows}
	seen := map[Column]bool{}
	for c := 0; c < w; c++ {
		text, meaning := headerCell(g, rows, c)
		if text == "" {
			continue
		}
		h.Columns = append(h.Columns, HeaderColumn{Index: c, Text: text, Meaning: meaning})
		if meaning != ColUnknown {
			seen[meaning] = true
		}
	}
	if !seen[ColTask] || len(seen) < 2 {
		return Header{Rows: rows}
	}
	h.Score = len(seen)
	return h
}

// headerCell joins a column's header top-down: the lower level is the more
// specific (牵头单位 under 责任单位), so its meaning wins when it has one.
func headerCell(g *grid, rows []int, c int) (string, Column) {
	upper, _ := g.at(rows[0], c)
	if len(rows) == 1 {
		return NormalizeHeader(upper), ParseColumn(upper)
	}
	lower, _ := g.at(rows[1], c)
	upper, lower = NormalizeHeader(upper), NormalizeHeader(lower)
	switch {
	case lower == "" || lower == upper:
		return upper, ParseColumn(upper)
	case upper == "":
		return lower, ParseColumn(lower)
	}
	text := upper + "/" + lower
	if m := ParseColumn(lower); m != ColUnknown {
		return text, m
	}
	if m := ParseColumn(upper + lower); m != ColUnknown {
		return text, m
	}
	return text, ParseColumn(upper)
}
