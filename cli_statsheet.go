package main

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"strings"

	"fazhi/data"
	"fazhi/export/backup"
	"fazhi/export/statsheet"
	"fazhi/export/workbook"
)

// howWords say how a template row was matched to an indicator.
var howWords = map[string]string{statsheet.HowExact: "名称一致", statsheet.HowAlias: "别名", statsheet.HowSimilar: "相似，请核对", statsheet.HowManual: "手工指定"}

// mapFlags are the corrections a clerk gives to a proposed mapping:
// --map 名称=E12 puts an indicator at a cell, --unset 名称 drops it.
type mapFlags struct{ set, unset multi }

func (m *mapFlags) register(fs *flag.FlagSet) {
	fs.Var(&m.set, "map", "指定指标所在单元格，如 信访受理数=E5 或 表1!E5（可重复）")
	fs.Var(&m.unset, "unset", "不填写某个指标（可重复）")
}

func (m *mapFlags) any() bool { return len(m.set)+len(m.unset) > 0 }

// propose maps a workbook with the mapping kept for its layout, or a new
// proposal, applies the clerk's corrections, and prints it (to log) so the
// clerk sees what goes where. An empty mapping is an error that says how to
// give one by hand.
func (c *cli) propose(s *data.Store, wb *statsheet.Workbook, fix mapFlags, log func(format string, args ...any)) (statsheet.Proposal, []data.Indicator, error) {
	p, cat, err := statsheet.ProposeFor(s, wb)
	if err != nil {
		return p, nil, err
	}
	for _, spec := range fix.set {
		name, ref, ok := strings.Cut(spec, "=")
		if !ok {
			return p, nil, usage("--map %s 写法不对：应写成 指标=单元格，如 信访受理数=E5。", spec)
		}
		ind, err := s.ResolveIndicator(name)
		if err != nil {
			return p, nil, err
		}
		sheet, row, col, err := statsheet.ParseCell(wb, ref)
		if err != nil {
			return p, nil, err
		}
		p.Set(ind.Code, sheet, row, col)
	}
	for _, name := range fix.unset {
		ind, err := s.ResolveIndicator(name)
		if err != nil {
			return p, nil, err
		}
		p.Unset(ind.Code)
	}
	if len(p.Cells) == 0 {
		return p, nil, &data.UserError{Msg: fmt.Sprintf("在 %s 中没有找到任何统计指标的栏目。"+
			"栏目名称与指标不同时，可用 fazhi stats indicator alias 指标 栏目名称 添加别名；"+
			"交叉表（如行政复议统计报表）请用 --map 指标=单元格 逐项指定，如 --map 行政复议被申请数=F59。", filepath.Base(wb.Path)), Err: statsheet.ErrNoMapping}
	}
	names := map[string]string{}
	for _, ind := range cat {
		names[ind.Code] = ind.Name
	}
	if p.Known {
		log("按以前保存的对应关系（%d 项）。\n", len(p.Cells))
	} else {
		log("找到 %d 个指标栏目：\n", len(p.Cells))
		for _, m := range p.Cells {
			log("  %s!%s  %s → %s（%s）\n", m.Sheet, statsheet.CellName(m.Col, m.Row), m.Label, names[m.Code], howWords[p.How[m.Code]])
		}
	}
	return p, cat, nil
}

func (c *cli) logf(format string, args ...any) { fmt.Fprintf(c.stdout, format, args...) }
func (c *cli) errf(format string, args ...any) { fmt.Fprintf(c.stderr, format, args...) }

