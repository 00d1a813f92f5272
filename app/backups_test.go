package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"fazhi/export/backup"
)

func TestBackupPanel(t *testing.T) {
	u, s := newTestUI(t)
	s.AddDepartment("法制办")
	u.Show("settings")
	p := u.view("settings").(*settingsView).backups
	if p.last.Text != "还没有自动备份。" || len(p.list.Objects) != 0 {
		t.Fatalf("fresh file: %q, %d rows", p.last.Text, len(p.list.Objects))
	}
	if p.keep.Selected != "10" {
		t.Errorf("keep shows %q; want the default 10", p.keep.Selected)
	}

	test.Tap(findButton(t, p.box, "立即备份"))
	// The copy runs off the UI goroutine; the panel changes when it is done.
	for deadline := time.Now().Add(20 * time.Second); !strings.HasPrefix(p.last.Text, "已备份：") && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	if len(p.list.Objects) != 1 || !strings.HasPrefix(p.last.Text, "已备份：") {
		t.Fatalf("after 立即备份: %q, %d rows", p.last.Text, len(p.list.Objects))
	}
	saved := p.items[0].Path

	s.AddDepartment("党政办")
	restored := make(chan bool, 1)
	p.restoreThen(saved, func() { restored <- true })
	wait(t, restored)
	ds, _ := s.Departments()
	if len(ds) != 1 || ds[0].Name != "法制办" {
		t.Fatalf("after restore the window's store holds %+v; want only 法制办", ds)
	}
	if len(p.items) != 2 || p.items[0].Reason != backup.ReasonRestore {
		t.Errorf("after restore the list is %+v; want the safety backup on top", p.items)
	}
	// The other views read the same store: the register shows the restored data.
	u.Show("depts")
	if _, err := s.AddDepartment("司法所"); err != nil {
		t.Errorf("store not writable after restore: %v", err)
	}

	p.keep.SetSelected("3")
	if n, _ := s.BackupKeep(); n != 3 {
		t.Errorf("keep setting stored as %d; want 3", n)
	}
	s.SetBackupKeep(7)
	p.refresh()
	if p.keep.Selected != "7" {
		t.Errorf("keep 7 set elsewhere shows as %q", p.keep.Selected)
	}

	// A file that is not a backup is refused and nothing changes.
	bad := filepath.Join(t.TempDir(), "x.db")
	os.WriteFile(bad, []byte("not ours"), 0o600)
	p.restoreThen(bad, func() { t.Error("a file that is not a backup was restored") })
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		if top := u.win.Canvas().Overlays().Top(); top != nil && strings.Contains(strings.Join(labels(top), ""), "不能用来恢复") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("no message for a file that is not a backup")
		}
	}
	if ds, _ := s.Departments(); len(ds) != 2 {
		t.Errorf("a refused restore changed the data: %+v", ds)
	}
}

func TestDeptMergeBacksUpFirst(t *testing.T) {
	u, s := newTestUI(t)
	s.AddDepartment("监察室")
	s.AddDepartment("镇监察室")
	u.Show("depts")
	v := u.view("depts").(*deptView)
	if _, err := v.merge("镇监察室", "监察室"); err != nil {
		t.Fatal(err)
	}
	list, _ := backup.List(s)
	if len(list) != 1 || list[0].Reason != backup.ReasonMerge {
		t.Errorf("backups after a merge: %+v", list)
	}
}
