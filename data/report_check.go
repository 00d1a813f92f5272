package data

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// PromptOpen starts every prompt the draft leaves for the clerk
// (【待填写：…】); Check lists each one still in the text.
const PromptOpen = "【待填写"

// ProblemKind says what a check found, so the window can offer the right
// action (update the figure, jump to the text, add the section).
type ProblemKind string

// The kinds of problem a report can have.
const (
	ProblemFigureChanged  ProblemKind = "figure_changed"  // a linked figure's indicator has another value now
	ProblemFigureLost     ProblemKind = "figure_lost"     // a linked figure's text is no longer in the report
	ProblemNumberMismatch ProblemKind = "number_mismatch" // a number typed after an indicator's name disagrees with it
	ProblemMissingSection ProblemKind = "missing_section" // a mandated section is absent or empty
	ProblemPrompt         ProblemKind = "prompt"          // a 【待填写】 prompt is left in the text
	ProblemNoDate         ProblemKind = "no_date"         // no 成文日期
	ProblemDeadline       ProblemKind = "deadline"        // days left to submit and publish (information)
)

// Problem is one line of the check list. Section and Offset (a byte offset
// into that section's text, or -1) say where to jump; Figure is the index
// into Report.Figures for figure problems (else -1). Info problems inform
// and do not make `report check` fail.
type Problem struct {
	Kind    ProblemKind `json:"kind"`
	Section SectionKey  `json:"section,omitempty"`
	Offset  int         `json:"offset"`
	Figure  int         `json:"figure"`
	Message string      `json:"message"`
	Info    bool        `json:"info,omitempty"`
}

// CheckReport lists what is wrong with r on day today: linked figures whose
// indicator has moved on (figures holds the current values), numbers typed
// after an indicator's name that disagree with it, mandated sections
// missing or empty, prompts left, no date; and, for information, the days
// left to the deadlines for an office at level. Pure, so the window and
// `report check` agree.
func CheckReport(r Report, figures []Figure, level string, today Date) []Problem {
	var out []Problem
	add := func(p Problem) { out = append(out, p) }
	current := map[string]Figure{}
	for _, f := range figures {
		current[f.Name] = f
	}

	for _, k := range MandatedSections {
		s, ok := r.Section(k)
		switch {
		case !ok:
			add(Problem{Kind: ProblemMissingSection, Section: k, Offset: -1, Figure: -1, Message: fmt.Sprintf("缺少规定的部分“%s”。", k.Label())})
		case strings.TrimSpace(s.Text) == "":
			add(Problem{Kind: ProblemMissingSection, Section: k, Offset: -1, Figure: -1, Message: fmt.Sprintf("“%s”部分还没有内容。", k.Label())})
		}
	}

	linked := map[SectionKey]map[int]bool{} // positions of linked values
	for i, l := range r.Figures {
		pos := r.FigurePos(i)
		if pos < 0 {
			add(Problem{Kind: ProblemFigureLost, Section: l.Section, Offset: -1, Figure: i,
				Message: fmt.Sprintf("引用的“%s”数据（%s）在文中已找不到，可能被改写或删除；如已手工改写，请核对。", l.Indicator, l.Text)})
			continue
		}
		if linked[l.Section] == nil {
			linked[l.Section] = map[int]bool{}
		}
		linked[l.Section][pos] = true
		f, ok := current[l.Indicator]
		if ok && (f.ValueText() != l.Text) {
			add(Problem{Kind: ProblemFigureChanged, Section: l.Section, Offset: pos, Figure: i,
				Message: fmt.Sprintf("“%s”现在是 %s，文中仍是 %s。", l.Indicator, f.ValueText(), l.Text)})
		}
	}

	for _, s := range r.Sections {
		for _, m := range typedNumbers(s.Text, figures) {
			if linked[s.Key][m.pos] {
				continue
			}
			add(Problem{Kind: ProblemNumberMismatch, Section: s.Key, Offset: m.pos, Figure: -1,
				Message: fmt.Sprintf("文中“%s%s”与统计数据“%s”%s 不一致。", m.f.Name, m.written, m.f.Name, m.f.ValueText())})
		}
		for from := 0; ; {
			i := strings.Index(s.Text[from:], PromptOpen)
			if i < 0 {
				break
			}
			pos := from + i
			end := strings.Index(s.Text[pos:], "】")
			if end < 0 {
				end = len(s.Text) - pos
			} else {
				end += len("】")
			}
			// The words before the prompt on its line say what it is about
			// (which task, which duty).
			lineStart := strings.LastIndex(s.Text[:pos], "\n") + 1
			if lineStart == pos && pos > 0 {
				// A prompt alone on its line: the line above (a （二）
				// heading) names what it is about.
				lineStart = strings.LastIndex(s.Text[:pos-1], "\n") + 1
			}
			context := []rune(s.Text[lineStart : pos+end])
			if len(context) > 80 {
				context = append([]rune("…"), context[len(context)-80:]...)
			}
			add(Problem{Kind: ProblemPrompt, Section: s.Key, Offset: pos, Figure: -1,
				Message: "待填写：" + strings.ReplaceAll(string(context), "\n", " ")})
			from = pos + end
		}
	}

	if r.Date.IsZero() {
		add(Problem{Kind: ProblemNoDate, Offset: -1, Figure: -1, Message: "成文日期还没有填写。"})
	}

	submit, publish := ReportDeadlines(r.Year, level)
	p := Problem{Kind: ProblemDeadline, Offset: -1, Figure: -1, Info: true}
	switch d := today.DaysUntil(submit); {
	case d >= 0:
		p.Message = fmt.Sprintf("距报送期限（%s）还有 %d 天，距向社会公开期限（%s）还有 %d 天。", submit.Chinese(), d, publish.Chinese(), today.DaysUntil(publish))
	case today.DaysUntil(publish) >= 0:
		p.Message = fmt.Sprintf("报送期限（%s）已过 %d 天；距向社会公开期限（%s）还有 %d 天。", submit.Chinese(), -d, publish.Chinese(), today.DaysUntil(publish))
	default:
		p.Message = fmt.Sprintf("报送期限（%s）和公开期限（%s）都已过。", submit.Chinese(), publish.Chinese())
	}
	add(p)
	return out
}

