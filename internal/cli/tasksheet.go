package cli

import (
	"fmt"
	"strconv"
	"strings"

	"fazhi/data"
	"fazhi/export/plan"
	"fazhi/export/tasksheet"
)

// tasksImport reads a 任务分解表 workbook in whatever layout it came, shows
// what it found (sheet, header, what each column means, the tasks, the
// problems) and, unless --dry-run, stores it as the year's table.
// --column C=牵头单位 corrects a column's meaning, as the preview's picker
// does in the window.
func tasksImport(c *cli, o *opts) error {
	if err := c.needYear("year", o.year); err != nil {
		return err
	}
	opt := tasksheet.Options{Year: o.year, Sheet: o.sheet, Columns: map[int]tasksheet.Column{}}
	for _, spec := range o.column {
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
	p, _, err := tasksheet.ReadFile(o.pos[0], opt)
	if err != nil {
		return err
	}
	if len(p.Import.Tasks) == 0 {
		return usage("“%s”的工作表“%s”中找到了表头（第 %s 行），但下面没有读到任务。请确认选对了工作表（--sheet），或用 --column 改正各列的含义。",
			p.Source, p.Sheet, p.HeaderRowsText())
	}
	for _, pr := range p.Problems {
		fmt.Fprintf(c.stderr, "请核对：%s\n", pr)
	}
	// A table with formula errors is shown but not stored.
	dryRun := o.dryRun || p.Blocked()
	err = c.withStore(func(s *data.Store) error {
		return c.storeImport(s, p.Import, dryRun, o.replace, o.asJSON, func(shown data.PlanImport) {
			c.printSheetFound(p)
			c.printPlanPreview(shown, &plan.Plan{})
		})
	})
	if err == nil && p.Blocked() && !o.dryRun {
		return usage("“%s”中有公式错误（见上面的“请核对”），没有导入。请在 Excel 或 WPS 中修正这些单元格后再导入。", p.Source)
	}
	return err
}

// printSheetFound says where the table was found and what each column was
// taken to mean, so the clerk can correct it with --column.
func (c *cli) printSheetFound(p *tasksheet.Preview) {
	fmt.Fprintf(c.stdout, "工作表：%s（共 %d 个：%s），表头在第 %s 行\n", p.Sheet, len(p.Sheets), strings.Join(p.Sheets, "、"), p.HeaderRowsText())
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

// The JSON of `tasks merge --json`.
type jsonMerge struct {
	Year    int               `json:"year"`
	Files   []jsonMergeFile   `json:"files"`
	Changes []jsonMergeChange `json:"changes"`
	Applied *jsonApplied      `json:"applied"` // null without --apply
}

type jsonMergeFile struct {
	File     string              `json:"file"`
	Dept     string              `json:"dept"`
	Date     data.Date           `json:"date"`
	Stamped  bool                `json:"stamped"`
	Rows     int                 `json:"rows"`
	Matched  int                 `json:"matched"`
	Error    string              `json:"error,omitempty"`
	Problems []tasksheet.Problem `json:"problems"`
}

type jsonMergeChange struct {
	ID       int       `json:"id"` // what --accept names: 1, 2, … in this list's order
	File     string    `json:"file"`
	Dept     string    `json:"dept"`
	Date     data.Date `json:"date"`
	Row      int       `json:"row"`
	TaskID   uint64    `json:"task_id"`
	Chapter  string    `json:"chapter"`
	No       int       `json:"no"`
	Kind     string    `json:"kind"`
	Old      string    `json:"old"`
	New      string    `json:"new"`
	Match    string    `json:"match"`
	Conflict string    `json:"conflict,omitempty"`
}

type jsonApplied struct {
	Progress int `json:"progress"`
	Status   int `json:"status"`
	Text     int `json:"text"`
	Skipped  int `json:"skipped_conflicts"`
}

// tasksMerge reads the workbooks departments sent back, shows per file and
// per task what would change and what conflicts, and with --apply stores
// every change without a conflict in one transaction. A conflict is kept
// only when the clerk accepts it by its number (--accept 3,5), the choice
// the window's ticks make; two accepted changes that contradict each
// other are refused.
func tasksMerge(c *cli, o *opts) error {
	if err := c.needYear("year", o.year); err != nil {
		return err
	}
	if len(o.accept) > 0 && !o.apply {
		return usage("--accept 要和 --apply 一起使用：先不加 --apply 查看各处改动的编号，再用 --apply --accept 编号 保存。")
	}
	files := o.pos
	if len(files) == 0 {
		return c.usage("没有给出要汇总的文件")
	}
	return c.withStore(func(s *data.Store) error {
		doc, err := s.PlanWithNames(o.year)
		if err != nil {
			return err
		}
		if len(doc.Tasks) == 0 {
			return usage("%d年还没有任务分解表，无法汇总。请先用 fazhi tasks import 或 fazhi plan import 导入。", o.year)
		}
		canon := func(name string) string {
			if d, err := s.ResolveDepartment(name); err == nil {
				return d.Name
			}
			return name
		}
		m := tasksheet.Collect(o.year, doc.Tasks, canon, files...)
		if p, err := s.Profile(); err == nil {
			m.RefuseForeign(p.ShortName())
		}
		conflicts := 0
		for _, ch := range m.Changes {
			if ch.Conflict != "" {
				conflicts++
			}
		}
		// When no file could be read there is nothing to merge: say why, as
		// for any import, and touch nothing.
		if unread := unreadable(m); len(unread) == len(m.Files) {
			return usage("%s", strings.Join(unread, "\n"))
		}
		// Not one row matching is a file from another year or another town
		// (or no 任务分解表 at all), not a department with nothing to say.
		matched := 0
		var why []string
		for _, f := range m.Files {
			matched += f.Matched
			for _, pr := range f.Problems {
				why = append(why, f.File+"："+pr.String())
			}
		}
		if matched == 0 {
			msg := fmt.Sprintf("这些文件中没有一行能对上%d年任务分解表中的任务，可能是别的年度、别的单位的表格，或不是分发出去的任务分解表。请确认选对了文件。", o.year)
			if len(why) > 0 {
				msg += "\n" + strings.Join(why[:min(len(why), 5)], "\n")
			}
			return usage("%s", msg)
		}
		accepted, err := acceptedIDs(o.accept, len(m.Changes))
		if err != nil {
			return err
		}
		accept := func(i int, ch tasksheet.Change) bool { return ch.Conflict == "" || accepted[i] }
		if i, j, clash := m.Clash(accept); clash {
			return usage("第 %d 处和第 %d 处改动都改任务 %s%d 的%s，内容不同，只能采用其中一处。请只 --accept 其中一个编号。",
				i+1, j+1, chapterPrefix(m.Changes[i].Chapter), m.Changes[i].No, m.Changes[i].Kind.Title())
		}
		keptConflicts := 0
		for i := range accepted {
			if m.Changes[i].Conflict != "" {
				keptConflicts++
			}
		}
		var applied *jsonApplied
		if o.apply && len(m.Changes) > conflicts-keptConflicts {
			res, err := s.ApplyCollected(m.Accepted(accept))
			if err != nil {
				return err
			}
			applied = &jsonApplied{Progress: res.Progress, Status: res.Status, Text: res.Text, Skipped: conflicts - keptConflicts}
			if len(res.UnknownDepts) > 0 {
				fmt.Fprintf(c.stderr, "部门登记中没有的名称（进展已保存，但没有对应到部门）：%s\n", strings.Join(res.UnknownDepts, "、"))
			}
		}
		if o.asJSON {
			return c.printJSON(mergeJSON(m, applied))
		}
		c.printMerge(m, conflicts)
		if applied != nil {
			msg := fmt.Sprintf("已保存：新进展 %d 条，状态 %d 项，任务内容 %d 项", applied.Progress, applied.Status, applied.Text)
			if keptConflicts > 0 {
				msg += fmt.Sprintf("（含按 --accept 采用的有冲突改动 %d 处）", keptConflicts)
			}
			if n := conflicts - keptConflicts; n > 0 {
				msg += fmt.Sprintf("；有冲突的 %d 处没有保存，要采用的请加 --accept 编号（编号见上面每行开头），或在窗口中逐项确认", n)
			}
			fmt.Fprintln(c.stderr, msg+"。")
		} else if o.apply {
			fmt.Fprintln(c.stderr, "没有可以保存的改动。")
		} else if len(m.Changes) > 0 {
			fmt.Fprintln(c.stderr, "以上改动尚未保存。确认无误后加 --apply 保存没有冲突的改动；有冲突的，要采用哪一处就再加 --accept 它的编号。")
		}
		return nil
	})
}

// unreadable lists, one line each, the files of m that could not be read.
func unreadable(m *tasksheet.Collection) []string {
	var out []string
	for _, f := range m.Files {
		if f.Err != nil {
			out = append(out, data.Message(f.Err))
		}
	}
	return out
}

func (c *cli) printMerge(m *tasksheet.Collection, conflicts int) {
	for _, f := range m.Files {
		if f.Err != nil {
			fmt.Fprintf(c.stdout, "文件：%s —— 无法读取：%s\n", f.File, data.Message(f.Err))
			continue
		}
		stamp := "有任务标识"
		if !f.Stamped {
			stamp = "无任务标识，按序号和文字对应"
		}
		dept := f.Dept
		if dept == "" {
			dept = "部门不明"
		}
		fmt.Fprintf(c.stdout, "文件：%s（%s，%s，%s；读到 %d 项，对上 %d 项）\n", f.File, dept, f.Date.Chinese(), stamp, f.Rows, f.Matched)
		for i, ch := range m.Changes {
			if ch.File != f.File {
				continue
			}
			line := fmt.Sprintf("  [%d] %s%d. %s：", i+1, chapterPrefix(ch.Chapter), ch.No, ch.Kind.Title())
			switch ch.Kind {
			case tasksheet.ChangeStatus:
				line += ch.Old + " → " + ch.New
			default:
				line += ch.New
			}
			if ch.Match != tasksheet.MatchRef {
				line += "（按" + string(ch.Match) + "对应）"
			}
			if ch.Conflict != "" {
				line += " 【冲突】" + ch.Conflict
			}
			fmt.Fprintln(c.stdout, line)
		}
		for _, p := range f.Problems {
			fmt.Fprintf(c.stdout, "  ？%s\n", p)
		}
	}
	fmt.Fprintf(c.stdout, "共 %d 处改动，其中 %d 处有冲突。\n", len(m.Changes), conflicts)
}

func mergeJSON(m *tasksheet.Collection, applied *jsonApplied) jsonMerge {
	out := jsonMerge{Year: m.Year, Files: []jsonMergeFile{}, Changes: []jsonMergeChange{}, Applied: applied}
	for _, f := range m.Files {
		jf := jsonMergeFile{File: f.File, Dept: f.Dept, Date: f.Date, Stamped: f.Stamped, Rows: f.Rows, Matched: f.Matched, Problems: f.Problems}
		if f.Err != nil {
			jf.Error = data.Message(f.Err)
		}
		if jf.Problems == nil {
			jf.Problems = []tasksheet.Problem{}
		}
		out.Files = append(out.Files, jf)
	}
	for i, ch := range m.Changes {
		out.Changes = append(out.Changes, jsonMergeChange{
			ID: i + 1, File: ch.File, Dept: ch.Dept, Date: ch.Date, Row: ch.Row, TaskID: ch.TaskID, Chapter: ch.Chapter, No: ch.No,
			Kind: ch.Kind.String(), Old: ch.Old, New: ch.New, Match: string(ch.Match), Conflict: ch.Conflict,
		})
	}
	return out
}

// acceptedIDs reads --accept 3 --accept 5,7 into zero-based change
// indexes, refusing a number that names no change.
func acceptedIDs(specs []string, n int) (map[int]bool, error) {
	out := map[int]bool{}
	for _, spec := range specs {
		for _, f := range strings.FieldsFunc(spec, func(r rune) bool { return r == ',' || r == '，' || r == '、' || r == ' ' }) {
			id, err := strconv.Atoi(f)
			if err != nil || id < 1 || id > n {
				return nil, usage("--accept %s：没有编号为“%s”的改动（共 %d 处，编号见不加 --apply 时每行开头的 [编号]）。", spec, f, n)
			}
			out[id-1] = true
		}
	}
	return out, nil
}
