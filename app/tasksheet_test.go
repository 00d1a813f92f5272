package app

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"fazhi/data"
	"fazhi/export/safefile"
	"fazhi/export/tasksheet"
)

// wait returns what the channel gives, or fails after a generous time: the
// window's long work runs on its own goroutine.
func wait[T any](t *testing.T, ch chan T) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(20 * time.Second):
		t.Fatal("the long work never finished")
	}
	var zero T
	return zero
}

// The e-mail round trip in the window: export the table, send each
// department its workbook, a department fills in progress and sends it
// back, the clerk collects it and ticks what to keep.
func TestExcelRoundTripInWindow(t *testing.T) {
	u, s, v := openTasks(t)
	if _, err := s.SetProfile(data.Profile{Name: "企石镇人民政府", Short: "企石镇"}); err != nil {
		t.Fatal(err)
	}

	dir := t.TempDir()
	exported := make(chan string, 1)
	v.exportTo(dir, func(p string) { exported <- p })
	path := wait(t, exported)
	if !strings.HasPrefix(filepath.Base(path), "企石镇2024年法治政府建设任务分解表（截至") {
		t.Errorf("exported as %q", filepath.Base(path))
	}
	p, _, err := tasksheet.ReadFile(path, tasksheet.Options{Year: 2024})
	if err != nil || len(p.Import.Tasks) != 4 {
		t.Fatalf("the exported workbook reads back as %v tasks, %v", p, err)
	}

	out := t.TempDir()
	sent := make(chan []tasksheet.Distributed, 1)
	v.distributeTo(out, false, func(d []tasksheet.Distributed) { sent <- d })
	files := wait(t, sent)
	i := slices.IndexFunc(files, func(d tasksheet.Distributed) bool { return d.Dept == "法制办" })
	if i < 0 {
		t.Fatalf("no workbook for 法制办 among %v", files)
	}

	// 法制办 writes its progress on its first task and sends the file back.
	f, err := excelize.OpenFile(files[i].Path)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(tasksheet.DistSheet)
	header := slices.IndexFunc(rows, func(r []string) bool { return slices.Contains(r, "进展情况") })
	col := slices.Index(rows[header], "进展情况")
	first := header + 1 // the first task row: chapter rows have no number
	for first < len(rows) && (len(rows[first]) == 0 || strings.Contains(rows[first][0], "、")) {
		first++
	}
	cell, _ := excelize.CoordinatesToCellName(col+1, first+1)
	f.SetCellValue(tasksheet.DistSheet, cell, "已完成首批审批事项清理，取消审批事项5项。")
	back := t.TempDir()
	if err := f.SaveAs(filepath.Join(back, filepath.Base(files[i].Path))); err != nil {
		t.Fatal(err)
	}
	f.Close()

	shown := make(chan *collectPreview, 1)
	v.collectFrom(back, func(p *collectPreview) { shown <- p })
	prev := wait(t, shown)
	if len(prev.m.Changes) != 1 || !prev.accept[0] {
		t.Fatalf("changes %+v, accepted %v; want the one new progress ticked", prev.m.Changes, prev.accept)
	}
	prev.apply()
	id := prev.m.Changes[0].TaskID
	task, _ := s.Task(id)
	latest, ok := task.LatestProgress()
	dept, _ := s.ResolveDepartment("法制办")
	if !ok || latest.Text != "已完成首批审批事项清理，取消审批事项5项。" || latest.Dept != dept.ID {
		t.Errorf("after 保存所选 the latest progress is %+v", latest)
	}
	_ = u
}

// Cancelling long work leaves no file behind and runs no completion.
func TestLongWorkCancelLeavesNothing(t *testing.T) {
	u, _ := newTestUI(t)
	dir := t.TempDir()
	target := filepath.Join(dir, "任务分解表.xlsx")
	started, finished := make(chan bool), make(chan error, 1)
	doneCalled := false
	runLong(u.Window(), "正在导出任务分解表", func(ctx context.Context) error {
		err := safefile.WriteFile(target, false, func(w io.Writer) error {
			w.Write([]byte("半截内容"))
			close(started)
			<-ctx.Done()
			return ctx.Err()
		})
		finished <- err
		return err
	}, func(error) { doneCalled = true })
	<-started
	tapButton(t, u.Window().Canvas().Overlays().Top(), "取消")
	if err := wait(t, finished); err == nil {
		t.Fatal("the cancelled work reported success")
	}
	time.Sleep(50 * time.Millisecond) // let the completion reach the UI goroutine
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("cancelling left %d files behind", len(entries))
	}
	if doneCalled {
		t.Error("a cancelled job still ran its completion")
	}
}

// Ticking both sides of a conflict is refused with a sentence; nothing is
// stored until one side is chosen.
func TestCollectClashRefused(t *testing.T) {
	u, s, v := openTasks(t)
	tasks, _ := s.Tasks(2024)
	id := tasks[0].ID
	m := &tasksheet.Collection{Year: 2024, Changes: []tasksheet.Change{
		{File: "a.xlsx", Dept: "法制办", TaskID: id, No: tasks[0].No, Kind: tasksheet.ChangeStatus, Old: "未开始", New: "已完成", Conflict: "与另一份表不一致"},
		{File: "b.xlsx", Dept: "党政办", TaskID: id, No: tasks[0].No, Kind: tasksheet.ChangeStatus, Old: "未开始", New: "推进中", Conflict: "与另一份表不一致"},
	}}
	p := v.showCollect(m)
	p.accept[0], p.accept[1] = true, true
	p.apply()
	if top := strings.Join(labels(u.win.Canvas().Overlays().Top()), ""); !strings.Contains(top, "请只勾选其中一处") {
		t.Errorf("no refusal for both sides ticked: %q", top)
	}
	if got, _ := s.Tasks(2024); got[0].Status != tasks[0].Status {
		t.Fatalf("a refused apply changed the status to %s", got[0].Status)
	}
	p.accept[1] = false
	p.apply()
	if got, _ := s.Tasks(2024); got[0].Status != data.StatusDone {
		t.Errorf("status after choosing 法制办's side: %s", got[0].Status)
	}
}
