package statsheet

import (
	"errors"
	"fmt"
	"path/filepath"

	"fazhi/data"
)

// Kinds of failure, matched with errors.Is; the sentence the clerk reads is
// the data.UserError that wraps them.
var (
	ErrUnreadable = errors.New("cannot read workbook")
	ErrNoMapping  = errors.New("no indicator rows found")
	ErrXLSFill    = errors.New("cannot fill an .xls template")
	ErrBadCell    = errors.New("not a cell of the template")
)

func userErr(kind error, format string, args ...any) error {
	return &data.UserError{Msg: fmt.Sprintf(format, args...), Err: kind}
}

func errUnreadable(path string, cause error) error {
	return &data.UserError{Msg: fmt.Sprintf("无法读取“%s”。请确认文件没有被其他程序占用；U 盘上的文件请先复制到电脑上再试。", filepath.Base(path)),
		Err: fmt.Errorf("%w: %w", ErrUnreadable, cause)}
}

// XLSFillError is the refusal to fill a .xls template, with how to save it
// as .xlsx in WPS or Excel.
func XLSFillError(path string) error {
	return userErr(ErrXLSFill, "“%s”是旧版 Excel 97-2003（.xls）文件，本程序可以读取但不能按原样填写。请在 WPS 或 Excel 中打开它，选择“文件 → 另存为”，文件类型选“Excel 工作簿（*.xlsx）”，再用另存的文件。", filepath.Base(path))
}
