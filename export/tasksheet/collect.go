package tasksheet

import (
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"fazhi/data"
	"fazhi/export/workbook"
)

// Returned is one department's workbook as read for a merge.
type Returned struct {
	Path    string
	File    string    // base name, shown and kept on progress entries
	Dept    string    // from the stamp, else guessed from the file name
	Date    data.Date // the file's own date: progress entries carry it
	Stamped bool      // the _fazhi stamp survived (not retyped in WPS)
	Unit    string    // the office that sent it, from the stamp ("" unstamped)
	Preview *Preview  // nil when the file could not be read
	Err     error     // why it could not be read; the other files still merge
}

// ChangeKind is what a returned row would change on a stored task.
type ChangeKind int

// The changes a department can make.
const (
	ChangeProgress ChangeKind = iota // a new progress entry
	ChangeStatus                     // a new status
	ChangeText                       // the task's text rewritten
)

// Title is how the preview names the kind.
func (k ChangeKind) Title() string {
	return [...]string{"新进展", "状态", "改动任务内容"}[k]
}

func (k ChangeKind) String() string { return [...]string{"progress", "status", "text"}[k] }

// Match says how a returned row was tied to a stored task.
type Match string

// How rows are matched, from the surest.
const (
	MatchRef  Match = "标识"    // the hidden 任务标识 column
	MatchNo   Match = "序号和文字" // same number, similar text
	MatchText Match = "文字"    // similar text only (re-ordered or renumbered)
)

// Change is one thing a returned file would change on one task. Conflict is
// empty for a change that can be applied as it is, otherwise the reason the
// clerk must decide (two departments disagree; a department rewrote the
// task itself).
type Change struct {
	File     string
	Dept     string
	Date     data.Date
	Row      int // 1-based row in the returned file
	TaskID   uint64
	Chapter  string
	No       int
	Kind     ChangeKind
	Old, New string
	Match    Match
	Conflict string
}

// FileReport is what happened to one returned file.
type FileReport struct {
	Returned
	Rows, Matched int
	Problems      []Problem // rows that match no task, stamp of another year…
}

// Collection is the preview of a collect: per file what was read, and every
// change in file order. Nothing is stored until Apply.
type Collection struct {
	Year    int
	Files   []FileReport
	Changes []Change
}

// Collect reads returned department workbooks and matches them against
// the stored tasks of year (with department names, as PlanWithNames gives
// them). canon writes a department name as the register's canonical one
// (nil: as found), so that 人资分局's file and 人力资源分局's are one
// department. Files are read in parallel; a file that cannot be read is
// reported and the others still merge.
func Collect(year int, tasks []data.TaskDraft, canon func(string) string, paths ...string) *Collection {
	files := make([]Returned, len(paths))
	var wg sync.WaitGroup
	next := make(chan int)
	for range max(1, min(runtime.NumCPU(), len(paths))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				files[i] = ReadReturned(paths[i], year)
			}
		}()
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	if canon != nil {
		for i := range files {
			if files[i].Dept != "" {
				files[i].Dept = canon(files[i].Dept)
			}
		}
	}
	return CollectReturned(year, tasks, files)
}

// ReadReturned opens one returned workbook and reads its table.
func ReadReturned(path string, year int) Returned {
	r := Returned{Path: path, File: filepath.Base(path)}
	wb, err := OpenFile(path)
	if err != nil {
		r.Err = err
		return r
	}
	if wb.Dist != nil && !wb.Modified.IsZero() && wb.Modified.Before(wb.Dist.Exported) {
		wb.Modified = time.Time{} // the writer's own stamp, not the department's save
	}
	r.Date = FileDate(path, wb)
	if wb.Dist != nil {
		r.Stamped, r.Dept, r.Unit = true, wb.Dist.Dept, wb.Dist.Unit
	} else {
		r.Dept = deptFromName(r.File)
	}
	opt := Options{Year: year, Source: r.File, Date: r.Date}
	if slices.ContainsFunc(wb.Sheets, func(s workbook.Sheet) bool { return s.Name == DistSheet }) {
		opt.Sheet = DistSheet
	}
	p, err := Read(wb.Sheets, opt)
	if err != nil && opt.Sheet != "" { // the sheet was renamed to hold something else
		opt.Sheet = ""
		p, err = Read(wb.Sheets, opt)
	}
	if err != nil {
		r.Err = err
		return r
	}
	r.Preview = p
	if wb.Dist != nil && wb.Dist.Year != 0 && wb.Dist.Year != year {
		p.Problems = append(p.Problems, Problem{Msg: fmt.Sprintf("这份表是%d年下发的，不是%d年的；已按序号和文字核对，请仔细检查。", wb.Dist.Year, year)})
	}
	return r
}

