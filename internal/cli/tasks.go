package cli

import (
	"fmt"
	"strings"

	"fazhi/data"
	"fazhi/internal/action"
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

var tasksCommands = []command{
	{noun: "tasks", verb: "list", synopsis: "--year 年度 [--dept 部门] [--status 状态] [--overdue] [--as-of YYYY-MM-DD] [--json]",
		flags: []string{"year", "dept", "status", "overdue", "as-of", "json"},
		run: func(c *cli, o *opts) error {
			if err := c.needYear("year", o.year); err != nil {
				return err
			}
			return c.withStore(func(s *data.Store) error {
				f := data.TaskFilter{Overdue: o.overdue}
				var err error
				if f.AsOf, err = optionalDate(o.asOf); err != nil {
					return err
				}
				if o.status != "" {
					if f.Status, err = data.ParseStatus(o.status); err != nil {
						return err
					}
				}
				if o.dept != "" {
					d, err := s.ResolveDepartment(o.dept)
					if err != nil {
						return err
					}
					f.Dept = d.ID
				}
				return c.listTasks(s, o.year, f, o.asJSON)
			})
		}},
	{noun: "tasks", verb: "add",
		synopsis: "--year 年度 --no 序号 --title 标题 [--chapter 一] [--text 全文] [--lead 部门]..." +
			" [--cooperate 部门]... [--responsible 部门]... [--deadline YYYY-MM-DD] [--deadline-text 原文] [--long-term]",
		flags: []string{"year", "no", "title", "chapter", "text", "lead", "cooperate", "responsible", "deadline", "deadline-text", "long-term"},
		run: func(c *cli, o *opts) error {
			if err := c.needYear("year", o.year); err != nil {
				return err
			}
			if o.no <= 0 || strings.TrimSpace(o.title+o.text) == "" {
				return c.usage("需要 --no 序号 和 --title 标题")
			}
			t := data.Task{Chapter: o.chapter, No: o.no, Title: o.title, Text: o.text, DeadlineText: o.deadlineText, LongTerm: o.longTerm}
			if t.Text == "" {
				t.Text = t.Title
			}
			if t.Title == "" {
				t.Title = t.Text
			}
			var err error
			if t.Deadline, err = optionalDate(o.deadline); err != nil {
				return err
			}
			if !t.Deadline.IsZero() {
				t.DeadlineSource = data.DeadlineManual
			}
			return c.withStore(func(s *data.Store) error {
				t, err := s.AddTask(o.year, data.TaskDraft{Task: t, LeadNames: o.lead, CooperateNames: o.cooperate, ResponsibleNames: o.responsible})
				if err == nil {
					fmt.Fprintf(c.stdout, "已添加 %d年第 %d 项任务：%s\n", o.year, t.No, t.Title)
				}
				return err
			})
		}},
	{noun: "tasks", verb: "progress", synopsis: "--year 年度 --no 序号 [--chapter 一] --dept 部门 --text 进展 [--date YYYY-MM-DD]",
		flags: []string{"year", "no", "chapter", "dept", "text", "date"},
		run: func(c *cli, o *opts) error {
			if err := c.needYear("year", o.year); err != nil {
				return err
			}
			if o.no <= 0 || o.dept == "" || o.text == "" {
				return c.usage("需要 --no、--dept 和 --text")
			}
			when, err := optionalDate(o.date)
			if err != nil {
				return err
			}
			return c.withStore(func(s *data.Store) error {
				t, err := s.FindTask(o.year, o.chapter, o.no)
				if err != nil {
					return err
				}
				d, err := s.ResolveDepartment(o.dept)
				if err != nil {
					return err
				}
				t, err = s.AddProgress(t.ID, data.Progress{Date: when, Dept: d.ID, Text: o.text, By: "命令行"})
				if err == nil {
					p, _ := t.LatestProgress()
					fmt.Fprintf(c.stdout, "已记录第 %d 项任务的进展（%s，%s）。当前状态：%s\n", t.No, d.Name, p.Date.Chinese(), t.Status)
				}
				return err
			})
		}},
	{noun: "tasks", verb: "status", synopsis: "--year 年度 --no 序号 [--chapter 一] --set 未开始|推进中|已完成|长期坚持",
		flags: []string{"year", "no", "chapter", "set"},
		run: func(c *cli, o *opts) error {
			if err := c.needYear("year", o.year); err != nil {
				return err
			}
			if o.no <= 0 || o.set == "" {
				return c.usage("需要 --no 和 --set")
			}
			st, err := data.ParseStatus(o.set)
			if err != nil {
				return err
			}
			return c.withStore(func(s *data.Store) error {
				t, err := s.FindTask(o.year, o.chapter, o.no)
				if err != nil {
					return err
				}
				if t, err = s.SetStatus(t.ID, st, "命令行"); err == nil {
					fmt.Fprintf(c.stdout, "第 %d 项任务的状态已改为：%s\n", t.No, t.Status)
				}
				return err
			})
		}},
	{noun: "tasks", verb: "import", synopsis: "文件.xlsx --year 年度 [--dry-run] [--json] [--replace] [--sheet 工作表] [--column C=牵头单位]...", args: 1,
		summary: "读取任意格式的任务分解表（.xlsx，或 .xls），显示找到的表头、各列含义、\n任务和需要核对的地方；不加 --dry-run 时保存为该年度的任务分解表",
		flags:   []string{"year", "dry-run", "json", "replace", "sheet", "column"}, run: tasksImport},
	{noun: "tasks", verb: "merge", synopsis: "--year 年度 文件.xlsx... [--apply [--accept 编号,...]] [--json]", args: -1,
		summary: "汇总各部门交回的任务分解表：列出每个文件、每项任务的新进展、状态和改动\n" +
			"（每处前有 [编号]），以及冲突；加 --apply 时保存没有冲突的改动（进展记上\n" +
			"部门和文件日期）；有冲突的，--accept 编号 采用其中一方",
		flags: []string{"year", "apply", "accept", "json"}, run: tasksMerge},
	{noun: "tasks", verb: "export",
		synopsis: "--year 年度 [-o 文件.xlsx] [--as-of YYYY-MM-DD] [--template 模板.xlsx [--sheet 工作表]] [--replace]\n" +
			"--year 年度 --per-dept 文件夹 [--replace]",
		summary: "导出任务分解表（A4 横向、可直接打印）；--as-of 只含该日前的进展；\n" +
			"--template 填入上级下发的模板；已有同名文件时不覆盖，除非加 --replace；\n" +
			"--per-dept 每个部门生成一个待填写进展的文件，发给各部门填报",
		flags: []string{"year", "o", "as-of", "template", "sheet", "per-dept", "replace"}, run: tasksExport},
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

var planCommands = []command{
	{noun: "plan", verb: "import", synopsis: "文件 --year 年度 [--dry-run] [--json] [--replace]", args: 1,
		summary: "读取实施方案/工作要点（.txt 或 .docx），显示拆分出的章节和任务；\n不加 --dry-run 时保存为该年度的任务分解表",
		flags:   []string{"year", "dry-run", "json", "replace"}, run: planImport},
	{noun: "plan", verb: "carry", synopsis: "--from 年度 --to 新年度", summary: "把任务结转到下一年（不含进展，默认时限顺延）",
		flags: []string{"from", "to"},
		run: func(c *cli, o *opts) error {
			if err := c.needYear("from", o.from); err != nil {
				return err
			}
			if err := c.needYear("to", o.to); err != nil {
				return err
			}
			return c.withStore(func(s *data.Store) error {
				res, err := action.CarryPlan(s, o.from, o.to)
				if err == nil {
					fmt.Fprintf(c.stdout, "已把%d年的 %d 项任务结转到%d年（不含进展；默认时限顺延一年，任务中写明的时限请逐项核对）。\n", o.from, res.Tasks, o.to)
				}
				return err
			})
		}},
}

func optionalDate(s string) (data.Date, error) {
	if s == "" {
		return data.Date{}, nil
	}
	return data.ParseDate(s)
}
