package data

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func samplePlan(year int) PlanImport {
	return PlanImport{
		Plan: Plan{Year: year, Title: "企石镇法治政府建设实施方案", Chapters: []Chapter{{No: "一", Title: "依法全面履行政府职能"}, {No: "二", Title: "完善依法行政制度体系"}}},
		Tasks: []TaskDraft{
			{Task: Task{Chapter: "一", No: 1, Title: "深化行政审批制度改革", Text: "深化行政审批制度改革。", Deadline: d("2017-12-31"), DeadlineText: "到2017年底", DeadlineSource: DeadlineInline},
				LeadNames: []string{"政务服务中心"}, CooperateNames: []string{"人资分局", "社会事务办"}},
			{Task: Task{Chapter: "一", No: 2, Title: "推进政府机构职能优化", Deadline: d("2018-12-31"), DeadlineSource: DeadlineClosing},
				ResponsibleNames: []string{"党 政 办", "法制办"}},
			{Task: Task{Chapter: "二", No: 3, Title: "坚持学法制度", LongTerm: true, AllRelevant: true}},
		},
	}
}

func TestImportPlanResolvesAndCreatesDepartments(t *testing.T) {
	s := openTemp(t)
	hr := mustAdd(t, s, "人力资源分局", "人资分局")
	mustAdd(t, s, "党政办")

	imp := samplePlan(2017)
	fresh, err := s.NewDepartments(imp)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"政务服务中心", "社会事务办", "法制办"}; !slices.Equal(fresh, want) {
		t.Errorf("NewDepartments = %q; want %q", fresh, want)
	}
	if all, _ := s.Departments(); len(all) != 2 {
		t.Error("previewing new departments registered them")
	}

	res, err := s.ImportPlan(imp, false)
	if err != nil {
		t.Fatal(err)
	}
	if res.Tasks != 3 || !slices.Equal(res.Created, fresh) {
		t.Errorf("ImportResult = %+v", res)
	}
	tasks, _ := s.Tasks(2017)
	if len(tasks) != 3 {
		t.Fatalf("%d tasks stored", len(tasks))
	}
	if !slices.Contains(tasks[0].Cooperate, hr.ID) {
		t.Errorf("人资分局 did not resolve to 人力资源分局: %v", tasks[0].Cooperate)
	}
	if tasks[2].Status != StatusOngoing || !tasks[2].AllRelevant {
		t.Errorf("long-term task: %+v", tasks[2])
	}
	if p, ok, _ := s.PlanFor(2017); !ok || p.Title != imp.Plan.Title || len(p.Chapters) != 2 {
		t.Errorf("plan not stored: %+v", p)
	}

	// A second import of the year is refused unless replace is said, and
	// refusing changes nothing.
	s.AddProgress(tasks[0].ID, Progress{Text: "进展"})
	if _, err := s.ImportPlan(imp, false); !errors.Is(err, ErrExists) {
		t.Fatalf("second import = %v; want ErrExists", err)
	}
	if again, _ := s.Tasks(2017); len(again) != 3 || len(again[0].Progress) != 1 {
		t.Error("refused import changed the year")
	}
	res, err = s.ImportPlan(imp, true)
	if err != nil || res.Replaced != 3 || res.Tasks != 3 || len(res.Created) != 0 {
		t.Fatalf("replace = %+v, %v", res, err)
	}
	if again, _ := s.Tasks(2017); len(again) != 3 || len(again[0].Progress) != 0 {
		t.Error("replace did not replace the year's tasks")
	}
}

func TestImportPlanIsOneTransaction(t *testing.T) {
	s := openTemp(t)
	imp := samplePlan(2017)
	imp.Tasks[1].Status = "不存在的状态"
	if _, err := s.ImportPlan(imp, false); err == nil {
		t.Fatal("import with a bad task succeeded")
	}
	if all, _ := s.Departments(); len(all) != 0 {
		t.Errorf("failed import left %d departments behind", len(all))
	}
	if tasks, _ := s.Tasks(2017); len(tasks) != 0 {
		t.Errorf("failed import left %d tasks behind", len(tasks))
	}
	if _, ok, _ := s.PlanFor(2017); ok {
		t.Error("failed import left a plan behind")
	}
}

