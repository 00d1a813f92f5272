package textin

import (
	"errors"
	"io/fs"
	"path/filepath"
)

// The kinds of failure. Callers match them with errors.Is (the window picks
// an icon, the command line an exit code); the text the user reads comes
// from *Error.Error, never from these.
var (
	// ErrBinary: the bytes are not text in any encoding we know (NUL bytes
	// outside UTF-16, or mostly undecodable), e.g. a picture or a program.
	ErrBinary = errors.New("textin: not a text document")
	// ErrNotDocx: a zip that is not a readable Word document (no
	// word/document.xml, damaged, or another Office format such as .xlsx).
	ErrNotDocx = errors.New("textin: not a readable .docx")
	// ErrTooLarge: the text or the document body exceeds MaxSize; a real
	// plan is a few hundred kilobytes, so this is a damaged file or a zip bomb.
	ErrTooLarge = errors.New("textin: document too large")
	// ErrOldWord: an OLE compound file, i.e. Word 97-2003 .doc or WPS .wps,
	// which we do not read.
	ErrOldWord = errors.New("textin: old binary .doc/.wps document")
	// ErrEncrypted: a password-protected Office document (stored as an OLE
	// file holding an EncryptedPackage stream).
	ErrEncrypted = errors.New("textin: password-protected document")
	// ErrPDF: a PDF, whose text we cannot extract reliably.
	ErrPDF = errors.New("textin: PDF document")
	// ErrRTF: Rich Text Format, which WPS sometimes writes under a .doc name.
	ErrRTF = errors.New("textin: RTF document")
	// ErrEmpty: the file holds nothing but blanks (0 bytes: a download or a
	// copy that did not finish, or a document saved empty).
	ErrEmpty = errors.New("textin: empty file")
	// ErrUnreadable: the file system refused (missing file, no permission,
	// a folder instead of a file, a read error on a USB stick).
	ErrUnreadable = errors.New("textin: file cannot be read")
)

// saveAs is the remedy most messages end with: the clerk always has Word or
// WPS on the office PC, and both can write .docx and .txt.
const saveAs = "请在 Word 或 WPS 中打开后另存为 .docx 或 .txt 再导入。"

// messages holds every sentence this package shows to a user, by kind.
var messages = map[error]string{
	ErrBinary:     "文件不是文本或 Word 文档（.docx）。" + saveAs,
	ErrNotDocx:    "文件不是有效的 Word 文档（.docx），可能已损坏，或是改了扩展名的其他文件（如 Excel 表格）。" + saveAs,
	ErrTooLarge:   "文件内容超过 64 MB，不像是一份方案，可能已损坏。请确认选对了文件，或把正文复制到新的 .txt 文件后再导入。",
	ErrOldWord:    "这是旧版 Word 或 WPS 文件（.doc / .wps），本程序不能直接读取。" + saveAs,
	ErrEncrypted:  "文件设置了打开密码，本程序无法读取。请在 Word 或 WPS 中输入密码打开，取消密码后另存为 .docx 或 .txt 再导入。",
	ErrPDF:        "这是 PDF 文件，本程序不能从中可靠地取出文字。请找到原始的 Word 文件，或把 PDF 中的文字复制到 .txt 文件后再导入。",
	ErrRTF:        "这是 RTF 格式的文件（常见于 WPS 另存的 .doc），本程序不能直接读取。" + saveAs,
	ErrEmpty:      "文件是空的，里面没有文字，可能没有下载或复制完整。请重新获取文件；如果在 Word 或 WPS 中能看到内容，" + saveAs,
	ErrUnreadable: "无法读取文件。请确认文件存在、没有被其他程序占用，U 盘上的文件请先复制到电脑上再导入。",
}

// Error is the error every exported function of this package returns. Kind
// is one of the Err… sentinels, Path the file concerned ("" when decoding
// bytes), Err the underlying cause for logs (may be nil).
type Error struct {
	Kind error
	Path string
	Err  error
}

// Error returns the Chinese sentence for the user, naming the file when
// there is one.
func (e *Error) Error() string {
	msg := messages[e.Kind]
	if msg == "" {
		msg = messages[ErrUnreadable]
	}
	if e.Kind == ErrUnreadable {
		switch {
		case errors.Is(e.Err, fs.ErrNotExist):
			msg = "找不到文件，可能已被移动或删除。请重新选择文件。"
		case errors.Is(e.Err, fs.ErrPermission):
			msg = "没有读取该文件的权限。请把文件复制到“桌面”或“文档”中再导入。"
		case errors.Is(e.Err, errIsDir):
			msg = "选择的是文件夹，不是文件。请选择方案文件（.docx 或 .txt）。"
		}
	}
	if e.Path != "" {
		return "“" + filepath.Base(e.Path) + "”：" + msg
	}
	return msg
}

// Unwrap lets errors.Is find both the kind and the cause.
func (e *Error) Unwrap() []error {
	if e.Err == nil {
		return []error{e.Kind}
	}
	return []error{e.Kind, e.Err}
}

// Internal causes, wrapped inside an *Error for logs and tests.
var (
	errIsDir       = errors.New("path is a directory")
	errNoDocument  = errors.New("zip has no word/document.xml")
	errLimit       = errors.New("size limit exceeded")
	errSpreadsheet = errors.New("compound file holds a spreadsheet")
	errUndecodable = errors.New("too many undecodable bytes")
	errNUL         = errors.New("NUL bytes in a non-UTF-16 file")
)

func newError(kind error, cause error) *Error { return &Error{Kind: kind, Err: cause} }

// withPath names the file in an *Error coming up from a byte-level function.
func withPath(err error, path string) error {
	var e *Error
	if errors.As(err, &e) {
		c := *e
		c.Path = path
		return &c
	}
	return err
}

// UserMessage is the sentence the window and the command line show; it lets
// data.Message pass it through unchanged instead of as a technical cause.
func (e *Error) UserMessage() string { return e.Error() }
