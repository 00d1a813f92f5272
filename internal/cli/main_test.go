package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fazhi/data"
)

func runCLI(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return out.String(), errb.String(), code
}

// TestCommandSequence runs the department and profile commands in order on
// one data file, as a clerk's script would.
func TestCommandSequence(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x", "fazhi.db")
	steps := []struct {
		args    []string
		code    int
		stdout  string // exact, when not empty
		contain string // in stdout or stderr
	}{
		{[]string{"dept", "add", "人力资源分局", "--alias", "人资分局"}, 0, "已登记部门：人力资源分局（别名：人资分局）\n", ""},
		{[]string{"dept", "add", "--alias", "人力资源局", "人 力 资 源 分 局"}, 1, "", "已经登记过了"},
		{[]string{"dept", "add", "党 政 办"}, 0, "已登记部门：党政办\n", ""},
		{[]string{"dept", "add", "监察室"}, 0, "", ""},
		{[]string{"dept", "add", "镇监察室"}, 0, "", ""},
		{[]string{"dept", "resolve", "人资分局"}, 0, "人力资源分局\n", ""},
		{[]string{"dept", "resolve", "党政办"}, 0, "党政办\n", ""},
		{[]string{"dept", "resolve", "不存在办"}, 1, "", "没有名为“不存在办”的部门"},
		{[]string{"dept", "alias", "人力资源分局", "人力资源局"}, 0, "人力资源分局（别名：人资分局、人力资源局）\n", ""},
		{[]string{"dept", "suggest"}, 0, "监察室 ~ 镇监察室：只差前缀“镇”\n", ""},
		{[]string{"dept", "merge", "镇监察室", "监察室"}, 0, "监察室（别名：镇监察室）\n", ""},
		{[]string{"dept", "resolve", "镇监察室"}, 0, "监察室\n", ""},
		{[]string{"dept", "rename", "党政办", "党政综合办"}, 0, "党政综合办（别名：党政办）\n", ""},
		{[]string{"dept", "unalias", "党政办"}, 0, "党政综合办\n", ""},
		{[]string{"dept", "delete", "党政综合办"}, 0, "已删除部门：党政综合办\n", ""},
		{[]string{"dept", "list"}, 0, "人力资源分局（别名：人资分局、人力资源局）\n监察室（别名：镇监察室）\n", ""},
		{[]string{"dept", "merge", "监察室", "监察室"}, 1, "", "不能把部门“监察室”合并到它自己"},
		{[]string{"dept", "add"}, 1, "", "用法：fazhi dept add"},
		{[]string{"dept", "fly"}, 1, "", "未知操作"},
		{[]string{"profile", "set", "--name", "黄江镇人民政府", "--level", "乡镇", "--superior", "市委"}, 0, "", "简称：黄江镇"},
		{[]string{"profile", "set", "--phone", "0769-83632011"}, 0, "", "单位名称：黄江镇人民政府"},
		{[]string{"profile", "set", "--level", "省"}, 1, "", "只能是：乡镇、县区、地市"},
		{[]string{"profile", "set"}, 1, "", "没有给出要修改的项"},
		{[]string{"profile", "show"}, 0, "单位名称：黄江镇人民政府\n党委名称：\n简称：黄江镇\n层级：乡镇\n上级机关：市委\n联系人：\n联系电话：0769-83632011\n", ""},
		{[]string{"nosuch"}, 1, "", "未知命令"},
	}
	for _, st := range steps {
		out, errs, code := runCLI(t, append([]string{"--db", db}, st.args...)...)
		name := strings.Join(st.args, " ")
		if code != st.code {
			t.Errorf("%s: exit %d; want %d (stdout %q, stderr %q)", name, code, st.code, out, errs)
		}
		if st.stdout != "" && out != st.stdout {
			t.Errorf("%s: stdout %q; want %q", name, out, st.stdout)
		}
		if st.contain != "" && !strings.Contains(out+errs, st.contain) {
			t.Errorf("%s: output %q lacks %q", name, out+errs, st.contain)
		}
		if code != 0 && (errs == "" || out != "") {
			t.Errorf("%s: failure must be on stderr only (stdout %q, stderr %q)", name, out, errs)
		}
	}
}

func TestJSONOutput(t *testing.T) {
	db := filepath.Join(t.TempDir(), "fazhi.db")
	if out, _, _ := runCLI(t, "--db", db, "dept", "list", "--json"); strings.TrimSpace(out) != "[]" {
		t.Errorf("empty register as JSON = %q; want []", out)
	}
	runCLI(t, "--db", db, "dept", "add", "人力资源分局", "--alias", "人资分局")
	runCLI(t, "--db", db, "profile", "set", "--name", "黄江镇人民政府")

	out, _, code := runCLI(t, "dept", "list", "--json", "--db", db)
	var depts []data.Department
	if err := json.Unmarshal([]byte(out), &depts); err != nil || code != 0 {
		t.Fatalf("dept list --json: %v (%q)", err, out)
	}
	if len(depts) != 1 || depts[0].Name != "人力资源分局" || depts[0].Aliases[0] != "人资分局" {
		t.Errorf("dept list --json = %+v", depts)
	}

	out, _, _ = runCLI(t, "--db", db, "profile", "show", "--json")
	var p map[string]string
	if err := json.Unmarshal([]byte(out), &p); err != nil {
		t.Fatal(err)
	}
	if p["name"] != "黄江镇人民政府" || len(p) != 7 {
		t.Errorf("profile show --json = %v", p)
	}
}

func TestDBFromEnvironment(t *testing.T) {
	db := filepath.Join(t.TempDir(), "env.db")
	t.Setenv(data.EnvDB, db)
	if _, errs, code := runCLI(t, "dept", "add", "法制办"); code != 0 {
		t.Fatalf("dept add with FAZHI_DB: %s", errs)
	}
	if _, err := os.Stat(db); err != nil {
		t.Errorf("FAZHI_DB not used: %v", err)
	}
	// --db wins over the environment.
	other := filepath.Join(t.TempDir(), "flag.db")
	runCLI(t, "--db", other, "dept", "add", "党政办")
	if out, _, _ := runCLI(t, "dept", "list"); out != "法制办\n" {
		t.Errorf("environment file holds %q; want only 法制办", out)
	}
}

func TestHelpAndVersion(t *testing.T) {
	out, _, code := runCLI(t, "--help")
	if code != 0 || !strings.Contains(out, "dept merge") || !strings.Contains(out, "profile set") {
		t.Errorf("--help (exit %d) does not list the commands:\n%s", code, out)
	}
	out, _, code = runCLI(t, "version")
	if code != 0 || !strings.Contains(out, Version) {
		t.Errorf("version = %q (exit %d)", out, code)
	}
	if _, errs, code := runCLI(t, "--db"); code != 1 || !strings.Contains(errs, "缺少值") {
		t.Errorf("--db without a value: exit %d, %q", code, errs)
	}
}
