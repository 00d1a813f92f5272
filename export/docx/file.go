package docx

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
)

// WriteFile writes d to path so that the file under that name is always
// either the previous one or the complete new one: it writes a temporary file
// in the same folder, syncs it to disk and renames it over path. A crash, a
// full disk or a Word window holding the old file open (Windows refuses the
// rename) leaves the old file alone, and the temporary file is removed on
// every error.
func WriteFile(path string, d Document) (err error) {
	// Catch a bad Document before touching the disk.
	if err := validate(d); err != nil {
		return err
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	w := bufio.NewWriterSize(f, 64<<10)
	if err := Write(w, d); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	// CreateTemp makes the file 0600; an export is an ordinary document that
	// is mailed and shared, so give it the usual permissions.
	if err := f.Chmod(0o644); err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("docx: %w", err)
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
