package main

import (
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strings"

	"fazhi/data"
	"fazhi/export/reportin"
	"fazhi/export/reportout"
)

// reportFigures gives the report the year's statistics (draft, check); a
// variable so tests can set the figures a report is checked against.
var reportFigures = (*data.Store).Figures

// jsonReport is the shape `report import --json` prints (the issue fixes it).
type jsonReport struct {
	Title     string        `json:"title"`
	Addressee string        `json:"addressee"`
	Sections  []jsonSection `json:"sections"`
	Signature []string      `json:"signature"`
	Date      data.Date     `json:"date"`
}

type jsonSection struct {
	Key     data.SectionKey `json:"key"`
	Heading string          `json:"heading"`
	Text    string          `json:"text"`
}

func reportJSON(r data.Report) jsonReport {
	out := jsonReport{Title: r.Title, Addressee: r.Addressee, Sections: []jsonSection{}, Signature: r.Signature, Date: r.Date}
	if out.Signature == nil {
		out.Signature = []string{}
	}
	for _, s := range r.Sections {
		out.Sections = append(out.Sections, jsonSection{s.Key, s.Heading, s.Text})
	}
	return out
}

func cmdReport(c *cli, args []string) error {
	if len(args) == 0 {
		return usage("缺少操作。用法：fazhi report import|draft|check|export|show|snapshots|restore …")
	}
	verb, args := args[0], args[1:]
	fs := flag.NewFlagSet("report "+verb, flag.ContinueOnError)
	year := fs.Int("year", 0, "年度")
	switch verb {
	case "import":
		return c.reportImport(fs, year, args)
	case "draft":
		replace := fs.Bool("replace", false, "替换已有的报告")
		asOf := fs.String("as-of", "", "判断逾期的日期")
		syn := "report draft --year 年度 [--replace] [--as-of YYYY-MM-DD]"
		if _, err := parseArgs(fs, args, 0, syn); err != nil {
			return err
		}
		if err := needYear(*year, syn); err != nil {
			return err
		}
		day, err := dayOr(*asOf)
		if err != nil {
			return err
		}
		return c.withStore(func(s *data.Store) error {
			if _, ok, err := s.Report(*year); err != nil {
				return err
			} else if ok && !*replace {
				return usage("%d年已经有年度报告了。如确要用新草稿替换（原报告会保存为历史版本，可以恢复），请加 --replace。", *year)
			}
			figures, err := reportFigures(s, *year)
			if err != nil {
				return err
			}
			in, err := s.DraftInput(*year, figures, day)
			if err != nil {
				return err
			}
			r, err := s.CreateReport(data.Draft(in), *replace)
			if err != nil {
				return err
			}
			c.printReport(r)
			fmt.Fprintf(c.stderr, "已生成%d年年度报告草稿。文中【待填写：…】处请补充，可用 fazhi report check --year %d 检查。\n", *year, *year)
			return nil
		})
	case "check":
		asOf := fs.String("as-of", "", "计算期限的日期")
		asJSON := fs.Bool("json", false, "JSON 输出")
		syn := "report check --year 年度 [--as-of YYYY-MM-DD] [--json]"
		if _, err := parseArgs(fs, args, 0, syn); err != nil {
			return err
		}
		if err := needYear(*year, syn); err != nil {
			return err
		}
		day, err := dayOr(*asOf)
		if err != nil {
			return err
		}
		return c.withStore(func(s *data.Store) error {
			r, err := mustReport(s, *year)
			if err != nil {
				return err
			}
			figures, err := reportFigures(s, *year)
			if err != nil {
				return err
			}
			p, err := s.Profile()
			if err != nil {
				return err
			}
			problems := data.CheckReport(r, figures, p.Level, day)
			if *asJSON {
				if problems == nil {
					problems = []data.Problem{}
				}
				if err := c.printJSON(problems); err != nil {
					return err
				}
			}
			n := 0
			for _, pr := range problems {
				if !pr.Info {
					n++
				}
				if !*asJSON {
					where := ""
					if pr.Section != "" {
						where = "［" + pr.Section.Label() + "］"
					}
					mark := "✗"
					if pr.Info {
						mark = "·"
					}
					fmt.Fprintf(c.stdout, "%s %s%s\n", mark, where, pr.Message)
				}
			}
			if n > 0 {
				return &data.UserError{Msg: fmt.Sprintf("检查发现 %d 个问题，请修改后再导出。", n), Err: errReportProblems}
			}
			fmt.Fprintln(c.stderr, "检查通过：没有发现问题。")
			return nil
		})
	case "export":
		out := fs.String("o", "", "导出文件（.docx 或 .txt）")
		force := fs.Bool("force", false, "覆盖已有文件")
		syn := "report export --year 年度 -o 文件.docx|文件.txt [--force]"
		if _, err := parseArgs(fs, args, 0, syn); err != nil {
			return err
		}
		if err := needYear(*year, syn); err != nil {
			return err
		}
		ext := strings.ToLower(filepath.Ext(*out))
		if ext != ".docx" && ext != ".txt" {
			return usage("需要 -o 文件名，以 .docx 或 .txt 结尾（如 -o 黄江镇2024年法治政府建设年度报告.docx）。用法：fazhi %s", syn)
		}
		return c.withStore(func(s *data.Store) error {
			r, err := mustReport(s, *year)
			if err != nil {
				return err
			}
			if r.Title == "" {
				p, err := s.Profile()
				if err != nil {
					return err
				}
				r.Title = data.DefaultTitle(p, *year)
			}
			if ext == ".docx" {
				err = reportout.WriteDocx(*out, r, *force)
			} else {
				err = reportout.WriteText(*out, r, *force)
			}
			if err != nil {
				return err
			}
			sn, err := s.SnapshotReport(*year, "导出 "+filepath.Base(*out))
			if err != nil {
				return err
			}
			if err := s.NoteExport("年度报告", *out); err != nil {
				return err
			}
			fmt.Fprintf(c.stderr, "已导出 %s；导出时的内容已保存为历史版本 %d。\n", *out, sn.ID)
			return nil
		})
	case "show":
		snap := fs.Uint64("snapshot", 0, "历史版本编号")
		asJSON := fs.Bool("json", false, "JSON 输出")
		syn := "report show --year 年度 [--snapshot 编号] [--json]"
		if _, err := parseArgs(fs, args, 0, syn); err != nil {
			return err
		}
		if err := needYear(*year, syn); err != nil {
			return err
		}
		return c.withStore(func(s *data.Store) error {
			var r data.Report
			var err error
			if *snap > 0 {
				var sn data.Snapshot
				sn, err = s.ReportSnapshot(*year, *snap)
				r = sn.Report
			} else {
				r, err = mustReport(s, *year)
			}
			if err != nil {
				return err
			}
			if *asJSON {
				return c.printJSON(reportJSON(r))
			}
			c.printReport(r)
			return nil
		})
	case "snapshots":
		syn := "report snapshots --year 年度"
		if _, err := parseArgs(fs, args, 0, syn); err != nil {
			return err
		}
		if err := needYear(*year, syn); err != nil {
			return err
		}
		return c.withStore(func(s *data.Store) error {
			snaps, err := s.ReportSnapshots(*year)
			if err != nil {
				return err
			}
			if len(snaps) == 0 {
				fmt.Fprintf(c.stderr, "%d年年度报告还没有历史版本（每次导出时自动保存）。\n", *year)
			}
			for _, sn := range snaps {
				fmt.Fprintf(c.stdout, "%d\t%s\t%s\n", sn.ID, sn.At.Local().Format("2006-01-02 15:04"), sn.Reason)
			}
			return nil
		})
	case "restore":
		snap := fs.Uint64("snapshot", 0, "历史版本编号")
		syn := "report restore --year 年度 --snapshot 编号"
		if _, err := parseArgs(fs, args, 0, syn); err != nil {
			return err
		}
		if err := needYear(*year, syn); err != nil {
			return err
		}
		if *snap == 0 {
			return usage("需要 --snapshot 编号（用 fazhi report snapshots --year %d 查看）。用法：fazhi %s", *year, syn)
		}
		return c.withStore(func(s *data.Store) error {
			if _, err := s.RestoreReport(*year, *snap); err != nil {
				return err
			}
			fmt.Fprintf(c.stderr, "已恢复历史版本 %d；恢复前的报告也已保存为历史版本。\n", *snap)
			return nil
		})
	}
	return usage("未知操作“%s”。用法：fazhi report import|draft|check|export|show|snapshots|restore …", verb)
}

