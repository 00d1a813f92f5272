package tasksheet

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Neither LibreOffice nor Excel grows a row to fit wrapped text when it
// opens a file that names no height: a long task would print as one clipped
// line. So each row gets a height estimated from its text, the way a clerk
// would drag it: lines per cell from the column width, the tallest cell
// wins. Slightly generous, because a clipped line is worse than white space.
const (
	pxPerUnit   = 7    // one unit of column width: the default font's digit
	pxWide      = 15   // a hanzi or full-width mark at 11 pt (14.7 px), rounded up
	pxNarrow    = 8    // a Latin letter or digit at 11 pt
	ptPerLine   = 14.5 // 11 pt 宋体 with its leading (Excel: 14.25)
	ptRowMargin = 5
	ptMaxRow    = 409 // the most Excel accepts
)

// lines counts the lines text wraps to in a column width units wide.
func lines(text string, width float64) int {
	avail := width*pxPerUnit + 5 - 8 // Excel's padding, and a little more
	n := 0
	for para := range strings.SplitSeq(text, "\n") {
		px := 0.0
		for _, r := range para {
			if r < 0x2E80 || (r >= 0xFF61 && r <= 0xFFDC) {
				px += pxNarrow
			} else {
				px += pxWide
			}
		}
		n += max(1, int(math.Ceil(px/avail)))
	}
	return n
}

// rowHeight is the height in points for a task row.
func rowHeight(cols []column, vals []any) float64 {
	most := 1
	for i, v := range vals {
		c, ok := v.(excelize.Cell)
		if !ok {
			continue
		}
		s, ok := c.Value.(string)
		if !ok || s == "" || cols[i].field == ColID {
			continue
		}
		if utf8.RuneCountInString(s) < 3 && !strings.Contains(s, "\n") {
			continue
		}
		most = max(most, lines(s, writeWidths[cols[i].field]))
	}
	return min(ptMaxRow, float64(most)*ptPerLine+ptRowMargin)
}
