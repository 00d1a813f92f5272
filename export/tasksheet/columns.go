package tasksheet

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Column is what a column of a 任务分解表 means to us. The reader assigns one
// to every header cell; the writer heads its columns with Title, so that a
// table we wrote reads back with the same meanings.
type Column int

// The meanings. Unknown columns are kept per task (data.Task.Extra) under
// their header text.
const (
	ColUnknown     Column = iota
	ColNo                 // 序号
	ColTask               // 工作任务
	ColLead               // 牵头单位
	ColCooperate          // 配合单位
	ColResponsible        // 责任单位
	ColDeadline           // 完成时限
	ColProgress           // 进展情况
	ColStatus             // 完成状态
	ColNote               // 备注
	ColID                 // 任务标识: the hidden id column of a distributed workbook
)

// Columns lists every meaning in table order, for pickers (the preview's
// Select) and for the writer's default layout.
var Columns = []Column{ColNo, ColTask, ColLead, ColCooperate, ColResponsible, ColDeadline, ColProgress, ColStatus, ColNote, ColID, ColUnknown}

var titles = map[Column]string{
	ColUnknown:     "其他（原样保留）",
	ColNo:          "序号",
	ColTask:        "工作任务",
	ColLead:        "牵头单位",
	ColCooperate:   "配合单位",
	ColResponsible: "责任单位",
	ColDeadline:    "完成时限",
	ColProgress:    "进展情况",
	ColStatus:      "完成状态",
	ColNote:        "备注",
	ColID:          "任务标识",
}

var keys = map[Column]string{
	ColUnknown: "unknown", ColNo: "no", ColTask: "task", ColLead: "lead", ColCooperate: "cooperate",
	ColResponsible: "responsible", ColDeadline: "deadline", ColProgress: "progress", ColStatus: "status",
	ColNote: "note", ColID: "id",
}

// Title is the canonical header text: what our own workbooks write and the
// preview shows as the column's meaning. 完成状态, not 完成情况, because
// offices also write 完成情况 over progress text (see variants).
func (c Column) Title() string { return titles[c] }

// String is a stable English key for JSON and logs.
func (c Column) String() string {
	if k, ok := keys[c]; ok {
		return k
	}
	return "unknown"
}

// ColumnByTitle finds a meaning by its canonical title or English key, for
// the command line's --column B=牵头单位 and the preview's Select.
func ColumnByTitle(s string) (Column, bool) {
	s = NormalizeHeader(s)
	for _, c := range Columns {
		if NormalizeHeader(c.Title()) == s || c.String() == s {
			return c, true
		}
	}
	if s == "其他" || s == "未知" {
		return ColUnknown, true
	}
	return ColUnknown, false
}

// variants are the header texts offices use for each meaning, normalised.
// 完成情况 is listed under progress: it heads progress text far more often
// than a status word, and reading the column's contents settles it (see
// settleStatus).
var variants = []struct {
	col   Column
	words []string
}{
	{ColNo, []string{"序号", "编号", "序", "序列号", "任务序号", "任务编号", "项目序号", "号"}},
	{ColTask, []string{"工作任务", "重点任务", "主要任务", "任务内容", "具体措施", "工作措施", "任务", "工作内容",
		"具体任务", "任务名称", "重点工作", "工作要点", "主要内容", "工作事项", "具体工作", "目标任务", "任务事项",
		"主要措施", "工作举措", "具体举措", "重点工作任务", "主要工作任务", "任务分工", "改革任务"}},
	{ColLead, []string{"牵头单位", "牵头部门", "牵头", "主办单位", "牵头责任单位", "牵头科室", "牵头股室", "主责单位", "主责部门"}},
	{ColCooperate, []string{"配合单位", "协办单位", "配合部门", "协助单位", "参与单位", "协办部门", "配合", "协办", "配合科室", "协同单位"}},
	{ColResponsible, []string{"责任单位", "责任部门", "责任主体", "主要责任单位", "承办单位", "责任科室", "责任股室",
		"负责单位", "负责部门", "落实单位", "实施单位"}},
	{ColDeadline, []string{"完成时限", "时间节点", "完成时间", "完成期限", "时限要求", "时限", "时间要求", "截止时间",
		"完成时间节点", "办结时限", "时间安排"}},
	{ColProgress, []string{"进展情况", "完成情况", "推进情况", "工作进展", "进展", "落实情况", "工作推进情况",
		"推进落实情况", "工作完成情况", "进度情况", "目前进展", "工作开展情况", "开展情况", "贯彻落实情况"}},
	{ColStatus, []string{"完成状态", "状态", "任务状态", "是否完成", "进度", "办理状态", "落实状态"}},
	{ColNote, []string{"备注", "说明", "备考"}},
	{ColID, []string{"任务标识"}},
}

// notHeaders are words that make a header cell mean something else even
// though it contains a known word (牵头领导 is a person, not a department).
var notHeaders = []string{"领导", "责任人", "联系人", "联系电话", "分管"}

var exact = func() map[string]Column {
	m := map[string]Column{}
	for _, v := range variants {
		for _, w := range v.words {
			m[w] = v.col
		}
	}
	return m
}()

// NormalizeHeader folds a header cell the way clerks vary them: full-width
// to half-width (NFKC), every space and line break removed (`工作\n任务`,
// `序　号`), a required-field star in front (*工作任务) and a trailing colon
// dropped.
func NormalizeHeader(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "")
	}
	s = norm.NFKC.String(s)
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == '\u200b' || r == '\ufeff' {
			return -1
		}
		return r
	}, s)
	return strings.TrimRight(strings.TrimLeft(s, "*"), ":")
}

// stripBrackets drops bracketed remarks: 完成时限（年月日）, 进展情况(截至6月底).
func stripBrackets(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch r {
		case '(', '[', '【', '〔', '<', '《':
			depth++
			continue
		case ')', ']', '】', '〕', '>', '》':
			if depth > 0 {
				depth--
			}
			continue
		}
		if depth == 0 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ParseColumnStrict knows a header only by an exact variant, with or
// without bracketed remarks (完成时限（截止时间）). Filling a user's template
// uses it: a column of theirs headed 报名截止时间 or 情况说明 is theirs, not
// ours to overwrite, where reading a returned table may guess more freely.
func ParseColumnStrict(header string) Column {
	h := NormalizeHeader(header)
	if h == "" {
		return ColUnknown
	}
	if c, ok := exact[h]; ok {
		return c
	}
	if c, ok := exact[stripBrackets(h)]; ok {
		return c
	}
	return ColUnknown
}

// ParseColumn says what a header cell means: an exact variant, the same
// without bracketed remarks, or, for longer cells, the longest variant it
// contains (`2024年上半年进展情况`). One-character variants (序, 号) count only
// when they are the whole cell.
func ParseColumn(header string) Column {
	if c := ParseColumnStrict(header); c != ColUnknown {
		return c
	}
	h := NormalizeHeader(header)
	if utf8.RuneCountInString(h) > 40 {
		return ColUnknown // a sentence, not a header
	}
	for _, w := range notHeaders {
		if strings.Contains(h, w) {
			return ColUnknown
		}
	}
	best, bestLen := ColUnknown, 0
	for _, v := range variants {
		for _, w := range v.words {
			n := utf8.RuneCountInString(w)
			if n < 2 || n <= bestLen {
				continue
			}
			if strings.Contains(h, w) {
				best, bestLen = v.col, n
			}
		}
	}
	return best
}
