package tasksheet

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"fazhi/data"
	"fazhi/export/fileerr"
	"fazhi/export/workbook"
)

// sheetOf builds a sheet from a compact text: rows on lines, cells split by
// "|", ¶ a line break inside a cell, a row starting with "~" hidden;
// merges as "A1:E1". The same form
// seeds FuzzRead, so every case here is also a fuzzing start.
func sheetOf(text string, merges ...string) workbook.Sheet {
	s := workbook.Sheet{Name: "Sheet1"}
	for i, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "~") {
			s.HiddenRows = append(s.HiddenRows, i)
			line = line[1:]
		}
		s.Rows = append(s.Rows, strings.Split(strings.ReplaceAll(line, "¶", "\n"), "|"))
	}
	for _, m := range merges {
		a, b, _ := strings.Cut(m, ":")
		c1, r1 := cellRef(a)
		c2, r2 := cellRef(b)
		s.Merges = append(s.Merges, workbook.Merge{FirstRow: r1, LastRow: r2, FirstCol: c1, LastCol: c2})
	}
	return s
}

// cellRef reads "B3" as zero-based (col 1, row 2).
func cellRef(s string) (int, int) {
	i := strings.IndexAny(s, "0123456789")
	if i <= 0 {
		return 0, 0
	}
	col, _ := ParseColumnLetter(s[:i])
	row := 0
	for _, r := range s[i:] {
		row = row*10 + int(r-'0')
	}
	return col, row - 1
}

// wantTask is what a case checks of one task.
type wantTask struct {
	chapter, no, text, lead, coop, resp, deadline, deadlineText, status, progress string
	all, longTerm                                                                 bool
	extra                                                                         map[string]string
}

func summarise(d data.TaskDraft) wantTask {
	t := wantTask{
		chapter: d.Chapter, no: strconv.Itoa(d.No), text: d.Text,
		lead: strings.Join(d.LeadNames, "、"), coop: strings.Join(d.CooperateNames, "、"), resp: strings.Join(d.ResponsibleNames, "、"),
		deadline: d.Deadline.String(), deadlineText: d.DeadlineText, status: string(d.Status),
		all: d.AllRelevant, longTerm: d.LongTerm, extra: d.Extra,
	}
	if len(d.Progress) > 0 {
		t.progress = d.Progress[0].Text
	}
	return t
}

