package tasksheet

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"fazhi/data"
	"fazhi/export/workbook"
)

// Options steer a reading. The zero value reads the best sheet with the
// meanings guessed from the header.
type Options struct {
	Year   int    // the plan year: vague deadlines (6月底) fall in it
	Source string // file name, kept on the plan and on progress entries
	// Sheet forces a sheet by name ("" = the best one found).
	Sheet string
	// Columns overrides meanings by zero-based column index: the clerk's
	// corrections in the preview, applied by reading again.
	Columns map[int]Column
	// Date is the day progress read from the file is dated (the file's own
	// date); zero means today.
	Date data.Date
}

// Preview is everything a reading found, before anything is stored: the
// sheet and header it settled on, what each column means, the tasks in the
// form the store imports, and the problems the clerk should look at.
type Preview struct {
	Source     string
	Sheets     []string // every sheet, in tab order, for a sheet picker
	Sheet      string
	HeaderRows []int // 1-based, as the clerk sees them
	Columns    []HeaderColumn
	Title      string   // the title row above the header, if any
	Footer     []string // 填报单位/填报人/联系电话/日期 lines below the table
	Import     data.PlanImport
	// Rows are parallel to Import.Tasks: where each task came from.
	Rows     []TaskRow
	Problems []Problem
}

// TaskRow says where a task was read: its first row (1-based), the hidden
// task id a distributed workbook carries (fazhi:2024:17) and whether any of
// its rows was hidden.
type TaskRow struct {
	Row    int
	Ref    string
	Hidden bool
}

// Problem is something the clerk should check, at a row (0 = the file).
// A blocking problem (a formula error in a column we read) means the table
// cannot be trusted as it is: the preview still shows it, but it is not
// stored until the file is corrected.
type Problem struct {
	Row      int    `json:"row"`
	Msg      string `json:"message"`
	Blocking bool   `json:"blocking,omitempty"`
}

// HeaderRowsText is where the header was found, as the clerk counts rows
// (3, or 3、4 for a two-level header).
func (p *Preview) HeaderRowsText() string {
	s := make([]string, len(p.HeaderRows))
	for i, r := range p.HeaderRows {
		s[i] = strconv.Itoa(r)
	}
	return strings.Join(s, "、")
}

// Blocked reports whether any problem forbids storing the preview.
func (p *Preview) Blocked() bool {
	return slices.ContainsFunc(p.Problems, func(pr Problem) bool { return pr.Blocking })
}

// formulaErrors are the values Excel and WPS show for a formula that failed.
// Such a cell holds no data: read as text, #N/A would become two
// departments named N and A.
var formulaErrors = map[string]bool{
	"#NULL!": true, "#DIV/0!": true, "#VALUE!": true, "#REF!": true, "#NAME?": true,
	"#NUM!": true, "#N/A": true, "#GETTING_DATA": true, "#SPILL!": true, "#CALC!": true,
}

func (p Problem) String() string {
	if p.Row > 0 {
		return fmt.Sprintf("第 %d 行：%s", p.Row, p.Msg)
	}
	return p.Msg
}

// Read finds the table among sheets and reads its tasks. It fails only with
// ErrNoHeader (the caller adds the file name); everything else it meets is a
// Problem in the preview.
func Read(sheets []workbook.Sheet, opt Options) (*Preview, error) {
	p := &Preview{Source: opt.Source}
	var best Header
	var bestGrid *grid
	for i := range sheets {
		s := &sheets[i]
		p.Sheets = append(p.Sheets, s.Name)
		if opt.Sheet != "" && s.Name != opt.Sheet {
			continue
		}
		g := newGrid(s)
		h, ok := findHeader(g, s.Name)
		if !ok {
			continue
		}
		// A visible sheet beats a hidden one; a sheet named like the
		// distribution's beats others of the same score.
		score := h.Score * 4
		if !s.Hidden {
			score += 2
		}
		if strings.Contains(s.Name, "任务分解") {
			score++
		}
		bestScore := best.Score * 4
		if bestGrid != nil && !bestGrid.s.Hidden {
			bestScore += 2
		}
		if bestGrid != nil && strings.Contains(bestGrid.s.Name, "任务分解") {
			bestScore++
		}
		if bestGrid == nil || score > bestScore {
			best, bestGrid = h, g
		}
	}
	if bestGrid == nil {
		looked := p.Sheets
		if opt.Sheet != "" {
			looked = []string{opt.Sheet}
		}
		return p, errNoHeader(opt.Source, looked)
	}
	r := &reader{opt: opt, g: bestGrid, p: p}
	r.read(best)
	return p, nil
}

