package tasksheet

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fazhi/internal/testfiles"

	"fazhi/export/fileerr"
	"fazhi/export/workbook"
	"github.com/xuri/excelize/v2"
	"io/fs"
)

func fixture(t testing.TB, name string) string { return testfiles.Fixture(t, name) }

const wpsLedger = "soe_procurement_ledger_3sheets_WPS_redacted.xlsx"

// madeTemplate is a county's template as offices make them: a merged
// title, a two-level header with spaces and line breaks in its titles and
// an unknown 分管领导 column, five bordered blank rows with a drop-down,
// a 填报单位 line right below them, landscape print setup with repeated header rows.
func madeTemplate(t testing.TB) string {
	f := excelize.NewFile()
	defer f.Close()
	sh := "附件1"
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", sh))
	cells := map[string]string{
		"A1": "XX镇2024年法治政府建设重点任务分解表", "A2": "序 号", "B2": "重点\n任务", "C2": "责任单位", "C3": "牵头单位",
		"D3": "配合单位", "E2": "完成时限", "F2": "完成情况", "G2": "分管领导", "A9": "填报单位（盖章）：", "E9": "填报日期：",
	}
	for c, v := range cells {
		must(f.SetCellStr(sh, c, v))
	}
	for _, m := range [][2]string{{"A1", "G1"}, {"A2", "A3"}, {"B2", "B3"}, {"C2", "D2"}, {"E2", "E3"}, {"F2", "F3"}, {"G2", "G3"}} {
		must(f.MergeCell(sh, m[0], m[1]))
	}
	border := []excelize.Border{{Type: "left", Style: 1}, {Type: "right", Style: 1}, {Type: "top", Style: 1}, {Type: "bottom", Style: 1}}
	head, _ := f.NewStyle(&excelize.Style{Border: border, Font: &excelize.Font{Bold: true, Family: "黑体"}})
	body, _ := f.NewStyle(&excelize.Style{Border: border, Font: &excelize.Font{Family: "仿宋_GB2312", Size: 12}, Alignment: &excelize.Alignment{WrapText: true}})
	must(f.SetCellStyle(sh, "A2", "G3", head))
	must(f.SetCellStyle(sh, "A4", "G8", body))
	for r := 4; r <= 8; r++ {
		must(f.SetRowHeight(sh, r, 40))
	}
	must(f.SetColWidth(sh, "B", "B", 50))
	must(f.SetColWidth(sh, "F", "F", 30))
	dv := excelize.NewDataValidation(true)
	dv.Sqref = "G4:G8"
	must(dv.SetDropList([]string{"张副镇长", "李副镇长", "王委员"}))
	must(f.AddDataValidation(sh, dv))
	orient, size := "landscape", 9
	must(f.SetPageLayout(sh, &excelize.PageLayoutOptions{Orientation: &orient, Size: &size}))
	must(f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sh, RefersTo: "附件1!$2:$3"}))
	path := filepath.Join(t.TempDir(), "模板.xlsx")
	must(f.SaveAs(path))
	return path
}

// cellInfo is what the template fill must keep of a template cell.
type cellInfo struct{ value, formula, style string }

// snapshot reads every cell of a sheet up to its last row and column.
func snapshot(t testing.TB, f *excelize.File, sheet string) map[[2]int]cellInfo {
	t.Helper()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	out := map[[2]int]cellInfo{}
	for r := 1; r <= len(rows)+1; r++ {
		for c := 1; c <= width+1; c++ {
			cell, _ := excelize.CoordinatesToCellName(c, r)
			v, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
			fm, _ := f.GetCellFormula(sheet, cell)
			id, _ := f.GetCellStyle(sheet, cell)
			st, _ := f.GetStyle(id)
			js, _ := json.Marshal(st) // the style's content, not its pointers
			out[[2]int{r, c}] = cellInfo{v, fm, fmt.Sprintf("%d %s", id, js)}
		}
	}
	return out
}

