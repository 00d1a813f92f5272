package backup

import (
	"io"
	"os"
	"path/filepath"

	"fazhi/data"
	"fazhi/export/safefile"
)

// Restore puts the backup at from in place of the store's data file. It
// checks first that from is one of ours, intact and not from a newer
// version (data.CheckFile), then has the store back up the current data
// (ReasonRestore, so a wrong choice can be undone: the store must come from
// OpenStore), then replaces the file
// atomically and reopens it under the same *data.Store: the window and the
// command line go on with the restored data. Nothing changes if any step
// before the replacement fails.
func Restore(s *data.Store, from string) (safety Info, restored data.FileInfo, err error) {
	if same(from, s.Path()) {
		return Info{}, restored, &Error{msg: "所选文件就是正在使用的数据文件，不能用它恢复自己。请选择一份备份。"}
	}
	restored, err = data.CheckFile(from)
	if err != nil {
		return Info{}, restored, err
	}
	// The store backs the current data up first (ReasonRestore, through
	// the step OpenStore wired), so a wrong choice can be undone.
	path, err := s.ReplaceFile(func(path string) error {
		src, err := os.Open(from)
		if err != nil {
			return &safefile.Error{Path: from, Err: err}
		}
		defer src.Close()
		if err := safefile.WriteFile(path, true, func(w io.Writer) error {
			_, err := io.Copy(w, src)
			return err
		}); err != nil {
			return err
		}
		// safefile makes documents 0644; the data file stays the user's own.
		return os.Chmod(path, 0o600)
	})
	if path != "" {
		safety = Info{Path: path, Reason: ReasonRestore}
		if parsed, ok := parseName(filepath.Base(path)); ok {
			safety.Time = parsed.Time
		}
		if st, serr := os.Stat(path); serr == nil {
			safety.Size = st.Size()
		}
	}
	return safety, restored, err
}
