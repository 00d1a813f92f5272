package statsheet

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"fazhi/data"
)

// Label cleaning: a return's row label carries more than the indicator's
// name — numbering (一、 (二) 3. ①), a 栏次/行次 code, a unit in brackets,
// a leading 其中：. What is left is compared with names and aliases.
var (
	reBrackets  = regexp.MustCompile(`[(\[【〔][^()\[\]【】〔〕]*[)\]】〕]`)
	reNumbering = regexp.MustCompile(`^(?:[一二三四五六七八九十]{1,3}[、.]|[①-⑳]|第[0-9一二三四五六七八九十]+[栏行项])`)
	reDigitNo   = regexp.MustCompile(`^[0-9]{1,3}[.、)]?`)
	reCode      = regexp.MustCompile(`(?:栏次|行次|栏号|行号|代码)[:：]?[0-9]+`)
	reLeadIn    = regexp.MustCompile(`^(?:其中|内含|包括|含)[:：]?`)
)

// CleanLabel reduces a cell's text to the words that may name an indicator:
// `3.（一）信访受理数（件）` → `信访受理数`, `其中：办结数 [行次12]` → `办结数`.
func CleanLabel(s string) string {
	s = norm.NFKC.String(s)
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
			return -1
		}
		return r
	}, s)
	s = reCode.ReplaceAllString(s, "")
	for {
		t := reNumbering.ReplaceAllString(s, "")
		t = stripDigitNumbering(t)
		t = reBrackets.ReplaceAllStringFunc(t, func(b string) string {
			// Brackets that are part of a name stay: 民主法治示范村(社区)数.
			inner := b[len(string([]rune(b)[0])) : len(b)-len(string([]rune(b)[len([]rune(b))-1]))]
			if isUnitOrCode(inner) {
				return ""
			}
			return b
		})
		t = reLeadIn.ReplaceAllString(t, "")
		if t == s {
			break
		}
		s = t
	}
	return strings.ToUpper(data.NormalizeName(s))
}

var unitWords = map[string]bool{"件": true, "宗": true, "次": true, "场": true, "人": true, "人次": true, "份": true,
	"个": true, "项": true, "万元": true, "元": true, "%": true, "期": true, "条": true, "户": true, "起": true, "单位": true}

// stripDigitNumbering removes 3. or 12 in front of words (3.信访受理数,
// 12信访受理数) but never digits of a number (1.5, 2024).
func stripDigitNumbering(s string) string {
	loc := reDigitNo.FindStringIndex(s)
	if loc == nil || loc[1] == len(s) {
		return s
	}
	next, _ := utf8.DecodeRuneInString(s[loc[1]:])
	if unicode.IsDigit(next) || next == '.' || next == ',' || !unicode.Is(unicode.Han, next) {
		return s
	}
	return s[loc[1]:]
}

// isUnitOrCode: 件, 单位：万元, 栏次3, 12, 一, %.
func isUnitOrCode(s string) bool {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "单位"), ":")
	s = strings.TrimPrefix(s, "：")
	if unitWords[s] || s == "" {
		return true
	}
	if strings.IndexFunc(s, func(r rune) bool { return !unicode.IsDigit(r) }) < 0 {
		return true
	}
	if strings.HasPrefix(s, "栏") || strings.HasPrefix(s, "行") {
		return true
	}
	return len([]rune(s)) <= 2 && strings.ContainsAny(s, "一二三四五六七八九十")
}

// matcher finds the indicator a cleaned label names.
type matcher struct {
	exact map[string]string // cleaned name → code
	alias map[string]string
	names []nameGrams
}

type nameGrams struct {
	code  string
	grams map[string]int
	n     int
	rate  bool
}

func newMatcher(cat []data.Indicator) *matcher {
	m := &matcher{exact: map[string]string{}, alias: map[string]string{}}
	for _, ind := range cat {
		if ind.Retired {
			continue
		}
		m.exact[CleanLabel(ind.Name)] = ind.Code
		for _, a := range ind.Aliases {
			if k := CleanLabel(a); m.alias[k] == "" {
				m.alias[k] = ind.Code
			}
		}
		for _, n := range append([]string{ind.Name}, ind.Aliases...) {
			g := bigrams(CleanLabel(n))
			m.names = append(m.names, nameGrams{ind.Code, g, countGrams(g), ind.Kind == data.KindRate})
		}
	}
	return m
}

// How a label was matched, strongest first.
const (
	HowExact   = "exact"
	HowAlias   = "alias"
	HowSimilar = "similar"
	HowManual  = "manual" // set by the clerk
)

// minSimilarity is the Dice coefficient of character pairs a label needs to
// be proposed as an indicator it does not name exactly: high enough that
// 信访办结数 is not proposed for 信访受理数.
const minSimilarity = 0.75

func (m *matcher) match(label string) (code, how string, score float64) {
	if label == "" || len([]rune(label)) > 60 {
		return "", "", 0
	}
	if c, ok := m.exact[label]; ok {
		return c, HowExact, 1
	}
	if c, ok := m.alias[label]; ok {
		return c, HowAlias, 1
	}
	g := bigrams(label)
	n := countGrams(g)
	if n < 2 {
		return "", "", 0
	}
	// A label is only like a rate when it speaks of one: 人民调解成功件数 is
	// near 人民调解成功率 in characters but is a count.
	isRate := strings.Contains(label, "率")
	best, second := 0.0, 0.0
	for _, ng := range m.names {
		if ng.rate != isRate {
			continue
		}
		common := 0
		for k, c := range g {
			common += min(c, ng.grams[k])
		}
		s := 2 * float64(common) / float64(n+ng.n)
		if s > best {
			if ng.code != code {
				second = best
			}
			best, code = s, ng.code
		} else if s > second && ng.code != code {
			second = s
		}
	}
	if best < minSimilarity || best-second < 0.05 {
		return "", "", best
	}
	return code, HowSimilar, best
}

func bigrams(s string) map[string]int {
	r := []rune(s)
	out := map[string]int{}
	for i := 0; i+1 < len(r); i++ {
		out[string(r[i:i+2])]++
	}
	return out
}

func countGrams(g map[string]int) int {
	n := 0
	for _, c := range g {
		n += c
	}
	return n
}
