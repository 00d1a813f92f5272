package data

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
)

// LockTimeout bounds how long Open waits for another process to let go of
// the file: long enough to ride out a command-line call finishing, short
// enough that a second window answers at once instead of hanging.
const LockTimeout = time.Second

// Store is the one handle on the data file. The window keeps it open for its
// whole life, which is what makes a second copy of the program fail fast.
type Store struct {
	// mu lets ReplaceFile swap db while no transaction runs; every other
	// use of db takes it for reading.
	mu   sync.RWMutex
	db   *bolt.DB
	path string
	// beforeChange is the step before a change that replaces or merges
	// data (change.go); nil until SetBeforeChange.
	beforeChange BeforeChange
}

// EnvDB names the environment variable that points the program at another
// data file (tests, scripts, a second office on one PC).
const EnvDB = "FAZHI_DB"

// DefaultPath is where the data file lives when neither --db nor FAZHI_DB
// says otherwise: the user's configuration folder (%AppData% on Windows), so
// that it survives reinstalling the program and is covered by profile backups.
func DefaultPath() (string, error) {
	if p := os.Getenv(EnvDB); p != "" {
		return p, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("locate the user config folder: %w", err)
	}
	return filepath.Join(dir, "fazhi", "fazhi.db"), nil
}

// Open opens (creating when missing) the data file at path, creates its
// folder, takes the file lock within LockTimeout, refuses files from a newer
// program and migrates older ones in one transaction.
func Open(path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, &UserError{Msg: fmt.Sprintf("无法创建数据文件夹 %s。请检查磁盘空间和文件夹权限。", filepath.Dir(path)), Err: err}
	}
	db, err := openBolt(path)
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, path: path}
	if err := s.migrate(); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// openBolt takes the file and its lock, turning bbolt's failures into
// sentences the user can act on.
func openBolt(path string) (*bolt.DB, error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: LockTimeout})
	switch {
	case errors.Is(err, bolt.ErrTimeout):
		return nil, errInUse(path)
	case errors.Is(err, bolt.ErrInvalid), errors.Is(err, bolt.ErrVersionMismatch), errors.Is(err, bolt.ErrChecksum):
		return nil, errNotOurs(path, err)
	case err != nil:
		return nil, &UserError{Msg: fmt.Sprintf("无法打开数据文件 %s：%v。请检查文件权限和磁盘空间。", path, err), Err: err}
	}
	return db, nil
}

// Close releases the file and its lock.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.db.Close()
}

// Path is the data file's location, shown in 设置 so the clerk can find it.
func (s *Store) Path() string { return s.path }

// View and Update give the rest of the package (and tests) one way in; every
// user change is a single Update, so it lands whole or not at all.
func (s *Store) view(fn func(tx *bolt.Tx) error) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.db.View(fn)
}

func (s *Store) update(fn func(tx *bolt.Tx) error) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.db.Update(fn)
}

// SchemaVersion reports the version stored in the file (for `fazhi version`
// and diagnostics).
func (s *Store) SchemaVersion() (uint64, error) {
	var v uint64
	err := s.view(func(tx *bolt.Tx) error {
		v = schemaOf(tx)
		return nil
	})
	return v, err
}

// u64 and fromU64 are the only key encoders: big-endian, so bbolt's byte
// order is numeric order.
func u64(v uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, v)
	return b
}

func fromU64(b []byte) uint64 {
	if len(b) != 8 {
		return 0
	}
	return binary.BigEndian.Uint64(b)
}

// putJSON and getJSON are the only value encoders. getJSON decodes before
// the transaction ends, so no caller keeps a slice into bbolt's memory map.
func putJSON(b *bolt.Bucket, key []byte, v any) error {
	buf, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %s: %w", key, err)
	}
	return b.Put(key, buf)
}

func getJSON(b *bolt.Bucket, key []byte, v any) (bool, error) {
	raw := b.Get(key)
	if raw == nil {
		return false, nil
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return true, fmt.Errorf("decode %s/%x: %w", key, key, err)
	}
	return true, nil
}
