package docx

import (
	"io"

	"fazhi/export/safefile"
)

// WriteFile writes d to path so that the file under that name is always
// either the previous one or the complete new one: it writes a temporary file
// in the same folder, syncs it to disk and renames it over path. A crash, a
// full disk or a Word window holding the old file open (Windows refuses the
// rename) leaves the old file alone, and the temporary file is removed on
// every error.
func WriteFile(path string, d Document) error {
	// Catch a bad Document before touching the disk.
	if err := validate(d); err != nil {
		return err
	}
	return safefile.WriteFile(path, true, func(w io.Writer) error { return Write(w, d) })
}
