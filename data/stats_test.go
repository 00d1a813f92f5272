package data

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
)

var figureCases = []struct {
	in   string
	want float64
	ok   bool
}{
	{"331", 331, true}, {"３３１", 331, true}, {"2,707", 2707, true}, {"2，707", 2707, true},
	{"331宗", 331, true}, {"2.5万", 25000, true}, {"12.5万元", 12.5, true}, {"无", 0, true},
	{"没有", 0, true}, {"—", 0, true}, {" 64 个", 64, true}, {"97%", 97, true},
	{"", 0, false}, {"三百", 0, false}, {"12a", 0, false}, {"NaN", 0, false}, {"1e99", 0, false},
}

func TestParseFigure(t *testing.T) {
	for _, c := range figureCases {
		got, err := ParseFigure(c.in)
		if (err == nil) != c.ok || (c.ok && got != c.want) {
			t.Errorf("ParseFigure(%q) = %v, %v; want %v (ok %v)", c.in, got, err, c.want, c.ok)
		}
		if err != nil && !errors.Is(err, ErrNotANumber) {
			t.Errorf("ParseFigure(%q) error %v is not ErrNotANumber", c.in, err)
		}
	}
}

func FuzzParseFigure(f *testing.F) {
	for _, c := range figureCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseFigure(s)
		if err == nil && (math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1e19) {
			t.Errorf("ParseFigure(%q) = %v", s, v)
		}
		if err != nil && Message(err) == "" {
			t.Errorf("ParseFigure(%q): error without a message", s)
		}
	})
}

func TestDefaultCatalogue(t *testing.T) {
	cat := DefaultCatalogue()
	if len(cat) < 40 {
		t.Errorf("%d indicators; want at least 40", len(cat))
	}
	codes, names := map[string]bool{}, map[string]bool{}
	for _, ind := range cat {
		if codes[ind.Code] || names[ind.Name] {
			t.Errorf("duplicate %s %s", ind.Code, ind.Name)
		}
		codes[ind.Code], names[ind.Name] = true, true
	}
	for _, ind := range cat {
		if ind.Kind == KindRate && (!codes[ind.Num] || !codes[ind.Den] || ind.Unit != "%") {
			t.Errorf("rate %s has parts %q/%q", ind.Name, ind.Num, ind.Den)
		}
	}
	for _, n := range []string{"信访受理数", "信访办结数", "信访办结率", "人民调解案件数", "人民调解成功数", "人民调解成功率",
		"规范性文件制发数", "规范性文件合法性审核数", "规范性文件合法性审核率"} {
		if !names[n] {
			t.Errorf("the catalogue lacks %s", n)
		}
	}
}

func TestValuesRatesAndNames(t *testing.T) {
	s := openTemp(t)
	if _, err := s.SetValues(2024, 0, []Entry{{"信访受理数", "331宗"}, {"F02", "３３１"}, {"调解案件", "2,707"}, {"人民调解成功数", "2633"}}); err != nil {
		t.Fatal(err)
	}
	// Rates are computed, never typed; a bad value fails the whole lot.
	for _, bad := range [][]Entry{{{"信访办结率", "100"}}, {{"信访受理数", "400"}, {"信访办结数", "很多"}}, {{"不存在的指标", "1"}}} {
		if _, err := s.SetValues(2024, 0, bad); err == nil {
			t.Errorf("SetValues(%v) accepted", bad)
		}
	}
	stats, err := s.Stats(2024)
	if err != nil {
		t.Fatal(err)
	}
	get := func(name string) Stat {
		i := slices.IndexFunc(stats, func(st Stat) bool { return st.Name == name })
		if i < 0 {
			t.Fatalf("no %s", name)
		}
		return stats[i]
	}
	if st := get("信访受理数"); st.Value != 331 {
		t.Errorf("信访受理数 %v; the refused lot must not have stored 400", st.Value)
	}
	if st := get("信访办结率"); !st.Has || st.Value != 100 || st.Num != 331 || st.Den != 331 {
		t.Errorf("信访办结率 %+v", st)
	}
	if st := get("人民调解成功率"); st.Value != 97.27 {
		t.Errorf("人民调解成功率 %v; want 97.27", st.Value)
	}

	// Renaming keeps the old name as an alias; retiring keeps the values.
	if _, err := s.RenameIndicator("信访受理数", "信访案件受理数"); err != nil {
		t.Fatal(err)
	}
	if ind, err := s.ResolveIndicator("信访受理数"); err != nil || ind.Name != "信访案件受理数" {
		t.Errorf("old name resolves to %+v, %v", ind, err)
	}
	if _, err := s.RetireIndicator("信访案件受理数", true); err != nil {
		t.Fatal(err)
	}
	stats, _ = s.Stats(2024)
	if st := get("信访案件受理数"); !st.Retired || st.Value != 331 {
		t.Errorf("retired indicator lost its history: %+v", st)
	}
	if _, err := s.AddIndicator(Indicator{Name: "信访办结率", Kind: KindCount}); !errors.Is(err, ErrExists) {
		t.Errorf("a duplicate name was added: %v", err)
	}
}

