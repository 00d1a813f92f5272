package data

import (
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// hookRecorder is a step before a change that writes each copy to a file of
// its own, as export/backup does, and remembers why it was called.
type hookRecorder struct {
	dir     string
	reasons []ChangeReason
	copies  []string
	fail    error
}

func (h *hookRecorder) step(c Change) (string, error) {
	h.reasons = append(h.reasons, c.Reason)
	if h.fail != nil {
		return "", h.fail
	}
	if c.Path() == "" {
		return "", errors.New("change without the data file's path")
	}
	if keep, err := c.BackupKeep(); err != nil || keep != DefaultBackupKeep {
		return "", errors.New("change without the backup setting")
	}
	path := filepath.Join(h.dir, string(c.Reason)+"-"+string(rune('a'+len(h.copies)))+".db")
	f, err := os.Create(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	if _, err := c.WriteTo(f); err != nil {
		return "", err
	}
	h.copies = append(h.copies, path)
	return path, f.Sync()
}

// contentDigest hashes every bucket's keys and values (not the page
// layout or transaction ids), so a backup and the data it copied compare
// equal.
func contentDigest(t *testing.T, path string) [32]byte {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: LockTimeout})
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer db.Close()
	h := sha256.New()
	var walk func(b *bolt.Bucket)
	walk = func(b *bolt.Bucket) {
		b.ForEach(func(k, v []byte) error {
			h.Write(k)
			if v == nil {
				h.Write([]byte{'/'})
				walk(b.Bucket(k))
			} else {
				h.Write(v)
			}
			return nil
		})
	}
	db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			h.Write(name)
			walk(b)
			return nil
		})
	})
	var sum [32]byte
	copy(sum[:], h.Sum(nil))
	return sum
}

// currentContent is the content digest of the open store's data now.
func currentContent(t *testing.T, s *Store) [32]byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "now.db")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.WriteTo(f); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return contentDigest(t, path)
}

