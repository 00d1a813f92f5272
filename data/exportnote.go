package data

import (
	"time"

	bolt "go.etcd.io/bbolt"
)

// ExportNote is the last file the office sent out of the program (a
// 任务分解表, the departments' workbooks, the report, a statistical return
// or a 汇总): 概览 shows it so the clerk sees at a glance what went out and
// when.
type ExportNote struct {
	What string    `json:"what"` // 任务分解表, 年度报告 …
	Path string    `json:"path"`
	At   time.Time `json:"at"`
}

// NoteExport remembers a finished export. The window and the command line
// call it after the file is in place, never for a failed write.
func (s *Store) NoteExport(what, path string) error {
	return s.update(func(tx *bolt.Tx) error {
		return putJSON(tx.Bucket(bucketMeta), keyLastExport, ExportNote{What: what, Path: path, At: time.Now()})
	})
}

// LastExport is the export NoteExport kept last; ok is false before the
// first.
func (s *Store) LastExport() (n ExportNote, ok bool, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		ok, err = getJSON(tx.Bucket(bucketMeta), keyLastExport, &n)
		return err
	})
	return n, ok, err
}
