package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fazhi/data"
	"fazhi/internal/testfiles"
)

func seedFile(t *testing.T, name string) string { return testfiles.Seed(t, name) }

// TestReportImportJSON checks the JSON shape the issue fixes, on seed 000.
func TestReportImportJSON(t *testing.T) {
	db := filepath.Join(t.TempDir(), "fazhi.db")
	out, errs, code := runCLI(t, "--db", db, "report", "import", seedFile(t, "000_3f419afd8f863118.txt"), "--year", "2020", "--json", "--dry-run")
	if code != 0 {
		t.Fatal(errs)
	}
	var raw map[string]any
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range raw {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if !slices.Equal(keys, []string{"addressee", "date", "sections", "signature", "title"}) {
		t.Errorf("keys %v", keys)
	}
	if raw["date"] != "2021-01-27" || raw["addressee"] != "市委：" || raw["title"] != "" {
		t.Errorf("%v %v %v", raw["date"], raw["addressee"], raw["title"])
	}
	secs := raw["sections"].([]any)
	first := secs[0].(map[string]any)
	if len(secs) != 3 || first["key"] != "measures" || len(first) != 3 || secs[2].(map[string]any)["key"] != "plans" {
		t.Errorf("sections %v", secs)
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("--dry-run created the data file")
	}
	// A report without a date gives null.
	out, _, _ = runCLI(t, "--db", db, "report", "import", seedFile(t, "003_41e7131f8820c50f.txt"), "--year", "2023", "--json", "--dry-run")
	if !strings.Contains(out, `"date": null`) || !strings.Contains(out, `"signature": []`) {
		t.Errorf("003 JSON: %s", out[len(out)-80:])
	}
}

// TestReportCommands drives a year through the command line: a draft from
// tasks, a check that fails on prompts and on a changed figure, exports
// with snapshots, restore, and importing a past year.
func TestReportCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "fazhi.db")
	figures := []data.Figure{{Name: "信访案件数", Value: 331, Unit: "宗", Sentence: "全年受理信访案件331宗。"}}
	old := reportFigures
	reportFigures = func(*data.Store, int) ([]data.Figure, error) { return figures, nil }
	t.Cleanup(func() { reportFigures = old })

	docx := filepath.Join(dir, "黄江镇2024年法治政府建设年度报告.docx")
	txt := filepath.Join(dir, "报告.txt")
	steps := []struct {
		args    []string
		code    int
		contain string
	}{
		{[]string{"profile", "set", "--name", "黄江镇人民政府", "--party", "中共黄江镇委员会", "--short", "黄江镇", "--level", "乡镇", "--superior", "市委"}, 0, ""},
		{[]string{"dept", "add", "法制办"}, 0, ""},
		{[]string{"tasks", "add", "--year", "2024", "--chapter", "一", "--no", "1", "--title", "规范性文件合法性审核", "--responsible", "法制办", "--deadline", "2024-03-31"}, 0, ""},
		{[]string{"tasks", "add", "--year", "2024", "--chapter", "一", "--no", "2", "--title", "执法人员培训", "--responsible", "法制办", "--deadline", "2024-12-31"}, 0, ""},
		{[]string{"tasks", "progress", "--year", "2024", "--no", "2", "--dept", "法制办", "--text", "已培训执法人员64人", "--date", "2024-06-30"}, 0, ""},
		{[]string{"report", "check", "--year", "2024"}, 1, "2024年还没有年度报告"},
		{[]string{"report", "draft", "--year", "2024", "--as-of", "2025-01-10"}, 0, "一是执法人员培训。已培训执法人员64人。"},
		{[]string{"report", "draft", "--year", "2024"}, 1, "请加 --replace"},
		{[]string{"report", "check", "--year", "2024", "--as-of", "2025-01-10"}, 1, "“规范性文件合法性审核”（时限：2024年3月31日；未开始，已逾期）"},
		{[]string{"report", "check", "--year", "2024", "--as-of", "2025-01-10"}, 1, "距报送期限（2025年3月31日）还有 80 天"},
		{[]string{"report", "export", "--year", "2024", "-o", docx}, 0, "历史版本 1"},
		{[]string{"report", "export", "--year", "2024", "-o", docx}, 1, "已存在，没有覆盖"},
		{[]string{"report", "export", "--year", "2024", "-o", docx, "--replace"}, 0, "历史版本 2"},
		{[]string{"report", "export", "--year", "2024", "-o", txt}, 0, ""},
		{[]string{"report", "export", "--year", "2024", "-o", filepath.Join(dir, "x.pdf")}, 1, "以 .docx 或 .txt 结尾"},
		{[]string{"report", "snapshots", "--year", "2024"}, 0, "导出 黄江镇2024年法治政府建设年度报告.docx"},
		{[]string{"report", "import", seedFile(t, "003_41e7131f8820c50f.txt"), "--year", "2024"}, 1, "已经有年度报告"},
		{[]string{"report", "import", seedFile(t, "003_41e7131f8820c50f.txt"), "--year", "2024", "--replace"}, 0, "主要举措和成效、存在的不足和原因、党政主要负责人履职情况、下一年度主要安排"},
		{[]string{"report", "show", "--year", "2024"}, 0, "一、2023年度推进法治政府建设的主要举措和成效"},
		{[]string{"report", "restore", "--year", "2024", "--snapshot", "1"}, 0, "已恢复历史版本 1"},
		{[]string{"report", "show", "--year", "2024"}, 0, "一是执法人员培训。已培训执法人员64人。"},
		{[]string{"report", "restore", "--year", "2024", "--snapshot", "99"}, 1, "没有编号为 99 的历史版本"},
		{[]string{"report", "import", filepath.Join(dir, "报告.txt"), "--year", "2023"}, 0, "已导入2023年年度报告"},
		{[]string{"report", "import", db, "--year", "2022"}, 1, ""},
	}
	for _, st := range steps {
		out, errs, code := runCLI(t, append([]string{"--db", db}, st.args...)...)
		name := strings.Join(st.args, " ")
		if code != st.code {
			t.Errorf("%s: exit %d; want %d (%q %q)", name, code, st.code, out, errs)
		}
		if st.contain != "" && !strings.Contains(out+errs, st.contain) {
			t.Errorf("%s: output lacks %q:\n%s%s", name, st.contain, out, errs)
		}
	}
	if b, err := os.ReadFile(txt); err != nil || !strings.HasPrefix(string(b), "\ufeff黄江镇2024年法治政府建设年度报告\r\n") {
		t.Errorf("txt export: %.80q %v", b, err)
	}

	// The statistics change after the draft: check names the figure.
	figures[0].Value = 335
	out, _, code := runCLI(t, "--db", db, "report", "check", "--year", "2024", "--json")
	var problems []data.Problem
	if err := json.Unmarshal([]byte(out), &problems); err != nil || code != 1 {
		t.Fatalf("check --json: %v %d %s", err, code, out)
	}
	found := false
	for _, p := range problems {
		found = found || (p.Kind == data.ProblemFigureChanged && p.Message == "“信访案件数”现在是 335宗，文中仍是 331宗。")
	}
	if !found {
		t.Errorf("changed figure not reported: %+v", problems)
	}
}
