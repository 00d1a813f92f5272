package reportin

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"fazhi/data"
	"fazhi/export/textin"
)

// Result is a report as read, for a preview before it is stored.
type Result struct {
	// Report has no Year: the caller says which year it is.
	Report data.Report
	// Dropped are the lines left out as page chrome or repeated titles, so
	// the preview can show what was not taken.
	Dropped []string
}

// Limits that tell headings, titles and signatures from sentences.
const (
	maxHeadingRunes   = 60
	maxTitleRunes     = 60
	maxAddresseeRunes = 30
	maxSignatureRunes = 30
	maxContactRunes   = 80
	// runOnRunes: a line longer than this is a pasted page whose headings
	// may run into their text after a space.
	runOnRunes = 100
)

// Parse reads text (UTF-8, any line endings) as an annual report.
func Parse(text string) Result {
	var res Result
	p := parser{res: &res, lastNo: 0}
	for _, line := range cleanLines(text) {
		for _, chunk := range splitRunOn(line) {
			if p.cut {
				res.Dropped = append(res.Dropped, chunk)
				continue
			}
			p.line(chunk)
		}
	}
	p.finish()
	return res
}

type section struct {
	key     data.SectionKey
	heading string
	paras   []string
}

type parser struct {
	res      *Result
	cut      bool // page chrome after the body: drop everything
	opening  []string
	sections []section
	lastNo   int // the last 一、 number taken as a section
}

func (p *parser) drop(s string) { p.res.Dropped = append(p.res.Dropped, s) }

func (p *parser) line(s string) {
	f := fold(s)
	r := &p.res.Report
	started := len(p.sections) > 0 || len(p.opening) > 0
	switch {
	case isTailChrome(f):
		p.drop(s)
		p.cut = started
		return
	case isDebris(f):
		p.drop(s)
		return
	case r.Title != "" && f == fold(r.Title):
		p.drop(s) // web pages repeat the title above the text
		return
	}
	if !started && r.Addressee == "" {
		if r.Title == "" && isTitle(f) {
			r.Title = s
			return
		}
		if isAddressee(f) {
			r.Addressee = strings.TrimRight(s, ":：") + "："
			return
		}
	}
	if no, heading, ok := heading1(s, f); ok && no == p.lastNo+1 {
		p.lastNo = no
		p.sections = append(p.sections, section{key: keyOf(fold(heading)), heading: heading})
		return
	}
	if len(p.sections) == 0 {
		p.opening = append(p.opening, s)
		return
	}
	last := &p.sections[len(p.sections)-1]
	last.paras = append(last.paras, s)
}

// finish takes the signature, date and contact line off the end of the
// last part and writes the report.
func (p *parser) finish() {
	r := &p.res.Report
	paras := &p.opening
	if n := len(p.sections); n > 0 {
		paras = &p.sections[n-1].paras
	}
	for len(*paras) > 0 {
		last := (*paras)[len(*paras)-1]
		f := fold(last)
		before := ""
		if len(*paras) > 1 {
			before = fold((*paras)[len(*paras)-2])
		}
		switch {
		case r.Contact == "" && isContact(f):
			r.Contact = last
		case r.Date.IsZero() && dateOf(f, isSignature(before)) != data.Date{}:
			r.Date = dateOf(f, isSignature(before))
		case isSignature(f):
			r.Signature = append([]string{last}, r.Signature...)
		default:
			goto done
		}
		*paras = (*paras)[:len(*paras)-1]
	}
done:
	r.Opening = strings.Join(p.opening, "\n")
	r.Sections = []data.Section{}
	for _, s := range p.sections {
		r.Sections = append(r.Sections, data.Section{Key: s.key, Heading: s.heading, Text: strings.Join(s.paras, "\n")})
	}
	if r.Signature == nil {
		r.Signature = []string{}
	}
}

// cleanLines cuts text into trimmed, non-empty lines without the table
// pipes a scraped page leaves around them.
func cleanLines(text string) []string {
	var out []string
	text = strings.ToValidUTF8(text, "\uFFFD")
	for _, l := range strings.FieldsFunc(text, isLineBreak) {
		if l = trimChunk(stripInvisible(l)); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// stripInvisible drops zero-width characters and control characters
// (tab aside): they come from pasted web pages and mean nothing.
func stripInvisible(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '\u200b', '\u200c', '\u200d', '\ufeff', '\u00ad':
			return -1
		}
		if r != '\t' && !isLineBreak(r) && unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
}

func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', '\u2028', '\u2029', '\u0085':
		return true
	}
	return false
}

