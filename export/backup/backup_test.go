package backup

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"fazhi/data"
	"fazhi/export/safefile"
	"fazhi/internal/hostile"
)

func openStore(t *testing.T) *data.Store {
	t.Helper()
	s, err := OpenStore(filepath.Join(t.TempDir(), "fazhi.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func addDept(t *testing.T, s *data.Store, name string) {
	t.Helper()
	if _, err := s.AddDepartment(name); err != nil {
		t.Fatal(err)
	}
}

func deptNames(t *testing.T, s *data.Store) string {
	t.Helper()
	ds, err := s.Departments()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range ds {
		names = append(names, d.Name)
	}
	return strings.Join(names, ",")
}

// openCopy opens a backup as a data file of its own and lists its
// departments: a backup is only as good as what can be read back.
func openCopy(t *testing.T, path string) string {
	t.Helper()
	c, err := data.Open(path)
	if err != nil {
		t.Fatalf("backup %s does not open: %v", path, err)
	}
	defer c.Close()
	return deptNames(t, c)
}

var day = time.Date(2026, 11, 23, 15, 30, 12, 0, time.Local)

func TestBeforeWritesACheckedCopy(t *testing.T) {
	s := openStore(t)
	addDept(t, s, "法制办")
	info, err := Before(s, ReasonImport)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(info.Path) != filepath.Join(filepath.Dir(s.Path()), "backups") {
		t.Errorf("backup in %s; want the data folder's backups/", info.Path)
	}
	if !strings.HasPrefix(filepath.Base(info.Path), "fazhi-") || !strings.HasSuffix(info.Path, "-import.db") {
		t.Errorf("backup name %s", filepath.Base(info.Path))
	}
	if _, err := data.CheckFile(info.Path); err != nil {
		t.Fatal(err)
	}
	addDept(t, s, "党政办")
	if got := openCopy(t, info.Path); got != "法制办" {
		t.Errorf("backup holds %q; want the data as it was before: 法制办", got)
	}
	list, err := List(s)
	if err != nil || len(list) != 1 || list[0].Reason != ReasonImport || list[0].Size == 0 {
		t.Errorf("List = %+v, %v", list, err)
	}
}

func TestNamesSortByTimeAndNeverCollide(t *testing.T) {
	s := openStore(t)
	var made []string
	for _, at := range []time.Time{day, day, day.Add(time.Hour), day.Add(-time.Hour)} {
		info, err := before(s, ReasonMerge, at)
		if err != nil {
			t.Fatal(err)
		}
		made = append(made, filepath.Base(info.Path))
	}
	want := []string{"fazhi-20261123-153012-merge.db", "fazhi-20261123-153012-merge-2.db", "fazhi-20261123-163012-merge.db", "fazhi-20261123-143012-merge.db"}
	for i := range want {
		if made[i] != want[i] {
			t.Errorf("backup %d named %s; want %s", i, made[i], want[i])
		}
	}
	list, _ := List(s)
	var order []string
	for _, b := range list {
		order = append(order, filepath.Base(b.Path))
	}
	if got := strings.Join(order, " "); got != strings.Join([]string{want[2], want[1], want[0], want[3]}, " ") {
		t.Errorf("newest first: %s", got)
	}
}

func TestRotationKeepsTheNewest(t *testing.T) {
	s := openStore(t)
	if err := s.SetBackupKeep(3); err != nil {
		t.Fatal(err)
	}
	for i := range 6 {
		addDept(t, s, "部门"+string(rune('甲'+i)))
		if _, err := before(s, ReasonImport, day.Add(time.Duration(i)*time.Minute)); err != nil {
			t.Fatal(err)
		}
	}
	list, _ := List(s)
	if len(list) != 3 {
		t.Fatalf("%d backups kept; want 3", len(list))
	}
	if !list[0].Time.Equal(day.Add(5*time.Minute)) || !list[2].Time.Equal(day.Add(3*time.Minute)) {
		t.Errorf("kept %v … %v; want the newest three", list[0].Time, list[2].Time)
	}
	// Files that are not our backups are never touched by the rotation.
	other := filepath.Join(Dir(s), "我的备份.db")
	os.WriteFile(other, []byte("x"), 0o600)
	before(s, ReasonImport, day.Add(time.Hour))
	if _, err := os.Stat(other); err != nil {
		t.Errorf("rotation removed a file that is not ours: %v", err)
	}
	if keep, _ := s.BackupKeep(); keep != 3 {
		t.Errorf("BackupKeep = %d", keep)
	}
	for _, bad := range []int{0, -1, data.MaxBackupKeep + 1} {
		if err := s.SetBackupKeep(bad); !errors.Is(err, data.ErrInvalid) {
			t.Errorf("SetBackupKeep(%d) = %v; want ErrInvalid", bad, err)
		}
	}
}

// TestPruneNeverDeletesTheLastGoodOne damages the newest backups: the
// newest good one survives the rotation though it is older than keep.
func TestPruneNeverDeletesTheLastGoodOne(t *testing.T) {
	s := openStore(t)
	var paths []string
	for i := range 4 {
		info, err := before(s, ReasonImport, day.Add(time.Duration(i)*time.Minute))
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, info.Path)
	}
	// Newest two damaged: one emptied, one with its meta pages overwritten.
	os.WriteFile(paths[3], nil, 0o600)
	b, _ := os.ReadFile(paths[2])
	for i := 0; i < 8192 && i < len(b); i++ {
		b[i] = 0xAB
	}
	os.WriteFile(paths[2], b, 0o600)
	if err := prune(Dir(s), 2, ""); err != nil {
		t.Fatal(err)
	}
	for i, want := range []bool{false, true, true, true} {
		_, err := os.Stat(paths[i])
		if got := err == nil; got != want {
			t.Errorf("backup %d kept = %v; want %v", i, got, want)
		}
	}
	// Not a single good copy: nothing is deleted.
	os.WriteFile(paths[1], []byte("garbage"), 0o600)
	if err := prune(Dir(s), 1, ""); err != nil {
		t.Fatal(err)
	}
	if list, _ := List(s); len(list) != 3 {
		t.Errorf("%d backups left; with none good, none may go", len(list))
	}
}

func TestAtStartOncePerDay(t *testing.T) {
	s := openStore(t)
	steps := []struct {
		at   time.Time
		made bool
	}{
		{day, true},
		{day.Add(2 * time.Hour), false},
		{day.Add(24 * time.Hour), true},
		{day.Add(25 * time.Hour), false},
	}
	for i, st := range steps {
		info, made, err := atStart(s, st.at)
		if err != nil || made != st.made {
			t.Errorf("step %d: made %v, %v; want %v", i, made, err, st.made)
		}
		if made && info.Reason != ReasonStart {
			t.Errorf("step %d: reason %s", i, info.Reason)
		}
	}
}

// TestBackupFailureStopsTheChange: with backups/ blocked (a file where the
// folder should be) Before fails with a sentence saying the import was not
// done, and leaves no file behind.
func TestBackupFailureStopsTheChange(t *testing.T) {
	s := openStore(t)
	if err := os.WriteFile(Dir(s), []byte("not a folder"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Before(s, ReasonImport)
	if err == nil {
		t.Fatal("Before succeeded with backups/ blocked")
	}
	msg := data.Message(err)
	if !strings.Contains(msg, "导入前的自动备份没有做成，导入没有进行") {
		t.Errorf("message %q", msg)
	}
	entries, _ := os.ReadDir(filepath.Dir(s.Path()))
	if len(entries) != 2 {
		t.Errorf("folder holds %d entries; want the data file and the blocking file", len(entries))
	}
}

func TestWriteFile(t *testing.T) {
	s := openStore(t)
	addDept(t, s, "法制办")
	out := filepath.Join(t.TempDir(), "交接备份.db")
	if _, err := WriteFile(s, out, false); err != nil {
		t.Fatal(err)
	}
	if got := openCopy(t, out); got != "法制办" {
		t.Errorf("manual backup holds %q", got)
	}
	if _, err := WriteFile(s, out, false); !errors.Is(err, safefile.ErrExists) {
		t.Errorf("second write without replace: %v; want ErrExists", err)
	}
	if _, err := WriteFile(s, out, true); err != nil {
		t.Errorf("replace: %v", err)
	}
	if _, err := WriteFile(s, s.Path(), true); err == nil || !strings.Contains(data.Message(err), "数据文件本身") {
		t.Errorf("backup onto the data file: %v", err)
	}
}

func TestRestore(t *testing.T) {
	s := openStore(t)
	addDept(t, s, "法制办")
	saved := filepath.Join(t.TempDir(), "saved.db")
	if _, err := WriteFile(s, saved, false); err != nil {
		t.Fatal(err)
	}
	addDept(t, s, "党政办")

	safety, info, err := Restore(s, saved)
	if err != nil {
		t.Fatal(err)
	}
	if info.Depts != 1 {
		t.Errorf("FileInfo.Depts = %d", info.Depts)
	}
	// The same *Store goes on, on the restored data.
	if got := deptNames(t, s); got != "法制办" {
		t.Errorf("after restore the store holds %q; want 法制办", got)
	}
	addDept(t, s, "司法所")
	if safety.Reason != ReasonRestore {
		t.Errorf("safety backup reason %s", safety.Reason)
	}
	if got := openCopy(t, safety.Path); got != "党政办,法制办" && got != "法制办,党政办" {
		t.Errorf("safety backup holds %q; want the data from before the restore", got)
	}
	st, _ := os.Stat(s.Path())
	if st.Mode().Perm() != 0o600 {
		t.Errorf("restored data file mode %v; want 0600", st.Mode().Perm())
	}
}

// TestRestoreRefusesFilesNotOurs: every refused file leaves the data file
// byte for byte as it was and makes no safety backup.
func TestRestoreRefusesFilesNotOurs(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// A bbolt file that is not ours: no meta bucket.
	foreign := filepath.Join(dir, "foreign.db")
	db, err := bolt.Open(foreign, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("other")); return err })
	db.Close()
	// Ours, from a newer program.
	newer := filepath.Join(dir, "newer.db")
	db, _ = bolt.Open(newer, 0o600, nil)
	db.Update(func(tx *bolt.Tx) error {
		b, _ := tx.CreateBucket([]byte("meta"))
		return b.Put([]byte("schema"), []byte{0, 0, 0, 0, 0, 0, 0, 99})
	})
	db.Close()
	// Ours, truncated half-way.
	src := openStore(t)
	for i := range 300 {
		src.AddDepartment(strings.Repeat("部", 50) + string(rune('一'+i)))
	}
	whole := filepath.Join(dir, "whole.db")
	if _, err := WriteFile(src, whole, false); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(whole)

	cases := []struct {
		name, path, want string
	}{
		{"missing", filepath.Join(dir, "nosuch.db"), "找不到文件"},
		{"empty", write("empty.db", nil), "不是本程序的数据文件或备份"},
		{"text", write("text.db", []byte("这不是数据文件")), "不是本程序的数据文件或备份"},
		{"folder", dir, "不是本程序的数据文件或备份"},
		{"foreign bbolt", foreign, "不是本程序的数据文件或备份"},
		{"newer schema", newer, "更新版本"},
		{"truncated", write("truncated.db", b[:len(b)/2]), "不是本程序的数据文件或备份"},
	}
	s := openStore(t)
	addDept(t, s, "法制办")
	before, _ := hostile.Digest(s)
	for _, c := range cases {
		_, _, err := Restore(s, c.path)
		if err == nil || !strings.Contains(data.Message(err), c.want) {
			t.Errorf("%s: %v; want a message with %q", c.name, err, c.want)
		}
	}
	if _, _, err := Restore(s, s.Path()); err == nil {
		t.Error("restoring the data file onto itself succeeded")
	}
	if after, _ := hostile.Digest(s); after != before {
		t.Error("a refused restore changed the data file")
	}
	if list, _ := List(s); len(list) != 0 {
		t.Errorf("refused restores made %d safety backups; want none", len(list))
	}
}

// TestSameSecondRotation: backups of different reasons in one second (the
// day's start, then an import, then a merge) rotate by when they were
// written, and the one just written always stays.
func TestSameSecondRotation(t *testing.T) {
	s := openStore(t)
	s.SetBackupKeep(2)
	for _, r := range []Reason{ReasonStart, ReasonRestore, ReasonCarry, ReasonImport} {
		if _, err := before(s, r, day); err != nil {
			t.Fatal(err)
		}
	}
	list, _ := List(s)
	if len(list) != 2 || list[0].Reason != ReasonImport || list[1].Reason != ReasonCarry {
		t.Errorf("kept %+v; want the import and the carry-over, newest first", list)
	}
}

// TestOpenStoreBacksUpBeforeChanges: a store from OpenStore makes the
// automatic backup itself, one per change, named and labelled for the
// change, holding the data from before it; a refused change makes none; a
// blocked backups folder stops the change with the reason's sentence.
func TestOpenStoreBacksUpBeforeChanges(t *testing.T) {
	s := openStore(t)
	addDept(t, s, "监察室")
	addDept(t, s, "镇监察室")
	if _, err := s.MergeDepartments("监察室", "监察室"); err == nil {
		t.Fatal("merging a department into itself succeeded")
	}
	if list, _ := List(s); len(list) != 0 {
		t.Fatalf("a refused merge made %d backups", len(list))
	}
	if _, err := s.MergeDepartments("镇监察室", "监察室"); err != nil {
		t.Fatal(err)
	}
	list, _ := List(s)
	if len(list) != 1 || list[0].Reason != ReasonMerge || list[0].Reason.Label() != "合并前" {
		t.Fatalf("backups after a merge: %+v", list)
	}
	if got := openCopy(t, list[0].Path); got != "监察室,镇监察室" && got != "镇监察室,监察室" {
		t.Errorf("the merge's backup holds %q; want both departments", got)
	}

	// A past report imported: 导入前, as on the command line.
	r := data.NewReport(data.Profile{Name: "黄江镇人民政府"}, 2024)
	r.Sections[0].Text = "往年"
	if _, err := s.ImportReport(r, false); err != nil {
		t.Fatal(err)
	}
	if list, _ = List(s); len(list) != 2 || list[0].Reason != ReasonImport || list[0].Reason.Label() != "导入前" {
		t.Fatalf("backups after a report import: %+v", list)
	}

	if err := os.Rename(Dir(s), Dir(s)+".moved"); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(Dir(s), []byte("not a folder"), 0o600); err != nil {
		t.Fatal(err)
	}
	before, _ := hostile.Digest(s)
	_, err := s.CarryPlan(2024, 2025)
	if err == nil {
		// No plan for 2024: refused before any backup is tried.
		t.Fatal("carrying a year without a plan succeeded")
	}
	if strings.Contains(data.Message(err), "自动备份") {
		t.Errorf("a refused carry tried a backup: %q", data.Message(err))
	}
	_, err = s.ImportReport(r, true)
	if msg := data.Message(err); !strings.Contains(msg, "导入前的自动备份没有做成，导入没有进行，数据未改变") {
		t.Errorf("import with backups blocked: %q", msg)
	}
	if after, _ := hostile.Digest(s); after != before {
		t.Error("a change whose backup failed changed the data")
	}
}

// TestRestoreBacksUpOnce: a restore leaves exactly one backup, the one
// before it, whatever the door.
func TestRestoreBacksUpOnce(t *testing.T) {
	s := openStore(t)
	addDept(t, s, "法制办")
	saved := filepath.Join(t.TempDir(), "saved.db")
	if _, err := WriteFile(s, saved, false); err != nil {
		t.Fatal(err)
	}
	safety, _, err := Restore(s, saved)
	if err != nil {
		t.Fatal(err)
	}
	list, _ := List(s)
	if len(list) != 1 || list[0].Path != safety.Path || list[0].Reason != ReasonRestore || safety.Size != list[0].Size || safety.Time.IsZero() {
		t.Errorf("backups after a restore: %+v; safety %+v", list, safety)
	}
}
