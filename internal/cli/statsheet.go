package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fazhi/data"
	"fazhi/export/statsheet"
	"fazhi/export/workbook"
)

// howWords say how a template row was matched to an indicator.
var howWords = map[string]string{statsheet.HowExact: "名称一致", statsheet.HowAlias: "别名", statsheet.HowSimilar: "相似，请核对", statsheet.HowManual: "手工指定"}

// mapFlags are the corrections a clerk gives to a proposed mapping:
// --map 名称=E12 puts an indicator at a cell, --unset 名称 drops it.
type mapFlags struct{ set, unset multi }

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
func statsMap(c *cli, o *opts) error {
	fix := mapFlags{o.maps, o.unset}
	wb, err := statsheet.ReadFile(o.pos[0])
	if err != nil {
		return err
	}
	return c.withStore(func(s *data.Store) error {
		p, _, err := c.propose(s, wb, fix, c.logf)
		if err != nil {
			return err
		}
		if !o.save && !fix.any() {
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

func statsExport(c *cli, o *opts) error {
	if err := c.needYear("year", o.year); err != nil {
		return err
	}
	fix := mapFlags{o.maps, o.unset}
	if o.out == "" {
		return c.usage("需要 -o 输出文件")
	}
	return c.withStore(func(s *data.Store) error {
		stats, err := s.Stats(o.year)
		if err != nil {
			return err
		}
		if err := data.StatsExportable(o.year, stats); err != nil {
			return err
		}
		if o.template == "" {
			if err := statsheet.WriteTable(fmt.Sprintf("%d年法治政府建设统计报表", o.year), stats, o.out, o.replace); err != nil {
				return err
			}
			if err := s.NoteExport("统计报表", o.out); err != nil {
				return err
			}
			c.logf("已导出 %s。\n", o.out)
			return nil
		}
		wb, err := statsheet.ReadFile(o.template)
		if err != nil {
			return err
		}
		p, _, err := c.propose(s, wb, fix, c.logf)
		if err != nil {
			return err
		}
		n, err := statsheet.Fill(context.Background(), o.template, p.TemplateMap, stats, o.out, o.replace)
		if err != nil {
			return err
		}
		if err := p.Keep(s); err != nil {
			return err
		}
		if err := s.NoteExport("统计报表", o.out); err != nil {
			return err
		}
		c.logf("已填写 %d 个单元格，导出 %s。模板的其他内容未改动。\n", n, o.out)
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

func statsImport(c *cli, o *opts) error {
	if err := c.needYear("year", o.year); err != nil {
		return err
	}
	fix := mapFlags{o.maps, o.unset}
	wb, err := statsheet.ReadFile(o.pos[0])
	if err != nil {
		return err
	}
	log := c.logf
	if o.asJSON {
		log = c.errf // the mapping goes to stderr, the JSON alone to stdout
	}
	return c.withStore(func(s *data.Store) error {
		p, cat, err := c.propose(s, wb, fix, log)
		if err != nil {
			return err
		}
		entries := statsheet.ReadValues(wb, p.TemplateMap, cat)
		changes, err := s.PreviewValues(o.year, entries)
		if err != nil {
			return err
		}
		if o.asJSON {
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
		if o.dryRun {
			log("预览：将改变 %d 项数值，未保存（去掉 --dry-run 即保存）。\n", len(changes))
			return nil
		}
		if len(changes) > 0 {
			if _, err := s.ImportValues(o.year, entries); err != nil {
				return err
			}
		}
		if err := p.Keep(s); err != nil {
			return err
		}
		log("已导入%d年的 %d 项数值（其中 %d 项有变化）。\n", o.year, len(entries), len(changes))
		return nil
	})
}

func statsSum(c *cli, o *opts) error {
	fix := mapFlags{o.maps, o.unset}
	files := o.pos
	if o.out == "" || len(files) == 0 {
		return c.usage("需要 -o 输出文件和至少一个报表文件")
	}
	log := c.logf
	if o.asJSON {
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
		units := data.SplitNames(o.expect)
		if !o.given["expect"] {
			// The list the window saved in the data file.
			if units, err = s.ExpectedUnits(); err != nil {
				return err
			}
			if len(units) > 0 {
				log("应报送的单位（数据文件中保存的名单，可用 --expect 另行指定）：%s\n", strings.Join(units, "、"))
			}
		}
		ctx := context.Background()
		sum, err := statsheet.Sum(ctx, files, p.TemplateMap, cat, units)
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
		if err := statsheet.WriteSummary(ctx, tpl.Path, p.TemplateMap, cat, sum, o.out, o.replace); err != nil {
			return err
		}
		if err := p.Keep(s); err != nil {
			return err
		}
		if err := s.NoteExport("统计汇总", o.out); err != nil {
			return err
		}
		log("已汇总 %d 份报表，写入 %s（比率按汇总后的分子、分母重新计算）。\n", counted, o.out)
		if o.asJSON {
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
