package data

import (
	"encoding/json"
	"fmt"
	"time"
)

// Date is a calendar day without a clock or zone: deadlines and progress
// dates are days in the office's calendar, and a time.Time would shift them
// across midnight between machines. The zero Date means "no date".
type Date struct {
	y int
	m time.Month
	d int
}

// DateOf takes the calendar day of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// NewDate builds a date, normalising overflow as time.Date does (2月30日 →
// 3月2日).
func NewDate(y int, m time.Month, d int) Date {
	return DateOf(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// ParseDate reads YYYY-MM-DD, the form the command line and JSON use.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return Date{}, userErr(ErrInvalid, "日期“%s”格式不对，应写成 2024-06-30 这样的形式。", s)
	}
	return DateOf(t), nil
}

// Today is the current day on this PC.
func Today() Date { return DateOf(time.Now()) }

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d == Date{} }

func (d Date) time() time.Time { return time.Date(d.y, d.m, d.d, 0, 0, 0, 0, time.UTC) }

// Year is the date's year (0 when unset).
func (d Date) Year() int { return d.y }

// Before reports whether d is earlier than e.
func (d Date) Before(e Date) bool { return d.time().Before(e.time()) }

// Compare orders dates for sorting: -1, 0 or +1 as d is before, equal to or
// after e.
func (d Date) Compare(e Date) int { return d.time().Compare(e.time()) }

// DaysUntil counts days from d to e (negative when e is earlier).
func (d Date) DaysUntil(e Date) int { return int(e.time().Sub(d.time()).Hours() / 24) }

// AddYears moves the date by n years (2月29日 becomes 3月1日 in a common year).
func (d Date) AddYears(n int) Date { return NewDate(d.y+n, d.m, d.d) }

// String is YYYY-MM-DD, or "" for no date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.y, int(d.m), d.d)
}

// Chinese is the form offices write: 2024年6月30日.
func (d Date) Chinese() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d年%d月%d日", d.y, int(d.m), d.d)
}

// MarshalJSON writes "YYYY-MM-DD", or null for no date.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

// UnmarshalJSON reads what MarshalJSON writes.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = Date{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s == "" {
		*d = Date{}
		return nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return fmt.Errorf("date %q: %w", s, err)
	}
	*d = DateOf(t)
	return nil
}
