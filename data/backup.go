package data

import (
	"errors"
	"fmt"
	"io"
	"os"

	bolt "go.etcd.io/bbolt"
)

// The store's part in backups: a consistent copy of the whole file, a check
// that a file is ours and intact, and swapping the open file for another.
// Naming, rotating and writing backup files is export/backup's business.

// DefaultBackupKeep is how many automatic backups are kept when the user
// has not chosen: ten covers a fortnight of daily starts plus the imports
// and merges in between.
const DefaultBackupKeep = 10

// MaxBackupKeep bounds the setting so a slip of the finger (1000) cannot
// fill a small disk with copies.
const MaxBackupKeep = 100

// WriteTo writes a consistent copy of the whole data file to w, taken in
// one read transaction: writers may go on meanwhile, and the copy is the
// file as of one moment, never half of a change. The bytes are the same as
// the file's, so a copy opens as a data file by itself.
func (s *Store) WriteTo(w io.Writer) (int64, error) {
	var n int64
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		n, err = tx.WriteTo(w)
		return err
	})
	return n, err
}

// FileInfo is what CheckFile learned about a data file, for the restore
// dialog's confirmation and `fazhi backup list`.
type FileInfo struct {
	Schema uint64 // the file's schema version
	Size   int64
	Tasks  int // how many tasks it holds, so the user sees what they restore
	Depts  int
}

// CheckFile tells whether path is a data file of this program that is
// intact and not from a newer version: it opens as bbolt (read-only, so a
// bad file is never changed), has our meta bucket with a schema version we
// can read, and passes bbolt's own consistency check. Restore runs it before
// touching anything; the backup rotation runs it before counting a backup
// as good.
func CheckFile(path string) (FileInfo, error) {
	var info FileInfo
	st, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return info, userErr(ErrNotFound, "找不到文件 %s。请检查路径。", path)
		}
		return info, &UserError{Msg: fmt.Sprintf("无法读取文件 %s：%v。请检查文件权限。", path, err), Err: err}
	}
	if st.IsDir() {
		return info, errNotBackup(path, errors.New("is a directory"))
	}
	info.Size = st.Size()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: LockTimeout})
	switch {
	case errors.Is(err, bolt.ErrTimeout):
		return info, errInUse(path)
	case err != nil:
		// Anything bbolt refuses (not bbolt at all, a torn header, an
		// empty file) is "not ours or damaged" to the user.
		return info, errNotBackup(path, err)
	}
	defer db.Close()
	err = db.View(func(tx *bolt.Tx) (err error) {
		// tx.Check reports damage on a channel; a badly damaged file can
		// also make bbolt panic while walking pages, which is damage too.
		defer func() {
			if r := recover(); r != nil {
				err = errNotBackup(path, fmt.Errorf("panic while checking: %v", r))
			}
		}()
		for cerr := range tx.Check() {
			return errNotBackup(path, cerr)
		}
		meta := tx.Bucket(bucketMeta)
		if meta == nil {
			return errNotBackup(path, errors.New("no meta bucket"))
		}
		info.Schema = fromU64(meta.Get(keySchema))
		if info.Schema > SchemaLatest {
			return errNewerSchema(path, info.Schema, SchemaLatest)
		}
		if b := tx.Bucket(bucketTasks); b != nil {
			info.Tasks = b.Stats().KeyN
		}
		if b := tx.Bucket(bucketDepts); b != nil {
			info.Depts = b.Stats().KeyN
		}
		return nil
	})
	return info, err
}

// ReplaceFile puts another file in place of the open data file: it takes
// the step before a change (ChangeRestore: the automatic backup, so a wrong
// choice can be undone) and returns where that put its copy, then waits for
// running transactions, closes the file, lets replace (which gets the data
// file's path) put the new file there, and opens and migrates the result.
// Every holder of this *Store keeps working on the new data, so the window
// needs no restart. A store without a step before a change (SetBeforeChange)
// refuses. If the step fails nothing is replaced; if replace fails,
// the old file is opened again. The lock is released while replace runs
// (Windows cannot replace an open file); a second copy starting in that
// instant is the one risk, and reopening then fails with the usual "in use"
// message.
func (s *Store) ReplaceFile(replace func(path string) error) (backup string, err error) {
	// The step runs in a read transaction of its own, before the swap
	// takes the store away from every other transaction.
	if err := s.view(func(tx *bolt.Tx) error {
		if s.beforeChange == nil {
			// Of every change this one cannot be undone without the
			// backup, so it is never made unguarded.
			return errors.New("replace the data file: no step before a change is wired (open the store with backup.OpenStore)")
		}
		backup, err = s.beforeChange(Change{Reason: ChangeRestore, path: s.path, tx: tx})
		return err
	}); err != nil {
		return "", err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.db.Close(); err != nil {
		return backup, fmt.Errorf("close before replace: %w", err)
	}
	rerr := replace(s.path)
	db, err := openBolt(s.path)
	if err != nil {
		// Nothing is open now: later calls fail with bbolt's "database not
		// open" instead of touching a stale handle.
		return backup, errors.Join(rerr, err)
	}
	s.db = db
	if rerr != nil {
		return backup, rerr
	}
	// s.mu is held, so migrate through a second handle on the same db.
	return backup, (&Store{db: db, path: s.path}).migrate()
}

// BackupKeep is how many automatic backups to keep.
func (s *Store) BackupKeep() (int, error) {
	var n int
	err := s.view(func(tx *bolt.Tx) error {
		n = backupKeepIn(tx)
		return nil
	})
	return n, err
}

func backupKeepIn(tx *bolt.Tx) int {
	if v := fromU64(tx.Bucket(bucketMeta).Get(keyBackupKeep)); v > 0 {
		return int(v)
	}
	return DefaultBackupKeep
}

// SetBackupKeep stores how many automatic backups to keep (1 to
// MaxBackupKeep).
func (s *Store) SetBackupKeep(n int) error {
	if n < 1 || n > MaxBackupKeep {
		return userErr(ErrInvalid, "保留的自动备份份数应在 1 到 %d 之间。", MaxBackupKeep)
	}
	return s.update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(keyBackupKeep, u64(uint64(n)))
	})
}
