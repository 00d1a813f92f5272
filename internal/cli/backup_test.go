package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fazhi/export/backup"
)

func backupsIn(t *testing.T, db string) []backup.Info {
	t.Helper()
	list, err := backup.ListDir(filepath.Join(filepath.Dir(db), "backups"))
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// TestBackupCommands: every change that replaces much at once leaves an
// automatic backup first, and a manual backup restores what it held.
func TestBackupCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "data", "fazhi.db")
	planFile := filepath.Join(dir, "方案.txt")
	os.WriteFile(planFile, []byte("一、制度建设\n1. 完善制度。（法制办负责）\n2. 公开清单。（党政办牵头，法制办配合）\n"), 0o600)
	saved := filepath.Join(dir, "交接.db")

	steps := []struct {
		args    []string
		code    int
		contain string
		backups int // automatic backups after the step
	}{
		{[]string{"dept", "add", "镇监察室"}, 0, "", 0},
		{[]string{"dept", "add", "监察室"}, 0, "", 0},
		{[]string{"backup", "list"}, 0, "还没有自动备份", 0},
		{[]string{"backup", "-o", saved}, 0, "已备份到：" + saved, 0},
		{[]string{"backup", "-o", saved}, 1, "已存在，没有覆盖", 0},
		{[]string{"plan", "import", planFile, "--year", "2024", "--dry-run"}, 0, "", 0},
		{[]string{"plan", "import", planFile, "--year", "2024"}, 0, "已导入", 1},
		{[]string{"plan", "carry", "--from", "2024", "--to", "2025"}, 0, "已把2024年", 2},
		{[]string{"dept", "merge", "镇监察室", "监察室"}, 0, "", 3},
		// Refused by validation: no backup.
		{[]string{"dept", "merge", "镇监察室", "镇监察室"}, 1, "", 3},
		{[]string{"plan", "carry", "--from", "2024", "--to", "2025"}, 1, "已经有任务分解表", 3},
		{[]string{"backup"}, 0, "已备份到：", 4},
		{[]string{"backup", "keep", "3"}, 0, "保留最新的 3 份", 4},
		{[]string{"backup", "keep", "0"}, 1, "1 到 100", 4},
		{[]string{"backup", "keep", "x"}, 1, "份数应是数字", 4},
		{[]string{"backup", "list"}, 0, "手动", 4},
		{[]string{"restore", filepath.Join(dir, "nosuch.db")}, 1, "找不到文件", 4},
		{[]string{"restore", planFile}, 1, "不是本程序的数据文件或备份", 4},
		{[]string{"restore", saved}, 0, "已从 " + saved + " 恢复（2 个部门、0 项任务）", 3},
		{[]string{"tasks", "list", "--year", "2024"}, 0, "", 3},
		{[]string{"dept", "list"}, 0, "镇监察室\n监察室\n", 3},
		{[]string{"restore"}, 1, "用法：fazhi restore", 3},
	}
	for _, st := range steps {
		out, errs, code := runCLI(t, append([]string{"--db", db}, st.args...)...)
		name := strings.Join(st.args, " ")
		if code != st.code {
			t.Errorf("%s: exit %d; want %d (stdout %q, stderr %q)", name, code, st.code, out, errs)
		}
		if !strings.Contains(out+errs, st.contain) {
			t.Errorf("%s: output %q lacks %q", name, out+errs, st.contain)
		}
		if n := len(backupsIn(t, db)); n != st.backups {
			t.Errorf("%s: %d automatic backups; want %d", name, n, st.backups)
		}
	}
	// The newest backup is the one made before the restore.
	if list := backupsIn(t, db); len(list) == 0 || list[0].Reason != backup.ReasonRestore {
		t.Errorf("newest backup %+v; want the one before the restore", list)
	}
	out, _, _ := runCLI(t, "--db", db, "backup", "list", "--json")
	var js []map[string]any
	if err := json.Unmarshal([]byte(out), &js); err != nil || len(js) != 3 || js[0]["reason"] != "restore" {
		t.Errorf("backup list --json = %s (%v)", out, err)
	}
}

// TestChangeRefusedWhenBackupFails: with backups/ blocked, an import and a
// merge are not done and say why.
func TestChangeRefusedWhenBackupFails(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "fazhi.db")
	runCLI(t, "--db", db, "dept", "add", "镇监察室")
	runCLI(t, "--db", db, "dept", "add", "监察室")
	os.WriteFile(filepath.Join(dir, "backups"), []byte("a file where the folder should be"), 0o600)
	planFile := filepath.Join(dir, "方案.txt")
	os.WriteFile(planFile, []byte("一、制度建设\n1. 完善制度。（法制办负责）\n"), 0o600)

	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"dept", "merge", "镇监察室", "监察室"}, "合并前的自动备份没有做成，合并没有进行"},
		{[]string{"plan", "import", planFile, "--year", "2024"}, "导入前的自动备份没有做成，导入没有进行"},
	} {
		_, errs, code := runCLI(t, append([]string{"--db", db}, c.args...)...)
		if code != 1 || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, %q; want %q", c.args, code, errs, c.want)
		}
	}
	if out, _, _ := runCLI(t, "--db", db, "dept", "list"); out != "镇监察室\n监察室\n" {
		t.Errorf("departments after refused merge: %q", out)
	}
	if out, _, _ := runCLI(t, "--db", db, "tasks", "list", "--year", "2024"); strings.Contains(out, "完善制度") {
		t.Errorf("tasks after refused import: %q", out)
	}
}
