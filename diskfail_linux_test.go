package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"fazhi/data"
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

// TestExportOntoFullDisk writes a backup (an export of the whole data) to a
// 16 KB tmpfs: a clear message, and nothing left behind, not even the
// temporary file.
func TestExportOntoFullDisk(t *testing.T) {
	db := filepath.Join(t.TempDir(), "fazhi.db")
	seedHostileDB(t, db)
	full := mountTmpfs(t, "size=16k")
	out, errs, code := runCLI(t, "--db", db, "backup", "-o", filepath.Join(full, "备份.db"))
	if code != 1 || !strings.Contains(errs, "磁盘空间不足") || !strings.Contains(errs, "没有留下残缺的文件") {
		t.Errorf("backup onto a full disk: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if left := listDir(t, full); len(left) != 0 {
		t.Errorf("full disk holds %v after the failed export; want nothing", left)
	}
}

// TestExportIntoReadOnlyFolder: as root, permissions do not stop writing,
// so the folder is a read-only tmpfs; as another user, a 0555 folder.
func TestExportIntoReadOnlyFolder(t *testing.T) {
	db := filepath.Join(t.TempDir(), "fazhi.db")
	seedHostileDB(t, db)
	var ro string
	if os.Geteuid() == 0 {
		ro = mountTmpfs(t, "ro")
	} else {
		ro = t.TempDir()
		os.Chmod(ro, 0o555)
		t.Cleanup(func() { os.Chmod(ro, 0o755) })
	}
	_, errs, code := runCLI(t, "--db", db, "backup", "-o", filepath.Join(ro, "备份.db"))
	if code != 1 || !strings.Contains(errs, "没有权限") || !strings.Contains(errs, "换一个文件夹") {
		t.Errorf("backup into a read-only folder: exit %d, stderr %q", code, errs)
	}
	if left := listDir(t, ro); len(left) != 0 {
		t.Errorf("read-only folder holds %v", left)
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
