package tasksheet

import (
	"strings"
	"testing"
)

// headerCases are header cells as offices type them and what they name.
var headerCases = []struct {
	title string
	field Column
	ok    bool
}{
	{"序号", ColNo, true},
	{"序  号", ColNo, true},
	{"序\n号", ColNo, true},
	{"　编号　", ColNo, true},
	{"重点\r\n任务", ColTask, true},
	{"*工作任务", ColTask, true},
	{"具体措施", ColTask, true},
	{"牵头部门", ColLead, true},
	{"协办单位", ColCooperate, true},
	{"责任单位：", ColResponsible, true},
	{"完成时限（截止时间）", ColDeadline, true},
	{"时间节点(2024年)", ColDeadline, true},
	{"推进情况", ColProgress, true},
	{"备注", ColNote, true},
	{"任务标识", ColID, true},
	{"任务来源", 0, false}, // starts with 任务 but is another column
	{"序号说明", 0, false},
	{"", 0, false},
	{"分管领导", 0, false},
}

func TestHeaderField(t *testing.T) {
	for _, c := range headerCases {
		f, ok := headerField(c.title)
		if ok != c.ok || (ok && f != c.field) {
			t.Errorf("headerField(%q) = %v %v; want %v %v", c.title, f, ok, c.field, c.ok)
		}
	}
}

// FuzzHeaderField: any text is answered without a panic, spaces inside a
// title never change the answer, and normalising twice changes nothing.
func FuzzHeaderField(f *testing.F) {
	for _, c := range headerCases {
		f.Add(c.title)
	}
	f.Fuzz(func(t *testing.T, s string) {
		f1, ok1 := headerField(s)
		f2, ok2 := headerField(strings.Join(strings.Split(s, ""), " "))
		if ok1 != ok2 || f1 != f2 {
			t.Errorf("%q: %v %v, spaced out %v %v", s, f1, ok1, f2, ok2)
		}
		if n := NormalizeHeader(s); NormalizeHeader(n) != n {
			t.Errorf("NormalizeHeader not idempotent on %q", s)
		}
	})
}
