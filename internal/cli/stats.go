package cli

import (
	"fmt"
	"strings"

	"fazhi/data"
)

var statsCommands = []command{
	{noun: "stats", verb: "set", synopsis: "--year 年度 名称=数值...", args: -1, flags: []string{"year"},
		summary: "填写统计数值（名称可用指标名称、代码或别名；331、３３１、2,707、2.5万、无 都可以）",
		run: func(c *cli, o *opts) error {
			if err := c.needYear("year", o.year); err != nil {
				return err
			}
			if len(o.pos) == 0 {
				return c.usage("没有给出要填写的数值（如 信访受理数=331）")
			}
			var entries []data.Entry
			for _, p := range o.pos {
				name, val, ok := strings.Cut(p, "=")
				if !ok {
					return usage("“%s”应写成 名称=数值，如 信访受理数=331。", p)
				}
				entries = append(entries, data.Entry{Name: name, Text: val})
			}
			return c.withStore(func(s *data.Store) error {
				cleaned, err := s.SetValues(o.year, 0, entries)
				if err != nil {
					return err
				}
				for _, cl := range cleaned {
					v := data.FormatValue(cl.Value)
					if cl.Indicator.Kind == data.KindText {
						v = cl.Text
					}
					fmt.Fprintf(c.stdout, "%s = %s%s（填写为“%s”）\n", cl.Indicator.Name, v, cl.Indicator.Unit, cl.Typed)
				}
				return nil
			})
		}},
	{noun: "stats", verb: "list", synopsis: "--year 年度 [--json] [--all]", flags: []string{"year", "json", "all"},
		summary: "列出全部指标的本年值和上年值（比率由分子分母自动计算）",
		run: func(c *cli, o *opts) error {
			if err := c.needYear("year", o.year); err != nil {
				return err
			}
			return c.withStore(func(s *data.Store) error {
				stats, err := s.Stats(o.year)
				if err != nil {
					return err
				}
				if o.asJSON {
					out := []jsonStat{}
					for _, st := range stats {
						if st.Retired && !o.all {
							continue
						}
						out = append(out, statJSON(st))
					}
					return c.printJSON(out)
				}
				cat := ""
				for _, st := range stats {
					if st.Retired && !o.all {
						continue
					}
					if st.Category != cat {
						cat = st.Category
						fmt.Fprintf(c.stdout, "【%s】\n", cat)
					}
					fmt.Fprintf(c.stdout, "  %s %s：%s（上年 %s）\n", st.Code, st.Name, statText(st, st.Has, st.Value, true), statText(st, st.HasLast, st.LastYear, false))
				}
				return nil
			})
		}},
	{noun: "stats", verb: "check", synopsis: "--year 年度 [--json]", flags: []string{"year", "json"},
		summary: "按错误、核实、提示检查本年数据；有错误时退出状态为 1",
		run: func(c *cli, o *opts) error {
			if err := c.needYear("year", o.year); err != nil {
				return err
			}
			return c.withStore(func(s *data.Store) error {
				stats, err := s.Stats(o.year)
				if err != nil {
					return err
				}
				issues := data.CheckStats(stats)
				if o.asJSON {
					if issues == nil {
						issues = []data.Issue{}
					}
					if err := c.printJSON(issues); err != nil {
						return err
					}
				} else {
					for _, i := range issues {
						fmt.Fprintf(c.stdout, "[%s] %s\n", i.Severity, i.Message)
					}
				}
				if data.HasErrors(issues) {
					return usage("%d年的统计数据有错误（见上），改正前不能作为正式报表导出。", o.year)
				}
				return nil
			})
		}},
	{noun: "stats", verb: "explain", synopsis: "--year 年度 名称 说明", args: 2, flags: []string{"year"}, summary: "为需要核实的数据写明说明",
		run: func(c *cli, o *opts) error {
			if err := c.needYear("year", o.year); err != nil {
				return err
			}
			return c.withStore(func(s *data.Store) error {
				if err := s.Explain(o.year, o.pos[0], o.pos[1]); err != nil {
					return err
				}
				fmt.Fprintf(c.stdout, "已保存“%s”的说明。\n", o.pos[0])
				return nil
			})
		}},
	{noun: "stats", verb: "indicator add", synopsis: "名称 --unit 单位 --kind count|amount|rate|text [--category 类别] [--num 分子 --den 分母]", args: 1,
		summary: "增加指标（比率指标给出分子和分母）", flags: []string{"unit", "kind", "category", "num", "den"},
		run: changeIndicator(func(s *data.Store, o *opts) (data.Indicator, error) {
			return s.AddIndicator(data.Indicator{Name: o.pos[0], Unit: o.unit, Kind: data.Kind(o.kind), Category: o.category, Num: o.num, Den: o.den})
		})},
	{noun: "stats", verb: "indicator rename", synopsis: "旧名称 新名称", args: 2, summary: "指标改名（旧名称保留为别名）",
		run: changeIndicator(func(s *data.Store, o *opts) (data.Indicator, error) { return s.RenameIndicator(o.pos[0], o.pos[1]) })},
	{noun: "stats", verb: "indicator alias", synopsis: "名称 别名", args: 2, summary: "为指标添加别名",
		run: changeIndicator(func(s *data.Store, o *opts) (data.Indicator, error) { return s.AliasIndicator(o.pos[0], o.pos[1]) })},
	{noun: "stats", verb: "indicator retire", synopsis: "名称", args: 1, summary: "停用指标（历史数据保留）",
		run: changeIndicator(func(s *data.Store, o *opts) (data.Indicator, error) { return s.RetireIndicator(o.pos[0], true) })},
	{noun: "stats", verb: "indicator reinstate", synopsis: "名称", args: 1, summary: "重新启用停用的指标",
		run: changeIndicator(func(s *data.Store, o *opts) (data.Indicator, error) { return s.RetireIndicator(o.pos[0], false) })},
	{noun: "stats", verb: "map", synopsis: "模板.xlsx [--map 指标=单元格]... [--unset 指标]... [--save]", args: 1,
		summary: "显示市里统计报表模板各栏目对应的指标；--map/--unset 改正后保存，\n同样格式的报表以后自动对应",
		flags:   []string{"map", "unset", "save"}, run: statsMap},
	{noun: "stats", verb: "export", synopsis: "--year 年度 -o 输出.xlsx [--template 模板.xlsx] [--map 指标=单元格]... [--unset 指标]... [--replace]",
		summary: "导出统计报表：有模板时只填对应的单元格，模板其余内容不变；有错误时不能导出",
		flags:   []string{"year", "o", "template", "map", "unset", "replace"}, run: statsExport},
	{noun: "stats", verb: "import", synopsis: "文件.xlsx --year 年度 [--dry-run] [--json] [--map 指标=单元格]... [--unset 指标]...", args: 1,
		summary: "读入填好的报表，先列出将改变的数值（比率不读入，由分子分母计算）",
		flags:   []string{"year", "dry-run", "json", "map", "unset"}, run: statsImport},
	{noun: "stats", verb: "sum", synopsis: "-o 汇总.xlsx [--expect 单位、单位…] [--json] [--replace] [--map 指标=单元格]... [--unset 指标]... 文件...", args: -1,
		summary: "汇总多个单位的同一报表：数量相加，比率按汇总后的分子分母重新计算；\n另附“各单位数据”表，列出缺报、重复和有错误的报表；\n不加 --expect 时用窗口中保存的应报送单位名单",
		flags:   []string{"o", "expect", "json", "replace", "map", "unset"}, run: statsSum},
}

