package main

import (
	"flag"
	"fmt"
	"strings"

	"fazhi/data"
)

// The JSON shape of a plan, shared by `plan import --json` and
// `tasks list --json` (which adds status and progress).
type jsonPlan struct {
	Title    string        `json:"title"`
	Chapters []jsonChapter `json:"chapters"`
}

type jsonChapter struct {
	No    string     `json:"no"`
	Title string     `json:"title"`
	Tasks []jsonTask `json:"tasks"`
}

type jsonTask struct {
	No            int       `json:"no"`
	Title         string    `json:"title"`
	Text          string    `json:"text"`
	Lead          []string  `json:"lead"`
	Cooperate     []string  `json:"cooperate"`
	Responsible   []string  `json:"responsible"`
	AllRelevant   bool      `json:"all_relevant"`
	Deadline      data.Date `json:"deadline"`
	DeadlineText  string    `json:"deadline_text"`
	*JSONTracking           // tasks list only: absent from a preview
}

// JSONTracking is exported only because encoding/json cannot decode into an
// embedded pointer to an unexported struct (the tests read the output back).
type JSONTracking struct {
	Status   data.Status    `json:"status"`
	Progress []jsonProgress `json:"progress"`
}

type jsonProgress struct {
	Date data.Date `json:"date"`
	Dept string    `json:"dept"`
	Text string    `json:"text"`
}

// planJSON arranges tasks under their chapters in plan order. deptName
// (nil for a preview) names progress entries' departments; with it the
// tracking fields are filled.
func planJSON(p data.Plan, tasks []data.TaskDraft, deptName func(uint64) string) jsonPlan {
	out := jsonPlan{Title: p.Title, Chapters: []jsonChapter{}}
	index := map[string]int{}
	chapter := func(no string) *jsonChapter {
		if i, ok := index[no]; ok {
			return &out.Chapters[i]
		}
		index[no] = len(out.Chapters)
		out.Chapters = append(out.Chapters, jsonChapter{No: no, Tasks: []jsonTask{}})
		return &out.Chapters[len(out.Chapters)-1]
	}
	for _, c := range p.Chapters {
		chapter(c.No).Title = c.Title
	}
	orEmpty := func(s []string) []string {
		if s == nil {
			return []string{}
		}
		return s
	}
	for _, t := range tasks {
		jt := jsonTask{
			No: t.No, Title: t.Title, Text: t.Text,
			Lead: orEmpty(t.LeadNames), Cooperate: orEmpty(t.CooperateNames), Responsible: orEmpty(t.ResponsibleNames),
			AllRelevant: t.AllRelevant, Deadline: t.Deadline, DeadlineText: t.DeadlineText,
		}
		if deptName != nil {
			jt.JSONTracking = &JSONTracking{Status: t.Status, Progress: []jsonProgress{}}
			for _, pr := range t.Progress {
				jt.Progress = append(jt.Progress, jsonProgress{Date: pr.Date, Dept: deptName(pr.Dept), Text: pr.Text})
			}
		}
		c := chapter(t.Chapter)
		c.Tasks = append(c.Tasks, jt)
	}
	return out
}

