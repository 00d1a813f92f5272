package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"fazhi/data"
)

// command is one `fazhi noun verb`. The table of them (commands) is the
// only place a command's synopsis is written: --help and every usage error
// are made from it, so the two cannot drift.
type command struct {
	noun, verb string   // verb may be empty (`fazhi restore 文件`) or two words (`stats indicator add`)
	synopsis   string   // what follows `fazhi noun verb`: arguments and flags; a second form on a line of its own
	summary    string   // what --help says about it; lines after the first are indented with it
	args       int      // how many positional arguments it takes; -1 for any number
	flags      []string // the flags it takes, by name (see declare): one meaning per name
	run        func(c *cli, o *opts) error
}

func (cmd *command) name() string { return strings.TrimSpace(cmd.noun + " " + cmd.verb) }

// usageLine is `fazhi noun verb synopsis`, the form every usage error ends
// with; a synopsis of two forms (one per line) gives two such lines.
func (cmd *command) usageLine() string {
	var forms []string
	for _, syn := range strings.Split(cmd.synopsis, "\n") {
		forms = append(forms, strings.TrimSpace("fazhi "+cmd.name()+" "+syn))
	}
	return strings.Join(forms, "\n       ")
}

// commands is every command in the order --help lists them.
var commands = slices.Concat(
	[]command{{noun: "version", summary: "显示程序版本和数据版本", run: cmdVersion}},
	deptCommands, planCommands, tasksCommands, reportCommands, backupCommands, statsCommands, profileCommands,
)

// opts holds the values of every flag a command can take. Each flag has one
// field and one meaning across all commands (declare); a command's row
// names the ones it takes.
type opts struct {
	pos   []string        // positional arguments
	given map[string]bool // flags given on the command line

	year, no, from, to int
	snapshot           uint64

	asJSON, dryRun, replace, force, apply, save, all, overdue, longTerm bool

	out, asOf, template, sheet, perDept, expect         string
	dept, status, set, chapter, title, text, date       string
	deadline, deadlineText                              string
	unit, kind, category, num, den                      string
	alias, lead, cooperate, responsible, column, accept multi
	maps, unset                                         multi
	profile                                             data.Profile
}