// readCases are layouts met in real 任务分解表; fuzzing found none yet.
var readCases = []struct {
	name     string
	text     string
	merges   []string
	header   []int    // 1-based header rows
	meanings []Column // of the header columns, in order
	title    string
	chapters []string // "no title"
	tasks    []wantTask
	footer   int      // footer lines
	problems []string // substrings, one per expected problem
}{
	{
		name:     "single header",
		text:     "序号|工作任务|牵头单位|配合单位|完成时限|备注\n1|加强党的领导。具体如下|党政办|法制办、司法所|2024年6月底|无\n2|推进依法决策|司法所||2024-12-31|",
		header:   []int{1},
		meanings: []Column{ColNo, ColTask, ColLead, ColCooperate, ColDeadline, ColNote},
		tasks: []wantTask{
			{no: "1", text: "加强党的领导。具体如下", lead: "党政办", coop: "法制办、司法所", deadline: "2024-06-30", deadlineText: "2024年6月底", extra: map[string]string{"备注": "无"}},
			{no: "2", text: "推进依法决策", lead: "司法所", deadline: "2024-12-31"},
		},
	},
	{
		name:     "title rows, spaced headers, footer lines",
		text:     "黄江镇2024年法治政府建设任务分解表|||\n（截至2024年6月30日）|||\n序  号|工作¶任务|责 任 单 位|时间节点\n1|任务甲|党 政 办|长期坚持\n填报单位：黄江镇党政办|||\n联系电话：0769-1234|||",
		merges:   []string{"A1:D1"},
		header:   []int{3},
		meanings: []Column{ColNo, ColTask, ColResponsible, ColDeadline},
		title:    "黄江镇2024年法治政府建设任务分解表",
		tasks:    []wantTask{{no: "1", text: "任务甲", resp: "党政办", longTerm: true, deadlineText: "长期坚持"}},
		footer:   2,
	},
	{
		name:     "two-level merged header",
		text:     "序号|重点任务|责任单位||完成时限|完成情况\n||牵头单位|配合单位||\n1|任务甲|组织办|财政分局|2024.6.30|已完成\n2|任务乙|法制办||45657|推进中",
		merges:   []string{"A1:A2", "B1:B2", "C1:D1", "E1:E2", "F1:F2"},
		header:   []int{1, 2},
		meanings: []Column{ColNo, ColTask, ColLead, ColCooperate, ColDeadline, ColStatus},
		tasks: []wantTask{
			{no: "1", text: "任务甲", lead: "组织办", coop: "财政分局", deadline: "2024-06-30", status: "已完成"},
			{no: "2", text: "任务乙", lead: "法制办", deadline: "2024-12-31", status: "推进中"},
		},
	},
	{
		name:     "chapter rows across merged cells, numbering restarts",
		text:     "序号|工作任务|牵头单位\n一、依法全面履行政府职能||\n1|任务甲|党政办\n2|任务乙|党政办\n二|健全制度体系|\n1|任务丙|法制办",
		merges:   []string{"A2:C2"},
		header:   []int{1},
		meanings: []Column{ColNo, ColTask, ColLead},
		chapters: []string{"一 依法全面履行政府职能", "二 健全制度体系"},
		tasks: []wantTask{
			{chapter: "一", no: "1", text: "任务甲", lead: "党政办"},
			{chapter: "一", no: "2", text: "任务乙", lead: "党政办"},
			{chapter: "二", no: "1", text: "任务丙", lead: "法制办"},
		},
	},
	{
		name:     "continuation rows and merged cells over several rows",
		text:     "序号|具体措施|责任单位|进展情况\n1|措施一|党政办|已开展培训\n|措施一续|司法所|召开会议\n2|措施二|法制办|\n3|措施三||",
		merges:   []string{"C4:C5"},
		header:   []int{1},
		meanings: []Column{ColNo, ColTask, ColResponsible, ColProgress},
		tasks: []wantTask{
			{no: "1", text: "措施一\n措施一续", resp: "党政办、司法所", progress: "已开展培训\n召开会议"},
			{no: "2", text: "措施二", resp: "法制办"},
			{no: "3", text: "措施三", resp: "法制办"},
		},
	},
	{
		name:     "number merged over a task's rows",
		text:     "序号|主要任务|具体措施|牵头单位\n1|任务甲|措施一|党政办\n||措施二|\n2|任务乙|措施三|司法所",
		merges:   []string{"A2:A3", "B2:B3", "D2:D3"},
		header:   []int{1},
		meanings: []Column{ColNo, ColTask, ColTask, ColLead},
		tasks: []wantTask{
			{no: "1", text: "任务甲\n措施一\n措施二", lead: "党政办"},
			{no: "2", text: "任务乙\n措施三", lead: "司法所"},
		},
	},
	{
		name:     "hidden rows, text numbers, all relevant, role words",
		text:     "序号|工作任务|牵头单位|配合单位\n１|任务甲|党政办牵头|各有关部门\n~2.|任务乙|法制办|\n3.0|任务丙|司法所|",
		header:   []int{1},
		meanings: []Column{ColNo, ColTask, ColLead, ColCooperate},
		tasks: []wantTask{
			{no: "1", text: "任务甲", lead: "党政办", all: true},
			{no: "2", text: "任务乙", lead: "法制办"},
			{no: "3", text: "任务丙", lead: "司法所"},
		},
		problems: []string{"隐藏"},
	},
	{
		name:     "extra columns kept by their header",
		text:     "编号|任务内容|牵头领导|责任部门|佐证材料|\n1|任务甲|张三|党政办|会议纪要|x",
		header:   []int{1},
		meanings: []Column{ColNo, ColTask, ColUnknown, ColResponsible, ColUnknown},
		tasks: []wantTask{
			{no: "1", text: "任务甲", resp: "党政办", extra: map[string]string{"牵头领导": "张三", "佐证材料": "会议纪要"}},
		},
	},
	{
		name:     "no number column: every row a task",
		text:     "工作任务|责任单位|完成时限\n任务甲|党政办|6月底\n任务乙|司法所|按上级要求",
		header:   []int{1},
		meanings: []Column{ColTask, ColResponsible, ColDeadline},
		tasks: []wantTask{
			{no: "1", text: "任务甲", resp: "党政办", deadline: "2024-06-30", deadlineText: "6月底"},
			{no: "2", text: "任务乙", resp: "司法所", deadlineText: "按上级要求"},
		},
		problems: []string{"读不出日期"},
	},
	{
		name:     "orphan row without number before any task",
		text:     "序号|工作任务|牵头单位\n|按季度报送|\n1|任务甲|党政办\n1|任务甲重复|党政办",
		header:   []int{1},
		meanings: []Column{ColNo, ColTask, ColLead},
		tasks: []wantTask{
			{no: "1", text: "任务甲", lead: "党政办"},
			{no: "1", text: "任务甲重复", lead: "党政办"},
		},
		problems: []string{"没有序号", "重复"},
	},
}