type reader struct {
	opt  Options
	g    *grid
	p    *Preview
	cols []HeaderColumn
	// byMeaning lists the columns of each meaning, in table order.
	byMeaning map[Column][]HeaderColumn

	chapter string
	cur     *data.TaskDraft
	curRow  *TaskRow
	numbers map[string]bool // chapter+no seen, for duplicate warnings
}

func (r *reader) problem(row int, format string, args ...any) {
	r.note(Problem{Row: row + 1, Msg: fmt.Sprintf(format, args...)})
}

// note keeps a problem, up to a bound: a hostile sheet must not grow the
// preview without end.
func (r *reader) note(pr Problem) {
	const maxProblems = 500
	if len(r.p.Problems) < maxProblems {
		r.p.Problems = append(r.p.Problems, pr)
	}
}

func (r *reader) read(h Header) {
	p := r.p
	p.Sheet = h.Sheet
	for _, row := range h.Rows {
		p.HeaderRows = append(p.HeaderRows, row+1)
	}
	r.cols = h.Columns
	for i, c := range r.cols {
		if m, ok := r.opt.Columns[c.Index]; ok {
			r.cols[i].Meaning, r.cols[i].Overridden = m, true
		}
	}
	// A column the clerk named that had no header text still counts.
	for idx, m := range r.opt.Columns {
		if !slices.ContainsFunc(r.cols, func(c HeaderColumn) bool { return c.Index == idx }) && idx >= 0 && idx < 16384 {
			r.cols = append(r.cols, HeaderColumn{Index: idx, Text: ColumnLetter(idx) + "列", Meaning: m, Overridden: true})
		}
	}
	slices.SortFunc(r.cols, func(a, b HeaderColumn) int { return a.Index - b.Index })
	first := h.Rows[len(h.Rows)-1] + 1
	r.settleStatus(first)
	r.index()
	p.Columns = r.cols
	p.Title = r.title(h.Rows[0])

	p.Import.Plan = data.Plan{Year: r.opt.Year, Title: p.Title, Source: r.opt.Source}
	r.numbers = map[string]bool{}
	for row := first; row < len(r.g.s.Rows); row++ {
		// Footer lines end the task above but not the table: a numbered
		// row after a 注： line is still read, never dropped unseen.
		if r.isFooter(row) {
			r.finish()
			p.Footer = append(p.Footer, r.line(row))
			continue
		}
		r.formulaErrors(row)
		r.row(row)
	}
	r.finish()
	if len(p.Import.Tasks) == 0 {
		r.p.Problems = append(r.p.Problems, Problem{Msg: "表头下面没有读到任何任务。请确认选对了工作表，或在预览中改正各列的含义。"})
	}
}

// formulaErrors reports, as blocking problems, the cells of a task row that
// hold a formula's error value in a column whose meaning we read.
func (r *reader) formulaErrors(row int) {
	for _, c := range r.cols {
		if c.Meaning == ColUnknown {
			continue
		}
		if v, _ := r.g.at(row, c.Index); formulaErrors[v] {
			r.note(Problem{Row: row + 1, Blocking: true,
				Msg: fmt.Sprintf("“%s”列是公式错误 %s，不是内容。请在 Excel 或 WPS 中修正公式，或改成文字后再导入。", c.Text, v)})
		}
	}
}

// index groups the columns by meaning; unknown columns without any header
// text are left out (nothing to name them by).
func (r *reader) index() {
	r.byMeaning = map[Column][]HeaderColumn{}
	for _, c := range r.cols {
		r.byMeaning[c.Meaning] = append(r.byMeaning[c.Meaning], c)
	}
}