func TestCarryPlan(t *testing.T) {
	s := openTemp(t)
	imp := samplePlan(2017)
	if _, err := s.ImportPlan(imp, false); err != nil {
		t.Fatal(err)
	}
	tasks, _ := s.Tasks(2017)
	s.AddProgress(tasks[0].ID, Progress{Text: "已完成网上办事大厅建设"})
	s.SetStatus(tasks[0].ID, StatusDone, "")

	res, err := s.CarryPlan(2017, 2018)
	if err != nil || res.Tasks != 3 {
		t.Fatalf("CarryPlan = %+v, %v", res, err)
	}
	next, _ := s.Tasks(2018)
	for _, tc := range []struct {
		i        int
		deadline Date
		status   Status
	}{
		{0, d("2017-12-31"), StatusNotStarted}, // written in the task: kept for review
		{1, d("2019-12-31"), StatusNotStarted}, // the closing default: moved a year
		{2, Date{}, StatusOngoing},
	} {
		got := next[tc.i]
		if got.Deadline != tc.deadline || got.Status != tc.status || len(got.Progress) != 0 || got.Year != 2018 {
			t.Errorf("carried task %d: deadline %v status %q progress %d year %d", tc.i, got.Deadline, got.Status, len(got.Progress), got.Year)
		}
	}
	if old, _ := s.Tasks(2017); len(old) != 3 || old[0].Status != StatusDone || len(old[0].Progress) != 1 {
		t.Error("carrying changed the old year")
	}
	if _, err := s.CarryPlan(2017, 2018); !errors.Is(err, ErrExists) {
		t.Errorf("second carry = %v; want ErrExists", err)
	}
	if _, err := s.CarryPlan(2030, 2031); !errors.Is(err, ErrNotFound) {
		t.Errorf("carry of an empty year = %v; want ErrNotFound", err)
	}
}

func TestFindTask(t *testing.T) {
	s := openTemp(t)
	imp := samplePlan(2017)
	// Numbering that restarts in each chapter: two tasks numbered 1.
	imp.Tasks[1].No = 1
	imp.Tasks[1].Chapter = "二"
	if _, err := s.ImportPlan(imp, false); err != nil {
		t.Fatal(err)
	}
	if _, err := s.FindTask(2017, "", 1); !errors.Is(err, ErrInvalid) {
		t.Errorf("ambiguous number = %v; want ErrInvalid", err)
	}
	if got, err := s.FindTask(2017, "二", 1); err != nil || got.Title != "推进政府机构职能优化" {
		t.Errorf("FindTask(二,1) = %+v, %v", got, err)
	}
	if _, err := s.FindTask(2017, "", 9); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing number = %v", err)
	}
}

func TestAddTaskAndPlanWithNames(t *testing.T) {
	s := openTemp(t)
	mustAdd(t, s, "法制办")
	mustAdd(t, s, "人力资源分局", "人资分局")
	first, err := s.AddTask(2024, TaskDraft{Task: Task{Chapter: "一", No: 1, Title: "合法性审查"}, ResponsibleNames: []string{"法制办"}})
	if err != nil {
		t.Fatal(err)
	}
	second, err := s.AddTask(2024, TaskDraft{Task: Task{Chapter: "二", No: 2, Title: "培训", Deadline: d("2024-06-30")}, LeadNames: []string{"人资分局"}, CooperateNames: []string{"法制办"}})
	if err != nil {
		t.Fatal(err)
	}
	if first.Seq != 1 || second.Seq != 2 || first.Status != StatusNotStarted {
		t.Errorf("seq %d, %d status %q", first.Seq, second.Seq, first.Status)
	}
	if _, err := s.AddTask(2024, TaskDraft{Task: Task{No: 3}, LeadNames: []string{"人资办"}}); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown department = %v; want ErrNotFound", err)
	}
	if tasks, _ := s.Tasks(2024); len(tasks) != 2 {
		t.Errorf("refused add stored a task: %d", len(tasks))
	}
	doc, err := s.PlanWithNames(2024)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Plan.Chapters) != 2 || len(doc.Tasks) != 2 {
		t.Fatalf("plan with names: %+v", doc)
	}
	if got := doc.Tasks[1]; !slices.Equal(got.LeadNames, []string{"人力资源分局"}) || !slices.Equal(got.CooperateNames, []string{"法制办"}) {
		t.Errorf("names = %q / %q", got.LeadNames, got.CooperateNames)
	}
}

func TestResolveNames(t *testing.T) {
	s := openTemp(t)
	mustAdd(t, s, "人力资源分局", "人资分局", "人力资源局")
	imp := PlanImport{Tasks: []TaskDraft{{LeadNames: []string{"人 资 分 局"}, CooperateNames: []string{"人力资源局", "人资分局", "新部门"}}}}
	got, err := s.ResolveNames(imp)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.Tasks[0].LeadNames, []string{"人力资源分局"}) || !slices.Equal(got.Tasks[0].CooperateNames, []string{"人力资源分局", "新部门"}) {
		t.Errorf("ResolveNames = %q / %q", got.Tasks[0].LeadNames, got.Tasks[0].CooperateNames)
	}
	if imp.Tasks[0].LeadNames[0] != "人 资 分 局" {
		t.Error("ResolveNames changed its input")
	}
}