func TestRead(t *testing.T) {
	for _, c := range readCases {
		t.Run(c.name, func(t *testing.T) {
			p, err := Read([]workbook.Sheet{sheetOf(c.text, c.merges...)}, Options{Year: 2024, Source: "t.xlsx"})
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if !reflect.DeepEqual(p.HeaderRows, c.header) {
				t.Errorf("header rows %v, want %v", p.HeaderRows, c.header)
			}
			var got []Column
			for _, col := range p.Columns {
				got = append(got, col.Meaning)
			}
			if !reflect.DeepEqual(got, c.meanings) {
				t.Errorf("meanings %v, want %v", got, c.meanings)
			}
			if c.title != "" && p.Title != c.title {
				t.Errorf("title %q, want %q", p.Title, c.title)
			}
			var chs []string
			for _, ch := range p.Import.Plan.Chapters {
				chs = append(chs, ch.No+" "+ch.Title)
			}
			if !reflect.DeepEqual(chs, c.chapters) {
				t.Errorf("chapters %q, want %q", chs, c.chapters)
			}
			if len(p.Import.Tasks) != len(c.tasks) {
				t.Fatalf("%d tasks, want %d: %+v", len(p.Import.Tasks), len(c.tasks), p.Import.Tasks)
			}
			for i, want := range c.tasks {
				if got := summarise(p.Import.Tasks[i]); !reflect.DeepEqual(got, want) {
					t.Errorf("task %d:\n got %+v\nwant %+v", i, got, want)
				}
			}
			if len(p.Footer) != c.footer {
				t.Errorf("footer %q, want %d lines", p.Footer, c.footer)
			}
			if len(p.Problems) != len(c.problems) {
				t.Errorf("problems %v, want %d", p.Problems, len(c.problems))
			}
			for i, want := range c.problems {
				if i < len(p.Problems) && !strings.Contains(p.Problems[i].Msg, want) {
					t.Errorf("problem %d = %q, want it to mention %q", i, p.Problems[i].Msg, want)
				}
			}
		})
	}
}

func TestReadNoHeader(t *testing.T) {
	for _, text := range []string{
		"",
		"2024年任务分解表||\n|||",
		"序号|合同名称|金额\n1|采购|100",
		"工作任务\n任务甲", // a task column alone is a list, not a header
	} {
		_, err := Read([]workbook.Sheet{sheetOf(text, "A1:C1")}, Options{Source: "x.xlsx"})
		var e *fileerr.Error
		if !asError(err, &e) || e.Kind != fileerr.ErrNotOurs || !errors.Is(err, ErrNoHeader) {
			t.Errorf("%q: err %v, want ErrNoHeader", text, err)
			continue
		}
		if msg := e.UserMessage(); !strings.Contains(msg, "没有找到任务分解表的表头") || !strings.Contains(msg, "Sheet1") {
			t.Errorf("message %q", msg)
		}
	}
}

func TestReadOverride(t *testing.T) {
	s := sheetOf("序号|工作任务|单位|时间\n1|任务甲|党政办|2024-03-31")
	p, err := Read([]workbook.Sheet{s}, Options{Year: 2024})
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Import.Tasks[0].Extra["单位"]; got != "党政办" {
		t.Fatalf("unknown column not kept: %v", p.Import.Tasks[0].Extra)
	}
	// The clerk says C is 牵头单位 and D 完成时限: read again.
	p, err = Read([]workbook.Sheet{s}, Options{Year: 2024, Columns: map[int]Column{2: ColLead, 3: ColDeadline}})
	if err != nil {
		t.Fatal(err)
	}
	got := p.Import.Tasks[0]
	if strings.Join(got.LeadNames, "") != "党政办" || got.Deadline.String() != "2024-03-31" || len(got.Extra) != 0 {
		t.Fatalf("override not applied: %+v", got)
	}
	if !p.Columns[2].Overridden || p.Columns[1].Overridden {
		t.Fatalf("overridden flags: %+v", p.Columns)
	}
}