// declare puts the named flag on fs, bound to its field of o. The words
// here are the flag's meaning everywhere: --replace overwrites an existing
// file or data, and nothing else does; --force goes ahead although a check
// found problems.
func declare(fs *flag.FlagSet, o *opts, name string) {
	switch name {
	case "year":
		fs.IntVar(&o.year, name, 0, "年度")
	case "no":
		fs.IntVar(&o.no, name, 0, "任务序号")
	case "from":
		fs.IntVar(&o.from, name, 0, "原年度")
	case "to":
		fs.IntVar(&o.to, name, 0, "新年度")
	case "snapshot":
		fs.Uint64Var(&o.snapshot, name, 0, "历史版本编号")
	case "json":
		fs.BoolVar(&o.asJSON, name, false, "JSON 输出")
	case "dry-run":
		fs.BoolVar(&o.dryRun, name, false, "只显示，不保存")
	case "replace":
		fs.BoolVar(&o.replace, name, false, "覆盖已有的文件或数据")
	case "force":
		fs.BoolVar(&o.force, name, false, "检查发现问题时仍然继续")
	case "apply":
		fs.BoolVar(&o.apply, name, false, "保存没有冲突的改动")
	case "save":
		fs.BoolVar(&o.save, name, false, "保存对应关系")
	case "all":
		fs.BoolVar(&o.all, name, false, "包括停用的指标")
	case "overdue":
		fs.BoolVar(&o.overdue, name, false, "只列逾期的任务")
	case "long-term":
		fs.BoolVar(&o.longTerm, name, false, "长期坚持")
	case "o":
		fs.StringVar(&o.out, name, "", "输出文件")
	case "as-of":
		fs.StringVar(&o.asOf, name, "", "截至日期")
	case "template":
		fs.StringVar(&o.template, name, "", "上级下发的模板")
	case "sheet":
		fs.StringVar(&o.sheet, name, "", "工作表")
	case "per-dept":
		fs.StringVar(&o.perDept, name, "", "按部门分发的文件夹")
	case "expect":
		fs.StringVar(&o.expect, name, "", "应报送的单位")
	case "dept":
		fs.StringVar(&o.dept, name, "", "部门")
	case "status":
		fs.StringVar(&o.status, name, "", "状态")
	case "set":
		fs.StringVar(&o.set, name, "", "新状态")
	case "chapter":
		fs.StringVar(&o.chapter, name, "", "章节")
	case "title":
		fs.StringVar(&o.title, name, "", "标题")
	case "text":
		fs.StringVar(&o.text, name, "", "内容")
	case "date":
		fs.StringVar(&o.date, name, "", "日期")
	case "deadline":
		fs.StringVar(&o.deadline, name, "", "完成时限")
	case "deadline-text":
		fs.StringVar(&o.deadlineText, name, "", "完成时限原文")
	case "unit":
		fs.StringVar(&o.unit, name, "", "计量单位")
	case "kind":
		fs.StringVar(&o.kind, name, "count", "指标类型")
	case "category":
		fs.StringVar(&o.category, name, "", "类别")
	case "num":
		fs.StringVar(&o.num, name, "", "分子指标")
	case "den":
		fs.StringVar(&o.den, name, "", "分母指标")
	case "alias":
		fs.Var(&o.alias, name, "别名（可重复）")
	case "lead":
		fs.Var(&o.lead, name, "牵头单位（可重复）")
	case "cooperate":
		fs.Var(&o.cooperate, name, "配合单位（可重复）")
	case "responsible":
		fs.Var(&o.responsible, name, "责任单位（可重复）")
	case "column":
		fs.Var(&o.column, name, "列的含义，如 C=牵头单位（可重复）")
	case "accept":
		fs.Var(&o.accept, name, "也保存这些编号的有冲突改动（可重复）")
	case "map":
		fs.Var(&o.maps, name, "指标所在单元格，如 信访受理数=E5（可重复）")
	case "unset":
		fs.Var(&o.unset, name, "不填写的指标（可重复）")
	case "name":
		fs.StringVar(&o.profile.Name, name, "", "单位名称")
	case "party":
		fs.StringVar(&o.profile.Party, name, "", "党委名称")
	case "short":
		fs.StringVar(&o.profile.Short, name, "", "简称")
	case "level":
		fs.StringVar(&o.profile.Level, name, "", "层级")
	case "superior":
		fs.StringVar(&o.profile.Superior, name, "", "上级机关")
	case "contact":
		fs.StringVar(&o.profile.Contact, name, "", "联系人")
	case "phone":
		fs.StringVar(&o.profile.Phone, name, "", "联系电话")
	default:
		panic("cli: no flag named " + name) // a mistake in the table, caught by the tests
	}
}

// find picks the command args start with: the longest noun-verb match, so
// `stats indicator add` wins over `stats`, and `backup -o x` falls to the
// noun's own command. It returns the command and the arguments after it.
func find(args []string) (*command, []string, error) {
	noun := args[0]
	var best *command
	words := 0
	known := false
	for i := range commands {
		cmd := &commands[i]
		if cmd.noun != noun {
			continue
		}
		known = true
		verb := strings.Fields(cmd.verb)
		if len(verb) >= len(args) || !slices.Equal(verb, args[1:1+len(verb)]) {
			continue
		}
		if best == nil || len(verb) > words {
			best, words = cmd, len(verb)
		}
	}
	switch {
	case best != nil:
		return best, args[1+words:], nil
	case !known:
		return nil, nil, usage("未知命令“%s”。运行 fazhi --help 查看所有命令。", noun)
	case len(args) == 1:
		return nil, nil, usage("缺少操作。用法：%s", verbsOf(noun))
	default:
		return nil, nil, usage("未知操作“%s %s”。用法：%s", noun, args[1], verbsOf(noun))
	}
}

