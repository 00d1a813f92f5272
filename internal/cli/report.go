package cli

import (
	"errors"
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

var reportCommands = []command{
	{noun: "report", verb: "import", synopsis: "文件 --year 年度 [--dry-run] [--json] [--replace]", args: 1,
		summary: "读取往年的年度报告（.txt 或 .docx），按“举措和成效、不足、\n主要负责人履职、主要安排、其他”分部分显示；不加 --dry-run 时保存",
		flags:   []string{"year", "dry-run", "json", "replace"}, run: reportImport},
	{noun: "report", verb: "draft", synopsis: "--year 年度 [--replace] [--as-of YYYY-MM-DD]",
		summary: "由该年度的任务、进展和统计数据生成报告草稿并保存", flags: []string{"year", "replace", "as-of"},
		run: func(c *cli, o *opts) error {
			if err := c.needYear("year", o.year); err != nil {
				return err
			}
			day, err := dayOr(o.asOf)
			if err != nil {
				return err
			}
			return c.withStore(func(s *data.Store) error {
				if _, ok, err := s.Report(o.year); err != nil {
					return err
				} else if ok && !o.replace {
					return usage("%d年已经有年度报告了。如确要用新草稿替换（原报告会保存为历史版本，可以恢复），请加 --replace。", o.year)
				}
				figures, err := reportFigures(s, o.year)
				if err != nil {
					return err
				}
				in, err := s.DraftInput(o.year, figures, day)
				if err != nil {
					return err
				}
				r, err := s.CreateReport(data.Draft(in), o.replace)
				if err != nil {
					return err
				}
				c.printReport(r)
				fmt.Fprintf(c.stderr, "已生成%d年年度报告草稿。文中【待填写：…】处请补充，可用 fazhi report check --year %d 检查。\n", o.year, o.year)
				return nil
			})
		}},
	{noun: "report", verb: "check", synopsis: "--year 年度 [--as-of YYYY-MM-DD] [--json]",
		summary: "检查数字是否与统计数据一致、规定部分是否齐全、报送期限；有问题时退出状态为 1", flags: []string{"year", "as-of", "json"},
		run: func(c *cli, o *opts) error {
			if err := c.needYear("year", o.year); err != nil {
				return err
			}
			day, err := dayOr(o.asOf)
			if err != nil {
				return err
			}
			return c.withStore(func(s *data.Store) error {
				r, err := mustReport(s, o.year)
				if err != nil {
					return err
				}
				figures, err := reportFigures(s, o.year)
				if err != nil {
					return err
				}
				p, err := s.Profile()
				if err != nil {
					return err
				}
				problems := data.CheckReport(r, figures, p.Level, day)
				if o.asJSON {
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
					if !o.asJSON {
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
		}},
	{noun: "report", verb: "export", synopsis: "--year 年度 -o 文件.docx|文件.txt [--replace]",
		summary: "按公文格式导出（--replace 覆盖已有文件）；每次导出自动保存历史版本", flags: []string{"year", "o", "replace"},
		run: func(c *cli, o *opts) error {
			if err := c.needYear("year", o.year); err != nil {
				return err
			}
			ext := strings.ToLower(filepath.Ext(o.out))
			if ext != ".docx" && ext != ".txt" {
				return c.usage("需要 -o 文件名，以 .docx 或 .txt 结尾（如 -o 黄江镇2024年法治政府建设年度报告.docx）")
			}
			return c.withStore(func(s *data.Store) error {
				r, err := mustReport(s, o.year)
				if err != nil {
					return err
				}
				if r.Title == "" {
					p, err := s.Profile()
					if err != nil {
						return err
					}
					r.Title = data.DefaultTitle(p, o.year)
				}
				if ext == ".docx" {
					err = reportout.WriteDocx(o.out, r, o.replace)
				} else {
					err = reportout.WriteText(o.out, r, o.replace)
				}
				if err != nil {
					return err
				}
				sn, err := s.SnapshotReport(o.year, "导出 "+filepath.Base(o.out))
				if err != nil {
					return err
				}
				if err := s.NoteExport("年度报告", o.out); err != nil {
					return err
				}
				fmt.Fprintf(c.stderr, "已导出 %s；导出时的内容已保存为历史版本 %d。\n", o.out, sn.ID)
				return nil
			})
		}},
	{noun: "report", verb: "show", synopsis: "--year 年度 [--snapshot 编号] [--json]", flags: []string{"year", "snapshot", "json"},
		run: func(c *cli, o *opts) error {
			if err := c.needYear("year", o.year); err != nil {
				return err
			}
			return c.withStore(func(s *data.Store) error {
				var r data.Report
				var err error
				if o.snapshot > 0 {
					var sn data.Snapshot
					sn, err = s.ReportSnapshot(o.year, o.snapshot)
					r = sn.Report
				} else {
					r, err = mustReport(s, o.year)
				}
				if err != nil {
					return err
				}
				if o.asJSON {
					return c.printJSON(reportJSON(r))
				}
				c.printReport(r)
				return nil
			})
		}},
	{noun: "report", verb: "snapshots", synopsis: "--year 年度", summary: "列出历史版本", flags: []string{"year"},
		run: func(c *cli, o *opts) error {
			if err := c.needYear("year", o.year); err != nil {
				return err
			}
			return c.withStore(func(s *data.Store) error {
				snaps, err := s.ReportSnapshots(o.year)
				if err != nil {
					return err
				}
				if len(snaps) == 0 {
					fmt.Fprintf(c.stderr, "%d年年度报告还没有历史版本（每次导出时自动保存）。\n", o.year)
				}
				for _, sn := range snaps {
					fmt.Fprintf(c.stdout, "%d\t%s\t%s\n", sn.ID, sn.At.Local().Format("2006-01-02 15:04"), sn.Reason)
				}
				return nil
			})
		}},
	{noun: "report", verb: "restore", synopsis: "--year 年度 --snapshot 编号", summary: "恢复历史版本（恢复前的内容也保存为历史版本）",
		flags: []string{"year", "snapshot"},
		run: func(c *cli, o *opts) error {
			if err := c.needYear("year", o.year); err != nil {
				return err
			}
			if o.snapshot == 0 {
				return c.usage("需要 --snapshot 编号（用 fazhi report snapshots --year %d 查看）", o.year)
			}
			return c.withStore(func(s *data.Store) error {
				if _, err := s.RestoreReport(o.year, o.snapshot); err != nil {
					return err
				}
				fmt.Fprintf(c.stderr, "已恢复历史版本 %d；恢复前的报告也已保存为历史版本。\n", o.snapshot)
				return nil
			})
		}},
}

// errReportProblems marks a check that found problems (exit status 1).
var errReportProblems = errors.New("report has problems")

func reportImport(c *cli, o *opts) error {
	if err := c.needYear("year", o.year); err != nil {
		return err
	}
	res, err := reportin.ReadFile(o.pos[0])
	if err != nil {
		return err
	}
	r := res.Report
	r.Year = o.year
	if o.asJSON {
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
	if o.dryRun {
		return nil
	}
	return c.withStore(func(s *data.Store) error {
		if _, err := s.ImportReport(r, o.replace); err != nil {
			return err
		}
		var parts []string
		for _, sec := range r.Sections {
			parts = append(parts, sec.Key.Label())
		}
		fmt.Fprintf(c.stderr, "已导入%d年年度报告：%s。\n", o.year, strings.Join(parts, "、"))
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
