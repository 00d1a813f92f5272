package testfiles

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"fazhi/data"
)

// TaskTable writes an n-task 任务分解表 in the city's layout to path: title,
// header, a merged chapter row every 100 tasks, nine columns, a typed date
// every other row. BenchmarkImport5000 reads it, and
// internal/tools/benchworkbook writes it for timing `fazhi tasks import` as
// a whole process, so both measure the same 5,000 tasks.
func TaskTable(path string, n int) error {
	const sheet = "任务分解表"
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		return err
	}
	row := 0
	put := func(cells ...any) error {
		row++
		return f.SetSheetRow(sheet, fmt.Sprintf("A%d", row), &cells)
	}
	merge := func() error { return f.MergeCell(sheet, fmt.Sprintf("A%d", row), fmt.Sprintf("I%d", row)) }
	if err := put("黄江镇2024年法治政府建设任务分解表"); err != nil {
		return err
	}
	if err := merge(); err != nil {
		return err
	}
	if err := put("序号", "重点任务", "牵头单位", "配合单位", "责任单位", "完成时限", "进展情况", "备注", "佐证材料"); err != nil {
		return err
	}
	for i := 1; i <= n; i++ {
		if i%100 == 1 {
			part := (i-1)/100 + 1
			if err := put(fmt.Sprintf("%s、第%d部分", data.ChineseNumber(part), part)); err != nil {
				return err
			}
			if err := merge(); err != nil {
				return err
			}
		}
		var deadline any = "2024年6月底"
		if i%2 == 0 {
			deadline = 45473.0 // 2024-06-30 as Excel counts days
		}
		if err := put(i, fmt.Sprintf("第%d项任务：健全依法决策机制，严格落实重大行政决策程序规定，推进法治政府建设", i),
			"党政办", "法制办、司法所", "综合执法办", deadline, "已召开专题会议研究部署，正在推进", "无", "会议纪要"); err != nil {
			return err
		}
		if i%2 == 0 {
			cell := fmt.Sprintf("F%d", row)
			if err := f.SetCellStyle(sheet, cell, cell, dateStyle); err != nil {
				return err
			}
		}
	}
	return f.SaveAs(path)
}
