package statsheet

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"fazhi/data"
	"fazhi/export/fileerr"
	"fazhi/export/safefile"
	"fazhi/export/workbook"
)

// UnitReturn is one unit's filled return as read for a 汇总.
type UnitReturn struct {
	Path   string
	Unit   string
	Values map[string]data.Value // by indicator code
	// Problems are the rules' findings on this return alone.
	Problems []data.Issue
	// Err is why the file could not be used; DuplicateOf names the file it
	// repeats (same unit or same content). Neither is summed.
	Err         error
	DuplicateOf string
}

// Summary is the 汇总 of many returns of one template.
type Summary struct {
	Units   []UnitReturn
	Total   map[string]data.Value
	Figures []data.Stat // the summed figures, rates recomputed
	Missing []string    // expected units with no return
}

var reUnitLabel = regexp.MustCompile(`^(填报单位|填表单位|报送单位|单位名称)(（盖章）|\(盖章\))?[:：]?(.*)$`)

// unitName finds the unit a return is from: the text after 填报单位 (in the
// cell or the one right of it), else the file name.
func unitName(wb *Workbook) string {
	for _, g := range wb.Sheets {
		for r := range g.Cells {
			for c := range g.Cells[r] {
				s := strings.Join(strings.Fields(g.Cells[r][c]), "")
				m := reUnitLabel.FindStringSubmatch(s)
				if m == nil {
					continue
				}
				if name := data.NormalizeName(m[3]); name != "" {
					return name
				}
				for cc := c + 1; cc < len(g.Cells[r]); cc++ {
					if name := data.NormalizeName(g.Cells[r][cc]); name != "" {
						return name
					}
				}
			}
		}
	}
	return strings.TrimSuffix(filepath.Base(wb.Path), filepath.Ext(wb.Path))
}

// Sum reads each return, maps it with m (every return is one template),
// checks it, and sums counts and amounts; rates are recomputed from the
// summed parts, never averaged. Returns that cannot be read, repeat another
// or break an 错误 rule are reported and not summed. expect (optional)
// names the units that should have sent one. A cancelled ctx stops the
// reading and returns ctx.Err(); nothing is written either way.
func Sum(ctx context.Context, paths []string, m data.TemplateMap, cat []data.Indicator, expect []string) (Summary, error) {
	var s Summary
	s.Total = map[string]data.Value{}
	seenUnit := map[string]string{}
	seenHash := map[[32]byte]string{}
	byCode := map[string]data.Indicator{}
	for _, ind := range cat {
		byCode[ind.Code] = ind
	}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return Summary{}, err
		}
		u := UnitReturn{Path: p}
		wb, err := ReadFile(p)
		if err != nil {
			u.Err = err
			s.Units = append(s.Units, u)
			continue
		}
		h, err := fileHash(p)
		if err != nil {
			u.Err = fileerr.New(fileerr.ErrUnreadable, fileerr.Workbook, p, err)
			s.Units = append(s.Units, u)
			continue
		}
		u.Unit = unitName(wb)
		if prev, ok := seenHash[h]; ok {
			u.DuplicateOf = prev
		} else if prev, ok := seenUnit[u.Unit]; ok {
			u.DuplicateOf = prev
		}
		seenHash[h], seenUnit[u.Unit] = p, p
		u.Values = map[string]data.Value{}
		var bad []string
		for _, in := range ReadValues(wb, m, cat) {
			ind := byCode[in.Name]
			if ind.Kind == data.KindText {
				u.Values[in.Name] = data.Value{Text: in.Text}
				continue
			}
			v, err := data.ParseFigure(in.Text)
			if err != nil {
				bad = append(bad, ind.Name+"“"+in.Text+"”："+data.Message(err))
				continue
			}
			u.Values[in.Name] = data.Value{Value: v}
		}
		if len(bad) > 0 {
			u.Err = userErr(ErrBadValue, "有无法识别的数值：%s", strings.Join(bad, "；"))
		}
		u.Problems = data.CheckStats(unitStats(cat, u.Values))
		s.Units = append(s.Units, u)
		if !u.Counted() {
			continue
		}
		for code, v := range u.Values {
			if k := byCode[code].Kind; k != data.KindCount && k != data.KindAmount {
				continue
			}
			t := s.Total[code]
			t.Value += v.Value
			s.Total[code] = t
		}
	}
	for _, e := range expect {
		e = data.NormalizeName(e)
		if _, ok := seenUnit[e]; !ok && e != "" {
			s.Missing = append(s.Missing, e)
		}
	}
	s.Figures = unitStats(cat, s.Total)
	return s, nil
}

