package docx

import (
	"fmt"
	"math"
	"strings"
)

// Page geometry in twips (1/20 pt), GB/T 9704-2012 §5.2 and §7.
const (
	pageWidth  = 11906 // A4, 210 mm
	pageHeight = 16838 // A4, 297 mm
	// lineTwips is the fixed line pitch: 28 pt puts 22 lines in the 225 mm
	// high text area (23 would need 644 pt of its 638).
	lineTwips = 560
	// One 3号 character (16 pt): the unit of "indent two characters".
	charTwips = 320
)

// mmToTwips converts exactly (1 mm = 1440/25.4 twips) and rounds, so the
// margins are the standard's millimetres and not a template's approximation.
func mmToTwips(mm float64) int { return int(math.Round(mm * 1440 / 25.4)) }

var (
	marginTop    = mmToTwips(37) // 2098
	marginBottom = mmToTwips(35) // 1984
	marginLeft   = mmToTwips(28) // 1587
	marginRight  = mmToTwips(26) // 1474
	// The page number's line (16 pt high) starts 7 mm below the text area,
	// i.e. 28 mm above the paper's edge; Word measures the footer from the
	// paper's edge to the footer's last line, hence the subtraction.
	footerDistance = mmToTwips(35-7) - pageNumberLine
	headerDistance = mmToTwips(15) // no header is written; Word wants a value
)

// Font sizes in half-points (w:sz), named by their Chinese size (号).
const (
	size2 = 44 // 2号, 22 pt: title
	size3 = 32 // 3号, 16 pt: everything else in the body
	size4 = 28 // 4号, 14 pt: page numbers

	pageNumberLine = 320 // exact line height of the page-number paragraph
)

// condense3 narrows every 3号 character by 0.25 pt (w:spacing, in twips) so
// that a line holds the 28 characters GB/T 9704 asks for: 28 × 16 pt is
// 448 pt, but the 156 mm text width is 442.2 pt. Word's own answer, a
// character grid (docGrid linesAndChars), is read differently by LibreOffice
// and WPS; 1.6 % less width per character is invisible and works everywhere.
const condense3 = -5

// Latin and digits are set in Times New Roman, as 公文 practice has it (page
// numbers excepted: GB/T 9704 asks for 宋体 there); the Chinese font goes to
// w:eastAsia, the only slot Word and WPS use for Hanzi.
const latinFont = "Times New Roman"

const (
	fontFangSong = "仿宋_GB2312"
	fontHei      = "黑体"
	fontKai      = "楷体_GB2312"
	fontXBS      = "方正小标宋简体"
	fontSong     = "宋体"
)

// fonts lists every font the styles name, for fontTable.xml. altName is what
// Word tries when the font is missing: Windows ships 仿宋 and 楷体 but not
// their _GB2312 variants, and no 方正 fonts. Charset 86 (GB2312) keeps Word's
// own substitution among Chinese fonts.
var fonts = []struct{ name, altName, family string }{
	{fontFangSong, "仿宋", "modern"},
	{fontHei, "SimHei", "modern"},
	{fontKai, "楷体", "modern"},
	{fontXBS, fontSong, "roman"},
	{fontSong, "SimSun", "auto"},
}

// style is one paragraph (or character) style of styles.xml. Keeping the
// formatting here, one style per Kind, keeps document.xml to bare paragraphs
// and lets a clerk who edits the file in Word change all headings at once.
type style struct {
	id, name   string // id is Kind.String() for paragraph styles
	character  bool
	font       string // East Asian font
	latin      string // font for digits and Latin letters, "" for Times New Roman
	size       int    // half-points
	jc         string // w:jc value, "" for justified-by-default
	ind        string // attributes of w:ind
	before     int    // w:spacing before, twips
	after      int    // w:spacing after, twips
	line       int    // exact line height in twips, 0: the default 28 pt
	contextual bool   // no before/after spacing between paragraphs of this style
	keepNext   bool
	outline    int // outline level + 1 (0: none), for Word's navigation pane
}

const (
	indentFirst2 = `w:firstLineChars="200" w:firstLine="640"`                               // 首行缩进二字
	indentNone   = `w:firstLineChars="0" w:firstLine="0"`                                   // flush left
	indentRight4 = `w:rightChars="400" w:right="1280" w:firstLine="0" w:firstLineChars="0"` // 右空四字

	bodyCharStyle   = "BodyChar"
	pageNumberStyle = "PageNumber"
)

