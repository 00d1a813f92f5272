package statsheet

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"fazhi/data"
	"fazhi/export/workbook"
	"fazhi/internal/testfiles"
)

var labelCases = []struct{ in, want string }{
	{"信访受理数", "信访受理数"},
	{"信访受理数（件）", "信访受理数"},
	{"3.信访受理数(件)", "信访受理数"},
	{"（一）信访受理数", "信访受理数"},
	{"一、信访受理数 [栏次3]", "信访受理数"},
	{"其中：办结数（宗）", "办结数"},
	{"  信 访 受 理 数 ", "信访受理数"},
	{"罚没金额（单位：万元）", "罚没金额"},
	{"民主法治示范村（社区）数", "民主法治示范村(社区)数"},
	{"人民调解成功率(%)", "人民调解成功率"},
	{"行次12 信访受理数", "信访受理数"},
	{"", ""},
}

func TestCleanLabel(t *testing.T) {
	for _, c := range labelCases {
		if got := CleanLabel(c.in); got != c.want {
			t.Errorf("CleanLabel(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}

func FuzzCleanLabel(f *testing.F) {
	for _, c := range labelCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		once := CleanLabel(s)
		if CleanLabel(once) != CleanLabel(CleanLabel(once)) {
			t.Fatalf("CleanLabel not stable on %q", s)
		}
	})
}

// templateRows is a city's return as clerks receive it: a title with the
// year, a unit line, a header with 栏次 and 本年/上年, labels with numbering,
// units and aliases, a formula and a note that a fill must keep.
func templateRows(year int) [][]any {
	return [][]any{
		{fmt.Sprintf("%d年度法治政府建设统计表", year)},
		{"填报单位：", ""},
		{"序号", "指标名称", "计量单位", "栏次", "本年", "上年"},
		{1, "信访受理数（件）", "件", 1, nil, 300},
		{2, "其中：信访案件办结数", "件", 2, nil, 300},
		{3, "3.人民调解案件数", "件", 3, nil, 2487},
		{4, "人民调解成功件数", "件", 4, nil, 2440},
		{5, "人民调解成功率(%)", "%", 5, nil, 98.11},
		{6, "罚没金额（万元）", "万元", 6, nil, 30.5},
		{7, "办结数", "件", 7, nil, nil},
		{8, "法律顾问单位", "", 8, nil, nil},
		{"填报说明：本表由司法所填报，保留格式，勿删。"},
	}
}

func writeTemplate(t testing.TB, path string, rows [][]any, unit string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		if err := f.SetSheetRow("Sheet1", cellName(0, i), &r); err != nil {
			t.Fatal(err)
		}
	}
	f.MergeCell("Sheet1", "A1", "F1")
	if unit != "" {
		f.SetCellValue("Sheet1", "B2", unit)
	}
	f.SetCellFormula("Sheet1", "F13", "SUM(F4:F5)")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

func TestProposeFillAndReadBack(t *testing.T) {
	dir := t.TempDir()
	tpl := filepath.Join(dir, "模板.xlsx")
	writeTemplate(t, tpl, templateRows(2024), "")
	wb, err := ReadFile(tpl)
	if err != nil {
		t.Fatal(err)
	}
	cat := testCatalogue()
	p := Propose(wb, cat, nil)
	want := map[string]struct {
		row int
		how string
	}{
		"F01": {3, HowExact}, "F02": {4, HowAlias}, "F04": {5, HowExact}, "F05": {6, HowSimilar},
		"F06": {7, HowExact}, "D08": {8, HowExact}, "X01": {10, HowExact},
	}
	got := map[string]data.MappedCell{}
	for _, c := range p.Cells {
		got[c.Code] = c
	}
	if len(got) != len(want) {
		t.Errorf("mapped %d rows %+v; want %d (办结数 alone is too vague to map)", len(got), p.Cells, len(want))
	}
	for code, w := range want {
		c, ok := got[code]
		if !ok || c.Row != w.row || c.Col != 4 || p.How[code] != w.how {
			t.Errorf("%s → %+v (%s); want row %d, column E, %s", code, c, p.How[code], w.row, w.how)
		}
	}

	// Fill: only mapped cells change.
	cur := map[string]data.Value{"F01": {Value: 331}, "F02": {Value: 331}, "F04": {Value: 2707},
		"F05": {Value: 2633}, "D08": {Value: 4.2369}, "X01": {Text: "某律师事务所"}}
	figs := data.ComputeStats(cat, [3]map[string]data.Value{cur})
	out := filepath.Join(dir, "填报.xlsx")
	n, err := Fill(context.Background(), tpl, p.TemplateMap, figs, out, false)
	if err != nil || n != 7 {
		t.Fatalf("Fill = %d, %v; want 7 cells", n, err)
	}
	if _, err := Fill(context.Background(), tpl, p.TemplateMap, figs, out, false); err == nil {
		t.Error("Fill overwrote an existing file without being asked")
	}
	x, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for cell, want := range map[string]string{"E4": "331", "E8": "97.27", "E9": "4.2369", "E11": "某律师事务所",
		"F4": "300", "E10": "", "A1": "2024年度法治政府建设统计表", "A12": "填报说明：本表由司法所填报，保留格式，勿删。"} {
		if v, _ := x.GetCellValue("Sheet1", cell); v != want {
			t.Errorf("%s = %q; want %q", cell, v, want)
		}
	}
	if fm, _ := x.GetCellFormula("Sheet1", "F13"); fm != "SUM(F4:F5)" {
		t.Errorf("formula lost: %q", fm)
	}
	if m, _ := x.GetMergeCells("Sheet1"); len(m) != 1 {
		t.Errorf("merges: %v", m)
	}

	// Import: the filled return reads back as the values put in.
	back, err := ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	in := ReadValues(back, p.TemplateMap, cat)
	gotIn := map[string]string{}
	for _, v := range in {
		gotIn[v.Name] = v.Text
	}
	for code, want := range map[string]string{"F01": "331", "F05": "2633", "D08": "4.2369", "X01": "某律师事务所"} {
		if gotIn[code] != want {
			t.Errorf("read back %s = %q; want %q", code, gotIn[code], want)
		}
	}
	if _, ok := gotIn["F06"]; ok {
		t.Error("a rate was read back as a typed value")
	}
}

func TestFingerprintIgnoresYearButNotLayout(t *testing.T) {
	dir := t.TempDir()
	fp := func(rows [][]any) string {
		p := filepath.Join(dir, fmt.Sprint(len(rows), rows[0][0], ".xlsx"))
		writeTemplate(t, p, rows, "")
		wb, err := ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return Fingerprint(wb)
	}
	a, b := fp(templateRows(2024)), fp(templateRows(2025))
	if a != b {
		t.Error("next year's copy of the template has another fingerprint")
	}
	changed := templateRows(2024)
	changed[5][1] = "人民调解受理数"
	if fp(changed) == a {
		t.Error("a template with another label has the same fingerprint")
	}
	// A kept mapping wins over matching.
	wb, _ := ReadFile(filepath.Join(dir, fmt.Sprint(len(changed), changed[0][0], ".xlsx")))
	kept := data.TemplateMap{Fingerprint: fp(changed), Cells: []data.MappedCell{{Sheet: "Sheet1", Row: 3, Col: 5, Code: "F01"}}}
	p := Propose(wb, data.DefaultCatalogue(), func(f string) (data.TemplateMap, bool) { return kept, f == kept.Fingerprint })
	if !p.Known || len(p.Cells) != 1 || p.Cells[0].Col != 5 {
		t.Errorf("kept mapping not used: %+v", p)
	}
}

func TestRealXLSTemplate(t *testing.T) {
	path := testfiles.Fixture(t, "xzfy_guofaban_stat_template.xls")
	wb, err := ReadFile(path)
	if err != nil {
		t.Fatalf("the official .xls return must be readable: %v", err)
	}
	if len(wb.Sheets) == 0 || !wb.IsXLS {
		t.Fatalf("sheets: %d", len(wb.Sheets))
	}
	p := Propose(wb, data.DefaultCatalogue(), nil)
	t.Logf("mapped %d rows of the 行政复议 return: %+v", len(p.Cells), p.Cells)
	_, err = Fill(context.Background(), path, p.TemplateMap, nil, filepath.Join(t.TempDir(), "out.xlsx"), false)
	if !errors.Is(err, workbook.ErrXLSFill) {
		t.Fatalf("filling a .xls: %v; want ErrXLSFill", err)
	}
	if msg := data.Message(err); !strings.Contains(msg, "另存为") {
		t.Errorf("message does not say how to convert: %s", msg)
	}
}

func TestBadFiles(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		name    string
		content []byte
		want    string
	}{
		{"empty.xlsx", nil, "空文件"},
		{"text.xlsx", []byte("信访受理数,331"), "不是 Excel 表格"},
		{"broken.xlsx", []byte("PK\x03\x04broken"), "已损坏"},
		{"fake.xls", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 100)...), "已损坏"},
		{"missing.xlsx", nil, "找不到文件"},
	} {
		p := filepath.Join(dir, c.name)
		if c.name != "missing.xlsx" {
			os.WriteFile(p, c.content, 0o600)
		}
		_, err := ReadFile(p)
		if msg := data.Message(err); err == nil || !strings.Contains(msg, c.want) || !strings.Contains(msg, "请") {
			t.Errorf("%s: %v (%q); want a message with %q saying what to do", c.name, err, msg, c.want)
		}
	}
}