// shiftRef moves the rows of a reference (A3:B9 C4, or a defined name's
// 'x'!$A$1:$X$30) at or below from down by n.
func shiftRef(ref string, from, n int) string {
	var out []byte
	for i := 0; i < len(ref); {
		j := i
		for j < len(ref) && ref[j] >= '0' && ref[j] <= '9' {
			j++
		}
		if j > i && i > 0 && (ref[i-1] == '$' || (ref[i-1] >= 'A' && ref[i-1] <= 'Z')) {
			var r int
			fmt.Sscan(ref[i:j], &r)
			if r >= from {
				r += n
			}
			out = append(out, fmt.Sprint(r)...)
			i = j
			continue
		}
		out = append(out, ref[i])
		i++
	}
	return string(out)
}

// keptTemplate compares a filled workbook with its template: every sheet,
// every cell outside the rows the tasks own (moved down by the inserted
// rows), merges, validations, defined names, widths, heights, page setup
// and panes.
func keptTemplate(t *testing.T, tmpl, out *excelize.File, res Filled) {
	t.Helper()
	first := res.HeaderRow + 1
	blank := res.Rows - res.Inserted
	move := func(sheet string, r int) (int, bool) {
		switch {
		case sheet != res.Sheet || r < first:
			return r, true
		case r < first+blank:
			return 0, false // ours
		}
		return r + res.Inserted, true
	}
	if !slices.Equal(tmpl.GetSheetList(), out.GetSheetList()) {
		t.Fatalf("sheets %v became %v", tmpl.GetSheetList(), out.GetSheetList())
	}
	for _, sh := range tmpl.GetSheetList() {
		before, after := snapshot(t, tmpl, sh), snapshot(t, out, sh)
		for at, want := range before {
			r, ok := move(sh, at[0])
			if !ok {
				continue
			}
			if got := after[[2]int{r, at[1]}]; got != want {
				name, _ := excelize.CoordinatesToCellName(at[1], at[0])
				t.Errorf("%s!%s (now row %d) changed:\n was %+v\n now %+v", sh, name, r, want, got)
			}
		}
		for r := 1; r <= 40; r++ {
			nr, ok := move(sh, r)
			if !ok {
				continue
			}
			h1, _ := tmpl.GetRowHeight(sh, r)
			h2, _ := out.GetRowHeight(sh, nr)
			if h1 != h2 {
				t.Errorf("%s row %d height %v became %v", sh, r, h1, h2)
			}
		}
		for c := 1; c <= 45; c++ {
			name, _ := excelize.ColumnNumberToName(c)
			w1, _ := tmpl.GetColWidth(sh, name)
			w2, _ := out.GetColWidth(sh, name)
			if w1 != w2 {
				t.Errorf("%s column %s width %v became %v", sh, name, w1, w2)
			}
		}
		shift := func(ref string) string {
			if sh != res.Sheet || res.Inserted == 0 {
				return ref
			}
			return shiftRef(ref, first+blank, res.Inserted)
		}
		m1, _ := tmpl.GetMergeCells(sh)
		m2, _ := out.GetMergeCells(sh)
		var outMerges []string
		for _, m := range m2 {
			outMerges = append(outMerges, m.GetStartAxis()+":"+m.GetEndAxis()+"="+m.GetCellValue())
		}
		for _, m := range m1 {
			want := shift(m.GetStartAxis()+":"+m.GetEndAxis()) + "=" + m.GetCellValue()
			if !slices.Contains(outMerges, want) {
				t.Errorf("%s merge %s lost (have %v)", sh, want, outMerges)
			}
		}
		d1, _ := tmpl.GetDataValidations(sh)
		d2, _ := out.GetDataValidations(sh)
		for _, dv := range d1 {
			want := *dv
			want.Sqref = normSqref(shift(dv.Sqref))
			found := false
			for _, got := range d2 {
				g := *got
				g.Sqref = normSqref(g.Sqref)
				found = found || g == want
			}
			if !found {
				t.Errorf("%s validation %+v lost", sh, want)
			}
		}
		p1, _ := tmpl.GetPageLayout(sh)
		p2, _ := out.GetPageLayout(sh)
		if fmt.Sprint(deref(p1)) != fmt.Sprint(deref(p2)) {
			t.Errorf("%s page layout %v became %v", sh, deref(p1), deref(p2))
		}
		g1, _ := tmpl.GetPageMargins(sh)
		g2, _ := out.GetPageMargins(sh)
		if fmt.Sprint(deref(g1)) != fmt.Sprint(deref(g2)) {
			t.Errorf("%s margins changed", sh)
		}
		v1, _ := tmpl.GetPanes(sh)
		v2, _ := out.GetPanes(sh)
		if fmt.Sprint(v1) != fmt.Sprint(v2) {
			t.Errorf("%s panes %+v became %+v", sh, v1, v2)
		}
	}
	names := map[string]string{}
	for _, n := range out.GetDefinedName() {
		names[n.Scope+"|"+n.Name] = n.RefersTo
	}
	for _, n := range tmpl.GetDefinedName() {
		want := n.RefersTo
		if strings.Contains(want, res.Sheet+"!") && res.Inserted > 0 {
			want = shiftRef(want, first+blank, res.Inserted)
		}
		if got := names[n.Scope+"|"+n.Name]; got != want {
			t.Errorf("defined name %s (%s) %q became %q", n.Name, n.Scope, want, got)
		}
	}
}

