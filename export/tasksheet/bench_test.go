package tasksheet

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"fazhi/data"
)

// bigTable is a 5,000-task 任务分解表 in the city's layout: title, header,
// a chapter row every 100 tasks, nine columns, a typed date every other row.
func bigTable(n int) inSheet {
	s := inSheet{name: "任务分解表", rows: [][]any{
		{"黄江镇2024年法治政府建设任务分解表"},
		{"序号", "重点任务", "牵头单位", "配合单位", "责任单位", "完成时限", "进展情况", "备注", "佐证材料"},
	}, merges: []string{"A1:I1"}}
	for i := 1; i <= n; i++ {
		if i%100 == 1 {
			s.rows = append(s.rows, []any{fmt.Sprintf("%s、第%d部分", cnNum((i-1)/100+1), (i-1)/100+1)})
			s.merges = append(s.merges, fmt.Sprintf("A%d:I%d", len(s.rows), len(s.rows)))
		}
		var deadline any = "2024年6月底"
		if i%2 == 0 {
			deadline = inDate(45473)
		}
		s.rows = append(s.rows, []any{i, fmt.Sprintf("第%d项任务：健全依法决策机制，严格落实重大行政决策程序规定，推进法治政府建设", i),
			"党政办", "法制办、司法所", "综合执法办", deadline, "已召开专题会议研究部署，正在推进", "无", "会议纪要"})
	}
	return s
}

func cnNum(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return digits[n]
	case n == 10:
		return "十"
	case n < 20:
		return "十" + digits[n-10]
	}
	return digits[n/10] + "十" + digits[n%10]
}

// BenchmarkImport5000: open and read a 5,000-task workbook (target ≤ 1 s,
// ≤ 200 MB). peak-MB is the heap high-water mark during one read.
func BenchmarkImport5000(b *testing.B) {
	path := filepath.Join(b.TempDir(), "big.xlsx")
	writeInBook(b, path, bigTable(5000))
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ReportAllocs()
	for b.Loop() {
		p, _, err := ReadFile(path, Options{Year: 2024})
		if err != nil || len(p.Import.Tasks) != 5000 {
			b.Fatalf("%v, %d tasks", err, len(p.Import.Tasks))
		}
	}
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.Sys)/(1<<20), "sys-MB")
}

// BenchmarkMerge30: 30 departments return their part of a 600-task table
// (20 rows each): half kept the hidden id, half retyped it (matched by
// number and text). Target ≤ 2 s.
func BenchmarkMerge30(b *testing.B) {
	dir := b.TempDir()
	var tasks []data.TaskDraft
	for i := 1; i <= 600; i++ {
		tasks = append(tasks, data.TaskDraft{Task: data.Task{ID: uint64(i), Year: 2024, No: i,
			Text: fmt.Sprintf("第%d项任务：健全依法决策机制，严格落实重大行政决策程序规定", i), Status: data.StatusNotStarted}})
	}
	var paths []string
	for d := range 30 {
		var rows []returnedRow
		for k := range 20 {
			t := tasks[d*20+k]
			rows = append(rows, returnedRow{t.ID, fmt.Sprint(t.No), t.Text, fmt.Sprintf("部门%d已完成第%d项的部署", d, t.No), ""})
		}
		p := filepath.Join(dir, fmt.Sprintf("黄江镇2024年法治政府建设任务分解表-部门%d.xlsx", d))
		writeInBook(b, p, returnedBook(2024, fmt.Sprintf("部门%d", d), rows, d%2 == 0)...)
		paths = append(paths, p)
	}
	b.ReportAllocs()
	for b.Loop() {
		m := Collect(2024, tasks, nil, paths...)
		if len(m.Changes) != 600 {
			b.Fatalf("%d changes", len(m.Changes))
		}
	}
}

// TestWriteBenchWorkbook writes the 5,000-task workbook where
// TASKSHEET_BENCH_OUT says, for measuring `fazhi tasks import` as a whole
// process (max RSS with /usr/bin/time -v). It does nothing otherwise.
func TestWriteBenchWorkbook(t *testing.T) {
	out := os.Getenv("TASKSHEET_BENCH_OUT")
	if out == "" {
		t.Skip("set TASKSHEET_BENCH_OUT=path to write the benchmark workbook")
	}
	writeInBook(t, out, bigTable(5000))
}
