package plan

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// role is what a department does for a task.
type role int

const (
	roleNone        role = iota
	roleLead             // 牵头
	roleCooperate        // 配合
	roleResponsible      // 负责, 按职责分工分别负责, or no word at all
)

// note is a responsibility note: the departments by role, whether "all
// relevant departments" were named, and any deadline words it carried.
type note struct {
	lead, cooperate, responsible []string
	allRelevant                  bool
	deadline                     string // words of a 完成时限 label or a deadline inside the note
	keyword                      bool   // a role word or label was seen
	names                        int    // department names found (all roles)
	bad                          bool   // something that is not a department list
}

func (n *note) empty() bool { return n.names == 0 && !n.allRelevant && n.deadline == "" }

func (n *note) merge(o note) {
	if n.names+o.names > maxNames {
		n.bad = true
		return
	}
	n.lead = appendNew(n.lead, o.lead...)
	n.cooperate = appendNew(n.cooperate, o.cooperate...)
	n.responsible = appendNew(n.responsible, o.responsible...)
	n.allRelevant = n.allRelevant || o.allRelevant
	if o.deadline != "" && len(n.deadline) < 1000 {
		if n.deadline != "" {
			n.deadline += "；"
		}
		n.deadline += o.deadline
	}
	n.keyword = n.keyword || o.keyword
	n.names += o.names
}

func appendNew(list []string, names ...string) []string {
outer:
	for _, s := range names {
		for _, t := range list {
			if s == t {
				continue outer
			}
		}
		list = append(list, s)
	}
	return list
}

// maxNames bounds one note: a real one names a few dozen departments, and
// de-duplicating an unbounded list would make a hostile file quadratic.
const maxNames = 200

func (n *note) add(ro role, name string) {
	if n.names >= maxNames {
		n.bad = true
		return
	}
	switch ro {
	case roleLead:
		n.lead = appendNew(n.lead, name)
	case roleCooperate:
		n.cooperate = appendNew(n.cooperate, name)
	default:
		n.responsible = appendNew(n.responsible, name)
	}
	n.names++
}

// label is a field name such as 责任单位： that introduces departments or a
// deadline, on its own line or inside a note.
type label struct {
	word     string
	role     role
	deadline bool
}

var labels = []label{
	{"主要责任单位", roleResponsible, false}, {"责任单位", roleResponsible, false},
	{"责任部门", roleResponsible, false}, {"责任主体", roleResponsible, false},
	{"牵头单位", roleLead, false}, {"牵头部门", roleLead, false},
	{"配合单位", roleCooperate, false}, {"配合部门", roleCooperate, false},
	{"协办单位", roleCooperate, false}, {"协助单位", roleCooperate, false},
	{"参与单位", roleCooperate, false},
	{"完成时限", roleNone, true}, {"完成时间", roleNone, true}, {"完成期限", roleNone, true},
	{"时间节点", roleNone, true}, {"时限要求", roleNone, true}, {"时间要求", roleNone, true},
	{"时限", roleNone, true},
}

// labelAt reports the label at i and the position after its colon.
func labelAt(f []rune, i int) (label, int, bool) {
	if i < 0 || i >= len(f) || !strings.ContainsRune("主责牵配协参完时", f[i]) {
		return label{}, 0, false
	}
	for _, l := range labels {
		if !hasAt(f, i, l.word) {
			continue
		}
		j := skipSpaces(f, i+utf8.RuneCountInString(l.word))
		if j < len(f) && f[j] == ':' {
			return l, j + 1, true
		}
	}
	return label{}, 0, false
}

// roleWords are the words that give the names before them a role. Longer
// spellings come first so that 牵头负责 is one lead, not a lead and then
// a responsible.
var roleWords = []struct {
	word string
	role role
}{
	{"负责牵头", roleLead}, {"牵头负责", roleLead}, {"牵头抓总", roleLead}, {"牵头", roleLead},
	{"负责配合", roleCooperate}, {"配合落实", roleCooperate}, {"配合", roleCooperate},
	{"协助", roleCooperate}, {"协同", roleCooperate}, {"参与", roleCooperate},
	{"按职责分工", roleResponsible}, {"按职责", roleResponsible}, {"分别负责", roleResponsible},
	{"共同负责", roleResponsible}, {"负责", roleResponsible}, {"落实", roleResponsible},
	{"分别", roleResponsible}, {"主责", roleResponsible},
}

func roleWordAt(f []rune, i int) (role, int) {
	if i < 0 || i >= len(f) || !strings.ContainsRune("负牵配协参按分共落主", f[i]) {
		return roleNone, 0
	}
	for _, w := range roleWords {
		if hasAt(f, i, w.word) {
			return w.role, utf8.RuneCountInString(w.word)
		}
	}
	return roleNone, 0
}

