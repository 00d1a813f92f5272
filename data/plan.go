package data

import (
	"fmt"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Plan is a year's 实施方案 or 工作要点 as imported: what the tasks hang on.
type Plan struct {
	Year     int       `json:"year"`
	Title    string    `json:"title"`
	Chapters []Chapter `json:"chapters"`
	Closing  string    `json:"closing,omitempty"`
	Source   string    `json:"source,omitempty"` // file name it came from
	Imported time.Time `json:"imported"`
}

// Chapter is one 一、… part of a plan.
type Chapter struct {
	No       string `json:"no"`
	Title    string `json:"title"`
	Preamble string `json:"preamble,omitempty"`
}

// TaskDraft is a task as read from a file, before its departments are
// resolved against the register.
type TaskDraft struct {
	Task
	LeadNames, CooperateNames, ResponsibleNames []string
	// ProgressDepts names the department of each entry of Task.Progress
	// ("" for none), as a re-imported workbook gives it: 2024年6月30日
	// （司法所）：… keeps its department across an export and import.
	ProgressDepts []string
}

// PlanImport is a plan with its tasks naming departments by name: what the
// readers in export build for a preview before ImportPlan stores it, and
// what PlanWithNames gives the writers and `tasks list --json`.
type PlanImport struct {
	Plan  Plan
	Tasks []TaskDraft
	// Aliases are the clerk's answers in the preview: a name the register
	// did not know → the registered department it means. ImportPlan records
	// them as aliases in the same transaction.
	Aliases map[string]string
}

// NewDepartments lists the department names of the import that the register
// does not know (by name or alias), in first-seen order: the import offers
// to create them, with suggestions of what each may already be.
func (s *Store) NewDepartments(imp PlanImport) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	err := s.view(func(tx *bolt.Tx) error {
		r := deptsIn(tx)
		for _, t := range imp.Tasks {
			for _, list := range [][]string{t.LeadNames, t.CooperateNames, t.ResponsibleNames, t.ProgressDepts} {
				for _, raw := range list {
					n := NormalizeName(raw)
					if n == "" || seen[n] {
						continue
					}
					seen[n] = true
					if _, ok, err := r.lookup(n); err != nil {
						return err
					} else if !ok && imp.Aliases[n] == "" {
						out = append(out, n)
					}
				}
			}
		}
		return nil
	})
	return out, err
}

// PlanFor returns the stored plan of a year, and false when there is none.
func (s *Store) PlanFor(year int) (Plan, bool, error) {
	var p Plan
	var ok bool
	err := s.view(func(tx *bolt.Tx) (err error) {
		ok, err = getJSON(tx.Bucket(bucketPlans), u64(uint64(year)), &p)
		return err
	})
	return p, ok, err
}

// ImportResult says what an import stored.
type ImportResult struct {
	Tasks    int      // tasks stored
	Replaced int      // tasks of the year that were replaced
	Created  []string // departments registered by this import
}

