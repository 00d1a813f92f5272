package data

import (
	"fmt"
	"strings"
)

// DraftInput is everything a first draft is made from. Draft is a pure
// function of it, so the draft is tested from plain values and the store
// only gathers them (Store.DraftInput).
type DraftInput struct {
	Year    int
	Profile Profile
	Plan    *Plan // the year's plan; nil when none was imported
	Tasks   []Task
	// NextPlan and NextTasks are year+1's, for the 主要安排; nil/empty when
	// the next plan has not arrived yet.
	NextPlan  *Plan
	NextTasks []Task
	// Figures are the year's statistics, stated in the 主要举措和成效 and
	// linked to their indicators.
	Figures []Figure
	AsOf    Date // the day "overdue" is judged on
}

// Draft assembles a first draft of year's report from the record:
// (一) per chapter of the plan what was done (status and latest progress),
// then the figures as sentences; (二) the tasks not done, as prompts to
// explain; (三) the leader-duty points as prompts; (四) next year's tasks
// when that plan exists. Whatever the record cannot say is left as a
// 【待填写：…】 prompt, which CheckReport lists until the clerk fills it.
func Draft(in DraftInput) Report {
	r := NewReport(in.Profile, in.Year)
	r.Source = "草稿"
	who := in.Profile.ShortName()
	if who == "" {
		who = "我单位"
	}
	basis := "上级关于法治政府建设的部署"
	if in.Plan != nil && in.Plan.Title != "" {
		basis = "《" + strings.Trim(in.Plan.Title, "《》") + "》"
	}
	r.Opening = fmt.Sprintf("%d年，%s坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，认真落实%s，扎实推进法治政府建设各项工作。现将有关情况报告如下：", in.Year, who, basis)

	measures, links := draftMeasures(in)
	for i := range r.Sections {
		s := &r.Sections[i]
		switch s.Key {
		case SectionMeasures:
			s.Text = measures
		case SectionShortcomings:
			s.Text = draftShortcomings(in, who)
		case SectionLeaders:
			s.Text = draftLeaders()
		case SectionPlans:
			s.Text = draftPlans(in, who)
		}
	}
	r.Figures = links
	return r
}

// chapterGroups orders tasks under the plan's chapters (tasks of a chapter
// the plan does not name come last, under their own number).
type chapterGroup struct {
	title string
	tasks []Task
}

func chapterGroups(p *Plan, tasks []Task) []chapterGroup {
	var out []chapterGroup
	index := map[string]int{}
	if p != nil {
		for _, c := range p.Chapters {
			index[c.No] = len(out)
			out = append(out, chapterGroup{title: c.Title})
		}
	}
	for _, t := range tasks {
		i, ok := index[t.Chapter]
		if !ok {
			i = len(out)
			index[t.Chapter] = i
			title := "其他工作"
			if t.Chapter != "" {
				title = "第" + t.Chapter + "部分工作"
			}
			out = append(out, chapterGroup{title: title})
		}
		out[i].tasks = append(out[i].tasks, t)
	}
	return out
}

func sentence(s string) string {
	s = strings.TrimRight(strings.TrimSpace(s), "。；;，,.")
	if s == "" {
		return ""
	}
	return s + "。"
}

func notDone(t Task) bool { return t.Status != StatusDone && t.Status != StatusOngoing }

func draftMeasures(in DraftInput) (string, []FigureLink) {
	var b strings.Builder
	groups := chapterGroups(in.Plan, in.Tasks)
	for gi, g := range groups {
		if gi > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "（%s）%s\n", ChineseNumber(gi+1), strings.TrimRight(g.title, "。"))
		n := 0
		for _, t := range g.tasks {
			title := strings.TrimRight(t.Title, "。；;")
			pr, hasProgress := t.LatestProgress()
			var line string
			switch {
			case hasProgress && strings.TrimSpace(pr.Text) != "":
				line = sentence(title) + sentence(pr.Text)
			case t.Status == StatusDone:
				line = title + "，已完成。"
			case t.Status == StatusOngoing:
				line = title + "，持续推进。"
			default:
				continue // nothing done to report: it appears under 不足
			}
			n++
			b.WriteString(ChineseNumber(n) + "是" + line)
		}
		if n == 0 {
			b.WriteString(PromptOpen + "：本部分任务尚无进展记录，请补充主要做法和成效】")
		}
	}
	if len(groups) == 0 {
		b.WriteString(PromptOpen + "：本年度尚未导入任务分解表，请填写主要举措和成效】")
	}
	var links []FigureLink
	if len(in.Figures) > 0 {
		b.WriteString("\n")
		for _, f := range in.Figures {
			text, at := figureText(f)
			links = append(links, FigureLink{Indicator: f.Name, Value: f.Value, Unit: f.Unit, Section: SectionMeasures, Text: f.ValueText(), Offset: b.Len() + at})
			b.WriteString(text)
		}
	}
	return b.String(), links
}

