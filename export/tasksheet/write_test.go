package tasksheet

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fazhi/data"

	"github.com/xuri/excelize/v2"
)

func day(s string) data.Date {
	d, err := data.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// sample is a small year with what a real table holds: two chapters, a
// task led by one department with a cooperating one, a 各有关部门 task,
// a long-term task, progress on both sides of 6月30日, an extra column,
// remarks, and text a spreadsheet would take for a formula.
func sample() Export {
	at := time.Date(2024, 7, 1, 9, 0, 0, 0, time.UTC)
	tasks := []data.TaskDraft{
		{Task: data.Task{ID: 11, Year: 2024, Seq: 1, Chapter: "一", No: 1, Title: "规范性文件合法性审核",
			Text: "规范性文件合法性审核率达到100%", Deadline: day("2024-03-31"), Status: data.StatusDone,
			Extra: map[string]string{"备注": "按季度报送", "分管领导": "张副镇长"},
			Progress: []data.Progress{
				{Date: day("2024-07-15"), Dept: 2, Text: "七月新审核3件", At: at},
				{Date: day("2024-03-20"), Dept: 1, Text: "已审核12件", At: at},
			}},
			LeadNames: []string{"司法所"}, CooperateNames: []string{"党政办"}},
		{Task: data.Task{ID: 12, Year: 2024, Seq: 2, Chapter: "一", No: 2, Title: "=HYPERLINK(\"http://x\",\"点我\")",
			Text: "=HYPERLINK(\"http://x\",\"点我\")", AllRelevant: true, Deadline: day("2024-12-31"),
			DeadlineText: "2024年底前", DeadlineSource: data.DeadlineInline, Status: data.StatusInProgress},
			LeadNames: []string{"司法所"}},
		{Task: data.Task{ID: 13, Year: 2024, Seq: 3, Chapter: "二", No: 3, Title: "+领导干部学法", Text: "+领导干部学法",
			LongTerm: true, Status: data.StatusOngoing, Extra: map[string]string{"分管领导": "@李四"}},
			ResponsibleNames: []string{"党政办", "人力资源分局"}},
		{Task: data.Task{ID: 14, Year: 2024, Seq: 4, Chapter: "二", No: 4, Title: "-1 行政执法公示", Text: "-1 行政执法公示",
			Status: data.StatusNotStarted}, LeadNames: []string{"综合执法办"}, CooperateNames: []string{"司法所", "党政办"}},
	}
	return Export{
		Plan: data.Plan{Year: 2024, Title: "黄江镇2024年法治政府建设工作要点", Chapters: []data.Chapter{
			{No: "一", Title: "全面提高依法行政能力"}, {No: "二", Title: "加强法治宣传"}}},
		Tasks:   tasks,
		Depts:   map[uint64]string{1: "司法所", 2: "党政办"},
		Profile: data.Profile{Name: "黄江镇人民政府", Short: "黄江镇", Contact: "张三", Phone: "0769-83632011"},
		Date:    day("2024-07-20"),
	}
}

// large is a year of n tasks over 8 chapters, the size the speed targets
// name, with text as long as real tasks.
func large(n int) Export {
	in := sample()
	in.Tasks = nil
	in.Plan.Chapters = nil
	chapters := []string{"一", "二", "三", "四", "五", "六", "七", "八"}
	for _, c := range chapters {
		in.Plan.Chapters = append(in.Plan.Chapters, data.Chapter{No: c, Title: "推进严格规范公正文明执法第" + c + "部分"})
	}
	text := strings.Repeat("深入推进行政执法三项制度，健全行政裁量权基准制度，", 3)
	for i := range n {
		in.Tasks = append(in.Tasks, data.TaskDraft{
			Task: data.Task{ID: uint64(i + 1), Year: 2024, Seq: i + 1, Chapter: chapters[i*len(chapters)/n], No: i + 1,
				Title: text, Text: text, Deadline: day("2024-12-31"), Status: data.StatusInProgress,
				Progress: []data.Progress{{Date: day("2024-06-30"), Dept: 1, Text: "已完成年度培训计划的一半，组织执法人员培训2期"}}},
			LeadNames: []string{"司法所"}, CooperateNames: []string{"党政办", "综合执法办"},
		})
	}
	return in
}

func writeFile(t testing.TB, in Export) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, in); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "out.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func open(t testing.TB, path string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: 256 << 20, UnzipXMLSizeLimit: 32 << 20})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func get(t testing.TB, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// rowOf finds the row whose first cell reads text (0 when none).
func rowOf(t testing.TB, f *excelize.File, sheet, text string) int {
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 0 && r[0] == text {
			return i + 1
		}
	}
	return 0
}

