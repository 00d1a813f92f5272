package data

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func huangjiang() Profile {
	return Profile{Name: "黄江镇人民政府", Party: "中共黄江镇委员会", Short: "黄江镇", Level: LevelTownship, Superior: "市委", Contact: "刘丰华", Phone: "82118800"}
}

func TestNewReportFromProfile(t *testing.T) {
	r := NewReport(huangjiang(), 2024)
	if r.Title != "黄江镇2024年法治政府建设年度报告" || r.Addressee != "市委：" || r.Contact != "（联系人：刘丰华，联系电话：82118800）" {
		t.Errorf("title/addressee/contact: %q %q %q", r.Title, r.Addressee, r.Contact)
	}
	if !slices.Equal(r.Signature, []string{"中共黄江镇委员会", "黄江镇人民政府"}) {
		t.Errorf("signature %q", r.Signature)
	}
	var keys []SectionKey
	for _, s := range r.Sections {
		keys = append(keys, s.Key)
	}
	if !slices.Equal(keys, MandatedSections) || r.Sections[3].Heading != "2025年度推进法治政府建设的主要安排" {
		t.Errorf("sections %+v", r.Sections)
	}
	if AddresseeLine("扬州市人民政府:") != "扬州市人民政府：" || AddresseeLine(" ") != "" {
		t.Error("AddresseeLine")
	}
}

func TestReportStoreAndSnapshots(t *testing.T) {
	s := openTemp(t)
	if _, ok, err := s.Report(2024); ok || err != nil {
		t.Fatalf("empty store has a report: %v %v", ok, err)
	}
	if _, err := s.SnapshotReport(2024, "导出"); !errors.Is(err, ErrNotFound) {
		t.Errorf("snapshot of no report: %v", err)
	}
	r := NewReport(huangjiang(), 2024)
	r.Sections[0].Text = "第一稿"
	if _, err := s.CreateReport(r, false); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateReport(r, false); !errors.Is(err, ErrExists) {
		t.Errorf("second create without replace: %v", err)
	}
	r.Sections[0].Text = "第二稿"
	if _, err := s.SaveReport(r); err != nil {
		t.Fatal(err)
	}
	sn, err := s.SnapshotReport(2024, "导出 a.docx")
	if err != nil || sn.Report.Sections[0].Text != "第二稿" {
		t.Fatalf("snapshot: %+v %v", sn, err)
	}
	r.Sections[0].Text = "第三稿"
	if _, err := s.CreateReport(r, true); err != nil { // replacing keeps the old one
		t.Fatal(err)
	}
	// Another year's snapshots stay apart.
	other := NewReport(huangjiang(), 2023)
	s.CreateReport(other, false)
	s.SnapshotReport(2023, "导出 b.docx")

	snaps, err := s.ReportSnapshots(2024)
	if err != nil || len(snaps) != 2 || snaps[0].Reason != "导出 a.docx" || snaps[1].Reason != "替换前" {
		t.Fatalf("snapshots %+v %v", snaps, err)
	}
	got, err := s.RestoreReport(2024, snaps[0].ID)
	if err != nil || got.Sections[0].Text != "第二稿" {
		t.Fatalf("restore: %+v %v", got, err)
	}
	cur, _, _ := s.Report(2024)
	if cur.Sections[0].Text != "第二稿" {
		t.Errorf("stored after restore: %q", cur.Sections[0].Text)
	}
	snaps, _ = s.ReportSnapshots(2024)
	if len(snaps) != 3 || snaps[2].Reason != "恢复前" || snaps[2].Report.Sections[0].Text != "第三稿" {
		t.Errorf("restore did not keep the replaced report: %+v", snaps)
	}
	if _, err := s.RestoreReport(2024, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("restore unknown: %v", err)
	}
	if _, err := s.ReportSnapshot(2023, snaps[0].ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("a 2024 snapshot opened as 2023's: %v", err)
	}
	bad := r
	bad.Sections = append(bad.Sections, Section{Key: "misc"})
	if _, err := s.SaveReport(bad); !errors.Is(err, ErrInvalid) {
		t.Errorf("unknown section key saved: %v", err)
	}
}