// changeCases are the store's changes that replace or merge data: each
// must take the step before a change exactly once, after validation.
// setup builds the data the change works on (with no step wired); refuse,
// where there is one, is the same change refused by validation.
var changeCases = []struct {
	name   string
	reason ChangeReason
	setup  func(t *testing.T, s *Store)
	change func(s *Store) error
	refuse func(s *Store) error
}{
	{"plan import", ChangeImport,
		func(t *testing.T, s *Store) { mustImport(t, s, 2017) },
		func(s *Store) error { _, err := s.ImportPlan(samplePlan(2017), true); return err },
		func(s *Store) error { _, err := s.ImportPlan(samplePlan(2017), false); return err }},
	{"plan import, an alias for no department", ChangeImport,
		func(t *testing.T, s *Store) {},
		func(s *Store) error { _, err := s.ImportPlan(samplePlan(2017), false); return err },
		func(s *Store) error {
			imp := samplePlan(2017)
			imp.Aliases = map[string]string{"法制办": "没有这个部门"}
			_, err := s.ImportPlan(imp, false)
			return err
		}},
	{"plan import, a task with a status that is none", ChangeImport,
		func(t *testing.T, s *Store) {},
		func(s *Store) error { _, err := s.ImportPlan(samplePlan(2017), false); return err },
		func(s *Store) error {
			imp := samplePlan(2017)
			imp.Tasks[0].Status = "差不多"
			_, err := s.ImportPlan(imp, false)
			return err
		}},
	{"plan carry", ChangeCarry,
		func(t *testing.T, s *Store) { mustImport(t, s, 2017) },
		func(s *Store) error { _, err := s.CarryPlan(2017, 2018); return err },
		func(s *Store) error { _, err := s.CarryPlan(2017, 2017); return err }},
	{"department merge", ChangeMerge,
		func(t *testing.T, s *Store) { mustImport(t, s, 2017) },
		func(s *Store) error { _, err := s.MergeDepartments("法制办", "党政办"); return err },
		func(s *Store) error { _, err := s.MergeDepartments("法制办", "法制办"); return err }},
	{"collect returned workbooks", ChangeMerge,
		func(t *testing.T, s *Store) { mustImport(t, s, 2017) },
		func(s *Store) error {
			ts, _ := s.Tasks(2017)
			_, err := s.ApplyCollected([]CollectedChange{{TaskID: ts[0].ID, Dept: "法制办", Source: "a.xlsx", Progress: "已完成"}})
			return err
		},
		func(s *Store) error {
			ts, _ := s.Tasks(2017)
			_, err := s.ApplyCollected([]CollectedChange{{TaskID: ts[0].ID, Progress: "已完成"}, {TaskID: ts[1].ID, Status: "差不多"}})
			return err
		}},
	{"statistics return import", ChangeImport,
		func(t *testing.T, s *Store) {},
		func(s *Store) error {
			_, err := s.ImportValues(2024, []Entry{{Name: "信访受理数", Text: "331"}})
			return err
		},
		func(s *Store) error {
			_, err := s.ImportValues(2024, []Entry{{Name: "信访受理数", Text: "331"}, {Name: "没有这个指标", Text: "1"}})
			return err
		}},
	{"report import", ChangeImport,
		func(t *testing.T, s *Store) { mustReport(t, s, "往年") },
		func(s *Store) error { _, err := s.ImportReport(reportText("导入"), true); return err },
		func(s *Store) error { _, err := s.ImportReport(reportText("导入"), false); return err }},
	{"report import into an empty year", ChangeImport,
		func(t *testing.T, s *Store) {},
		func(s *Store) error { _, err := s.ImportReport(reportText("导入"), false); return err },
		nil},
	{"report replaced by a draft", ChangeReplace,
		func(t *testing.T, s *Store) { mustReport(t, s, "第一稿") },
		func(s *Store) error { _, err := s.CreateReport(reportText("草稿"), true); return err },
		func(s *Store) error { _, err := s.CreateReport(reportText("草稿"), false); return err }},
	{"report version restored", ChangeReplace,
		func(t *testing.T, s *Store) {
			mustReport(t, s, "第一稿")
			if _, err := s.SnapshotReport(2024, "导出"); err != nil {
				t.Fatal(err)
			}
			if _, err := s.SaveReport(reportText("第二稿")); err != nil {
				t.Fatal(err)
			}
		},
		func(s *Store) error {
			sns, _ := s.ReportSnapshots(2024)
			_, err := s.RestoreReport(2024, sns[0].ID)
			return err
		},
		func(s *Store) error { _, err := s.RestoreReport(2024, 999); return err }},
	{"data file restored", ChangeRestore,
		func(t *testing.T, s *Store) { mustImport(t, s, 2017) },
		func(s *Store) error {
			_, err := s.ReplaceFile(func(path string) error {
				other := filepath.Join(filepath.Dir(path), "other.db")
				o, err := Open(other)
				if err != nil {
					return err
				}
				o.Close()
				b, err := os.ReadFile(other)
				if err != nil {
					return err
				}
				return os.WriteFile(path, b, 0o600)
			})
			return err
		},
		nil},
}

func mustImport(t *testing.T, s *Store, year int) {
	t.Helper()
	if _, err := s.ImportPlan(samplePlan(year), false); err != nil {
		t.Fatal(err)
	}
}

func reportText(text string) Report {
	r := NewReport(huangjiang(), 2024)
	r.Sections[0].Text = text
	return r
}

func mustReport(t *testing.T, s *Store, text string) {
	t.Helper()
	if _, err := s.CreateReport(reportText(text), false); err != nil {
		t.Fatal(err)
	}
}

