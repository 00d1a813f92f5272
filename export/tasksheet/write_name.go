package tasksheet

import (
	"fmt"
	"strings"

	"fazhi/data"
)

// FileName is the name offices give an exported table:
// 黄江镇2024年法治政府建设任务分解表（截至2024年6月30日）.xlsx. The date is the
// as-of day, or the day of the export: the file is a snapshot either way.
func FileName(p data.Profile, year int, asOf data.Date) string {
	if asOf.IsZero() {
		asOf = data.Today()
	}
	return safeName(fmt.Sprintf("%s%d年法治政府建设任务分解表（截至%s）", p.ShortName(), year, asOf.Chinese())) + ".xlsx"
}

// DeptFileName is the name of the workbook sent to one department:
// 黄江镇2024年法治政府建设任务分解表-司法所.xlsx.
func DeptFileName(p data.Profile, year int, dept string) string {
	return safeName(fmt.Sprintf("%s%d年法治政府建设任务分解表-%s", p.ShortName(), year, dept)) + ".xlsx"
}

// safeName replaces what Windows refuses in a file name (a department
// called 党政办/综治办 must not turn into a folder) and trims the spaces
// and dots Windows drops silently at the end.
func safeName(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || strings.ContainsRune(`\/:*?"<>|`, r) {
			return '_'
		}
		return r
	}, s)
	return strings.TrimRight(strings.TrimSpace(s), ". ")
}