// ImportPlan stores a plan and its tasks for the plan's year in one
// transaction. Department names resolve through the register; unknown ones
// are registered (the preview has shown them). A year that already has a
// plan is refused unless replace is set, and replacing drops the year's
// old tasks with their progress.
func (s *Store) ImportPlan(imp PlanImport, replace bool) (ImportResult, error) {
	var res ImportResult
	year := imp.Plan.Year
	if year < 1900 || year > 9999 {
		return res, userErr(ErrInvalid, "年度“%d”无效。", year)
	}
	check := func(tx *bolt.Tx) error {
		if tx.Bucket(bucketPlans).Get(u64(uint64(year))) != nil && !replace {
			return userErr(ErrExists, "%d年已经有任务分解表了。如确要用新的方案替换（原有任务和进展将被删除），请确认替换。", year)
		}
		r := deptsIn(tx)
		for _, target := range imp.Aliases {
			if _, err := r.resolve(target); err != nil {
				return err
			}
		}
		// What checkTask would refuse while writing is refused here, before
		// the backup: the departments are made by the import itself, so
		// only a status can be wrong.
		for _, draft := range imp.Tasks {
			if draft.Status != "" {
				if _, err := ParseStatus(string(draft.Status)); err != nil {
					return fmt.Errorf("task %d: %w", draft.No, err)
				}
			}
		}
		return nil
	}
	err := s.change(ChangeImport, check, func(tx *bolt.Tx) error {
		plans := tx.Bucket(bucketPlans)
		old, err := tasksOfYear(tx, year)
		if err != nil {
			return err
		}
		for _, t := range old {
			if err := deleteTask(tx, t); err != nil {
				return err
			}
		}
		res.Replaced = len(old)

		r := deptsIn(tx)
		for name, target := range imp.Aliases {
			d, err := r.resolve(target)
			if err != nil {
				return err
			}
			n := NormalizeName(name)
			if owner, ok, err := r.lookup(n); err != nil {
				return err
			} else if ok && owner.ID == d.ID {
				continue
			}
			if err := r.claim(n, d.ID); err != nil {
				return err
			}
			d.Aliases = append(d.Aliases, n)
			if err := r.put(d); err != nil {
				return err
			}
		}
		resolve := func(names []string) ([]uint64, error) {
			var ids []uint64
			for _, raw := range names {
				n := NormalizeName(raw)
				if n == "" {
					continue
				}
				d, ok, err := r.lookup(n)
				if err != nil {
					return nil, err
				}
				if !ok {
					id, err := r.recs.NextSequence()
					if err != nil {
						return nil, err
					}
					d = Department{ID: id, Name: n}
					if err := r.claim(n, id); err != nil {
						return nil, err
					}
					if err := r.put(d); err != nil {
						return nil, err
					}
					res.Created = append(res.Created, n)
				}
				ids = append(ids, d.ID)
			}
			return ids, nil
		}
		now := time.Now()
		for i, draft := range imp.Tasks {
			t := draft.Task
			t.ID, t.Year, t.Seq = 0, year, i+1
			if t.Lead, err = resolve(draft.LeadNames); err != nil {
				return err
			}
			if t.Cooperate, err = resolve(draft.CooperateNames); err != nil {
				return err
			}
			if t.Responsible, err = resolve(draft.ResponsibleNames); err != nil {
				return err
			}
			t.Progress = slices.Clone(t.Progress)
			for j, name := range draft.ProgressDepts {
				ids, err := resolve([]string{name})
				if err != nil {
					return err
				}
				if j < len(t.Progress) && len(ids) == 1 {
					t.Progress[j].Dept = ids[0]
				}
			}
			if t.Status == "" {
				t.Status = StatusNotStarted
				if t.LongTerm {
					t.Status = StatusOngoing
				}
				t.StatusAt = now
			}
			if err := checkTask(tx, &t); err != nil {
				return fmt.Errorf("task %d: %w", t.No, err)
			}
			if err := putTask(tx, &t); err != nil {
				return err
			}
		}
		res.Tasks = len(imp.Tasks)
		p := imp.Plan
		p.Imported = now
		return putJSON(plans, u64(uint64(year)), p)
	})
	return res, err
}

// CarryPlan copies year from's plan into year to: the same tasks without
// progress, back to 未开始 (长期坚持 stays), with the deadlines that were
// defaults (the closing paragraph's or the year's end) moved by the years
// between. Dates written into a task stay as they were, for the clerk to
// review. It refuses when to already has a plan.
func (s *Store) CarryPlan(from, to int) (ImportResult, error) {
	var res ImportResult
	var p Plan
	check := func(tx *bolt.Tx) error {
		plans := tx.Bucket(bucketPlans)
		if ok, err := getJSON(plans, u64(uint64(from)), &p); err != nil {
			return err
		} else if !ok {
			return userErr(ErrNotFound, "%d年还没有任务分解表，无法结转。", from)
		}
		if plans.Get(u64(uint64(to))) != nil {
			return userErr(ErrExists, "%d年已经有任务分解表了，不能再结转。", to)
		}
		return nil
	}
	err := s.change(ChangeCarry, check, func(tx *bolt.Tx) error {
		plans := tx.Bucket(bucketPlans)
		tasks, err := tasksOfYear(tx, from)
		if err != nil {
			return err
		}
		now := time.Now()
		for _, t := range tasks {
			t.ID, t.Year, t.Progress, t.StatusAt, t.StatusBy = 0, to, nil, now, "结转"
			if t.Status != StatusOngoing {
				t.Status = StatusNotStarted
			}
			if !t.Deadline.IsZero() && (t.DeadlineSource == DeadlineClosing || t.DeadlineSource == DeadlineYearEnd) {
				t.Deadline = t.Deadline.AddYears(to - from)
				t.DeadlineText = ""
			}
			if err := putTask(tx, &t); err != nil {
				return err
			}
		}
		res.Tasks = len(tasks)
		p.Year, p.Imported, p.Source = to, now, fmt.Sprintf("由%d年结转", from)
		return putJSON(plans, u64(uint64(to)), p)
	})
	return res, err
}

