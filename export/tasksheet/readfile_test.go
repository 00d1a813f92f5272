package tasksheet

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fazhi/internal/testfiles"

	"fazhi/export/fileerr"
	"fazhi/export/workbook"
	"github.com/xuri/excelize/v2"
)

// inSheet is one sheet a test writes with excelize: rows of values
// (strings, ints, floats; a inDate is written as a serial with a date
// format, as Excel stores a typed date), merges, hidden rows (1-based).
type inSheet struct {
	name       string
	rows       [][]any
	merges     []string
	hidden     []int
	hideCol    string
	veryHidden bool
}

type inDate float64

func writeInBook(t testing.TB, path string, sheets ...inSheet) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for r, row := range s.rows {
			for c, v := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				switch v := v.(type) {
				case nil:
					continue
				case inDate:
					f.SetCellValue(s.name, cell, float64(v))
					f.SetCellStyle(s.name, cell, cell, dateStyle)
				default:
					if err := f.SetCellValue(s.name, cell, v); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
		for _, m := range s.merges {
			a, b, _ := strings.Cut(m, ":")
			if err := f.MergeCell(s.name, a, b); err != nil {
				t.Fatal(err)
			}
		}
		for _, r := range s.hidden {
			if err := f.SetRowVisible(s.name, r, false); err != nil {
				t.Fatal(err)
			}
		}
		if s.hideCol != "" {
			f.SetColVisible(s.name, s.hideCol, false)
		}
		if s.veryHidden {
			if err := f.SetSheetVisible(s.name, false, true); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// cityLayout is a 任务分解表 as a city sends it: title, two-level merged
// header, chapter rows, a continuation row, a hidden row, a text number, a
// typed date, an extra column and the footer.
func cityLayout() inSheet {
	return inSheet{
		name: "附件1",
		rows: [][]any{
			{"黄江镇2024年法治政府建设任务分解表"},
			{"序号", "重点任务", "责任单位", nil, "完成时限", "佐证材料"},
			{nil, nil, "牵头单位", "配合单位"},
			{"一、加强党的领导"},
			{1, "健全党委领导法治建设的制度", "党政办", "组织办、法制办", inDate(45473), "会议纪要"},
			{nil, "每季度研究一次法治工作", nil, "司法所"},
			{"２", "落实第一责任人职责", "党政办", nil, "2024年底"},
			{"二、依法行政"},
			{3, "规范行政执法", "综合执法办", "各有关部门", "长期坚持"},
			{4, "已撤销的任务", "法制办", nil, "2024-03-31"},
			{"填报单位：黄江镇党政办", nil, "联系人：张三"},
		},
		merges: []string{"A1:F1", "A2:A3", "B2:B3", "C2:D2", "E2:E3", "F2:F3", "A4:F4", "A8:F8"},
		hidden: []int{10},
	}
}

func TestReadFileLayout(t *testing.T) {
	path := filepath.Join(t.TempDir(), "city.xlsx")
	writeInBook(t, path, inSheet{name: "说明", rows: [][]any{{"请按时填报"}}}, cityLayout())
	p, wb, err := ReadFile(path, Options{Year: 2024})
	if err != nil {
		t.Fatal(err)
	}
	if wb.Dist != nil {
		t.Errorf("stamp on a city file: %+v", wb.Dist)
	}
	if p.Sheet != "附件1" || len(p.HeaderRows) != 2 || p.HeaderRows[0] != 2 {
		t.Fatalf("sheet %q header %v", p.Sheet, p.HeaderRows)
	}
	if p.Title != "黄江镇2024年法治政府建设任务分解表" || len(p.Footer) != 1 {
		t.Errorf("title %q footer %q", p.Title, p.Footer)
	}
	if n := len(p.Import.Plan.Chapters); n != 2 {
		t.Fatalf("%d chapters", n)
	}
	tasks := p.Import.Tasks
	if len(tasks) != 4 {
		t.Fatalf("%d tasks: %+v", len(tasks), tasks)
	}
	t1 := tasks[0]
	if t1.Chapter != "一" || t1.No != 1 || t1.Text != "健全党委领导法治建设的制度\n每季度研究一次法治工作" ||
		strings.Join(t1.CooperateNames, "、") != "组织办、法制办、司法所" || t1.Deadline.String() != "2024-06-30" ||
		t1.Extra["佐证材料"] != "会议纪要" {
		t.Errorf("task 1: %+v", t1)
	}
	if tasks[1].No != 2 || tasks[1].Deadline.String() != "2024-12-31" {
		t.Errorf("task 2: %+v", tasks[1])
	}
	if tasks[2].Chapter != "二" || !tasks[2].AllRelevant || !tasks[2].LongTerm {
		t.Errorf("task 3: %+v", tasks[2])
	}
	if !p.Rows[3].Hidden || len(p.Problems) != 1 || p.Problems[0].Row != 10 {
		t.Errorf("hidden row not reported: %+v %v", p.Rows, p.Problems)
	}
}

func TestReadFileStamp(t *testing.T) {
	path := filepath.Join(t.TempDir(), "dept.xlsx")
	writeInBook(t, path, returnedBook(2024, "党政办", []returnedRow{{7, "1", "任务甲", "已开展", ""}}, true)...)
	p, wb, err := ReadFile(path, Options{Year: 2024})
	if err != nil {
		t.Fatal(err)
	}
	if wb.Dist == nil || wb.Dist.Dept != "党政办" || wb.Dist.Year != 2024 {
		t.Fatalf("stamp %+v", wb.Dist)
	}
	if len(p.Sheets) != 1 || p.Rows[0].Ref != "fazhi:2024:7" || p.Import.Tasks[0].Progress[0].Text != "已开展" {
		t.Fatalf("preview %+v %+v", p.Sheets, p.Rows)
	}
	if y, id, ok := ParseTaskRef(p.Rows[0].Ref); !ok || y != 2024 || id != 7 {
		t.Fatalf("ParseTaskRef: %d %d %v", y, id, ok)
	}
}

// TestRealFixtures: neither real workbook is a 任务分解表. The WPS one is a
// 招采/合同/供应商 ledger and must be refused with a message naming its
// sheets; the .xls (a statistical return) opens through export/xls and is
// refused the same way.
func TestRealFixtures(t *testing.T) {
	for _, c := range []struct{ file, sheets string }{
		{"soe_procurement_ledger_3sheets_WPS_redacted.xlsx", "招采台账、合同台账、供应商台账"},
		{"xzfy_guofaban_stat_template.xls", "sheet1、Sheet2"},
	} {
		path := realFixtureIn(t, c.file)
		wb, err := OpenFile(path)
		if err != nil {
			t.Fatalf("%s: %v", c.file, err)
		}
		if len(wb.Sheets) == 0 {
			t.Fatalf("%s: no sheets", c.file)
		}
		_, _, err = ReadFile(path, Options{Year: 2024})
		var e *fileerr.Error
		if !errors.As(err, &e) || !errors.Is(err, ErrNoHeader) {
			t.Fatalf("%s: err %v, want ErrNoHeader", c.file, err)
		}
		msg := e.UserMessage()
		if !strings.Contains(msg, "没有找到任务分解表的表头") || !strings.Contains(msg, c.sheets) || !strings.Contains(msg, c.file) {
			t.Errorf("%s: message %q", c.file, msg)
		}
	}
}

func realFixtureIn(t testing.TB, name string) string { return testfiles.Fixture(t, name) }

// returnedRow is one task row of a distributed workbook as a department returns
// it: the stored id (0 = the hidden column was lost), number, text and the
// progress typed in.
type returnedRow struct {
	id       uint64
	no, text string
	progress string
	status   string
}

// distributed writes what the distribution contract says a department's
// workbook holds (the writer lands on another branch): sheet 任务分解表 with
// title, instructions, header, rows and the hidden 任务标识 column, and the
// very-hidden _fazhi stamp. stamp=false stands for a file retyped in WPS
// that lost both.
func returnedBook(year int, dept string, rows []returnedRow, stamp bool) []inSheet {
	table := inSheet{name: DistSheet, rows: [][]any{
		{"黄江镇" + "2024年法治政府建设任务分解表（" + dept + "）"},
		{"请在“进展情况”一栏填写本部门的工作进展，不要改动其他各栏。"},
		{ColNo.Title(), ColTask.Title(), ColLead.Title(), ColCooperate.Title(), ColDeadline.Title(), ColProgress.Title(), ColStatus.Title(), ColNote.Title()},
	}, merges: []string{"A1:H1", "A2:H2"}}
	if stamp {
		table.rows[2] = append(table.rows[2], ColID.Title())
		table.hideCol = "I"
	}
	for _, r := range rows {
		row := []any{r.no, r.text, dept, nil, "2024-12-31", r.progress, r.status, nil}
		if stamp && r.id != 0 {
			row = append(row, TaskRef(year, r.id))
		}
		table.rows = append(table.rows, row)
	}
	out := []inSheet{table}
	if stamp {
		out = append(out, inSheet{name: workbook.StampSheet, veryHidden: true, rows: [][]any{
			{StampMagic, StampVersion}, {"year", year}, {"dept", dept}, {"unit", "黄江镇"},
			{"exported", time.Date(2024, 6, 1, 9, 0, 0, 0, time.UTC).Format(time.RFC3339)},
		}})
	}
	return out
}
