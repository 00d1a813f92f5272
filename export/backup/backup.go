// Package backup keeps copies of the data file: automatic ones in the data
// folder's backups/ (at the day's first start, and before every import,
// merge, carry-over, report replacement and restore), rotated to the newest
// few without ever deleting the last one that checks out; manual ones to a
// file the user names; and restoring from either after checking the file is
// ours.
//
// The backups before a change are taken by the store itself: OpenStore
// opens the data file with BeforeChange wired as the store's step before
// every change that replaces or merges data, so neither the window nor the
// command line calls this package for them (and neither can forget to).
//
// The copy itself comes from the store (data.Store.WriteTo, one read
// transaction) and is written through export/safefile, so a backup under
// its final name is always whole. Names sort by time:
// backups/fazhi-20261123-153012-import.db.
package backup

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"fazhi/data"
	"fazhi/export/safefile"
)

// Reason says why a backup was made; it is part of the file name and is
// shown in the list, so the clerk can pick "the copy from before the merge".
type Reason string

// The reasons. Those before a change are the store's (data.ChangeReason);
// ReasonStart is the day's first start, ReasonManual is 立即备份.
const (
	ReasonStart   Reason = "start"
	ReasonImport  Reason = Reason(data.ChangeImport)
	ReasonMerge   Reason = Reason(data.ChangeMerge)
	ReasonCarry   Reason = Reason(data.ChangeCarry)
	ReasonReplace Reason = Reason(data.ChangeReplace)
	ReasonRestore Reason = Reason(data.ChangeRestore)
	ReasonManual  Reason = "manual"
)

var reasonLabels = map[Reason]string{
	ReasonStart: "启动时", ReasonImport: "导入前", ReasonMerge: "合并前", ReasonCarry: "结转前", ReasonReplace: "替换前", ReasonRestore: "恢复前", ReasonManual: "手动",
}

// Label is the reason in the clerk's words.
func (r Reason) Label() string {
	if l, ok := reasonLabels[r]; ok {
		return l
	}
	return string(r)
}

// DirName is the folder beside the data file that holds automatic backups.
const DirName = "backups"

const (
	prefix     = "fazhi-"
	suffix     = ".db"
	timeLayout = "20060102-150405"
)

// Info describes one backup file.
type Info struct {
	Path   string    `json:"path"`
	Time   time.Time `json:"time"`
	Reason Reason    `json:"reason"`
	Size   int64     `json:"size"`
}

// SizeLabel is the backup's size as the 设置 list and `backup list` show it.
func (i Info) SizeLabel() string {
	switch n := i.Size; {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	default:
		return fmt.Sprintf("%d 字节", n)
	}
}

// Dir is the backups folder of the store's data file.
func Dir(s *data.Store) string { return filepath.Join(filepath.Dir(s.Path()), DirName) }

// OpenStore opens the data file at path (data.Open) with BeforeChange as
// its step before a change. Both doors open the file through here, so every
// import, merge, carry-over, report replacement and restore is backed up
// first, whichever door it came through.
func OpenStore(path string) (*data.Store, error) {
	s, err := data.Open(path)
	if err != nil {
		return nil, err
	}
	s.SetBeforeChange(BeforeChange)
	return s, nil
}

// BeforeChange is the store's step before a change (data.BeforeChange):
// the automatic backup of the data as it is just before, into the backups
// folder beside the data file, rotated. Its error says, in Chinese, that
// the change was not made.
func BeforeChange(c data.Change) (string, error) {
	info, err := before(c, Reason(c.Reason), time.Now())
	return info.Path, err
}

// Before makes an automatic backup into Dir(s) and rotates the folder.
// Changes that replace or merge data get theirs from the store
// (BeforeChange); this is for a backup of its own, such as 立即备份.
func Before(s *data.Store, reason Reason) (Info, error) {
	return before(s, reason, time.Now())
}

// source is what a backup is copied from: the open store, or the data as
// it is just before a change (data.Change).
type source interface {
	Path() string
	WriteTo(w io.Writer) (int64, error)
	BackupKeep() (int, error)
}

func before(s source, reason Reason, now time.Time) (Info, error) {
	dir := filepath.Join(filepath.Dir(s.Path()), DirName)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return Info{}, failed(reason, &safefile.Error{Path: dir, Err: err})
	}
	base := prefix + now.Format(timeLayout) + "-" + string(reason)
	var path string
	var err error
	// Two backups in one second (an import right after the day's start)
	// get -2, -3…: a backup never overwrites another.
	for i := 1; i < 100; i++ {
		path = filepath.Join(dir, base+suffix)
		if i > 1 {
			path = filepath.Join(dir, fmt.Sprintf("%s-%d%s", base, i, suffix))
		}
		err = writeCopy(s, path, false)
		if !errors.Is(err, safefile.ErrExists) {
			break
		}
	}
	if err != nil {
		return Info{}, failed(reason, err)
	}
	if _, err := data.CheckFile(path); err != nil {
		// The copy we just wrote does not check out (a failing disk): keep
		// it for inspection, delete nothing, and stop the change.
		return Info{}, failed(reason, err)
	}
	keep, err := s.BackupKeep()
	if err != nil {
		return Info{}, failed(reason, err)
	}
	if err := prune(dir, keep, path); err != nil {
		return Info{}, failed(reason, err)
	}
	st, err := os.Stat(path)
	if err != nil {
		return Info{}, failed(reason, err)
	}
	return Info{Path: path, Time: now.Truncate(time.Second), Reason: reason, Size: st.Size()}, nil
}