// normSqref writes every single cell of a reference list as a range, as
// excelize does when it moves them (S22 → S28:S28).
func normSqref(s string) string {
	refs := strings.Fields(s)
	for i, r := range refs {
		if !strings.Contains(r, ":") {
			refs[i] = r + ":" + r
		}
	}
	return strings.Join(refs, " ")
}

// deref turns the pointer fields of an options struct into values, so two
// of them compare by what they say.
func deref(v any) string { return fmt.Sprint(derefFields(v)) }

func derefFields(v any) []string {
	var out []string
	switch o := v.(type) {
	case excelize.PageLayoutOptions:
		for _, p := range []*uint{o.FirstPageNumber, o.AdjustTo} {
			out = append(out, ptr(p))
		}
		for _, p := range []*int{o.Size, o.FitToHeight, o.FitToWidth} {
			out = append(out, ptr(p))
		}
		out = append(out, ptr(o.Orientation), ptr(o.PageOrder), ptr(o.BlackAndWhite))
	case excelize.PageLayoutMarginsOptions:
		for _, p := range []*float64{o.Bottom, o.Footer, o.Header, o.Left, o.Right, o.Top} {
			out = append(out, ptr(p))
		}
		out = append(out, ptr(o.Horizontally), ptr(o.Vertically))
	}
	return out
}

func ptr[T any](p *T) string {
	if p == nil {
		return "nil"
	}
	return fmt.Sprint(*p)
}

func fillInto(t *testing.T, path string, in Export, sheet string) (Filled, *excelize.File) {
	t.Helper()
	var buf bytes.Buffer
	res, err := FillTemplate(&buf, path, in, sheet)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "filled.xlsx")
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return res, open(t, out)
}

// hasValidation reports whether cell has a validation of the given list.
func hasValidation(f *excelize.File, sheet, cell, formula string) bool {
	c, r, _ := excelize.CellNameToCoordinates(cell)
	dvs, _ := f.GetDataValidations(sheet)
	for _, dv := range dvs {
		if dv.Formula1 != formula {
			continue
		}
		for _, ref := range strings.Fields(dv.Sqref) {
			if c1, c2, ok := rangeCols(ref, r); ok && c1 <= c && c <= c2 {
				return true
			}
		}
	}
	return false
}

