package cli

import (
	"flag"
	"fmt"
	"strings"

	"fazhi/data"
)

func cmdStats(c *cli, args []string) error {
	if len(args) == 0 {
		return usage("缺少操作。用法：fazhi stats set|list|check|explain|indicator|map|export|import|sum …")
	}
	verb, args := args[0], args[1:]
	switch verb { // the template commands have their own flags
	case "map":
		return cmdStatsMap(c, args)
	case "export":
		return cmdStatsExport(c, args)
	case "import":
		return cmdStatsImport(c, args)
	case "sum":
		return cmdStatsSum(c, args)
	}
	fs := flag.NewFlagSet("stats "+verb, flag.ContinueOnError)
	year := fs.Int("year", 0, "年度")
	switch verb {
	case "set":
		syn := "stats set --year 年度 名称=数值..."
		pos, err := parseArgs(fs, args, -1, syn)
		if err != nil {
			return err
		}
		if err := needYear(*year, syn); err != nil {
			return err
		}
		if len(pos) == 0 {
			return usage("没有给出要填写的数值。用法：fazhi %s（如 信访受理数=331）", syn)
		}
		var entries []data.Entry
		for _, p := range pos {
			name, val, ok := strings.Cut(p, "=")
			if !ok {
				return usage("“%s”应写成 名称=数值，如 信访受理数=331。", p)
			}
			entries = append(entries, data.Entry{Name: name, Text: val})
		}
		return c.withStore(func(s *data.Store) error {
			cleaned, err := s.SetValues(*year, 0, entries)
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
	case "list":
		asJSON := fs.Bool("json", false, "JSON 输出")
		all := fs.Bool("all", false, "包括停用的指标")
		syn := "stats list --year 年度 [--json] [--all]"
		if _, err := parseArgs(fs, args, 0, syn); err != nil {
			return err
		}
		if err := needYear(*year, syn); err != nil {
			return err
		}
		return c.withStore(func(s *data.Store) error {
			stats, err := s.Stats(*year)
			if err != nil {
				return err
			}
			if *asJSON {
				out := []jsonStat{}
				for _, st := range stats {
					if st.Retired && !*all {
						continue
					}
					out = append(out, statJSON(st))
				}
				return c.printJSON(out)
			}
			cat := ""
			for _, st := range stats {
				if st.Retired && !*all {
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
	case "check":
		asJSON := fs.Bool("json", false, "JSON 输出")
		syn := "stats check --year 年度 [--json]"
		if _, err := parseArgs(fs, args, 0, syn); err != nil {
			return err
		}
		if err := needYear(*year, syn); err != nil {
			return err
		}
		return c.withStore(func(s *data.Store) error {
			stats, err := s.Stats(*year)
			if err != nil {
				return err
			}
			issues := data.CheckStats(stats)
			if *asJSON {
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
				return usage("%d年的统计数据有错误（见上），改正前不能作为正式报表导出。", *year)
			}
			return nil
		})
	case "explain":
		syn := "stats explain --year 年度 名称 说明"
		pos, err := parseArgs(fs, args, 2, syn)
		if err != nil {
			return err
		}
		if err := needYear(*year, syn); err != nil {
			return err
		}
		return c.withStore(func(s *data.Store) error {
			if err := s.Explain(*year, pos[0], pos[1]); err != nil {
				return err
			}
			fmt.Fprintf(c.stdout, "已保存“%s”的说明。\n", pos[0])
			return nil
		})
	case "indicator":
		return c.statsIndicator(args)
	}
	return usage("未知操作“%s”。用法：fazhi stats set|list|check|explain|indicator|map|export|import|sum …", verb)
}

// statsIndicator manages the catalogue: add, rename (the old name stays as
// an alias), alias, retire and reinstate.
func (c *cli) statsIndicator(args []string) error {
	syn := "stats indicator add 名称 --unit 单位 --kind count|amount|rate|text [--category 类别] [--num 分子 --den 分母]\n" +
		"       fazhi stats indicator rename 旧名称 新名称 | alias 名称 别名 | retire 名称 | reinstate 名称"
	if len(args) == 0 {
		return usage("缺少操作。用法：fazhi %s", syn)
	}
	verb, args := args[0], args[1:]
	fs := flag.NewFlagSet("stats indicator "+verb, flag.ContinueOnError)
	var run func(s *data.Store, pos []string) (data.Indicator, error)
	n := 1
	switch verb {
	case "add":
		unit := fs.String("unit", "", "单位")
		kind := fs.String("kind", "count", "类型")
		cat := fs.String("category", "", "类别")
		num := fs.String("num", "", "分子")
		den := fs.String("den", "", "分母")
		run = func(s *data.Store, pos []string) (data.Indicator, error) {
			return s.AddIndicator(data.Indicator{Name: pos[0], Unit: *unit, Kind: data.Kind(*kind), Category: *cat, Num: *num, Den: *den})
		}
	case "rename":
		n = 2
		run = func(s *data.Store, pos []string) (data.Indicator, error) { return s.RenameIndicator(pos[0], pos[1]) }
	case "alias":
		n = 2
		run = func(s *data.Store, pos []string) (data.Indicator, error) { return s.AliasIndicator(pos[0], pos[1]) }
	case "retire", "reinstate":
		run = func(s *data.Store, pos []string) (data.Indicator, error) {
			return s.RetireIndicator(pos[0], verb == "retire")
		}
	default:
		return usage("未知操作“%s”。用法：fazhi %s", verb, syn)
	}
	pos, err := parseArgs(fs, args, n, syn)
	if err != nil {
		return err
	}
	return c.withStore(func(s *data.Store) error {
		ind, err := run(s, pos)
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
