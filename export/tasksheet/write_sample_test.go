package tasksheet

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fazhi/data"
)

// TestSampleExport writes a three-page table to
// $FAZHI_XLSX_SAMPLE/sample-tasks.xlsx for a look by eye; see
// scripts/render.sh. Skipped without the variable.
func TestSampleExport(t *testing.T) {
	dir := os.Getenv("FAZHI_XLSX_SAMPLE")
	if dir == "" {
		t.Skip("set FAZHI_XLSX_SAMPLE=<folder> to write sample-tasks.xlsx there")
	}
	in := sample()
	in.AsOf = day("2024-06-30")
	phrases := []string{
		"健全重大行政决策程序制度，严格落实公众参与、专家论证、风险评估、合法性审查和集体讨论决定程序",
		"加强行政规范性文件制定和监督管理",
		"全面落实行政执法公示、执法全过程记录、重大执法决定法制审核制度，推进行政执法标准化建设，定期组织执法案卷评查",
		"开展“八五”普法中期评估",
	}
	for i := range 36 {
		text := phrases[i%len(phrases)]
		if i%5 == 0 {
			text += "；" + strings.Repeat("完善镇村两级公共法律服务体系，", 2)
		}
		in.Tasks = append(in.Tasks, data.TaskDraft{
			Task: data.Task{ID: uint64(100 + i), Year: 2024, Seq: 10 + i, Chapter: "二", No: 5 + i, Title: text, Text: text,
				Deadline: day("2024-12-31"), Status: data.StatusInProgress,
				Progress: []data.Progress{{Date: day("2024-05-31"), Dept: 1, Text: "已制定工作方案，召开专题会议1次"}}},
			LeadNames: []string{"司法所"}, CooperateNames: []string{"党政办", "综合行政执法队"},
		})
	}
	var buf bytes.Buffer
	if err := Write(&buf, in); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "sample-tasks.xlsx"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
