package plan

import "fazhi/export/textin"

// style is a way of numbering: the official hierarchy is 一、 > （一） >
// 1. > （1）, with 一是…二是… used inside paragraphs.
type style int

const (
	styleChapter     style = iota + 1 // 一、 一．
	styleParenCN                      // （一） (一)
	styleArabic                       // 1. 1、 1．
	styleParenArabic                  // （1） (1)
	styleShi                          // 一是 二是
)

// marker is one number found in the text.
type marker struct {
	style     style
	n         int
	start     int  // first rune of the number
	body      int  // first rune of the text it numbers
	lineStart bool // only spaces between the previous line break and start
	bounded   bool // at a line start or after a sentence boundary
	loose     bool // may be accepted without a boundary when it is exactly the expected number
}

// isBoundary: runes after which a new item may begin inside a line.
func isBoundary(r rune) bool {
	switch r {
	case ' ', '\n', '。', '!', '?', ';', ':', ')', '」', '』', '”', '’', '】', ']', '|':
		return true
	}
	return false
}

func atLineStart(f []rune, i int) bool {
	for k := i - 1; k >= 0; k-- {
		switch f[k] {
		case '\n':
			return true
		case ' ':
			continue
		}
		return false
	}
	return true
}

func boundedAt(f []rune, i int) bool { return i == 0 || isBoundary(f[i-1]) }

func skipSpaces(f []rune, j int) int {
	for j < len(f) && f[j] == ' ' {
		j++
	}
	return j
}

// markerAt reads a number of the given style starting at i.
func markerAt(f []rune, i int, st style) (marker, bool) {
	m := marker{style: st, start: i}
	var j int
	var ok bool
	switch st {
	case styleChapter:
		m.n, j, ok = parseCN(f, i)
		if !ok || j >= len(f) || (f[j] != '、' && f[j] != '.') {
			return m, false
		}
		j++
		// 一、二、三 is a list of numbers, not a heading.
		if _, k, ok := parseCN(f, j); ok && k < len(f) && f[k] == '、' {
			return m, false
		}
		m.bounded = boundedAt(f, i)
	case styleShi:
		m.n, j, ok = parseCN(f, i)
		if !ok || m.n > 20 || j >= len(f) || f[j] != '是' {
			return m, false
		}
		j++
		m.bounded = i == 0 || isBoundary(f[i-1]) || f[i-1] == ',' || f[i-1] == '、'
	case styleArabic:
		m.n, j, ok = parseArabic(f, i)
		if !ok || j >= len(f) || (f[j] != '.' && f[j] != '、') {
			return m, false
		}
		sep := f[j]
		j++
		// 2.5亿元, 1.2.3, 第1、2项 are not item numbers.
		if j < len(f) && (isDigit(f[j]) || f[j] == '.' || f[j] == '、') {
			return m, false
		}
		m.bounded = boundedAt(f, i)
		if sep == '.' && i > 0 {
			p := f[i-1]
			m.loose = !(p >= 'a' && p <= 'z' || p >= 'A' && p <= 'Z' || p == '.' || p == '/' || p == '-' || p == '_' || p == '第' || p == '(' || p == '#')
		}
	case styleParenCN, styleParenArabic:
		if f[i] != '(' {
			return m, false
		}
		if st == styleParenCN {
			m.n, j, ok = parseCN(f, i+1)
		} else {
			m.n, j, ok = parseArabic(f, i+1)
		}
		if !ok || j >= len(f) || f[j] != ')' {
			return m, false
		}
		j++
		// 第（一）项, （一）款 cite a law, they do not number an item.
		if i > 0 && f[i-1] == '第' {
			return m, false
		}
		if j < len(f) {
			switch f[j] {
			case '项', '款', '目', '条', '类':
				return m, false
			}
		}
		m.bounded = boundedAt(f, i)
		m.loose = true
		j = skipSpaces(f, j)
		if j < len(f) && (f[j] == '、' || f[j] == '.') {
			j++
		}
	default:
		return m, false
	}
	m.body = skipSpaces(f, j)
	// A number with nothing after it on its line numbers nothing.
	if m.body >= len(f) || f[m.body] == '\n' {
		return m, false
	}
	m.lineStart = atLineStart(f, i)
	return m, true
}

// startsLike is a cheap first-rune filter before markerAt.
func startsLike(r rune, st style) bool {
	switch st {
	case styleChapter, styleShi:
		_, ok := textin.ChineseDigits[r]
		return ok || r == '十'
	case styleArabic:
		return isDigit(r)
	case styleParenCN, styleParenArabic:
		return r == '('
	}
	return false
}

// scan finds, in f[a:b], the markers of one style that form a sequence
// beginning with one of firsts. Sequence is what tells a real item number
// from a number in the prose: inline, only the exact next number is
// accepted; at the start of a line a small gap (a task missing from the
// source) is tolerated.
func scan(f []rune, a, b int, st style, firsts []int) []marker {
	var out []marker
	last := 0
	for i := a; i < b; i++ {
		if !startsLike(f[i], st) {
			continue
		}
		m, ok := markerAt(f, i, st)
		if !ok || m.body > b {
			continue
		}
		if !acceptable(m, last, firsts, len(out) == 0) {
			continue
		}
		out = append(out, m)
		last = m.n
		i = m.body - 1
	}
	return out
}

func acceptable(m marker, last int, firsts []int, first bool) bool {
	exact := m.n == last+1
	if first {
		exact = false
		for _, n := range firsts {
			if m.n == n {
				exact = true
			}
		}
	}
	if exact && (m.bounded || m.loose) {
		return true
	}
	if !m.lineStart {
		return false
	}
	if first {
		lo, hi := firsts[0], firsts[len(firsts)-1]
		return m.n >= lo && m.n <= hi+2
	}
	return m.n > last && m.n <= last+3
}
