package xls

import (
	"math"
	"testing"
	"time"
)

func TestRKValue(t *testing.T) {
	for _, c := range []struct {
		rk   uint32
		want float64
	}{
		{rkInt(0), 0}, {rkInt(45), 45}, {rkInt(-1), -1}, {rkInt(1<<29 - 1), 1<<29 - 1}, {rkInt(-1 << 29), -1 << 29},
		{rkCents(1234), 12.34}, {rkCents(-5), -0.05}, {rkFloat(12.5), 12.5}, {rkFloat(-0.25), -0.25},
		{rkFloat(1234.5) | 0x01, 12.345},
	} {
		if got := rkValue(c.rk); got != c.want {
			t.Errorf("rkValue(%#x) = %v, want %v", c.rk, got, c.want)
		}
	}
}

func TestFormatNumber(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{0, "0"}, {math.Copysign(0, -1), "0"}, {1, "1"}, {-3, "-3"}, {12.5, "12.5"}, {0.1 + 0.2, "0.3"},
		{1.0 / 3, "0.333333333333333"}, {123456789012345, "123456789012345"}, {1e15, "1E+15"},
		{1e-10, "1E-10"}, {0.000123, "0.000123"}, {-1.5e20, "-1.5E+20"}, {2.675, "2.675"},
	} {
		if got := formatNumber(c.v); got != c.want {
			t.Errorf("formatNumber(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}

func TestSerialTime(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		serial float64
		d1904  bool
		want   time.Time
		ok     bool
	}{
		{1, false, day(1900, 1, 1), true},
		{59, false, day(1900, 2, 28), true},
		{60, false, day(1900, 2, 28), true}, // Excel's 1900-02-29, which never was
		{61, false, day(1900, 3, 1), true},
		{40555, false, day(2011, 1, 12), true}, // the fixture's 填表时间
		{41650.5, false, day(2014, 1, 11).Add(12 * time.Hour), true},
		{0, true, day(1904, 1, 1), true},
		{2958465, false, day(9999, 12, 31), true},
		{2958466, false, time.Time{}, false},
		{-1, false, time.Time{}, false},
		{math.NaN(), false, time.Time{}, false},
	} {
		got, ok := serialTime(c.serial, c.d1904)
		if ok != c.ok || !got.Equal(c.want) {
			t.Errorf("serialTime(%v, %v) = %v %v, want %v %v", c.serial, c.d1904, got, ok, c.want, c.ok)
		}
	}
}

func TestIsDateFormat(t *testing.T) {
	for _, c := range []struct {
		f    string
		want bool
	}{
		{`yyyy"年"m"月"d"日"`, true}, {"yyyy-mm-dd", true}, {"h:mm:ss", true}, {"[h]:mm", true}, {"[ss]", true},
		{`[$-804]aaaa`, false}, {`[DBNum1][$-804]yyyy"年"m"月"`, true}, {"上午/下午h\"时\"mm\"分\"", true},
		{"General", false}, {"G/通用格式", false}, {"0.00", false}, {`#,##0"天"`, false}, {`0\d`, false},
		{`[Red]0.00`, false}, {"0.00E+00", false}, {`_ "¥"* #,##0_ `, false}, {"@", false}, {`"unclosed`, false}, {"[", false},
	} {
		if got := isDateFormat(c.f); got != c.want {
			t.Errorf("isDateFormat(%q) = %v, want %v", c.f, got, c.want)
		}
	}
}

func TestBuiltinDate(t *testing.T) {
	for id, want := range map[uint16]bool{0: false, 1: false, 14: true, 22: true, 31: true, 49: false, 57: true, 164: false} {
		if got := builtinDate(id); got != want {
			t.Errorf("builtinDate(%d) = %v", id, got)
		}
	}
}