// typedNumber is a number written by hand right after an indicator's name
// that disagrees with the indicator.
type typedNumber struct {
	pos     int // byte offset of the number
	written string
	f       Figure
}

// joiners may stand between an indicator's name and its number:
// 调解成功率为97%, 办结率达100%, 案件共331宗.
const joiners = "为达到是共计约有了：: \u3000"

// typedNumbers finds, for every figure's name in text, the number written
// straight after it (past a few joining words) and keeps those that
// disagree with the figure at the precision written (98.1 matches 98.12).
func typedNumbers(text string, figures []Figure) []typedNumber {
	var out []typedNumber
	for _, f := range figures {
		if utf8.RuneCountInString(f.Name) < 2 {
			continue
		}
		for from := 0; ; {
			i := strings.Index(text[from:], f.Name)
			if i < 0 {
				break
			}
			at := from + i + len(f.Name)
			from = at
			j, skipped := at, 0
			for j < len(text) && skipped < 4 {
				r, n := utf8.DecodeRuneInString(text[j:])
				if !strings.ContainsRune(joiners, r) {
					break
				}
				j += n
				skipped++
			}
			num := leadingNumber(text[j:])
			if num == "" {
				continue
			}
			v, err := strconv.ParseFloat(num, 64)
			if err != nil {
				continue
			}
			decimals := 0
			if k := strings.IndexByte(num, '.'); k >= 0 {
				decimals = len(num) - k - 1
			}
			scale := math.Pow(10, float64(decimals))
			if math.Round(f.Value*scale) != math.Round(v*scale) {
				out = append(out, typedNumber{pos: j, written: text[at : j+len(num)], f: f})
			}
		}
	}
	return out
}

// leadingNumber is the decimal number s starts with ("98.1%" → "98.1").
func leadingNumber(s string) string {
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9') {
		i++
	}
	if i == 0 {
		return ""
	}
	if i+1 < len(s) && s[i] == '.' && s[i+1] >= '0' && s[i+1] <= '9' {
		i++
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
	}
	return s[:i]
}