// AtStart makes the day's start-up backup unless one was made today
// already (of any reason: an import this morning is as good). made says
// whether a backup was written.
func AtStart(s *data.Store) (info Info, made bool, err error) {
	return atStart(s, time.Now())
}

func atStart(s *data.Store, now time.Time) (Info, bool, error) {
	list, err := ListDir(Dir(s))
	if err != nil {
		return Info{}, false, err
	}
	if len(list) > 0 {
		y1, m1, d1 := list[0].Time.Date()
		y2, m2, d2 := now.Date()
		if y1 == y2 && m1 == m2 && d1 == d2 {
			return list[0], false, nil
		}
	}
	info, err := before(s, ReasonStart, now)
	return info, err == nil, err
}

// WriteFile writes a backup to a file the user names (`fazhi backup -o`,
// 备份到文件…). An existing file is replaced only if replace is true.
func WriteFile(s *data.Store, path string, replace bool) (Info, error) {
	if err := writeCopy(s, path, replace); err != nil {
		return Info{}, err
	}
	if _, err := data.CheckFile(path); err != nil {
		return Info{}, err
	}
	st, err := os.Stat(path)
	if err != nil {
		return Info{}, err
	}
	return Info{Path: path, Time: st.ModTime(), Reason: ReasonManual, Size: st.Size()}, nil
}

func writeCopy(s source, path string, replace bool) error {
	if same(path, s.Path()) {
		return &Error{msg: "不能把备份写到数据文件本身上。请换一个文件名。"}
	}
	return safefile.WriteFile(path, replace, func(w io.Writer) error {
		_, err := s.WriteTo(w)
		return err
	})
}

// List returns the automatic backups of the store, newest first.
func List(s *data.Store) ([]Info, error) { return ListDir(Dir(s)) }

// ListDir returns the backups in dir, newest first. Files that do not look
// like our backups are ignored (and never pruned). A missing folder is an
// empty list.
func ListDir(dir string) ([]Info, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, &safefile.Error{Path: dir, Err: err}
	}
	var out []Info
	var mods []time.Time
	for _, e := range entries {
		info, ok := parseName(e.Name())
		if !ok || !e.Type().IsRegular() {
			continue
		}
		var mod time.Time
		if fi, err := e.Info(); err == nil {
			info.Size, mod = fi.Size(), fi.ModTime()
		}
		info.Path = filepath.Join(dir, e.Name())
		out = append(out, info)
		mods = append(mods, mod)
	}
	// Within one second of the name, the file written later is newer: an
	// import right after the day's start must not be pruned as "older".
	idx := make([]int, len(out))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		i, j := idx[a], idx[b]
		if !out[i].Time.Equal(out[j].Time) {
			return out[i].Time.After(out[j].Time)
		}
		if !mods[i].Equal(mods[j]) {
			return mods[i].After(mods[j])
		}
		return seq(out[i].Path) > seq(out[j].Path)
	})
	sorted := make([]Info, len(out))
	for k, i := range idx {
		sorted[k] = out[i]
	}
	return sorted, nil
}

// parseName reads fazhi-YYYYMMDD-HHMMSS-reason[-n].db.
func parseName(name string) (Info, bool) {
	rest, ok := strings.CutPrefix(name, prefix)
	if !ok {
		return Info{}, false
	}
	rest, ok = strings.CutSuffix(rest, suffix)
	if !ok || len(rest) < len(timeLayout) {
		return Info{}, false
	}
	t, err := time.ParseInLocation(timeLayout, rest[:len(timeLayout)], time.Local)
	if err != nil {
		return Info{}, false
	}
	reason := strings.TrimPrefix(rest[len(timeLayout):], "-")
	if i := strings.IndexByte(reason, '-'); i >= 0 {
		reason = reason[:i]
	}
	return Info{Time: t, Reason: Reason(reason)}, true
}

// seq is the -n of a same-second backup (1 when absent), to order them.
func seq(path string) int {
	base := strings.TrimSuffix(filepath.Base(path), suffix)
	parts := strings.Split(base, "-")
	if len(parts) < 5 {
		return 1
	}
	var n int
	if _, err := fmt.Sscanf(parts[len(parts)-1], "%d", &n); err != nil {
		return 1
	}
	return n
}

// prune deletes the oldest backups beyond keep (never protect, the one just
// written), but only once a backup that
// is kept has passed the check; if none of the newest keep does, the newest
// good one older than them is kept too. Damaged ones count against keep
// like the rest: they are evidence, and go in turn.
func prune(dir string, keep int, protect string) error {
	list, err := ListDir(dir)
	if err != nil || len(list) <= keep {
		return err
	}
	good := -1
	for i, b := range list {
		if _, err := data.CheckFile(b.Path); err == nil {
			good = i
			break
		}
	}
	if good < 0 {
		// Not one good copy: delete nothing.
		return nil
	}
	for i := keep; i < len(list); i++ {
		if i == good || list[i].Path == protect {
			continue
		}
		if err := os.Remove(list[i].Path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return &safefile.Error{Path: list[i].Path, Err: err}
		}
	}
	return nil
}

func same(a, b string) bool {
	if fa, err := os.Stat(a); err == nil {
		if fb, err := os.Stat(b); err == nil {
			return os.SameFile(fa, fb)
		}
	}
	aa, _ := filepath.Abs(a)
	bb, _ := filepath.Abs(b)
	return aa == bb
}