// TestChangesBackUpOnceAfterValidation: every change that replaces or
// merges data takes the step before a change exactly once, with the data
// as it was just before; the same change refused by validation takes none.
func TestChangesBackUpOnceAfterValidation(t *testing.T) {
	for _, c := range changeCases {
		t.Run(c.name, func(t *testing.T) {
			s := openTemp(t)
			c.setup(t, s)
			h := &hookRecorder{dir: t.TempDir()}
			s.SetBeforeChange(h.step)
			if c.refuse != nil {
				before := digest(t, s.Path())
				if err := c.refuse(s); err == nil {
					t.Fatal("the refused change went through")
				}
				if len(h.reasons) != 0 {
					t.Errorf("a change refused by validation took the step %d times", len(h.reasons))
				}
				if digest(t, s.Path()) != before {
					t.Error("a refused change changed the data file")
				}
			}
			want := currentContent(t, s)
			if err := c.change(s); err != nil {
				t.Fatal(err)
			}
			if len(h.reasons) != 1 || h.reasons[0] != c.reason {
				t.Fatalf("the change took the step for %q; want once, for %q", h.reasons, c.reason)
			}
			if contentDigest(t, h.copies[0]) != want {
				t.Error("the backup does not hold the data as it was before the change")
			}
			if currentContent(t, s) == want {
				t.Error("the change changed nothing")
			}
		})
	}
}

// TestFailingStepLeavesDataUnchanged: when the step before a change fails
// (a full disk), the change is not made and its error is the step's.
func TestFailingStepLeavesDataUnchanged(t *testing.T) {
	for _, c := range changeCases {
		t.Run(c.name, func(t *testing.T) {
			s := openTemp(t)
			c.setup(t, s)
			h := &hookRecorder{dir: t.TempDir(), fail: &UserError{Msg: "导入前的自动备份没有做成，导入没有进行，数据未改变。"}}
			s.SetBeforeChange(h.step)
			before := digest(t, s.Path())
			content := currentContent(t, s)
			err := c.change(s)
			if err == nil || Message(err) != h.fail.Error() {
				t.Fatalf("change with a failing step = %v; want the step's message", err)
			}
			if len(h.reasons) != 1 {
				t.Errorf("the step was taken %d times; want once", len(h.reasons))
			}
			if digest(t, s.Path()) != before || currentContent(t, s) != content {
				t.Error("a change whose backup failed changed the data")
			}
		})
	}
}

// TestNoChangeNoBackup: a return that changes no figure and a merge with
// nothing ticked write nothing and back nothing up.
func TestNoChangeNoBackup(t *testing.T) {
	s := openTemp(t)
	entries := []Entry{{Name: "信访受理数", Text: "331"}}
	if _, err := s.SetValues(2024, 0, entries); err != nil {
		t.Fatal(err)
	}
	h := &hookRecorder{dir: t.TempDir()}
	s.SetBeforeChange(h.step)
	before := digest(t, s.Path())
	if _, err := s.ImportValues(2024, entries); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ApplyCollected(nil); err != nil {
		t.Fatal(err)
	}
	if len(h.reasons) != 0 || digest(t, s.Path()) != before {
		t.Errorf("changes that change nothing took the step %d times or wrote", len(h.reasons))
	}
	// A new report for a year without one replaces nothing: no backup.
	if _, err := s.CreateReport(reportText("草稿"), false); err != nil {
		t.Fatal(err)
	}
	if len(h.reasons) != 0 {
		t.Errorf("a first draft took the step %d times", len(h.reasons))
	}
}

// TestRoutineEditsTakeNoStep: typing a figure, adding a task or a
// department is not a change that replaces much, and is never held up by a
// backup.
func TestRoutineEditsTakeNoStep(t *testing.T) {
	s := openTemp(t)
	h := &hookRecorder{dir: t.TempDir(), fail: errors.New("no backup now")}
	s.SetBeforeChange(h.step)
	if _, err := s.SetValues(2024, 0, []Entry{{Name: "信访受理数", Text: "331"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddDepartment("法制办"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddTask(2024, TaskDraft{Task: Task{No: 1, Title: "学法"}}); err != nil {
		t.Fatal(err)
	}
	if len(h.reasons) != 0 {
		t.Errorf("routine edits took the step %d times", len(h.reasons))
	}
}

// TestReplaceFileNeedsTheStep: the one change that cannot be undone without
// its backup is refused by a store that has no step wired.
func TestReplaceFileNeedsTheStep(t *testing.T) {
	s := openTemp(t)
	called := false
	if _, err := s.ReplaceFile(func(string) error { called = true; return nil }); err == nil || called {
		t.Errorf("ReplaceFile without a step = %v (replace called: %v); want a refusal", err, called)
	}
}
