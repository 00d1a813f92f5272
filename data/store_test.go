package data

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// openTemp opens a store on a fresh file in the test's temporary folder.
func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "sub", "fazhi.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestOpenCreatesFolderAndLatestSchema(t *testing.T) {
	s := openTemp(t)
	if _, err := os.Stat(s.Path()); err != nil {
		t.Fatalf("data file not created: %v", err)
	}
	v, err := s.SchemaVersion()
	if err != nil || v != SchemaLatest {
		t.Fatalf("SchemaVersion = %d, %v; want %d", v, err, SchemaLatest)
	}
}

func TestSecondOpenIsRefusedAsInUse(t *testing.T) {
	if LockTimeout > time.Second {
		t.Fatalf("LockTimeout = %v; a second copy must be told within 1 s", LockTimeout)
	}
	s := openTemp(t)
	start := time.Now()
	_, err := Open(s.Path())
	t.Logf("second open refused after %v", time.Since(start))
	if !errors.Is(err, ErrInUse) {
		t.Fatalf("second Open = %v; want ErrInUse", err)
	}
	if msg := Message(err); !bytes.Contains([]byte(msg), []byte("另一个正在运行的本程序")) {
		t.Errorf("message %q does not say another copy holds the file", msg)
	}
}

func TestReopenAfterClose(t *testing.T) {
	s := openTemp(t)
	if _, err := s.AddDepartment("党政办"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := Open(s.Path())
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s2.Close()
	if _, err := s2.ResolveDepartment("党政办"); err != nil {
		t.Fatalf("department lost across reopen: %v", err)
	}
}

func digest(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestNewerSchemaIsRefusedAndLeftUntouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket(bucketMeta)
		if err != nil {
			return err
		}
		return b.Put(keySchema, u64(SchemaLatest+7))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	before := digest(t, path)

	_, err = Open(path)
	if !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("Open = %v; want ErrNewerSchema", err)
	}
	if digest(t, path) != before {
		t.Error("refusing a newer file changed it")
	}
}

func TestNotOurFileIsRefused(t *testing.T) {
	for _, tc := range []struct {
		name    string
		content []byte
	}{
		{"text", []byte("这不是数据库文件\n")},
		{"zeros", make([]byte, 8192)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "x.db")
			if err := os.WriteFile(path, tc.content, 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := Open(path)
			if err == nil {
				t.Fatal("Open accepted a file that is not ours")
			}
			var ue *UserError
			if !errors.As(err, &ue) {
				t.Fatalf("error %v carries no message for the user", err)
			}
			if b, _ := os.ReadFile(path); !bytes.Equal(b, tc.content) {
				t.Error("refused file was changed")
			}
		})
	}
}

// TestMigrateFromVersion0 builds the shape files had before versions were
// stored (departments without a name index, names as typed) and checks that
// opening stores the version and makes every name and alias resolve.
func TestMigrateFromVersion0(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v0.db")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket(bucketDepts)
		if err != nil {
			return err
		}
		for i, rec := range []string{
			`{"id":1,"name":"党 政 办"}`,
			`{"id":2,"name":"人力资源分局","aliases":["人资分局"]}`,
		} {
			if err := b.Put(u64(uint64(i+1)), []byte(rec)); err != nil {
				return err
			}
		}
		if err := b.SetSequence(2); err != nil {
			return err
		}
		p, err := tx.CreateBucket(bucketProfile)
		if err != nil {
			return err
		}
		return p.Put(keyProfile, []byte(`{"name":"黄江镇人民政府"}`))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}

	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open v0: %v", err)
	}
	defer s.Close()
	if v, _ := s.SchemaVersion(); v != SchemaLatest {
		t.Errorf("schema after migration = %d; want %d", v, SchemaLatest)
	}
	for name, want := range map[string]uint64{"党政办": 1, "党 政 办": 1, "人资分局": 2, "人力资源分局": 2} {
		d, err := s.ResolveDepartment(name)
		if err != nil || d.ID != want {
			t.Errorf("Resolve(%q) = %+v, %v; want id %d", name, d, err, want)
		}
	}
	if inds, err := s.Indicators(); err != nil || len(inds) != len(DefaultCatalogue()) {
		t.Errorf("migration 2 wrote %d indicators (%v); want the default catalogue's %d", len(inds), err, len(DefaultCatalogue()))
	}
	if p, _ := s.Profile(); p.Name != "黄江镇人民政府" {
		t.Errorf("profile lost in migration: %+v", p)
	}
	// New ids continue after the old ones.
	d, err := s.AddDepartment("法制办")
	if err != nil || d.ID != 3 {
		t.Errorf("AddDepartment after migration = %+v, %v; want id 3", d, err)
	}
}

// TestMigrateFromVersion1KeepsCatalogue: a version 1 file seeded the
// catalogue on first use and the clerk may have changed it; migration 2
// must keep it as it is, and add the template mappings' bucket.
func TestMigrateFromVersion1KeepsCatalogue(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v1.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.RenameIndicator("信访受理数", "来信来访受理数"); err != nil {
		t.Fatal(err)
	}
	if err := s.update(func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket(bucketStatMaps); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keySchema, u64(1))
	}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, _ := s.SchemaVersion(); v != SchemaLatest {
		t.Errorf("schema = %d; want %d", v, SchemaLatest)
	}
	if ind, err := s.ResolveIndicator("F01"); err != nil || ind.Name != "来信来访受理数" {
		t.Errorf("F01 = %+v, %v; the clerk's rename was lost", ind, err)
	}
	if err := s.SaveTemplateMap(TemplateMap{Fingerprint: "abc"}); err != nil {
		t.Errorf("statmaps/ missing after migration: %v", err)
	}
}

func TestLastExport(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, ok, err := s.LastExport(); ok || err != nil {
		t.Fatalf("a fresh file has a last export (%v)", err)
	}
	for _, n := range []ExportNote{{What: "任务分解表", Path: "/a.xlsx"}, {What: "年度报告", Path: "/b.docx"}} {
		if err := s.NoteExport(n.What, n.Path); err != nil {
			t.Fatal(err)
		}
	}
	if n, ok, _ := s.LastExport(); !ok || n.What != "年度报告" || n.Path != "/b.docx" || n.At.IsZero() {
		t.Errorf("last export %+v", n)
	}
}