// settleStatus reads the contents of ambiguous columns: 完成情况 over short
// status words is a status column, and a 状态 column full of sentences is
// progress. The clerk's own choices are left alone.
func (r *reader) settleStatus(first int) {
	hasStatus := slices.ContainsFunc(r.cols, func(c HeaderColumn) bool { return c.Meaning == ColStatus })
	for i, c := range r.cols {
		if c.Overridden || (c.Meaning != ColProgress && c.Meaning != ColStatus) {
			continue
		}
		words, other := 0, 0
		for row := first; row < len(r.g.s.Rows) && words+other < 200; row++ {
			v, _ := r.g.at(row, c.Index)
			if v == "" {
				continue
			}
			if _, err := data.ParseStatus(v); err == nil {
				words++
			} else {
				other++
			}
		}
		switch {
		case c.Meaning == ColProgress && !hasStatus && words > 0 && other == 0:
			r.cols[i].Meaning = ColStatus
			hasStatus = true
		case c.Meaning == ColStatus && other > words:
			r.cols[i].Meaning = ColProgress
		}
	}
}

// title is the nearest non-empty line above the header.
func (r *reader) title(headerRow int) string {
	for row := headerRow - 1; row >= 0; row-- {
		if line := r.line(row); line != "" {
			// the title, not the 填报说明 right under it
			if row > 0 {
				if above := r.line(row - 1); above != "" && strings.Contains(above, "表") {
					return above
				}
			}
			return line
		}
	}
	return ""
}

// line is a row's distinct values joined, for titles and footers.
func (r *reader) line(row int) string {
	var parts []string
	for c := 0; c < len(r.g.s.Rows[row]) || c < r.g.width(); c++ {
		v, _ := r.g.at(row, c)
		if v != "" && !slices.Contains(parts, v) {
			parts = append(parts, v)
		}
		if c > 512 {
			break
		}
	}
	return strings.Join(parts, "  ")
}

// footerWords begin the lines under a table that are not tasks.
var footerWords = []string{"填报单位", "填报人", "填表人", "联系电话", "联系人", "填报日期", "填表日期", "日期",
	"审核人", "审核", "负责人", "单位负责人", "制表", "制表人", "报送单位", "单位(盖章)", "注:", "说明:", "备注:"}

func (r *reader) isFooter(row int) bool {
	var firstVal string
	for c := 0; c < len(r.g.s.Rows[row]); c++ {
		if v, fromAbove := r.g.at(row, c); v != "" && !fromAbove {
			firstVal = NormalizeHeader(v)
			break
		}
	}
	if firstVal == "" {
		return false
	}
	firstVal = strings.ReplaceAll(firstVal, ":", ":")
	for _, w := range footerWords {
		if strings.HasPrefix(firstVal, w) {
			// 日期 alone could start a task; a footer's is followed by a colon
			// or nothing else of substance.
			rest := strings.TrimPrefix(firstVal, w)
			if strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "(") || rest == "" || strings.HasSuffix(w, ":") {
				return true
			}
		}
	}
	return false
}

var (
	chapterRow = regexp.MustCompile(`^\s*(?:第)?([一二三四五六七八九十]{1,3})(?:[、.．，,：:]|部分|章|\s)\s*(.*)$`)
	cnNumber   = regexp.MustCompile(`^[一二三四五六七八九十]{1,3}[、.．]?$`)
	leadingNo  = regexp.MustCompile(`^[(（]?(\d{1,5})(?:[)）.．、,，]|\.0+)?$`)
)

// value is the text of the first column of meaning m at row, and whether it
// came from a merge begun above.
func (r *reader) value(row int, m Column) (string, bool) {
	for _, c := range r.byMeaning[m] {
		if v, above := r.g.at(row, c.Index); v != "" {
			return v, above
		}
	}
	return "", false
}

