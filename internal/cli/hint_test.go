package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestCommandLineAddsItsOwnHints: the store's sentences name no command
// (the window shows them too); the command line adds the command that
// lists what exists, or the flag that goes ahead, once.
func TestCommandLineAddsItsOwnHints(t *testing.T) {
	db := filepath.Join(t.TempDir(), "fazhi.db")
	seed := seedPath(t, "004_2fa00343c3f7394e.txt")
	if _, errs, code := runCLI(t, "--db", db, "plan", "import", seed, "--year", "2017"); code != 0 {
		t.Fatal(errs)
	}
	if _, errs, code := runCLI(t, "--db", db, "report", "draft", "--year", "2017"); code != 0 {
		t.Fatal(errs)
	}
	for _, c := range []struct {
		args       []string
		says, hint string
	}{
		{[]string{"dept", "resolve", "不存在办"}, "没有名为“不存在办”的部门", "可用 fazhi dept list 查看已登记的部门。"},
		{[]string{"tasks", "status", "--year", "2017", "--no", "99", "--set", "已完成"}, "2017年没有第 99 项任务", "可用 fazhi tasks list --year 2017 查看。"},
		{[]string{"stats", "set", "--year", "2017", "没有这个指标=1"}, "没有名为“没有这个指标”的统计指标", "可用 fazhi stats list --year 2017 查看"},
		{[]string{"report", "restore", "--year", "2017", "--snapshot", "9"}, "没有编号为 9 的历史版本", "可用 fazhi report snapshots --year 2017 查看。"},
		{[]string{"plan", "import", seed, "--year", "2017"}, "2017年已经有任务分解表了", "如确要替换，请加 --replace。"},
	} {
		_, errs, code := runCLI(t, append([]string{"--db", db}, c.args...)...)
		if code != 1 || !strings.Contains(errs, c.says) || strings.Count(errs, c.hint) != 1 {
			t.Errorf("%v: exit %d, %q; want %q with the hint %q once", c.args, code, errs, c.says, c.hint)
		}
	}
}
