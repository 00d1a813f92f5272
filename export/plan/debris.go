package plan

import (
	"strings"
	"unicode/utf8"
)

// strongDebris: words of a web page's chrome that never occur in a plan's
// own text; a line with one of them is dropped, and after the body they
// mark where the document ends (folded spelling).
var strongDebris = []string{
	"ICP备", "ICP证", "公网安备", "网站标识码", "扫一扫", "即将离开", "分享到", "文章关键词",
	"相关新闻", "相关链接", "相关文章", "相关阅读", "版权所有", "Copyright", "©", "【字体", "字体:",
	"字号:", "【打印", "【关闭", "打印本页", "关闭窗口", "返回顶部", "上一篇", "下一篇", "索引号",
	"发布机构", "信息名称", "生成日期", "成文日期", "公开日期", "主题分类", "体裁分类", "组配分类",
	"公开方式", "网站地图", "联系我们", "所在位置", "当前位置:", "责任编辑", "技术支持:",
	"主办单位:", "承办单位:", "访问量", "浏览次数", "阅读次数", "点击数", "附件:",
}

// weakDebris: words of page chrome that a plan may also use in a sentence;
// they drop a line only when it has no sentence punctuation.
var weakDebris = []string{
	"门户网站", "政府网", "来源:", "发布时间", "发布日期", "时效:", "首页", "打印", "关闭",
	"收藏", "文件编号", "发文字号", "作者:", "编辑:", "浏览", "阅读:", "主办:", "承办:",
}

// exactDebris: whole lines that are page chrome.
var exactDebris = map[string]bool{
	"附件": true, "头部": true, "ico": true, "返回": true, "【": true, "】": true,
	"大": true, "中": true, "小": true, "|": true, ">": true, "TOP": true, "top": true,
}

// isDebris classifies one trimmed line (folded).
func isDebris(s string) bool {
	s = strings.Trim(s, " |")
	if s == "" {
		return false
	}
	if exactDebris[s] {
		return true
	}
	for _, w := range strongDebris {
		if strings.Contains(s, w) {
			return true
		}
	}
	if !strings.ContainsAny(s, "。,;") {
		for _, w := range weakDebris {
			if strings.Contains(s, w) {
				return true
			}
		}
	}
	return isDateTime(s)
}

// isDateTime: "2017-09-25 15:15:04", "2021-01-18" alone on a line.
func isDateTime(s string) bool {
	digits := 0
	for _, r := range s {
		switch {
		case isDigit(r):
			digits++
		case strings.ContainsRune("-/:. 年月日时分秒", r):
		default:
			return false
		}
	}
	return digits >= 4
}

// isMenu: a short line without punctuation, as left by a site's menus
// (媒体报道, 音频视频, 访谈) — dropped after the plan's end.
func isMenu(s string) bool {
	n := utf8.RuneCountInString(s)
	return n > 0 && n <= 8 && !strings.ContainsAny(s, "。,;:、()") && !isSignature(s) && !isDateTime(s)
}