// testCatalogue is the default catalogue and one text indicator, so the
// tests also carry a text through a template.
func testCatalogue() []data.Indicator {
	return append(data.DefaultCatalogue(), data.Indicator{Code: "X01", Name: "法律顾问单位", Kind: data.KindText})
}

// writeReturn is a unit's filled return of the test template.
func writeReturn(t testing.TB, path, unit string, values map[int]any) {
	rows := templateRows(2024)
	for r, v := range values {
		rows[r][4] = v
	}
	writeTemplate(t, path, rows, unit)
}

// TestSumRecomputesRates: 汇总 where averaging the rates would be wrong.
// A handles 10 of 10 信访 (100 %), B 45 of 90 (50 %): the average is 75 %,
// the truth 55 of 100 = 55 %.
func TestSumRecomputesRates(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.xlsx"), filepath.Join(dir, "b.xlsx")
	writeReturn(t, a, "甲村", map[int]any{3: 10, 4: 10, 5: 100, 6: 90, 8: 1.5})
	writeReturn(t, b, "乙村", map[int]any{3: 90, 4: 45, 5: 20, 6: 19, 8: "2.5"})
	dup := filepath.Join(dir, "a-copy.xlsx")
	raw, _ := os.ReadFile(a)
	os.WriteFile(dup, raw, 0o600)
	bad := filepath.Join(dir, "c.xlsx")
	writeReturn(t, bad, "丙村", map[int]any{3: 5, 4: 7})
	broken := filepath.Join(dir, "d.xlsx")
	os.WriteFile(broken, []byte("not a workbook"), 0o600)

	wb, _ := ReadFile(a)
	cat := testCatalogue()
	p := Propose(wb, cat, nil)
	s, err := Sum(context.Background(), []string{a, b, dup, bad, broken}, p.TemplateMap, cat, []string{"甲村", "乙村", "丙村", "丁村"})
	if err != nil {
		t.Fatal(err)
	}

	val := func(code string) float64 {
		for _, f := range s.Figures {
			if f.Code == code && f.Has {
				return f.Value
			}
		}
		t.Fatalf("no summed %s", code)
		return 0
	}
	if val("F01") != 100 || val("F02") != 55 {
		t.Errorf("summed 信访: %v / %v; want 55 / 100", val("F02"), val("F01"))
	}
	if got := math.Round(val("F03")*100) / 100; got != 55 {
		t.Errorf("信访办结率 = %v; want 55 (recomputed), not 75 (averaged)", got)
	}
	if got := val("D08"); got != 4 {
		t.Errorf("罚没金额 = %v; want 4", got)
	}
	counted := 0
	for _, u := range s.Units {
		if u.Counted() {
			counted++
		}
	}
	if counted != 2 || s.Units[2].DuplicateOf != a || !data.HasErrors(s.Units[3].Problems) || s.Units[4].Err == nil {
		t.Errorf("units: %+v", s.Units)
	}
	if len(s.Missing) != 1 || s.Missing[0] != "丁村" {
		t.Errorf("missing: %v", s.Missing)
	}

	out := filepath.Join(dir, "汇总.xlsx")
	if err := WriteSummary(context.Background(), a, p.TemplateMap, cat, s, out, false); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if v, _ := x.GetCellValue("Sheet1", "E8"); v != "90.83" {
		t.Errorf("summary's 人民调解成功率 cell = %q; want 90.83 (109/120)", v)
	}
	rows, _ := x.GetRows(unitSheet)
	if len(rows) < 10 || rows[0][4] != "甲村" || rows[0][5] != "乙村" {
		t.Fatalf("unit sheet header: %v", rows[0])
	}
	last := rows[len(rows)-1]
	if last[0] != "未报送单位" || last[1] != "丁村" {
		t.Errorf("missing units row: %v", last)
	}
}