// cmdStatsMap shows how a template maps to indicators and keeps the
// mapping (with the clerk's corrections) for its layout.
func cmdStatsMap(c *cli, args []string) error {
	fs := flag.NewFlagSet("stats map", flag.ContinueOnError)
	var fix mapFlags
	fix.register(fs)
	save := fs.Bool("save", false, "保存对应关系")
	syn := "stats map 模板.xlsx [--map 指标=单元格]... [--unset 指标]... [--save]"
	pos, err := parseArgs(fs, args, 1, syn)
	if err != nil {
		return err
	}
	wb, err := statsheet.ReadFile(pos[0])
	if err != nil {
		return err
	}
	return c.withStore(func(s *data.Store) error {
		p, _, err := c.propose(s, wb, fix, c.logf)
		if err != nil {
			return err
		}
		if !*save && !fix.any() {
			if !p.Known {
				c.logf("（未保存；加 --save 保存这个对应关系，导出、导入时也会自动保存。）\n")
			}
			return nil
		}
		if err := s.SaveTemplateMap(p.TemplateMap); err != nil {
			return err
		}
		c.logf("已保存这个模板的对应关系（%d 项），以后同样格式的报表自动使用。\n", len(p.Cells))
		return nil
	})
}

func cmdStatsExport(c *cli, args []string) error {
	fs := flag.NewFlagSet("stats export", flag.ContinueOnError)
	year := fs.Int("year", 0, "年度")
	out := fs.String("o", "", "输出文件")
	tpl := fs.String("template", "", "模板")
	replace := fs.Bool("replace", false, "覆盖")
	var fix mapFlags
	fix.register(fs)
	syn := "stats export --year 年度 -o 输出.xlsx [--template 模板.xlsx] [--map 指标=单元格]... [--replace]"
	if _, err := parseArgs(fs, args, 0, syn); err != nil {
		return err
	}
	if err := needYear(*year, syn); err != nil {
		return err
	}
	if *out == "" {
		return usage("需要 -o 输出文件。用法：fazhi %s", syn)
	}
	return c.withStore(func(s *data.Store) error {
		stats, err := s.Stats(*year)
		if err != nil {
			return err
		}
		if err := data.StatsExportable(*year, stats); err != nil {
			return err
		}
		if *tpl == "" {
			if err := statsheet.WriteTable(fmt.Sprintf("%d年法治政府建设统计报表", *year), stats, *out, *replace); err != nil {
				return err
			}
			if err := s.NoteExport("统计报表", *out); err != nil {
				return err
			}
			c.logf("已导出 %s。\n", *out)
			return nil
		}
		wb, err := statsheet.ReadFile(*tpl)
		if err != nil {
			return err
		}
		p, _, err := c.propose(s, wb, fix, c.logf)
		if err != nil {
			return err
		}
		n, err := statsheet.Fill(context.Background(), *tpl, p.TemplateMap, stats, *out, *replace)
		if err != nil {
			return err
		}
		if err := p.Keep(s); err != nil {
			return err
		}
		if err := s.NoteExport("统计报表", *out); err != nil {
			return err
		}
		c.logf("已填写 %d 个单元格，导出 %s。模板的其他内容未改动。\n", n, *out)
		return nil
	})
}

// jsonChange is one value `stats import --json` would change.
type jsonChange struct {
	Name  string   `json:"name"`
	Code  string   `json:"code"`
	Typed string   `json:"typed"`
	Old   *float64 `json:"old"`
	New   *float64 `json:"new"`
	Text  string   `json:"text,omitempty"`
}

