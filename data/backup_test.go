package data

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestReopenWritesNothing: opening a file already in shape must not commit
// a transaction, or every refused import would change the file's bytes.
func TestReopenWritesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fazhi.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.AddDepartment("法制办")
	s.Close()
	before := digest(t, path)
	for range 3 {
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
	if digest(t, path) != before {
		t.Error("opening and closing changed the file")
	}
}

func TestWriteToIsAFileOfItsOwn(t *testing.T) {
	s := openTemp(t)
	s.AddDepartment("法制办")
	var buf bytes.Buffer
	n, err := s.WriteTo(&buf)
	if err != nil || n != int64(buf.Len()) {
		t.Fatalf("WriteTo = %d, %v (wrote %d)", n, err, buf.Len())
	}
	copyPath := filepath.Join(t.TempDir(), "copy.db")
	os.WriteFile(copyPath, buf.Bytes(), 0o600)
	info, err := CheckFile(copyPath)
	if err != nil || info.Schema != SchemaLatest || info.Depts != 1 {
		t.Fatalf("CheckFile(copy) = %+v, %v", info, err)
	}
	// The check opens read-only: the copy's bytes are untouched.
	if b, _ := os.ReadFile(copyPath); !bytes.Equal(b, buf.Bytes()) {
		t.Error("CheckFile changed the file")
	}
}

func TestCheckFileWhileInUse(t *testing.T) {
	s := openTemp(t)
	if _, err := CheckFile(s.Path()); !errors.Is(err, ErrInUse) {
		t.Errorf("CheckFile on the open data file = %v; want ErrInUse", err)
	}
}

func TestReplaceFile(t *testing.T) {
	s := openTemp(t)
	s.SetBeforeChange(func(Change) (string, error) { return "", nil })
	s.AddDepartment("法制办")
	var buf bytes.Buffer
	s.WriteTo(&buf)
	s.AddDepartment("党政办")

	// A failing replacement leaves the old file open and whole.
	boom := errors.New("boom")
	if _, err := s.ReplaceFile(func(string) error { return boom }); !errors.Is(err, boom) {
		t.Fatalf("ReplaceFile = %v; want boom", err)
	}
	if ds, _ := s.Departments(); len(ds) != 2 {
		t.Fatalf("after a failed replace: %d departments; want 2", len(ds))
	}
	if _, err := s.ReplaceFile(func(path string) error { return os.WriteFile(path, buf.Bytes(), 0o600) }); err != nil {
		t.Fatal(err)
	}
	ds, err := s.Departments()
	if err != nil || len(ds) != 1 || ds[0].Name != "法制办" {
		t.Fatalf("after replace: %+v, %v", ds, err)
	}
	if _, err := s.AddDepartment("司法所"); err != nil {
		t.Errorf("store not writable after replace: %v", err)
	}
}