func TestCheckStats(t *testing.T) {
	count := Indicator{Code: "F01", Name: "信访受理数", Kind: KindCount, Unit: "宗"}
	done := Indicator{Code: "F02", Name: "信访办结数", Kind: KindCount, Unit: "宗"}
	rate := Indicator{Code: "F03", Name: "信访办结率", Kind: KindRate, Unit: "%", Num: "F02", Den: "F01"}
	for _, c := range []struct {
		name string
		st   Stat
		want Severity // "" = no issue
		says string
	}{
		{"negative count", Stat{Indicator: count, Has: true, Value: -1}, SevError, "负数"},
		{"fractional count", Stat{Indicator: count, Has: true, Value: 2.5}, SevError, "整数"},
		{"part larger than whole", Stat{Indicator: rate, Has: true, Value: 120, Num: 12, Den: 10}, SevError, "分子大于分母"},
		{"up 60 %, no explanation", Stat{Indicator: count, Has: true, Value: 160, HasLast: true, LastYear: 100}, SevVerify, "增加 60%"},
		{"down 60 %, explained too briefly", Stat{Indicator: count, Has: true, Value: 40, HasLast: true, LastYear: 100, Explain: "调整"}, SevVerify, "减少 60%"},
		{"up 60 %, explained", Stat{Indicator: count, Has: true, Value: 160, HasLast: true, LastYear: 100, Explain: "今年开展专项排查，受理数增加"}, "", ""},
		{"up exactly 50 %", Stat{Indicator: count, Has: true, Value: 150, HasLast: true, LastYear: 100}, "", ""},
		{"100 % three years", Stat{Indicator: rate, Has: true, Value: 100, Num: 5, Den: 5, HasLast: true, LastYear: 100, Full2YearsAgo: true, HasTwoYearsBack: true}, SevVerify, "连续三年"},
		{"100 % two years", Stat{Indicator: rate, Has: true, Value: 100, Num: 5, Den: 5, HasLast: true, LastYear: 100}, "", ""},
		{"empty", Stat{Indicator: count}, SevHint, "尚未填写"},
		{"retired and empty", Stat{Indicator: Indicator{Code: "X", Name: "旧指标", Kind: KindCount, Retired: true}}, "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			issues := CheckStats([]Stat{{Indicator: done, Has: true, Value: 1}, c.st})
			var got []Issue
			for _, i := range issues {
				if i.Code == c.st.Code {
					got = append(got, i)
				}
			}
			switch {
			case c.want == "" && len(got) > 0:
				t.Errorf("unexpected %+v", got)
			case c.want != "" && (len(got) != 1 || got[0].Severity != c.want || !strings.Contains(got[0].Message, c.says)):
				t.Errorf("got %+v; want one %s saying %q", got, c.want, c.says)
			}
			if HasErrors(issues) != (c.want == SevError) {
				t.Errorf("HasErrors = %v", HasErrors(issues))
			}
		})
	}
}