// AddTask appends one task to a year's table, as typed by the clerk (the
// 新增任务 button, `fazhi tasks add`). Its departments must be registered
// already: a typed name is not a file to preview, so a typo is refused
// rather than registered. A year without a plan gets an empty one, and an
// unknown chapter is added to the plan.
func (s *Store) AddTask(year int, draft TaskDraft) (Task, error) {
	t := draft.Task
	err := s.update(func(tx *bolt.Tx) error {
		plans := tx.Bucket(bucketPlans)
		var p Plan
		if ok, err := getJSON(plans, u64(uint64(year)), &p); err != nil {
			return err
		} else if !ok {
			p = Plan{Year: year, Imported: time.Now()}
		}
		if t.Chapter != "" && !slices.ContainsFunc(p.Chapters, func(c Chapter) bool { return c.No == t.Chapter }) {
			p.Chapters = append(p.Chapters, Chapter{No: t.Chapter})
		}
		if err := putJSON(plans, u64(uint64(year)), p); err != nil {
			return err
		}
		existing, err := tasksOfYear(tx, year)
		if err != nil {
			return err
		}
		r := deptsIn(tx)
		for _, pair := range []struct {
			names []string
			ids   *[]uint64
		}{{draft.LeadNames, &t.Lead}, {draft.CooperateNames, &t.Cooperate}, {draft.ResponsibleNames, &t.Responsible}} {
			for _, n := range pair.names {
				d, err := r.resolve(n)
				if err != nil {
					return err
				}
				*pair.ids = append(*pair.ids, d.ID)
			}
		}
		t.ID, t.Year, t.Seq = 0, year, len(existing)+1
		if len(existing) > 0 {
			t.Seq = existing[len(existing)-1].Seq + 1
		}
		if t.Status == "" {
			t.Status = StatusNotStarted
			if t.LongTerm {
				t.Status = StatusOngoing
			}
		}
		t.StatusAt = time.Now()
		if err := checkTask(tx, &t); err != nil {
			return err
		}
		return putTask(tx, &t)
	})
	return t, err
}

// PlanWithNames returns a year's plan and tasks with departments written as
// their canonical names: the form exports and `tasks list --json` use, and
// the same shape an import reads.
func (s *Store) PlanWithNames(year int) (PlanImport, error) {
	var out PlanImport
	err := s.view(func(tx *bolt.Tx) error {
		if _, err := getJSON(tx.Bucket(bucketPlans), u64(uint64(year)), &out.Plan); err != nil {
			return err
		}
		out.Plan.Year = year
		tasks, err := tasksOfYear(tx, year)
		if err != nil {
			return err
		}
		r := deptsIn(tx)
		names := func(ids []uint64) ([]string, error) {
			var ns []string
			for _, id := range ids {
				d, ok, err := r.get(id)
				if err != nil {
					return nil, err
				}
				if ok {
					ns = append(ns, d.Name)
				}
			}
			return ns, nil
		}
		for _, t := range tasks {
			td := TaskDraft{Task: t}
			if td.LeadNames, err = names(t.Lead); err != nil {
				return err
			}
			if td.CooperateNames, err = names(t.Cooperate); err != nil {
				return err
			}
			if td.ResponsibleNames, err = names(t.Responsible); err != nil {
				return err
			}
			out.Tasks = append(out.Tasks, td)
		}
		return nil
	})
	return out, err
}

// ResolveNames writes every department name of imp the register knows as
// its canonical name (人资分局 → 人力资源分局), leaving unknown names as they
// are, so a preview shows what the import will store.
func (s *Store) ResolveNames(imp PlanImport) (PlanImport, error) {
	out := imp
	out.Tasks = make([]TaskDraft, len(imp.Tasks))
	err := s.view(func(tx *bolt.Tx) error {
		r := deptsIn(tx)
		canon := func(names []string) ([]string, error) {
			var res []string
			for _, raw := range names {
				n := NormalizeName(raw)
				if n == "" {
					continue
				}
				if d, ok, err := r.lookup(n); err != nil {
					return nil, err
				} else if ok {
					n = d.Name
				}
				if !slices.Contains(res, n) {
					res = append(res, n)
				}
			}
			return res, nil
		}
		for i, t := range imp.Tasks {
			var err error
			if t.LeadNames, err = canon(t.LeadNames); err != nil {
				return err
			}
			if t.CooperateNames, err = canon(t.CooperateNames); err != nil {
				return err
			}
			if t.ResponsibleNames, err = canon(t.ResponsibleNames); err != nil {
				return err
			}
			out.Tasks[i] = t
		}
		return nil
	})
	return out, err
}

// YearWarning says when the import is probably filed under the wrong year:
// every dated deadline falls before the year chosen (a 2018 plan imported
// while the year selector shows this year), which would mark every task
// overdue. It returns "" when the year looks right; the import is allowed
// either way, since carrying an old plan forward is legitimate.
func (imp PlanImport) YearWarning() string {
	latest := 0
	for _, t := range imp.Tasks {
		if !t.Deadline.IsZero() && t.Deadline.Year() > latest {
			latest = t.Deadline.Year()
		}
	}
	if latest == 0 || latest >= imp.Plan.Year {
		return ""
	}
	return fmt.Sprintf("方案中的完成时限最晚是%d年，却要导入到%d年，所有任务都会显示为逾期。请确认年度是否选对；如果是沿用旧方案，导入后可在任务中修改时限。", latest, imp.Plan.Year)
}
