package plan

import (
	"strings"
)

// closingCues begin the plan's closing words; after the last task they
// end it (各项工作任务原则上应当在2018年年底前完成).
var closingCues = []string{
	"各项工作任务", "各项任务", "以上各项", "上述各项", "以上任务", "上述任务",
	"本方案", "本要点", "本计划", "本意见", "《方案》", "《要点》", "《计划》",
}

// lines returns the non-empty lines of [a, b), trimmed.
func (d *doc) lines(a, b int) []span {
	var out []span
	for a < b {
		e := a
		for e < b && d.f[e] != '\n' {
			e++
		}
		if x, y := trimSpace(d.r, a, e); y > x {
			out = append(out, span{x, y})
		}
		a = e + 1
	}
	return out
}

// buildTask reads one task from its raw extent. The task ends at its
// responsibility note (in brackets at the end of a line, or 责任单位： and
// similar lines); what follows is returned as after, for the caller to
// keep as unplaced text or, for the plan's last task, as closing text.
func (d *doc) buildTask(seg taskSeg, last bool) (Task, []string, bool) {
	a, b := seg.m.body, seg.end
	var cueAfter string
	if last {
		if k := d.closingCue(a, b); k > a {
			cueAfter = d.text(k, b)
			b = k
		}
	}
	var (
		nt       note
		notes    []string
		text     []string
		after    []string
		labelled bool
		done     bool
	)
	for _, ln := range d.lines(a, b) {
		switch {
		case done:
			after = append(after, d.text(ln.a, ln.b))
		case isLabelStart(d.f, ln.a):
			rest := d.readLabels(ln.a, ln.b, &nt)
			notes = append(notes, d.text(ln.a, rest))
			labelled = true
			if rest < ln.b {
				after = append(after, d.text(rest, ln.b))
				done = true
			}
		case labelled:
			after = append(after, d.text(ln.a, ln.b))
			done = true
		default:
			if s, ok := d.trailingNotes(ln.a, ln.b, &nt, &notes); ok {
				text = append(text, d.text(ln.a, s))
				done = true
				continue
			}
			if k := d.inlineLabel(ln.a, ln.b); k > ln.a {
				text = append(text, d.text(ln.a, k))
				rest := d.readLabels(k, ln.b, &nt)
				notes = append(notes, d.text(k, rest))
				labelled = true
				if rest < ln.b {
					after = append(after, d.text(rest, ln.b))
					done = true
				}
				continue
			}
			if last {
				if s, e, ok := d.midNote(ln.a, ln.b, &nt, &notes); ok {
					text = append(text, d.text(ln.a, s))
					after = append(after, d.text(e, ln.b))
					done = true
					continue
				}
			}
			text = append(text, d.text(ln.a, ln.b))
		}
	}
	if cueAfter != "" {
		after = append(after, cueAfter)
	}
	t := Task{
		No:          seg.m.n,
		Section:     seg.section,
		Numbering:   strings.TrimSpace(seg.secMark + string(d.r[seg.m.start:seg.m.body])),
		Lead:        nonNil(nt.lead),
		Cooperate:   nonNil(nt.cooperate),
		Responsible: nonNil(nt.responsible),
		AllRelevant: nt.allRelevant,
		Note:        strings.Join(notes, "\n"),
		noteDL:      nt.deadline,
	}
	t.Text = strings.TrimRight(joinLines(text), "，,；;、 ")
	if t.Text == "" {
		return t, after, false
	}
	t.Title = taskTitle(t.Text)
	return t, after, true
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func isLabelStart(f []rune, i int) bool {
	_, _, ok := labelAt(f, i)
	return ok
}

// inlineLabel finds a label after a boundary inside a line (a plan pasted
// as one line: …。责任单位：县司法局). Labels inside brackets belong to a
// bracketed note instead.
func (d *doc) inlineLabel(a, b int) int {
	depth := 0
	for i := a + 1; i < b; i++ {
		switch d.f[i-1] {
		case '(', '[', '【':
			depth++
		case ')', ']', '】':
			depth--
		}
		p := d.f[i-1]
		if depth == 0 && (isBoundary(p) && p != ')' && p != ']' && p != '】') || p == ',' || p == '、' {
			if isLabelStart(d.f, i) {
				return i
			}
		}
	}
	return -1
}

// readLabels reads consecutive "label：value" fields from a; a value runs
// to the next label, a 。 or b. It returns where the fields end.
func (d *doc) readLabels(a, b int, nt *note) int {
	f := d.f
	i := a
	for i < b {
		_, j, ok := labelAt(f, i)
		if !ok {
			break
		}
		e := j
		for e < b && f[e] != '。' {
			if e > j && isLabelStart(f, e) && strings.ContainsRune(" ,;、\n", f[e-1]) {
				break
			}
			e++
		}
		nt.merge(parseNote(d.r, f, i, e, roleResponsible))
		i = e
		for i < b && strings.ContainsRune("。;, ", f[i]) {
			i++
		}
	}
	return i
}

// trailingNotes takes bracketed responsibility notes off the end of
// [a, b) — (组织办牵头负责、财政分局、法制办配合落实), possibly followed by
// a second one with the deadline — and returns where the text before them
// ends.
func (d *doc) trailingNotes(a, b int, nt *note, texts *[]string) (int, bool) {
	f := d.f
	e := b
	found := false
	// A task ends in one note, sometimes two (departments, then the
	// deadline); a handful bounds the work on a hostile line of notes.
	for range 4 {
		k := e
		for k > a && strings.ContainsRune(" 。.;,、", f[k-1]) {
			k--
		}
		if k <= a || !strings.ContainsRune(")]】", f[k-1]) {
			break
		}
		o := matchOpen(f, a, k-1)
		if o < 0 {
			break
		}
		n, ok := noteIn(d.r, f, o+1, k-1)
		if !ok {
			break
		}
		nt.merge(n)
		*texts = append([]string{string(d.r[o:k])}, *texts...)
		found = true
		e = o
	}
	return e, found
}

// midNote finds, in the plan's last task, a note followed by more text on
// the same line (a plan pasted as one line, its closing words after the
// last note). It returns the note's extent.
func (d *doc) midNote(a, b int, nt *note, texts *[]string) (int, int, bool) {
	f := d.f
	for i := a; i < b; i++ {
		if !strings.ContainsRune("([【", f[i]) {
			continue
		}
		k := matchClose(f, i, b)
		if k < 0 {
			continue
		}
		if n, ok := noteIn(d.r, f, i+1, k); ok {
			e := k + 1
			for e < b && strings.ContainsRune(" 。", f[e]) {
				e++
			}
			if e < b {
				nt.merge(n)
				*texts = append(*texts, string(d.r[i:k+1]))
				return i, e, true
			}
		}
		i = k
	}
	return 0, 0, false
}

// matchOpen finds the bracket opening the one at k, not before a.
func matchOpen(f []rune, a, k int) int {
	depth := 0
	for i := k; i >= a && i > k-maxBracket; i-- {
		switch f[i] {
		case ')', ']', '】':
			depth++
		case '(', '[', '【':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// closingCue finds where the plan's closing words begin inside the last
// task, at a sentence or line start after some task text.
func (d *doc) closingCue(a, b int) int {
	f := d.f
	for i := a + 1; i < b; i++ {
		if !isBoundary(f[i-1]) {
			continue
		}
		for _, c := range closingCues {
			if hasAt(f, i, c) {
				return i
			}
		}
	}
	return -1
}

// taskTitle is the task's first sentence, shortened to its first clause
// when long: the 工作任务 column of a 任务分解表.
func taskTitle(text string) string {
	r := []rune(text)
	k := 0
	for k < len(r) && !strings.ContainsRune("。！？；;!?\n", r[k]) {
		k++
	}
	t := r[:k]
	if len(t) > 40 {
		for c, x := range t {
			if (x == '，' || x == ',') && c >= 4 {
				t = t[:c]
				break
			}
		}
	}
	s := strings.TrimRight(strings.TrimSpace(string(t)), "，,、：: ")
	if rs := []rune(s); len(rs) > 60 {
		s = string(rs[:60]) + "…"
	}
	return s
}

// resolveDeadlines gives every task its deadline: one written in its note
// or text (the latest, if several) wins; long-term work has none; else the
// closing default; else the end of the plan year.
func resolveDeadlines(p *Plan) {
	defHit, defWords := closingDefault(p.Closing, p.Year)
	if defWords != "" {
		p.ClosingDeadline = defWords
	}
	for ci := range p.Chapters {
		for ti := range p.Chapters[ci].Tasks {
			t := &p.Chapters[ci].Tasks[ti]
			t.Deadline, t.DeadlineText, t.DeadlineSource, t.LongTerm = nil, "", FromNowhere, false
			if t.noteDL != "" {
				if longTermNote(t.noteDL) {
					t.DeadlineText, t.DeadlineSource, t.LongTerm = t.noteDL, FromLongTerm, true
					continue
				}
				// A 完成时限 field is a deadline even as a bare month
				// (2024年9月): read it as if 前 followed.
				nr := []rune(t.noteDL)
				if h, ok := latest(findDeadlines(append(foldRunes(nr), '前'), p.Year)); ok {
					setDeadline(t, h, string(nr[h.start:min(h.end, len(nr))]), FromTask)
					continue
				}
			}
			tr := []rune(t.Text)
			tf := foldRunes(tr)
			if h, ok := latest(findDeadlines(tf, p.Year)); ok {
				setDeadline(t, h, string(tr[h.start:h.end]), FromTask)
				continue
			}
			if w, ok := longTermText(tr, tf); ok {
				t.DeadlineText, t.DeadlineSource, t.LongTerm = w, FromLongTerm, true
				continue
			}
			if defWords != "" {
				setDeadline(t, defHit, defWords, FromClosing)
				continue
			}
			if p.Year > 0 {
				setDeadline(t, hit{y: p.Year, m: 12, d: 31}, "", FromYear)
			}
		}
	}
}

func setDeadline(t *Task, h hit, words string, src DeadlineSource) {
	s := h.iso()
	t.Deadline, t.DeadlineText, t.DeadlineSource = &s, words, src
}

// closingDefault finds the plan-wide deadline in its closing words: a date
// in a sentence that speaks of finishing the tasks.
func closingDefault(closing string, year int) (hit, string) {
	r := []rune(closing)
	f := foldRunes(r)
	start := 0
	for i := 0; i <= len(f); i++ {
		if i < len(f) && !strings.ContainsRune("。;!?\n", f[i]) {
			continue
		}
		s := string(f[start:i])
		if strings.Contains(s, "完成") && (strings.Contains(s, "任务") || strings.Contains(s, "工作")) {
			if hs := findDeadlines(f[start:i], year); len(hs) > 0 {
				h := hs[0]
				return h, string(r[start+h.start : start+h.end])
			}
		}
		start = i + 1
	}
	return hit{}, ""
}