func TestInsertAndUpdateFigure(t *testing.T) {
	r := NewReport(huangjiang(), 2020)
	r.Sections[0].Text = "积极开展信访工作。完善调解联动工作机制。"
	at := strings.Index(r.Sections[0].Text, "完善")
	xf := Figure{Name: "信访案件数", Value: 331, Unit: "宗", Sentence: "全年受理信访案件331宗。"}
	r.InsertFigure(SectionMeasures, at, xf)
	r.InsertFigure(SectionMeasures, len(r.Sections[0].Text), Figure{Name: "调解成功率", Value: 97, Unit: "%"})
	want := "积极开展信访工作。全年受理信访案件331宗。完善调解联动工作机制。调解成功率为97%。"
	if r.Sections[0].Text != want {
		t.Fatalf("text %q", r.Sections[0].Text)
	}
	// Inserting before a link moves it.
	r.InsertFigure(SectionMeasures, 0, Figure{Name: "办结率", Value: 100, Unit: "%", Sentence: "办结率100%。"})
	for i, l := range r.Figures {
		if p := r.FigurePos(i); p < 0 || r.Sections[0].Text[p:p+len(l.Text)] != l.Text || p != l.Offset {
			t.Errorf("link %d at %d (offset %d)", i, p, l.Offset)
		}
	}
	if !r.UpdateFigure(0, Figure{Name: "信访案件数", Value: 335, Unit: "宗"}) {
		t.Fatal("update failed")
	}
	if !strings.Contains(r.Sections[0].Text, "信访案件335宗") || r.Figures[0].Value != 335 {
		t.Errorf("after update: %q %+v", r.Sections[0].Text, r.Figures[0])
	}
	if p := r.FigurePos(1); r.Sections[0].Text[p:p+len("97%")] != "97%" {
		t.Errorf("link after the updated one did not move: %d", p)
	}
	if r.InsertFigure(SectionOther, 0, xf) {
		t.Error("inserted into a section the report lacks")
	}
}

func kinds(ps []Problem) []ProblemKind {
	var out []ProblemKind
	for _, p := range ps {
		out = append(out, p.Kind)
	}
	return out
}

func TestCheckReport(t *testing.T) {
	r := NewReport(huangjiang(), 2020)
	r.Date = d("2021-01-27")
	r.Sections[1].Text = "一是队伍素质有待提高。"
	r.Sections[2].Text = "镇党委书记履行第一责任人职责。"
	r.Sections[3].Text = PromptOpen + "：下一年度主要安排】"
	r.Sections[0].Text = "全镇调解组织参与人民调解案件2707件，调解成功率为97%，办结率达98.1%。"
	r.InsertFigure(SectionMeasures, 0, Figure{Name: "信访案件数", Value: 331, Unit: "宗", Sentence: "全年受理信访案件331宗。"})
	figures := []Figure{
		{Name: "信访案件数", Value: 331, Unit: "宗"},
		{Name: "调解成功率", Value: 97.4, Unit: "%"}, // 97 at the precision written: agrees
		{Name: "办结率", Value: 98.12, Unit: "%"},  // 98.1: agrees
	}
	today := d("2021-01-27")
	got := CheckReport(r, figures, LevelTownship, today)
	if want := []ProblemKind{ProblemPrompt, ProblemDeadline}; !slices.Equal(kinds(got), want) {
		t.Fatalf("clean report: %v; want %v\n%+v", kinds(got), want, got)
	}
	if !strings.Contains(got[1].Message, "2021年3月31日") || !strings.Contains(got[1].Message, "还有 63 天") || !got[1].Info {
		t.Errorf("deadline: %+v", got[1])
	}

	// The statistics change after the figure went in: the link catches it,
	// and a number typed by hand that no longer agrees is caught too.
	figures[0].Value = 335
	figures[1].Value = 96
	got = CheckReport(r, figures, LevelCounty, today)
	if want := []ProblemKind{ProblemFigureChanged, ProblemNumberMismatch, ProblemPrompt, ProblemDeadline}; !slices.Equal(kinds(got), want) {
		t.Fatalf("changed figures: %v; want %v\n%+v", kinds(got), want, got)
	}
	if got[0].Message != "“信访案件数”现在是 335宗，文中仍是 331宗。" || got[0].Figure != 0 {
		t.Errorf("figure changed: %+v", got[0])
	}
	text := r.Sections[0].Text
	if got[1].Message != "文中“调解成功率为97”与统计数据“调解成功率”96% 不一致。" || text[got[1].Offset:got[1].Offset+2] != "97" {
		t.Errorf("typed number: %+v", got[1])
	}
	if !strings.Contains(got[3].Message, "2021年3月1日") {
		t.Errorf("county deadline: %+v", got[3])
	}

	// The clerk rewrites the linked figure by hand, drops a section, clears the date.
	r.Sections[0].Text = strings.Replace(r.Sections[0].Text, "331宗", "三百余宗", 1)
	r.Sections = slices.Delete(r.Sections, 2, 3)
	r.Sections[0].Text += "全年信访案件数为331件。"
	r.Date = Date{}
	got = CheckReport(r, figures, LevelTownship, d("2021-05-01"))
	if want := []ProblemKind{ProblemMissingSection, ProblemFigureLost, ProblemNumberMismatch, ProblemNumberMismatch, ProblemPrompt, ProblemNoDate, ProblemDeadline}; !slices.Equal(kinds(got), want) {
		t.Fatalf("edited report: %v; want %v\n%+v", kinds(got), want, got)
	}
	if got[0].Section != SectionLeaders || !strings.Contains(got[6].Message, "都已过") {
		t.Errorf("%+v", got)
	}
}

func TestDeadlines(t *testing.T) {
	for _, c := range []struct{ level, submit string }{
		{LevelTownship, "2025-03-31"}, {"", "2025-03-31"}, {LevelCounty, "2025-03-01"}, {LevelCity, "2025-03-01"},
	} {
		s, p := ReportDeadlines(2024, c.level)
		if s.String() != c.submit || p.String() != "2025-04-01" {
			t.Errorf("%q: %s %s", c.level, s, p)
		}
	}
}

