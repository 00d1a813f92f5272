package data

import (
	"fmt"
	"testing"
	"time"
)

func filterFixture() ([]Task, []Department) {
	depts := []Department{
		{ID: 1, Name: "法制办"},
		{ID: 2, Name: "人力资源分局", Aliases: []string{"人资分局"}},
		{ID: 3, Name: "党政办"},
	}
	tasks := []Task{
		{ID: 1, Seq: 1, Chapter: "一", No: 1, Title: "深化行政审批制度改革", Lead: []uint64{2}, Cooperate: []uint64{1}, Deadline: d("2024-03-31"), Status: StatusInProgress},
		{ID: 2, Seq: 2, Chapter: "一", No: 2, Title: "规范性文件合法性审核", Responsible: []uint64{1}, Deadline: d("2024-12-31"), Status: StatusNotStarted,
			Progress: []Progress{{Text: "审核文件12件"}}},
		{ID: 3, Seq: 3, Chapter: "二", No: 3, Title: "领导干部学法", Lead: []uint64{3}, Deadline: d("2024-03-31"), Status: StatusDone},
		{ID: 4, Seq: 4, Chapter: "二", No: 4, Title: "普法宣传", LongTerm: true, Status: StatusOngoing, AllRelevant: true},
	}
	return tasks, depts
}

func TestFilterTasks(t *testing.T) {
	tasks, depts := filterFixture()
	ix := NewTaskIndex(tasks, depts)
	asOf := d("2024-06-30")
	for _, tc := range []struct {
		name string
		f    TaskFilter
		want []uint64
	}{
		{"all", TaskFilter{}, []uint64{1, 2, 3, 4}},
		{"chapter", TaskFilter{Chapter: "二"}, []uint64{3, 4}},
		{"dept any", TaskFilter{Dept: 1}, []uint64{1, 2}},
		{"dept as lead", TaskFilter{Dept: 1, Role: RoleLead}, nil},
		{"dept sharing", TaskFilter{Dept: 1, Role: RoleShare}, []uint64{1, 2}},
		{"status", TaskFilter{Status: StatusDone}, []uint64{3}},
		{"overdue", TaskFilter{Overdue: true, AsOf: asOf}, []uint64{1}},
		{"text in title", TaskFilter{Text: "学法"}, []uint64{3}},
		{"text in progress", TaskFilter{Text: "12件"}, []uint64{2}},
		{"text is a dept alias", TaskFilter{Text: "人资"}, []uint64{1}},
		{"all words must match", TaskFilter{Text: "法制办 审批"}, []uint64{1}},
		{"combined", TaskFilter{Chapter: "一", Overdue: true, AsOf: asOf, Text: "审批"}, []uint64{1}},
		{"nothing", TaskFilter{Text: "不存在的词"}, nil},
	} {
		var got []uint64
		for _, task := range ix.Filter(tc.f) {
			got = append(got, task.ID)
		}
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%s: got %v; want %v", tc.name, got, tc.want)
		}
	}
}

// manyTasks builds n tasks over 30 departments and 8 chapters, the size
// of the largest 任务分解表 a county might keep.
func manyTasks(n int) ([]Task, []Department) {
	var depts []Department
	for i := 1; i <= 30; i++ {
		depts = append(depts, Department{ID: uint64(i), Name: fmt.Sprintf("部门%02d办", i), Aliases: []string{fmt.Sprintf("别名%02d", i)}})
	}
	chapters := []string{"一", "二", "三", "四", "五", "六", "七", "八"}
	tasks := make([]Task, n)
	for i := range tasks {
		tasks[i] = Task{
			ID: uint64(i + 1), Seq: i + 1, Chapter: chapters[i%8], No: i + 1,
			Title:     fmt.Sprintf("第%d项任务：深化行政审批制度改革", i+1),
			Text:      "落实中央、省行政审批制度改革要求，全面清理行政审批事项，全部取消非行政许可审批事项，完善审批事项取消、下放后的后续监管。",
			Lead:      []uint64{uint64(i%30 + 1)},
			Cooperate: []uint64{uint64((i+7)%30 + 1), uint64((i+13)%30 + 1)},
			Deadline:  NewDate(2024, time.Month(1+i%12), 28),
			Status:    Statuses[i%4],
			Progress:  []Progress{{Text: "已召开专题会议部署，完成阶段性任务。"}},
		}
	}
	return tasks, depts
}

// BenchmarkFilter5000 is the 任务分解表 view's filter on 5,000 tasks (target
// ≤ 50 ms), with the index already built as the view keeps it.
func BenchmarkFilter5000(b *testing.B) {
	tasks, depts := manyTasks(5000)
	ix := NewTaskIndex(tasks, depts)
	f := TaskFilter{Dept: 7, Overdue: true, AsOf: d("2024-06-30"), Text: "审批 部门08"}
	b.ResetTimer()
	for b.Loop() {
		ix.Filter(f)
	}
}

// BenchmarkIndexAndFilter5000 includes building the index, as when the year
// changes or a task is saved.
func BenchmarkIndexAndFilter5000(b *testing.B) {
	tasks, depts := manyTasks(5000)
	f := TaskFilter{Text: "审批"}
	for b.Loop() {
		NewTaskIndex(tasks, depts).Filter(f)
	}
}
