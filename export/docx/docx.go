package docx

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind says what a block is in a 公文. Formatting follows from the kind alone,
// so a caller never picks fonts or indents and every export looks the same.
type Kind int

const (
	// Body is an ordinary paragraph: 仿宋_GB2312, first line indented two
	// characters. It is the zero value, so a Block{Text: …} is body text.
	Body Kind = iota
	// Title is the document's title (标题), centred in 方正小标宋简体 2号.
	// One blank line follows the last title line.
	Title
	// Addressee is the 主送机关 line ("扬州市人民政府："), flush left.
	Addressee
	// Heading1 is a first-level heading ("一、…"), 黑体.
	Heading1
	// Heading2 is a second-level heading ("（一）…"), 楷体_GB2312.
	Heading2
	// Signature is the 发文机关署名, right-aligned, one blank line above.
	Signature
	// Date is the 成文日期 ("2025年1月27日"), right-aligned.
	Date
	// Contact is the 附注 line "（联系人：张三，联系电话：…）", indented like body text.
	Contact

	numKinds // keep last: the number of kinds, for validation and tests
)

var kindNames = [numKinds]string{"Body", "Title", "Addressee", "Heading1", "Heading2", "Signature", "Date", "Contact"}

// String names the kind as its style id in styles.xml, which is what a
// failing test or an error message needs.
func (k Kind) String() string {
	if k < 0 || k >= numKinds {
		return fmt.Sprintf("Kind(%d)", int(k))
	}
	return kindNames[k]
}

// Block is one piece of a 公文 body.
//
// Each line of Text (split at \n, \r\n, \r, \v, \f, U+2028, U+2029) becomes a
// paragraph of its own with the block's style: a line break typed by the clerk
// means a new paragraph in a 公文 (a new first-line indent), and a two-line
// title or signature is two centred or right-aligned lines. Leading and
// trailing spaces (also the full-width 　) of each line are dropped because
// the style does the indenting; an empty line stays an empty paragraph, which
// is how a clerk leaves room for a seal. Tabs become Word tabs; other control
// characters, which XML 1.0 forbids or Word shows as boxes, are dropped;
// invalid UTF-8 becomes U+FFFD.
type Block struct {
	Kind Kind
	Text string
	// RunIn is body text that continues the last paragraph of Text in the body
	// font: 公文 often runs a heading straight into its first sentence,
	// "（一）强化责任意识，筑牢思想根基。一是……" with only the heading in 楷体.
	// Lines of RunIn after its first become Body paragraphs.
	RunIn string
}

// Document is a whole 公文 body in reading order. Page size, margins, fonts
// and page numbers are fixed by GB/T 9704 and are not part of it.
type Document struct {
	Blocks []Block
}

// ErrUnknownKind reports a Block whose Kind is none of the constants above: a
// programming error, caught before anything is written.
var ErrUnknownKind = errors.New("docx: unknown block kind")

// Write writes d as a .docx (a zip of WordprocessingML parts) to w. The output
// depends on d alone (no timestamps), so the same report gives the same bytes.
func Write(w io.Writer, d Document) error {
	if err := validate(d); err != nil {
		return err
	}
	z := zip.NewWriter(w)
	for _, p := range parts(d) {
		f, err := z.Create(p.name)
		if err != nil {
			return fmt.Errorf("docx: %s: %w", p.name, err)
		}
		if _, err := io.WriteString(f, p.body); err != nil {
			return fmt.Errorf("docx: %s: %w", p.name, err)
		}
	}
	if err := z.Close(); err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	return nil
}

func validate(d Document) error {
	for i, b := range d.Blocks {
		if b.Kind < 0 || b.Kind >= numKinds {
			return fmt.Errorf("block %d: %w: %d", i, ErrUnknownKind, int(b.Kind))
		}
	}
	return nil
}

// para is one w:p to write. keep overrides the style's keep-with-next:
// 0 leaves it, +1 sets it, -1 clears it.
type para struct {
	kind        Kind
	text, runIn string
	keep        int
}