// nameSeparators split a list of departments.
func isNameSep(r rune) bool {
	switch r {
	case '、', ',', ';', ' ', '\n', '/', '。', ':', '|':
		return true
	}
	return false
}

// parseNote reads the departments (and deadline words) in r[a:b]; def is
// the role of names that carry no role word (责任单位 → responsible,
// 配合单位 → cooperate).
func parseNote(r, f []rune, a, b int, def role) note {
	var n note
	type seg struct {
		a, b int
		l    label
	}
	segs := []seg{{a: a, l: label{role: def}}}
	for i := a; i < b; i++ {
		if l, j, ok := labelAt(f, i); ok && j <= b {
			segs[len(segs)-1].b = i
			segs = append(segs, seg{a: j, l: l})
			n.keyword = true
			i = j - 1
		}
	}
	segs[len(segs)-1].b = b
	for _, s := range segs {
		if s.a >= s.b {
			continue
		}
		if s.l.deadline {
			x, y := trimSpace(r, s.a, s.b)
			w := strings.TrimRight(string(r[x:y]), "；;，,。、 ")
			if w != "" {
				n.merge(note{deadline: w})
			}
			continue
		}
		tokenize(r, f, s.a, s.b, s.l.role, &n)
	}
	return n
}

// tokenize assigns each department name in r[a:b] a role: names gather
// until a role word (组织办牵头, 财政分局、法制办配合落实) hands them all
// its role; names left at the end take def, or 配合 when a lead was named
// (由政务服务中心牵头，社会事务办、组织办).
func tokenize(r, f []rune, a, b int, def role, n *note) {
	var pending []string
	hadLead := false
	cur := -1
	flush := func(end int) {
		if cur < 0 {
			return
		}
		name, fname := cleanName(r, f, cur, end)
		cur = -1
		switch {
		case fname == "":
		case isDeadlinePhrase(fname):
			n.merge(note{deadline: name})
		default:
			pending = append(pending, name)
		}
	}
	assign := func(ro role) {
		n.keyword = true
		if ro == roleLead {
			hadLead = true
		}
		for _, name := range pending {
			n.addChecked(ro, name)
		}
		pending = nil
	}
	for i := a; i < b; {
		if ro, w := roleWordAt(f, i); w > 0 {
			flush(i)
			assign(ro)
			i += w
			continue
		}
		c := f[i]
		if c == '(' || c == '[' || c == '【' {
			k := matchClose(f, i, b)
			if k < 0 {
				flush(i)
				i++
				continue
			}
			inner := strings.TrimSpace(string(f[i+1 : k]))
			if ro, w := roleWordAt([]rune(inner), 0); w > 0 && w == utf8.RuneCountInString(inner) {
				flush(i) // 县政府办公室（牵头）
				assign(ro)
				i = k + 1
				continue
			}
			if isDeadlinePhrase(inner) {
				flush(i)
				n.merge(note{deadline: string(r[i+1 : k])})
				i = k + 1
				continue
			}
			if cur < 0 {
				cur = i
			}
			i = k + 1 // 综治办（维稳办）stays one name
			continue
		}
		if c == ' ' && cur >= 0 && innerSpace(f, cur, i, b) {
			i++ // 党 政 办: spaces inside one name
			continue
		}
		if isNameSep(c) || hasAt(f, i, "会同") {
			flush(i)
			if hasAt(f, i, "会同") {
				i += 2
			} else {
				i++
			}
			continue
		}
		if cur < 0 {
			cur = i
		}
		i++
	}
	flush(b)
	if len(pending) > 0 {
		ro := def
		if hadLead && def == roleResponsible {
			ro = roleCooperate
		}
		for _, name := range pending {
			n.addChecked(ro, name)
		}
	}
}

// innerSpace tells a space inside a name (党 政 办, 县 政 府 办) from one
// between names (组织办 法制办): inside, the name so far or the next piece
// is a single character.
func innerSpace(f []rune, cur, i, b int) bool {
	// Only "one character or more" matters, so counting stops at two:
	// a label's value can be a whole pasted line.
	before := 0
	for k := i - 1; k >= cur && before < 2; k-- {
		if f[k] != ' ' {
			before++
		}
	}
	j := i
	for j < b && f[j] == ' ' {
		j++
	}
	after := 0
	for k := j; k < b && after < 2 && !isNameSep(f[k]); k++ {
		if _, w := roleWordAt(f, k); w > 0 {
			break
		}
		after++
	}
	return after > 0 && (before == 1 || after == 1)
}

