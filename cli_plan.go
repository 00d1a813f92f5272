package main

import (
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strings"

	"fazhi/data"
	"fazhi/export/backup"
	"fazhi/export/plan"
	"fazhi/export/textin"
)

// planImport reads a 实施方案 / 工作要点 (.txt in any common encoding, or
// .docx), shows what it found and, unless --dry-run, stores it for the year.
func (c *cli) planImport(fs *flag.FlagSet, args []string) error {
	year := fs.Int("year", 0, "年度")
	dry := fs.Bool("dry-run", false, "只显示，不保存")
	asJSON := fs.Bool("json", false, "JSON 输出")
	replace := fs.Bool("replace", false, "替换该年度已有的任务分解表")
	syn := "plan import 文件 --year 年度 [--dry-run] [--json] [--replace]"
	pos, err := parseArgs(fs, args, 1, syn)
	if err != nil {
		return err
	}
	if err := needYear(*year, syn); err != nil {
		return err
	}
	text, err := textin.ReadFile(pos[0])
	if err != nil {
		return err
	}
	parsed := plan.Parse(text, *year)
	imp := parsed.Import(*year, filepath.Base(pos[0]))
	if len(imp.Tasks) == 0 {
		return usage("“%s”中没有找到编号的任务（如“1.”“（一）”“一是”）。请确认选对了文件；如果方案没有编号，请先在 Word 或 WPS 中给任务编上号再导入。", filepath.Base(pos[0]))
	}
	return c.withStore(func(s *data.Store) error {
		return c.storeImport(s, imp, *dry, *replace, *asJSON, func(shown data.PlanImport) { c.printPlanPreview(shown, parsed) })
	})
}

// storeImport is the end every import shares (a plan's text, a 任务分解表
// workbook): show the preview with names resolved through the register (as
// JSON or through preview), name the departments it would register, and,
// unless dry, store it in one transaction.
func (c *cli) storeImport(s *data.Store, imp data.PlanImport, dry, replace, asJSON bool, preview func(data.PlanImport)) error {
	year := imp.Plan.Year
	shown, err := s.ResolveNames(imp)
	if err != nil {
		return err
	}
	fresh, err := s.NewDepartments(imp)
	if err != nil {
		return err
	}
	if asJSON {
		if err := c.printJSON(planJSON(shown.Plan, shown.Tasks, nil)); err != nil {
			return err
		}
	} else {
		preview(shown)
	}
	if w := imp.YearWarning(); w != "" {
		fmt.Fprintln(c.stderr, "注意："+w)
	}
	if len(fresh) > 0 {
		fmt.Fprintf(c.stderr, "部门登记中没有的名称（导入时将新登记）：%s\n", strings.Join(fresh, "、"))
		for _, n := range fresh {
			if sugg, err := s.SuggestDepartments(n); err == nil && len(sugg) > 0 {
				var names []string
				for _, d := range sugg {
					names = append(names, d.Name)
				}
				fmt.Fprintf(c.stderr, "  “%s”可能就是：%s（如是，请先用 fazhi dept alias %s %s 登记为别名）\n", n, strings.Join(names, "、"), names[0], n)
			}
		}
	}
	if dry {
		return nil
	}
	if err := beforeChange(s, backup.ReasonImport); err != nil {
		return err
	}
	res, err := s.ImportPlan(imp, replace)
	if errors.Is(err, data.ErrExists) { // the door's own hint: the shared sentence names no flag
		return &data.UserError{Msg: data.Message(err) + "（命令行加 --replace）", Err: err}
	}
	if err != nil {
		return err
	}
	msg := fmt.Sprintf("已导入%d年任务分解表：%d 项任务", year, res.Tasks)
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
