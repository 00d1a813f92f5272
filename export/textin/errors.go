package textin

import (
	"errors"

	"fazhi/export/fileerr"
)

// The finer kinds of failure this package names. Each is a
// fileerr.Variant: errors.Is matches it and its fileerr kind, and the
// sentence the user reads comes from fileerr's message table. Empty,
// encrypted, too large and unreadable files get the fileerr kinds as they
// are.
var (
	// ErrBinary: the bytes are not text in any encoding we know (NUL bytes
	// outside UTF-16, or mostly undecodable), e.g. a picture or a program.
	ErrBinary = fileerr.NewVariant(fileerr.ErrNotOurs, "textin: not a text document", "", "")
	// ErrNotDocx: a zip that is not a readable Word document (no
	// word/document.xml, damaged, or another Office format such as .xlsx).
	ErrNotDocx = fileerr.NewVariant(fileerr.ErrNotOurs, "textin: not a readable .docx",
		"不是有效的 Word 文档（.docx），可能已损坏，或是改了扩展名的其他文件（如 Excel 表格）", "")
	// ErrOldWord: an OLE compound file, i.e. Word 97-2003 .doc or WPS .wps,
	// which we do not read.
	ErrOldWord = fileerr.NewVariant(fileerr.ErrLegacy, "textin: old binary .doc/.wps document",
		"是旧版 Word 或 WPS 文件（.doc / .wps），本程序不能直接读取", "")
	// ErrPDF: a PDF, whose text we cannot extract reliably.
	ErrPDF = fileerr.NewVariant(fileerr.ErrNotOurs, "textin: PDF document",
		"是 PDF 文件，本程序不能从中可靠地取出文字", "请找到原始的 Word 文件，或把 PDF 中的文字复制到 .txt 文件后再导入。")
	// ErrRTF: Rich Text Format, which WPS sometimes writes under a .doc name.
	ErrRTF = fileerr.NewVariant(fileerr.ErrLegacy, "textin: RTF document",
		"是 RTF 格式的文件（常见于 WPS 另存的 .doc），本程序不能直接读取", "")
)

// errLimit: the text or the document body exceeds MaxSize; a real plan is
// a few hundred kilobytes, so this is a damaged file or a zip bomb.
var errLimit = fileerr.NewVariant(fileerr.ErrTooLarge, "textin: size limit exceeded",
	"的内容超过 64 MB，不像是一份方案或报告，可能已损坏", "请确认选对了文件，或把正文复制到新的 .txt 文件后再导入。")

// Internal causes, wrapped inside a *fileerr.Error for logs and tests.
var (
	errNoDocument  = errors.New("zip has no word/document.xml")
	errSpreadsheet = errors.New("compound file holds a spreadsheet")
	errUndecodable = errors.New("too many undecodable bytes")
	errNUL         = errors.New("NUL bytes in a non-UTF-16 file")
)

// newError is a failure found in bytes; ReadFile names the file.
func newError(kind, cause error) error { return fileerr.New(kind, fileerr.Document, "", cause) }