// row reads one table row: a chapter, a task, a continuation of the task
// above, or nothing.
func (r *reader) row(row int) {
	empty, fresh := true, false
	distinct := map[string]bool{}
	for _, c := range r.cols {
		v, above := r.g.at(row, c.Index)
		if v != "" {
			empty = false
			distinct[v] = true
			if !above {
				fresh = true
			}
		}
	}
	if empty {
		return
	}
	if !fresh {
		// Every value comes from merges begun above: the row adds nothing
		// (a task whose cells are merged over several rows).
		r.markHidden(row)
		return
	}
	if ch, title, ok := r.chapterAt(row, distinct); ok {
		r.finish()
		r.chapter = ch
		r.p.Import.Plan.Chapters = append(r.p.Import.Plan.Chapters, data.Chapter{No: ch, Title: title})
		return
	}
	noText, noAbove := r.value(row, ColNo)
	hasNoCol := len(r.byMeaning[ColNo]) > 0
	switch {
	case hasNoCol && noText != "" && !noAbove:
		no, ok := parseNo(noText)
		if !ok {
			r.problem(row, "序号“%s”不是数字，按上一项加一编号，请核对。", clip(noText))
			no = r.nextNo()
		}
		r.start(row, no)
	case hasNoCol && (noText == "" || noAbove):
		if r.cur == nil {
			r.problem(row, "这一行没有序号，也不在任何任务之下，未读入：%s", clip(r.line(row)))
			return
		}
		r.markHidden(row)
	default: // no number column: every row with fresh task text is a task
		if t, above := r.value(row, ColTask); t != "" && !above {
			r.start(row, r.nextNo())
		} else if r.cur == nil {
			return
		}
	}
	r.fill(row)
}

func (r *reader) markHidden(row int) {
	if r.curRow != nil && r.g.hidden[row] && !r.curRow.Hidden {
		r.curRow.Hidden = true
		r.problem(row, "这一行在表格中是隐藏的，已作为第 %d 项任务的一部分读入，请核对是否需要。", r.cur.No)
	}
}

func (r *reader) nextNo() int {
	if r.cur != nil {
		return r.cur.No + 1
	}
	n := 0
	for _, t := range r.p.Import.Tasks {
		if t.Chapter == r.chapter {
			n = max(n, t.No)
		}
	}
	return n + 1
}

// chapterAt: a row showing one value that starts 一、 (often merged across
// the table), or a Chinese numeral in the number column with a title beside
// it and no departments.
func (r *reader) chapterAt(row int, distinct map[string]bool) (string, string, bool) {
	if len(distinct) == 1 {
		for v := range distinct {
			if m := chapterRow.FindStringSubmatch(v); m != nil && utf8.RuneCountInString(v) <= 200 {
				return m[1], strings.TrimSpace(m[2]), true
			}
		}
	}
	no, _ := r.value(row, ColNo)
	if no != "" && cnNumber.MatchString(no) {
		title, _ := r.value(row, ColTask)
		lead, _ := r.value(row, ColLead)
		resp, _ := r.value(row, ColResponsible)
		if lead == "" && resp == "" {
			return strings.TrimRight(no, "、.．"), title, true
		}
	}
	return "", "", false
}

func parseNo(s string) (int, bool) {
	s = strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return '0' + r - '０'
		}
		if r == ' ' || r == '\u3000' {
			return -1
		}
		return r
	}, s)
	if m := leadingNo.FindStringSubmatch(s); m != nil {
		n, err := strconv.Atoi(m[1])
		return n, err == nil && n > 0
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && f >= 1 && f < 1e6 && f == math.Trunc(f) {
		return int(f), true
	}
	return 0, false
}

func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > 40 {
		return string([]rune(s)[:40]) + "…"
	}
	return s
}

// start begins a new task at row.
func (r *reader) start(row, no int) {
	r.finish()
	key := r.chapter + "-" + strconv.Itoa(no)
	if r.numbers[key] {
		r.problem(row, "序号 %d 重复出现，两项都已读入，请核对。", no)
	}
	r.numbers[key] = true
	r.cur = &data.TaskDraft{Task: data.Task{Chapter: r.chapter, No: no}}
	r.curRow = &TaskRow{Row: row + 1}
	if r.g.hidden[row] {
		r.curRow.Hidden = true
		r.problem(row, "这一行在表格中是隐藏的，已作为第 %d 项任务读入，请核对是否需要。", no)
	}
}

