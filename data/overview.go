package data

import (
	"cmp"
	"slices"
)

// Completion counts one group of tasks (a chapter, a department, the whole
// year) for the overview's bars and rankings.
type Completion struct {
	Label   string
	Done    int // 已完成
	Total   int
	Overdue int
}

// Percent is the share done, rounded down so that 41 of 42 never shows as
// 100 %.
func (c Completion) Percent() int {
	if c.Total == 0 {
		return 0
	}
	return c.Done * 100 / c.Total
}

func (c *Completion) count(t Task, asOf Date) {
	c.Total++
	if t.Status == StatusDone {
		c.Done++
	}
	if t.Overdue(asOf) {
		c.Overdue++
	}
}

// Overview is what the first screen shows about a year's tasks on a day.
// The window draws it; the rules (what is urgent, how completion is counted)
// live here so a report or the command line counts the same way.
type Overview struct {
	AsOf Date
	Year Completion
	// Urgent are the tasks that need doing now: overdue first, the longest
	// overdue at the top, then those due within DueSoonDays, soonest first.
	Urgent []Task
	// Chapters in the plan's order (tasks outside any chapter last).
	Chapters []Completion
	// Depts are the departments named on the year's tasks in any role, the
	// least complete first (ties by name), since those are the ones to chase.
	Depts []Completion
	// OverdueRanking lists the departments with overdue tasks, most first.
	OverdueRanking []Completion
}

// Summarize builds the overview of tasks (one year's) under plan on day
// asOf; names gives each department id its name.
func Summarize(plan Plan, tasks []Task, names map[uint64]string, asOf Date) Overview {
	o := Overview{AsOf: asOf, Year: Completion{Label: "全年"}}
	chapters := map[string]*Completion{}
	var order []string
	for _, ch := range plan.Chapters {
		chapters[ch.No] = &Completion{Label: ch.No + "、" + ch.Title}
		order = append(order, ch.No)
	}
	depts := map[uint64]*Completion{}
	for _, t := range tasks {
		o.Year.count(t, asOf)
		c, ok := chapters[t.Chapter]
		if !ok {
			label := "未分章节"
			if t.Chapter != "" {
				label = t.Chapter + "、"
			}
			c = &Completion{Label: label}
			chapters[t.Chapter] = c
			order = append(order, t.Chapter)
		}
		c.count(t, asOf)
		seen := map[uint64]bool{}
		for _, l := range t.deptLists() {
			for _, id := range *l {
				if seen[id] {
					continue
				}
				seen[id] = true
				d, ok := depts[id]
				if !ok {
					d = &Completion{Label: names[id]}
					depts[id] = d
				}
				d.count(t, asOf)
			}
		}
		if t.Light(asOf) != LightGreen {
			o.Urgent = append(o.Urgent, t)
		}
	}
	slices.SortStableFunc(o.Urgent, func(a, b Task) int { return a.Deadline.Compare(b.Deadline) })
	for _, no := range order {
		if c := chapters[no]; c.Total > 0 {
			o.Chapters = append(o.Chapters, *c)
		}
	}
	for _, d := range depts {
		o.Depts = append(o.Depts, *d)
		if d.Overdue > 0 {
			o.OverdueRanking = append(o.OverdueRanking, *d)
		}
	}
	slices.SortFunc(o.Depts, func(a, b Completion) int {
		// Compare shares without rounding: a.Done/a.Total vs b.Done/b.Total.
		return cmp.Or(cmp.Compare(a.Done*b.Total, b.Done*a.Total), cmp.Compare(a.Label, b.Label))
	})
	slices.SortFunc(o.OverdueRanking, func(a, b Completion) int {
		return cmp.Or(cmp.Compare(b.Overdue, a.Overdue), cmp.Compare(a.Label, b.Label))
	})
	return o
}