// TestFillTemplate fills the real WPS ledger and a template made here, and
// checks both what we wrote and that the template's own cells,
// validations, formula, styles, merges and print setup came through.
func TestFillTemplate(t *testing.T) {
	cases := []struct {
		name     string
		template func(t testing.TB) string
		sheet    string
		in       Export
		want     Filled
		cells    map[string]string
		check    func(t *testing.T, f *excelize.File)
	}{
		{
			name: "WPS 合同台账: rows inserted above the section rows", sheet: "合同台账",
			template: func(t testing.TB) string { return fixture(t, wpsLedger) }, in: sample(),
			want: Filled{Sheet: "合同台账", HeaderRow: 2, Columns: []string{"序号", "备注"}, Rows: 6, Inserted: 6,
				Missing: []string{"工作任务", "牵头单位", "配合单位", "责任单位", "完成时限", "进展情况", "完成状态"}},
			cells: map[string]string{"A3": "一、全面提高依法行政能力", "A4": "1", "X4": "按季度报送", "A6": "二、加强法治宣传", "A8": "4", "B8": "", "B9": "与集团签订的合同"},
			check: func(t *testing.T, f *excelize.File) {
				if fm, _ := f.GetCellFormula("合同台账", "AG28"); fm != "350*50*24*22" {
					t.Errorf("formula moved to AG28 reads %q", fm)
				}
			},
		},
		{
			name: "WPS 招采台账: blank rows reused", sheet: "招采台账",
			template: func(t testing.TB) string { return fixture(t, wpsLedger) }, in: sample(),
			want: Filled{Sheet: "招采台账", HeaderRow: 2, Columns: []string{"序号", "备注"}, Rows: 6, Inserted: 0,
				Missing: []string{"工作任务", "牵头单位", "配合单位", "责任单位", "完成时限", "进展情况", "完成状态"}},
			cells: map[string]string{"A3": "一、全面提高依法行政能力", "B4": "1", "AK4": "按季度报送", "B8": "4", "D16": "保留格式，勿删"},
		},
		{
			name: "WPS 招采台账: more tasks than blank rows", sheet: "招采台账",
			template: func(t testing.TB) string { return fixture(t, wpsLedger) }, in: large(30),
			want: Filled{Sheet: "招采台账", HeaderRow: 2, Columns: []string{"序号", "备注"}, Rows: 38, Inserted: 25,
				Missing: []string{"工作任务", "牵头单位", "配合单位", "完成时限", "进展情况", "完成状态"}},
			cells: map[string]string{"B40": "30", "D41": "保留格式，勿删"},
			check: func(t *testing.T, f *excelize.File) {
				list := `&quot;公开招标,公开询价,单一来源,直接采购,邀请招标,邀请询价,公开竞争性谈判,邀请竞争性谈判,公开竞价,邀请竞价,战采结果应用&quot;`
				for _, cell := range []string{"H3", "H16", "H40"} {
					if !hasValidation(f, "招采台账", cell, list) {
						t.Errorf("%s has no 采购方式 drop-down", cell)
					}
				}
			},
		},
		{
			name: "made here: two-level header, reuse then insert", template: madeTemplate, in: sample(),
			want: Filled{Sheet: "附件1", HeaderRow: 3, Columns: []string{"序号", "重点任务", "牵头单位", "配合单位", "完成时限", "完成情况", "分管领导"},
				Rows: 6, Inserted: 1, Missing: []string{"责任单位", "完成状态", "备注"}},
			cells: map[string]string{
				"A4": "一、全面提高依法行政能力", "A5": "1", "B5": "规范性文件合法性审核率达到100%", "C5": "司法所", "D5": "党政办",
				"E5": "2024年3月31日", "F5": "2024年3月20日（司法所）：已审核12件\n2024年7月15日（党政办）：七月新审核3件", "G5": "张副镇长",
				"B6": "=HYPERLINK(\"http://x\",\"点我\")", "D6": "各有关部门", "A7": "二、加强法治宣传", "G8": "@李四",
				"A9": "4", "A10": "填报单位（盖章）：", "E10": "填报日期：",
			},
			check: func(t *testing.T, f *excelize.File) {
				if fm, _ := f.GetCellFormula("附件1", "B6"); fm != "" {
					t.Errorf("task text became formula %q", fm)
				}
				if !hasValidation(f, "附件1", "G9", `"张副镇长,李副镇长,王委员"`) {
					t.Error("inserted row 9 lacks the 分管领导 drop-down")
				}
				s4, _ := f.GetCellStyle("附件1", "B4")
				s9, _ := f.GetCellStyle("附件1", "B9")
				if s4 != s9 || s4 == 0 {
					t.Errorf("inserted row style %d; first data row %d", s9, s4)
				}
				if h, _ := f.GetRowHeight("附件1", 9); h < 40 {
					t.Errorf("inserted row height %v; want the template's 40", h)
				}
				merges, _ := f.GetMergeCells("附件1")
				found := false
				for _, m := range merges {
					found = found || m.GetStartAxis()+":"+m.GetEndAxis() == "A7:G7"
				}
				if !found {
					t.Error("chapter row 7 not merged across the table")
				}
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := c.template(t)
			res, out := fillInto(t, path, c.in, c.sheet)
			if fmt.Sprint(res) != fmt.Sprint(c.want) {
				t.Errorf("filled %+v\nwant   %+v", res, c.want)
			}
			for cell, want := range c.cells {
				if got := get(t, out, res.Sheet, cell); got != want {
					t.Errorf("%s = %q; want %q", cell, got, want)
				}
			}
			if c.check != nil {
				c.check(t, out)
			}
			keptTemplate(t, open(t, path), out, res)
		})
	}
}

