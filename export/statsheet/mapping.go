package statsheet

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"fazhi/data"
)

// Proposal is a mapping found from a template's labels, with how each row
// was matched, for the clerk to check before it is kept.
type Proposal struct {
	data.TemplateMap
	How   map[string]string // code → exact, alias or similar
	Known bool              // the mapping came from the store (same layout as before)
}

// valueHeaders name a value column, best first.
var valueHeaders = []*regexp.Regexp{
	regexp.MustCompile(`^(本年|本期|本年度|本年累计|本期数|本年数|本年实际)(数|数值|数量)?$`),
	regexp.MustCompile(`^(数值|数量|数据|填报数|统计数|件数)$`),
	regexp.MustCompile(`^(20[0-9]{2})年?(度)?(数)?$`),
	regexp.MustCompile(`^(合计|总计|小计)$`),
}

// notValue names columns that are never values: codes and units.
var notValue = regexp.MustCompile(`^(栏次|行次|栏号|行号|代码|编号|序号|计量单位|单位|备注|说明|指标名称|指标|项目)$`)

var reDigits = regexp.MustCompile(`[0-9]+`)

// headerRows is how far down a value column's header is looked for.
const headerRows = 15

// Propose maps a template's label rows to indicators. A mapping kept for the
// same layout (fingerprint) wins; otherwise labels are matched exactly, by
// alias, then by similarity, and each gets the cell in the value column of
// its sheet (or, without one, the first cell right of the label that is
// empty or a number).
func Propose(wb *Workbook, cat []data.Indicator, kept func(fingerprint string) (data.TemplateMap, bool)) Proposal {
	fp := Fingerprint(wb)
	if kept != nil {
		if m, ok := kept(fp); ok {
			return Proposal{TemplateMap: m, Known: true}
		}
	}
	m := newMatcher(cat)
	p := Proposal{TemplateMap: data.TemplateMap{Fingerprint: fp, Name: wb.Path}, How: map[string]string{}}
	taken := map[string]bool{}
	for _, g := range wb.Sheets {
		valueCol, headerRow := findValueColumn(g)
		for r := range g.Cells {
			if r <= headerRow {
				continue
			}
			code, how, labelCol, label := "", "", -1, ""
			for c := 0; c < len(g.Cells[r]) && c < 4; c++ {
				cl := CleanLabel(g.Cells[r][c])
				if cl == "" || isNumber(cl) {
					continue
				}
				if k, h, _ := m.match(cl); k != "" && (code == "" || rank(h) < rank(how)) {
					code, how, labelCol, label = k, h, c, strings.TrimSpace(g.Cells[r][c])
				}
			}
			if code == "" || taken[code] {
				continue
			}
			col := valueCol
			if col < 0 || col <= labelCol {
				col = firstValueCell(g, r, labelCol)
			}
			if col < 0 {
				continue
			}
			taken[code] = true
			p.Cells = append(p.Cells, data.MappedCell{Sheet: g.Sheet, Row: r, Col: col, Code: code, Label: label})
			p.How[code] = how
		}
	}
	return p
}

func rank(how string) int {
	switch how {
	case HowExact:
		return 0
	case HowAlias:
		return 1
	}
	return 2
}

// findValueColumn looks in the first rows for the header of the value
// column; -1 when there is none.
func findValueColumn(g Grid) (col, row int) {
	for _, re := range valueHeaders {
		for r := 0; r < len(g.Cells) && r < headerRows; r++ {
			for c := range g.Cells[r] {
				h := CleanLabel(g.Cells[r][c])
				if re.MatchString(h) && !notValue.MatchString(h) {
					return c, r
				}
			}
		}
	}
	return -1, -1
}

// firstValueCell is the first cell right of the label that is empty or a
// number and whose column is not headed as a code or unit column.
func firstValueCell(g Grid, r, labelCol int) int {
	for c := labelCol + 1; c < len(g.Cells[r]) || c <= labelCol+1; c++ {
		v := strings.TrimSpace(g.at(r, c))
		if v != "" && !isNumber(CleanLabel(v)) {
			continue
		}
		if headedAsCode(g, c) {
			continue
		}
		return c
	}
	return -1
}

func headedAsCode(g Grid, c int) bool {
	for r := 0; r < len(g.Cells) && r < headerRows; r++ {
		if notValue.MatchString(CleanLabel(g.at(r, c))) && CleanLabel(g.at(r, c)) != "" {
			return true
		}
	}
	return false
}

func isNumber(s string) bool {
	_, err := data.ParseFigure(s)
	return err == nil
}

