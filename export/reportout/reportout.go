// Package reportout writes a data.Report as the files that leave the
// office: a 公文 .docx (through export/docx, which owns every formatting
// decision) and a plain .txt for pasting into a web form or an e-mail.
//
// The report's parts are numbered here, in the order they stand (一、二、…),
// so a report with the optional 其他 part, or a three-part report imported
// from a past year, is numbered without gaps. Within a part, a line that
// begins with （一） is a 楷体 heading; when it is a short phrase ending in
// 。 followed by more text on the same line, the rest runs on in the body
// font, as 公文 write it. Every other line is a body paragraph.
package reportout

import (
	"bufio"
	"io"
	"strings"
	"unicode/utf8"

	"fazhi/data"
	"fazhi/export/docx"
	"fazhi/export/safefile"
)

// maxRunInHeading: a （一） line whose first 。 comes later than this is a
// sentence, not a heading, and stays body text.
const maxRunInHeading = 40

// Part is one numbered part as exported: its full heading (一、…) and its
// lines.
type part struct {
	heading string
	lines   []string
}

// parts numbers the sections that have something to say: an empty 其他
// part is left out, every mandated part is kept (an empty one is a gap the
// clerk should see on paper too).
func parts(r data.Report) []part {
	var out []part
	for _, s := range r.Sections {
		if s.Key == data.SectionOther && strings.TrimSpace(s.Text) == "" {
			continue
		}
		p := part{heading: data.ChineseNumber(len(out)+1) + "、" + s.Heading}
		for _, l := range strings.Split(s.Text, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				p.lines = append(p.lines, l)
			}
		}
		out = append(out, p)
	}
	return out
}

func nonEmptyLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// subheading splits a （一） line into its heading and the text run on after
// it; ok is false for a line that is not a heading. A heading is a short
// phrase without 。 alone on its line, or a short phrase ending in 。 with
// the text running on after it. A line that is one sentence ending in 。
// is a numbered item (（一）法治队伍素质有待提高。), not a heading: in 楷体
// it would look like one. body is the line with its marker made full-width,
// for a line that is not a heading.
func subheading(line string) (head, runIn, body string, ok bool) {
	rs := []rune(line)
	if len(rs) < 3 || (rs[0] != '(' && rs[0] != '（') {
		return "", "", line, false
	}
	j := 1
	for j < len(rs) && strings.ContainsRune("一二三四五六七八九十", rs[j]) {
		j++
	}
	if j == 1 || j >= len(rs) || (rs[j] != ')' && rs[j] != '）') {
		return "", "", line, false
	}
	marker := "（" + string(rs[1:j]) + "）"
	rest := string(rs[j+1:])
	body = marker + rest
	if i := strings.Index(rest, "。"); i >= 0 {
		after := strings.TrimSpace(rest[i+len("。"):])
		if utf8.RuneCountInString(rest[:i]) > maxRunInHeading || after == "" {
			return "", "", body, false
		}
		return marker + rest[:i+len("。")], after, body, true
	}
	if utf8.RuneCountInString(rest) > maxRunInHeading {
		return "", "", body, false
	}
	return marker + rest, "", body, true
}

// Document maps r to the blocks of a 公文.
func Document(r data.Report) docx.Document {
	var b []docx.Block
	if r.Title != "" {
		b = append(b, docx.Block{Kind: docx.Title, Text: r.Title})
	}
	if r.Addressee != "" {
		b = append(b, docx.Block{Kind: docx.Addressee, Text: r.Addressee})
	}
	for _, l := range nonEmptyLines(r.Opening) {
		b = append(b, docx.Block{Text: l})
	}
	for _, p := range parts(r) {
		b = append(b, docx.Block{Kind: docx.Heading1, Text: p.heading})
		for _, l := range p.lines {
			if head, runIn, body, ok := subheading(l); ok {
				b = append(b, docx.Block{Kind: docx.Heading2, Text: head, RunIn: runIn})
			} else {
				b = append(b, docx.Block{Text: body})
			}
		}
	}
	if len(r.Signature) > 0 {
		b = append(b, docx.Block{Kind: docx.Signature, Text: strings.Join(r.Signature, "\n")})
	}
	if !r.Date.IsZero() {
		b = append(b, docx.Block{Kind: docx.Date, Text: r.Date.Chinese()})
	}
	if r.Contact != "" {
		b = append(b, docx.Block{Kind: docx.Contact, Text: r.Contact})
	}
	return docx.Document{Blocks: b}
}

// WriteDocx writes r as a 公文 .docx at path; an existing file is replaced
// only when replace is set.
func WriteDocx(path string, r data.Report, replace bool) error {
	d := Document(r)
	return safefile.WriteFile(path, replace, func(w io.Writer) error { return docx.Write(w, d) })
}

// Text is r as plain text: body paragraphs indented by two full-width
// spaces as offices type them, one blank line after the title, \r\n line
// ends.
func Text(r data.Report) string {
	var lines []string
	if r.Title != "" {
		lines = append(lines, r.Title, "")
	}
	if r.Addressee != "" {
		lines = append(lines, r.Addressee)
	}
	for _, l := range nonEmptyLines(r.Opening) {
		lines = append(lines, "　　"+l)
	}
	for _, p := range parts(r) {
		lines = append(lines, "　　"+p.heading)
		for _, l := range p.lines {
			_, _, l, _ = subheading(l)
			lines = append(lines, "　　"+l)
		}
	}
	if len(r.Signature) > 0 || !r.Date.IsZero() {
		lines = append(lines, "")
	}
	lines = append(lines, r.Signature...)
	if !r.Date.IsZero() {
		lines = append(lines, r.Date.Chinese())
	}
	if r.Contact != "" {
		lines = append(lines, r.Contact)
	}
	return strings.Join(lines, "\r\n") + "\r\n"
}

// WriteText writes Text(r) as UTF-8 with a byte-order mark: Notepad on
// Windows 7 takes a file without one for the ANSI code page and shows
// mojibake.
func WriteText(path string, r data.Report, replace bool) error {
	return safefile.WriteFile(path, replace, func(w io.Writer) error {
		bw := bufio.NewWriter(w)
		bw.WriteString("\ufeff")
		bw.WriteString(Text(r))
		return bw.Flush()
	})
}