func draftShortcomings(in DraftInput, who string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "一年来，%s法治政府建设取得了一定成效，但对照上级要求和群众期盼，仍存在一些不足：", who)
	n := 0
	for _, t := range in.Tasks {
		if !notDone(t) {
			continue
		}
		n++
		state := string(t.Status)
		if t.Overdue(in.AsOf) {
			state += "，已逾期"
		}
		fmt.Fprintf(&b, "\n%s是“%s”（时限：%s；%s）%s：未完成的原因和下一步措施】", ChineseNumber(n), strings.TrimRight(t.Title, "。；;"), t.DeadlineLabel(), state, PromptOpen)
	}
	if n == 0 {
		b.WriteString(PromptOpen + "：存在的不足及其原因】")
	}
	return b.String()
}

func draftLeaders() string {
	return strings.Join([]string{
		"一是带头尊法学法。" + PromptOpen + "：党委理论学习中心组学法、政府常务会议会前学法的次数和内容】",
		"二是认真述法。" + PromptOpen + "：党政主要负责人在年终述职中报告履行法治建设职责情况】",
		"三是定期听取汇报。" + PromptOpen + "：听取法治政府建设工作汇报、研究解决重大问题的次数和事项】",
		"四是履行第一责任人职责。" + PromptOpen + "：党政主要负责人履行推进法治建设第一责任人职责的其他情况】",
	}, "\n")
}

func draftPlans(in DraftInput, who string) string {
	if in.NextPlan == nil {
		return fmt.Sprintf("%s：%d年度主要安排（导入%d年的实施方案或工作要点后，可重新生成草稿列出其任务）】", PromptOpen, in.Year+1, in.Year+1)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d年，%s将继续深入学习贯彻习近平法治思想，重点做好以下工作：", in.Year+1, who)
	for gi, g := range chapterGroups(in.NextPlan, in.NextTasks) {
		fmt.Fprintf(&b, "\n（%s）%s", ChineseNumber(gi+1), strings.TrimRight(g.title, "。"))
		var items []string
		for i, t := range g.tasks {
			items = append(items, ChineseNumber(i+1)+"是"+strings.TrimRight(t.Title, "。；;"))
		}
		if len(items) > 0 {
			b.WriteString("\n" + strings.Join(items, "；") + "。")
		}
	}
	return b.String()
}

// ChineseNumber writes 1–99 as 一 … 九十九, the numbers of （一） headings and
// 一是 items (larger numbers in Arabic digits, which never occur there).
func ChineseNumber(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n <= 0 || n >= 100:
		return fmt.Sprint(n)
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n%10]
	}
	return digits[n/10] + "十" + digits[n%10]
}

// DraftInput gathers what Draft needs for year from the store; figures come
// from the statistics, which the caller owns.
func (s *Store) DraftInput(year int, figures []Figure, asOf Date) (DraftInput, error) {
	in := DraftInput{Year: year, Figures: figures, AsOf: asOf}
	var err error
	if in.Profile, err = s.Profile(); err != nil {
		return in, err
	}
	if p, ok, err := s.PlanFor(year); err != nil {
		return in, err
	} else if ok {
		in.Plan = &p
	}
	if in.Tasks, err = s.Tasks(year); err != nil {
		return in, err
	}
	if p, ok, err := s.PlanFor(year + 1); err != nil {
		return in, err
	} else if ok {
		in.NextPlan = &p
		if in.NextTasks, err = s.Tasks(year + 1); err != nil {
			return in, err
		}
	}
	return in, nil
}