func TestChineseNumber(t *testing.T) {
	for n, want := range map[int]string{1: "一", 9: "九", 10: "十", 11: "十一", 20: "二十", 42: "四十二", 100: "100"} {
		if got := ChineseNumber(n); got != want {
			t.Errorf("%d: %q", n, got)
		}
	}
	if FormatValue(97) != "97" || FormatValue(98.1) != "98.1" || FormatValue(98.126) != "98.13" || FormatValue(0) != "0" {
		t.Error("FormatValue")
	}
}

// TestDraftFromStoredTasks imports a plan, records progress and status,
// adds next year's plan, and checks the draft built from the store.
func TestDraftFromStoredTasks(t *testing.T) {
	s := openTemp(t)
	if _, err := s.SetProfile(huangjiang()); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ImportPlan(samplePlan(2017), false); err != nil {
		t.Fatal(err)
	}
	tasks, _ := s.Tasks(2017)
	// Task 1 reported progress; task 2 has none and is past its date; task 3 is long-term.
	if _, err := s.AddProgress(tasks[0].ID, Progress{Date: d("2017-06-30"), Text: "8个综合窗口可受理全部事项"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetStatus(tasks[0].ID, StatusDone, "测试"); err != nil {
		t.Fatal(err)
	}
	next := samplePlan(2018)
	next.Plan.Chapters = next.Plan.Chapters[:1]
	next.Tasks = next.Tasks[:2]
	if _, err := s.ImportPlan(next, false); err != nil {
		t.Fatal(err)
	}

	figures := []Figure{{Name: "信访案件数", Value: 331, Unit: "宗", Sentence: "全年受理信访案件331宗，办结率100%。"}, {Name: "调解成功率", Value: 97, Unit: "%"}}
	in, err := s.DraftInput(2017, figures, d("2019-01-10"))
	if err != nil {
		t.Fatal(err)
	}
	r := Draft(in)

	if r.Title != "黄江镇2017年法治政府建设年度报告" || r.Addressee != "市委：" || len(r.Signature) != 2 {
		t.Errorf("head: %+v", r)
	}
	if !strings.Contains(r.Opening, "《企石镇法治政府建设实施方案》") {
		t.Errorf("opening %q", r.Opening)
	}
	m, _ := r.Section(SectionMeasures)
	wantMeasures := "（一）依法全面履行政府职能\n" +
		"一是深化行政审批制度改革。8个综合窗口可受理全部事项。\n" +
		"（二）完善依法行政制度体系\n" +
		"一是坚持学法制度，持续推进。\n" +
		"全年受理信访案件331宗，办结率100%。调解成功率为97%。"
	if m.Text != wantMeasures {
		t.Errorf("measures:\n%s\nwant:\n%s", m.Text, wantMeasures)
	}
	sh, _ := r.Section(SectionShortcomings)
	if !strings.Contains(sh.Text, "一是“推进政府机构职能优化”（时限：2018年12月31日；未开始，已逾期）"+PromptOpen) || strings.Contains(sh.Text, "二是") {
		t.Errorf("shortcomings:\n%s", sh.Text)
	}
	ld, _ := r.Section(SectionLeaders)
	for _, w := range []string{"学法", "述法", "听取", "第一责任人"} {
		if !strings.Contains(ld.Text, w) {
			t.Errorf("leaders lacks %s", w)
		}
	}
	pl, _ := r.Section(SectionPlans)
	if pl.Text != "2018年，黄江镇将继续深入学习贯彻习近平法治思想，重点做好以下工作：\n（一）依法全面履行政府职能\n一是深化行政审批制度改革；二是推进政府机构职能优化。" {
		t.Errorf("plans:\n%s", pl.Text)
	}
	// The figures are linked where they stand, and a fresh draft checks clean of figure problems.
	if len(r.Figures) != 2 {
		t.Fatalf("links %+v", r.Figures)
	}
	for i, l := range r.Figures {
		if p := r.FigurePos(i); p != l.Offset {
			t.Errorf("link %d: pos %d offset %d", i, p, l.Offset)
		}
	}
	for _, p := range CheckReport(r, figures, LevelTownship, d("2018-01-10")) {
		if p.Kind == ProblemFigureChanged || p.Kind == ProblemNumberMismatch || p.Kind == ProblemFigureLost || p.Kind == ProblemMissingSection {
			t.Errorf("fresh draft: %+v", p)
		}
	}

	// Without next year's plan, the 主要安排 is a prompt; without any plan, so is (一).
	r = Draft(DraftInput{Year: 2030, Profile: huangjiang()})
	pl, _ = r.Section(SectionPlans)
	m, _ = r.Section(SectionMeasures)
	if !strings.HasPrefix(pl.Text, PromptOpen) || !strings.HasPrefix(m.Text, PromptOpen) {
		t.Errorf("empty record: %q %q", m.Text, pl.Text)
	}
}
