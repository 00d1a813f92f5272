package data

import "testing"

// dateTextCases are cells from real 任务分解表 deadline columns and returned
// forms; FuzzParseDateText starts from them.
var dateTextCases = []struct {
	in   string
	want string // "" = not a date
}{
	{"2024-06-30", "2024-06-30"},
	{"2024/6/30", "2024-06-30"},
	{"2024.6.30", "2024-06-30"},
	{"２０２４．６．３０", "2024-06-30"},
	{"2024年6月30日", "2024-06-30"},
	{"2024年6月30日前", "2024-06-30"},
	{"2024年6月底", "2024-06-30"},
	{"2024年6月底前", "2024-06-30"},
	{"2024年2月", "2024-02-29"},
	{"2024.6", "2024-06-30"},
	{"2024年底", "2024-12-31"},
	{"2024年年底前", "2024-12-31"},
	{"2024年", "2024-12-31"},
	{"2024年上半年", "2024-06-30"},
	{"2024年下半年", "2024-12-31"},
	{"2024年第三季度", "2024-09-30"},
	{"2024年6月上旬", "2024-06-10"},
	{"6月底", "2025-06-30"},
	{"年底前", "2025-12-31"},
	{"三季度", "2025-09-30"},
	{"到2024年10月", "2024-10-31"},
	{"长期坚持", ""},
	{"持续推进", ""},
	{"", ""},
	{"2024年13月", ""},
	{"2024-02-30", ""},
	{"按上级要求", ""},
}

func TestParseDateText(t *testing.T) {
	for _, c := range dateTextCases {
		d, ok := ParseDateText(c.in, 2025)
		if got := d.String(); got != c.want || ok != (c.want != "") {
			t.Errorf("ParseDateText(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
}

func FuzzParseDateText(f *testing.F) {
	for _, c := range dateTextCases {
		f.Add(c.in, 2024)
	}
	f.Fuzz(func(t *testing.T, s string, year int) {
		d, ok := ParseDateText(s, year)
		if ok && (d.Year() < 1899 || d.Year() > 10000) {
			t.Fatalf("%q gave %v", s, d)
		}
		if !ok && !d.IsZero() {
			t.Fatalf("%q: false with a date", s)
		}
	})
}
