package xls

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// rkValue decodes an RK number: a 30-bit integer or the top 30 bits of a
// double, optionally to be divided by 100 (how Excel packs 12.34 in 4 bytes).
func rkValue(rk uint32) float64 {
	var v float64
	if rk&0x02 != 0 {
		v = float64(int32(rk) >> 2)
	} else {
		v = math.Float64frombits(uint64(rk&^0x03) << 32)
	}
	if rk&0x01 != 0 {
		v /= 100
	}
	return v
}

// formatNumber renders v as Excel's General format does for the value
// itself: 15 significant digits (Excel's precision, so 0.1+0.2 reads 0.3),
// no trailing zeros, integers without a point. Unlike Excel it does not
// shorten to the column width: an importer wants all the digits, and
// scientific notation starts only where Excel's own does beyond any width.
func formatNumber(v float64) string {
	if v == 0 {
		return "0" // also turns -0 into 0
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	if err != nil {
		r = v
	}
	if a := math.Abs(r); a >= 1e-9 && a < 1e15 {
		return strconv.FormatFloat(r, 'f', -1, 64)
	}
	return strconv.FormatFloat(r, 'E', -1, 64) // 1.5E+20, as Excel writes it
}

// Date serial bounds Excel accepts: day 0 to 9999-12-31.
const maxSerial = 2958465.99999

// serialTime converts a date serial to a UTC time. In the 1900 system Excel
// counts the fictitious 1900-02-29 (serial 60), so serials before it sit
// one day later than a plain count from 1899-12-30 would put them.
func serialTime(serial float64, date1904 bool) (time.Time, bool) {
	if math.IsNaN(serial) || serial < 0 || serial > maxSerial {
		return time.Time{}, false
	}
	epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if date1904 {
		epoch = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	} else if serial < 61 && serial >= 1 {
		epoch = epoch.AddDate(0, 0, 1)
		if serial >= 60 {
			serial = 59 + (serial - 60) // 1900-02-29 does not exist: show 02-28
		}
	}
	days := math.Floor(serial)
	ms := math.Round((serial - days) * 86400000)
	return epoch.AddDate(0, 0, int(days)).Add(time.Duration(ms) * time.Millisecond), true
}

// formatTime shows a date cell the way a Chinese office writes dates, with
// the time only when the serial carries one and the date only when it is not
// a bare time of day.
func formatTime(t time.Time, serial float64) string {
	switch {
	case serial < 1 && serial != math.Floor(serial):
		return t.Format("15:04:05")
	case t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0:
		return t.Format("2006-01-02")
	}
	return t.Format("2006-01-02 15:04:05")
}

// builtinDate reports whether a built-in number format (one no FORMAT record
// redefines) shows a date or time. 27–36 and 50–58 are the Chinese-locale
// forms such as yyyy"年"m"月"d"日", which Chinese Excel and WPS use often.
func builtinDate(ifmt uint16) bool {
	switch {
	case ifmt >= 14 && ifmt <= 22, ifmt >= 27 && ifmt <= 36,
		ifmt >= 45 && ifmt <= 47, ifmt >= 50 && ifmt <= 58:
		return true
	}
	return false
}

// isDateFormat reports whether a number format string shows a date or time:
// it has a y, m, d, h or s outside quoted text, escapes and brackets such as
// [Red], [$-804] or [DBNum1]; the elapsed-time brackets [h] [mm] [ss] count.
func isDateFormat(f string) bool {
	for i := 0; i < len(f); i++ {
		switch c := f[i]; c {
		case '"':
			j := strings.IndexByte(f[i+1:], '"')
			if j < 0 {
				return false
			}
			i += j + 1
		case '\\', '_', '*':
			i++ // the next character is literal text or padding
		case '[':
			j := strings.IndexByte(f[i+1:], ']')
			if j < 0 {
				return false
			}
			if strings.Trim(strings.ToLower(f[i+1:i+1+j]), "hms") == "" && j > 0 {
				return true
			}
			i += j + 1
		default:
			switch c | 0x20 { // ASCII lower case
			case 'y', 'm', 'd', 'h', 's':
				return true
			}
		}
	}
	return false
}