// TestWrite writes the sample in our layout, reads it back with excelize
// and checks each promise of the layout.
func TestWrite(t *testing.T) {
	cases := []struct {
		name  string
		asOf  string
		check func(t *testing.T, f *excelize.File)
	}{
		{"title and header", "", func(t *testing.T, f *excelize.File) {
			if got := get(t, f, DistSheet, "A1"); got != "黄江镇2024年法治政府建设任务分解表" {
				t.Errorf("title %q", got)
			}
			want := []string{"序号", "工作任务", "牵头单位", "配合单位", "责任单位", "完成时限", "进展情况", "完成状态", "备注", "分管领导"}
			rows, _ := f.GetRows(DistSheet)
			if !slices.Equal(rows[1], want) {
				t.Errorf("header %q; want %q", rows[1], want)
			}
			merges, _ := f.GetMergeCells(DistSheet)
			var refs []string
			for _, m := range merges {
				refs = append(refs, m.GetStartAxis()+":"+m.GetEndAxis())
			}
			for _, ref := range []string{"A1:J1", "A3:J3", "A6:J6"} {
				if !slices.Contains(refs, ref) {
					t.Errorf("merges %v lack %s", refs, ref)
				}
			}
			id, _ := f.GetCellStyle(DistSheet, "A1")
			s, _ := f.GetStyle(id)
			if s.Font == nil || !s.Font.Bold {
				t.Errorf("title not bold: %+v", s.Font)
			}
		}},
		{"chapters and tasks", "", func(t *testing.T, f *excelize.File) {
			for cell, want := range map[string]string{
				"A3": "一、全面提高依法行政能力", "A4": "1", "B4": "规范性文件合法性审核率达到100%", "C4": "司法所", "D4": "党政办",
				"F4": "2024年3月31日", "H4": "已完成", "I4": "按季度报送", "J4": "张副镇长",
				"D5": "各有关部门", "F5": "2024年12月31日（2024年底前）",
				"A6": "二、加强法治宣传", "E7": "党政办、人力资源分局", "F7": "长期坚持", "J7": "@李四",
				"D8": "司法所、党政办", "F8": "",
			} {
				if got := get(t, f, DistSheet, cell); got != want {
					t.Errorf("%s = %q; want %q", cell, got, want)
				}
			}
			if typ, _ := f.GetCellType(DistSheet, "A4"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
				t.Errorf("序号 stored as %v; want a number", typ)
			}
		}},
		{"formula-like text stays text", "", func(t *testing.T, f *excelize.File) {
			for cell, want := range map[string]string{"B5": "=HYPERLINK(\"http://x\",\"点我\")", "B7": "+领导干部学法", "B8": "-1 行政执法公示", "J7": "@李四"} {
				if got := get(t, f, DistSheet, cell); got != want {
					t.Errorf("%s = %q; want %q", cell, got, want)
				}
				if fm, _ := f.GetCellFormula(DistSheet, cell); fm != "" {
					t.Errorf("%s became a formula %q", cell, fm)
				}
				id, _ := f.GetCellStyle(DistSheet, cell)
				if s, _ := f.GetStyle(id); s.NumFmt != 49 {
					t.Errorf("%s number format %d; want 49 (text)", cell, s.NumFmt)
				}
			}
		}},
		{"all progress, oldest first", "", func(t *testing.T, f *excelize.File) {
			want := "2024年3月20日（司法所）：已审核12件\n2024年7月15日（党政办）：七月新审核3件"
			if got := get(t, f, DistSheet, "G4"); got != want {
				t.Errorf("progress %q; want %q", got, want)
			}
		}},
		{"as of a day", "2024-06-30", func(t *testing.T, f *excelize.File) {
			if got := get(t, f, DistSheet, "A1"); got != "黄江镇2024年法治政府建设任务分解表（截至2024年6月30日）" {
				t.Errorf("title %q", got)
			}
			if got := get(t, f, DistSheet, "G4"); got != "2024年3月20日（司法所）：已审核12件" {
				t.Errorf("progress after the day shown: %q", got)
			}
		}},
		{"borders and wrapping", "", func(t *testing.T, f *excelize.File) {
			for _, cell := range []string{"A2", "B4", "G4", "A3"} {
				id, _ := f.GetCellStyle(DistSheet, cell)
				s, _ := f.GetStyle(id)
				if len(s.Border) != 4 {
					t.Errorf("%s borders %v", cell, s.Border)
				}
				if cell != "A4" && (s.Alignment == nil || !s.Alignment.WrapText) {
					t.Errorf("%s does not wrap", cell)
				}
			}
			if w, _ := f.GetColWidth(DistSheet, "B"); w < 40 {
				t.Errorf("task column %v wide", w)
			}
		}},
		{"print setup", "", func(t *testing.T, f *excelize.File) {
			pl, _ := f.GetPageLayout(DistSheet)
			if *pl.Size != 9 || *pl.Orientation != "landscape" || *pl.FitToWidth != 1 || *pl.FitToHeight != 0 {
				t.Errorf("page layout %d %s %d %d", *pl.Size, *pl.Orientation, *pl.FitToWidth, *pl.FitToHeight)
			}
			props, _ := f.GetSheetProps(DistSheet)
			if props.FitToPage == nil || !*props.FitToPage {
				t.Error("fit to page not set")
			}
			var titles string
			for _, n := range f.GetDefinedName() {
				if n.Name == "_xlnm.Print_Titles" && n.Scope == DistSheet {
					titles = n.RefersTo
				}
			}
			if titles != "'任务分解表'!$2:$2" {
				t.Errorf("print titles %q", titles)
			}
			p, _ := f.GetPanes(DistSheet)
			if !p.Freeze || p.YSplit != 2 {
				t.Errorf("panes %+v", p)
			}
		}},
		{"footer line", "", func(t *testing.T, f *excelize.File) {
			r := rowOf(t, f, DistSheet, "填报单位：黄江镇人民政府　　联系人：张三　　联系电话：0769-83632011　　填报日期：2024年7月20日")
			if r != 10 {
				t.Errorf("footer line at row %d; want 10 (a blank row after the last task)", r)
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := sample()
			if c.asOf != "" {
				in.AsOf = day(c.asOf)
			}
			c.check(t, open(t, writeFile(t, in)))
		})
	}
}

// TestWriteNoResponsible: without 责任单位 anywhere the column is left out.
func TestWriteNoResponsible(t *testing.T) {
	in := sample()
	in.Tasks = in.Tasks[:1]
	rows, _ := open(t, writeFile(t, in)).GetRows(DistSheet)
	if slices.Contains(rows[1], "责任单位") {
		t.Errorf("header %q has 责任单位", rows[1])
	}
}

// TestWriteLarge: the 5,000-task table comes out whole.
func TestWriteLarge(t *testing.T) {
	f := open(t, writeFile(t, large(5000)))
	rows, _ := f.GetRows(DistSheet)
	// title, header, 8 chapters, 5,000 tasks, blank, footer
	if len(rows) != 2+8+5000+2 {
		t.Fatalf("%d rows", len(rows))
	}
	if got := rows[len(rows)-3][0]; got != fmt.Sprint(5000) {
		t.Errorf("last task row starts %q", got)
	}
}
