package data

import (
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// CollectedChange is one change from a department's returned 任务分解表 that
// the clerk accepted: a progress entry, a status or a rewritten text (any
// of them set). The readers in export build them; the store applies them.
type CollectedChange struct {
	TaskID   uint64
	Dept     string // the department as the file names it; "" when unknown
	Date     Date   // the file's date: the day the department reported
	Source   string // the file's name
	Progress string
	Status   Status
	Text     string
}

// CollectResult counts what ApplyCollected stored.
type CollectResult struct {
	Progress, Status, Text int
	// UnknownDepts are department names no register entry answers to; their
	// progress is stored without a department and says where it came from.
	UnknownDepts []string
}

// ApplyCollected stores the accepted changes of a merge in one
// transaction: each progress entry with its department and the file's date
// (moving a task not started to 推进中, as AddProgress does), statuses and
// texts. Any failure leaves every task as it was. Nothing to apply makes
// no backup and writes nothing.
func (s *Store) ApplyCollected(changes []CollectedChange) (CollectResult, error) {
	var res CollectResult
	tasks := map[uint64]*Task{}
	var order []uint64
	// Every change is worked out and checked before anything is written,
	// so a refused merge makes no backup.
	check := func(tx *bolt.Tx) error {
		if len(changes) == 0 {
			return errNoChange
		}
		r := deptsIn(tx)
		now := time.Now()
		for _, c := range changes {
			t, ok := tasks[c.TaskID]
			if !ok {
				got, err := getTask(tx, c.TaskID)
				if err != nil {
					return err
				}
				t = &got
				tasks[c.TaskID] = t
				order = append(order, c.TaskID)
			}
			var dept uint64
			by := "交回：" + c.Source
			if n := NormalizeName(c.Dept); n != "" {
				if d, ok, err := r.lookup(n); err != nil {
					return err
				} else if ok {
					dept = d.ID
					by = d.Name + "（" + c.Source + "）"
				} else {
					by = n + "（" + c.Source + "）"
					if !slices.Contains(res.UnknownDepts, n) {
						res.UnknownDepts = append(res.UnknownDepts, n)
					}
				}
			}
			date := c.Date
			if date.IsZero() {
				date = Today()
			}
			if text := strings.TrimSpace(c.Progress); text != "" {
				t.Progress = append(t.Progress, Progress{Date: date, Dept: dept, Text: text, By: by, At: now})
				if t.Status == StatusNotStarted || t.Status == "" {
					t.Status, t.StatusAt, t.StatusBy = StatusInProgress, now, by
				}
				res.Progress++
			}
			if c.Status != "" {
				st, err := ParseStatus(string(c.Status))
				if err != nil {
					return err
				}
				t.Status, t.StatusAt, t.StatusBy = st, now, by
				res.Status++
			}
			if text := strings.TrimSpace(c.Text); text != "" {
				t.Text = text
				res.Text++
			}
		}
		for _, id := range order {
			if err := checkTask(tx, tasks[id]); err != nil {
				return err
			}
		}
		return nil
	}
	err := s.change(ChangeMerge, check, func(tx *bolt.Tx) error {
		for _, id := range order {
			if err := putTask(tx, tasks[id]); err != nil {
				return err
			}
		}
		return nil
	})
	return res, err
}
