package data

import (
	"fmt"
	"math"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"
)

// Stat is one indicator's figure for a year as the entry view, the command
// line and the report see it: this year's, last year's and the year
// before's (for the three-years check), a rate with its parts.
type Stat struct {
	Indicator
	Has, HasLast bool
	Value        float64 // a rate as a percentage (97.27)
	LastYear     float64
	Text         string // text indicators
	Explain      string
	// A rate's parts this year, and whether the rate of two years ago was
	// 100 % (the three-years-running check needs it).
	Num, Den        float64
	Full2YearsAgo   bool
	HasTwoYearsBack bool
}

// Change is this year's figure against last year's, as a fraction (0.5 =
// up 50 %); ok is false when either is missing or last year's was zero.
func (s Stat) Change() (float64, bool) {
	if !s.Has || !s.HasLast || s.LastYear == 0 {
		return 0, false
	}
	return (s.Value - s.LastYear) / s.LastYear, true
}

// Stats reads year's figures for every indicator in the catalogue's order,
// computing rates from their parts.
func (s *Store) Stats(year int) ([]Stat, error) {
	inds, err := s.Indicators()
	if err != nil {
		return nil, err
	}
	var by [3]map[string]Value // year, year-1, year-2
	if err := s.view(func(tx *bolt.Tx) error {
		for i := range by {
			if by[i], err = yearValues(tx, year-i); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return nil, err
	}
	return ComputeStats(inds, by), nil
}

// ComputeStats turns raw values (by code; this year, last year, the year
// before) into figures, computing each rate from its parts. It is the one
// place a rate is made, for the store's year and for a 汇总 of many units'
// returns alike: a summed rate is always recomputed, never averaged.
func ComputeStats(inds []Indicator, by [3]map[string]Value) []Stat {
	rate := func(vals map[string]Value, ind Indicator) (r, num, den float64, ok bool) {
		n, okN := vals[ind.Num]
		d, okD := vals[ind.Den]
		if !okN || !okD || d.Value == 0 {
			return 0, n.Value, d.Value, false
		}
		return math.Round(n.Value/d.Value*10000) / 100, n.Value, d.Value, true
	}
	out := make([]Stat, 0, len(inds))
	for _, ind := range inds {
		st := Stat{Indicator: ind}
		if ind.Kind == KindRate {
			st.Value, st.Num, st.Den, st.Has = rate(by[0], ind)
			st.LastYear, _, _, st.HasLast = rate(by[1], ind)
			r2, _, _, ok2 := rate(by[2], ind)
			st.HasTwoYearsBack, st.Full2YearsAgo = ok2, ok2 && r2 == 100
			st.Explain = by[0][ind.Code].Explain
		} else {
			v, ok := by[0][ind.Code]
			st.Value, st.Text, st.Explain, st.Has = v.Value, v.Text, v.Explain, ok
			l, okL := by[1][ind.Code]
			st.LastYear, st.HasLast = l.Value, okL
		}
		out = append(out, st)
	}
	return out
}

// Severity is how a statistics office grades a problem in a return.
type Severity string

// The severities: an 错误 blocks the final export, a 核实 needs a written
// explanation, a 提示 is only shown.
const (
	SevError  Severity = "错误"
	SevVerify Severity = "核实"
	SevHint   Severity = "提示"
)

// MinExplain is how long (in characters) an explanation must be to settle
// a 核实: a few words that say why, not "无".
const MinExplain = 5

// Issue is one problem with a year's figures, at an indicator.
type Issue struct {
	Severity Severity `json:"severity"`
	Code     string   `json:"code"`
	Name     string   `json:"name"`
	Message  string   `json:"message"`
}

// CheckStats applies the rules to a year's figures: 错误 for a negative or
// fractional count, a part larger than its whole and a rate over 100 %;
// 核实 (settled by an explanation of at least MinExplain characters) for a
// change of more than 50 % against last year and a rate of exactly 100 %
// three years running; 提示 for indicators in use left empty.
func CheckStats(stats []Stat) []Issue {
	var out []Issue
	add := func(sev Severity, st Stat, format string, args ...any) {
		out = append(out, Issue{Severity: sev, Code: st.Code, Name: st.Name, Message: fmt.Sprintf(format, args...)})
	}
	explained := func(st Stat) bool { return utf8.RuneCountInString(st.Explain) >= MinExplain }
	for _, st := range stats {
		if st.Retired {
			continue
		}
		switch st.Kind {
		case KindCount:
			if st.Has && st.Value < 0 {
				add(SevError, st, "“%s”不能是负数（现为 %s）。", st.Name, FormatValue(st.Value))
			} else if st.Has && st.Value != math.Trunc(st.Value) {
				add(SevError, st, "“%s”是计数，应为整数（现为 %s）。", st.Name, FormatValue(st.Value))
			}
		case KindAmount:
			if st.Has && st.Value < 0 {
				add(SevError, st, "“%s”不能是负数（现为 %s）。", st.Name, FormatValue(st.Value))
			}
		case KindRate:
			if st.Has && st.Num > st.Den {
				add(SevError, st, "分子大于分母：%s %s 大于 %s %s，%s超过 100%%。请核对这两项。",
					nameOrCode(stats, st.Indicator.Num), FormatValue(st.Num), nameOrCode(stats, st.Indicator.Den), FormatValue(st.Den), st.Name)
			}
			if st.Has && st.Value == 100 && st.HasLast && st.LastYear == 100 && st.Full2YearsAgo && !explained(st) {
				add(SevVerify, st, "“%s”连续三年为 100%%，请写明说明（至少 %d 个字）。", st.Name, MinExplain)
			}
		}
		if st.Kind != KindText && st.Kind != KindRate {
			if ch, ok := st.Change(); ok && math.Abs(ch) > 0.5 && !explained(st) {
				dir := "增加"
				if ch < 0 {
					dir = "减少"
				}
				add(SevVerify, st, "“%s”比上年%s %.0f%%（上年 %s，今年 %s），请写明原因（至少 %d 个字）。",
					st.Name, dir, math.Abs(ch)*100, FormatValue(st.LastYear), FormatValue(st.Value), MinExplain)
			}
		}
		if !st.Has && st.Kind != KindRate && st.Kind != KindText {
			add(SevHint, st, "“%s”尚未填写；没有发生的请填 0 或“无”。", st.Name)
		}
	}
	return out
}

func nameOrCode(stats []Stat, code string) string {
	for _, st := range stats {
		if st.Code == code {
			return st.Name
		}
	}
	return code
}

// HasErrors says whether any 错误 stands, which blocks the final export
// and makes `stats check` exit 1.
func HasErrors(issues []Issue) bool {
	for _, i := range issues {
		if i.Severity == SevError {
			return true
		}
	}
	return false
}

// StatFigures turns a year's filled figures into the report's figures; the
// draft words each one (信访受理数为331宗，信访办结率为100%).
func StatFigures(stats []Stat) []Figure {
	var out []Figure
	for _, st := range stats {
		if !st.Has || st.Kind == KindText || st.Retired {
			continue
		}
		out = append(out, Figure{Name: st.Name, Value: st.Value, Unit: st.Unit})
	}
	return out
}

// Figures is the year's filled statistics as the report quotes them.
func (s *Store) Figures(year int) ([]Figure, error) {
	stats, err := s.Stats(year)
	if err != nil {
		return nil, err
	}
	return StatFigures(stats), nil
}

// ValueChange is one figure an import would change, shown to the clerk
// before anything is kept.
type ValueChange struct {
	Indicator Indicator
	Typed     string // as the file gave it
	HadOld    bool
	Old, New  float64
	OldText   string // text indicators
	NewText   string
}

// PreviewValues reads figures as SetValues would and says which of year's
// values they change (unchanged ones are left out). Nothing is stored.
func (s *Store) PreviewValues(year int, entries []Entry) ([]ValueChange, error) {
	cleaned, err := s.CleanEntries(entries)
	if err != nil {
		return nil, err
	}
	var cur map[string]Value
	if err := s.view(func(tx *bolt.Tx) error {
		cur, err = yearValues(tx, year)
		return err
	}); err != nil {
		return nil, err
	}
	var out []ValueChange
	for _, c := range cleaned {
		old, had := cur[c.Indicator.Code]
		if had && old.Value == c.Value && old.Text == c.Text {
			continue
		}
		out = append(out, ValueChange{Indicator: c.Indicator, Typed: c.Typed, HadOld: had,
			Old: old.Value, New: c.Value, OldText: old.Text, NewText: c.Text})
	}
	return out, nil
}

// StatsExportable says why year's figures may not go out as a final
// return: an 错误 stands. The same refusal for the window and the command
// line.
func StatsExportable(year int, stats []Stat) error {
	if HasErrors(CheckStats(stats)) {
		return userErr(ErrStatsInError, "%d年的统计数据有错误，不能导出正式报表。请先在“统计报表”页查看并改正标为“错误”的项目。", year)
	}
	return nil
}

// Text shows the change as previews list it: 300宗 → 331宗.
func (ch ValueChange) Text() string {
	ind := ch.Indicator
	if ind.Kind == KindText {
		old := ch.OldText
		if !ch.HadOld {
			old = "（空）"
		}
		return old + " → " + ch.NewText
	}
	old := "（空）"
	if ch.HadOld {
		old = FormatValue(ch.Old) + ind.Unit
	}
	return old + " → " + FormatValue(ch.New) + ind.Unit
}