var styles = []style{
	{id: Body.String(), name: "公文正文", font: fontFangSong, size: size3, ind: indentFirst2, jc: "both"},
	{id: Title.String(), name: "公文标题", font: fontXBS, size: size2, ind: indentNone, jc: "center",
		after: lineTwips, contextual: true, keepNext: true},
	{id: Addressee.String(), name: "主送机关", font: fontFangSong, size: size3, ind: indentNone, jc: "both", keepNext: true},
	{id: Heading1.String(), name: "一级标题", font: fontHei, size: size3, ind: indentFirst2, jc: "both", keepNext: true, outline: 1},
	{id: Heading2.String(), name: "二级标题", font: fontKai, size: size3, ind: indentFirst2, jc: "both", keepNext: true, outline: 2},
	{id: Signature.String(), name: "发文机关署名", font: fontFangSong, size: size3, ind: indentRight4, jc: "right",
		before: lineTwips, contextual: true, keepNext: true},
	// The date keeps with what follows: the 附注 line belongs under it.
	{id: Date.String(), name: "成文日期", font: fontFangSong, size: size3, ind: indentRight4, jc: "right", keepNext: true},
	{id: Contact.String(), name: "附注", font: fontFangSong, size: size3, ind: indentFirst2, jc: "both"},
	{id: bodyCharStyle, name: "公文正文字符", character: true, font: fontFangSong, size: size3},
	{id: pageNumberStyle, name: "页码", font: fontSong, latin: fontSong, size: size4, line: pageNumberLine, ind: indentNone},
}

// rPr sets the East Asian font with w:hint="eastAsia" so that characters
// both scripts share (“”—…) take the Chinese font's full-width forms.
func rPr(b *strings.Builder, font, latin string, size int) {
	if latin == "" {
		latin = latinFont
	}
	fmt.Fprintf(b, `<w:rPr><w:rFonts w:ascii="%s" w:hAnsi="%s" w:eastAsia="%s" w:cs="%s" w:hint="eastAsia"/>`,
		latin, latin, font, latin)
	if size == size3 {
		fmt.Fprintf(b, `<w:spacing w:val="%d"/>`, condense3)
	}
	fmt.Fprintf(b, `<w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr>`, size, size)
}

func stylesXML() string {
	var b strings.Builder
	b.WriteString(xmlHeader)
	b.WriteString(`<w:styles xmlns:w="` + nsW + `">`)
	// Defaults: exact 28 pt lines, no paragraph spacing, 仿宋 3号. Widow
	// control is off, and said so: Word's default is off, LibreOffice's on,
	// and off keeps every full page at the 22 lines GB/T 9704 asks for.
	b.WriteString(`<w:docDefaults><w:rPrDefault>`)
	rPr(&b, fontFangSong, "", size3)
	b.WriteString(`</w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl w:val="0"/>`)
	fmt.Fprintf(&b, `<w:spacing w:before="0" w:after="0" w:line="%d" w:lineRule="exact"/>`, lineTwips)
	b.WriteString(`</w:pPr></w:pPrDefault></w:docDefaults>`)
	// Normal adds the language: Chinese line-breaking rules (no 。at a line's start).
	b.WriteString(`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl w:val="0"/>`)
	fmt.Fprintf(&b, `<w:spacing w:before="0" w:after="0" w:line="%d" w:lineRule="exact"/><w:jc w:val="both"/>`, lineTwips)
	b.WriteString(`</w:pPr><w:rPr><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:style>`)
	b.WriteString(`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>`)
	for _, s := range styles {
		if s.character {
			fmt.Fprintf(&b, `<w:style w:type="character" w:customStyle="1" w:styleId="%s"><w:name w:val="%s"/><w:basedOn w:val="DefaultParagraphFont"/>`, s.id, s.name)
			rPr(&b, s.font, s.latin, s.size)
			b.WriteString(`</w:style>`)
			continue
		}
		fmt.Fprintf(&b, `<w:style w:type="paragraph" w:customStyle="1" w:styleId="%s"><w:name w:val="%s"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr>`, s.id, s.name)
		// Child order follows the schema (CT_PPrBase): Word rejects others.
		if s.keepNext {
			b.WriteString(`<w:keepNext/>`)
		}
		if s.line != 0 {
			fmt.Fprintf(&b, `<w:spacing w:before="%d" w:after="%d" w:line="%d" w:lineRule="exact"/>`, s.before, s.after, s.line)
		} else if s.before != 0 || s.after != 0 {
			fmt.Fprintf(&b, `<w:spacing w:before="%d" w:after="%d"/>`, s.before, s.after)
		}
		if s.ind != "" {
			b.WriteString(`<w:ind ` + s.ind + `/>`)
		}
		if s.contextual {
			b.WriteString(`<w:contextualSpacing/>`)
		}
		if s.jc != "" {
			fmt.Fprintf(&b, `<w:jc w:val="%s"/>`, s.jc)
		}
		if s.outline > 0 {
			fmt.Fprintf(&b, `<w:outlineLvl w:val="%d"/>`, s.outline-1)
		}
		b.WriteString(`</w:pPr>`)
		rPr(&b, s.font, s.latin, s.size)
		b.WriteString(`</w:style>`)
	}
	b.WriteString(`</w:styles>`)
	return b.String()
}
