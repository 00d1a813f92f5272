package fileerr

import (
	"errors"
	"io/fs"
	"os"
)

// The kinds of failure. Every error a file reader returns matches exactly
// one of them with errors.Is; the sentence the clerk reads is built from the
// kind in messages.go.
var (
	// ErrEmpty: nothing but blanks (0 bytes: a download or a copy that did
	// not finish, or a document saved empty).
	ErrEmpty = errors.New("empty file")
	// ErrEncrypted: a password-protected Office file (an OLE file holding an
	// EncryptedPackage, or an .xls with a FILEPASS record).
	ErrEncrypted = errors.New("password-protected file")
	// ErrLegacy: a format Word, Excel or WPS open but this program does not
	// read (or, for a template, cannot fill): Word 97-2003 .doc, WPS .wps,
	// RTF, Excel 95, an .xls template. Saving it again in today's format
	// fixes it.
	ErrLegacy = errors.New("legacy file format")
	// ErrTooLarge: the file, or what it unpacks to, exceeds a reader's
	// limit; a real plan or table is far below every one, so this is a
	// damaged file or a zip bomb.
	ErrTooLarge = errors.New("file too large")
	// ErrDamaged: the right kind of file, but cut short or corrupt.
	ErrDamaged = errors.New("damaged file")
	// ErrUnreadable: the file system refused (missing file, no permission,
	// a folder instead of a file, a read error on a USB stick).
	ErrUnreadable = errors.New("file cannot be read")
	// ErrNotOurs: some other kind of file (a picture, a PDF, a Word document
	// picked as a workbook), or one of the right format that holds none of
	// what the reader looks for (no task header, no report section).
	ErrNotOurs = errors.New("not the kind of file expected")
)

// kinds in the order Of tries them.
var kinds = []error{ErrEmpty, ErrEncrypted, ErrLegacy, ErrTooLarge, ErrDamaged, ErrUnreadable, ErrNotOurs}

// ErrIsDir is the cause of an ErrUnreadable when the path is a folder.
var ErrIsDir = errors.New("path is a folder")

// Format is what a reader expected. It picks the words of a message: the
// program to open the file in and the format to save it as.
type Format int

const (
	// Document: a plan or a report, read as .docx or text.
	Document Format = iota
	// Workbook: a table read as .xlsx or .xls.
	Workbook
	// Template: an .xlsx the program fills.
	Template
)

// Variant is a reader's finer kind of one of the kinds above. errors.Is
// matches both; its detail and remedy, when set, replace the kind's in the
// message (see Error).
type Variant struct {
	kind           error
	name           string
	detail, remedy string
}

// NewVariant makes a finer kind of kind. name is for logs; detail follows
// the file's name in the message, without a closing "。" ("是 PDF 文件，…");
// remedy is a whole sentence. Either may be "" for the kind's own, and both
// may use the placeholders of messages.go ({saveAs}, {app}, {ext}).
func NewVariant(kind error, name, detail, remedy string) *Variant {
	return &Variant{kind: kind, name: name, detail: detail, remedy: remedy}
}

func (v *Variant) Error() string { return v.name }
func (v *Variant) Unwrap() error { return v.kind }

// Error is the one error type of the file readers.
type Error struct {
	// Kind is one of the Err… kinds above.
	Kind error
	// Format is what the reader expected.
	Format Format
	// Path is the file concerned (only its base name is shown); "" when
	// bytes were read without a name.
	Path string
	// Detail, when set, replaces what the kind (or the variant) says about
	// the file; it follows the file's name, without a closing "。".
	Detail string
	// Remedy, when set, replaces the kind's (or the variant's) remedy.
	Remedy string
	// Err is the cause, for logs and errors.Is (fs.ErrNotExist); may be nil.
	Err error

	variant *Variant
}

// New makes an *Error of kind, which may be a *Variant.
func New(kind error, f Format, path string, cause error) *Error {
	e := &Error{Kind: kind, Format: f, Path: path, Err: cause}
	if v, ok := kind.(*Variant); ok {
		e.Kind, e.variant = v.kind, v
	}
	return e
}

// Of is err as an *Error: one already in the chain, named path when it
// names no file; otherwise a new one whose kind is the first kind the chain
// matches (a reader's sentinel wrapped with %w), ErrUnreadable if none.
func Of(err error, f Format, path string) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		if e.Path != "" || path == "" {
			return e
		}
		c := *e
		c.Path = path
		return &c
	}
	for _, k := range kinds {
		if errors.Is(err, k) {
			return &Error{Kind: k, Format: f, Path: path, Err: err}
		}
	}
	return &Error{Kind: ErrUnreadable, Format: f, Path: path, Err: err}
}

// Open opens path for reading if it is a file: a missing file, a folder or
// a refusal of the file system gives an ErrUnreadable *Error.
func Open(path string, f Format) (*os.File, fs.FileInfo, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, nil, New(ErrUnreadable, f, path, err)
	}
	st, err := file.Stat()
	if err == nil && st.IsDir() {
		err = ErrIsDir
	}
	if err != nil {
		file.Close()
		return nil, nil, New(ErrUnreadable, f, path, err)
	}
	return file, st, nil
}

// Error is the sentence for the user, as for data.UserError: wrapped into
// another error it still reads as Chinese. The cause is in Unwrap.
func (e *Error) Error() string { return e.UserMessage() }

// UserMessage makes *Error show as it is through data.Message.
func (e *Error) UserMessage() string { return message(e) }

// Unwrap lets errors.Is see the kind, the variant and the cause.
func (e *Error) Unwrap() []error {
	out := []error{e.Kind}
	if e.variant != nil {
		out = append(out, e.variant)
	}
	if e.Err != nil {
		out = append(out, e.Err)
	}
	return out
}

// findVariant is the variant the error was made of, or the first one in
// its cause (a reader's sentinel wrapped with %w).
func (e *Error) findVariant() *Variant {
	if e.variant != nil {
		return e.variant
	}
	var v *Variant
	if errors.As(e.Err, &v) {
		return v
	}
	return nil
}