func cmdStatsImport(c *cli, args []string) error {
	fs := flag.NewFlagSet("stats import", flag.ContinueOnError)
	year := fs.Int("year", 0, "年度")
	dry := fs.Bool("dry-run", false, "只预览")
	asJSON := fs.Bool("json", false, "JSON 输出")
	var fix mapFlags
	fix.register(fs)
	syn := "stats import 文件.xlsx --year 年度 [--dry-run] [--json] [--map 指标=单元格]..."
	pos, err := parseArgs(fs, args, 1, syn)
	if err != nil {
		return err
	}
	if err := needYear(*year, syn); err != nil {
		return err
	}
	wb, err := statsheet.ReadFile(pos[0])
	if err != nil {
		return err
	}
	log := c.logf
	if *asJSON {
		log = c.errf // the mapping goes to stderr, the JSON alone to stdout
	}
	return c.withStore(func(s *data.Store) error {
		p, cat, err := c.propose(s, wb, fix, log)
		if err != nil {
			return err
		}
		entries := statsheet.ReadValues(wb, p.TemplateMap, cat)
		changes, err := s.PreviewValues(*year, entries)
		if err != nil {
			return err
		}
		if *asJSON {
			list := []jsonChange{}
			for _, ch := range changes {
				j := jsonChange{Name: ch.Indicator.Name, Code: ch.Indicator.Code, Typed: ch.Typed, Text: ch.NewText}
				if ch.Indicator.Kind != data.KindText {
					j.New = &ch.New
					if ch.HadOld {
						j.Old = &ch.Old
					}
				}
				list = append(list, j)
			}
			if err := c.printJSON(list); err != nil {
				return err
			}
		} else {
			for _, ch := range changes {
				c.logf("  %s：%s\n", ch.Indicator.Name, ch.Text())
			}
		}
		if *dry {
			log("预览：将改变 %d 项数值，未保存（去掉 --dry-run 即保存）。\n", len(changes))
			return nil
		}
		if len(changes) > 0 {
			if err := beforeChange(s, backup.ReasonImport); err != nil {
				return err
			}
			if _, err := s.SetValues(*year, 0, entries); err != nil {
				return err
			}
		}
		if err := p.Keep(s); err != nil {
			return err
		}
		log("已导入%d年的 %d 项数值（其中 %d 项有变化）。\n", *year, len(entries), len(changes))
		return nil
	})
}

func cmdStatsSum(c *cli, args []string) error {
	fs := flag.NewFlagSet("stats sum", flag.ContinueOnError)
	out := fs.String("o", "", "输出文件")
	asJSON := fs.Bool("json", false, "JSON 输出")
	replace := fs.Bool("replace", false, "覆盖")
	expect := fs.String("expect", "", "应报单位")
	var fix mapFlags
	fix.register(fs)
	syn := "stats sum -o 汇总.xlsx [--expect 单位、单位…] [--json] [--replace] [--map 指标=单元格]... 文件..."
	files, err := parseArgs(fs, args, -1, syn)
	if err != nil {
		return err
	}
	if *out == "" || len(files) == 0 {
		return usage("需要 -o 输出文件和至少一个报表文件。用法：fazhi %s", syn)
	}
	log := c.logf
	if *asJSON {
		log = c.errf
	}
	// The first return that can be read and filled is the template.
	var tpl *statsheet.Workbook
	var first error // why the first file could not serve, said when none can
	for _, f := range files {
		wb, err := statsheet.ReadFile(f)
		if err == nil && wb.IsXLS {
			err = workbook.XLSFillError(f)
		}
		if err == nil {
			tpl = wb
			break
		}
		if first == nil {
			first = err
		}
	}
	if tpl == nil {
		if len(files) == 1 {
			return first
		}
		return &data.UserError{Msg: "没有一个报表可以作为汇总的模板。第一份的问题是：" + data.Message(first), Err: first}
	}
	return c.withStore(func(s *data.Store) error {
		p, cat, err := c.propose(s, tpl, fix, log)
		if err != nil {
			return err
		}
		ctx := context.Background()
		sum, err := statsheet.Sum(ctx, files, p.TemplateMap, cat, data.SplitNames(*expect))
		if err != nil {
			return err
		}
		counted := 0
		for _, u := range sum.Units {
			if u.Counted() {
				counted++
			}
			log("  %s（%s）：%s\n", filepath.Base(u.Path), u.Unit, u.Status())
		}
		if len(sum.Missing) > 0 {
			log("未报送：%s\n", strings.Join(sum.Missing, "、"))
		}
		if err := statsheet.WriteSummary(ctx, tpl.Path, p.TemplateMap, cat, sum, *out, *replace); err != nil {
			return err
		}
		if err := p.Keep(s); err != nil {
			return err
		}
		if err := s.NoteExport("统计汇总", *out); err != nil {
			return err
		}
		log("已汇总 %d 份报表，写入 %s（比率按汇总后的分子、分母重新计算）。\n", counted, *out)
		if *asJSON {
			list := []jsonStat{}
			for _, st := range sum.Figures {
				if !st.Retired {
					list = append(list, statJSON(st))
				}
			}
			return c.printJSON(list)
		}
		return nil
	})
}
