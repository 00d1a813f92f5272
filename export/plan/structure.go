package plan

import (
	"strings"

	"fazhi/export/textin"
)

// span is a range of runes [a, b).
type span struct{ a, b int }

// taskSeg is the raw extent of one task: its number and where it ends.
type taskSeg struct {
	m       marker
	end     int
	section string // title of the （一） section above it
	secMark string // that section's number as written
}

// content is what a chapter holds: its tasks, where the first of them (or
// of their sections) starts, and text left over from section headings.
type content struct {
	tasks []taskSeg
	first int
	extra []string
}

func firsts(prev map[style]int, st style) []int {
	if l := prev[st]; l > 0 {
		return []int{1, l + 1}
	}
	return []int{1}
}

func segs(ms []marker, b int) []taskSeg {
	out := make([]taskSeg, len(ms))
	for i, m := range ms {
		end := b
		if i+1 < len(ms) {
			end = ms[i+1].start
		}
		out[i] = taskSeg{m: m, end: end}
	}
	return out
}

// chapterTasks decides which numbering is the task level in f[a:b] and
// cuts the tasks. Official numbering nests 一、 > （一） > 1. > （1）: when a
// chapter has both （一） and 1. below it, （一） are sections and 1. tasks
// if the 1. items stand on their own lines or carry responsibility notes;
// otherwise they are points inside the （一） tasks. Numbers continue from
// the previous chapter or restart at 1.
func (d *doc) chapterTasks(a, b int, prev map[style]int) content {
	f := d.f
	c := content{first: b}
	A := scan(f, a, b, styleArabic, firsts(prev, styleArabic))
	P := scan(f, a, b, styleParenCN, firsts(prev, styleParenCN))
	switch {
	case len(P) > 0 && len(A) > 0 && A[0].start > P[0].start && d.arabicAreTasks(A, P, b):
		return d.sectioned(P, b, prev)
	case len(P) > 0 && (len(A) == 0 || P[0].start < A[0].start):
		c.tasks = segs(P, b)
	case len(A) > 0:
		c.tasks = segs(A, b)
	default:
		if Q := scan(f, a, b, styleParenArabic, firsts(prev, styleParenArabic)); len(Q) > 0 {
			c.tasks = segs(Q, b)
		} else if S := scan(f, a, b, styleShi, []int{1}); len(S) >= 2 {
			c.tasks = segs(S, b)
			// 一是…二是… run inside one paragraph, which ends the last.
			last := &c.tasks[len(c.tasks)-1]
			for k := last.m.body; k < last.end; k++ {
				if f[k] == '\n' {
					last.end = k
					break
				}
			}
		}
	}
	if len(c.tasks) > 0 {
		c.first = c.tasks[0].m.start
	}
	return c
}

// arabicAreTasks: 1. items below （一） are tasks when most begin a line
// or any ends with a responsibility note.
func (d *doc) arabicAreTasks(A, P []marker, b int) bool {
	lines := 0
	for _, m := range A {
		if m.lineStart {
			lines++
		}
	}
	if 2*lines >= len(A) {
		return true
	}
	k := 0 // P and A are both in text order: walk them together
	for i, m := range A {
		end := b
		if i+1 < len(A) {
			end = A[i+1].start
		}
		for k < len(P) && P[k].start <= m.start {
			k++
		}
		if k < len(P) && P[k].start < end {
			end = P[k].start
		}
		var nt note
		var texts []string
		if _, ok := d.trailingNotes(m.body, end, &nt, &texts); ok {
			return true
		}
	}
	return false
}

// sectioned cuts a chapter whose （一） items are sections holding 1. tasks.
// A section with no 1. under it is a task itself.
func (d *doc) sectioned(P []marker, b int, prev map[style]int) content {
	c := content{first: P[0].start}
	lastA := prev[styleArabic]
	for k, s := range P {
		end := b
		if k+1 < len(P) {
			end = P[k+1].start
		}
		fs := []int{1}
		if lastA > 0 {
			fs = append(fs, lastA+1)
		}
		A := scan(d.f, s.body, end, styleArabic, fs)
		if len(A) == 0 {
			c.tasks = append(c.tasks, taskSeg{m: s, end: end})
			continue
		}
		title, rest := d.heading(s.body, A[0].start)
		if x, y := trimSpace(d.r, rest, A[0].start); y > x {
			c.extra = append(c.extra, string(d.r[x:y]))
		}
		mark := strings.TrimSpace(string(d.r[s.start:s.body]))
		for i, m := range A {
			e := end
			if i+1 < len(A) {
				e = A[i+1].start
			}
			c.tasks = append(c.tasks, taskSeg{m: m, end: e, section: title, secMark: mark})
		}
		lastA = A[len(A)-1].n
	}
	return c
}

// heading reads a heading's title from a up to the first stop (line break,
// 。, colon, space) before b, and where the text after it starts.
func (d *doc) heading(a, b int) (string, int) {
	k := a
	for k < b && !strings.ContainsRune("\n。:;!? ", d.f[k]) {
		k++
	}
	x, y := trimSpace(d.r, a, k)
	title := strings.TrimRight(string(d.r[x:y]), "，,、：:")
	if k < b && d.f[k] != '\n' && d.f[k] != ' ' {
		k++
	}
	return title, k
}

