package statsheet

import (
	"errors"
	"fmt"
	"path/filepath"
)

// Kinds of failure, matched with errors.Is.
var (
	ErrUnreadable = errors.New("cannot read workbook")
	ErrNoMapping  = errors.New("no indicator rows found")
	ErrXLSFill    = errors.New("cannot fill an .xls template")
	ErrBadCell    = errors.New("not a cell of the template")
)

// Error carries the Chinese sentence for the clerk next to its kind.
type Error struct {
	Msg string
	Err error
}

func (e *Error) Error() string       { return e.Msg }
func (e *Error) Unwrap() error       { return e.Err }
func (e *Error) UserMessage() string { return e.Msg }

func errUnreadable(path string, cause error) error {
	return &Error{Msg: fmt.Sprintf("无法读取 %s：它不是可以打开的 Excel 文件（.xlsx 或 .xls），或已损坏、加密。请在 WPS/Excel 中打开确认，必要时“另存为”Excel 工作簿（.xlsx）后再试。", path),
		Err: fmt.Errorf("%w: %w", ErrUnreadable, cause)}
}

func errNoMapping(path string) error {
	return &Error{Msg: fmt.Sprintf("在 %s 中没有找到任何统计指标的栏目。请确认这是统计报表模板；栏目名称与指标不同时，可用 fazhi stats indicator alias 指标 栏目名称 添加别名。", path), Err: ErrNoMapping}
}

// XLSFillError is the refusal to fill a .xls template, with how to save it
// as .xlsx in WPS or Excel.
func XLSFillError(path string) error { return errXLSFill(filepath.Base(path)) }

func errXLSFill(path string) error {
	return &Error{Msg: fmt.Sprintf("%s 是旧版 Excel 97-2003（.xls）文件，本程序可以读取但不能按原样填写。请在 WPS 或 Excel 中打开它，选择“文件 → 另存为”，文件类型选“Excel 工作簿（*.xlsx）”，再用另存的文件导出。", path), Err: ErrXLSFill}
}