// paragraphs flattens the blocks into paragraphs, one per line (see Block).
func paragraphs(d Document) []para {
	var ps []para
	for _, blk := range d.Blocks {
		lines := splitLines(blk.Text)
		var more []string
		if blk.RunIn != "" {
			more = splitLines(blk.RunIn)
		}
		for i, line := range lines {
			p := para{kind: blk.Kind, text: line}
			if i == len(lines)-1 && len(more) > 0 && more[0] != "" {
				// A heading run into its text is a body paragraph: keeping
				// it with the next would chain all such paragraphs of a
				// section into one block that cannot break across pages.
				p.runIn, p.keep = more[0], -1
			}
			ps = append(ps, p)
		}
		for _, line := range more[min(1, len(more)):] {
			ps = append(ps, para{kind: Body, text: line})
		}
	}
	if len(ps) == 0 {
		// Word refuses a body without a paragraph.
		ps = append(ps, para{kind: Body})
	}
	// GB/T 9704 §7.3.5.4: the signature and date never stand on a page of
	// their own. Keeping the text before them with them carries at least its
	// last line over to the signature's page.
	for i := 1; i < len(ps); i++ {
		if ps[i].kind == Signature && ps[i-1].kind != Signature {
			ps[i-1].keep = 1
		}
	}
	return ps
}

// documentXML renders the body: one w:p per paragraph, each naming its style.
func documentXML(d Document) string {
	var b strings.Builder
	b.WriteString(xmlHeader)
	b.WriteString(`<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>`)
	for _, p := range paragraphs(d) {
		b.WriteString(`<w:p><w:pPr><w:pStyle w:val="`)
		b.WriteString(p.kind.String())
		b.WriteString(`"/>`)
		switch p.keep {
		case 1:
			b.WriteString(`<w:keepNext/>`)
		case -1:
			b.WriteString(`<w:keepNext w:val="0"/>`)
		}
		b.WriteString(`</w:pPr>`)
		run(&b, "", p.text)
		run(&b, bodyCharStyle, p.runIn)
		b.WriteString(`</w:p>`)
	}
	b.WriteString(sectPr)
	b.WriteString(`</w:body></w:document>`)
	return b.String()
}

// run writes text as one w:r; tabs become w:tab between w:t pieces.
func run(b *strings.Builder, charStyle, text string) {
	if text == "" {
		return
	}
	b.WriteString(`<w:r>`)
	if charStyle != "" {
		b.WriteString(`<w:rPr><w:rStyle w:val="` + charStyle + `"/></w:rPr>`)
	}
	for i, piece := range strings.Split(text, "\t") {
		if i > 0 {
			b.WriteString(`<w:tab/>`)
		}
		if piece != "" {
			b.WriteString(`<w:t xml:space="preserve">`)
			escape(b, piece)
			b.WriteString(`</w:t>`)
		}
	}
	b.WriteString(`</w:r>`)
}

// splitLines cleans s and cuts it into paragraph lines (see Block). It always
// returns at least one line, so an empty block is an empty paragraph.
func splitLines(s string) []string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	// Split by hand: strings.FieldsFunc would drop the empty lines.
	var lines []string
	start := 0
	for i, r := range s {
		if isLineBreak(r) {
			lines = append(lines, s[start:i])
			start = i + utf8.RuneLen(r)
		}
	}
	lines = append(lines, s[start:])
	for i, l := range lines {
		lines[i] = strings.TrimFunc(strings.Map(keepRune, l), unicode.IsSpace)
	}
	return lines
}

func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', '\u2028', '\u2029':
		return true
	}
	return false
}

// keepRune drops what XML 1.0 forbids (C0 controls but tab, U+FFFE, U+FFFF)
// and the C1 controls and DEL, which XML allows but which only ever arrive as
// junk from pasted text and show as boxes in Word.
func keepRune(r rune) rune {
	switch {
	case r == '\t':
		return r
	case r < 0x20, r >= 0x7f && r <= 0x9f, r == 0xfffe, r == 0xffff:
		return -1
	case r >= 0xd800 && r <= 0xdfff: // cannot come out of valid UTF-8; belt and braces
		return -1
	}
	return r
}

// escape writes s as XML character data. Only & < > need escaping in text
// (> because of "]]>"); quotes are left as they are, which keeps the XML
// readable and is valid.
func escape(b *strings.Builder, s string) {
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		default:
			b.WriteRune(r)
		}
	}
}

func escapeString(s string) string {
	var b strings.Builder
	escape(&b, s)
	return b.String()
}