func TestReadPicksSheet(t *testing.T) {
	notes := sheetOf("说明\n本表按季度填报")
	notes.Name = "说明"
	hidden := sheetOf("序号|工作任务|牵头单位\n1|旧任务|党政办")
	hidden.Name, hidden.Hidden = "旧表", true
	table := sheetOf("序号|工作任务|牵头单位\n1|新任务|党政办")
	table.Name = "任务分解表"
	p, err := Read([]workbook.Sheet{notes, hidden, table}, Options{})
	if err != nil || p.Sheet != "任务分解表" || p.Import.Tasks[0].Text != "新任务" {
		t.Fatalf("picked %q, err %v", p.Sheet, err)
	}
	p, err = Read([]workbook.Sheet{notes, hidden, table}, Options{Sheet: "旧表"})
	if err != nil || p.Import.Tasks[0].Text != "旧任务" {
		t.Fatalf("forced sheet: %+v, %v", p, err)
	}
	if _, err := Read([]workbook.Sheet{notes, hidden, table}, Options{Sheet: "说明"}); err == nil {
		t.Fatal("a sheet without header read")
	}
}

func TestParseColumn(t *testing.T) {
	for in, want := range map[string]Column{
		"序号": ColNo, "序\n号": ColNo, "ＮＯ": ColUnknown, "重点任务": ColTask, "具体措施": ColTask,
		"牵头单位": ColLead, "牵头部门": ColLead, "牵头领导": ColUnknown, "协办单位": ColCooperate,
		"责任单位": ColResponsible, "时间节点": ColDeadline, "完成时限（年月日）": ColDeadline,
		"2024年上半年进展情况": ColProgress, "推进情况": ColProgress, "备注": ColNote, "任务标识": ColID,
		"完成状态": ColStatus, "": ColUnknown, "联系电话": ColUnknown,
	} {
		if got := ParseColumn(in); got != want {
			t.Errorf("ParseColumn(%q) = %v, want %v", in, got, want)
		}
	}
	for _, c := range Columns {
		if got := ParseColumn(c.Title()); got != c && c != ColUnknown {
			t.Errorf("title %q reads back as %v", c.Title(), got)
		}
		if got, ok := ColumnByTitle(c.Title()); !ok || got != c {
			t.Errorf("ColumnByTitle(%q) = %v %v", c.Title(), got, ok)
		}
	}
}

func TestColumnLetter(t *testing.T) {
	for i, s := range map[int]string{0: "A", 25: "Z", 26: "AA", 701: "ZZ", 702: "AAA"} {
		if ColumnLetter(i) != s {
			t.Errorf("ColumnLetter(%d) = %q", i, ColumnLetter(i))
		}
		if n, ok := ParseColumnLetter(s); !ok || n != i {
			t.Errorf("ParseColumnLetter(%q) = %d %v", s, n, ok)
		}
	}
}

func FuzzRead(f *testing.F) {
	for _, c := range readCases {
		f.Add(c.text, strings.Join(c.merges, ","))
	}
	f.Fuzz(func(t *testing.T, text, merges string) {
		var ms []string
		if merges != "" {
			ms = strings.Split(merges, ",")
		}
		s := sheetOf(text, ms...)
		p, err := Read([]workbook.Sheet{s}, Options{Year: 2024})
		if err != nil {
			return
		}
		if len(p.Rows) != len(p.Import.Tasks) {
			t.Fatalf("%d rows for %d tasks", len(p.Rows), len(p.Import.Tasks))
		}
		for _, task := range p.Import.Tasks {
			if task.No <= 0 || strings.TrimSpace(task.Text) == "" {
				t.Fatalf("bad task %+v", task)
			}
		}
		for _, r := range p.HeaderRows {
			if r < 1 || r > len(s.Rows) {
				t.Fatalf("header row %d outside %d rows", r, len(s.Rows))
			}
		}
	})
}

func asError(err error, target **fileerr.Error) bool {
	e, ok := err.(*fileerr.Error)
	if ok {
		*target = e
	}
	return ok
}
