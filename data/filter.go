package data

import (
	"strings"
)

// Role narrows a department filter to how the department is named on a task.
type Role int

// Roles: any mention, as 牵头 (lead), or as 配合/责任 (sharing the work).
const (
	RoleAny Role = iota
	RoleLead
	RoleShare
)

// TaskFilter is what the 任务分解表 view and `fazhi tasks list` narrow the
// year's tasks by. Zero fields do not filter.
type TaskFilter struct {
	Chapter string
	Dept    uint64
	Role    Role
	Status  Status
	Overdue bool
	AsOf    Date // the day overdue is judged on; zero means today
	Text    string
}

// TaskIndex prepares a year's tasks for repeated filtering: the text each
// task is searched by (number, text, progress and its departments' names and
// aliases) is built once, so typing in the search box stays fast.
type TaskIndex struct {
	tasks []Task
	text  []string
}

// NewTaskIndex indexes tasks; depts is the register, for searching by a
// department's name or alias.
func NewTaskIndex(tasks []Task, depts []Department) *TaskIndex {
	names := make(map[uint64]string, len(depts))
	for _, d := range depts {
		names[d.ID] = strings.Join(d.names(), " ")
	}
	ix := &TaskIndex{tasks: tasks, text: make([]string, len(tasks))}
	var b strings.Builder
	for i, t := range tasks {
		b.Reset()
		b.WriteString(t.Title)
		b.WriteByte('\n')
		b.WriteString(t.Text)
		for _, p := range t.Progress {
			b.WriteByte('\n')
			b.WriteString(p.Text)
		}
		for _, l := range t.deptLists() {
			for _, id := range *l {
				b.WriteByte('\n')
				b.WriteString(names[id])
			}
		}
		ix.text[i] = strings.ToLower(b.String())
	}
	return ix
}

// Filter returns the tasks that pass f, in plan order.
func (ix *TaskIndex) Filter(f TaskFilter) []Task {
	asOf := f.AsOf
	if asOf.IsZero() {
		asOf = Today()
	}
	// Words separated by spaces must all appear (法制办 逾期 → both).
	words := strings.Fields(strings.ToLower(f.Text))
	var out []Task
	for i := range ix.tasks {
		t := &ix.tasks[i]
		if f.Chapter != "" && t.Chapter != f.Chapter {
			continue
		}
		if f.Status != "" && t.Status != f.Status {
			continue
		}
		if f.Overdue && !t.Overdue(asOf) {
			continue
		}
		if f.Dept != 0 && !t.namesAs(f.Dept, f.Role) {
			continue
		}
		ok := true
		for _, w := range words {
			if !strings.Contains(ix.text[i], w) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, *t)
		}
	}
	return out
}

func (t *Task) namesAs(id uint64, r Role) bool {
	lead := containsID(t.Lead, id)
	share := containsID(t.Cooperate, id) || containsID(t.Responsible, id)
	switch r {
	case RoleLead:
		return lead
	case RoleShare:
		return share
	}
	return lead || share
}

func containsID(ids []uint64, id uint64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}
