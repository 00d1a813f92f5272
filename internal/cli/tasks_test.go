package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestTaskCommands drives a small year through the command line: tasks
// typed in, progress and status reported, listed with filters, carried over.
func TestTaskCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "fazhi.db")
	steps := []struct {
		args    []string
		code    int
		contain string
	}{
		{[]string{"dept", "add", "法制办"}, 0, ""},
		{[]string{"dept", "add", "人力资源分局", "--alias", "人资分局"}, 0, ""},
		{[]string{"tasks", "add", "--year", "2024", "--chapter", "一", "--no", "1", "--title", "规范性文件合法性审核", "--responsible", "法制办", "--deadline", "2024-03-31"}, 0, "已添加 2024年第 1 项任务"},
		{[]string{"tasks", "add", "--year", "2024", "--chapter", "一", "--no", "2", "--title", "执法人员培训", "--lead", "人资分局", "--cooperate", "法制办", "--deadline", "2024-12-31"}, 0, ""},
		{[]string{"tasks", "add", "--year", "2024", "--chapter", "二", "--no", "3", "--title", "领导干部学法", "--long-term"}, 0, ""},
		{[]string{"tasks", "add", "--year", "2024", "--no", "4", "--title", "无", "--lead", "不存在办"}, 1, "没有名为“不存在办”"},
		{[]string{"tasks", "add", "--no", "4", "--title", "无"}, 1, "需要 --year"},
		{[]string{"tasks", "progress", "--year", "2024", "--no", "2", "--dept", "人资分局", "--text", "已培训执法人员64人", "--date", "2024-06-30"}, 0, "当前状态：推进中"},
		{[]string{"tasks", "progress", "--year", "2024", "--no", "9", "--dept", "法制办", "--text", "x"}, 1, "没有第 9 项任务"},
		{[]string{"tasks", "status", "--year", "2024", "--no", "3", "--set", "完成"}, 0, "已完成"},
		{[]string{"tasks", "status", "--year", "2024", "--no", "3", "--set", "差不多"}, 1, "状态“差不多”无效"},
		{[]string{"tasks", "list", "--year", "2024", "--overdue", "--as-of", "2024-06-30"}, 0, "一-1. [未开始] 规范性文件合法性审核 | 责任：法制办 | 时限：2024年3月31日 | 逾期"},
		{[]string{"tasks", "list", "--year", "2024", "--dept", "人资分局"}, 0, "最新进展（2024年6月30日）：已培训执法人员64人"},
		{[]string{"tasks", "list", "--year", "2024", "--status", "已完成"}, 0, "二-3. [已完成] 领导干部学法"},
		{[]string{"plan", "carry", "--from", "2024", "--to", "2025"}, 0, "已把2024年的 3 项任务结转到2025年"},
		{[]string{"plan", "carry", "--from", "2024", "--to", "2025"}, 1, "已经有任务分解表"},
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

	out, _, code := runCLI(t, "--db", db, "tasks", "list", "--year", "2024", "--json")
	if code != 0 {
		t.Fatal(out)
	}
	var got jsonPlan
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("tasks list --json: %v\n%s", err, out)
	}
	if len(got.Chapters) != 2 || len(got.Chapters[0].Tasks) != 2 || got.Chapters[0].No != "一" {
		t.Fatalf("chapters: %+v", got)
	}
	task := got.Chapters[0].Tasks[1]
	if task.Lead[0] != "人力资源分局" || task.Status != "推进中" || len(task.Progress) != 1 || task.Progress[0].Dept != "人力资源分局" {
		t.Errorf("task 2 as JSON: %+v", task)
	}
	// The raw JSON carries the keys the issue names, dates as strings or null.
	var raw map[string]any
	json.Unmarshal([]byte(out), &raw)
	t1 := raw["chapters"].([]any)[1].(map[string]any)["tasks"].([]any)[0].(map[string]any)
	for _, key := range []string{"no", "title", "text", "lead", "cooperate", "responsible", "all_relevant", "deadline", "deadline_text", "status", "progress"} {
		if _, ok := t1[key]; !ok {
			t.Errorf("task JSON lacks %q: %v", key, t1)
		}
	}
	if t1["deadline"] != nil {
		t.Errorf("long-term task deadline = %v; want null", t1["deadline"])
	}

	out, _, _ = runCLI(t, "--db", db, "tasks", "list", "--year", "2025", "--json")
	got = jsonPlan{}
	json.Unmarshal([]byte(out), &got)
	if n := len(got.Chapters[0].Tasks); n != 2 || got.Chapters[0].Tasks[1].Status != "未开始" || len(got.Chapters[0].Tasks[1].Progress) != 0 {
		t.Errorf("carried year: %+v", got.Chapters[0])
	}
}
