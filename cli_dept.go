package main

import (
	"flag"
	"fmt"
	"strings"

	"fazhi/data"
)

func cmdDept(c *cli, args []string) error {
	if len(args) == 0 {
		return usage("缺少操作。用法：fazhi dept add|list|resolve|alias|unalias|rename|merge|delete|suggest …")
	}
	verb, args := args[0], args[1:]
	fs := flag.NewFlagSet("dept "+verb, flag.ContinueOnError)
	switch verb {
	case "add":
		var aliases multi
		fs.Var(&aliases, "alias", "别名")
		pos, err := parseArgs(fs, args, 1, "dept add 名称 [--alias 别名]...")
		if err != nil {
			return err
		}
		return c.withStore(func(s *data.Store) error {
			d, err := s.AddDepartment(pos[0], aliases...)
			if err == nil {
				fmt.Fprintf(c.stdout, "已登记部门：%s\n", deptLine(d))
			}
			return err
		})
	case "list":
		asJSON := fs.Bool("json", false, "JSON 输出")
		if _, err := parseArgs(fs, args, 0, "dept list [--json]"); err != nil {
			return err
		}
		return c.withStore(func(s *data.Store) error {
			all, err := s.Departments()
			if err != nil {
				return err
			}
			if *asJSON {
				if all == nil {
					all = []data.Department{}
				}
				return c.printJSON(all)
			}
			for _, d := range all {
				fmt.Fprintln(c.stdout, deptLine(d))
			}
			return nil
		})
	case "resolve":
		pos, err := parseArgs(fs, args, 1, "dept resolve 名称")
		if err != nil {
			return err
		}
		return c.withStore(func(s *data.Store) error {
			d, err := s.ResolveDepartment(pos[0])
			if err == nil {
				fmt.Fprintln(c.stdout, d.Name)
			}
			return err
		})
	case "alias":
		pos, err := parseArgs(fs, args, 2, "dept alias 名称 别名")
		if err != nil {
			return err
		}
		return c.changeDept(func(s *data.Store) (data.Department, error) { return s.AddAlias(pos[0], pos[1]) })
	case "unalias":
		pos, err := parseArgs(fs, args, 1, "dept unalias 别名")
		if err != nil {
			return err
		}
		return c.changeDept(func(s *data.Store) (data.Department, error) { return s.RemoveAlias(pos[0]) })
	case "rename":
		pos, err := parseArgs(fs, args, 2, "dept rename 旧名称 新名称")
		if err != nil {
			return err
		}
		return c.changeDept(func(s *data.Store) (data.Department, error) { return s.RenameDepartment(pos[0], pos[1]) })
	case "merge":
		pos, err := parseArgs(fs, args, 2, "dept merge 被并入部门 目标部门")
		if err != nil {
			return err
		}
		return c.changeDept(func(s *data.Store) (data.Department, error) { return s.MergeDepartments(pos[0], pos[1]) })
	case "delete":
		pos, err := parseArgs(fs, args, 1, "dept delete 名称")
		if err != nil {
			return err
		}
		return c.withStore(func(s *data.Store) error {
			err := s.DeleteDepartment(pos[0])
			if err == nil {
				fmt.Fprintf(c.stdout, "已删除部门：%s\n", data.NormalizeName(pos[0]))
			}
			return err
		})
	case "suggest":
		asJSON := fs.Bool("json", false, "JSON 输出")
		if _, err := parseArgs(fs, args, 0, "dept suggest [--json]"); err != nil {
			return err
		}
		return c.withStore(func(s *data.Store) error {
			sugg, err := s.DuplicateSuggestions()
			if err != nil {
				return err
			}
			if *asJSON {
				out := []map[string]string{}
				for _, g := range sugg {
					out = append(out, map[string]string{"a": g.A.Name, "b": g.B.Name, "reason": g.Reason})
				}
				return c.printJSON(out)
			}
			for _, g := range sugg {
				fmt.Fprintf(c.stdout, "%s ~ %s：%s\n", g.A.Name, g.B.Name, g.Reason)
			}
			return nil
		})
	}
	return usage("未知操作“dept %s”。运行 fazhi --help 查看所有命令。", verb)
}

// changeDept runs one change to a department and prints the result.
func (c *cli) changeDept(fn func(s *data.Store) (data.Department, error)) error {
	return c.withStore(func(s *data.Store) error {
		d, err := fn(s)
		if err == nil {
			fmt.Fprintln(c.stdout, deptLine(d))
		}
		return err
	})
}

func deptLine(d data.Department) string {
	if len(d.Aliases) == 0 {
		return d.Name
	}
	return d.Name + "（别名：" + strings.Join(d.Aliases, "、") + "）"
}
