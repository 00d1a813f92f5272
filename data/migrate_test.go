package data

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// TestMigrateFromVersion2KeysTasksByYear builds a version 2 file as that
// program wrote it (tasks/ keyed by id alone, years mixed) directly with
// bbolt, and checks that after Open every task is found by year and by id
// with the same content and id, that its record moved byte for byte, and
// that new ids continue after the old ones.
func TestMigrateFromVersion2KeysTasksByYear(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v2.db")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2024, 3, 1, 9, 30, 0, 0, time.UTC)
	old := []Task{
		{ID: 1, Year: 2023, Seq: 1, Chapter: "一", No: 1, Title: "学法", Status: StatusDone, StatusAt: at, Lead: []uint64{1}},
		{ID: 2, Year: 2024, Seq: 2, Chapter: "一", No: 2, Title: "公开清单", Status: StatusInProgress, StatusAt: at,
			Progress: []Progress{{Date: d("2024-02-01"), Dept: 1, Text: "已公开", By: "窗口", At: at}}},
		{ID: 3, Year: 2023, Seq: 2, Chapter: "二", No: 2, Title: "复议", Status: StatusNotStarted, StatusAt: at},
		{ID: 4, Year: 2024, Seq: 1, Chapter: "一", No: 1, Title: "执法", Status: StatusOngoing, StatusAt: at, LongTerm: true,
			Extra: map[string]string{"备注": "重点"}},
		// Task 5 was deleted by a replacing import: the sequence is past it.
	}
	raw := map[uint64][]byte{}
	err = db.Update(func(tx *bolt.Tx) error {
		// Every bucket a version 2 file had, and nothing newer.
		for _, name := range [][]byte{bucketMeta, bucketProfile, bucketDepts, bucketDeptNames, bucketPlans, bucketTasks,
			bucketReports, bucketReportSnaps, bucketIndicators, bucketValues, bucketStatMaps} {
			if _, err := tx.CreateBucket(name); err != nil {
				return err
			}
		}
		if err := tx.Bucket(bucketMeta).Put(keySchema, u64(2)); err != nil {
			return err
		}
		if err := tx.Bucket(bucketDepts).Put(u64(1), []byte(`{"id":1,"name":"法制办"}`)); err != nil {
			return err
		}
		if err := tx.Bucket(bucketDeptNames).Put([]byte("法制办"), u64(1)); err != nil {
			return err
		}
		for _, y := range []int{2023, 2024} {
			if err := tx.Bucket(bucketPlans).Put(u64(uint64(y)), []byte(fmt.Sprintf(`{"year":%d,"title":"实施方案"}`, y))); err != nil {
				return err
			}
		}
		b := tx.Bucket(bucketTasks)
		for _, task := range old {
			v, err := json.Marshal(task)
			if err != nil {
				return err
			}
			raw[task.ID] = v
			if err := b.Put(u64(task.ID), v); err != nil {
				return err
			}
		}
		return b.SetSequence(5)
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}

	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open v2: %v", err)
	}
	if v, _ := s.SchemaVersion(); v != SchemaLatest || v < 3 {
		t.Errorf("schema after migration = %d; want %d", v, SchemaLatest)
	}
	for _, year := range []int{2023, 2024} {
		got, err := s.Tasks(year)
		if err != nil {
			t.Fatal(err)
		}
		var want []uint64
		for _, task := range old {
			if task.Year == year {
				want = append(want, task.ID)
			}
		}
		var ids []uint64
		for _, task := range got {
			ids = append(ids, task.ID)
			b, _ := json.Marshal(task)
			if !bytes.Equal(b, raw[task.ID]) {
				t.Errorf("task %d after migration:\n%s\nwant\n%s", task.ID, b, raw[task.ID])
			}
		}
		slices.Sort(ids)
		if !slices.Equal(ids, want) {
			t.Errorf("Tasks(%d) ids %v; want %v", year, ids, want)
		}
	}
	for _, task := range old {
		got, err := s.Task(task.ID)
		if err != nil || got.Title != task.Title || got.Year != task.Year {
			t.Errorf("Task(%d) = %+v, %v", task.ID, got, err)
		}
	}
	if got, _ := s.Tasks(2024); len(got) != 2 || got[0].ID != 4 || got[1].ID != 2 {
		t.Errorf("2024's tasks not in plan order: %+v", got)
	}
	added, err := s.AddTask(2024, TaskDraft{Task: Task{No: 3, Title: "新任务"}})
	if err != nil || added.ID != 6 {
		t.Errorf("AddTask after migration = id %d, %v; want id 6", added.ID, err)
	}
	s.Close()

	// The records themselves moved byte for byte, each under year ‖ id,
	// and no key of the old shape is left.
	db, err = bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketTasks)
		for _, task := range old {
			if v := b.Get(taskKey(task.Year, task.ID)); !bytes.Equal(v, raw[task.ID]) {
				t.Errorf("record of task %d under year ‖ id: %s", task.ID, v)
			}
			if y := tx.Bucket(bucketTaskYears).Get(u64(task.ID)); fromU64(y) != uint64(task.Year) {
				t.Errorf("taskyears/ says task %d is in %d", task.ID, fromU64(y))
			}
		}
		b.ForEach(func(k, _ []byte) error {
			if len(k) != 16 {
				t.Errorf("key of the old shape left: %x", k)
			}
			return nil
		})
		if n := b.Stats().KeyN; n != len(old)+1 {
			t.Errorf("tasks/ holds %d records; want %d", n, len(old)+1)
		}
		return nil
	})
}

// TestTasksReadsOnlyItsYear: a year's tasks come from their own key range;
// a damaged record of another year does not stop them being read.
func TestTasksReadsOnlyItsYear(t *testing.T) {
	s := openTemp(t)
	mine, err := s.AddTask(2024, TaskDraft{Task: Task{No: 1, Title: "本年"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddTask(2023, TaskDraft{Task: Task{No: 1, Title: "上年"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketTasks).Put(taskKey(2023, 99), []byte("{damaged"))
	}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Tasks(2024)
	if err != nil || len(got) != 1 || got[0].ID != mine.ID {
		t.Errorf("Tasks(2024) = %+v, %v; want only task %d", got, err, mine.ID)
	}
	if _, err := s.Tasks(2023); err == nil {
		t.Error("the damaged record of 2023 was not read for 2023")
	}
}

// TestTaskMovedToAnotherYear: saving a task under another year moves its
// record, so it is listed once, in its new year.
func TestTaskMovedToAnotherYear(t *testing.T) {
	s := openTemp(t)
	task, err := s.AddTask(2024, TaskDraft{Task: Task{No: 1, Title: "学法"}})
	if err != nil {
		t.Fatal(err)
	}
	task.Year = 2025
	if _, err := s.SaveTask(task); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Tasks(2024); len(got) != 0 {
		t.Errorf("2024 still lists %+v", got)
	}
	if got, _ := s.Tasks(2025); len(got) != 1 || got[0].ID != task.ID {
		t.Errorf("2025 lists %+v", got)
	}
	if got, err := s.Task(task.ID); err != nil || got.Year != 2025 {
		t.Errorf("Task(%d) = %+v, %v", task.ID, got, err)
	}
}