func TestImportPlanRecordsAliasesChosenInPreview(t *testing.T) {
	s := openTemp(t)
	hr := mustAdd(t, s, "人力资源分局")
	imp := samplePlan(2017)
	imp.Tasks[0].CooperateNames = []string{"人资分局"}
	imp.Aliases = map[string]string{"人资分局": "人力资源分局"}
	fresh, _ := s.NewDepartments(imp)
	if slices.Contains(fresh, "人资分局") {
		t.Errorf("a name answered in the preview is still new: %q", fresh)
	}
	res, err := s.ImportPlan(imp, false)
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(res.Created, "人资分局") {
		t.Error("人资分局 registered as a department instead of an alias")
	}
	if d, err := s.ResolveDepartment("人资分局"); err != nil || d.ID != hr.ID {
		t.Errorf("alias not recorded: %+v %v", d, err)
	}
	tasks, _ := s.Tasks(2017)
	if !slices.Equal(tasks[0].Cooperate, []uint64{hr.ID}) {
		t.Errorf("task cooperate = %v", tasks[0].Cooperate)
	}
	// An answer naming a department that does not exist fails the whole import.
	imp.Aliases = map[string]string{"人资分局": "没有这个局"}
	if _, err := s.ImportPlan(imp, true); !errors.Is(err, ErrNotFound) {
		t.Errorf("bad alias target = %v", err)
	}
	if again, _ := s.Tasks(2017); len(again) != 3 {
		t.Error("failed import changed the year")
	}
}

func TestYearWarning(t *testing.T) {
	due := func(s string) TaskDraft {
		d, err := ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return TaskDraft{Task: Task{Deadline: d}}
	}
	for _, tc := range []struct {
		name  string
		year  int
		tasks []TaskDraft
		warn  bool
	}{
		{"deadlines in the plan year", 2018, []TaskDraft{due("2017-12-31"), due("2018-12-31")}, false},
		{"a plan reaching into the next year", 2018, []TaskDraft{due("2019-06-30")}, false},
		{"an old plan under this year", 2026, []TaskDraft{due("2017-12-31"), due("2018-12-31")}, true},
		{"no dated deadline", 2026, []TaskDraft{{Task: Task{LongTerm: true}}}, false},
		{"no tasks", 2026, nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := PlanImport{Plan: Plan{Year: tc.year}, Tasks: tc.tasks}.YearWarning()
			if (w != "") != tc.warn {
				t.Errorf("warning %q, want one: %v", w, tc.warn)
			}
			if tc.warn && !strings.Contains(w, "2018年") {
				t.Errorf("warning does not name the plan's latest year: %q", w)
			}
		})
	}
}

// A progress entry read with its department's name keeps the department:
// a known name resolves through the register (an alias too), an unknown one
// is registered like any other name in the import.
func TestImportKeepsProgressDepartments(t *testing.T) {
	s := openTemp(t)
	hr := mustAdd(t, s, "人力资源分局", "人资分局")
	imp := PlanImport{Plan: Plan{Year: 2024}, Tasks: []TaskDraft{{
		Task: Task{No: 1, Title: "培训", Text: "培训执法人员。", Progress: []Progress{
			{Date: day(t, "2024-03-20"), Text: "已培训一期"},
			{Date: day(t, "2024-06-30"), Text: "已培训两期"},
			{Date: day(t, "2024-07-01"), Text: "无部门"},
		}},
		LeadNames: []string{"司法所"}, ProgressDepts: []string{"人资分局", "综合执法办", ""},
	}}}
	if fresh, _ := s.NewDepartments(imp); !slices.Contains(fresh, "综合执法办") {
		t.Errorf("new departments %q do not offer the progress's 综合执法办", fresh)
	}
	if _, err := s.ImportPlan(imp, false); err != nil {
		t.Fatal(err)
	}
	tasks, _ := s.Tasks(2024)
	exec, err := s.ResolveDepartment("综合执法办")
	if err != nil {
		t.Fatal(err)
	}
	got := []uint64{tasks[0].Progress[0].Dept, tasks[0].Progress[1].Dept, tasks[0].Progress[2].Dept}
	if !slices.Equal(got, []uint64{hr.ID, exec.ID, 0}) {
		t.Errorf("progress departments %v; want [%d %d 0]", got, hr.ID, exec.ID)
	}
}