// addChecked files a name, or records that the group of all relevant
// departments was meant, or marks the note as not a department list.
func (n *note) addChecked(ro role, name string) {
	f := foldString(name)
	if isAllRelevant(f) {
		n.allRelevant = true
		return
	}
	if utf8.RuneCountInString(name) > 25 || strings.ContainsAny(f, "的。") {
		n.bad = true
		return
	}
	n.add(ro, name)
}

// maxBracket bounds the search for a closing bracket: a note is at most
// 200 runes, and an unbounded search on a long line of stray brackets
// would make parsing quadratic.
const maxBracket = 300

// matchClose finds the bracket closing the one at i, before b.
func matchClose(f []rune, i, b int) int {
	depth := 0
	for k := i; k < b && k < i+maxBracket; k++ {
		switch f[k] {
		case '(', '[', '【':
			depth++
		case ')', ']', '】':
			depth--
			if depth == 0 {
				return k
			}
		}
	}
	return -1
}

var (
	namePrefixes = []string{"由", "请", "会同", "联合", "其他", "其它", "和", "及", "与", "并", "以"}
	nameSuffixes = []string{"等相关部门", "等有关部门", "等部门", "等单位", "等科室", "等", "共同", "具体", "组织实施", "实施", "执行", "抓"}
)

// cleanName trims the filler around a department name (由…, …等部门) and
// normalises it lightly; it returns the name as written and folded.
func cleanName(r, f []rune, a, b int) (string, string) {
	a, b = trimSpace(r, a, b)
	for changed := true; changed && a < b; {
		changed = false
		for _, p := range namePrefixes {
			if k := utf8.RuneCountInString(p); b-a > k && hasAt(f, a, p) {
				a += k
				changed = true
			}
		}
		for _, s := range nameSuffixes {
			if k := utf8.RuneCountInString(s); b-a >= k && hasAt(f, b-k, s) {
				b -= k
				changed = true
			}
		}
		for a < b && isStray(f[a], true) {
			a++
			changed = true
		}
		for b > a && isStray(f[b-1], false) {
			b--
			changed = true
		}
	}
	name := widthFold(string(r[a:b]))
	return name, foldString(name)
}

// isStray: punctuation that never starts or ends a name. An opening
// bracket may end nothing and a closing one start nothing.
func isStray(r rune, atStart bool) bool {
	switch r {
	case '(', '[', '【', '《':
		return !atStart
	case ')', ']', '】', '》':
		return atStart
	}
	return unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r)
}

// isAllRelevant: 各有关部门, 各相关单位, 各部门, and misspellings such as
// 各有部门 mean "every department concerned", never one department.
func isAllRelevant(n string) bool {
	switch n {
	case "有关部门", "相关部门", "有关单位", "相关单位", "全体部门", "所有部门", "各部门", "各单位":
		return true
	}
	if strings.HasPrefix(n, "各") || strings.HasPrefix(n, "有关") || strings.HasPrefix(n, "相关") || strings.HasPrefix(n, "其他") {
		for _, s := range []string{"部门", "单位", "科室", "机关", "股室", "处室"} {
			if strings.HasSuffix(n, s) {
				return true
			}
		}
	}
	return false
}

// orgSuffixes end the names of offices, bureaus and bodies; a bracketed
// list of such names with no role word is still a responsibility note.
// (行 alone would take 试行 and 暂行 for a bank.)
const orgSuffixes = "办局室心所委会部院队站科处组庭署团社厅馆司门位府道镇乡村区"

func looksLikeOrg(name string) bool {
	if i := strings.LastIndexAny(name, "(（"); i > 0 && (strings.HasSuffix(name, ")") || strings.HasSuffix(name, "）")) {
		name = name[:i] // 综治办（维稳办）
	}
	last, _ := utf8.DecodeLastRuneInString(name)
	return strings.ContainsRune(orgSuffixes, last) || strings.HasSuffix(name, "银行")
}

// noteIn reads r[a:b] as the inside of a bracketed note and says whether
// it is one: role words or labels and at least one department, or a bare
// list of office names.
func noteIn(r, f []rune, a, b int) (note, bool) {
	if b-a < 2 || b-a > 200 {
		return note{}, false
	}
	for k := a; k < b-1; k++ {
		if f[k] == '。' {
			return note{}, false
		}
	}
	n := parseNote(r, f, a, b, roleResponsible)
	if n.bad || n.empty() {
		return note{}, false
	}
	if n.keyword {
		return n, n.names > 0 || n.allRelevant
	}
	if n.deadline != "" && n.names == 0 {
		return n, true // （2017年底前完成）
	}
	for _, list := range [][]string{n.lead, n.cooperate, n.responsible} {
		for _, name := range list {
			if !looksLikeOrg(name) {
				return note{}, false
			}
		}
	}
	return n, n.names > 0
}
