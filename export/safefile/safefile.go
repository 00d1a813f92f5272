// Package safefile writes the files the program hands to people (exports,
// backups, distributed workbooks) so that a file under its final name is
// always complete: the bytes go to a temporary file in the same folder,
// which is synced and then renamed over the name. A crash, a full disk or a
// read-only folder leaves no half-written file behind, and the one error
// type carries a Chinese sentence that says what to do.
package safefile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// ErrExists is returned, wrapped in *Error, when the target exists and the
// caller did not allow replacing it: an office never loses a stamped file
// because an export happened to pick the same name.
var ErrExists = errors.New("safefile: target exists")

// Error is every failure of WriteFile: the file concerned, the cause, and
// through UserMessage the sentence the window and the command line show.
type Error struct {
	Path string
	Err  error
}

func (e *Error) Error() string { return "write " + e.Path + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// UserMessage names the file and says what to do, in the clerk's words.
func (e *Error) UserMessage() string {
	name := "“" + filepath.Base(e.Path) + "”"
	switch {
	case errors.Is(e.Err, ErrExists):
		return name + "已存在，没有覆盖。请换一个文件名，或确认后选择覆盖。"
	case errors.Is(e.Err, syscall.ENOSPC):
		return "磁盘空间不足，" + name + "没有写成，也没有留下残缺的文件。请清理磁盘或换一个位置后重试。"
	case errors.Is(e.Err, fs.ErrPermission), errors.Is(e.Err, syscall.EROFS):
		return "没有权限在“" + filepath.Dir(e.Path) + "”中写文件（文件夹只读，或" + name + "正在被 Word、WPS 或 Excel 打开）。请关闭该文件或换一个文件夹后重试。"
	case errors.Is(e.Err, fs.ErrNotExist):
		return "文件夹“" + filepath.Dir(e.Path) + "”不存在。请换一个位置保存。"
	}
	return name + "没有写成，已有文件未改变。详细原因：" + e.Err.Error()
}

// WriteFile writes path through write. With replace false an existing file
// is left alone and ErrExists returned. The temporary file is removed on
// every error, including an error returned by write.
func WriteFile(path string, replace bool, write func(w io.Writer) error) (err error) {
	fail := func(err error) error { return &Error{Path: path, Err: err} }
	if !replace {
		if _, err := os.Lstat(path); err == nil {
			return fail(ErrExists)
		}
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return fail(err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	w := bufio.NewWriterSize(f, 64<<10)
	if err := write(w); err != nil {
		var se *Error
		if errors.As(err, &se) {
			return err
		}
		// A write error from the disk is ours to explain; any other error
		// is the caller's (bad input) and keeps its own message.
		if errors.Is(err, syscall.ENOSPC) || errors.Is(err, fs.ErrPermission) {
			return fail(err)
		}
		return err
	}
	if err := w.Flush(); err != nil {
		return fail(err)
	}
	// CreateTemp makes the file 0600; an export is an ordinary document that
	// is mailed and shared, so give it the usual permissions.
	if err := f.Chmod(0o644); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		return fail(err)
	}
	if !replace {
		// Link refuses an existing name, closing the gap since the check
		// above; where links are unsupported, rename as usual.
		if err := os.Link(tmp, path); err == nil {
			os.Remove(tmp)
			syncDir(dir)
			return nil
		} else if errors.Is(err, fs.ErrExist) {
			return fail(ErrExists)
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		return fail(fmt.Errorf("rename: %w", err))
	}
	syncDir(dir)
	return nil
}

// syncDir makes the rename itself durable where the system allows it. It is
// best effort: Windows cannot open a folder for syncing, and by now the file
// is complete under its name either way.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}
