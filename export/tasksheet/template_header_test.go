package tasksheet

import (
	"strings"
	"testing"
)

// headerCases are header cells as offices type them and what they name.
var headerCases = []struct {
	title string
	field field
	ok    bool
}{
	{"序号", fieldNo, true},
	{"序  号", fieldNo, true},
	{"序\n号", fieldNo, true},
	{"　编号　", fieldNo, true},
	{"重点\r\n任务", fieldTask, true},
	{"*工作任务", fieldTask, true},
	{"具体措施", fieldTask, true},
	{"牵头部门", fieldLead, true},
	{"协办单位", fieldCooperate, true},
	{"责任单位：", fieldResponsible, true},
	{"完成时限（截止时间）", fieldDeadline, true},
	{"时间节点(2024年)", fieldDeadline, true},
	{"推进情况", fieldProgress, true},
	{"备注", fieldRemark, true},
	{"任务标识", fieldID, true},
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
		if n := normTitle(s); normTitle(n) != n {
			t.Errorf("normTitle not idempotent on %q", s)
		}
	})
}