func isSpace(r rune) bool { return unicode.IsSpace(r) }

// trimChunk trims spaces and the | of scraped table cells at both ends.
func trimChunk(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return isSpace(r) || r == '|' || r == '｜' })
}

// splitRunOn cuts a long line (a web page pasted whole) before every
// heading that follows a space: 一、… and （一）…; and a 一、 heading from
// the sentence that follows it after a space.
func splitRunOn(line string) []string {
	rs := []rune(line)
	if len(rs) <= runOnRunes {
		return []string{line}
	}
	f := []rune(fold(line))
	var out []string
	start := 0
	emit := func(end int) {
		if c := trimChunk(string(rs[start:end])); c != "" {
			out = append(out, c)
		}
		start = end
	}
	for i := 1; i < len(f); i++ {
		if !isSpace(f[i-1]) || i == start {
			continue
		}
		if _, j, ok := level2At(f, i); ok && j < len(f) {
			emit(i)
			continue
		}
		if _, j, ok := level1At(f, i); ok {
			if end := headEnd(f, j); end > 0 {
				emit(i)
				emit(end)
			}
		}
	}
	emit(len(rs))
	return out
}

// headEnd: for a 一、 heading whose words run from j, the index of the space
// that ends it, when the words before it can be a heading and text follows;
// else -1.
func headEnd(f []rune, j int) int {
	for k := j; k < len(f) && k-j <= maxHeadingRunes; k++ {
		switch {
		case f[k] == '。':
			return -1
		case isSpace(f[k]):
			if k == j {
				return -1
			}
			return k
		}
	}
	return -1
}

// heading1 recognises a line that is a 一、… heading and returns its
// number and its words without the number.
func heading1(s, f string) (int, string, bool) {
	rf := []rune(f)
	no, j, ok := level1At(rf, 0)
	if !ok || len(rf) > maxHeadingRunes+3 || strings.Contains(f, "。") {
		return 0, "", false
	}
	words := strings.TrimRight(strings.TrimSpace(string([]rune(s)[j:])), ":：。")
	if words == "" {
		return 0, "", false
	}
	return no, words, true
}

// level1At reads "一、" at i; j is the rune after 、.
func level1At(f []rune, i int) (n, j int, ok bool) {
	n, j, ok = parseCN(f, i)
	if !ok || j >= len(f) || f[j] != '、' {
		return 0, i, false
	}
	return n, j + 1, true
}

// level2At reads "(一)" (after folding, so also （一）) at i.
func level2At(f []rune, i int) (n, j int, ok bool) {
	if i >= len(f) || f[i] != '(' {
		return 0, i, false
	}
	n, j, ok = parseCN(f, i+1)
	if !ok || j >= len(f) || f[j] != ')' {
		return 0, i, false
	}
	return n, j + 1, true
}

// keyOf maps a heading to the mandated part it is, by its words. The
// leaders' part is tried first: its heading also speaks of 加强法治政府建设.
func keyOf(h string) data.SectionKey {
	for _, c := range []struct {
		key   data.SectionKey
		words []string
	}{
		{data.SectionLeaders, []string{"第一责任人", "主要负责人", "述法"}},
		{data.SectionShortcomings, []string{"不足", "问题", "差距", "短板"}},
		{data.SectionPlans, []string{"安排", "计划", "打算", "下一步", "思路", "下一年"}},
		{data.SectionMeasures, []string{"举措", "做法", "回顾", "成效", "成绩", "主要工作", "工作情况", "进展"}},
	} {
		for _, w := range c.words {
			if strings.Contains(h, w) {
				return c.key
			}
		}
	}
	return data.SectionOther
}

func runes(s string) int { return utf8.RuneCountInString(s) }

func isTitle(f string) bool {
	return runes(f) <= maxTitleRunes && !strings.ContainsAny(f, "。,;:") &&
		(strings.Contains(f, "报告") || strings.Contains(f, "情况") || strings.Contains(f, "总结"))
}

func isAddressee(f string) bool {
	return runes(f) <= maxAddresseeRunes && strings.HasSuffix(f, ":") && !strings.ContainsAny(f, "。,;") && runes(f) > 1
}

