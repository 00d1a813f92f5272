package tasksheet

import (
	"errors"
	"fmt"
	"io/fs"
)

// The kinds of failure in reading a workbook. Callers match them with
// errors.Is; the sentence the clerk reads comes from Error.UserMessage.
var (
	// ErrEmpty: a file of zero bytes (an attachment that did not download).
	ErrEmpty = errors.New("tasksheet: empty file")
	// ErrNotWorkbook: neither a zip (.xlsx) nor an OLE (.xls) file.
	ErrNotWorkbook = errors.New("tasksheet: not a workbook")
	// ErrEncrypted: a password-protected workbook (an OLE file holding an
	// EncryptedPackage, or an encrypted .xls).
	ErrEncrypted = errors.New("tasksheet: password-protected workbook")
	// ErrNoExcel: an OLE file without an Excel workbook: a WPS .et in WPS's
	// own format, or a Word .doc renamed.
	ErrNoExcel = errors.New("tasksheet: OLE file without a workbook")
	// ErrOldExcel: a .xls this program cannot read (Excel 95 and older).
	ErrOldExcel = errors.New("tasksheet: unreadable legacy workbook")
	// ErrBroken: a damaged zip or workbook part.
	ErrBroken = errors.New("tasksheet: damaged workbook")
	// ErrTooLarge: the file or its unpacked parts exceed the limits (a zip
	// bomb, or not a 任务分解表 at all).
	ErrTooLarge = errors.New("tasksheet: workbook too large")
	// ErrNoHeader: no sheet has a header row with a task column.
	ErrNoHeader = errors.New("tasksheet: no task header found")
	// ErrUnreadable: the file system refused.
	ErrUnreadable = errors.New("tasksheet: file cannot be read")
)

// Error is what this package returns for a file it cannot read: the kind to
// match, the file's name and the cause for the log.
type Error struct {
	Kind  error
	File  string
	Cause error
	// Detail completes the sentence for some kinds (the sheets looked at
	// for ErrNoHeader).
	Detail string
}

func (e *Error) Error() string {
	if e.Cause != nil {
		return fmt.Sprintf("%s: %v: %v", e.File, e.Kind, e.Cause)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Kind)
}

// Unwrap lets errors.Is see both the kind and the cause (fs.ErrNotExist).
func (e *Error) Unwrap() []error { return []error{e.Kind, e.Cause} }

const saveAsXLSX = "请在 Excel 或 WPS 中打开它，另存为“Excel 工作簿（*.xlsx）”后再导入。"

// UserMessage is the one place this package's Chinese sentences are built.
func (e *Error) UserMessage() string {
	name := "“" + e.File + "”"
	switch {
	case errors.Is(e.Kind, ErrEmpty):
		return name + "是空文件（0 字节），可能没有下载或复制完整。请重新获取文件后再导入。"
	case errors.Is(e.Kind, ErrEncrypted):
		return name + "设置了打开密码，本程序无法读取。请在 Excel 或 WPS 中输入密码打开，在“文件—信息（或文档加密）”中取消密码并保存后再导入。"
	case errors.Is(e.Kind, ErrNoExcel):
		return name + "是 WPS 表格专有格式（.et）或其他 Office 文件（如 Word 文档），不是 Excel 表格。如果是 WPS 表格，" + saveAsXLSX
	case errors.Is(e.Kind, ErrOldExcel):
		return name + "是 Excel 95 或更早版本的表格，本程序不能直接读取。" + saveAsXLSX
	case errors.Is(e.Kind, ErrNotWorkbook):
		return name + "不是 Excel 表格（可能是改了扩展名的其他文件，或网页、文本格式）。请确认选对了文件；如果能在 Excel 或 WPS 中打开，" + saveAsXLSX
	case errors.Is(e.Kind, ErrTooLarge):
		return name + "太大（一个工作表超过 5 万行，或解压后超过 256 MB），不像是任务分解表或统计报表，也可能是损坏或恶意的文件。请确认选对了文件，或只保留需要的工作表后另存再导入。"
	case errors.Is(e.Kind, ErrBroken):
		return name + "已损坏或不完整（例如没有下载完）。请重新获取文件；如果能在 Excel 或 WPS 中打开，" + saveAsXLSX
	case errors.Is(e.Kind, ErrNoHeader):
		return name + "中没有找到任务分解表的表头" + e.Detail + "。表头应有“工作任务”（或“重点任务”“具体措施”等）一列，以及“序号”“牵头单位”“责任单位”“完成时限”等列中的至少一列。请确认选对了文件和工作表。"
	case errors.Is(e.Cause, fs.ErrNotExist):
		return "找不到文件" + name + "，可能已被移动或删除。请重新选择文件。"
	case errors.Is(e.Cause, fs.ErrPermission):
		return "没有读取" + name + "的权限，或文件正被其他程序占用。请在 Excel/WPS 中关闭它，或把它复制到桌面后再导入。"
	}
	return "无法读取" + name + "。请确认文件没有被其他程序占用；U 盘上的文件请先复制到电脑上再导入。"
}

func fail(kind error, file string, cause error) error {
	return &Error{Kind: kind, File: file, Cause: cause}
}
