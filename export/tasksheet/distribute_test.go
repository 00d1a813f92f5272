package tasksheet

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fazhi/export/workbook"
)

func TestSplit(t *testing.T) {
	got := map[string][]int{}
	var order []string
	for _, d := range Split(sample().Tasks) {
		order = append(order, d.Dept)
		for _, t := range d.Tasks {
			got[d.Dept] = append(got[d.Dept], t.No)
		}
	}
	if want := []string{"司法所", "党政办", "人力资源分局", "综合执法办"}; !slices.Equal(order, want) {
		t.Errorf("departments %v; want %v", order, want)
	}
	// Task 2 is 各有关部门: everyone gets it.
	for dept, want := range map[string][]int{"司法所": {1, 2, 4}, "党政办": {1, 2, 3, 4}, "人力资源分局": {2, 3}, "综合执法办": {2, 4}} {
		if !slices.Equal(got[dept], want) {
			t.Errorf("%s gets %v; want %v", dept, got[dept], want)
		}
	}
}

// TestWriteDept checks the contract the collector reads.
func TestWriteDept(t *testing.T) {
	defer func(old func() time.Time) { now = old }(now)
	now = func() time.Time { return time.Date(2024, 7, 1, 8, 30, 0, 0, time.FixedZone("CST", 8*3600)) }
	in := sample()
	var d DeptTasks
	for _, s := range Split(in.Tasks) {
		if s.Dept == "人力资源分局" {
			d = s
		}
	}
	var buf bytes.Buffer
	if err := WriteDept(&buf, in, d); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), DeptFileName(in.Profile, 2024, d.Dept))
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	f := open(t, path)
	if got := f.GetSheetList(); !slices.Equal(got, []string{DistSheet, workbook.StampSheet}) {
		t.Fatalf("sheets %v", got)
	}
	if f.GetActiveSheetIndex() != 0 {
		t.Errorf("active sheet %d; want the table", f.GetActiveSheetIndex())
	}
	rows, _ := f.GetRows(DistSheet)
	if rows[0][0] != "黄江镇2024年法治政府建设任务分解表（人力资源分局）" || rows[1][0] != Instructions {
		t.Errorf("title and instructions: %q %q", rows[0][0], rows[1][0])
	}
	header := rows[2]
	if header[len(header)-1] != "任务标识" || header[0] != "序号" || !slices.Contains(header, "进展情况") {
		t.Errorf("header %q", header)
	}
	idCol := len(header)
	idName := string(rune('A' + idCol - 1))
	if vis, _ := f.GetColVisible(DistSheet, idName); vis {
		t.Errorf("任务标识 column %s visible", idName)
	}
	progCol := string(rune('A' + slices.Index(header, "进展情况")))
	// Rows: chapter 一, task 2, chapter 二, task 3.
	for cell, want := range map[string]string{
		"A4": "一、全面提高依法行政能力", "A5": "2", idName + "5": "fazhi:2024:12",
		"A6": "二、加强法治宣传", "A7": "3", idName + "7": "fazhi:2024:13", idName + "6": "",
		progCol + "5": "", progCol + "7": "",
	} {
		if got := get(t, f, DistSheet, cell); got != want {
			t.Errorf("%s = %q; want %q", cell, got, want)
		}
	}
	dvs, _ := f.GetDataValidations(DistSheet)
	statusCol := string(rune('A' + slices.Index(header, "完成状态")))
	if len(dvs) != 1 || dvs[0].Sqref != statusCol+"4:"+statusCol+"7" || !strings.Contains(dvs[0].Formula1, "长期坚持") {
		t.Errorf("status validation %+v", dvs)
	}
	for cell, want := range map[string]string{
		"A1": "fazhi-distribute", "B1": "1", "A2": "year", "B2": "2024", "A3": "dept", "B3": "人力资源分局",
		"A4": "unit", "B4": "黄江镇", "A5": "exported", "B5": "2024-07-01T08:30:00+08:00",
	} {
		if got := get(t, f, workbook.StampSheet, cell); got != want {
			t.Errorf("_fazhi!%s = %q; want %q", cell, got, want)
		}
	}
	if state := sheetState(t, buf.Bytes(), workbook.StampSheet); state != "veryHidden" {
		t.Errorf("_fazhi state %q; want veryHidden", state)
	}
	var titles string
	for _, n := range f.GetDefinedName() {
		if n.Name == "_xlnm.Print_Titles" {
			titles = n.RefersTo
		}
	}
	if titles != "'任务分解表'!$3:$3" {
		t.Errorf("print titles %q", titles)
	}
}

// sheetState reads a sheet's state attribute from workbook.xml: excelize
// reports very hidden and hidden alike.
func sheetState(t *testing.T, xlsx []byte, name string) string {
	zr, err := zip.NewReader(bytes.NewReader(xlsx), int64(len(xlsx)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if zf.Name != "xl/workbook.xml" {
			continue
		}
		rc, _ := zf.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		s := string(b)
		i := strings.Index(s, `name="`+name+`"`)
		if i < 0 {
			t.Fatalf("no sheet %s in workbook.xml", name)
		}
		el := s[strings.LastIndex(s[:i], "<sheet "):]
		el = el[:strings.Index(el, ">")]
		_, after, ok := strings.Cut(el, `state="`)
		if !ok {
			return "visible"
		}
		return after[:strings.Index(after, `"`)]
	}
	t.Fatal("no workbook.xml")
	return ""
}