// firstItem is where the first numbered item of any style starts, for a
// plan without chapters.
func (d *doc) firstItem(n int) int {
	first := n
	for _, st := range []style{styleArabic, styleParenCN, styleParenArabic, styleShi} {
		if ms := scan(d.f, 0, n, st, []int{1}); len(ms) > 0 && ms[0].start < first {
			first = ms[0].start
		}
	}
	return first
}

func (d *doc) text(a, b int) string {
	x, y := trimSpace(d.r, a, b)
	return string(d.r[x:y])
}

// part is a chapter being built.
type part struct {
	mark    *marker
	a, b    int
	content content
}

func (d *doc) parse(p *Plan) {
	f := d.f
	n := len(f)
	chs := scan(f, 0, n, styleChapter, []int{1})
	from := 0
	if len(chs) > 0 {
		from = chs[len(chs)-1].body
	} else {
		from = d.firstItem(n)
	}
	end := debrisCut(f, from, n)

	prev := map[style]int{}
	remember := func(c content) {
		for _, t := range c.tasks {
			prev[t.m.style] = t.m.n
		}
	}
	var parts []part
	bodyStart := end
	if len(chs) == 0 {
		if c := d.chapterTasks(0, end, prev); len(c.tasks) > 0 {
			bodyStart = c.first
			parts = append(parts, part{a: c.first, b: end, content: c})
		}
	} else {
		bodyStart = chs[0].start
		for k := range chs {
			b := end
			if k+1 < len(chs) {
				b = chs[k+1].start
			}
			c := d.chapterTasks(chs[k].body, b, prev)
			remember(c)
			parts = append(parts, part{mark: &chs[k], a: chs[k].body, b: b, content: c})
		}
	}
	d.head(p, 0, bodyStart)
	if p.Year <= 0 {
		p.Year = yearIn(p.Title)
	}

	var closing []string
	for pi, pt := range parts {
		ch := Chapter{Tasks: []Task{}}
		var preamble []string
		if pt.mark != nil {
			k := pt.mark.start
			for k < pt.mark.body && (textin.ChineseDigits[f[k]] > 0 || f[k] == '十') {
				k++
			}
			ch.No = string(d.r[pt.mark.start:k])
			title, rest := d.heading(pt.a, pt.content.first)
			ch.Title = title
			preamble = append(preamble, d.text(rest, pt.content.first))
		}
		preamble = append(preamble, pt.content.extra...)
		ch.Preamble = joinLines(preamble)
		lastPart := pi == len(parts)-1
		tailFrom := pt.content.first
		for ti, seg := range pt.content.tasks {
			isLast := lastPart && ti == len(pt.content.tasks)-1
			t, after, ok := d.buildTask(seg, isLast)
			tailFrom = seg.end
			if !ok {
				p.Unplaced = append(p.Unplaced, d.text(seg.m.start, seg.end))
				continue
			}
			if isLast {
				closing = append(closing, after...)
			} else {
				p.Unplaced = append(p.Unplaced, after...)
			}
			ch.Tasks = append(ch.Tasks, t)
		}
		if len(pt.content.tasks) > 0 {
			if rest := d.text(tailFrom, pt.b); rest != "" {
				if lastPart {
					closing = append(closing, rest)
				} else {
					p.Unplaced = append(p.Unplaced, rest)
				}
			}
		}
		p.Chapters = append(p.Chapters, ch)
	}
	p.Closing = closingText(p, closing)
	for _, pc := range pieces(d.r, end, n) {
		p.Dropped = append(p.Dropped, pc.text)
	}
	if p.Year <= 0 {
		p.Year = yearIn(p.Closing)
	}
	resolveDeadlines(p)
	uniqueNumbers(p)
}

// yearIn finds the first year written as 2024年 that is not the end of a
// range (2016-2020年).
func yearIn(s string) int {
	f := []rune(foldString(s))
	for i := 4; i < len(f); i++ {
		if f[i] != '年' {
			continue
		}
		y := 0
		ok := true
		for _, c := range f[i-4 : i] {
			if !isDigit(c) {
				ok = false
				break
			}
			y = y*10 + int(c-'0')
		}
		if !ok || (i > 4 && (isDigit(f[i-5]) || strings.ContainsRune("-—~至到", f[i-5]))) {
			continue
		}
		if y >= 1990 && y <= 2100 {
			return y
		}
	}
	return 0
}

// uniqueNumbers renumbers 1…n the tasks of a chapter whose written
// numbers repeat (1. restarting under each （一）), so that (chapter, no)
// names one task; Numbering keeps what was written.
func uniqueNumbers(p *Plan) {
	for ci := range p.Chapters {
		tasks := p.Chapters[ci].Tasks
		seen := map[int]bool{}
		dup := false
		for _, t := range tasks {
			if seen[t.No] {
				dup = true
			}
			seen[t.No] = true
		}
		if dup {
			for i := range tasks {
				tasks[i].No = i + 1
			}
		}
	}
}
