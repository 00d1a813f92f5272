package cli

import (
	"fmt"
	"strconv"

	"fazhi/data"
	"fazhi/export/backup"
	"fazhi/internal/action"
)

var backupCommands = []command{
	{noun: "backup", synopsis: "[-o 文件 [--replace]]", summary: "立即备份：不加 -o 时备份到数据文件夹的 backups/ 中", flags: []string{"o", "replace"},
		run: func(c *cli, o *opts) error {
			return c.withStore(func(s *data.Store) error {
				var info backup.Info
				var err error
				if o.out == "" {
					info, err = backup.Before(s, backup.ReasonManual)
				} else {
					info, err = backup.WriteFile(s, o.out, o.replace)
				}
				if err == nil {
					fmt.Fprintf(c.stdout, "已备份到：%s（%s）\n", info.Path, info.SizeLabel())
				}
				return err
			})
		}},
	{noun: "backup", verb: "list", synopsis: "[--json]", summary: "列出自动备份（最新的在前）", flags: []string{"json"},
		run: func(c *cli, o *opts) error {
			return c.withStore(func(s *data.Store) error {
				list, err := backup.List(s)
				if err != nil {
					return err
				}
				if o.asJSON {
					if list == nil {
						list = []backup.Info{}
					}
					return c.printJSON(list)
				}
				if len(list) == 0 {
					fmt.Fprintf(c.stdout, "还没有自动备份（备份文件夹：%s）。\n", backup.Dir(s))
					return nil
				}
				for _, b := range list {
					fmt.Fprintf(c.stdout, "%s  %s  %s  %s\n", b.Time.Format("2006-01-02 15:04:05"), b.Reason.Label(), b.SizeLabel(), b.Path)
				}
				return nil
			})
		}},
	{noun: "backup", verb: "keep", synopsis: "[份数]", summary: "显示或设置自动备份保留的份数（默认 10）", args: -1,
		run: func(c *cli, o *opts) error {
			if len(o.pos) > 1 {
				return c.usage("参数个数不对")
			}
			return c.withStore(func(s *data.Store) error {
				if len(o.pos) == 1 {
					n, err := strconv.Atoi(o.pos[0])
					if err != nil {
						return c.usage("份数应是数字，如 fazhi backup keep 10")
					}
					if err := s.SetBackupKeep(n); err != nil {
						return err
					}
				}
				n, err := s.BackupKeep()
				if err == nil {
					fmt.Fprintf(c.stdout, "自动备份保留最新的 %d 份。\n", n)
				}
				return err
			})
		}},
	// The command holds the data file's lock while it checks the file and
	// backs up the current data; the store is closed only for the instant
	// of the replacement.
	{noun: "restore", synopsis: "备份文件", summary: "从备份恢复：先检查文件完好，并先备份当前数据", args: 1,
		run: func(c *cli, o *opts) error {
			return c.withStore(func(s *data.Store) error {
				r, err := action.Restore(s, o.pos[0])
				if err != nil {
					return err
				}
				fmt.Fprintf(c.stdout, "已从 %s 恢复（%d 个部门、%d 项任务）。恢复前的数据已备份到：%s\n", o.pos[0], r.File.Depts, r.File.Tasks, r.Safety.Path)
				return nil
			})
		}},
}
