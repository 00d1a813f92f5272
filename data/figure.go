package data

import (
	"errors"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// ErrNotANumber: typed text that no tolerant reading makes a number of.
var ErrNotANumber = errors.New("not a number")

// ParseFigure reads a figure the way clerks type it: full-width digits
// (３３１), thousands separators (2,707), a trailing unit (331宗, 97%), 万
// (2.5万 → 25000), and 无/没有/— for zero. The cleaned value is shown to the
// clerk before it is kept.
func ParseFigure(s string) (float64, error) {
	t := strings.TrimSpace(norm.NFKC.String(s))
	switch t {
	case "无", "没有", "—", "-", "--", "／", "/", "零":
		return 0, nil
	case "":
		return 0, &UserError{Msg: "没有填写数值。", Err: ErrNotANumber}
	}
	t = strings.NewReplacer(",", "", "，", "", " ", "", "、", "").Replace(t)
	scale := 1.0
	for _, u := range []string{"人次", "万元", "元", "宗", "件", "次", "场", "人", "份", "个", "项", "期", "卷", "条", "%", "％"} {
		if rest, ok := strings.CutSuffix(t, u); ok {
			t = rest
			break
		}
	}
	if rest, ok := strings.CutSuffix(t, "万"); ok {
		t, scale = rest, 10000
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || v != v || v > 1e15 || v < -1e15 { // NaN or absurd
		return 0, &UserError{Msg: "应填写数字，如 331、2,707、2.5万；没有发生的填“无”或 0。", Err: ErrNotANumber}
	}
	return v * scale, nil
}