// errReportProblems marks a check that found problems (exit status 1).
var errReportProblems = errors.New("report has problems")

func (c *cli) reportImport(fs *flag.FlagSet, year *int, args []string) error {
	dry := fs.Bool("dry-run", false, "只显示，不保存")
	asJSON := fs.Bool("json", false, "JSON 输出")
	replace := fs.Bool("replace", false, "替换该年度已有的报告")
	syn := "report import 文件 --year 年度 [--dry-run] [--json] [--replace]"
	pos, err := parseArgs(fs, args, 1, syn)
	if err != nil {
		return err
	}
	if err := needYear(*year, syn); err != nil {
		return err
	}
	res, err := reportin.ReadFile(pos[0])
	if err != nil {
		return err
	}
	r := res.Report
	r.Year = *year
	if *asJSON {
		if err := c.printJSON(reportJSON(r)); err != nil {
			return err
		}
	} else {
		c.printReport(r)
		if n := len(res.Dropped); n > 0 {
			fmt.Fprintf(c.stdout, "作为网页杂项略去 %d 行：\n", n)
			for _, d := range res.Dropped {
				fmt.Fprintf(c.stdout, "  × %s\n", d)
			}
		}
	}
	if *dry {
		return nil
	}
	return c.withStore(func(s *data.Store) error {
		if _, err := s.ImportReport(r, *replace); err != nil {
			return err
		}
		var parts []string
		for _, sec := range r.Sections {
			parts = append(parts, sec.Key.Label())
		}
		fmt.Fprintf(c.stderr, "已导入%d年年度报告：%s。\n", *year, strings.Join(parts, "、"))
		return nil
	})
}