// changeIndicator runs one change to the catalogue and prints the
// indicator as it now is.
func changeIndicator(change func(s *data.Store, o *opts) (data.Indicator, error)) func(c *cli, o *opts) error {
	return func(c *cli, o *opts) error {
		return c.withStore(func(s *data.Store) error {
			ind, err := change(s, o)
			if err != nil {
				return err
			}
			state := ""
			if ind.Retired {
				state = "（已停用，历史数据保留）"
			}
			fmt.Fprintf(c.stdout, "%s %s（%s，%s）%s\n", ind.Code, ind.Name, ind.Unit, ind.Category, state)
			return nil
		})
	}
}

// jsonStat is the shape `stats list --json` promises.
type jsonStat struct {
	Name     string   `json:"name"`
	Code     string   `json:"code"`
	Unit     string   `json:"unit"`
	Kind     string   `json:"kind"`
	Value    *float64 `json:"value"`
	LastYear *float64 `json:"last_year"`
}

func statJSON(st data.Stat) jsonStat {
	j := jsonStat{Name: st.Name, Code: st.Code, Unit: st.Unit, Kind: string(st.Kind)}
	if st.Has && st.Kind != data.KindText {
		v := st.Value
		j.Value = &v
	}
	if st.HasLast && st.Kind != data.KindText {
		v := st.LastYear
		j.LastYear = &v
	}
	return j
}

// statText shows a figure; parts adds a rate's numerator and denominator
// (known for this year only).
func statText(st data.Stat, has bool, v float64, parts bool) string {
	switch {
	case st.Kind == data.KindText && has:
		return st.Text
	case !has:
		return "未填"
	case st.Kind == data.KindRate && !parts:
		return data.FormatValue(v) + "%"
	case st.Kind == data.KindRate:
		return fmt.Sprintf("%s%%（%s/%s）", data.FormatValue(v), data.FormatValue(st.Num), data.FormatValue(st.Den))
	}
	return data.FormatValue(v) + st.Unit
}
