package cli

import (
	"fmt"
	"strings"

	"fazhi/data"
	"fazhi/internal/action"
)

var deptCommands = []command{
	{noun: "dept", verb: "add", synopsis: "名称 [--alias 别名]...", summary: "登记部门（别名可写多个 --alias）", args: 1, flags: []string{"alias"},
		run: func(c *cli, o *opts) error {
			return c.withStore(func(s *data.Store) error {
				d, err := s.AddDepartment(o.pos[0], o.alias...)
				if err == nil {
					fmt.Fprintf(c.stdout, "已登记部门：%s\n", deptLine(d))
				}
				return err
			})
		}},
	{noun: "dept", verb: "list", synopsis: "[--json]", summary: "列出所有部门及其别名", flags: []string{"json"},
		run: func(c *cli, o *opts) error {
			return c.withStore(func(s *data.Store) error {
				all, err := s.Departments()
				if err != nil {
					return err
				}
				if o.asJSON {
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
		}},
	{noun: "dept", verb: "resolve", synopsis: "名称", summary: "显示名称或别名对应的正式部门名称", args: 1,
		run: func(c *cli, o *opts) error {
			return c.withStore(func(s *data.Store) error {
				d, err := s.ResolveDepartment(o.pos[0])
				if err == nil {
					fmt.Fprintln(c.stdout, d.Name)
				}
				return err
			})
		}},
	{noun: "dept", verb: "alias", synopsis: "名称 别名", summary: "为部门添加别名", args: 2,
		run: func(c *cli, o *opts) error {
			return c.changeDept(func(s *data.Store) (data.Department, error) { return s.AddAlias(o.pos[0], o.pos[1]) })
		}},
	{noun: "dept", verb: "unalias", synopsis: "别名", summary: "删除一个别名", args: 1,
		run: func(c *cli, o *opts) error {
			return c.changeDept(func(s *data.Store) (data.Department, error) { return s.RemoveAlias(o.pos[0]) })
		}},
	{noun: "dept", verb: "rename", synopsis: "旧名称 新名称", summary: "重命名部门（旧名称保留为别名）", args: 2,
		run: func(c *cli, o *opts) error {
			return c.changeDept(func(s *data.Store) (data.Department, error) { return s.RenameDepartment(o.pos[0], o.pos[1]) })
		}},
	{noun: "dept", verb: "merge", synopsis: "被并入部门 目标部门", summary: "把一个部门合并到另一个部门，所有引用随之改变", args: 2,
		run: func(c *cli, o *opts) error {
			return c.changeDept(func(s *data.Store) (data.Department, error) { return action.MergeDepartments(s, o.pos[0], o.pos[1]) })
		}},
	{noun: "dept", verb: "delete", synopsis: "名称", summary: "删除未被任何任务引用的部门", args: 1,
		run: func(c *cli, o *opts) error {
			return c.withStore(func(s *data.Store) error {
				err := s.DeleteDepartment(o.pos[0])
				if err == nil {
					fmt.Fprintf(c.stdout, "已删除部门：%s\n", data.NormalizeName(o.pos[0]))
				}
				return err
			})
		}},
	{noun: "dept", verb: "suggest", synopsis: "[--json]", summary: "列出可能重复的部门（只提示，不合并）", flags: []string{"json"},
		run: func(c *cli, o *opts) error {
			return c.withStore(func(s *data.Store) error {
				sugg, err := s.DuplicateSuggestions()
				if err != nil {
					return err
				}
				if o.asJSON {
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
		}},
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
