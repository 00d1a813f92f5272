package cli

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fazhi/internal/testfiles"

	"github.com/xuri/excelize/v2"
)

// writeTaskBook writes rows (nil = empty cell) to a one-sheet workbook with the
// merges given, as a city's 任务分解表 would come.
func writeTaskBook(t *testing.T, path string, rows [][]any, merges ...string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for r, row := range rows {
		for c, v := range row {
			if v == nil {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellValue("Sheet1", cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, m := range merges {
		a, b, _ := strings.Cut(m, ":")
		if err := f.MergeCell("Sheet1", a, b); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

func fixtureReal(t *testing.T, name string) string { return testfiles.Fixture(t, name) }

func cityRows() [][]any {
	return [][]any{
		{"2024年法治政府建设任务分解表"},
		{"序号", "工作任务", "单位", "完成时限", "佐证材料"},
		{"一、加强党的领导"},
		{1, "健全党委领导法治建设的制度", "人资分局", "2024年6月底", "会议纪要"},
		{2, "落实第一责任人职责", "党 政 办", "长期坚持"},
		{"填报单位：党政办"},
	}
}

func TestTasksImportCLI(t *testing.T) {
	dir := t.TempDir()
	db, book := filepath.Join(dir, "fazhi.db"), filepath.Join(dir, "分解表.xlsx")
	writeTaskBook(t, book, cityRows(), "A1:E1", "A3:E3")
	runCLI(t, "--db", db, "dept", "add", "人力资源分局", "--alias", "人资分局")

	// 单位 is no known header: the dry run keeps it as an extra column.
	out, errs, code := runCLI(t, "--db", db, "tasks", "import", book, "--year", "2024", "--dry-run")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"工作表：Sheet1", "表头在第 2 行", "C“单位”→其他（原样保留）", "一、加强党的领导", "1. 健全党委领导法治建设的制度", "时限：2024年6月30日（2024年6月底）", "表尾"} {
		if !strings.Contains(out, want) {
			t.Errorf("dry run lacks %q:\n%s", want, out)
		}
	}

	// The clerk says C is 牵头单位: JSON as plan import gives it.
	out, errs, code = runCLI(t, "--db", db, "tasks", "import", book, "--year", "2024", "--column", "C=牵头单位", "--dry-run", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var p jsonPlan
	if err := json.Unmarshal([]byte(out), &p); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(p.Chapters) != 1 || len(p.Chapters[0].Tasks) != 2 {
		t.Fatalf("plan %+v", p)
	}
	t1, t2 := p.Chapters[0].Tasks[0], p.Chapters[0].Tasks[1]
	if strings.Join(t1.Lead, "") != "人力资源分局" || t1.Deadline.String() != "2024-06-30" || strings.Join(t2.Lead, "") != "党政办" {
		t.Errorf("tasks %+v %+v", t1, t2)
	}
	if !strings.Contains(errs, "党政办") {
		t.Errorf("new department not named: %s", errs)
	}

	// Stored: tasks list shows them; a second import needs --replace.
	if _, errs, code = runCLI(t, "--db", db, "tasks", "import", book, "--year", "2024", "--column", "c=lead"); code != 0 {
		t.Fatalf("import: %s", errs)
	}
	out, _, _ = runCLI(t, "--db", db, "tasks", "list", "--year", "2024")
	if !strings.Contains(out, "一-1. [未开始] 健全党委领导法治建设的制度 | 牵头：人力资源分局") || !strings.Contains(out, "一-2. [长期坚持]") {
		t.Errorf("list after import:\n%s", out)
	}
	if _, errs, code = runCLI(t, "--db", db, "tasks", "import", book, "--year", "2024"); code != 1 || !strings.Contains(errs, "--replace") {
		t.Errorf("second import: exit %d, %s", code, errs)
	}
}

func TestTasksImportRefusesCLI(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "fazhi.db")
	wps := fixtureReal(t, "soe_procurement_ledger_3sheets_WPS_redacted.xlsx")
	cases := []struct {
		args []string
		says string
	}{
		{[]string{wps}, "没有找到任务分解表的表头（查看了工作表：招采台账、合同台账、供应商台账）"},
		{[]string{filepath.Join(dir, "none.xlsx")}, "找不到文件"},
		{[]string{wps, "--column", "C=单位名称"}, "--column C=单位名称 写法不对"},
		{[]string{wps, "--sheet", "合同台账"}, "查看了工作表：合同台账"},
	}
	for _, c := range cases {
		args := append([]string{"--db", db, "tasks", "import", "--year", "2024"}, c.args...)
		_, errs, code := runCLI(t, args...)
		if code != 1 || !strings.Contains(errs, c.says) {
			t.Errorf("%v: exit %d, %q; want %q", c.args, code, errs, c.says)
		}
	}
	out, _, _ := runCLI(t, "--db", db, "tasks", "list", "--year", "2024", "--json")
	if strings.Contains(out, "\"no\"") {
		t.Errorf("a refused import stored tasks: %s", out)
	}
}

// mergeSetup imports the city's table for 2024 and writes two returned
// copies, retyped (no hidden id) so they are matched by number and text,
// that disagree on task 1's status.
func mergeSetup(t *testing.T) (db, hr, office string) {
	t.Helper()
	dir := t.TempDir()
	db, book := filepath.Join(dir, "fazhi.db"), filepath.Join(dir, "分解表.xlsx")
	writeTaskBook(t, book, cityRows(), "A1:E1", "A3:E3")
	runCLI(t, "--db", db, "dept", "add", "人力资源分局", "--alias", "人资分局")
	runCLI(t, "--db", db, "dept", "add", "党政办")
	if _, errs, code := runCLI(t, "--db", db, "tasks", "import", book, "--year", "2024", "--column", "C=牵头单位"); code != 0 {
		t.Fatal(errs)
	}
	header := []any{"序号", "工作任务", "牵头单位", "完成时限", "进展情况", "完成状态"}
	hr = filepath.Join(dir, "黄江镇2024年法治政府建设任务分解表-人资分局.xlsx")
	writeTaskBook(t, hr, [][]any{header,
		{1, "健全党委领导法治建设的制度", "人资分局", "2024年6月底", "制定了制度", "已完成"}})
	office = filepath.Join(dir, "黄江镇2024年法治政府建设任务分解表-党政办.xlsx")
	writeTaskBook(t, office, [][]any{header,
		{1, "健全党委领导法治建设的制度", "人资分局", "2024年6月底", "", "推进中"},
		{2, "落实第一责任人职责", "党政办", "长期坚持", "召开了专题会", ""}})
	return db, hr, office
}

func TestTasksMergeCLI(t *testing.T) {
	db, hr, office := mergeSetup(t)
	out, errs, code := runCLI(t, "--db", db, "tasks", "merge", "--year", "2024", hr, office)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		"（人力资源分局，", "无任务标识，按序号和文字对应；读到 1 项，对上 1 项", "一-1. 新进展：制定了制度（按序号和文字对应）",
		"一-1. 状态：未开始 → 已完成（按序号和文字对应） 【冲突】与另一份表不一致：党政办", "一-2. 新进展：召开了专题会",
		"共 4 处改动，其中 2 处有冲突。",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("merge preview lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(errs, "--apply") {
		t.Errorf("no hint to apply: %s", errs)
	}
	if out, _, _ := runCLI(t, "--db", db, "tasks", "list", "--year", "2024"); strings.Contains(out, "制定了制度") {
		t.Fatal("a preview stored progress")
	}

	out, errs, code = runCLI(t, "--db", db, "tasks", "merge", "--year", "2024", hr, office, "--apply", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var m jsonMerge
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(m.Files) != 2 || len(m.Changes) != 4 || m.Applied == nil || m.Applied.Progress != 2 || m.Applied.Status != 0 || m.Applied.Skipped != 2 {
		t.Fatalf("json %+v", m)
	}
	out, _, _ = runCLI(t, "--db", db, "tasks", "list", "--year", "2024", "--json")
	var p jsonPlan
	if err := json.Unmarshal([]byte(out), &p); err != nil {
		t.Fatal(err)
	}
	t1 := p.Chapters[0].Tasks[0]
	if t1.JSONTracking == nil || len(t1.Progress) != 1 || t1.Progress[0].Dept != "人力资源分局" || t1.Progress[0].Text != "制定了制度" || t1.Status != "推进中" {
		t.Errorf("task 1 after apply: %+v", t1.JSONTracking)
	}

	// Merging the same files again changes nothing: the progress is known.
	out, _, _ = runCLI(t, "--db", db, "tasks", "merge", "--year", "2024", hr, office)
	// 党政办's 推进中 is now the stored status; 人资分局's 已完成 alone remains.
	if !strings.Contains(out, "一-1. 状态：推进中 → 已完成") || !strings.Contains(out, "共 1 处改动，其中 0 处有冲突。") {
		t.Errorf("second merge:\n%s", out)
	}
	if _, errs, code := runCLI(t, "--db", db, "tasks", "merge", "--year", "2023", hr); code != 1 || !strings.Contains(errs, "2023年还没有任务分解表") {
		t.Errorf("merge into an empty year: %d %s", code, errs)
	}
}

// A conflict is kept only when the clerk names it: --accept with its
// number; two sides of one conflict cannot both be accepted.
func TestTasksMergeAcceptCLI(t *testing.T) {
	db, hr, office := mergeSetup(t)
	out, _, _ := runCLI(t, "--db", db, "tasks", "merge", "--year", "2024", hr, office, "--json")
	var m jsonMerge
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatal(err)
	}
	var done, doing int // the ids of the two statuses for task 1
	for _, ch := range m.Changes {
		if ch.Kind == "status" && ch.New == "已完成" {
			done = ch.ID
		}
		if ch.Kind == "status" && ch.New == "推进中" {
			doing = ch.ID
		}
	}
	if done == 0 || doing == 0 || m.Changes[done-1].Conflict == "" {
		t.Fatalf("no conflicting statuses with ids: %+v", m.Changes)
	}
	status := func() string {
		out, _, _ := runCLI(t, "--db", db, "tasks", "list", "--year", "2024", "--json")
		var p jsonPlan
		if err := json.Unmarshal([]byte(out), &p); err != nil {
			t.Fatal(err)
		}
		return string(p.Chapters[0].Tasks[0].Status)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--accept", fmt.Sprint(done)}, "--accept 要和 --apply 一起使用"},
		{[]string{"--apply", "--accept", "9"}, "没有编号为“9”的改动（共 4 处"},
		{[]string{"--apply", "--accept", fmt.Sprintf("%d,%d", done, doing)}, "只能采用其中一处"},
	} {
		_, errs, code := runCLI(t, append([]string{"--db", db, "tasks", "merge", "--year", "2024", hr, office}, c.args...)...)
		if code != 1 || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, %q; want %q", c.args, code, errs, c.want)
		}
		if got := status(); got != "未开始" {
			t.Fatalf("%v changed task 1 to %s", c.args, got)
		}
	}
	out, errs, code := runCLI(t, "--db", db, "tasks", "merge", "--year", "2024", hr, office, "--apply", "--accept", fmt.Sprint(done), "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if err := json.Unmarshal([]byte(out), &m); err != nil || m.Applied == nil || m.Applied.Status != 1 || m.Applied.Skipped != 1 {
		t.Fatalf("applied %+v (%v)", m.Applied, err)
	}
	if got := status(); got != "已完成" {
		t.Errorf("task 1 is %s after accepting 人资分局's 已完成", got)
	}
}
