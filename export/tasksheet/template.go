package tasksheet

import (
	"io"
	"regexp"
	"slices"
	"strings"

	"fazhi/export/fileerr"
	"fazhi/export/workbook"
	"github.com/xuri/excelize/v2"
)

// Filled says what FillTemplate did, for the clerk to check.
type Filled struct {
	Sheet     string
	HeaderRow int      // the header's last row
	Columns   []string // the template's titles we filled, left to right
	Missing   []string // our columns with content the template has no place for
	Rows      int      // rows written (tasks and chapter rows)
	Inserted  int      // of those, rows inserted below the template's blank rows
}

// FillTemplate writes the year's tasks into a copy of the user's template
// (its header found by the column titles, on sheet or on any sheet when
// sheet is ""). The template keeps its title, header, styles, column widths,
// merged cells, print setup, validations and every cell outside the rows
// the tasks take: its blank rows under the header first, then rows
// inserted above whatever follows (a 填报单位 line, a 保留格式 row). Every
// row takes the style and height of the template's first data row.
func FillTemplate(w io.Writer, path string, in Export, sheet string) (Filled, error) {
	f, err := workbook.Edit(path)
	if err != nil {
		return Filled{}, err
	}
	defer f.Close()
	if sheet != "" && !slices.Contains(f.GetSheetList(), sheet) {
		return Filled{}, errNoSheet(path, sheet, f.GetSheetList())
	}
	h, ok, err := findTable(f, sheet)
	if err != nil {
		return Filled{}, fileerr.New(fileerr.ErrDamaged, fileerr.Template, path, err)
	}
	if !ok {
		return Filled{}, fileerr.New(ErrTemplateNoHeader, fileerr.Template, path, nil)
	}
	res, err := in.fill(f, h)
	if err != nil {
		// The template's own parts were what excelize could not handle.
		return res, fileerr.New(fileerr.ErrDamaged, fileerr.Template, path, err)
	}
	_, err = f.WriteTo(w)
	return res, err
}

// templateColumn is one column of the template's table and what it gets.
type templateColumn struct {
	col   int
	what  column
	width float64
}

// plan decides which template column gets which of our fields: the first
// column naming a field, and unknown titles matched to the tasks' extra
// columns by name.
func (in Export) plan(f *excelize.File, h tableHead) ([]templateColumn, Filled, error) {
	res := Filled{Sheet: h.sheet, HeaderRow: h.bottom}
	extraKeys := map[string]string{}
	for _, t := range in.Tasks {
		for k := range t.Extra {
			extraKeys[NormalizeHeader(k)] = k
		}
	}
	taken := map[Column]bool{}
	var cols []templateColumn
	for c := h.left; c <= h.right; c++ {
		name, _ := excelize.ColumnNumberToName(c)
		w, err := f.GetColWidth(h.sheet, name)
		if err != nil {
			return nil, res, err
		}
		tc := templateColumn{col: c, width: w, what: column{field: -1}}
		if fd, ok := h.fields[c]; ok && !taken[fd] {
			taken[fd] = true
			tc.what = column{field: fd, title: h.titles[c]}
			if fd == ColNote {
				tc.what.key = remarkKey
			}
		} else if k, ok := extraKeys[h.titles[c]]; ok && h.titles[c] != "" {
			tc.what = column{field: ColUnknown, title: h.titles[c], key: k}
		}
		if tc.what.field >= 0 {
			res.Columns = append(res.Columns, h.titles[c])
		}
		cols = append(cols, tc)
	}
	for _, c := range columns(in.Tasks) {
		if taken[c.field] || c.field == ColNo || c.field == ColUnknown {
			continue
		}
		for _, t := range in.Tasks {
			if in.cellText(t, c) != "" {
				res.Missing = append(res.Missing, c.title)
				break
			}
		}
	}
	return cols, res, nil
}

