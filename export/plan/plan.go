package plan

import (
	"strings"
	"time"
)

// Plan is a 实施方案 / 工作要点 split for the 任务分解表. Only Title and
// Chapters are printed as JSON (the command line's contract); the other
// fields exist so the preview can show, marked, everything that is not a
// task instead of silently losing it.
type Plan struct {
	Title    string    `json:"title"`
	Chapters []Chapter `json:"chapters"`

	// Year dates deadlines written without one (6月底前, 年内) and is the
	// last-resort deadline: the year passed to Parse, or read from the title.
	Year int `json:"-"`
	// Preamble is the text between the title and the first chapter.
	Preamble string `json:"-"`
	// Closing is the text after the last task (各项工作任务原则上应当在…完成…).
	Closing string `json:"-"`
	// ClosingDeadline is the default deadline words found in Closing, if any.
	ClosingDeadline string `json:"-"`
	// Dropped are the lines taken for web-page debris: headers, metadata,
	// menus, footers, attachment lists.
	Dropped []string `json:"-"`
	// Unplaced is text inside the body that belongs to no task: paragraphs
	// after a task's responsibility note, items with no text.
	Unplaced []string `json:"-"`
}

// Chapter is one 一、… part of a plan.
type Chapter struct {
	// No is the chapter's number as written: 一, 二 … (empty for the one
	// chapter made up when a plan has numbered tasks but no chapters).
	No    string `json:"no"`
	Title string `json:"title"`
	Tasks []Task `json:"tasks"`
	// Preamble is the chapter's opening text that is not a task.
	Preamble string `json:"-"`
}

// DeadlineSource says where a task's deadline came from, so the preview
// can show which dates the plan states and which were assumed.
type DeadlineSource string

// The sources of a deadline, strongest first.
const (
	FromTask     DeadlineSource = "inline"    // written in the task or its note
	FromClosing  DeadlineSource = "closing"   // the plan's default (各项工作任务原则上…)
	FromYear     DeadlineSource = "year"      // none written: the end of the plan year
	FromLongTerm DeadlineSource = "long_term" // 长期坚持, 持续推进: no date
	FromNowhere  DeadlineSource = ""          // no year known either
)

// Task is one numbered task. (Chapter.No, No) identifies it within a plan.
type Task struct {
	// No is the task's number as written (1., （三） → 3, 三是 → 3) unless
	// it would repeat within its chapter; then tasks are renumbered 1…n
	// in that chapter and Numbering keeps what was written.
	No    int    `json:"no"`
	Title string `json:"title"`
	// Text is the task's full text without its number and without its
	// responsibility note.
	Text        string   `json:"text"`
	Lead        []string `json:"lead"`
	Cooperate   []string `json:"cooperate"`
	Responsible []string `json:"responsible"`
	// AllRelevant: the note names 各有关部门 (or 各相关单位, 各部门 …).
	AllRelevant bool `json:"all_relevant"`
	// Deadline is "YYYY-MM-DD", or nil for long-term work or no known year.
	Deadline *string `json:"deadline"`
	// DeadlineText holds the words as written (到2017年底, 2018年年底前).
	DeadlineText   string         `json:"deadline_text"`
	DeadlineSource DeadlineSource `json:"deadline_source"`
	LongTerm       bool           `json:"long_term"`

	// Numbering is the number as written, e.g. "1." or "（二）3.".
	Numbering string `json:"-"`
	// Section is the （一） heading a task stands under, when the plan has
	// one between chapter and task.
	Section string `json:"-"`
	// Note is the responsibility note as written, e.g. "(法制办负责)".
	Note string `json:"-"`

	inline []hit // deadlines in the text, positions in foldedText
	noteDL string
	folded []rune
}

// DeadlineDate returns the deadline as a date, false when there is none.
func (t Task) DeadlineDate() (time.Time, bool) {
	if t.Deadline == nil {
		return time.Time{}, false
	}
	d, err := time.Parse(time.DateOnly, *t.Deadline)
	return d, err == nil
}

// doc is the text being parsed: r as reported, f folded, same length.
type doc struct {
	r, f []rune
}

// Parse splits a plan's text into chapters and tasks. year is the plan
// year (0, or anything that is not a four-digit year: read it from the
// title or the closing text); it dates deadlines written without a year
// and is the fallback deadline. Parse never fails: text it cannot read as
// tasks ends up in the Plan's other fields.
func Parse(text string, year int) *Plan {
	if year < 1000 || year > 9999 {
		year = 0
	}
	r := cleanRunes(text)
	d := &doc{r: r, f: foldRunes(r)}
	p := &Plan{Chapters: []Chapter{}, Year: year}
	d.parse(p)
	return p
}

// join trims and joins text pieces by line.
func joinLines(parts []string) string {
	var out []string
	for _, s := range parts {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, "\n")
}