// RefuseForeign takes out the files another office sent (their stamp names
// another 简称 than unit): the ids in another town's workbook name that
// town's tasks, never ours, so nothing of such a file may be merged. The
// file is reported as unreadable, with why.
func (m *Collection) RefuseForeign(unit string) {
	unit = data.NormalizeName(unit)
	if unit == "" {
		return
	}
	foreign := map[string]bool{}
	for i := range m.Files {
		f := &m.Files[i]
		if f.Err != nil || f.Unit == "" || data.NormalizeName(f.Unit) == unit {
			continue
		}
		f.Err = &data.UserError{Err: ErrForeign, Msg: fmt.Sprintf(
			"“%s”是%s下发的表格，不是本单位（%s）的，没有汇总。请确认选对了文件。", f.File, f.Unit, unit)}
		f.Preview, f.Rows, f.Matched, f.Problems = nil, 0, 0, nil
		foreign[f.File] = true
	}
	m.Changes = slices.DeleteFunc(m.Changes, func(c Change) bool { return foreign[c.File] })
}

// ErrForeign marks a returned workbook stamped by another office.
var ErrForeign = errors.New("tasksheet: workbook of another office")

// deptFromName takes the department from a distribution file name,
// …任务分解表-党政办.xlsx (also after WPS added “(1)” or a copy suffix).
func deptFromName(name string) string {
	base := strings.TrimSpace(strings.TrimSuffix(name, filepath.Ext(name)))
	for _, suffix := range []string{"(1)", "(2)", "(3)", "（1）", "（2）", "（3）", "副本", "- ", "已填", "填报"} {
		base = strings.TrimSpace(strings.TrimSuffix(base, suffix))
	}
	base = strings.TrimRight(base, " -")
	i := strings.LastIndexFunc(base, func(r rune) bool { return r == '-' || r == '－' || r == '—' })
	if i < 0 {
		return ""
	}
	_, size := utf8.DecodeRuneInString(base[i:])
	d := base[i+size:]
	return data.NormalizeName(d)
}

// CollectReturned matches files already read: the pure part of Collect.
func CollectReturned(year int, tasks []data.TaskDraft, files []Returned) *Collection {
	m := &Collection{Year: year}
	idx := newTaskIndex(tasks)
	for _, f := range files {
		rep := FileReport{Returned: f}
		if f.Preview != nil {
			rep.Problems = append(rep.Problems, f.Preview.Problems...)
			for i, row := range f.Preview.Import.Tasks {
				src := f.Preview.Rows[i]
				rep.Rows++
				t, how, why := idx.match(year, row, src)
				if t == nil {
					rep.Problems = append(rep.Problems, Problem{Row: src.Row, Msg: why})
					continue
				}
				rep.Matched++
				m.Changes = append(m.Changes, changesOf(f, row, src, t, how)...)
			}
		}
		m.Files = append(m.Files, rep)
	}
	markConflicts(m.Changes)
	return m
}

// changesOf compares a returned row with its stored task.
func changesOf(f Returned, row data.TaskDraft, src TaskRow, t *data.TaskDraft, how Match) []Change {
	base := Change{File: f.File, Dept: f.Dept, Date: f.Date, Row: src.Row, TaskID: t.ID, Chapter: t.Chapter, No: t.No, Match: how}
	var out []Change
	if len(row.Progress) > 0 {
		text := strings.TrimSpace(row.Progress[0].Text)
		known := false
		for _, p := range t.Progress {
			if fold(p.Text) == fold(text) {
				known = true
			}
		}
		if text != "" && !known {
			c := base
			c.Kind, c.New = ChangeProgress, text
			if p, ok := t.Task.LatestProgress(); ok {
				c.Old = p.Text
			}
			out = append(out, c)
		}
	}
	if row.Status != "" && row.Status != t.Status {
		c := base
		c.Kind, c.Old, c.New = ChangeStatus, string(t.Status), string(row.Status)
		out = append(out, c)
	}
	if text := strings.TrimSpace(row.Text); text != "" && fold(text) != fold(t.Text) && fold(text) != fold(t.Title) {
		c := base
		c.Kind, c.Old, c.New = ChangeText, t.Text, text
		out = append(out, c)
	}
	return out
}

// markConflicts flags what the clerk must decide: a rewritten task text;
// departments giving one task different statuses; one department giving a
// task different progress in two files.
func markConflicts(cs []Change) {
	type key struct {
		id   uint64
		kind ChangeKind
		dept string
	}
	groups := map[key][]int{}
	for i, c := range cs {
		k := key{c.TaskID, c.Kind, ""}
		if c.Kind == ChangeProgress {
			k.dept = c.Dept
		}
		groups[k] = append(groups[k], i)
	}
	for i := range cs {
		c := &cs[i]
		k := key{c.TaskID, c.Kind, ""}
		if c.Kind == ChangeProgress {
			k.dept = c.Dept
		}
		var others []string
		for _, j := range groups[k] {
			o := cs[j]
			if j != i && fold(o.New) != fold(c.New) {
				others = append(others, fmt.Sprintf("%s（%s）填的是“%s”", deptOrFile(o), o.File, clip(o.New)))
			}
		}
		switch {
		case len(others) > 0 && c.Kind == ChangeProgress:
			c.Conflict = "同一部门在另一份表中填了不同的进展：" + strings.Join(others, "；")
		case len(others) > 0:
			c.Conflict = "与另一份表不一致：" + strings.Join(others, "；")
		case c.Kind == ChangeText:
			c.Conflict = "部门改写了任务内容，请确认是否采用"
		}
	}
}

