package data

import (
	"slices"

	bolt "go.etcd.io/bbolt"
)

// Task is one numbered line of a year's 任务分解表. It names departments by
// ID, never by text, so that renaming or merging a department reaches every
// task at once. (The plan and tracking work extends this type.)
type Task struct {
	ID          uint64   `json:"id"`
	Year        int      `json:"year"`
	Chapter     string   `json:"chapter"`
	No          int      `json:"no"`
	Title       string   `json:"title"`
	Text        string   `json:"text"`
	Lead        []uint64 `json:"lead,omitempty"`
	Cooperate   []uint64 `json:"cooperate,omitempty"`
	Responsible []uint64 `json:"responsible,omitempty"`
}

// deptLists are the task's department references, for code that must visit
// all of them (merge, reference counts).
func (t *Task) deptLists() []*[]uint64 {
	return []*[]uint64{&t.Lead, &t.Cooperate, &t.Responsible}
}

// names reports whether the task refers to department id anywhere.
func (t *Task) names(id uint64) bool {
	for _, l := range t.deptLists() {
		if slices.Contains(*l, id) {
			return true
		}
	}
	return false
}

// SaveTask stores a task, giving it an id when it has none.
func (s *Store) SaveTask(t Task) (Task, error) {
	err := s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketTasks)
		if t.ID == 0 {
			id, err := b.NextSequence()
			if err != nil {
				return err
			}
			t.ID = id
		}
		return putJSON(b, u64(t.ID), t)
	})
	return t, err
}

// Task returns the task with the given id.
func (s *Store) Task(id uint64) (Task, error) {
	var t Task
	err := s.view(func(tx *bolt.Tx) error {
		ok, err := getJSON(tx.Bucket(bucketTasks), u64(id), &t)
		if err == nil && !ok {
			err = userErr(ErrNotFound, "任务编号 %d 不存在。", id)
		}
		return err
	})
	return t, err
}

// forEachTask visits every stored task; fn returns the task to write back
// (changed true) or leaves it.
func forEachTask(tx *bolt.Tx, fn func(t *Task) (changed bool)) error {
	b := tx.Bucket(bucketTasks)
	var changed []Task
	err := b.ForEach(func(k, _ []byte) error {
		var t Task
		if _, err := getJSON(b, k, &t); err != nil {
			return err
		}
		if fn(&t) {
			changed = append(changed, t)
		}
		return nil
	})
	// Written after the walk: bbolt forbids changing a bucket inside ForEach.
	for _, t := range changed {
		if err == nil {
			err = putJSON(b, u64(t.ID), t)
		}
	}
	return err
}

// replaceDeptInTasks points every reference to from at into, without
// listing into twice in one list.
func replaceDeptInTasks(tx *bolt.Tx, from, into uint64) error {
	return forEachTask(tx, func(t *Task) bool {
		if !t.names(from) {
			return false
		}
		for _, l := range t.deptLists() {
			for i, id := range *l {
				if id == from {
					(*l)[i] = into
				}
			}
			*l = compactIDs(*l)
		}
		return true
	})
}

// compactIDs drops repeats while keeping the first-seen order (the lead
// department named first stays first).
func compactIDs(ids []uint64) []uint64 {
	out := ids[:0]
	for _, id := range ids {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

func countTasksNaming(tx *bolt.Tx, id uint64) (int, error) {
	n := 0
	err := forEachTask(tx, func(t *Task) bool {
		if t.names(id) {
			n++
		}
		return false
	})
	return n, err
}
