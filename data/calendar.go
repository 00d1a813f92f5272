package data

import (
	"fmt"
	"slices"
	"time"
)

// Deadline is a fixed date of the 法治 year: when the annual report goes up,
// when it must be public, when quarterly progress is due.
type Deadline struct {
	Name string
	Date Date
}

// ReportDue is when the report on year y must reach the 党委 and the
// government above. The 法治政府建设与责任落实督察工作规定 (2019) gives county
// and higher governments 1 March of the next year; townships report in the
// first quarter, so 31 March.
func ReportDue(y int, level string) Date {
	if level == LevelCounty || level == LevelCity {
		return NewDate(y+1, time.March, 1)
	}
	return NewDate(y+1, time.March, 31)
}

// ReportPublicDue is when the report on year y must be public: 1 April of
// the next year, at every level.
func ReportPublicDue(y int) Date { return NewDate(y+1, time.April, 1) }

// Calendar lists the dates that fall in year y for an office at level, in
// date order: the report on the year before (due and public), the four
// quarterly progress returns, and, last, the report on y itself, due early
// next year, so the clerk sees it coming.
func Calendar(y int, level string) []Deadline {
	cal := []Deadline{
		{fmt.Sprintf("报送%d年度法治政府建设年度报告", y-1), ReportDue(y-1, level)},
		{fmt.Sprintf("向社会公开%d年度报告", y-1), ReportPublicDue(y - 1)},
	}
	quarters := []string{"一", "二", "三", "四"}
	for i, q := range quarters {
		// Day 0 of the month after the quarter is the quarter's last day.
		cal = append(cal, Deadline{"第" + q + "季度任务推进情况报送", NewDate(y, time.Month(3*i+4), 0)})
	}
	cal = append(cal,
		Deadline{fmt.Sprintf("报送%d年度法治政府建设年度报告", y), ReportDue(y, level)},
		Deadline{fmt.Sprintf("向社会公开%d年度报告", y), ReportPublicDue(y)},
	)
	slices.SortStableFunc(cal, func(a, b Deadline) int { return a.Date.Compare(b.Date) })
	return cal
}