func deptOrFile(c Change) string {
	if c.Dept != "" {
		return c.Dept
	}
	return "未知部门"
}

// fold is the form texts are compared in: width-folded, without spaces and
// punctuation, so a re-typed cell with other line breaks is the same text.
func fold(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			return -1
		}
		return r
	}, norm.NFKC.String(s))
}

// taskIndex finds stored tasks by id, by number and by text.
type taskIndex struct {
	byID  map[uint64]*data.TaskDraft
	byNo  map[int][]*data.TaskDraft
	all   []*data.TaskDraft
	grams [][]string // bigrams of each task's text, parallel to all
}

func newTaskIndex(tasks []data.TaskDraft) *taskIndex {
	x := &taskIndex{byID: map[uint64]*data.TaskDraft{}, byNo: map[int][]*data.TaskDraft{}}
	for i := range tasks {
		t := &tasks[i]
		x.byID[t.ID] = t
		x.byNo[t.No] = append(x.byNo[t.No], t)
		x.all = append(x.all, t)
		x.grams = append(x.grams, bigrams(t.Text))
	}
	return x
}

// Thresholds of text similarity (Dice over character pairs): a row with
// its task's number needs less likeness than one found by text alone.
const (
	simWithNo   = 0.5
	simTextOnly = 0.6
)

func (x *taskIndex) match(year int, row data.TaskDraft, src TaskRow) (*data.TaskDraft, Match, string) {
	if y, id, ok := ParseTaskRef(src.Ref); ok && y == year {
		if t := x.byID[id]; t != nil {
			return t, MatchRef, ""
		}
	}
	g := bigrams(row.Text)
	var best *data.TaskDraft
	bestSim := 0.0
	for _, t := range x.byNo[row.No] {
		if row.Chapter != "" && t.Chapter != "" && row.Chapter != t.Chapter {
			continue
		}
		if s := dice(g, bigrams(t.Text)); s > bestSim {
			best, bestSim = t, s
		}
	}
	if best != nil && bestSim >= simWithNo {
		return best, MatchNo, ""
	}
	best, bestSim = nil, 0
	for i, t := range x.all {
		if s := dice(g, x.grams[i]); s > bestSim {
			best, bestSim = t, s
		}
	}
	if best != nil && bestSim >= simTextOnly {
		return best, MatchText, ""
	}
	return nil, "", fmt.Sprintf("第 %d 项“%s”找不到对应的任务（序号和文字都对不上），未汇总。", row.No, clip(row.Text))
}

// bigrams are the sorted, distinct character pairs of a folded text.
func bigrams(s string) []string {
	r := []rune(fold(s))
	if len(r) > 2000 {
		r = r[:2000]
	}
	var out []string
	for i := 0; i+1 < len(r); i++ {
		out = append(out, string(r[i:i+2]))
	}
	if len(r) == 1 {
		out = append(out, string(r))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// dice is 2|A∩B|/(|A|+|B|) over two sorted sets.
func dice(a, b []string) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch strings.Compare(a[i], b[j]) {
		case 0:
			n++
			i++
			j++
		case -1:
			i++
		default:
			j++
		}
	}
	return 2 * float64(n) / float64(len(a)+len(b))
}

// sameField says two changes write the same field of the same task: a
// status, a task text, or one department's progress.
func sameField(a, b Change) bool {
	return a.TaskID == b.TaskID && a.Kind == b.Kind && (a.Kind != ChangeProgress || a.Dept == b.Dept)
}

// Clash finds two accepted changes that contradict each other (two
// statuses for one task, two rewrites of its text, one department's two
// progress texts): accepting a conflict means choosing one side. ok is
// false when the accepted changes agree.
func (m *Collection) Clash(accept func(i int, c Change) bool) (i, j int, ok bool) {
	for i = range m.Changes {
		if !accept(i, m.Changes[i]) {
			continue
		}
		for j = i + 1; j < len(m.Changes); j++ {
			a, b := m.Changes[i], m.Changes[j]
			if accept(j, b) && sameField(a, b) && fold(a.New) != fold(b.New) {
				return i, j, true
			}
		}
	}
	return 0, 0, false
}

// Accepted turns the changes the clerk accepted into what the store
// applies: accept says yes or no per change (nil = every change without a
// conflict).
func (m *Collection) Accepted(accept func(i int, c Change) bool) []data.CollectedChange {
	if accept == nil {
		accept = func(_ int, c Change) bool { return c.Conflict == "" }
	}
	var out []data.CollectedChange
	for i, c := range m.Changes {
		if !accept(i, c) {
			continue
		}
		cc := data.CollectedChange{TaskID: c.TaskID, Dept: c.Dept, Date: c.Date, Source: c.File}
		switch c.Kind {
		case ChangeProgress:
			cc.Progress = c.New
		case ChangeStatus:
			cc.Status = data.Status(c.New)
		case ChangeText:
			cc.Text = c.New
		}
		out = append(out, cc)
	}
	return out
}
