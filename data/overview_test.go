package data

import (
	"slices"
	"testing"
)

func day(t *testing.T, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestSummarize(t *testing.T) {
	plan := Plan{Year: 2024, Chapters: []Chapter{{No: "一", Title: "依法全面履行政府职能"}, {No: "二", Title: "完善依法行政制度体系"}}}
	names := map[uint64]string{1: "法制办", 2: "党政办", 3: "组织办"}
	tasks := []Task{
		{ID: 1, Chapter: "一", No: 1, Deadline: day(t, "2024-06-30"), Lead: []uint64{1}, Cooperate: []uint64{2}},   // overdue 2 months
		{ID: 2, Chapter: "一", No: 2, Deadline: day(t, "2024-09-20"), Responsible: []uint64{2}},                    // due in 19 days
		{ID: 3, Chapter: "二", No: 3, LongTerm: true, Status: StatusOngoing, Lead: []uint64{1}},                    // no date
		{ID: 4, Chapter: "二", No: 4, Deadline: day(t, "2024-03-31"), Status: StatusDone, Lead: []uint64{1, 1}},    // done, a duplicated id
		{ID: 5, Chapter: "二", No: 5, Deadline: day(t, "2024-08-31"), Lead: []uint64{3}},                           // overdue yesterday
		{ID: 6, Chapter: "二", No: 6, Deadline: day(t, "2024-12-31"), Status: StatusInProgress, Lead: []uint64{3}}, // far off
		{ID: 7, Chapter: "", No: 7, Deadline: day(t, "2024-10-01"), Status: StatusDone, Responsible: []uint64{2}}, // done early, no chapter
	}
	o := Summarize(plan, tasks, names, day(t, "2024-09-01"))

	if o.Year.Total != 7 || o.Year.Done != 2 || o.Year.Overdue != 2 || o.Year.Percent() != 28 {
		t.Errorf("year %+v, %d%%; want 2 of 7 done (28%%), 2 overdue", o.Year, o.Year.Percent())
	}
	var urgent []uint64
	for _, u := range o.Urgent {
		urgent = append(urgent, u.ID)
	}
	if !slices.Equal(urgent, []uint64{1, 5, 2}) {
		t.Errorf("urgent %v; want the longest overdue first, then the soonest due: [1 5 2]", urgent)
	}
	wantCh := []Completion{
		{Label: "一、依法全面履行政府职能", Done: 0, Total: 2, Overdue: 1},
		{Label: "二、完善依法行政制度体系", Done: 1, Total: 4, Overdue: 1},
		{Label: "未分章节", Done: 1, Total: 1},
	}
	if !slices.Equal(o.Chapters, wantCh) {
		t.Errorf("chapters %+v\nwant %+v", o.Chapters, wantCh)
	}
	wantDepts := []Completion{
		{Label: "组织办", Done: 0, Total: 2, Overdue: 1},
		{Label: "法制办", Done: 1, Total: 3, Overdue: 1},
		{Label: "党政办", Done: 1, Total: 3, Overdue: 1},
	}
	// 法制办 and 党政办 tie at 1/3; ties go by name (Unicode order: 党 < 法).
	wantDepts[1], wantDepts[2] = wantDepts[2], wantDepts[1]
	if !slices.Equal(o.Depts, wantDepts) {
		t.Errorf("departments %+v\nwant %+v", o.Depts, wantDepts)
	}
	if len(o.OverdueRanking) != 3 || o.OverdueRanking[0].Overdue != 1 {
		t.Errorf("overdue ranking %+v", o.OverdueRanking)
	}
}

func TestSummarizeEmptyYear(t *testing.T) {
	o := Summarize(Plan{}, nil, nil, day(t, "2024-09-01"))
	if o.Year.Total != 0 || o.Year.Percent() != 0 || o.Urgent != nil || o.Chapters != nil || o.Depts != nil {
		t.Errorf("an empty year: %+v", o)
	}
}

func TestCalendar(t *testing.T) {
	for _, tc := range []struct {
		level string
		want  []string // date: name
	}{
		{LevelTownship, []string{
			"2024-03-31 报送2023年度法治政府建设年度报告",
			"2024-03-31 第一季度任务推进情况报送",
			"2024-04-01 向社会公开2023年度报告",
			"2024-06-30 第二季度任务推进情况报送",
			"2024-09-30 第三季度任务推进情况报送",
			"2024-12-31 第四季度任务推进情况报送",
			"2025-03-31 报送2024年度法治政府建设年度报告",
			"2025-04-01 向社会公开2024年度报告",
		}},
		{LevelCounty, []string{
			"2024-03-01 报送2023年度法治政府建设年度报告",
			"2024-03-31 第一季度任务推进情况报送",
			"2024-04-01 向社会公开2023年度报告",
			"2024-06-30 第二季度任务推进情况报送",
			"2024-09-30 第三季度任务推进情况报送",
			"2024-12-31 第四季度任务推进情况报送",
			"2025-03-01 报送2024年度法治政府建设年度报告",
			"2025-04-01 向社会公开2024年度报告",
		}},
	} {
		var got []string
		for _, d := range Calendar(2024, tc.level) {
			got = append(got, d.Date.String()+" "+d.Name)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s calendar:\n%q\nwant\n%q", tc.level, got, tc.want)
		}
	}
	// 2024 is a leap year; the quarter ends must not drift in a common year.
	if q1 := Calendar(2023, LevelTownship)[1]; q1.Date.String() != "2023-03-31" {
		t.Errorf("2023 first quarter ends %v", q1.Date)
	}
}