// fill adds the row's values to the current task. On a continuation row
// only fresh values count: one merged over both rows was read already.
func (r *reader) fill(row int) {
	t := r.cur
	if t == nil {
		return
	}
	first := r.curRow.Row == row+1
	for _, c := range r.cols {
		v, above := r.g.at(row, c.Index)
		if v == "" || (above && !first) {
			continue
		}
		switch c.Meaning {
		case ColNo:
		case ColTask:
			t.Text = joinText(t.Text, v)
		case ColLead:
			t.LeadNames = r.names(t, t.LeadNames, v)
		case ColCooperate:
			t.CooperateNames = r.names(t, t.CooperateNames, v)
		case ColResponsible:
			t.ResponsibleNames = r.names(t, t.ResponsibleNames, v)
		case ColDeadline:
			r.deadline(row, t, v)
		case ColProgress:
			r.progress(t, v)
		case ColStatus:
			if st, err := data.ParseStatus(v); err == nil {
				t.Status = st
			} else {
				r.problem(row, "状态“%s”不认识（应为未开始、推进中、已完成或长期坚持），已忽略。", clip(v))
			}
		case ColID:
			if r.curRow.Ref == "" {
				r.curRow.Ref = v
			}
		default: // ColNote and unknown columns: kept by their header text
			key := c.Text
			if c.Meaning == ColNote {
				key = ColNote.Title()
			}
			if key == "" {
				key = ColumnLetter(c.Index) + "列"
			}
			if t.Extra == nil {
				t.Extra = map[string]string{}
			}
			t.Extra[key] = joinText(t.Extra[key], v)
		}
	}
}

func joinText(old, v string) string {
	if old == "" {
		return v
	}
	if old == v || strings.HasSuffix(old, "\n"+v) {
		return old
	}
	return old + "\n" + v
}

// allRelevant are the words a department cell uses for "everyone concerned".
var allRelevant = []string{"各有关部门", "各相关部门", "各部门", "各有关单位", "各相关单位", "各单位", "各村(社区)", "各村（社区）", "各村居", "各有部门"}

// roleSuffix are role words clerks write after a name in a role column.
var roleSuffix = []string{"牵头负责", "牵头", "配合落实", "配合", "负责落实", "负责", "协办"}

func (r *reader) names(t *data.TaskDraft, list []string, v string) []string {
	for _, w := range allRelevant {
		if strings.Contains(v, w) {
			t.AllRelevant = true
			v = strings.ReplaceAll(v, w, "、")
		}
	}
	for _, n := range splitDepts(v) {
		for _, s := range roleSuffix {
			if strings.HasSuffix(n, s) && utf8.RuneCountInString(n) > utf8.RuneCountInString(s)+1 {
				n = strings.TrimSuffix(n, s)
				break
			}
		}
		if n != "" && !slices.Contains(list, n) && len(list) < 200 {
			list = append(list, n)
		}
	}
	return list
}

// splitDepts splits a department cell: by the list separators, by line
// breaks, and by spaces only between names of two or more characters, so
// that 党 政 办 (spaced to fill the cell) stays one name while
// 党政办 司法所 is two.
func splitDepts(v string) []string {
	var out []string
	for _, piece := range strings.FieldsFunc(v, func(r rune) bool {
		return strings.ContainsRune("、,，;；/／\n\r", r)
	}) {
		fields := strings.Fields(piece)
		spaced := len(fields) > 1
		for _, f := range fields {
			if utf8.RuneCountInString(f) > 1 {
				spaced = false
			}
		}
		if spaced {
			if n := data.NormalizeName(piece); n != "" {
				out = append(out, n)
			}
			continue
		}
		out = append(out, data.SplitNames(piece)...)
	}
	return out
}

// longTermWords mark a deadline cell that sets no date.
var longTermWords = []string{"长期", "持续", "常态", "经常性", "每年", "每季度", "每月"}

func (r *reader) deadline(row int, t *data.TaskDraft, v string) {
	if !t.Deadline.IsZero() || t.LongTerm {
		return
	}
	if d, ok := serialDate(v, r.g.s.Date1904); ok {
		t.Deadline, t.DeadlineSource = d, data.DeadlineInline
		return
	}
	// Our own export writes a date with the plan's words beside it:
	// 2024年12月31日（2024年底前）. The words are the deadline text.
	if m := labelledDate.FindStringSubmatch(v); m != nil {
		if d, ok := data.ParseDateText(m[1], r.year()); ok {
			t.Deadline, t.DeadlineSource, t.DeadlineText = d, data.DeadlineInline, m[2]
			return
		}
	}
	if d, ok := data.ParseDateText(v, r.year()); ok {
		t.Deadline, t.DeadlineSource = d, data.DeadlineInline
		if !plainDate.MatchString(v) && v != d.Chinese() { // words beyond a bare date
			t.DeadlineText = v
		}
		return
	}
	for _, w := range longTermWords {
		if strings.Contains(v, w) {
			t.LongTerm, t.DeadlineText = true, v
			return
		}
	}
	t.DeadlineText = v
	r.problem(row, "完成时限“%s”读不出日期，已按原文保留。", clip(v))
}

