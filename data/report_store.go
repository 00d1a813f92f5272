package data

import (
	"bytes"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Snapshot is a report as it stood at one moment: taken on every export
// (so the text that left the office can always be found again) and before
// a report is replaced or restored (so nothing typed is lost to either).
type Snapshot struct {
	ID     uint64    `json:"id"`
	Year   int       `json:"year"`
	At     time.Time `json:"at"`
	Reason string    `json:"reason"` // 导出 黄江镇….docx, 替换前, 恢复前
	Report Report    `json:"report"`
}

func snapKey(year int, id uint64) []byte { return append(u64(uint64(year)), u64(id)...) }

// Report returns the stored report of a year, and false when there is none.
func (s *Store) Report(year int) (Report, bool, error) {
	var r Report
	var ok bool
	err := s.view(func(tx *bolt.Tx) (err error) {
		ok, err = getJSON(tx.Bucket(bucketReports), u64(uint64(year)), &r)
		return err
	})
	return r, ok, err
}

// SaveReport stores the report as edited, replacing the year's report: the
// editor saves this way as the clerk types.
func (s *Store) SaveReport(r Report) (Report, error) {
	r, err := r.clean()
	if err != nil {
		return r, err
	}
	r.Updated = time.Now()
	return r, s.update(func(tx *bolt.Tx) error {
		return putJSON(tx.Bucket(bucketReports), u64(uint64(r.Year)), r)
	})
}

// CreateReport stores a new report for its year (a draft). A year that has
// one already is refused unless replace is set; replacing keeps the old
// report as a snapshot in the same transaction, after the step before a
// change (ChangeReplace). A report for a year that had none backs nothing up.
func (s *Store) CreateReport(r Report, replace bool) (Report, error) {
	return s.createReport(r, replace, ChangeReplace)
}

// ImportReport stores a past report read from a file, as CreateReport
// does, but as an import: the step before a change (ChangeImport) is taken
// whether or not the year had a report.
func (s *Store) ImportReport(r Report, replace bool) (Report, error) {
	return s.createReport(r, replace, ChangeImport)
}

func (s *Store) createReport(r Report, replace bool, reason ChangeReason) (Report, error) {
	r, err := r.clean()
	if err != nil {
		return r, err
	}
	r.Updated = time.Now()
	var old Report
	var exists bool
	check := func(tx *bolt.Tx) (err error) {
		if exists, err = getJSON(tx.Bucket(bucketReports), u64(uint64(r.Year)), &old); err != nil {
			return err
		}
		switch {
		case exists && !replace:
			return userErr(ErrExists, "%d年已经有年度报告了。如确要替换（原报告会保存为历史版本，可以恢复），请确认替换。", r.Year)
		case !exists && reason != ChangeImport:
			return errNothingReplaced
		}
		return nil
	}
	return r, s.change(reason, check, func(tx *bolt.Tx) error {
		if exists {
			if _, err := putSnapshot(tx, old, "替换前"); err != nil {
				return err
			}
		}
		return putJSON(tx.Bucket(bucketReports), u64(uint64(r.Year)), r)
	})
}

func putSnapshot(tx *bolt.Tx, r Report, reason string) (Snapshot, error) {
	b := tx.Bucket(bucketReportSnaps)
	id, err := b.NextSequence()
	if err != nil {
		return Snapshot{}, err
	}
	sn := Snapshot{ID: id, Year: r.Year, At: time.Now(), Reason: reason, Report: r}
	return sn, putJSON(b, snapKey(r.Year, id), sn)
}

// SnapshotReport keeps the year's report as it stands now, with the reason
// (the export's file name). Called after every export.
func (s *Store) SnapshotReport(year int, reason string) (Snapshot, error) {
	var sn Snapshot
	err := s.update(func(tx *bolt.Tx) error {
		var r Report
		ok, err := getJSON(tx.Bucket(bucketReports), u64(uint64(year)), &r)
		if err != nil {
			return err
		}
		if !ok {
			return errNoReport(year)
		}
		sn, err = putSnapshot(tx, r, reason)
		return err
	})
	return sn, err
}

// ReportSnapshots lists the year's snapshots, oldest first.
func (s *Store) ReportSnapshots(year int) ([]Snapshot, error) {
	var out []Snapshot
	err := s.view(func(tx *bolt.Tx) error {
		prefix := u64(uint64(year))
		c := tx.Bucket(bucketReportSnaps).Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			var sn Snapshot
			if _, err := getJSON(tx.Bucket(bucketReportSnaps), k, &sn); err != nil {
				return err
			}
			out = append(out, sn)
		}
		return nil
	})
	return out, err
}

// ReportSnapshot opens one snapshot of the year.
func (s *Store) ReportSnapshot(year int, id uint64) (Snapshot, error) {
	var sn Snapshot
	err := s.view(func(tx *bolt.Tx) error {
		ok, err := getJSON(tx.Bucket(bucketReportSnaps), snapKey(year, id), &sn)
		if err == nil && !ok {
			err = userErr(ErrNoSnapshot, "%d年年度报告没有编号为 %d 的历史版本。请核对历史版本的编号。", year, id)
		}
		return err
	})
	return sn, err
}

// RestoreReport makes snapshot id the year's report again. The report it
// replaces is kept as a snapshot first, so a restore can itself be undone,
// after the step before a change (ChangeReplace).
func (s *Store) RestoreReport(year int, id uint64) (Report, error) {
	var r Report
	var sn Snapshot
	check := func(tx *bolt.Tx) error {
		ok, err := getJSON(tx.Bucket(bucketReportSnaps), snapKey(year, id), &sn)
		if err != nil {
			return err
		}
		if !ok {
			return userErr(ErrNoSnapshot, "%d年年度报告没有编号为 %d 的历史版本。请核对历史版本的编号。", year, id)
		}
		if tx.Bucket(bucketReports).Get(u64(uint64(year))) == nil {
			return errNothingReplaced
		}
		return nil
	}
	err := s.change(ChangeReplace, check, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketReports)
		var cur Report
		if ok, err := getJSON(b, u64(uint64(year)), &cur); err != nil {
			return err
		} else if ok {
			if _, err := putSnapshot(tx, cur, "恢复前"); err != nil {
				return err
			}
		}
		r = sn.Report
		r.Updated = time.Now()
		return putJSON(b, u64(uint64(year)), r)
	})
	return r, err
}