// isSignature: the issuing body or the date under a plan, kept in its
// closing text.
func isSignature(s string) bool {
	for _, suf := range []string{"政府", "人民政府", "办公室", "委员会", "领导小组", "党委", "镇委", "司法所"} {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	if strings.HasSuffix(s, "日") && strings.Contains(s, "年") && strings.Contains(s, "月") {
		return true
	}
	return false
}

// cutTokens are strongDebris by first rune, for the scan of the tail.
var cutTokens = func() map[rune][][]rune {
	m := map[rune][][]rune{}
	for _, w := range strongDebris {
		r := []rune(w)
		m[r[0]] = append(m[r[0]], r)
	}
	return m
}()

// debrisCut returns where the document ends: the first strong debris word
// at the start of a line or after a boundary in f[from:to], or a line that
// is just 附件. Everything from there on is page chrome or attachments.
func debrisCut(f []rune, from, to int) int {
	for i := from; i < to; i++ {
		if i > 0 && !isBoundary(f[i-1]) {
			continue
		}
		for _, w := range cutTokens[f[i]] {
			if hasAtRunes(f, i, w) {
				return i
			}
		}
		if hasAt(f, i, "附件") && atLineStart(f, i) {
			j := skipSpaces(f, i+2)
			if j >= len(f) || f[j] == '\n' || f[j] == ':' || isDigit(f[j]) {
				return i
			}
		}
	}
	return to
}

func hasAtRunes(f []rune, i int, w []rune) bool {
	if i+len(w) > len(f) {
		return false
	}
	for k, c := range w {
		if f[i+k] != c {
			return false
		}
	}
	return true
}

// piece is a line, or a chunk of a very long line split at its spaces
// (a web page pasted as one line).
type piece struct {
	text, folded string
	line         int
}

func pieces(r []rune, a, b int) []piece {
	var out []piece
	line := 0
	for a < b {
		e := a
		for e < b && r[e] != '\n' {
			e++
		}
		x, y := trimSpace(r, a, e)
		if y-x > 100 {
			for k := x; k < y; {
				for k < y && r[k] == ' ' {
					k++
				}
				s := k
				for k < y && r[k] != ' ' {
					k++
				}
				if k > s {
					t := string(r[s:k])
					out = append(out, piece{t, foldString(t), line})
				}
			}
		} else if y > x {
			t := string(r[x:y])
			out = append(out, piece{t, foldString(t), line})
		}
		line++
		a = e + 1
	}
	return out
}

// titleWords name the kinds of document a plan is.
var titleWords = []string{"方案", "要点", "计划", "规划", "意见", "办法", "通知", "安排", "细则", "清单", "纲要", "决定", "报告", "分解", "措施"}

func isTitle(p piece) bool {
	n := utf8.RuneCountInString(p.folded)
	if n < 4 || n > 100 || isDebris(p.folded) || !hasHan(p.folded) {
		return false
	}
	if last, _ := utf8.DecodeLastRuneInString(p.folded); strings.ContainsRune("。,;:、", last) {
		return false
	}
	for _, w := range titleWords {
		if strings.Contains(p.folded, w) {
			return true
		}
	}
	return false
}

func hasHan(s string) bool {
	for _, r := range s {
		if isHan(r) {
			return true
		}
	}
	return false
}

// splitTitle takes a title off the front of a long piece (a plan pasted
// as one line with no space after its title): a prefix without commas that
// ends with a document word and is followed by the usual first words of a
// preamble.
func splitTitle(p piece) (string, string, bool) {
	f := []rune(p.folded)
	r := []rune(p.text)
	limit := min(len(f), 100)
	for i := 4; i < limit; i++ {
		if strings.ContainsRune(",。;:", f[i]) {
			return "", "", false
		}
		for _, w := range titleWords {
			k := i - utf8.RuneCountInString(w)
			if k < 0 || !hasAt(f, k, w) {
				continue
			}
			if f[i] == ' ' {
				return string(r[:i]), strings.TrimSpace(string(r[i:])), true
			}
			for _, opener := range []string{"为", "根据", "按照", "依据", "结合", "现将", "经"} {
				if hasAt(f, i, opener) {
					return string(r[:i]), string(r[i:]), true
				}
			}
		}
	}
	return "", "", false
}

// head reads what comes before the first chapter: debris and the site's
// header, the title, and the plan's preamble.
func (d *doc) head(p *Plan, a, b int) {
	ps := pieces(d.r, a, b)
	title := -1
	for i, pc := range ps {
		if isTitle(pc) {
			title = i
			break
		}
	}
	var preamble []piece
	if title < 0 {
		for i, pc := range ps {
			if t, rest, ok := splitTitle(pc); ok && !isDebris(pc.folded) {
				p.Title = t
				for _, q := range ps[:i] {
					p.Dropped = append(p.Dropped, q.text)
				}
				preamble = append(preamble, piece{rest, foldString(rest), pc.line})
				d.preamble(p, append(preamble, ps[i+1:]...))
				return
			}
		}
	}
	rest := ps
	if title >= 0 {
		t, last := ps[title].text, title
		// A title wrapped over two lines: 《…规划 / (2016-2020年)》实施方案.
		if last+1 < len(ps) && strings.Count(t, "《") > strings.Count(t, "》") {
			last++
			t += ps[last].text
		}
		p.Title = strings.Trim(t, " |")
		for _, q := range ps[:title] {
			p.Dropped = append(p.Dropped, q.text)
		}
		rest = ps[last+1:]
	}
	d.preamble(p, rest)
}

// preamble keeps the prose between title and first chapter; the page's
// metadata (来源, dates, font switches) and short labels are dropped.
func (d *doc) preamble(p *Plan, ps []piece) {
	var lines []string
	lastLine := -1
	for _, pc := range ps {
		n := utf8.RuneCountInString(pc.folded)
		short := n <= 20 && !strings.ContainsAny(pc.folded, "。,;") && !strings.HasSuffix(pc.folded, ":")
		// Sites repeat the title above the text (江都区 seed 002).
		if isDebris(pc.folded) || short || !hasHan(pc.folded) || pc.text == p.Title {
			p.Dropped = append(p.Dropped, pc.text)
			continue
		}
		if pc.line == lastLine && len(lines) > 0 {
			lines[len(lines)-1] += " " + pc.text
		} else {
			lines = append(lines, pc.text)
		}
		lastLine = pc.line
	}
	p.Preamble = strings.Join(lines, "\n")
}

// closing keeps the prose after the last task (the plan's closing words
// and signature) and drops page debris and menu lines around it.
func closingText(p *Plan, texts []string) string {
	var ps []piece
	for i, t := range texts {
		r := []rune(t)
		for _, pc := range pieces(r, 0, len(r)) {
			pc.line += i * 1000
			ps = append(ps, pc)
		}
	}
	end := len(ps)
	for end > 0 && !isSignature(ps[end-1].folded) && (isDebris(ps[end-1].folded) || isMenu(ps[end-1].folded)) {
		end--
	}
	var lines []string
	lastLine := -1
	for i, pc := range ps {
		if i >= end || isDebris(pc.folded) && !isSignature(pc.folded) {
			p.Dropped = append(p.Dropped, pc.text)
			continue
		}
		if pc.line == lastLine && len(lines) > 0 {
			lines[len(lines)-1] += " " + pc.text
		} else {
			lines = append(lines, pc.text)
		}
		lastLine = pc.line
	}
	return strings.Join(lines, "\n")
}