func BenchmarkPropose300Rows(b *testing.B) {
	cat := testCatalogue()
	rows := [][]any{{"统计表"}, {"序号", "指标名称", "计量单位", "栏次", "本年", "上年"}}
	for i := 0; len(rows) < 302; i++ {
		ind := cat[i%len(cat)]
		label := ind.Name
		if i >= len(cat) {
			label = fmt.Sprintf("其他事项%d（件）", i)
		}
		rows = append(rows, []any{i + 1, label, ind.Unit, i + 1, nil, 1})
	}
	path := filepath.Join(b.TempDir(), "t.xlsx")
	writeTemplate(b, path, rows, "")
	b.ResetTimer()
	for b.Loop() {
		wb, err := ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		if p := Propose(wb, cat, nil); len(p.Cells) < 40 {
			b.Fatalf("mapped %d", len(p.Cells))
		}
	}
}

func BenchmarkSum200Returns(b *testing.B) {
	dir := b.TempDir()
	var paths []string
	for i := range 200 {
		p := filepath.Join(dir, fmt.Sprintf("u%03d.xlsx", i))
		writeReturn(b, p, fmt.Sprintf("第%d村", i), map[int]any{3: 10 + i, 4: 10 + i/2, 5: 100, 6: 90, 8: 1.5})
		paths = append(paths, p)
	}
	cat := testCatalogue()
	wb, _ := ReadFile(paths[0])
	m := Propose(wb, cat, nil).TemplateMap
	out := filepath.Join(dir, "sum.xlsx")
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		s, err := Sum(ctx, paths, m, cat, nil)
		if err != nil {
			b.Fatal(err)
		}
		if err := WriteSummary(ctx, paths[0], m, cat, s, out, true); err != nil {
			b.Fatal(err)
		}
	}
}