func cmdTasks(c *cli, args []string) error {
	if len(args) == 0 {
		return usage("缺少操作。用法：fazhi tasks list|add|progress|status|import|export|merge …")
	}
	verb, args := args[0], args[1:]
	if run, ok := tasksheetVerbs[verb]; ok {
		return run(c, flag.NewFlagSet("tasks "+verb, flag.ContinueOnError), args)
	}
	fs := flag.NewFlagSet("tasks "+verb, flag.ContinueOnError)
	year := fs.Int("year", 0, "年度")
	switch verb {
	case "export":
		return c.tasksExport(fs, year, args)
	case "list":
		dept := fs.String("dept", "", "部门")
		status := fs.String("status", "", "状态")
		overdue := fs.Bool("overdue", false, "只列逾期")
		asOf := fs.String("as-of", "", "判断逾期的日期")
		asJSON := fs.Bool("json", false, "JSON 输出")
		syn := "tasks list --year 年度 [--dept 部门] [--status 状态] [--overdue] [--as-of YYYY-MM-DD] [--json]"
		if _, err := parseArgs(fs, args, 0, syn); err != nil {
			return err
		}
		if err := needYear(*year, syn); err != nil {
			return err
		}
		return c.withStore(func(s *data.Store) error {
			f := data.TaskFilter{Overdue: *overdue}
			var err error
			if f.AsOf, err = optionalDate(*asOf); err != nil {
				return err
			}
			if *status != "" {
				if f.Status, err = data.ParseStatus(*status); err != nil {
					return err
				}
			}
			if *dept != "" {
				d, err := s.ResolveDepartment(*dept)
				if err != nil {
					return err
				}
				f.Dept = d.ID
			}
			return c.listTasks(s, *year, f, *asJSON)
		})
	case "add":
		var lead, coop, resp multi
		fs.Var(&lead, "lead", "牵头单位")
		fs.Var(&coop, "cooperate", "配合单位")
		fs.Var(&resp, "responsible", "责任单位")
		chapter := fs.String("chapter", "", "章节")
		no := fs.Int("no", 0, "序号")
		title := fs.String("title", "", "标题")
		text := fs.String("text", "", "全文")
		deadline := fs.String("deadline", "", "完成时限")
		deadlineText := fs.String("deadline-text", "", "完成时限原文")
		longTerm := fs.Bool("long-term", false, "长期坚持")
		syn := "tasks add --year 年度 --no 序号 --title 标题 [--chapter 一] [--text 全文] [--lead 部门]... [--cooperate 部门]... [--responsible 部门]... [--deadline YYYY-MM-DD] [--deadline-text 原文] [--long-term]"
		if _, err := parseArgs(fs, args, 0, syn); err != nil {
			return err
		}
		if err := needYear(*year, syn); err != nil {
			return err
		}
		if *no <= 0 || strings.TrimSpace(*title+*text) == "" {
			return usage("需要 --no 序号 和 --title 标题。用法：fazhi %s", syn)
		}
		t := data.Task{Chapter: *chapter, No: *no, Title: *title, Text: *text, DeadlineText: *deadlineText, LongTerm: *longTerm}
		if t.Text == "" {
			t.Text = t.Title
		}
		if t.Title == "" {
			t.Title = t.Text
		}
		var err error
		if t.Deadline, err = optionalDate(*deadline); err != nil {
			return err
		}
		if !t.Deadline.IsZero() {
			t.DeadlineSource = data.DeadlineManual
		}
		return c.withStore(func(s *data.Store) error {
			t, err := s.AddTask(*year, data.TaskDraft{Task: t, LeadNames: lead, CooperateNames: coop, ResponsibleNames: resp})
			if err == nil {
				fmt.Fprintf(c.stdout, "已添加 %d年第 %d 项任务：%s\n", *year, t.No, t.Title)
			}
			return err
		})
	case "progress":
		no, chapter := fs.Int("no", 0, "序号"), fs.String("chapter", "", "章节")
		dept, text, date := fs.String("dept", "", "部门"), fs.String("text", "", "进展"), fs.String("date", "", "日期")
		syn := "tasks progress --year 年度 --no 序号 [--chapter 一] --dept 部门 --text 进展情况 [--date YYYY-MM-DD]"
		if _, err := parseArgs(fs, args, 0, syn); err != nil {
			return err
		}
		if err := needYear(*year, syn); err != nil {
			return err
		}
		if *no <= 0 || *dept == "" || *text == "" {
			return usage("需要 --no、--dept 和 --text。用法：fazhi %s", syn)
		}
		when, err := optionalDate(*date)
		if err != nil {
			return err
		}
		return c.withStore(func(s *data.Store) error {
			t, err := s.FindTask(*year, *chapter, *no)
			if err != nil {
				return err
			}
			d, err := s.ResolveDepartment(*dept)
			if err != nil {
				return err
			}
			t, err = s.AddProgress(t.ID, data.Progress{Date: when, Dept: d.ID, Text: *text, By: "命令行"})
			if err == nil {
				p, _ := t.LatestProgress()
				fmt.Fprintf(c.stdout, "已记录第 %d 项任务的进展（%s，%s）。当前状态：%s\n", t.No, d.Name, p.Date.Chinese(), t.Status)
			}
			return err
		})
	case "status":
		no, chapter, set := fs.Int("no", 0, "序号"), fs.String("chapter", "", "章节"), fs.String("set", "", "状态")
		syn := "tasks status --year 年度 --no 序号 [--chapter 一] --set 未开始|推进中|已完成|长期坚持"
		if _, err := parseArgs(fs, args, 0, syn); err != nil {
			return err
		}
		if err := needYear(*year, syn); err != nil {
			return err
		}
		if *no <= 0 || *set == "" {
			return usage("需要 --no 和 --set。用法：fazhi %s", syn)
		}
		st, err := data.ParseStatus(*set)
		if err != nil {
			return err
		}
		return c.withStore(func(s *data.Store) error {
			t, err := s.FindTask(*year, *chapter, *no)
			if err != nil {
				return err
			}
			if t, err = s.SetStatus(t.ID, st, "命令行"); err == nil {
				fmt.Fprintf(c.stdout, "第 %d 项任务的状态已改为：%s\n", t.No, t.Status)
			}
			return err
		})
	}
	return usage("未知操作“tasks %s”。运行 fazhi --help 查看所有命令。", verb)
}

