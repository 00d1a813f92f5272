package tasksheet

import (
	"fmt"
	"path/filepath"
	"runtime"
	"testing"

	"fazhi/data"
	"fazhi/internal/testfiles"
)

// BenchmarkImport5000: open and read a 5,000-task workbook (target ≤ 1 s,
// ≤ 200 MB). peak-MB is the heap high-water mark during one read.
func BenchmarkImport5000(b *testing.B) {
	path := filepath.Join(b.TempDir(), "big.xlsx")
	if err := testfiles.TaskTable(path, 5000); err != nil {
		b.Fatal(err)
	}
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
