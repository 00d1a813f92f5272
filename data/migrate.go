package data

import (
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// migration moves a file from version-1 to version. Migrations run in
// order, all inside the one transaction that opens the file, so a crash
// mid-way leaves the old file untouched.
type migration struct {
	version uint64
	migrate func(tx *bolt.Tx) error
}

// migrations is the ordered history of the file's shape. Append only; each
// entry needs a test that builds the old shape and checks the new.
var migrations = []migration{
	// Version 0 files (written before versions were stored) had departments
	// but no name index: build it, so names and aliases resolve by lookup.
	{version: 1, migrate: rebuildDeptNames},
	// Version 2 brings statistics: the default indicator catalogue is
	// written when the file is opened, so reading the catalogue never
	// writes (a refused import leaves the file byte for byte as it was).
	// A catalogue already there (a version 1 file that seeded it on first
	// use) is kept as the clerk left it.
	{version: 2, migrate: seedCatalogue},
	// Version 3 keys tasks by year, then id, so a year's tasks are one
	// cursor range instead of a walk that decodes every year's; the
	// taskyears/ index finds a task by id alone. Records move byte for
	// byte, and the bucket (with its id sequence) stays.
	{version: 3, migrate: keyTasksByYear},
}

// SchemaLatest is the version this program writes.
var SchemaLatest = migrations[len(migrations)-1].version

func schemaOf(tx *bolt.Tx) uint64 {
	b := tx.Bucket(bucketMeta)
	if b == nil {
		return 0
	}
	return fromU64(b.Get(keySchema))
}

func (s *Store) migrate() error {
	// A read first: a file from a newer program must not be written at all.
	// A file already in shape is not written at all: opening it leaves it
	// byte for byte as it was, which the hostile-file tests rely on when
	// they compare digests before and after a refused import.
	var found uint64
	complete := true
	if err := s.view(func(tx *bolt.Tx) error {
		found = schemaOf(tx)
		for _, name := range allBuckets {
			complete = complete && tx.Bucket(name) != nil
		}
		return nil
	}); err != nil {
		return err
	}
	if found > SchemaLatest {
		return errNewerSchema(s.path, found, SchemaLatest)
	}
	if complete && found == SchemaLatest {
		return nil
	}
	return s.update(func(tx *bolt.Tx) error {
		for _, name := range allBuckets {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return fmt.Errorf("create bucket %s: %w", name, err)
			}
		}
		for _, m := range migrations {
			if m.version <= found {
				continue
			}
			if err := m.migrate(tx); err != nil {
				return fmt.Errorf("migrate to schema %d: %w", m.version, err)
			}
		}
		if found == SchemaLatest {
			return nil
		}
		return tx.Bucket(bucketMeta).Put(keySchema, u64(SchemaLatest))
	})
}

// rebuildDeptNames derives deptnames/ from depts/: every canonical name and
// alias, normalised, pointing at its department.
func rebuildDeptNames(tx *bolt.Tx) error {
	if err := tx.DeleteBucket(bucketDeptNames); err != nil && err != bolt.ErrBucketNotFound {
		return err
	}
	idx, err := tx.CreateBucket(bucketDeptNames)
	if err != nil {
		return err
	}
	recs := tx.Bucket(bucketDepts)
	// Read everything first: bbolt forbids writing a bucket inside its ForEach.
	var all []Department
	if err := recs.ForEach(func(k, _ []byte) error {
		var d Department
		_, err := getJSON(recs, k, &d)
		all = append(all, d)
		return err
	}); err != nil {
		return err
	}
	for _, d := range all {
		// Names typed before normalisation existed are normalised now, so
		// the record and its index entries agree.
		d.Name = NormalizeName(d.Name)
		for i, a := range d.Aliases {
			d.Aliases[i] = NormalizeName(a)
		}
		if err := putJSON(recs, u64(d.ID), d); err != nil {
			return err
		}
		for _, n := range d.names() {
			if idx.Get([]byte(n)) != nil {
				// Two old records claimed one name; the first keeps it and
				// the user can merge them from the duplicate suggestions.
				continue
			}
			if err := idx.Put([]byte(n), u64(d.ID)); err != nil {
				return err
			}
		}
	}
	return nil
}

// seedCatalogue writes DefaultCatalogue into an empty indicators/ bucket.
func seedCatalogue(tx *bolt.Tx) error {
	b := tx.Bucket(bucketIndicators)
	if b.Stats().KeyN > 0 {
		return nil
	}
	for i, ind := range DefaultCatalogue() {
		ind.Seq = i + 1
		if err := putJSON(b, []byte(ind.Code), ind); err != nil {
			return err
		}
	}
	return nil
}

// keyTasksByYear moves every task stored under its id alone (versions 0–2)
// to the key year ‖ id and indexes it in taskyears/.
func keyTasksByYear(tx *bolt.Tx) error {
	b := tx.Bucket(bucketTasks)
	type record struct {
		key, value []byte
		year       int
	}
	// Read everything first: bbolt forbids writing a bucket inside its ForEach.
	var old []record
	if err := b.ForEach(func(k, v []byte) error {
		if len(k) != 8 {
			return nil // already year ‖ id
		}
		var t struct {
			Year int `json:"year"`
		}
		if err := json.Unmarshal(v, &t); err != nil {
			return fmt.Errorf("decode task %x: %w", k, err)
		}
		old = append(old, record{key: append([]byte(nil), k...), value: append([]byte(nil), v...), year: t.Year})
		return nil
	}); err != nil {
		return err
	}
	idx := tx.Bucket(bucketTaskYears)
	for _, r := range old {
		if err := b.Delete(r.key); err != nil {
			return err
		}
		if err := b.Put(append(u64(uint64(r.year)), r.key...), r.value); err != nil {
			return err
		}
		if err := idx.Put(r.key, u64(uint64(r.year))); err != nil {
			return err
		}
	}
	return nil
}