// unitStats is one set of values as figures, rates computed from the
// parts; a return stands alone, with no last year to compare.
func unitStats(cat []data.Indicator, vals map[string]data.Value) []data.Stat {
	return data.ComputeStats(cat, [3]map[string]data.Value{vals})
}

// Counted reports whether a unit's return went into the totals.
func (u UnitReturn) Counted() bool {
	return u.Err == nil && u.DuplicateOf == "" && !data.HasErrors(u.Problems)
}

// Status says in words why a return was or was not summed.
func (u UnitReturn) Status() string {
	switch {
	case u.Err != nil:
		return "未汇总：" + data.Message(u.Err)
	case u.DuplicateOf != "":
		return "未汇总：与 " + filepath.Base(u.DuplicateOf) + " 重复"
	case data.HasErrors(u.Problems):
		var msgs []string
		for _, p := range u.Problems {
			if p.Severity == data.SevError {
				msgs = append(msgs, p.Message)
			}
		}
		return "未汇总（有错误）：" + strings.Join(msgs, "；")
	}
	return "已汇总"
}

// unitSheet is the name of the side-by-side sheet added to the summary.
const unitSheet = "各单位数据"

// WriteSummary fills the template with the totals and adds a sheet with
// each unit's figures side by side, its status, and the missing units. A
// cancelled ctx leaves no file behind.
func WriteSummary(ctx context.Context, templatePath string, m data.TemplateMap, cat []data.Indicator, s Summary, out string, replace bool) error {
	f, err := workbook.Edit(templatePath)
	if err != nil {
		return err
	}
	defer f.Close()
	byCode := map[string]data.Stat{}
	for _, fg := range s.Figures {
		byCode[fg.Code] = fg
	}
	for _, c := range m.Cells {
		if v, ok := cellValue(byCode[c.Code]); ok {
			if err := f.SetCellValue(c.Sheet, cellName(c.Col, c.Row), v); err != nil {
				return err
			}
		}
	}
	name := unitSheet
	for i := 2; slices.Contains(f.GetSheetList(), name); i++ {
		name = fmt.Sprintf("%s%d", unitSheet, i)
	}
	if _, err := f.NewSheet(name); err != nil {
		return err
	}
	header := []any{"指标", "代码", "单位", "汇总"}
	for _, u := range s.Units {
		header = append(header, orName(u))
	}
	rows := [][]any{header}
	perUnit := make([]map[string]data.Stat, len(s.Units))
	for i, u := range s.Units {
		perUnit[i] = map[string]data.Stat{}
		for _, st := range unitStats(cat, u.Values) {
			perUnit[i][st.Code] = st
		}
	}
	for _, fg := range s.Figures {
		row := []any{fg.Name, fg.Code, fg.Unit}
		if v, ok := cellValue(fg); ok {
			row = append(row, v)
		} else {
			row = append(row, "")
		}
		for i := range s.Units {
			if v, ok := cellValue(perUnit[i][fg.Code]); ok {
				row = append(row, v)
			} else {
				row = append(row, "")
			}
		}
		rows = append(rows, row)
	}
	status := []any{"汇总情况", "", "", ""}
	for _, u := range s.Units {
		status = append(status, u.Status())
	}
	rows = append(rows, nil, status)
	if len(s.Missing) > 0 {
		rows = append(rows, []any{"未报送单位", strings.Join(s.Missing, "、")})
	}
	for i, r := range rows {
		if r == nil {
			continue
		}
		if err := f.SetSheetRow(name, cellName(0, i), &r); err != nil {
			return err
		}
	}
	f.SetColWidth(name, "A", "A", 30)
	return safefile.WriteFile(out, replace, func(w io.Writer) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		return f.Write(w)
	})
}

func orName(u UnitReturn) string {
	if u.Unit != "" {
		return u.Unit
	}
	return filepath.Base(u.Path)
}

// fileHash tells two copies of one return apart from two units' returns.
func fileHash(path string) ([32]byte, error) {
	var sum [32]byte
	f, err := os.Open(path)
	if err != nil {
		return sum, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return sum, err
	}
	copy(sum[:], h.Sum(nil))
	return sum, nil
}