// A cancelled 汇总 or fill writes nothing: no summary, no temporary file.
func TestCancelledLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.xlsx")
	writeReturn(t, a, "甲村", map[int]any{3: 10, 4: 10})
	cat := testCatalogue()
	wb, _ := ReadFile(a)
	p := Propose(wb, cat, nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Sum(ctx, []string{a}, p.TemplateMap, cat, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("Sum on a cancelled ctx: %v", err)
	}
	s, _ := Sum(context.Background(), []string{a}, p.TemplateMap, cat, nil)
	out := t.TempDir()
	if err := WriteSummary(ctx, a, p.TemplateMap, cat, s, filepath.Join(out, "sum.xlsx"), false); !errors.Is(err, context.Canceled) {
		t.Errorf("WriteSummary on a cancelled ctx: %v", err)
	}
	if _, err := Fill(ctx, a, p.TemplateMap, nil, filepath.Join(out, "fill.xlsx"), false); !errors.Is(err, context.Canceled) {
		t.Errorf("Fill on a cancelled ctx: %v", err)
	}
	if left, _ := os.ReadDir(out); len(left) != 0 {
		t.Errorf("a cancelled write left %v", left)
	}
}

// FuzzPropose feeds the template mapper any grid of labels (rows split by
// newlines, cells by tabs): it must not panic, must map an indicator at
// most once, only to a cell of the sheet right of its label, and must
// fingerprint the same grid the same way.
func FuzzPropose(f *testing.F) {
	for _, y := range []int{2024} {
		var b strings.Builder
		for _, r := range templateRows(y) {
			for i, c := range r {
				if i > 0 {
					b.WriteByte('\t')
				}
				if c != nil {
					fmt.Fprint(&b, c)
				}
			}
			b.WriteByte('\n')
		}
		f.Add(b.String())
	}
	f.Add("本年\n信访受理数\t\n信访办结率(%)\t12\n其中：办结数\t1,2")
	f.Add("指标\t2024年\t合计\n1.规范性文件制发数（件）\t\t5\n①人民调解成功率\t无")
	cat := testCatalogue()
	f.Fuzz(func(t *testing.T, s string) {
		g := Grid{Sheet: "Sheet1"}
		for i, line := range strings.Split(s, "\n") {
			if i >= 60 {
				break
			}
			cells := strings.Split(line, "\t")
			g.Cells = append(g.Cells, cells[:min(len(cells), 12)])
		}
		wb := &Workbook{Path: "fuzz.xlsx", Sheets: []Grid{g}}
		p := Propose(wb, cat, nil)
		seen := map[string]bool{}
		for _, c := range p.Cells {
			if seen[c.Code] {
				t.Fatalf("%s mapped twice: %+v", c.Code, p.Cells)
			}
			seen[c.Code] = true
			if c.Row < 0 || c.Row >= len(g.Cells) || c.Col < 1 || c.Col > maxCols {
				t.Fatalf("mapped outside the sheet: %+v", c)
			}
		}
		if Fingerprint(wb) != Fingerprint(wb) {
			t.Fatal("fingerprint not stable")
		}
	})
}
