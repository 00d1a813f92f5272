package data

import (
	"encoding/json"
	"errors"
	"testing"
	"time"
)

func d(s string) Date {
	v, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return v
}

func TestDateJSONAndForms(t *testing.T) {
	for _, tc := range []struct {
		date    Date
		json    string
		chinese string
	}{
		{d("2024-06-30"), `"2024-06-30"`, "2024年6月30日"},
		{Date{}, `null`, ""},
	} {
		b, err := json.Marshal(tc.date)
		if err != nil || string(b) != tc.json {
			t.Errorf("Marshal(%v) = %s, %v; want %s", tc.date, b, err, tc.json)
		}
		var back Date
		if err := json.Unmarshal(b, &back); err != nil || back != tc.date {
			t.Errorf("Unmarshal(%s) = %v, %v", b, back, err)
		}
		if got := tc.date.Chinese(); got != tc.chinese {
			t.Errorf("Chinese() = %q; want %q", got, tc.chinese)
		}
	}
	if _, err := ParseDate("2024/6/30"); !errors.Is(err, ErrInvalid) {
		t.Errorf("ParseDate of a bad form = %v", err)
	}
	if got := d("2024-02-29").AddYears(1); got != d("2025-03-01") {
		t.Errorf("AddYears over 29 Feb = %v", got)
	}
}

func TestOverdueAndLights(t *testing.T) {
	asOf := d("2024-06-30")
	for _, tc := range []struct {
		name    string
		task    Task
		overdue bool
		light   Light
	}{
		{"passed, not done", Task{Deadline: d("2024-06-29"), Status: StatusInProgress}, true, LightRed},
		{"passed, done", Task{Deadline: d("2024-06-29"), Status: StatusDone}, false, LightGreen},
		{"due today", Task{Deadline: d("2024-06-30"), Status: StatusNotStarted}, false, LightYellow},
		{"30 days left", Task{Deadline: d("2024-07-30"), Status: StatusNotStarted}, false, LightYellow},
		{"31 days left", Task{Deadline: d("2024-07-31"), Status: StatusNotStarted}, false, LightGreen},
		{"long term, no date", Task{LongTerm: true, Status: StatusOngoing}, false, LightGreen},
		{"no date", Task{Status: StatusNotStarted}, false, LightGreen},
	} {
		if got := tc.task.Overdue(asOf); got != tc.overdue {
			t.Errorf("%s: Overdue = %v; want %v", tc.name, got, tc.overdue)
		}
		if got := tc.task.Light(asOf); got != tc.light {
			t.Errorf("%s: Light = %v; want %v", tc.name, got, tc.light)
		}
	}
}

func TestParseStatus(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Status
		err  error
	}{
		{"已完成", StatusDone, nil},
		{" 完成 ", StatusDone, nil},
		{"正在推进", StatusInProgress, nil},
		{"持续推进", StatusOngoing, nil},
		{"", StatusNotStarted, nil},
		{"差不多了", "", ErrInvalid},
	} {
		got, err := ParseStatus(tc.in)
		if got != tc.want || !errors.Is(err, tc.err) {
			t.Errorf("ParseStatus(%q) = %q, %v; want %q, %v", tc.in, got, err, tc.want, tc.err)
		}
	}
}

func TestStatusAndProgress(t *testing.T) {
	s := openTemp(t)
	fzb := mustAdd(t, s, "法制办")
	task, err := s.SaveTask(Task{Year: 2024, No: 1, Text: "开展合法性审查", Responsible: []uint64{fzb.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if task.Status != StatusNotStarted {
		t.Errorf("new task status %q", task.Status)
	}

	task, err = s.AddProgress(task.ID, Progress{Date: d("2024-03-31"), Dept: fzb.ID, Text: "已审查文件12件", By: "命令行"})
	if err != nil {
		t.Fatal(err)
	}
	if task.Status != StatusInProgress {
		t.Errorf("progress on a task not started left status %q; want 推进中", task.Status)
	}
	if _, err := s.AddProgress(task.ID, Progress{Date: d("2024-06-30"), Dept: fzb.ID, Text: "已审查文件30件"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddProgress(task.ID, Progress{Text: "  "}); !errors.Is(err, ErrInvalid) {
		t.Errorf("empty progress = %v; want ErrInvalid", err)
	}
	before := time.Now()
	task, err = s.SetStatus(task.ID, StatusDone, "窗口")
	if err != nil {
		t.Fatal(err)
	}
	if task.Status != StatusDone || task.StatusBy != "窗口" || task.StatusAt.Before(before) {
		t.Errorf("status change not recorded: %+v", task)
	}
	if _, err := s.SetStatus(task.ID, "差不多", ""); !errors.Is(err, ErrInvalid) {
		t.Errorf("bad status = %v", err)
	}
	stored, _ := s.Task(task.ID)
	latest, ok := stored.LatestProgress()
	if !ok || latest.Text != "已审查文件30件" || len(stored.Progress) != 2 {
		t.Errorf("latest progress = %+v (%d entries)", latest, len(stored.Progress))
	}
	if _, err := s.SaveTask(Task{Year: 2024, Lead: []uint64{999}}); !errors.Is(err, ErrNotFound) {
		t.Errorf("task naming a missing department = %v; want ErrNotFound", err)
	}
}

func TestDeadlineLabel(t *testing.T) {
	for _, tc := range []struct {
		task Task
		want string
	}{
		{Task{Deadline: d("2017-12-31"), DeadlineText: "到2017年底", DeadlineSource: DeadlineInline}, "2017年12月31日（到2017年底）"},
		{Task{Deadline: d("2018-12-31"), DeadlineText: "2018年年底前", DeadlineSource: DeadlineClosing}, "2018年12月31日"},
		{Task{Deadline: d("2024-06-30")}, "2024年6月30日"},
		{Task{LongTerm: true}, "长期坚持"},
		{Task{}, "未定"},
	} {
		if got := tc.task.DeadlineLabel(); got != tc.want {
			t.Errorf("DeadlineLabel(%+v) = %q; want %q", tc.task, got, tc.want)
		}
	}
}
