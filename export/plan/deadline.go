package plan

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"fazhi/export/textin"
)

// hit is one deadline found in a text: runes [start, end) and the date.
type hit struct {
	start, end int
	y, m, d    int
}

func (h hit) iso() string { return fmt.Sprintf("%04d-%02d-%02d", h.y, h.m, h.d) }

func (h hit) after(o hit) bool {
	return h.y > o.y || h.y == o.y && (h.m > o.m || h.m == o.m && h.d > o.d)
}

func lastDay(y, m int) int { return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day() }

// findDeadlines finds the deadlines written in f (folded runes), in order
// and without overlaps. planYear dates the ones without a year (6月底前,
// 年内, 上半年); 0 skips them. Recurring times (每年年底, 每季度末) and
// durations (一年内, 三年内) are not deadlines.
func findDeadlines(f []rune, planYear int) []hit {
	var out []hit
	for i := 0; i < len(f); i++ {
		var h hit
		var ok bool
		switch f[i] {
		case '年':
			h, ok = yearAnchor(f, i, planYear)
		case '月':
			h, ok = monthAnchor(f, i, planYear)
		case '季':
			h, ok = quarterAnchor(f, i, planYear)
		default:
			continue
		}
		if !ok || h.y < 1990 || h.y > 2100 {
			continue
		}
		if len(out) == 0 || h.start >= out[len(out)-1].end {
			out = append(out, h)
		}
		i = h.end - 1
	}
	return out
}

// recurring reports a 每 just before i (每年年底, 每月底, 每季度末) or a
// number that makes it a duration (一年内, 三年内, 半年内).
func recurring(f []rune, i int) bool {
	if i > 0 && strings.ContainsRune("0123456789一二三四五六七八九十两几多半数百千每", f[i-1]) {
		return true
	}
	return i > 1 && f[i-2] == '每'
}

func yearAnchor(f []rune, i, planYear int) (hit, bool) {
	k := i
	for k > 0 && isDigit(f[k-1]) {
		k--
	}
	j := i + 1
	if i-k == 4 {
		y := 0
		for _, c := range f[k:i] {
			y = y*10 + int(c-'0')
		}
		switch {
		case hasAt(f, j, "年底"), hasAt(f, j, "年末"):
			return affix(f, hit{k, j + 2, y, 12, 31}, false)
		case hasAt(f, j, "底"), hasAt(f, j, "末"), hasAt(f, j, "内"):
			return affix(f, hit{k, j + 1, y, 12, 31}, false)
		case hasAt(f, j, "上半年"):
			return affix(f, hit{k, j + 3, y, 6, 30}, false)
		case hasAt(f, j, "下半年"):
			return affix(f, hit{k, j + 3, y, 12, 31}, false)
		}
		if h, ok := monthAt(f, j, y, k); ok {
			return h, true
		}
		return quarterAt(f, j, y, k)
	}
	if i != k || planYear == 0 {
		return hit{}, false
	}
	switch {
	case (hasAt(f, i, "年底") || hasAt(f, i, "年末") || hasAt(f, i, "年内")) && !recurring(f, i):
		return affix(f, hit{i, i + 2, planYear, 12, 31}, false)
	case i >= 2 && f[i-1] == '半' && (f[i-2] == '上' || f[i-2] == '下') && !recurring(f, i-2):
		if f[i-2] == '上' {
			return affix(f, hit{i - 2, i + 1, planYear, 6, 30}, false)
		}
		return affix(f, hit{i - 2, i + 1, planYear, 12, 31}, false)
	}
	return hit{}, false
}

// cnMonth reads 一 … 十二 at i.
func cnMonth(f []rune, i int) (int, int, bool) {
	n, j, ok := parseCN(f, i)
	return n, j, ok && n <= 12
}

// monthAt reads "M月底", "M月D日前", "M月中旬"… at j, dated in year y;
// start is where the whole deadline began (its year, if written).
func monthAt(f []rune, j, y, start int) (hit, bool) {
	m, k, ok := parseArabic(f, j)
	if !ok {
		m, k, ok = cnMonth(f, j)
	}
	if !ok || m < 1 || m > 12 || k >= len(f) || f[k] != '月' {
		return hit{}, false
	}
	k++
	if hasAt(f, k, "份") {
		k++
	}
	switch {
	case hasAt(f, k, "底"), hasAt(f, k, "末"):
		return affix(f, hit{start, k + 1, y, m, lastDay(y, m)}, false)
	case hasAt(f, k, "上旬"):
		return affix(f, hit{start, k + 2, y, m, 10}, false)
	case hasAt(f, k, "中旬"):
		return affix(f, hit{start, k + 2, y, m, 20}, false)
	case hasAt(f, k, "下旬"):
		return affix(f, hit{start, k + 2, y, m, lastDay(y, m)}, false)
	}
	if d, e, ok := parseArabic(f, k); ok && e < len(f) && (f[e] == '日' || f[e] == '号') {
		if d > lastDay(y, m) {
			return hit{}, false
		}
		return affix(f, hit{start, e + 1, y, m, d}, true)
	}
	// 6月前, 到2017年6月: a month alone is a date of an event unless
	// 前 or 到 says it is a deadline.
	return affix(f, hit{start, k, y, m, lastDay(y, m)}, true)
}

