// Sampleexport writes a three-page 任务分解表 through tasksheet.Write, for
// a look by eye at what the export puts on paper: the merged title with
// （截至…）, chapter rows, long task text wrapping across rows, every status,
// a 各有关部门 task, a long-term task, an extra column, progress on both
// sides of the cut-off day and the 填报单位 line. Render it to PNG with
// scripts/render.sh.
//
//	go run ./internal/tools/sampleexport -o /tmp/xlsx/sample-tasks.xlsx
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fazhi/data"
	"fazhi/export/safefile"
	"fazhi/export/tasksheet"
)

func main() {
	out := flag.String("o", "", "the .xlsx file to write (replaced if it exists)")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: go run ./internal/tools/sampleexport -o sample-tasks.xlsx")
		os.Exit(2)
	}
	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "sampleexport:", err)
		os.Exit(1)
	}
	in := sample()
	if err := safefile.WriteFile(*out, true, func(w io.Writer) error { return tasksheet.Write(w, in) }); err != nil {
		fmt.Fprintln(os.Stderr, "sampleexport:", err)
		os.Exit(1)
	}
}

func day(s string) data.Date {
	d, err := data.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// sample is a year of 40 tasks in two chapters, as of 2024-06-30.
func sample() tasksheet.Export {
	at := time.Date(2024, 7, 1, 9, 0, 0, 0, time.UTC)
	tasks := []data.TaskDraft{
		{Task: data.Task{ID: 11, Year: 2024, Seq: 1, Chapter: "一", No: 1, Title: "规范性文件合法性审核",
			Text: "规范性文件合法性审核率达到100%", Deadline: day("2024-03-31"), Status: data.StatusDone,
			Extra: map[string]string{"备注": "按季度报送", "分管领导": "张副镇长"},
			Progress: []data.Progress{
				{Date: day("2024-07-15"), Dept: 2, Text: "七月新审核3件（截至日之后，不应出现）", At: at},
				{Date: day("2024-03-20"), Dept: 1, Text: "已审核12件", At: at},
			}},
			LeadNames: []string{"司法所"}, CooperateNames: []string{"党政办"}},
		{Task: data.Task{ID: 12, Year: 2024, Seq: 2, Chapter: "一", No: 2, Title: "落实行政机关负责人出庭应诉制度",
			Text: "落实行政机关负责人出庭应诉制度", AllRelevant: true, Deadline: day("2024-12-31"),
			DeadlineText: "2024年底前", DeadlineSource: data.DeadlineInline, Status: data.StatusInProgress},
			LeadNames: []string{"司法所"}},
		{Task: data.Task{ID: 13, Year: 2024, Seq: 3, Chapter: "二", No: 3, Title: "领导干部学法", Text: "领导干部学法",
			LongTerm: true, Status: data.StatusOngoing, Extra: map[string]string{"分管领导": "李副镇长"}},
			ResponsibleNames: []string{"党政办", "人力资源分局"}},
		{Task: data.Task{ID: 14, Year: 2024, Seq: 4, Chapter: "二", No: 4, Title: "行政执法公示", Text: "行政执法公示",
			Status: data.StatusNotStarted}, LeadNames: []string{"综合执法办"}, CooperateNames: []string{"司法所", "党政办"}},
	}
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
		tasks = append(tasks, data.TaskDraft{
			Task: data.Task{ID: uint64(100 + i), Year: 2024, Seq: 10 + i, Chapter: "二", No: 5 + i, Title: text, Text: text,
				Deadline: day("2024-12-31"), Status: data.StatusInProgress,
				Progress: []data.Progress{{Date: day("2024-05-31"), Dept: 1, Text: "已制定工作方案，召开专题会议1次"}}},
			LeadNames: []string{"司法所"}, CooperateNames: []string{"党政办", "综合行政执法队"},
		})
	}
	return tasksheet.Export{
		Plan: data.Plan{Year: 2024, Title: "黄江镇2024年法治政府建设工作要点", Chapters: []data.Chapter{
			{No: "一", Title: "全面提高依法行政能力"}, {No: "二", Title: "加强法治宣传"}}},
		Tasks:   tasks,
		Depts:   map[uint64]string{1: "司法所", 2: "党政办"},
		Profile: data.Profile{Name: "黄江镇人民政府", Short: "黄江镇", Contact: "张三", Phone: "0769-83632011"},
		AsOf:    day("2024-06-30"),
		Date:    day("2024-07-20"),
	}
}
