package plan

import (
	"strings"
	"unicode"

	"fazhi/export/textin"
)

// tradToSimp maps the Traditional characters that occur in the words we
// match (labels, role words, deadlines, closing cues) to Simplified. It is
// not a converter: text and names are output as written.
var tradToSimp = map[rune]rune{
	'責': '责', '單': '单', '牽': '牵', '頭': '头', '負': '负', '門': '门',
	'協': '协', '辦': '办', '參': '参', '與': '与', '時': '时', '間': '间',
	'節': '节', '點': '点', '實': '实', '別': '别', '職': '职', '關': '关',
	'長': '长', '堅': '坚', '續': '续', '進': '进', '內': '内', '務': '务',
	'項': '项', '劃': '划', '規': '规', '設': '设', '為': '为', '於': '于',
	'當': '当', '應': '应', '須': '须', '報': '报', '體': '体', '總': '总',
	'組': '组', '織': '织', '導': '导', '會': '会', '據': '据', '執': '执',
	'後': '后', '際': '际', '態': '态', '數': '数', '幾': '几', '兩': '两',
	'區': '区', '縣': '县', '鎮': '镇', '鄉': '乡', '處': '处', '義': '义',
	'貫': '贯', '徹': '彻', '見': '见', '畫': '画', '計': '计',
	'檔': '档', '開': '开', '鍵': '键', '詞': '词', '網': '网', '機': '机',
	'構': '构', '號': '号', '備': '备', '條': '条', '這': '这',
	'們': '们', '戶': '户', '閉': '闭', '聯': '联', '繫': '系',
	'擊': '击', '覽': '览', '讀': '读', '複': '复', '製': '制', '權': '权',
	'達': '达', '標': '标', '識': '识', '碼': '码', '類': '类', '錄': '录',
	'屬': '属', '層': '层', '級': '级', '滿': '满', '週': '周', '並': '并',
	'編': '编', '輯': '辑', '繼': '继', '從': '从', '請': '请', '題': '题',
	'專': '专',
}

// hanFold is tradToSimp as a dense table over the CJK block, so that
// folding a character costs an index, not a map lookup (Parse folds every
// rune of the plan).
var hanFold = func() []rune {
	t := make([]rune, 0xA000-0x4E00)
	for k, v := range tradToSimp {
		if k >= 0x4E00 && k < 0xA000 {
			t[k-0x4E00] = v
		}
	}
	return t
}()

// fold maps one rune to the spelling matchers use. It never changes the
// number of runes, so a position in the folded text is the same position
// in the original.
func fold(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
		return r - 0xFF01 + '!'
	case r == '\u3000' || r == '\u00a0' || r == '\t':
		return ' '
	case r == '\u3002' || r == '\uff61': // 。 and the half-width ｡
		return '。'
	case r == '〔':
		return '['
	case r == '〕':
		return ']'
	case r == '﹙':
		return '('
	case r == '﹚':
		return ')'
	case r == '：':
		return ':'
	}
	if r >= 0x4E00 && r < 0xA000 {
		if s := hanFold[r-0x4E00]; s != 0 {
			return s
		}
	}
	return r
}

func foldString(s string) string { return strings.Map(fold, s) }

// cleanRunes prepares the text: line endings to "\n", every other space to
// ' ', invisible characters dropped. The result is what Parse reports from.
func cleanRunes(text string) []rune {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	out := make([]rune, 0, len(text)/2)
	for _, r := range text {
		switch {
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' || r == '\v' || r == '\f':
			out = append(out, '\n')
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' || r == '\u00ad':
		case unicode.IsSpace(r) || unicode.IsControl(r):
			out = append(out, ' ')
		default:
			out = append(out, r)
		}
	}
	return out
}

func foldRunes(r []rune) []rune {
	f := make([]rune, len(r))
	for i, c := range r {
		f[i] = fold(c)
	}
	return f
}

// hasAt reports whether the folded runes at i spell w.
func hasAt(f []rune, i int, w string) bool {
	for _, c := range w {
		if i < 0 || i >= len(f) || f[i] != c {
			return false
		}
		i++
	}
	return true
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// trimSpace trims spaces and line breaks from a rune range [a, b).
func trimSpace(r []rune, a, b int) (int, int) {
	for a < b && (r[a] == ' ' || r[a] == '\n') {
		a++
	}
	for b > a && (r[b-1] == ' ' || r[b-1] == '\n') {
		b--
	}
	return a, b
}

// widthFold turns full-width ASCII into half-width and drops every space:
// the light normalisation department names get (`党 政 办`, `ＸＸ办`).
func widthFold(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		if r >= 0xFF01 && r <= 0xFF5E {
			return r - 0xFF01 + '!'
		}
		return r
	}, s)
}

// parseCN reads a Chinese number at f[i] (see textin.ParseNumeral).
func parseCN(f []rune, i int) (n, j int, ok bool) { return textin.ParseNumeral(f, i) }

// parseArabic reads 1 to 3 ASCII digits at i (not preceded by a digit).
func parseArabic(f []rune, i int) (n, j int, ok bool) {
	if i >= len(f) || !isDigit(f[i]) || (i > 0 && isDigit(f[i-1])) {
		return 0, i, false
	}
	j = i
	for j < len(f) && isDigit(f[j]) && j-i < 4 {
		n = n*10 + int(f[j]-'0')
		j++
	}
	if j-i > 3 || (j < len(f) && isDigit(f[j])) || n == 0 {
		return 0, i, false
	}
	return n, j, true
}
