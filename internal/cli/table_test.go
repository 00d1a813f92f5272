package cli

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestTableIsConsistent holds the command table to its promise: every
// flag a synopsis shows is one the command takes, every flag it takes is
// shown, no two rows share a name, and --help lists each synopsis as the
// table has it.
func TestTableIsConsistent(t *testing.T) {
	shown := regexp.MustCompile(`(?:^|[\s\[|])-{1,2}([a-z][a-z-]*)`)
	help := helpText()
	seen := map[string]bool{}
	for _, cmd := range commands {
		name := cmd.name()
		if seen[name] {
			t.Errorf("%s: two rows with this name", name)
		}
		seen[name] = true
		if _, err := cmd.parse(nil); err != nil && cmd.args == 0 {
			t.Errorf("%s: parsing no arguments: %v", name, err)
		}
		var inSynopsis []string
		for _, m := range shown.FindAllStringSubmatch(cmd.synopsis, -1) {
			if !slices.Contains(inSynopsis, m[1]) {
				inSynopsis = append(inSynopsis, m[1])
			}
		}
		for _, f := range inSynopsis {
			if !slices.Contains(cmd.flags, f) {
				t.Errorf("%s: synopsis shows --%s, which the command does not take", name, f)
			}
		}
		for _, f := range cmd.flags {
			if !slices.Contains(inSynopsis, f) {
				t.Errorf("%s: takes --%s, which its synopsis does not show", name, f)
			}
		}
		for _, line := range strings.Split(cmd.usageLine(), "\n") {
			line = strings.TrimPrefix(strings.TrimSpace(line), "fazhi ")
			if !strings.Contains(help, "  "+line) {
				t.Errorf("--help lacks %q", line)
			}
		}
	}
}

// TestUsageErrorsComeFromTheTable: a wrong call is answered in Chinese with
// the synopsis the table holds, never the flag package's English.
func TestUsageErrorsComeFromTheTable(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"report", "export", "--year", "2024", "--bogus"}, "参数有误：没有参数 -bogus。用法：fazhi report export --year 年度 -o 文件.docx|文件.txt [--replace]"},
		{[]string{"report", "export", "--year", "x"}, "参数 -year 的值 \"x\" 不对"},
		{[]string{"report", "export", "--year"}, "参数 -year 后面缺少值"},
		{[]string{"dept", "add"}, "参数个数不对。用法：fazhi dept add 名称 [--alias 别名]..."},
		{[]string{"dept"}, "缺少操作。用法：fazhi dept add|list|resolve|alias|unalias|rename|merge|delete|suggest …"},
		{[]string{"dept", "fly"}, "未知操作“dept fly”"},
		{[]string{"fly"}, "未知命令“fly”"},
		{[]string{"stats", "indicator", "fly"}, "未知操作“stats indicator”"},
		{[]string{"tasks", "list"}, "需要 --year 年度（如 --year 2024）。用法：fazhi tasks list --year 年度"},
		{[]string{"plan", "carry", "--from", "2024"}, "需要 --to 年度（如 --to 2024）。用法：fazhi plan carry --from 年度 --to 新年度"},
	} {
		_, errs, code := runCLI(t, append([]string{"--db", t.TempDir() + "/x.db"}, c.args...)...)
		if code != 1 || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want %q", c.args, code, errs, c.want)
		}
		if regexp.MustCompile(`flag provided|needs an argument|invalid value`).MatchString(errs) {
			t.Errorf("%v: English reached the clerk: %q", c.args, errs)
		}
	}
}
