package data

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Status is where a task stands. The four values are the ones offices use
// on their 任务分解表, so they are stored and shown as written.
type Status string

// The statuses, in the order a task usually passes through them.
const (
	StatusNotStarted Status = "未开始"
	StatusInProgress Status = "推进中"
	StatusDone       Status = "已完成"
	StatusOngoing    Status = "长期坚持"
)

// Statuses lists every status for pickers and validation.
var Statuses = []Status{StatusNotStarted, StatusInProgress, StatusDone, StatusOngoing}

// ParseStatus accepts a status as written, and the words departments use for
// them in returned tables (完成, 正在推进, 持续推进…).
func ParseStatus(s string) (Status, error) {
	s = strings.TrimSpace(s)
	for _, st := range Statuses {
		if s == string(st) {
			return st, nil
		}
	}
	switch s {
	case "完成", "已办结", "办结":
		return StatusDone, nil
	case "进行中", "正在推进", "推进", "正在进行":
		return StatusInProgress, nil
	case "持续推进", "长期", "常态化", "长期推进":
		return StatusOngoing, nil
	case "未启动", "未开展", "":
		return StatusNotStarted, nil
	}
	return "", userErr(ErrInvalid, "状态“%s”无效，只能是：未开始、推进中、已完成、长期坚持。", s)
}

// Deadline sources: where a task's date came from, so that carrying a plan
// into the next year moves only the dates that were defaults.
const (
	DeadlineInline  = "inline"  // written in the task itself
	DeadlineClosing = "closing" // the plan's closing paragraph (原则上应当在…前完成)
	DeadlineYearEnd = "year"    // nothing said: the plan year's end
	DeadlineManual  = "manual"  // set by the clerk
)

// Progress is one dated report from a department on a task.
type Progress struct {
	Date Date      `json:"date"`
	Dept uint64    `json:"dept,omitempty"`
	Text string    `json:"text"`
	By   string    `json:"by,omitempty"` // where it came from: 窗口, 命令行, a returned file
	At   time.Time `json:"at"`           // when it was recorded
}

// Task is one numbered line of a year's 任务分解表. It names departments by
// ID, never by text, so that renaming or merging a department reaches every
// task at once.
type Task struct {
	ID          uint64   `json:"id"`
	Year        int      `json:"year"`
	Seq         int      `json:"seq"`     // order within the year's plan
	Chapter     string   `json:"chapter"` // the chapter's number, 一 二 三…
	No          int      `json:"no"`
	Title       string   `json:"title"`
	Text        string   `json:"text"`
	Lead        []uint64 `json:"lead,omitempty"`
	Cooperate   []uint64 `json:"cooperate,omitempty"`
	Responsible []uint64 `json:"responsible,omitempty"`
	AllRelevant bool     `json:"all_relevant,omitempty"` // 各有关部门

	Deadline       Date   `json:"deadline"`
	DeadlineText   string `json:"deadline_text,omitempty"` // the words as written
	DeadlineSource string `json:"deadline_source,omitempty"`
	LongTerm       bool   `json:"long_term,omitempty"` // 长期坚持: no date

	Status   Status     `json:"status"`
	StatusAt time.Time  `json:"status_at"`
	StatusBy string     `json:"status_by,omitempty"`
	Progress []Progress `json:"progress,omitempty"`

	// Extra keeps columns of an imported workbook that we do not know, so
	// they are written back on export.
	Extra map[string]string `json:"extra,omitempty"`
}

// deptLists are the task's department references, for code that must visit
// all of them (merge, reference counts).
func (t *Task) deptLists() []*[]uint64 {
	return []*[]uint64{&t.Lead, &t.Cooperate, &t.Responsible}
}

// Names reports whether the task refers to department id anywhere.
func (t *Task) Names(id uint64) bool {
	for _, l := range t.deptLists() {
		if slices.Contains(*l, id) {
			return true
		}
	}
	return false
}

// LatestProgress is the most recent entry by date (the later-recorded one
// on a tie), or false when there is none.
func (t Task) LatestProgress() (Progress, bool) {
	if len(t.Progress) == 0 {
		return Progress{}, false
	}
	best := t.Progress[0]
	for _, p := range t.Progress[1:] {
		if best.Date.Before(p.Date) || (p.Date == best.Date && !p.At.Before(best.At)) {
			best = p
		}
	}
	return best, true
}

// Overdue: the deadline has passed (the deadline day itself still counts as
// in time) and the task is not done.
func (t Task) Overdue(asOf Date) bool {
	return !t.Deadline.IsZero() && t.Deadline.Before(asOf) && t.Status != StatusDone
}

