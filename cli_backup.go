package main

import (
	"flag"
	"fmt"
	"strconv"

	"fazhi/data"
	"fazhi/export/backup"
)

// cmdBackup: `fazhi backup` (into the backups folder), `backup -o FILE`,
// `backup list`, `backup keep [N]`.
func cmdBackup(c *cli, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "list":
			return c.backupList(args[1:])
		case "keep":
			return c.backupKeep(args[1:])
		}
	}
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	out := fs.String("o", "", "备份到的文件")
	replace := fs.Bool("replace", false, "覆盖已有文件")
	if _, err := parseArgs(fs, args, 0, "backup [-o 文件 [--replace]] | backup list | backup keep [份数]"); err != nil {
		return err
	}
	return c.withStore(func(s *data.Store) error {
		var info backup.Info
		var err error
		if *out == "" {
			info, err = backup.Before(s, backup.ReasonManual)
		} else {
			info, err = backup.WriteFile(s, *out, *replace)
		}
		if err == nil {
			fmt.Fprintf(c.stdout, "已备份到：%s（%s）\n", info.Path, info.SizeLabel())
		}
		return err
	})
}

func (c *cli) backupList(args []string) error {
	fs := flag.NewFlagSet("backup list", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "JSON 输出")
	if _, err := parseArgs(fs, args, 0, "backup list [--json]"); err != nil {
		return err
	}
	return c.withStore(func(s *data.Store) error {
		list, err := backup.List(s)
		if err != nil {
			return err
		}
		if *asJSON {
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
}

func (c *cli) backupKeep(args []string) error {
	syn := "backup keep [份数]"
	pos, err := parseArgs(flag.NewFlagSet("backup keep", flag.ContinueOnError), args, -1, syn)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return usage("参数个数不对。用法：fazhi %s", syn)
	}
	return c.withStore(func(s *data.Store) error {
		if len(pos) == 1 {
			n, err := strconv.Atoi(pos[0])
			if err != nil {
				return usage("份数应是数字，如 fazhi backup keep 10。")
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
}

// cmdRestore: `fazhi restore FILE`. The command holds the data file's lock
// while it checks the file and backs up the current data; the store is
// closed only for the instant of the replacement.
func cmdRestore(c *cli, args []string) error {
	pos, err := parseArgs(flag.NewFlagSet("restore", flag.ContinueOnError), args, 1, "restore 备份文件")
	if err != nil {
		return err
	}
	return c.withStore(func(s *data.Store) error {
		safety, info, err := backup.Restore(s, pos[0])
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "已从 %s 恢复（%d 个部门、%d 项任务）。恢复前的数据已备份到：%s\n", pos[0], info.Depts, info.Tasks, safety.Path)
		return nil
	})
}
