package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"fazhi/data"
)

// The 统计报表 entry: typed values are cleaned and stored on leaving the
// field, rates follow live, a 核实 shows its explanation field and the
// problem list leads to it.
func TestStatsEntry(t *testing.T) {
	u, s := newTestUI(t)
	if _, err := s.SetValues(2023, 0, []data.Entry{{Name: "信访受理数", Text: "100"}, {Name: "信访办结数", Text: "100"}}); err != nil {
		t.Fatal(err)
	}
	u.SetYear(2024)
	u.Show("stats")
	v := u.view("stats").(*statsView)

	e := v.entries["F04"] // 人民调解案件数
	test.Type(e, "2,707")
	e.FocusLost()
	v.entries["F05"].SetText("2633")
	v.entries["F05"].FocusLost()
	if st := v.stat("F06"); !st.Has || st.Value != 97.27 {
		t.Errorf("人民调解成功率 after typing: %+v", st)
	}
	if got := v.rows["F06"].value.Text; got != "97.27%（2633/2707）" {
		t.Errorf("rate shows %q", got)
	}
	if e.Text != "2707" {
		t.Errorf("the field shows %q; want the cleaned 2707", e.Text)
	}

	// A jump of more than 50 % against last year asks for a reason.
	v.entries["F01"].SetText("331")
	v.entries["F01"].FocusLost()
	if !v.explains["F01"].Visible() || !strings.Contains(v.summary.Text, "需核实 1") {
		t.Fatalf("no 核实 for 信访受理数 100 → 331: %q", v.summary.Text)
	}
	i := -1
	for k, is := range v.issues {
		if is.Code == "F01" && is.Severity == data.SevVerify {
			i = k
		}
	}
	v.problems.Select(i)
	if u.Window().Canvas().Focused() != v.explains["F01"] {
		t.Error("clicking the 核实 does not lead to its explanation")
	}
	v.explains["F01"].SetText("今年开展矛盾纠纷专项排查，受理数明显增加。")
	v.explains["F01"].OnSubmitted(v.explains["F01"].Text)
	if strings.Contains(v.summary.Text, "需核实 1") {
		t.Errorf("the explanation did not settle the 核实: %q", v.summary.Text)
	}

	// An unreadable value is refused and nothing changes.
	v.entries["F02"].SetText("很多")
	v.entries["F02"].FocusLost()
	if st := v.stat("F02"); st.Has {
		t.Errorf("an unreadable value was stored: %+v", st)
	}
	stats, _ := s.Stats(2024)
	for _, st := range stats {
		if st.Code == "F01" && (st.Value != 331 || !strings.Contains(st.Explain, "专项排查")) {
			t.Errorf("stored 信访受理数 %+v", st)
		}
	}
}