// DeadlineLabel is how the deadline reads on a table, in the window and on
// the command line alike: the date with the words as written beside it
// (2017年12月31日（到2017年底）), 长期坚持, or 未定.
func (t Task) DeadlineLabel() string {
	switch {
	case t.LongTerm && t.Deadline.IsZero():
		return "长期坚持"
	case t.Deadline.IsZero():
		return "未定"
	case t.DeadlineText != "" && t.DeadlineSource == DeadlineInline:
		return t.Deadline.Chinese() + "（" + t.DeadlineText + "）"
	}
	return t.Deadline.Chinese()
}

// Light is the traffic light offices colour their tables with.
type Light int

// Lights: green (done, no date, or more than 30 days left), yellow (30 days
// or fewer), red (overdue).
const (
	LightGreen Light = iota
	LightYellow
	LightRed
)

// DueSoonDays is how close a deadline must be to turn the light yellow.
const DueSoonDays = 30

// Light says how urgent the task is on day asOf.
func (t Task) Light(asOf Date) Light {
	switch {
	case t.Status == StatusDone || t.Deadline.IsZero():
		return LightGreen
	case t.Overdue(asOf):
		return LightRed
	case asOf.DaysUntil(t.Deadline) <= DueSoonDays:
		return LightYellow
	}
	return LightGreen
}

func taskBucket(tx *bolt.Tx) *bolt.Bucket { return tx.Bucket(bucketTasks) }

// taskKey is a task's key in tasks/: its year, then its id, so one year's
// tasks are one cursor range.
func taskKey(year int, id uint64) []byte { return append(u64(uint64(year)), u64(id)...) }

// taskYear is where the record of task id sits, from the taskyears/ index.
func taskYear(tx *bolt.Tx, id uint64) (int, bool) {
	v := tx.Bucket(bucketTaskYears).Get(u64(id))
	if v == nil {
		return 0, false
	}
	return int(fromU64(v)), true
}

func getTask(tx *bolt.Tx, id uint64) (Task, error) {
	var t Task
	ok := false
	var err error
	if year, found := taskYear(tx, id); found {
		ok, err = getJSON(taskBucket(tx), taskKey(year, id), &t)
	}
	if err == nil && !ok {
		err = userErr(ErrNotFound, "任务（编号 %d）不存在，可能已被删除或替换。", id)
	}
	return t, err
}

// putTask writes a task under its year (giving it an id when it has none)
// and keeps the index in step; a task moved to another year leaves its old
// key.
func putTask(tx *bolt.Tx, t *Task) error {
	b := taskBucket(tx)
	if t.ID == 0 {
		id, err := b.NextSequence()
		if err != nil {
			return err
		}
		t.ID = id
	}
	if old, ok := taskYear(tx, t.ID); ok && old != t.Year {
		if err := b.Delete(taskKey(old, t.ID)); err != nil {
			return err
		}
	}
	if err := tx.Bucket(bucketTaskYears).Put(u64(t.ID), u64(uint64(t.Year))); err != nil {
		return err
	}
	return putJSON(b, taskKey(t.Year, t.ID), t)
}

// deleteTask removes a task and its index entry.
func deleteTask(tx *bolt.Tx, t Task) error {
	if err := taskBucket(tx).Delete(taskKey(t.Year, t.ID)); err != nil {
		return err
	}
	return tx.Bucket(bucketTaskYears).Delete(u64(t.ID))
}

// SaveTask stores a task as edited (giving it an id when it has none), after
// checking that its departments exist and its status is known.
func (s *Store) SaveTask(t Task) (Task, error) {
	err := s.update(func(tx *bolt.Tx) error {
		if err := checkTask(tx, &t); err != nil {
			return err
		}
		return putTask(tx, &t)
	})
	return t, err
}

func checkTask(tx *bolt.Tx, t *Task) error {
	if t.Status == "" {
		t.Status = StatusNotStarted
	}
	if _, err := ParseStatus(string(t.Status)); err != nil {
		return err
	}
	r := deptsIn(tx)
	for _, l := range t.deptLists() {
		for _, id := range *l {
			if _, ok, err := r.get(id); err != nil {
				return err
			} else if !ok {
				return userErr(ErrNotFound, "任务引用的部门（编号 %d）不存在。", id)
			}
		}
		*l = compactIDs(*l)
	}
	return nil
}

// Task returns the task with the given id.
func (s *Store) Task(id uint64) (Task, error) {
	var t Task
	err := s.view(func(tx *bolt.Tx) (err error) {
		t, err = getTask(tx, id)
		return err
	})
	return t, err
}

// Tasks returns the year's tasks in plan order.
func (s *Store) Tasks(year int) ([]Task, error) {
	var out []Task
	err := s.view(func(tx *bolt.Tx) (err error) {
		out, err = tasksOfYear(tx, year)
		return err
	})
	return out, err
}