// verbsOf is `fazhi noun a|b|c …` for a noun whose verb is missing or wrong.
func verbsOf(noun string) string {
	var verbs []string
	for _, cmd := range commands {
		if cmd.noun == noun {
			if v := strings.Fields(cmd.verb); len(v) > 0 && !slices.Contains(verbs, v[0]) {
				verbs = append(verbs, v[0])
			}
		}
	}
	return "fazhi " + noun + " " + strings.Join(verbs, "|") + " …"
}

// parse reads a command's flags wherever they stand among its positional
// arguments (Go's flag package stops at the first positional one) and
// checks how many positional arguments there are.
func (cmd *command) parse(args []string) (*opts, error) {
	o := &opts{given: map[string]bool{}}
	fs := flag.NewFlagSet(cmd.name(), flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	for _, name := range cmd.flags {
		declare(fs, o, name)
	}
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, usage("用法：%s", cmd.usageLine())
			}
			return nil, usage("参数有误：%s。用法：%s", flagError(err), cmd.usageLine())
		}
		args = fs.Args()
		if len(args) > 0 {
			o.pos = append(o.pos, args[0])
			args = args[1:]
		}
	}
	fs.Visit(func(f *flag.Flag) { o.given[f.Name] = true })
	if cmd.args >= 0 && len(o.pos) != cmd.args {
		return nil, usage("参数个数不对。用法：%s", cmd.usageLine())
	}
	return o, nil
}

// flagError puts the flag package's English in the clerk's words.
func flagError(err error) string {
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "flag provided but not defined: "):
		return "没有参数 " + strings.TrimPrefix(msg, "flag provided but not defined: ")
	case strings.HasPrefix(msg, "flag needs an argument: "):
		return "参数 " + strings.TrimPrefix(msg, "flag needs an argument: ") + " 后面缺少值"
	case strings.HasPrefix(msg, "invalid value "):
		// invalid value "x" for flag -year: parse error
		rest := strings.TrimPrefix(msg, "invalid value ")
		val, flagName, _ := strings.Cut(rest, " for flag ")
		flagName, _, _ = strings.Cut(flagName, ":")
		return "参数 " + flagName + " 的值 " + val + " 不对"
	}
	return msg
}

// usage is a usage error for the command being run: msg, then the
// command's synopsis from the table.
func (c *cli) usage(format string, args ...any) error {
	return usage("%s。用法：%s", strings.TrimSuffix(fmt.Sprintf(format, args...), "。"), c.cmd.usageLine())
}

// needYear checks a year flag the command cannot do without.
func (c *cli) needYear(flagName string, y int) error {
	if y < 1900 || y > 9999 {
		return c.usage("需要 --%s 年度（如 --%s 2024）", flagName, flagName)
	}
	return nil
}

// helpText is --help: the global options, the meaning of the flags that
// mean the same everywhere, and every command of the table with its
// summary.
func helpText() string {
	var b strings.Builder
	b.WriteString(helpHead)
	const col = 40
	for _, cmd := range commands {
		line := "  " + strings.ReplaceAll(strings.TrimPrefix(cmd.usageLine(), "fazhi "), "\n       fazhi ", "\n  ")
		lines := strings.Split(cmd.summary, "\n")
		if cmd.summary == "" {
			b.WriteString(line + "\n")
			continue
		}
		if w := displayWidth(line); w < col-1 && !strings.Contains(line, "\n") {
			b.WriteString(line + strings.Repeat(" ", col-w) + lines[0] + "\n")
		} else {
			b.WriteString(line + "\n" + strings.Repeat(" ", col) + lines[0] + "\n")
		}
		for _, l := range lines[1:] {
			b.WriteString(strings.Repeat(" ", col) + l + "\n")
		}
	}
	b.WriteString(helpTail)
	return b.String()
}

// displayWidth counts a Chinese character as two columns, as a terminal
// shows it, so the summaries line up.
func displayWidth(s string) int {
	w := 0
	for _, r := range s {
		if r >= 0x1100 {
			w += 2
		} else {
			w++
		}
	}
	return w
}