// TestFillTemplateErrors: templates that cannot be used say why in Chinese
// and nothing is written.
func TestFillTemplateErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	noHeader := func() string {
		f := excelize.NewFile()
		defer f.Close()
		f.SetCellStr("Sheet1", "A1", "这不是任务表")
		f.SetCellStr("Sheet1", "A2", "序号")
		p := filepath.Join(dir, "无表头.xlsx")
		if err := f.SaveAs(p); err != nil {
			t.Fatal(err)
		}
		return p
	}()
	xls, err := os.ReadFile(fixture(t, "xzfy_guofaban_stat_template.xls"))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, path, sheet string
		err               error
		msg               string
	}{
		{"missing", filepath.Join(dir, "没有.xlsx"), "", fs.ErrNotExist, "找不到模板文件"},
		{"xls renamed", write("旧格式.xlsx", xls), "", workbook.ErrXLSFill, "另存为 .xlsx"},
		{"not a workbook", write("坏.xlsx", []byte("PK\x03\x04 broken")), "", fileerr.ErrDamaged, "已损坏"},
		{"empty", write("空.xlsx", nil), "", fileerr.ErrEmpty, "模板文件“空.xlsx”是空文件"},
		{"no header", noHeader, "", ErrTemplateNoHeader, "没有找到任务表的表头"},
		{"no such sheet", fixture(t, wpsLedger), "附件2", ErrTemplateNoSheet, "现有工作表：招采台账、合同台账、供应商台账"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			_, err := FillTemplate(&buf, c.path, sample(), c.sheet)
			var te *fileerr.Error
			if !errors.Is(err, c.err) || !errors.As(err, &te) || !strings.Contains(te.UserMessage(), c.msg) {
				t.Errorf("err %v; want %v saying %q", err, c.err, c.msg)
			}
			if buf.Len() != 0 {
				t.Errorf("%d bytes written", buf.Len())
			}
		})
	}
}

// FuzzFillTemplate: whatever bytes a template holds, filling it returns
// an error or a workbook, never a panic, and an error is always one the
// user can read. Seeds: the real WPS ledger, a template made here, the
// real .xls, nothing.
func FuzzFillTemplate(f *testing.F) {
	for _, p := range []string{fixture(f, wpsLedger), madeTemplate(f), fixture(f, "xzfy_guofaban_stat_template.xls")} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte{})
	in := sample()
	f.Fuzz(func(t *testing.T, b []byte) {
		path := filepath.Join(t.TempDir(), "t.xlsx")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		_, err := FillTemplate(&buf, path, in, "")
		var te *fileerr.Error
		if err != nil && (!errors.As(err, &te) || te.Format != fileerr.Template) {
			t.Errorf("not a template's *fileerr.Error: %v", err)
		}
	})
}
