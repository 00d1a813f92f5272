package cli

import (
	"flag"
	"fmt"

	"fazhi/data"
)

func cmdProfile(c *cli, args []string) error {
	if len(args) == 0 {
		return usage("缺少操作。用法：fazhi profile show|set …")
	}
	verb, args := args[0], args[1:]
	fs := flag.NewFlagSet("profile "+verb, flag.ContinueOnError)
	switch verb {
	case "show":
		asJSON := fs.Bool("json", false, "JSON 输出")
		if _, err := parseArgs(fs, args, 0, "profile show [--json]"); err != nil {
			return err
		}
		return c.withStore(func(s *data.Store) error {
			p, err := s.Profile()
			if err != nil {
				return err
			}
			if *asJSON {
				return c.printJSON(p)
			}
			printProfile(c, p)
			return nil
		})
	case "set":
		var p data.Profile
		fields := map[string]*string{
			"name": &p.Name, "party": &p.Party, "short": &p.Short, "level": &p.Level,
			"superior": &p.Superior, "contact": &p.Contact, "phone": &p.Phone,
		}
		for name, ptr := range fields {
			fs.StringVar(ptr, name, "", name)
		}
		synopsis := "profile set [--name 单位名称] [--party 党委名称] [--short 简称] [--level 乡镇|县区|地市] [--superior 上级机关] [--contact 联系人] [--phone 联系电话]"
		if _, err := parseArgs(fs, args, 0, synopsis); err != nil {
			return err
		}
		given := map[string]bool{}
		fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
		if len(given) == 0 {
			return usage("没有给出要修改的项。用法：fazhi %s", synopsis)
		}
		return c.withStore(func(s *data.Store) error {
			old, err := s.Profile()
			if err != nil {
				return err
			}
			// Only the fields named on the command line change.
			oldFields := map[string]*string{
				"name": &old.Name, "party": &old.Party, "short": &old.Short, "level": &old.Level,
				"superior": &old.Superior, "contact": &old.Contact, "phone": &old.Phone,
			}
			for name := range given {
				*oldFields[name] = *fields[name]
			}
			p, err := s.SetProfile(old)
			if err == nil {
				printProfile(c, p)
			}
			return err
		})
	}
	return usage("未知操作“profile %s”。运行 fazhi --help 查看所有命令。", verb)
}

func printProfile(c *cli, p data.Profile) {
	for _, row := range [][2]string{
		{"单位名称", p.Name}, {"党委名称", p.Party}, {"简称", p.ShortName()}, {"层级", p.Level},
		{"上级机关", p.Superior}, {"联系人", p.Contact}, {"联系电话", p.Phone},
	} {
		fmt.Fprintf(c.stdout, "%s：%s\n", row[0], row[1])
	}
}