// printReport shows a report as plain text, parts numbered, with a line
// naming each part's key so a clerk can check the mapping.
func (c *cli) printReport(r data.Report) {
	text := strings.ReplaceAll(reportout.Text(r), "\r\n", "\n")
	fmt.Fprint(c.stdout, text)
	var keys []string
	for _, s := range r.Sections {
		keys = append(keys, s.Key.Label()+"（"+string(s.Key)+"）")
	}
	fmt.Fprintf(c.stdout, "——共 %d 部分：%s；落款 %d 行；成文日期：%s\n", len(r.Sections), strings.Join(keys, "、"), len(r.Signature), orNone(r.Date.Chinese()))
}

func orNone(s string) string {
	if s == "" {
		return "未识别"
	}
	return s
}

func mustReport(s *data.Store, year int) (data.Report, error) {
	r, ok, err := s.Report(year)
	if err == nil && !ok {
		err = &data.UserError{Msg: fmt.Sprintf("%d年还没有年度报告。可以先生成草稿（fazhi report draft --year %d）或导入（fazhi report import 文件 --year %d）。", year, year, year), Err: data.ErrNotFound}
	}
	return r, err
}

// dayOr parses --as-of, or gives today.
func dayOr(s string) (data.Date, error) {
	if s == "" {
		return data.Today(), nil
	}
	return data.ParseDate(s)
}