// tasksOfYear decodes the year's tasks only: they are one cursor range
// of tasks/.
func tasksOfYear(tx *bolt.Tx, year int) ([]Task, error) {
	var out []Task
	prefix := u64(uint64(year))
	c := taskBucket(tx).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		var t Task
		if err := json.Unmarshal(v, &t); err != nil {
			return nil, fmt.Errorf("decode task %x: %w", k, err)
		}
		out = append(out, t)
	}
	slices.SortStableFunc(out, func(a, b Task) int { return cmp.Compare(a.Seq, b.Seq) })
	return out, nil
}

// FindTask finds a task of the year by its number as printed on the table;
// chapter (一, 二…) is needed only when numbering restarts in each chapter.
func (s *Store) FindTask(year int, chapter string, no int) (Task, error) {
	tasks, err := s.Tasks(year)
	if err != nil {
		return Task{}, err
	}
	var hits []Task
	for _, t := range tasks {
		if t.No == no && (chapter == "" || t.Chapter == chapter) {
			hits = append(hits, t)
		}
	}
	switch len(hits) {
	case 0:
		return Task{}, userErr(ErrNoTask, "%d年没有第 %d 项任务。请核对任务序号。", year, no)
	case 1:
		return hits[0], nil
	}
	var chs []string
	for _, h := range hits {
		chs = append(chs, h.Chapter)
	}
	return Task{}, userErr(ErrInvalid, "%d年有 %d 项第 %d 号任务（在第%s章），请再指明章节。", year, len(hits), no, strings.Join(chs, "、"))
}

// SetStatus changes a task's status and records when and by whom.
func (s *Store) SetStatus(id uint64, st Status, by string) (Task, error) {
	return s.changeTask(id, func(t *Task) error {
		if _, err := ParseStatus(string(st)); err != nil {
			return err
		}
		t.Status, t.StatusAt, t.StatusBy = st, time.Now(), by
		return nil
	})
}

// AddProgress records a department's report on a task. A progress entry on
// a task not started moves it to 推进中, as a clerk would.
func (s *Store) AddProgress(id uint64, p Progress) (Task, error) {
	return s.changeTask(id, func(t *Task) error {
		p.Text = strings.TrimSpace(p.Text)
		if p.Text == "" {
			return userErr(ErrInvalid, "进展情况不能为空。")
		}
		if p.Date.IsZero() {
			p.Date = Today()
		}
		if p.At.IsZero() {
			p.At = time.Now()
		}
		t.Progress = append(t.Progress, p)
		if t.Status == StatusNotStarted || t.Status == "" {
			t.Status, t.StatusAt, t.StatusBy = StatusInProgress, p.At, p.By
		}
		return nil
	})
}

func (s *Store) changeTask(id uint64, fn func(t *Task) error) (Task, error) {
	var t Task
	err := s.update(func(tx *bolt.Tx) (err error) {
		if t, err = getTask(tx, id); err != nil {
			return err
		}
		if err := fn(&t); err != nil {
			return err
		}
		if err := checkTask(tx, &t); err != nil {
			return err
		}
		return putTask(tx, &t)
	})
	return t, err
}

// forEachTask visits every stored task; fn returns true for a task it
// changed, which is written back after the walk (bbolt forbids writing a
// bucket inside its ForEach).
func forEachTask(tx *bolt.Tx, fn func(t *Task) (changed bool)) error {
	b := taskBucket(tx)
	var changed []Task
	err := b.ForEach(func(k, _ []byte) error {
		var t Task
		if _, err := getJSON(b, k, &t); err != nil {
			return err
		}
		if fn(&t) {
			changed = append(changed, t)
		}
		return nil
	})
	for _, t := range changed {
		if err == nil {
			err = putTask(tx, &t)
		}
	}
	return err
}

// replaceDeptInTasks points every reference to from at into, without
// listing into twice in one list.
func replaceDeptInTasks(tx *bolt.Tx, from, into uint64) error {
	return forEachTask(tx, func(t *Task) bool {
		changed := false
		for _, l := range t.deptLists() {
			for i, id := range *l {
				if id == from {
					(*l)[i] = into
					changed = true
				}
			}
			*l = compactIDs(*l)
		}
		for i := range t.Progress {
			if t.Progress[i].Dept == from {
				t.Progress[i].Dept = into
				changed = true
			}
		}
		return changed
	})
}

// compactIDs drops repeats while keeping the first-seen order (the lead
// department named first stays first).
func compactIDs(ids []uint64) []uint64 {
	out := ids[:0]
	for _, id := range ids {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

func countTasksNaming(tx *bolt.Tx, id uint64) (int, error) {
	n := 0
	err := forEachTask(tx, func(t *Task) bool {
		if t.Names(id) || slices.ContainsFunc(t.Progress, func(p Progress) bool { return p.Dept == id }) {
			n++
		}
		return false
	})
	return n, err
}
