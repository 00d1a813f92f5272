package xls

import (
	"errors"
	"io/fs"
)

// The kinds of failure. Callers match them with errors.Is; details for the
// log are wrapped around them with %w, and the sentence the clerk reads comes
// only from UserMessage.
var (
	// ErrNotXLS: the bytes do not start with the OLE compound-file magic, so
	// this is no Excel 97-2003 file at all (an .xlsx, a CSV or text renamed
	// .xls, an empty file).
	ErrNotXLS = errors.New("xls: not an OLE compound file")
	// ErrNoWorkbook: an OLE file without a Workbook or Book stream, i.e. a
	// Word .doc, a PowerPoint .ppt or a WPS-only .et saved in WPS's own format.
	ErrNoWorkbook = errors.New("xls: OLE file holds no Excel workbook")
	// ErrEncrypted: the workbook stream starts with a FILEPASS record, so
	// every value after it is encrypted and we cannot read it.
	ErrEncrypted = errors.New("xls: workbook is password-protected")
	// ErrOldBIFF: BIFF2–BIFF5 (Excel 2.x–95). Their byte strings depend on
	// the code page and their records differ; we read only BIFF8.
	ErrOldBIFF = errors.New("xls: Excel 5.0/95 or older workbook")
	// ErrCorrupt: the compound file or a BIFF record is damaged or truncated.
	ErrCorrupt = errors.New("xls: damaged workbook")
	// ErrTooLarge: the workbook exceeds a reader limit (stream size, cells,
	// sheets, merges); a township return is far below every one of them.
	ErrTooLarge = errors.New("xls: workbook exceeds reader limits")
	// ErrUnreadable: the file system refused (missing file, no permission,
	// a read error on a USB stick).
	ErrUnreadable = errors.New("xls: file cannot be read")
)

// saveAs is the remedy most messages end with: every office PC has Excel or
// WPS, and both write .xlsx, which the rest of the program reads.
const saveAs = "请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入。"

var messages = []struct {
	kind error
	text string
}{
	{ErrEncrypted, "这是 Excel 97-2003 格式（.xls）文件，且已加密。请在 Excel 或 WPS 中输入密码打开，取消密码后另存为 .xlsx 再导入。"},
	{ErrOldBIFF, "这是 Excel 95 或更早版本的表格，本程序不能直接读取。" + saveAs},
	{ErrNoWorkbook, "这是旧版 Office 或 WPS 文件，但里面没有 Excel 表格（可能是 Word 文档，或 WPS 表格专有格式 .et）。" + saveAs},
	{ErrNotXLS, "文件不是 Excel 97-2003 格式（.xls），可能是改了扩展名的其他文件。请确认选对了文件；如果是表格，" + saveAs},
	{ErrTooLarge, "表格太大（超过 256 MB 或 200 万个单元格），不像是一份台账或报表，可能已损坏。请确认选对了文件，或只保留需要的工作表后另存为 .xlsx 再导入。"},
	{ErrCorrupt, "这个 .xls 文件已损坏或不完整（例如没有下载或复制完）。请重新获取文件；如果能在 Excel 或 WPS 中打开，" + saveAs},
}

// UserMessage turns any error from this package into one Chinese sentence
// that tells the clerk what happened and what to do. It is the only place
// such text is built, so every screen and the command line say the same.
func UserMessage(err error) string {
	if err == nil {
		return ""
	}
	for _, m := range messages {
		if errors.Is(err, m.kind) {
			return m.text
		}
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "找不到文件，可能已被移动或删除。请重新选择文件。"
	case errors.Is(err, fs.ErrPermission):
		return "没有读取该文件的权限，或文件正被其他程序占用。请关闭 Excel/WPS 中的这个文件，或把它复制到“桌面”后再导入。"
	}
	return "无法读取这个 .xls 文件。请确认文件没有被其他程序占用；U 盘上的文件请先复制到电脑上。如果仍不行，" + saveAs
}
