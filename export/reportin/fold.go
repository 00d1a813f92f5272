package reportin

import "strings"

// fold maps one rune to the spelling the matchers use: full-width ASCII to
// half-width (（一） → (一), ： → :, ， → ,), every space to ' '. Web pages and
// Word disagree on widths; the text itself is kept as written.
func fold(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			return r - 0xFF01 + '!'
		case r == '\u3000' || r == '\u00a0' || r == '\t':
			return ' '
		case r == '\uff61':
			return '。'
		case r == '﹙':
			return '('
		case r == '﹚':
			return ')'
		case r == '，':
			return ','
		}
		return r
	}, s)
}

// cnDigits are the Chinese numerals of headings and dates.
var cnDigits = map[rune]int{'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// parseCN reads a Chinese number from 一 to 九十九 at i; j is the rune after it.
func parseCN(f []rune, i int) (n, j int, ok bool) {
	if i >= len(f) {
		return 0, i, false
	}
	if f[i] == '十' {
		n, j = 10, i+1
		if j < len(f) {
			if u, ok := cnDigits[f[j]]; ok {
				n += u
				j++
			}
		}
		return n, j, true
	}
	d, ok := cnDigits[f[i]]
	if !ok {
		return 0, i, false
	}
	n, j = d, i+1
	if j < len(f) && f[j] == '十' {
		n *= 10
		j++
		if j < len(f) {
			if u, ok := cnDigits[f[j]]; ok {
				n += u
				j++
			}
		}
	}
	return n, j, true
}
