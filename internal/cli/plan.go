package cli

import (
	"fmt"
	"strings"

	"fazhi/data"
	"fazhi/export/plan"
	"fazhi/internal/action"
)

// planImport reads a 实施方案 / 工作要点 (.txt in any common encoding, or
// .docx), shows what it found and, unless --dry-run, stores it for the year.
func planImport(c *cli, o *opts) error {
	if err := c.needYear("year", o.year); err != nil {
		return err
	}
	r, err := action.ReadPlan(o.pos[0], o.year)
	if err != nil {
		return err
	}
	return c.withStore(func(s *data.Store) error {
		return c.storeImport(s, r.Import, o.dryRun, o.replace, o.asJSON, func(shown data.PlanImport) { c.printPlanPreview(shown, r.Parsed) })
	})
}

// storeImport is the end every import shares (a plan's text, a 任务分解表
// workbook): show the preview with names resolved through the register (as
// JSON or through preview), name the departments it would register, and,
// unless dry, store it.
func (c *cli) storeImport(s *data.Store, imp data.PlanImport, dry, replace, asJSON bool, preview func(data.PlanImport)) error {
	p, err := action.PreviewPlan(s, imp)
	if err != nil {
		return err
	}
	if asJSON {
		if err := c.printJSON(planJSON(p.Shown.Plan, p.Shown.Tasks, nil)); err != nil {
			return err
		}
	} else {
		preview(p.Shown)
	}
	if p.Warning != "" {
		fmt.Fprintln(c.stderr, "注意："+p.Warning)
	}
	if len(p.Fresh) > 0 {
		fmt.Fprintf(c.stderr, "部门登记中没有的名称（导入时将新登记）：%s\n", strings.Join(p.Fresh, "、"))
		for _, n := range p.Fresh {
			if names := p.Suggest[n]; len(names) > 0 {
				fmt.Fprintf(c.stderr, "  “%s”可能就是：%s（如是，请先用 fazhi dept alias %s %s 登记为别名）\n", n, strings.Join(names, "、"), names[0], n)
			}
		}
	}
	if dry {
		return nil
	}
	res, err := action.SavePlan(s, imp, replace)
	if err != nil {
		return err
	}
	msg := fmt.Sprintf("已导入%d年任务分解表：%d 项任务", imp.Plan.Year, res.Tasks)
	if res.Replaced > 0 {
		msg += fmt.Sprintf("（替换了原有的 %d 项）", res.Replaced)
	}
	if len(res.Created) > 0 {
		msg += "；新登记部门：" + strings.Join(res.Created, "、")
	}
	fmt.Fprintln(c.stderr, msg+"。")
	return nil
}

// printPlanPreview lists chapters and tasks the way a clerk checks them
// against the paper, then what was left out.
func (c *cli) printPlanPreview(imp data.PlanImport, parsed *plan.Plan) {
	fmt.Fprintf(c.stdout, "标题：%s\n", imp.Plan.Title)
	byChapter := map[string][]data.TaskDraft{}
	for _, t := range imp.Tasks {
		byChapter[t.Chapter] = append(byChapter[t.Chapter], t)
	}
	for _, ch := range imp.Plan.Chapters {
		fmt.Fprintf(c.stdout, "%s、%s\n", ch.No, ch.Title)
		for _, t := range byChapter[ch.No] {
			line := []string{fmt.Sprintf("  %d. %s", t.No, t.Title)}
			if len(t.LeadNames) > 0 {
				line = append(line, "牵头："+strings.Join(t.LeadNames, "、"))
			}
			if len(t.CooperateNames) > 0 {
				line = append(line, "配合："+strings.Join(t.CooperateNames, "、"))
			}
			if len(t.ResponsibleNames) > 0 {
				line = append(line, "责任："+strings.Join(t.ResponsibleNames, "、"))
			}
			if t.AllRelevant {
				line = append(line, "各有关部门")
			}
			line = append(line, "时限："+t.DeadlineLabel())
			fmt.Fprintln(c.stdout, strings.Join(line, " | "))
		}
	}
	fmt.Fprintf(c.stdout, "共 %d 章、%d 项任务。\n", len(imp.Plan.Chapters), len(imp.Tasks))
	if imp.Plan.Closing != "" {
		fmt.Fprintf(c.stdout, "结尾：%s\n", imp.Plan.Closing)
	}
	if n := len(parsed.Unplaced); n > 0 {
		fmt.Fprintf(c.stdout, "未归入任何任务的段落 %d 段：\n", n)
		for _, u := range parsed.Unplaced {
			fmt.Fprintf(c.stdout, "  ？%s\n", u)
		}
	}
	if n := len(parsed.Dropped); n > 0 {
		fmt.Fprintf(c.stdout, "作为网页杂项略去 %d 行。\n", n)
	}
}
