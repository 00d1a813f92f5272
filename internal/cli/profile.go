package cli

import (
	"fmt"

	"fazhi/data"
)

var profileCommands = []command{
	{noun: "profile", verb: "show", synopsis: "[--json]", summary: "显示单位信息", flags: []string{"json"},
		run: func(c *cli, o *opts) error {
			return c.withStore(func(s *data.Store) error {
				p, err := s.Profile()
				if err != nil {
					return err
				}
				if o.asJSON {
					return c.printJSON(p)
				}
				printProfile(c, p)
				return nil
			})
		}},
	{noun: "profile", verb: "set",
		synopsis: "[--name 单位名称] [--party 党委名称] [--short 简称] [--level 乡镇|县区|地市] [--superior 上级机关] [--contact 联系人] [--phone 联系电话]",
		summary:  "修改单位信息（只改写给出的项）",
		flags:    profileFlags,
		run: func(c *cli, o *opts) error {
			if len(o.given) == 0 {
				return c.usage("没有给出要修改的项")
			}
			return c.withStore(func(s *data.Store) error {
				p, err := s.Profile()
				if err != nil {
					return err
				}
				// Only the fields named on the command line change.
				given, old := profileFields(&o.profile), profileFields(&p)
				for name := range o.given {
					*old[name] = *given[name]
				}
				if p, err = s.SetProfile(p); err == nil {
					printProfile(c, p)
				}
				return err
			})
		}},
}

var profileFlags = []string{"name", "party", "short", "level", "superior", "contact", "phone"}

// profileFields names a profile's fields by their flags.
func profileFields(p *data.Profile) map[string]*string {
	return map[string]*string{
		"name": &p.Name, "party": &p.Party, "short": &p.Short, "level": &p.Level,
		"superior": &p.Superior, "contact": &p.Contact, "phone": &p.Phone,
	}
}

func printProfile(c *cli, p data.Profile) {
	for _, row := range [][2]string{
		{"单位名称", p.Name}, {"党委名称", p.Party}, {"简称", p.ShortName()}, {"层级", p.Level},
		{"上级机关", p.Superior}, {"联系人", p.Contact}, {"联系电话", p.Phone},
	} {
		fmt.Fprintf(c.stdout, "%s：%s\n", row[0], row[1])
	}
}