var (
	plainDate    = regexp.MustCompile(`^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$`)
	labelledDate = regexp.MustCompile(`^(\d{4}年\d{1,2}月\d{1,2}日)[（(](.+)[）)]$`)
	// progressLine is one entry as our export writes it:
	// 2024年6月30日（人力资源分局）：已培训执法人员64人.
	progressLine = regexp.MustCompile(`^(\d{4}年\d{1,2}月\d{1,2}日)(?:[（(]([^）)]+)[）)])?[：:](.*)$`)
)

func (r *reader) year() int {
	if r.opt.Year != 0 {
		return r.opt.Year
	}
	return time.Now().Year()
}

// serialDate reads a spreadsheet date serial (45473 = 2024-06-30), which is
// what a date cell holds when its format is lost or read raw. Only whole
// numbers in the range of plausible deadlines count, so a 序号 never does.
func serialDate(v string, date1904 bool) (data.Date, bool) {
	f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || f < 20000 || f > 80000 { // 1954 … 2119
		return data.Date{}, false
	}
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if date1904 {
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return data.DateOf(base.AddDate(0, 0, int(f))), true
}

func (r *reader) progress(t *data.TaskDraft, v string) {
	d := r.opt.Date
	if d.IsZero() {
		d = data.Today()
	}
	if n := len(t.Progress); n > 0 {
		t.Progress[n-1].Text = joinText(t.Progress[n-1].Text, v)
		return
	}
	by := "导入"
	if r.opt.Source != "" {
		by = "导入：" + r.opt.Source
	}
	// A cell of dated lines (our export's form) is one entry per line, with
	// its own date and department; anything else is one entry of the file's
	// date.
	if entries, names, ok := r.datedProgress(v, by); ok {
		t.Progress = append(t.Progress, entries...)
		t.ProgressDepts = append(t.ProgressDepts, names...)
		return
	}
	t.Progress = append(t.Progress, data.Progress{Date: d, Text: v, By: by})
	t.ProgressDepts = append(t.ProgressDepts, "")
}

// datedProgress splits a progress cell whose every line reads
// 2024年6月30日（部门）：text; ok is false when any line does not.
func (r *reader) datedProgress(v, by string) (entries []data.Progress, depts []string, ok bool) {
	for _, line := range strings.Split(v, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		m := progressLine.FindStringSubmatch(line)
		if m == nil {
			return nil, nil, false
		}
		d, ok := data.ParseDateText(m[1], r.year())
		if !ok {
			return nil, nil, false
		}
		entries = append(entries, data.Progress{Date: d, Text: strings.TrimSpace(m[3]), By: by})
		depts = append(depts, m[2])
	}
	return entries, depts, len(entries) > 0
}

// finish closes the current task: a title from its text, and a check that
// it has any.
func (r *reader) finish() {
	t := r.cur
	if t == nil {
		return
	}
	r.cur = nil
	if strings.TrimSpace(t.Text) == "" {
		r.p.Problems = append(r.p.Problems, Problem{Row: r.curRow.Row, Msg: fmt.Sprintf("第 %d 项任务没有任务内容，未读入。", t.No)})
		return
	}
	t.Title = TitleOf(t.Text)
	r.p.Import.Tasks = append(r.p.Import.Tasks, *t)
	r.p.Rows = append(r.p.Rows, *r.curRow)
}

// TitleOf is the short name of a task written in one cell: its first line,
// cut at the first 。 or ； when that leaves a phrase, at most 60 characters.
// The window's table and the exports show it where the whole text is too long.
func TitleOf(text string) string {
	s := strings.TrimSpace(text)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = strings.TrimSpace(s[:i])
	}
	for _, sep := range []string{"。", "；", ";"} {
		if i := strings.Index(s, sep); i > 0 && utf8.RuneCountInString(s[:i]) >= 4 {
			s = s[:i]
			break
		}
	}
	if rs := []rune(s); len(rs) > 60 {
		s = string(rs[:60]) + "…"
	}
	return s
}
