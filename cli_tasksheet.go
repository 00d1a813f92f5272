package main

import (
	"flag"
	"fmt"
	"strings"

	"fazhi/data"
	"fazhi/export/plan"
	"fazhi/export/tasksheet"
)

// tasksheetVerbs are the `tasks` verbs that work on workbooks; each builds
// its own flags.
var tasksheetVerbs = map[string]func(c *cli, fs *flag.FlagSet, args []string) error{
	"import": (*cli).tasksImport,
}

// tasksImport reads a 任务分解表 workbook in whatever layout it came, shows
// what it found (sheet, header, what each column means, the tasks, the
// problems) and, unless --dry-run, stores it as the year's table.
// --column C=牵头单位 corrects a column's meaning, as the preview's picker
// does in the window.
func (c *cli) tasksImport(fs *flag.FlagSet, args []string) error {
	year := fs.Int("year", 0, "年度")
	dry := fs.Bool("dry-run", false, "只显示，不保存")
	asJSON := fs.Bool("json", false, "JSON 输出")
	replace := fs.Bool("replace", false, "替换该年度已有的任务分解表")
	sheet := fs.String("sheet", "", "工作表")
	var columns multi
	fs.Var(&columns, "column", "列的含义，如 C=牵头单位")
	syn := "tasks import 文件.xlsx --year 年度 [--dry-run] [--json] [--replace] [--sheet 工作表] [--column C=牵头单位]..."
	pos, err := parseArgs(fs, args, 1, syn)
	if err != nil {
		return err
	}
	if err := needYear(*year, syn); err != nil {
		return err
	}
	opt := tasksheet.Options{Year: *year, Sheet: *sheet, Columns: map[int]tasksheet.Column{}}
	for _, spec := range columns {
		col, meaning, ok := strings.Cut(spec, "=")
		idx, okCol := tasksheet.ParseColumnLetter(col)
		m, okMeaning := tasksheet.ColumnByTitle(meaning)
		if !ok || !okCol || !okMeaning {
			var titles []string
			for _, c := range tasksheet.Columns {
				titles = append(titles, c.Title())
			}
			return usage("--column %s 写法不对：应写成 列字母=含义（如 C=牵头单位），含义可以是：%s。", spec, strings.Join(titles, "、"))
		}
		opt.Columns[idx] = m
	}
	p, _, err := tasksheet.ReadFile(pos[0], opt)
	if err != nil {
		return err
	}
	if len(p.Import.Tasks) == 0 {
		return usage("“%s”的工作表“%s”中找到了表头（第 %s 行），但下面没有读到任务。请确认选对了工作表（--sheet），或用 --column 改正各列的含义。",
			p.Source, p.Sheet, joinInts(p.HeaderRows))
	}
	for _, pr := range p.Problems {
		fmt.Fprintf(c.stderr, "请核对：%s\n", pr)
	}
	return c.withStore(func(s *data.Store) error {
		return c.storeImport(s, p.Import, *dry, *replace, *asJSON, func(shown data.PlanImport) {
			c.printSheetFound(p)
			c.printPlanPreview(shown, &plan.Plan{})
		})
	})
}

// printSheetFound says where the table was found and what each column was
// taken to mean, so the clerk can correct it with --column.
func (c *cli) printSheetFound(p *tasksheet.Preview) {
	fmt.Fprintf(c.stdout, "工作表：%s（共 %d 个：%s），表头在第 %s 行\n", p.Sheet, len(p.Sheets), strings.Join(p.Sheets, "、"), joinInts(p.HeaderRows))
	var cols []string
	for _, col := range p.Columns {
		mark := ""
		if col.Overridden {
			mark = "（指定）"
		}
		cols = append(cols, fmt.Sprintf("%s“%s”→%s%s", col.Letter(), col.Text, col.Meaning.Title(), mark))
	}
	fmt.Fprintf(c.stdout, "各列含义：%s\n", strings.Join(cols, "；"))
	if len(p.Footer) > 0 {
		fmt.Fprintf(c.stdout, "表尾（未作为任务读入）：%s\n", strings.Join(p.Footer, " / "))
	}
}

func joinInts(ns []int) string {
	var s []string
	for _, n := range ns {
		s = append(s, fmt.Sprint(n))
	}
	return strings.Join(s, "、")
}
