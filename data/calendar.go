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

// ReportDeadlines are the dates a year's report is due (to the 党委, 人大
// and the government above) and must be public by. 县级以上 governments
// report by 1 March (规定 art. 25); townships within the first quarter; all
// publish by 1 April.
func ReportDeadlines(year int, level string) (submit, publish Date) {
	submit = NewDate(year+1, time.March, 31)
	if level == LevelCounty || level == LevelCity {
		submit = NewDate(year+1, time.March, 1)
	}
	return submit, NewDate(year+1, time.April, 1)
}

// Calendar lists the dates that fall in year y for an office at level, in
// date order: the report on the year before (due and public), the four
// quarterly progress returns, and, last, the report on y itself, due early
// next year, so the clerk sees it coming.
func Calendar(y int, level string) []Deadline {
	lastDue, lastPublic := ReportDeadlines(y-1, level)
	due, public := ReportDeadlines(y, level)
	cal := []Deadline{
		{fmt.Sprintf("报送%d年度法治政府建设年度报告", y-1), lastDue},
		{fmt.Sprintf("向社会公开%d年度报告", y-1), lastPublic},
	}
	quarters := []string{"一", "二", "三", "四"}
	for i, q := range quarters {
		// Day 0 of the month after the quarter is the quarter's last day.
		cal = append(cal, Deadline{"第" + q + "季度任务推进情况报送", NewDate(y, time.Month(3*i+4), 0)})
	}
	cal = append(cal,
		Deadline{fmt.Sprintf("报送%d年度法治政府建设年度报告", y), due},
		Deadline{fmt.Sprintf("向社会公开%d年度报告", y), public},
	)
	slices.SortStableFunc(cal, func(a, b Deadline) int { return a.Date.Compare(b.Date) })
	return cal
}