func (in Export) fill(f *excelize.File, h tableHead) (Filled, error) {
	sheet := h.sheet
	cols, res, err := in.plan(f, h)
	if err != nil {
		return res, err
	}
	need := 0
	chapter := "\x00"
	for _, t := range in.Tasks {
		if t.Chapter != chapter {
			chapter = t.Chapter
			if chapter != "" {
				need++
			}
		}
		need++
	}
	res.Rows = need
	first := h.bottom + 1

	// The template's first data row lends its look to all of ours.
	styles := map[int]int{}
	for _, c := range cols {
		cell, _ := excelize.CoordinatesToCellName(c.col, first)
		if styles[c.col], err = f.GetCellStyle(sheet, cell); err != nil {
			return res, err
		}
	}
	height, err := f.GetRowHeight(sheet, first)
	if err != nil {
		return res, err
	}
	dvs, err := f.GetDataValidations(sheet)
	if err != nil {
		return res, err
	}
	var rowDVs []*excelize.DataValidation // the validations of the first data row
	for _, dv := range dvs {
		if coversRow(dv.Sqref, first) {
			rowDVs = append(rowDVs, dv)
		}
	}

	blank, err := blankRows(f, h, first, need)
	if err != nil {
		return res, err
	}
	if res.Inserted = need - blank; res.Inserted > 0 {
		if err := f.InsertRows(sheet, first+blank, res.Inserted); err != nil {
			return res, err
		}
	}
	last := first + need - 1
	if need > 0 {
		for _, c := range cols {
			top, _ := excelize.CoordinatesToCellName(c.col, first)
			bottom, _ := excelize.CoordinatesToCellName(c.col, last)
			if err := f.SetCellStyle(sheet, top, bottom, styles[c.col]); err != nil {
				return res, err
			}
		}
	}

	row := first
	chapter = "\x00"
	widths := make([]float64, len(cols))
	for i, c := range cols {
		widths[i] = c.width
	}
	for _, t := range in.Tasks {
		if t.Chapter != chapter {
			chapter = t.Chapter
			if chapter != "" {
				left, _ := excelize.CoordinatesToCellName(h.left, row)
				right, _ := excelize.CoordinatesToCellName(h.right, row)
				if err := f.SetCellStr(sheet, left, in.chapterTitle(chapter)); err != nil {
					return res, err
				}
				if h.right > h.left {
					if err := f.MergeCell(sheet, left, right); err != nil {
						return res, err
					}
				}
				if err := f.SetRowHeight(sheet, row, height); err != nil {
					return res, err
				}
				row++
			}
		}
		most := 1
		for i, c := range cols {
			cell, _ := excelize.CoordinatesToCellName(c.col, row)
			switch {
			case c.what.field < 0:
				continue
			case c.what.field == ColNo && t.No > 0:
				err = f.SetCellInt(sheet, cell, int64(t.No))
			default:
				text := in.cellText(t, c.what)
				if text == "" {
					continue
				}
				// SetCellStr stores text, never a formula: a task that
				// begins with = + - @ stays as written.
				err = f.SetCellStr(sheet, cell, text)
				most = max(most, lines(text, widths[i]))
			}
			if err != nil {
				return res, err
			}
		}
		if err := f.SetRowHeight(sheet, row, max(height, min(ptMaxRow, float64(most)*ptPerLine+ptRowMargin))); err != nil {
			return res, err
		}
		row++
	}

	// Rows inserted below the template's own data rows have no validation
	// (excelize stretches a validation only across an insertion inside
	// it): give them those of the first data row.
	if res.Inserted > 0 {
		from := first + blank
		to := from + res.Inserted - 1
		for _, dv := range rowDVs {
			if coversRow(dv.Sqref, from) && coversRow(dv.Sqref, to) {
				continue // stretched already
			}
			var refs []string
			for _, r := range strings.Fields(dv.Sqref) {
				c1, c2, ok := rangeCols(r, first)
				if !ok {
					continue
				}
				a, _ := excelize.CoordinatesToCellName(c1, from)
				b, _ := excelize.CoordinatesToCellName(c2, to)
				refs = append(refs, a+":"+b)
			}
			if len(refs) == 0 {
				continue
			}
			more := *dv
			more.Sqref = strings.Join(refs, " ")
			more.Formula1, more.Formula2 = rawFormula(dv.Formula1), rawFormula(dv.Formula2)
			if err := f.AddDataValidation(sheet, &more); err != nil {
				return res, err
			}
		}
	}
	return res, nil
}

// blankRows counts the template's empty rows from first on (at most
// need): no value, no formula, no merge in the table's columns. These are
// ours to fill; the first row that is not blank stays where it is, below.
func blankRows(f *excelize.File, h tableHead, first, need int) (int, error) {
	merges, err := f.GetMergeCells(h.sheet)
	if err != nil {
		return 0, err
	}
	merged := map[int]bool{}
	for _, m := range merges {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || c2 < h.left || c1 > h.right || r2 < first || r1 > first+need {
			continue
		}
		for r := max(r1, first); r <= r2 && r <= first+need; r++ {
			merged[r] = true
		}
	}
	n := 0
	for ; n < need; n++ {
		r := first + n
		if merged[r] {
			return n, nil
		}
		for c := h.left; c <= h.right; c++ {
			cell, _ := excelize.CoordinatesToCellName(c, r)
			v, err := f.GetCellValue(h.sheet, cell, excelize.Options{RawCellValue: true})
			if err != nil {
				return n, err
			}
			fm, err := f.GetCellFormula(h.sheet, cell)
			if err != nil {
				return n, err
			}
			if strings.TrimSpace(v) != "" || fm != "" {
				return n, nil
			}
		}
	}
	return n, nil
}

// coversRow reports whether a space-separated list of ranges (a
// validation's sqref) reaches row r in any column.
func coversRow(sqref string, r int) bool {
	for _, ref := range strings.Fields(sqref) {
		if _, _, ok := rangeCols(ref, r); ok {
			return true
		}
	}
	return false
}

// rangeCols gives the columns of a range (A1 or A1:C9) when it reaches row r.
func rangeCols(ref string, r int) (int, int, bool) {
	a, b, isRange := strings.Cut(ref, ":")
	if !isRange {
		b = a
	}
	c1, r1, err1 := excelize.CellNameToCoordinates(strings.ReplaceAll(a, "$", ""))
	c2, r2, err2 := excelize.CellNameToCoordinates(strings.ReplaceAll(b, "$", ""))
	if err1 != nil || err2 != nil || r < min(r1, r2) || r > max(r1, r2) {
		return 0, 0, false
	}
	return min(c1, c2), max(c1, c2), true
}

// entity is an XML character or entity reference at the start of a string.
var entity = regexp.MustCompile(`^&(#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);`)

// rawFormula undoes what excelize's GetDataValidations does to a formula,
// for AddDataValidation, which stores its argument as raw XML: &, < and >
// are escaped again (entities the file already had, as WPS writes &quot;,
// are left as they are), and a quoted list gets its doubled quotes back.
func rawFormula(s string) string {
	if len(s) >= 2 && strings.HasPrefix(s, `"`) && strings.HasSuffix(s, `"`) {
		s = `"` + strings.ReplaceAll(s[1:len(s)-1], `"`, `""`) + `"`
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '&' && !entity.MatchString(s[i:]):
			b.WriteString("&amp;")
		case s[i] == '<':
			b.WriteString("&lt;")
		case s[i] == '>':
			b.WriteString("&gt;")
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}
