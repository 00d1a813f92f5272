package data

import (
	"errors"
	"testing"
)

func TestApplyCollected(t *testing.T) {
	s := openTemp(t)
	hr := mustAdd(t, s, "人力资源分局", "人资分局")
	if _, err := s.ImportPlan(samplePlan(2017), false); err != nil {
		t.Fatal(err)
	}
	tasks, _ := s.Tasks(2017)
	t1, t2 := tasks[0], tasks[1]
	res, err := s.ApplyCollected([]CollectedChange{
		{TaskID: t1.ID, Dept: "人资分局", Date: d("2017-06-28"), Source: "表-人资分局.xlsx", Progress: "已完成清理"},
		{TaskID: t1.ID, Dept: "", Date: d("2017-06-29"), Source: "无名.xlsx", Progress: "另一份"},
		{TaskID: t2.ID, Dept: "不存在办", Date: d("2017-06-30"), Source: "表-不存在办.xlsx", Status: StatusDone, Text: "推进政府机构职能优化（改）"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Progress != 2 || res.Status != 1 || res.Text != 1 || len(res.UnknownDepts) != 1 || res.UnknownDepts[0] != "不存在办" {
		t.Errorf("result %+v", res)
	}
	got, _ := s.Task(t1.ID)
	if len(got.Progress) != 2 || got.Progress[0].Dept != hr.ID || got.Progress[0].Date != d("2017-06-28") ||
		got.Progress[0].By != "人力资源分局（表-人资分局.xlsx）" || got.Progress[1].Dept != 0 || got.Status != StatusInProgress {
		t.Errorf("task 1 after merge: %+v", got)
	}
	got, _ = s.Task(t2.ID)
	if got.Status != StatusDone || got.Text != "推进政府机构职能优化（改）" || got.StatusBy != "不存在办（表-不存在办.xlsx）" {
		t.Errorf("task 2 after merge: %+v", got)
	}
}

func TestApplyCollectedIsOneTransaction(t *testing.T) {
	s := openTemp(t)
	if _, err := s.ImportPlan(samplePlan(2017), false); err != nil {
		t.Fatal(err)
	}
	tasks, _ := s.Tasks(2017)
	_, err := s.ApplyCollected([]CollectedChange{
		{TaskID: tasks[0].ID, Progress: "写入了吗"},
		{TaskID: 9999, Progress: "任务已被替换"},
	})
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("err %v, want ErrNotFound", err)
	}
	if got, _ := s.Task(tasks[0].ID); len(got.Progress) != 0 {
		t.Errorf("a failed merge stored progress: %+v", got.Progress)
	}
	_, err = s.ApplyCollected([]CollectedChange{{TaskID: tasks[0].ID, Status: "差不多"}})
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("bad status: %v", err)
	}
}
