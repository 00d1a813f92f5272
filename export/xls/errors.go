package xls

import "fazhi/export/fileerr"

// The finer kinds of failure this package names, each a fileerr.Variant:
// errors.Is matches it and its fileerr kind. An encrypted, damaged, too
// large or unreadable workbook gets the fileerr kind itself (wrapped with
// %w and a detail for the log). Read and Open return a *fileerr.Error, whose
// sentence comes from fileerr's message table.
var (
	// ErrNotXLS: the bytes do not start with the OLE compound-file magic, so
	// this is no Excel 97-2003 file at all (an .xlsx, a CSV or text renamed
	// .xls, an empty file).
	ErrNotXLS = fileerr.NewVariant(fileerr.ErrNotOurs, "xls: not an OLE compound file",
		"不是 Excel 97-2003 格式（.xls），可能是改了扩展名的其他文件", "")
	// ErrNoWorkbook: an OLE file without a Workbook or Book stream, i.e. a
	// Word .doc, a PowerPoint .ppt or a WPS-only .et saved in WPS's own format.
	ErrNoWorkbook = fileerr.NewVariant(fileerr.ErrNotOurs, "xls: OLE file holds no Excel workbook",
		"是 WPS 表格专有格式（.et）或其他 Office 文件（如 Word 文档），不是 Excel 表格", "")
	// ErrOldBIFF: BIFF2–BIFF5 (Excel 2.x–95). Their byte strings depend on
	// the code page and their records differ; we read only BIFF8.
	ErrOldBIFF = fileerr.NewVariant(fileerr.ErrLegacy, "xls: Excel 5.0/95 or older workbook",
		"是 Excel 95 或更早版本的表格，本程序不能直接读取", "")
)

// fail is err, a chain around one of the kinds, as the *fileerr.Error the
// package returns.
func fail(err error, path string) error { return fileerr.Of(err, fileerr.Workbook, path) }
