package data

import (
	"strings"
)

// figureText is what inserting f puts into the text, and where in it the
// value stands: f's sentence when it states the value, else "{名称}为{值}。"
// so that the value is always there to be found again.
func figureText(f Figure) (text string, at int) {
	vt := f.ValueText()
	if i := strings.Index(f.Sentence, vt); f.Sentence != "" && i >= 0 {
		return f.Sentence, i
	}
	text = f.Name + "为"
	return text + vt + "。", len(text)
}

// InsertFigure puts statistic f into section k's text at byte offset (the
// end when the offset is out of range or inside a character) and links it,
// so that Check can tell when the statistic later changes. It returns false
// when the report has no section k.
func (r *Report) InsertFigure(k SectionKey, offset int, f Figure) bool {
	s, ok := r.Section(k)
	if !ok {
		return false
	}
	if offset < 0 || offset > len(s.Text) || !isRuneStart(s.Text, offset) {
		offset = len(s.Text)
	}
	text, at := figureText(f)
	s.Text = s.Text[:offset] + text + s.Text[offset:]
	// Links after the insertion point move with their text.
	for i := range r.Figures {
		if l := &r.Figures[i]; l.Section == k && l.Offset >= offset {
			l.Offset += len(text)
		}
	}
	r.Figures = append(r.Figures, FigureLink{Indicator: f.Name, Value: f.Value, Unit: f.Unit, Section: k, Text: f.ValueText(), Offset: offset + at})
	return true
}

func isRuneStart(s string, i int) bool {
	return i == len(s) || i == 0 || s[i]&0xC0 != 0x80
}

// FigurePos finds linked figure i in its section's text: the occurrence of
// its text nearest to where it was put (the clerk edits around it). It
// returns -1 when the text is gone (edited or deleted).
func (r *Report) FigurePos(i int) int {
	if i < 0 || i >= len(r.Figures) {
		return -1
	}
	l := r.Figures[i]
	s, ok := r.Section(l.Section)
	if !ok || l.Text == "" {
		return -1
	}
	best, bestDist := -1, 0
	for from := 0; from <= len(s.Text); {
		j := strings.Index(s.Text[from:], l.Text)
		if j < 0 {
			break
		}
		pos := from + j
		// "31宗" must not be found inside "331宗".
		if !digitBefore(s.Text, pos) {
			d := pos - l.Offset
			if d < 0 {
				d = -d
			}
			if best < 0 || d < bestDist {
				best, bestDist = pos, d
			}
		}
		from = pos + 1
		for from < len(s.Text) && !isRuneStart(s.Text, from) {
			from++
		}
	}
	return best
}

func digitBefore(s string, i int) bool {
	return i > 0 && (s[i-1] >= '0' && s[i-1] <= '9' || s[i-1] == '.')
}

// UpdateFigure writes linked figure i's new value f into the text in place
// of the old one and records it as the link's value: the one-click answer
// to "this figure has changed". False when the old text is no longer found.
func (r *Report) UpdateFigure(i int, f Figure) bool {
	pos := r.FigurePos(i)
	if pos < 0 {
		return false
	}
	l := &r.Figures[i]
	s, _ := r.Section(l.Section)
	nt := f.ValueText()
	s.Text = s.Text[:pos] + nt + s.Text[pos+len(l.Text):]
	delta := len(nt) - len(l.Text)
	for j := range r.Figures {
		if o := &r.Figures[j]; j != i && o.Section == l.Section && o.Offset > pos {
			o.Offset += delta
		}
	}
	l.Value, l.Unit, l.Text, l.Offset = f.Value, f.Unit, nt, pos
	return true
}
