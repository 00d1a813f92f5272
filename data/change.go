package data

import (
	"errors"
	"io"

	bolt "go.etcd.io/bbolt"
)

// The step before a change. A change that replaces or merges much at once
// (an import, a merge, a carry-over, a restore) is preceded by an automatic
// backup, and the store takes that step itself, so neither the window nor
// the command line can forget it. What the step does (write a backup file,
// rotate the folder) is export/backup's business: it is wired once, where
// the program opens the file (backup.OpenStore).

// ChangeReason says why the store is about to replace or merge data; the
// automatic backup made before the change is named after it.
type ChangeReason string

// The reasons. Their words for the clerk (导入前, 合并前…) live with the
// backups that carry them, in export/backup.
const (
	ChangeImport  ChangeReason = "import"  // a plan, past report or return read in
	ChangeMerge   ChangeReason = "merge"   // departments merged, returned workbooks collected
	ChangeCarry   ChangeReason = "carry"   // a plan carried into the next year
	ChangeReplace ChangeReason = "replace" // a report replaced by a new draft or an older version
	ChangeRestore ChangeReason = "restore" // the whole file replaced by a backup
)

// Change is what the step before a change is given: why, and the data as it
// stands just before. The copy comes from the very transaction that will
// make the change, so nothing can slip in between the backup and the change.
// It is valid only while the step runs.
type Change struct {
	Reason ChangeReason
	path   string
	tx     *bolt.Tx
}

// Path is the data file's location (the backups folder sits beside it).
func (c Change) Path() string { return c.path }

// WriteTo writes a consistent copy of the whole data file as it is before
// the change, byte for byte what Store.WriteTo would write.
func (c Change) WriteTo(w io.Writer) (int64, error) { return c.tx.WriteTo(w) }

// BackupKeep is how many automatic backups to keep, as Store.BackupKeep.
func (c Change) BackupKeep() (int, error) { return backupKeepIn(c.tx), nil }

// BeforeChange is the step taken before every change that replaces or merges
// data. It returns where it put its copy (the restore reports it). An error
// stops the change and leaves the data as it was; its message is the user's.
type BeforeChange func(c Change) (backup string, err error)

// SetBeforeChange wires the step before a change; call it once, right after
// Open. A store without one (tests, tools) makes its changes unguarded.
func (s *Store) SetBeforeChange(fn BeforeChange) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.beforeChange = fn
}

// What a check may return besides a refusal: errNoChange when the change
// would change nothing (change then neither backs up nor writes, and
// reports success); errNothingReplaced when it only adds (a report for a
// year that had none), so there is nothing to back up and apply goes ahead.
var (
	errNoChange        = errors.New("nothing to change")
	errNothingReplaced = errors.New("nothing replaced")
)

// change makes one change that replaces or merges data, in one
// transaction, in the order the user is promised: check validates (and may
// read), then the step before a change runs, then apply writes. A change
// that check refuses makes no backup; a failing step leaves the data as it
// was. A store opened read-only cannot begin the transaction, so it never
// gets as far as a backup.
func (s *Store) change(reason ChangeReason, check, apply func(tx *bolt.Tx) error) error {
	err := s.update(func(tx *bolt.Tx) error {
		backup := s.beforeChange != nil
		if check != nil {
			switch err := check(tx); {
			case errors.Is(err, errNothingReplaced):
				backup = false
			case err != nil:
				return err
			}
		}
		if backup {
			if _, err := s.beforeChange(Change{Reason: reason, path: s.path, tx: tx}); err != nil {
				return err
			}
		}
		return apply(tx)
	})
	if errors.Is(err, errNoChange) {
		return nil
	}
	return err
}
