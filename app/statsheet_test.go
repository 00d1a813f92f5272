package app

import (
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"fazhi/data"
	"fazhi/export/backup"
	"fazhi/export/statsheet"
	"fazhi/internal/testfiles"
)

type readResult struct {
	wb  *statsheet.Workbook
	p   statsheet.Proposal
	cat []data.Indicator
}

func readIn(t *testing.T, v *statsView, path string) readResult {
	ch := make(chan readResult, 1)
	v.readTemplate(path, func(wb *statsheet.Workbook, p statsheet.Proposal, cat []data.Indicator) {
		ch <- readResult{wb, p, cat}
	})
	return wait(t, ch)
}

// The city's return in the window: the clerk corrects the proposed mapping
// (a similar label that is not the same thing is left out, a cell is given
// by hand), the template is filled with only those cells, the mapping is
// kept for next year, a filled return is previewed and imported, and a
// folder of returns is summed with rates recomputed.
func TestStatsTemplateInWindow(t *testing.T) {
	u, s := newTestUI(t)
	if _, err := s.SetValues(2024, 0, []data.Entry{{Name: "信访受理数", Text: "331"}, {Name: "信访办结数", Text: "330"}, {Name: "人民调解案件数", Text: "2707"}}); err != nil {
		t.Fatal(err)
	}
	u.SetYear(2024)
	u.Show("stats")
	v := u.view("stats").(*statsView)
	dir := t.TempDir()
	tpl := filepath.Join(dir, "统计表.xlsx")
	testfiles.CityReturn(t, tpl, "", nil)

	r := readIn(t, v, tpl)
	if r.p.Known || len(r.p.Cells) != 4 {
		t.Fatalf("proposal %+v; want 4 rows found by label", r.p)
	}
	var edited statsheet.Proposal
	m := v.editMapping("核对", "导出", r.wb, r.p, r.cat, func(p statsheet.Proposal) { edited = p })
	m.selects["Sheet1!C7"].SetSelected(noIndicator) // 调解案件数: the clerk says no
	m.add.SetSelected("信访受理数")
	m.cell.SetText("B4") // a wrong cell, put right by choosing again below
	m.addByHand()
	m.selects["Sheet1!B4"].SetSelected(noIndicator)
	m.add.SetSelected("信访受理数")
	m.cell.SetText("c4")
	m.addByHand()
	edited = m.p
	if len(edited.Cells) != 3 || edited.How["F01"] != statsheet.HowManual {
		t.Fatalf("edited mapping %+v", edited)
	}

	out := filepath.Join(dir, "填好.xlsx")
	filled := make(chan int, 1)
	v.fillTo(tpl, edited, out, func(n int) { filled <- n })
	if n := wait(t, filled); n != 3 {
		t.Errorf("filled %d cells; want 3", n)
	}
	x, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for cell, want := range map[string]string{"C4": "331", "C5": "330", "C6": "99.7", "C7": "", "A8": "备注：勿删"} {
		if got, _ := x.GetCellValue("Sheet1", cell); got != want {
			t.Errorf("%s = %q; want %q", cell, got, want)
		}
	}
	x.Close()
	if again := readIn(t, v, tpl); !again.p.Known || len(again.p.Cells) != 3 {
		t.Errorf("the corrected mapping was not kept for the layout: %+v", again.p)
	}

	// Import a unit's filled return into 2023: preview first, then stored.
	a := filepath.Join(dir, "甲村.xlsx")
	testfiles.CityReturn(t, a, "甲村", map[int]any{4: 10, 5: 9, 7: 3})
	u.SetYear(2023)
	r = readIn(t, v, a)
	if d := v.previewImport(r.wb, r.p, r.cat); d == nil {
		t.Fatal("no preview")
	}
	if st, _ := s.Stats(2023); st[0].Has {
		t.Fatal("the preview stored values")
	}
}

