package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestTasksExport drives `fazhi tasks export` on a small year: our own
// layout under a given name and under the default one, the refusal to
// overwrite, --as-of, a template, and the per-department folder.
func TestTasksExport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "fazhi.db")
	setup := [][]string{
		{"profile", "set", "--name", "黄江镇人民政府", "--contact", "张三", "--phone", "0769-83632011"},
		{"dept", "add", "司法所"},
		{"dept", "add", "党政办"},
		{"tasks", "add", "--year", "2024", "--chapter", "一", "--no", "1", "--title", "=规范性文件审核", "--lead", "司法所", "--cooperate", "党政办", "--deadline", "2024-03-31"},
		{"tasks", "add", "--year", "2024", "--chapter", "一", "--no", "2", "--title", "执法人员培训", "--lead", "党政办"},
		{"tasks", "progress", "--year", "2024", "--no", "1", "--dept", "司法所", "--text", "已审核12件", "--date", "2024-03-20"},
		{"tasks", "progress", "--year", "2024", "--no", "1", "--dept", "司法所", "--text", "又审核3件", "--date", "2024-07-15"},
	}
	for _, args := range setup {
		if out, errs, code := runCLI(t, append([]string{"--db", db}, args...)...); code != 0 {
			t.Fatalf("%v: %s%s", args, out, errs)
		}
	}
	out := filepath.Join(dir, "表.xlsx")
	tmpl := filepath.Join(dir, "模板.xlsx")
	makeTemplate(t, tmpl)
	perDept := filepath.Join(dir, "分发")
	steps := []struct {
		args    []string
		code    int
		contain string
	}{
		{[]string{"tasks", "export", "--year", "2024", "-o", out}, 0, "已导出 2 项任务到：" + out},
		{[]string{"tasks", "export", "--year", "2024", "-o", out}, 1, "“表.xlsx”已存在，没有覆盖。请换一个文件名（-o），或加 --replace 覆盖。"},
		{[]string{"tasks", "export", "--year", "2024", "-o", out, "--as-of", "2024-06-30", "--replace"}, 0, "已导出"},
		{[]string{"tasks", "export", "--year", "2024", "-o", dir, "--as-of", "2024-06-30"}, 0, "黄江镇2024年法治政府建设任务分解表（截至2024年6月30日）.xlsx"},
		{[]string{"tasks", "export", "--year", "2023", "-o", out}, 1, "2023年还没有任务"},
		{[]string{"tasks", "export", "-o", out}, 1, "需要 --year"},
		{[]string{"tasks", "export", "--year", "2024", "-o", filepath.Join(dir, "表.xls")}, 1, "应以 .xlsx 结尾"},
		{[]string{"tasks", "export", "--year", "2024", "--as-of", "6月30日", "-o", out}, 1, "日期“6月30日”格式不对"},
		{[]string{"tasks", "export", "--year", "2024", "--template", tmpl, "-o", filepath.Join(dir, "按模板.xlsx")}, 0, "识别出：序号、工作任务、牵头单位"},
		{[]string{"tasks", "export", "--year", "2024", "--template", filepath.Join(dir, "无.xlsx"), "-o", filepath.Join(dir, "x.xlsx")}, 1, "找不到模板文件"},
		{[]string{"tasks", "export", "--year", "2024", "--template", tmpl, "-o", tmpl}, 1, "不能就是模板本身"},
		{[]string{"tasks", "export", "--year", "2024", "--per-dept", perDept}, 0, "已为 2 个部门各生成一个文件"},
		{[]string{"tasks", "export", "--year", "2024", "--per-dept", perDept}, 1, "已有 2 个同名文件"},
		{[]string{"tasks", "export", "--year", "2024", "--per-dept", perDept, "--replace"}, 0, "司法所：1 项任务"},
		{[]string{"tasks", "export", "--year", "2024", "--per-dept", perDept, "-o", out}, 1, "不能与 -o"},
	}
	for _, st := range steps {
		o, e, code := runCLI(t, append([]string{"--db", db}, st.args...)...)
		if code != st.code || !strings.Contains(o+e, st.contain) {
			t.Errorf("%v: exit %d (want %d), output lacks %q:\n%s%s", st.args, code, st.code, st.contain, o, e)
		}
	}

	f := openXLSX(t, out)
	for cell, want := range map[string]string{
		"A1": "黄江镇2024年法治政府建设任务分解表（截至2024年6月30日）", "A3": "一、", "B4": "=规范性文件审核",
		"F4": "2024年3月20日（司法所）：已审核12件", "A7": "填报单位：黄江镇人民政府　　联系人：张三　　联系电话：0769-83632011　　填报日期：2024年6月30日",
	} {
		if got, _ := f.GetCellValue("任务分解表", cell); got != want {
			t.Errorf("%s = %q; want %q", cell, got, want)
		}
	}
	if fm, _ := f.GetCellFormula("任务分解表", "B4"); fm != "" {
		t.Errorf("task text became a formula: %q", fm)
	}
	g := openXLSX(t, filepath.Join(dir, "按模板.xlsx"))
	if got, _ := g.GetCellValue("Sheet1", "B5"); got != "=规范性文件审核" {
		t.Errorf("template B5 = %q", got)
	}
	if got, _ := g.GetCellValue("Sheet1", "A1"); got != "上级下发的表" {
		t.Errorf("template title = %q", got)
	}
	for _, dept := range []string{"司法所", "党政办"} {
		p := filepath.Join(perDept, "黄江镇2024年法治政府建设任务分解表-"+dept+".xlsx")
		h := openXLSX(t, p)
		if got, _ := h.GetCellValue("_fazhi", "B3"); got != dept {
			t.Errorf("%s: _fazhi!B3 = %q", p, got)
		}
	}
	entries, _ := os.ReadDir(perDept)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

func makeTemplate(t *testing.T, path string) {
	f := excelize.NewFile()
	defer f.Close()
	for cell, v := range map[string]string{"A1": "上级下发的表", "A3": "序号", "B3": "工作任务", "C3": "牵头单位", "D3": "完成情况"} {
		f.SetCellStr("Sheet1", cell, v)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

func openXLSX(t *testing.T, path string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}
