package app

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// departmentSheet writes a 任务分解表 as an office keeps it: a title, a
// header, a chapter row and three tasks, a 填报人 line below.
func departmentSheet(t *testing.T, path string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	rows := [][]any{
		{"企石镇2024年法治政府建设任务分解表"},
		{"序号", "工作任务", "牵头单位", "配合单位", "完成时限", "联系人"},
		{"一、依法全面履行政府职能"},
		{1, "深化行政审批制度改革", "政务服务中心", "法制办", "2024年6月底", "张三"},
		{2, "推进综合行政执法改革", "综合执法办", "", "2024年12月", "李四"},
		{3, "完善法律顾问制度", "司法所", "", "长期坚持", "王五"},
		{"填报人：王喆", "", "联系电话：0769-86762000"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// 导入 Excel in the window: the preview shows what was found, changing a
// column's meaning reads the table again, 取消 stores nothing, 保存 stores
// the tasks with their unknown column kept, and a bad file is refused with
// the command line's message.
func TestSheetImportDialog(t *testing.T) {
	u, s := newTestUI(t)
	path := filepath.Join(t.TempDir(), "任务分解表.xlsx")
	departmentSheet(t, path)

	shown := make(chan *planImport, 1)
	saved := false
	u.importSheetFile(2024, path, func() { saved = true }, func(p *planImport) { shown <- p })
	p := wait(t, shown)
	if len(p.imp.Tasks) != 3 || p.sheet.preview.HeaderRowsText() != "2" {
		t.Fatalf("read %d tasks, header at %q; want 3 tasks under row 2", len(p.imp.Tasks), p.sheet.preview.HeaderRowsText())
	}
	if got := p.imp.Tasks[0].CooperateNames; !slices.Equal(got, []string{"法制办"}) {
		t.Errorf("task 1 配合 %v", got)
	}
	if !strings.Contains(p.summary.Text, "共 1 章、3 项任务") || p.save.Disabled() {
		t.Errorf("summary %q, save disabled %v", p.summary.Text, p.save.Disabled())
	}

	// The clerk says column D is the responsible unit, not the co-operating one.
	p.sheet.pickers["D"].SetSelected("责任单位")
	if got := p.imp.Tasks[0]; len(got.CooperateNames) != 0 || !slices.Equal(got.ResponsibleNames, []string{"法制办"}) {
		t.Errorf("after D → 责任单位: 配合 %v, 责任 %v", got.CooperateNames, got.ResponsibleNames)
	}
	if p.sheet.pickers["D"].Selected != "责任单位" {
		t.Error("the picker forgot the clerk's choice after reading again")
	}

	p.dlg.Hide() // 取消
	if tasks, _ := s.Tasks(2024); len(tasks) != 0 || saved {
		t.Fatalf("取消 stored %d tasks", len(tasks))
	}

	u.importSheetFile(2024, path, func() { saved = true }, func(p *planImport) { shown <- p })
	p = wait(t, shown)
	p.doSave(false)
	tasks, _ := s.Tasks(2024)
	if len(tasks) != 3 || !saved {
		t.Fatalf("保存 stored %d tasks (done called %v)", len(tasks), saved)
	}
	if tasks[0].Extra["联系人"] != "张三" {
		t.Errorf("the unknown column 联系人 was not kept: %v", tasks[0].Extra)
	}

	// A file that is not a workbook: the message, no dialog, nothing stored.
	bad := filepath.Join(t.TempDir(), "空.xlsx")
	os.WriteFile(bad, nil, 0o600)
	u.importSheetFile(2025, bad, nil, func(*planImport) { t.Error("a dialog opened for an empty file") })
	deadline := time.Now().Add(20 * time.Second)
	said := func() bool {
		top := u.win.Canvas().Overlays().Top()
		return top != nil && strings.Contains(strings.Join(labels(top), ""), "空文件")
	}
	for !said() {
		if time.Now().After(deadline) {
			t.Fatal("no message for an empty file")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if tasks, _ := s.Tasks(2025); len(tasks) != 0 {
		t.Error("an empty file stored tasks")
	}
}