func (c *cli) listTasks(s *data.Store, year int, f data.TaskFilter, asJSON bool) error {
	doc, err := s.PlanWithNames(year)
	if err != nil {
		return err
	}
	depts, err := s.Departments()
	if err != nil {
		return err
	}
	names := map[uint64]string{}
	for _, d := range depts {
		names[d.ID] = d.Name
	}
	tasks := make([]data.Task, len(doc.Tasks))
	for i, t := range doc.Tasks {
		tasks[i] = t.Task
	}
	keep := map[uint64]bool{}
	for _, t := range data.NewTaskIndex(tasks, depts).Filter(f) {
		keep[t.ID] = true
	}
	var shown []data.TaskDraft
	for _, t := range doc.Tasks {
		if keep[t.ID] {
			shown = append(shown, t)
		}
	}
	if asJSON {
		return c.printJSON(planJSON(doc.Plan, shown, func(id uint64) string { return names[id] }))
	}
	asOf := f.AsOf
	if asOf.IsZero() {
		asOf = data.Today()
	}
	for _, t := range shown {
		line := []string{fmt.Sprintf("%s%d. [%s] %s", chapterPrefix(t.Chapter), t.No, t.Status, t.Title)}
		if len(t.LeadNames) > 0 {
			line = append(line, "牵头："+strings.Join(t.LeadNames, "、"))
		}
		if len(t.CooperateNames) > 0 {
			line = append(line, "配合："+strings.Join(t.CooperateNames, "、"))
		}
		if len(t.ResponsibleNames) > 0 {
			line = append(line, "责任："+strings.Join(t.ResponsibleNames, "、"))
		}
		if t.AllRelevant {
			line = append(line, "各有关部门")
		}
		line = append(line, "时限："+t.DeadlineLabel())
		if t.Overdue(asOf) {
			line = append(line, "逾期")
		}
		if p, ok := t.LatestProgress(); ok {
			line = append(line, "最新进展（"+p.Date.Chinese()+"）："+p.Text)
		}
		fmt.Fprintln(c.stdout, strings.Join(line, " | "))
	}
	if len(shown) == 0 {
		fmt.Fprintf(c.stderr, "%d年没有符合条件的任务。\n", year)
	}
	return nil
}

func chapterPrefix(ch string) string {
	if ch == "" {
		return ""
	}
	return ch + "-"
}

func cmdPlan(c *cli, args []string) error {
	if len(args) == 0 {
		return usage("缺少操作。用法：fazhi plan import|carry …")
	}
	verb, args := args[0], args[1:]
	fs := flag.NewFlagSet("plan "+verb, flag.ContinueOnError)
	switch verb {
	case "import":
		return c.planImport(fs, args)
	case "carry":
		from, to := fs.Int("from", 0, "原年度"), fs.Int("to", 0, "新年度")
		syn := "plan carry --from 年度 --to 新年度"
		if _, err := parseArgs(fs, args, 0, syn); err != nil {
			return err
		}
		if err := needYear(*from, syn); err != nil {
			return err
		}
		if err := needYear(*to, syn); err != nil {
			return err
		}
		return c.withStore(func(s *data.Store) error {
			res, err := s.CarryPlan(*from, *to)
			if err == nil {
				fmt.Fprintf(c.stdout, "已把%d年的 %d 项任务结转到%d年（不含进展；默认时限顺延一年，任务中写明的时限请逐项核对）。\n", *from, res.Tasks, *to)
			}
			return err
		})
	}
	return usage("未知操作“plan %s”。运行 fazhi --help 查看所有命令。", verb)
}

func needYear(y int, synopsis string) error {
	if y < 1900 || y > 9999 {
		return usage("需要 --year 年度（如 --year 2024）。用法：fazhi %s", synopsis)
	}
	return nil
}

func optionalDate(s string) (data.Date, error) {
	if s == "" {
		return data.Date{}, nil
	}
	return data.ParseDate(s)
}
