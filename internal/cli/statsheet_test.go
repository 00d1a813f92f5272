package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"fazhi/data"
	"fazhi/internal/testfiles"
)

func TestStatsTemplateRoundTripAndSum(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "fazhi.db")
	tpl := filepath.Join(dir, "模板.xlsx")
	testfiles.CityReturn(t, tpl, "", nil)
	out := filepath.Join(dir, "填报.xlsx")
	a, b := filepath.Join(dir, "a.xlsx"), filepath.Join(dir, "b.xlsx")
	testfiles.CityReturn(t, a, "甲村", map[int]any{4: 10, 5: 10, 7: 3})
	testfiles.CityReturn(t, b, "乙村", map[int]any{4: 90, 5: 45, 7: 4})
	sum := filepath.Join(dir, "汇总.xlsx")
	xzfy := testfiles.Fixture(t, "xzfy_guofaban_stat_template.xls")

	steps := []struct {
		args    []string
		code    int
		contain string
	}{
		{[]string{"stats", "set", "--year", "2024", "信访受理数=331", "信访办结数=350"}, 0, ""},
		{[]string{"stats", "export", "--year", "2024", "-o", out, "--template", tpl}, 1, "有错误，不能导出"},
		{[]string{"stats", "set", "--year", "2024", "信访办结数=330", "人民调解案件数=2707"}, 0, ""},
		{[]string{"stats", "export", "--year", "2024", "-o", out, "--template", tpl}, 0, "已填写 4 个单元格"},
		{[]string{"stats", "export", "--year", "2024", "-o", out, "--template", tpl}, 1, ""},
		{[]string{"stats", "export", "--year", "2024", "-o", filepath.Join(dir, "plain.xlsx")}, 0, "已导出"},
		{[]string{"stats", "import", a, "--year", "2023", "--dry-run"}, 0, "按以前保存的对应关系"},
		{[]string{"stats", "import", a, "--year", "2023", "--dry-run"}, 0, "信访受理数：（空） → 10"},
		{[]string{"stats", "list", "--year", "2023"}, 0, "F01 信访受理数：未填"},
		{[]string{"stats", "import", a, "--year", "2023"}, 0, "已导入2023年的 3 项数值"},
		{[]string{"stats", "list", "--year", "2023"}, 0, "F03 信访办结率：100%（10/10）"},
		{[]string{"stats", "import", filepath.Join(dir, "none.xlsx"), "--year", "2023"}, 1, "找不到文件"},
		{[]string{"stats", "sum", "-o", sum, "--expect", "甲村、乙村、丙村", a, b}, 0, "未报送：丙村"},
		// The official 行政复议 return is a cross table in .xls: nothing maps by
		// label, the clerk is told how to map by hand, and a fill says how to
		// save it as .xlsx first.
		{[]string{"stats", "map", xzfy}, 1, "--map 行政复议被申请数=F59"},
		{[]string{"stats", "map", xzfy, "--map", "行政复议被申请数=F59", "--map", "G02=sheet1!AI59"}, 0, "已保存这个模板的对应关系（2 项）"},
		{[]string{"stats", "map", xzfy}, 0, "按以前保存的对应关系（2 项）"},
		{[]string{"stats", "map", xzfy, "--map", "行政复议被申请数=表9!F59"}, 1, "没有名为“表9”的工作表"},
		{[]string{"stats", "export", "--year", "2024", "-o", filepath.Join(dir, "xzfy.xlsx"), "--template", xzfy}, 1, "另存为"},
	}
	for _, st := range steps {
		o, e, code := runCLI(t, append([]string{"--db", db}, st.args...)...)
		name := strings.Join(st.args, " ")
		if code != st.code {
			t.Errorf("%s: exit %d; want %d (%q %q)", name, code, st.code, o, e)
		}
		if st.contain != "" && !strings.Contains(o+e, st.contain) {
			t.Errorf("%s: output lacks %q:\n%s%s", name, st.contain, o, e)
		}
	}
	x, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for cell, want := range map[string]string{"C4": "331", "C5": "330", "C6": "99.7", "C7": "2707", "A8": "备注：勿删", "B4": "1"} {
		if v, _ := x.GetCellValue("Sheet1", cell); v != want {
			t.Errorf("filled %s = %q; want %q", cell, v, want)
		}
	}
	x.Close()

	o, _, code := runCLI(t, "--db", db, "stats", "sum", "--json", "--replace", "-o", sum, a, b)
	if code != 0 {
		t.Fatal(o)
	}
	var figs []jsonStat
	if err := json.Unmarshal([]byte(o), &figs); err != nil {
		t.Fatalf("sum --json: %v\n%s", err, o)
	}
	for _, f := range figs {
		if f.Code == "F03" && (f.Value == nil || *f.Value != 55) {
			t.Errorf("summed 信访办结率 = %v; want 55 (55/100), not the 75 an average gives", f.Value)
		}
	}
}

// TestStatsSumUsesStoredExpectedUnits: without --expect, stats sum takes the
// list of units that owe a return from the data file (where the window
// keeps it) and says so; --expect "" asks for no list.
func TestStatsSumUsesStoredExpectedUnits(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "fazhi.db")
	a, b := filepath.Join(dir, "a.xlsx"), filepath.Join(dir, "b.xlsx")
	testfiles.CityReturn(t, a, "甲村", map[int]any{4: 10, 5: 10, 7: 3})
	testfiles.CityReturn(t, b, "乙村", map[int]any{4: 90, 5: 45, 7: 4})
	s, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetExpectedUnits([]string{"甲村", "乙村", "丙村"}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	o, e, code := runCLI(t, "--db", db, "stats", "sum", "-o", filepath.Join(dir, "汇总.xlsx"), a, b)
	if code != 0 || !strings.Contains(o+e, "数据文件中保存的名单") || !strings.Contains(o+e, "甲村、乙村、丙村") || !strings.Contains(o+e, "未报送：丙村") {
		t.Errorf("stats sum without --expect: exit %d\n%s%s", code, o, e)
	}
	o, e, code = runCLI(t, "--db", db, "stats", "sum", "--expect", "", "-o", filepath.Join(dir, "汇总2.xlsx"), a, b)
	if code != 0 || strings.Contains(o+e, "未报送") || strings.Contains(o+e, "保存的名单") {
		t.Errorf("stats sum --expect \"\": exit %d\n%s%s", code, o, e)
	}
}
