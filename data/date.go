package data

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
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

// ParseDateText reads a date the way offices write one in a table cell or a
// returned form: 2024-06-30, 2024/6/30, 2024.6.30, 2024年6月30日, and the
// vague ends of periods that deadlines use, read as the period's last day
// (2024年6月底, 2024年6月, 2024年底, 2024年上半年, 2024年第三季度, 2024年年底前).
// A period without a year (6月底, 年底前, 三季度) takes year. It reports false
// when the text holds no such date, so the caller keeps the words as
// written. Spreadsheet serials are the reader's business, not this one's.
func ParseDateText(s string, year int) (Date, bool) {
	f := foldDigits(s)
	f = strings.NewReplacer(" ", "", "\u3000", "", "\t", "", "\n", "", "\r", "").Replace(f)
	if f == "" {
		return Date{}, false
	}
	if m := numericDate.FindStringSubmatch(f); m != nil {
		y, mo, d := atoi(m[1]), atoi(m[2]), atoi(m[3])
		if valid(y, mo, d) {
			return NewDate(y, time.Month(mo), d), true
		}
		return Date{}, false
	}
	if m := numericMonth.FindStringSubmatch(f); m != nil {
		y, mo := atoi(m[1]), atoi(m[2])
		if y < 1900 || y > 9999 || mo < 1 || mo > 12 {
			return Date{}, false
		}
		return NewDate(y, time.Month(mo)+1, 0), true
	}
	y := year
	rest := f
	if m := leadingYear.FindStringSubmatch(f); m != nil {
		y = atoi(m[1])
		rest = f[len(m[0]):]
	}
	if y < 1900 || y > 9999 {
		return Date{}, false
	}
	if m := monthDay.FindStringSubmatch(rest); m != nil {
		mo := atoi(m[1])
		if mo < 1 || mo > 12 {
			return Date{}, false
		}
		if m[2] != "" {
			if d := atoi(m[2]); valid(y, mo, d) {
				return NewDate(y, time.Month(mo), d), true
			}
			return Date{}, false
		}
		if m[3] == "上旬" {
			return NewDate(y, time.Month(mo), 10), true
		}
		if m[3] == "中旬" {
			return NewDate(y, time.Month(mo), 20), true
		}
		return NewDate(y, time.Month(mo)+1, 0), true // 月底 / 月 / 下旬: the month's last day
	}
	if m := quarter.FindStringSubmatch(rest); m != nil {
		n := map[string]int{"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}[m[1]]
		return NewDate(y, time.Month(3*n)+1, 0), true
	}
	switch {
	case strings.HasPrefix(rest, "上半年"):
		return NewDate(y, 6, 30), true
	case strings.HasPrefix(rest, "下半年"), strings.HasPrefix(rest, "年底"), strings.HasPrefix(rest, "年末"),
		strings.HasPrefix(rest, "底"), strings.HasPrefix(rest, "年内"), strings.HasPrefix(rest, "全年"),
		rest == "" && f != rest:
		return NewDate(y, 12, 31), true
	}
	return Date{}, false
}

var (
	numericDate  = regexp.MustCompile(`^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(前|之前|以前)?$`)
	numericMonth = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})(前|之前|以前)?$`)
	leadingYear  = regexp.MustCompile(`^(?:到|至|于|在)?(\d{4})年?`)
	monthDay     = regexp.MustCompile(`^(?:度)?(?:的)?(\d{1,2})月(?:(\d{1,2})日|(上旬|中旬|下旬|底|末|份)?)`)
	quarter      = regexp.MustCompile(`^(?:度)?(?:第)?([一二三四1-4])季度`)
)

// foldDigits turns full-width digits and dots into ASCII (２０２４．６ → 2024.6).
func foldDigits(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return '0' + (r - '０')
		case r == '．' || r == '。':
			return '.'
		case r == '／':
			return '/'
		case r == '－' || r == '—':
			return '-'
		}
		return r
	}, strings.TrimSpace(s))
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func valid(y, m, d int) bool {
	return y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