// Fingerprint identifies a template layout by its labels: sheet names and
// the cleaned text cells of the first four columns, in order. Next year's
// copy of the same return, and a unit's filled copy, have the same one:
// digits are left out (the year in a title), so are the value column and
// what follows a form label (填报单位：甲村).
func Fingerprint(wb *Workbook) string {
	h := sha256.New()
	for _, g := range wb.Sheets {
		h.Write([]byte(g.Sheet + "\x00"))
		valueCol, _ := findValueColumn(g)
		for r := range g.Cells {
			for c := 0; c < len(g.Cells[r]) && c < 4; c++ {
				if c == valueCol || (c > 0 && isFormLabel(g.Cells[r][c-1])) {
					continue
				}
				text, _, _ := strings.Cut(strings.ReplaceAll(g.Cells[r][c], ":", "："), "：")
				if cl := CleanLabel(text); cl != "" && !isNumber(cl) {
					h.Write([]byte(reDigits.ReplaceAllString(cl, "") + "\x01"))
				}
			}
			h.Write([]byte{'\n'})
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:20]
}

// isFormLabel: a cell such as 填报单位： whose right neighbour is filled in.
func isFormLabel(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasSuffix(s, "：") || strings.HasSuffix(s, ":")
}

// Set puts an indicator at a cell, replacing where the proposal had it: the
// clerk's correction of a mapping the labels got wrong or could not find
// (a cross-table such as the 行政复议 return, whose 合计 row and 受理
// column meet in the cell the indicator fills).
func (p *Proposal) Set(code, sheet string, row, col int) {
	p.Unset(code)
	p.Cells = append(p.Cells, data.MappedCell{Sheet: sheet, Row: row, Col: col, Code: code, Label: "（手工指定）"})
	if p.How == nil {
		p.How = map[string]string{}
	}
	p.How[code] = HowManual
	p.Known = false
}

// Unset drops an indicator from the mapping (a similar label that is not
// the same thing).
func (p *Proposal) Unset(code string) {
	p.Cells = slices.DeleteFunc(p.Cells, func(c data.MappedCell) bool { return c.Code == code })
	delete(p.How, code)
	p.Known = false
}

var reCellRef = regexp.MustCompile(`^(?:(.+)!)?\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$`)

// ParseCell reads a cell the way Excel shows it, E12 or 表1!E12 (a name
// without a sheet means the workbook's first sheet), and checks the sheet
// exists, so a typo is caught before anything is written.
func ParseCell(wb *Workbook, ref string) (sheet string, row, col int, err error) {
	m := reCellRef.FindStringSubmatch(strings.TrimSpace(ref))
	if m == nil {
		return "", 0, 0, userErr(ErrBadCell, "“%s”不是单元格地址，请写成 E12 或 工作表名!E12。", ref)
	}
	c, r, e := excelize.CellNameToCoordinates(strings.ToUpper(m[2]) + m[3])
	if e != nil {
		return "", 0, 0, userErr(ErrBadCell, "“%s”不是单元格地址，请写成 E12 或 工作表名!E12。", ref)
	}
	sheet = strings.Trim(m[1], "'")
	if sheet == "" && len(wb.Sheets) > 0 {
		sheet = wb.Sheets[0].Sheet
	}
	for _, g := range wb.Sheets {
		if g.Sheet == sheet {
			return sheet, r - 1, c - 1, nil
		}
	}
	return "", 0, 0, userErr(ErrBadCell, "模板中没有名为“%s”的工作表，请核对工作表名（在 Excel 窗口下方的标签上）。", sheet)
}

// CellName is a zero-based cell as Excel names it (E12), for showing a
// mapping.
func CellName(col, row int) string { return cellName(col, row) }

// ProposeFor maps a workbook against the store's catalogue, using the
// mapping kept for its layout when there is one: what the command line and
// the window both start from.
func ProposeFor(s *data.Store, wb *Workbook) (Proposal, []data.Indicator, error) {
	cat, err := s.Indicators()
	if err != nil {
		return Proposal{}, nil, err
	}
	p := Propose(wb, cat, func(fp string) (data.TemplateMap, bool) {
		m, ok, _ := s.TemplateMapFor(fp)
		return m, ok
	})
	return p, cat, nil
}

// Keep saves a mapping that is new or was corrected, so the same layout
// maps itself next year; a mapping read from the store is left alone.
func (p Proposal) Keep(s *data.Store) error {
	if p.Known {
		return nil
	}
	return s.SaveTemplateMap(p.TemplateMap)
}
