package textin

// ChineseDigits are the numerals of chapter, section and item numbers.
var ChineseDigits = map[rune]int{'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// ParseNumeral reads a Chinese number from 一 to 九十九 starting at f[i]; j
// is the index after it. Plans number chapters and reports number their
// parts this way (十二、, （三）), so both readers use this one.
func ParseNumeral(f []rune, i int) (n, j int, ok bool) {
	if i >= len(f) {
		return 0, i, false
	}
	unit := func(n, j int) (int, int) {
		if j < len(f) {
			if u, ok := ChineseDigits[f[j]]; ok {
				return n + u, j + 1
			}
		}
		return n, j
	}
	if f[i] == '十' {
		n, j = unit(10, i+1)
		return n, j, true
	}
	d, ok := ChineseDigits[f[i]]
	if !ok {
		return 0, i, false
	}
	n, j = d, i+1
	if j < len(f) && f[j] == '十' {
		n, j = unit(n*10, j+1)
	}
	return n, j, true
}