func TestStatsImportAndSumInWindow(t *testing.T) {
	u, s := newTestUI(t)
	u.SetYear(2023)
	u.Show("stats")
	v := u.view("stats").(*statsView)
	dir := t.TempDir()
	a, b := filepath.Join(dir, "甲村.xlsx"), filepath.Join(dir, "乙村.xlsx")
	testfiles.CityReturn(t, a, "甲村", map[int]any{4: 10, 5: 10, 7: 3})
	testfiles.CityReturn(t, b, "乙村", map[int]any{4: 90, 5: 45, 7: 4})

	r := readIn(t, v, a)
	v.storeImport(2023, statsheet.ReadValues(r.wb, r.p.TemplateMap, r.cat), r.p)
	if got := v.stat("F03"); !got.Has || got.Value != 100 {
		t.Errorf("信访办结率 after import: %+v", got)
	}
	if got := v.entries["F04"].Text; got != "3" {
		t.Errorf("the form shows 人民调解案件数 %q after import; want 3", got)
	}

	// 汇总: 10/10 and 45/90 give 55/100 = 55 %, not the 75 % an average gives.
	out := filepath.Join(t.TempDir(), "汇总.xlsx")
	summed := make(chan statsheet.Summary, 1)
	v.sumTo([]string{a, b}, a, r.p, r.cat, []string{"甲村", "乙村", "丙村"}, out, false, func(sum statsheet.Summary) { summed <- sum })
	sum := wait(t, summed)
	if len(sum.Missing) != 1 || sum.Missing[0] != "丙村" {
		t.Errorf("missing units %v; want 丙村", sum.Missing)
	}
	for _, st := range sum.Figures {
		if st.Code == "F03" && st.Value != 55 {
			t.Errorf("summed 信访办结率 = %v; want 55", st.Value)
		}
	}
	x, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if got, _ := x.GetCellValue("Sheet1", "C6"); got != "55" {
		t.Errorf("summary's 信访办结率 cell = %q; want 55", got)
	}
	if _, err := s.Stats(2023); err != nil {
		t.Fatal(err)
	}
}

// 管理指标: rename keeps the old name as an alias, an alias maps a label,
// retiring takes the field off the form and keeps the value, a new rate
// computes from its parts.
func TestManageIndicators(t *testing.T) {
	u, s := newTestUI(t)
	if _, err := s.SetValues(2024, 0, []data.Entry{{Name: "信访受理数", Text: "331"}}); err != nil {
		t.Fatal(err)
	}
	u.SetYear(2024)
	u.Show("stats")
	v := u.view("stats").(*statsView)
	m := v.manageIndicators()
	pick := func(code string) {
		for i, ind := range m.inds {
			if ind.Code == code {
				m.list.Select(i)
				return
			}
		}
		t.Fatalf("no %s in the list", code)
	}
	pick("F01")
	if _, err := s.RenameIndicator("F01", "来信来访受理数"); err != nil {
		t.Fatal(err)
	}
	m.done()
	if ind, err := s.ResolveIndicator("信访受理数"); err != nil || ind.Name != "来信来访受理数" {
		t.Errorf("old name after rename: %+v, %v", ind, err)
	}
	pick("F01")
	m.toggleRetired()
	if _, ok := v.entries["F01"]; ok {
		t.Error("a retired indicator is still on the form")
	}
	if m.retire.Text != "恢复使用" {
		t.Errorf("the button says %q for a retired indicator", m.retire.Text)
	}
	st, _ := s.Stats(2024)
	for _, x := range st {
		if x.Code == "F01" && (!x.Has || x.Value != 331) {
			t.Errorf("retiring lost the value: %+v", x)
		}
	}
	m.toggleRetired()
	if _, ok := v.entries["F01"]; !ok {
		t.Error("a reinstated indicator is not back on the form")
	}
}

// TestExpectedUnitsMoveFromPreferences: a PC that kept the 汇总's expected
// units in its preferences has them moved into the data file when the
// window opens, once, and the preference cleared; a list the file already
// holds wins.
func TestExpectedUnitsMoveFromPreferences(t *testing.T) {
	a := test.NewApp()
	t.Cleanup(a.Quit)
	a.Preferences().SetString(prefSumExpect, "黄江镇、企石镇")
	s, err := backup.OpenStore(filepath.Join(t.TempDir(), "fazhi.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	New(a, s)
	if got, _ := s.ExpectedUnits(); !slices.Equal(got, []string{"黄江镇", "企石镇"}) {
		t.Errorf("data file holds %q after the window opened", got)
	}
	if p := a.Preferences().String(prefSumExpect); p != "" {
		t.Errorf("preference left behind: %q", p)
	}

	// Another PC's old preference does not overwrite the file's list.
	a.Preferences().SetString(prefSumExpect, "樟木头镇")
	if err := moveExpectedUnits(a.Preferences(), s); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.ExpectedUnits(); !slices.Equal(got, []string{"黄江镇", "企石镇"}) {
		t.Errorf("an old preference replaced the file's list: %q", got)
	}
	if p := a.Preferences().String(prefSumExpect); p != "" {
		t.Errorf("preference left behind: %q", p)
	}
}