func monthAnchor(f []rune, i, planYear int) (hit, bool) {
	if planYear == 0 {
		return hit{}, false
	}
	k := i
	for k > 0 && i-k < 3 && (isDigit(f[k-1]) || f[k-1] == '十' || textin.ChineseDigits[f[k-1]] > 0) {
		k--
	}
	if k == i || (k > 0 && (f[k-1] == '年' || isDigit(f[k-1]) || f[k-1] == '-' || f[k-1] == '/')) || recurring(f, k) {
		return hit{}, false
	}
	return monthAt(f, k, planYear, k)
}

// quarterAt reads "第三季度末", "三季度前" at j.
func quarterAt(f []rune, j, y, start int) (hit, bool) {
	if hasAt(f, j, "第") {
		j++
	}
	if j >= len(f) {
		return hit{}, false
	}
	q := 0
	if r := f[j]; r >= '1' && r <= '4' {
		q = int(r - '0')
	} else if n := textin.ChineseDigits[r]; n >= 1 && n <= 4 {
		q = n
	}
	if q == 0 || !hasAt(f, j+1, "季度") {
		return hit{}, false
	}
	k := j + 3
	if hasAt(f, k, "末") || hasAt(f, k, "底") {
		return affix(f, hit{start, k + 1, y, q * 3, lastDay(y, q*3)}, false)
	}
	return affix(f, hit{start, k, y, q * 3, lastDay(y, q*3)}, true)
}

func quarterAnchor(f []rune, i, planYear int) (hit, bool) {
	if planYear == 0 || i < 1 || !hasAt(f, i, "季度") {
		return hit{}, false
	}
	k := i - 1
	if k > 0 && f[k-1] == '第' {
		k--
	}
	if (k > 0 && f[k-1] == '年') || recurring(f, k) {
		return hit{}, false
	}
	return quarterAt(f, k, planYear, k)
}

// affix widens a hit over 到/截至 before it and 前/之前/以前 after it, the
// words the clerk will see in deadline_text. need: without one of them the
// date is not a deadline.
func affix(f []rune, h hit, need bool) (hit, bool) {
	found := false
	for _, s := range []string{"之前", "以前", "前"} {
		if hasAt(f, h.end, s) {
			h.end += utf8.RuneCountInString(s)
			found = true
			break
		}
	}
	for _, p := range []string{"截止到", "截至", "截止", "到", "至"} {
		n := utf8.RuneCountInString(p)
		if hasAt(f, h.start-n, p) {
			h.start -= n
			found = true
			break
		}
	}
	if need && !found {
		return hit{}, false
	}
	return h, true
}

// latest picks the last date of a task that names several (6月底前完成A，
// 年底前完成B): the task is done when all of it is.
func latest(hs []hit) (hit, bool) {
	if len(hs) == 0 {
		return hit{}, false
	}
	best := hs[0]
	for _, h := range hs[1:] {
		if h.after(best) {
			best = h
		}
	}
	return best, true
}

// longTermWords in a deadline field or a note mean the task has no date.
var longTermWords = []string{"长期", "持续", "常态", "经常性"}

func longTermNote(s string) bool {
	f := foldString(s)
	for _, w := range longTermWords {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}

// longTermClauses, standing alone as a clause of a task's text, say it is
// long-term work (……机制。长期坚持。).
var longTermClauses = map[string]bool{
	"长期坚持": true, "长期": true, "持续推进": true, "长期推进": true, "持续开展": true,
	"常态化推进": true, "长期执行": true, "常态化开展": true, "长期开展": true,
}

// longTermText finds long-term words in a task's text: 长期坚持 anywhere,
// the others only as a clause of their own (持续推进 is also ordinary prose).
func longTermText(r, f []rune) (string, bool) {
	for i := range f {
		if hasAt(f, i, "长期坚持") {
			return "长期坚持", true
		}
	}
	start := 0
	for i := 0; i <= len(f); i++ {
		if i < len(f) && !strings.ContainsRune("。;,、:!?\n()", f[i]) {
			continue
		}
		a, b := trimSpace(f, start, i)
		if b-a <= 5 && longTermClauses[string(f[a:b])] {
			return string(r[a:b]), true
		}
		start = i + 1
	}
	return "", false
}

// isDeadlinePhrase: a piece of a note that dates the task instead of
// naming a department (2017年底前完成, 长期坚持).
func isDeadlinePhrase(fs string) bool {
	if longTermNote(fs) {
		return true
	}
	f := []rune(fs)
	return len(findDeadlines(f, 2000)) > 0 || strings.Contains(fs, "完成") || strings.Contains(fs, "时限")
}