var signatureSuffixes = []string{"委员会", "人民政府", "政府", "办事处", "党委", "镇委", "工委", "办公室", "司法所", "领导小组"}

func isSignature(f string) bool {
	if f == "" || runes(f) > maxSignatureRunes || strings.ContainsAny(f, "。,;:!?、") {
		return false
	}
	for _, s := range signatureSuffixes {
		if strings.HasSuffix(f, s) {
			return true
		}
	}
	return false
}

func isContact(f string) bool {
	return runes(f) <= maxContactRunes && (strings.Contains(f, "联系人") || strings.Contains(f, "联系电话"))
}

// dateOf reads a date line: 2021年1月27日, 二〇二一年一月二十七日, 2021-01-27,
// 2021.1.27, or — only under a signature, where nothing else stands — bare
// digits whose 年月日 were lost (20210127; 202117 is 2021年1月7日).
func dateOf(f string, underSignature bool) data.Date {
	f = strings.ReplaceAll(f, " ", "")
	if y, m, d, ok := splitDate(f); ok {
		return validDate(y, m, d)
	}
	if !underSignature {
		return data.Date{}
	}
	for _, r := range f {
		if r < '0' || r > '9' {
			return data.Date{}
		}
	}
	y := atoi(f[:min(4, len(f))])
	switch rest := f[min(4, len(f)):]; len(rest) {
	case 2:
		return validDate(y, atoi(rest[:1]), atoi(rest[1:]))
	case 4:
		return validDate(y, atoi(rest[:2]), atoi(rest[2:]))
	case 3: // 1 27 or 12 7: only when one reading is a date
		a, b := validDate(y, atoi(rest[:1]), atoi(rest[1:])), validDate(y, atoi(rest[:2]), atoi(rest[2:]))
		if a.IsZero() != b.IsZero() {
			if a.IsZero() {
				return b
			}
			return a
		}
	}
	return data.Date{}
}

// splitDate cuts Y年M月D日 (Arabic or Chinese numerals) and Y-M-D / Y.M.D / Y/M/D.
func splitDate(f string) (y, m, d int, ok bool) {
	if rest, found := strings.CutSuffix(f, "日"); found {
		ys, rest, ok1 := strings.Cut(rest, "年")
		ms, ds, ok2 := strings.Cut(rest, "月")
		if !ok1 || !ok2 {
			return 0, 0, 0, false
		}
		y, m, d = numeral(ys, true), numeral(ms, false), numeral(ds, false)
		return y, m, d, y > 0 && m > 0 && d > 0
	}
	parts := strings.FieldsFunc(f, func(r rune) bool { return r == '-' || r == '.' || r == '/' })
	if len(parts) != 3 || len(parts[0]) != 4 || strings.Count(f, string(f[4])) != 2 {
		return 0, 0, 0, false
	}
	for _, p := range parts {
		if numeral(p, true) <= 0 || len(p) > 4 {
			return 0, 0, 0, false
		}
	}
	return atoi(parts[0]), atoi(parts[1]), atoi(parts[2]), true
}

// numeral reads Arabic digits, or Chinese numerals: digit by digit for a
// year (二〇二一), with 十 for a month or day (二十七). 0 means not a number.
func numeral(s string, year bool) int {
	if s == "" || runes(s) > 4 {
		return 0
	}
	if s[0] >= '0' && s[0] <= '9' {
		for _, r := range s {
			if r < '0' || r > '9' {
				return 0
			}
		}
		return atoi(s)
	}
	if year {
		n := 0
		for _, r := range s {
			d, ok := cnDigit(r)
			if !ok {
				return 0
			}
			n = n*10 + d
		}
		return n
	}
	n, j, ok := parseCN([]rune(s), 0)
	if !ok || j != runes(s) {
		return 0
	}
	return n
}

func cnDigit(r rune) (int, bool) {
	if r == '〇' || r == '零' || r == 'O' || r == 'o' {
		return 0, true
	}
	d, ok := textin.ChineseDigits[r]
	return d, ok
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' || n > 1e6 {
			return -1
		}
		n = n*10 + int(r-'0')
	}
	return n
}

func validDate(y, m, d int) data.Date {
	if y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31 {
		return data.Date{}
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return data.Date{} // 2月30日
	}
	return data.DateOf(t)
}
