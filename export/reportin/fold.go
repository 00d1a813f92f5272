package reportin

import (
	"strings"

	"fazhi/export/textin"
)

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

// parseCN reads a Chinese number at f[i] (see textin.ParseNumeral).
func parseCN(f []rune, i int) (n, j int, ok bool) { return textin.ParseNumeral(f, i) }
