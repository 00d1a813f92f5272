package tasksheet

import (
	"strings"

	"fazhi/export/fileerr"
)

// The finer kinds of failure of this package, each a fileerr.Variant of
// fileerr.ErrNotOurs: the file opened, but it is not a table this package
// can use. Every other failure of a file is export/workbook's, in the
// fileerr kinds; all sentences but these come from fileerr's table.
var (
	// ErrNoHeader: no sheet has a header row with a task column.
	ErrNoHeader = fileerr.NewVariant(fileerr.ErrNotOurs, "tasksheet: no task header found", noHeader,
		"表头应有“工作任务”（或“重点任务”“具体措施”等）一列，以及“序号”“牵头单位”“责任单位”“完成时限”等列中的至少一列。请确认选对了文件和工作表。")
	// ErrTemplateNoHeader: the template has no task table header to fill.
	ErrTemplateNoHeader = fileerr.NewVariant(fileerr.ErrNotOurs, "tasksheet: no task table header in template",
		"中没有找到任务表的表头（应至少有“序号”“工作任务”“牵头单位”“配合单位”“完成时限”“进展情况”“备注”等栏目中的两个）",
		"请检查模板的表头。")
	// ErrTemplateNoSheet: the sheet asked for is not in the template.
	ErrTemplateNoSheet = fileerr.NewVariant(fileerr.ErrNotOurs, "tasksheet: no such sheet in template", "", "请核对工作表的名称。")
)

const noHeader = "中没有找到任务分解表的表头"

// errNoHeader is ErrNoHeader for the file source, naming the sheets looked
// at.
func errNoHeader(source string, looked []string) error {
	e := fileerr.New(ErrNoHeader, fileerr.Workbook, source, nil)
	if len(looked) > 0 {
		e.Detail = noHeader + "（查看了工作表：" + strings.Join(looked, "、") + "）"
	}
	return e
}

// errNoSheet is ErrTemplateNoSheet for the template at path.
func errNoSheet(path, sheet string, sheets []string) error {
	e := fileerr.New(ErrTemplateNoSheet, fileerr.Template, path, nil)
	e.Detail = "中没有名为“" + sheet + "”的工作表（现有工作表：" + strings.Join(sheets, "、") + "）"
	return e
}
