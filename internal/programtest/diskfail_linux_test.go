package programtest

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"fazhi/data"
	"fazhi/internal/testfiles"
)

// mountTmpfs mounts a fresh tmpfs at a temporary folder with the given
// options and unmounts it after the test. Mounting needs root (CI runs as
// root on a fresh VM); elsewhere the test is skipped and says why.
func mountTmpfs(t *testing.T, opts string) string {
	t.Helper()
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, opts); err != nil {
		t.Skipf("cannot mount a tmpfs (%v): needs root; the full-disk and read-only cases are not exercised here", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, 0) })
	return dir
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// exportPaths is every way the program writes a file the clerk names, with
// what each needs in the data first. Each goes through export/safefile:
// temporary file, then rename, so a failure leaves nothing behind.
func exportPaths(t *testing.T, db string) []struct {
	name string
	args func(dir string) []string
} {
	t.Helper()
	seedHostileDB(t, db)
	in := t.TempDir()
	tpl, ret := filepath.Join(in, "模板.xlsx"), filepath.Join(in, "甲村.xlsx")
	testfiles.CityReturn(t, tpl, "", nil)
	testfiles.CityReturn(t, ret, "甲村", map[int]any{4: 10, 5: 9})
	for _, args := range [][]string{
		{"report", "draft", "--year", "2024"},
		{"stats", "set", "--year", "2024", "信访受理数=331", "信访办结数=330"},
	} {
		if _, errs, code := runCLI(t, append([]string{"--db", db}, args...)...); code != 0 {
			t.Fatalf("%v: %s", args, errs)
		}
	}
	return []struct {
		name string
		args func(dir string) []string
	}{
		{"backup", func(d string) []string { return []string{"backup", "-o", filepath.Join(d, "备份.db")} }},
		{"tasks export", func(d string) []string {
			return []string{"tasks", "export", "--year", "2024", "-o", filepath.Join(d, "任务分解表.xlsx")}
		}},
		{"tasks export --per-dept", func(d string) []string { return []string{"tasks", "export", "--year", "2024", "--per-dept", d} }},
		{"report export .docx", func(d string) []string {
			return []string{"report", "export", "--year", "2024", "-o", filepath.Join(d, "报告.docx")}
		}},
		{"report export .txt", func(d string) []string {
			return []string{"report", "export", "--year", "2024", "-o", filepath.Join(d, "报告.txt")}
		}},
		{"stats export", func(d string) []string {
			return []string{"stats", "export", "--year", "2024", "-o", filepath.Join(d, "统计.xlsx")}
		}},
		{"stats export --template", func(d string) []string {
			return []string{"stats", "export", "--year", "2024", "-o", filepath.Join(d, "统计.xlsx"), "--template", tpl}
		}},
		{"stats sum", func(d string) []string { return []string{"stats", "sum", "-o", filepath.Join(d, "汇总.xlsx"), ret} }},
	}
}

// TestExportOntoFullDisk runs every export onto a tmpfs filled to the last
// block: a clear message, and nothing left behind, not even the temporary
// file.
func TestExportOntoFullDisk(t *testing.T) {
	db := filepath.Join(t.TempDir(), "fazhi.db")
	paths := exportPaths(t, db)
	full := mountTmpfs(t, "size=64k")
	filler, err := os.Create(filepath.Join(full, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := filler.Write(make([]byte, 4096)); err != nil {
			break
		}
	}
	filler.Close()
	for _, p := range paths {
		out, errs, code := runCLI(t, append([]string{"--db", db}, p.args(full)...)...)
		if code != 1 || !strings.Contains(errs, "磁盘空间不足") || !strings.Contains(errs, "没有留下残缺的文件") {
			t.Errorf("%s onto a full disk: exit %d, stdout %q, stderr %q", p.name, code, out, errs)
		}
		if left := listDir(t, full); len(left) != 1 {
			t.Errorf("%s: full disk holds %v after the failed export; want only the filler", p.name, left)
		}
	}
}

// TestExportIntoReadOnlyFolder: as root, permissions do not stop writing,
// so the folder is a read-only tmpfs; as another user, a 0555 folder.
func TestExportIntoReadOnlyFolder(t *testing.T) {
	db := filepath.Join(t.TempDir(), "fazhi.db")
	paths := exportPaths(t, db)
	var ro string
	if os.Geteuid() == 0 {
		ro = mountTmpfs(t, "ro")
	} else {
		ro = t.TempDir()
		os.Chmod(ro, 0o555)
		t.Cleanup(func() { os.Chmod(ro, 0o755) })
	}
	for _, p := range paths {
		_, errs, code := runCLI(t, append([]string{"--db", db}, p.args(ro)...)...)
		if code != 1 || !strings.Contains(errs, "没有权限") || !strings.Contains(errs, "换一个文件夹") {
			t.Errorf("%s into a read-only folder: exit %d, stderr %q", p.name, code, errs)
		}
		if left := listDir(t, ro); len(left) != 0 {
			t.Errorf("%s: read-only folder holds %v", p.name, left)
		}
	}
}

// TestDataFileOnFullDisk keeps adding departments, each in its own process,
// to a data file on a small tmpfs until the disk is full: the failing
// change says the disk is full, and every change before it is there and the
// file passes the consistency check.
func TestDataFileOnFullDisk(t *testing.T) {
	dir := mountTmpfs(t, "size=160k")
	db := filepath.Join(dir, "fazhi.db")
	var added []string
	for i := range 400 {
		name := "部门" + strings.Repeat("长", 200) + string(rune('一'+i))
		errs, code := runChild(t, "--db", db, "dept", "add", name)
		if code == 0 {
			added = append(added, data.NormalizeName(name))
			continue
		}
		if !strings.Contains(errs, "磁盘空间不足") {
			t.Fatalf("change %d on a full disk: %q; want the full-disk message", i, errs)
		}
		break
	}
	if len(added) == 400 {
		t.Fatal("the disk never filled up")
	}
	if _, err := data.CheckFile(db); err != nil {
		t.Fatalf("data file after the full disk: %v", err)
	}
	s, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ds, _ := s.Departments()
	if len(ds) != len(added) {
		t.Errorf("%d departments stored; %d were reported added", len(ds), len(added))
	}
	t.Logf("disk full after %d changes; all present, file consistent", len(added))
}
