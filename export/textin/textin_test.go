package textin

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"fazhi/export/fileerr"
)

const plan = "企石镇实施方案\r\n一、依法全面履行政府职能\r\n1.深化行政审批制度改革。(法制办负责)\r\n"

func gbk(t testing.TB, s string) []byte {
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func utf16Bytes(s string, bigEndian, bom bool) []byte {
	var b []byte
	u := utf16.Encode([]rune(s))
	if bom {
		u = append([]uint16{0xFEFF}, u...)
	}
	for _, c := range u {
		if bigEndian {
			b = append(b, byte(c>>8), byte(c))
		} else {
			b = append(b, byte(c), byte(c>>8))
		}
	}
	return b
}

// decodeCases is shared by TestDecode and FuzzDecode's seed corpus.
var decodeCases = []struct {
	name string
	in   func(t testing.TB) []byte
	want string // "" with wantErr
	err  error
}{
	{"utf8", func(testing.TB) []byte { return []byte(plan) }, strings.ReplaceAll(plan, "\r\n", "\n"), nil},
	{"utf8 bom", func(testing.TB) []byte { return append(append([]byte{}, bomUTF8...), "法制办\n"...) }, "法制办\n", nil},
	{"utf16le bom", func(testing.TB) []byte { return utf16Bytes(plan, false, true) }, strings.ReplaceAll(plan, "\r\n", "\n"), nil},
	{"utf16be bom", func(testing.TB) []byte { return utf16Bytes(plan, true, true) }, strings.ReplaceAll(plan, "\r\n", "\n"), nil},
	{"utf16le no bom", func(testing.TB) []byte { return utf16Bytes(plan, false, false) }, strings.ReplaceAll(plan, "\r\n", "\n"), nil},
	{"utf16be no bom", func(testing.TB) []byte { return utf16Bytes(plan, true, false) }, strings.ReplaceAll(plan, "\r\n", "\n"), nil},
	{"gbk", func(t testing.TB) []byte { return gbk(t, plan) }, strings.ReplaceAll(plan, "\r\n", "\n"), nil},
	{"gbk full-width", func(t testing.TB) []byte { return gbk(t, "（一）党 政 办：１．２０１７年\r") }, "（一）党 政 办：１．２０１７年\n", nil},
	{"gb18030 4-byte", func(testing.TB) []byte {
		b, _ := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte("𠀀镕"))
		return b
	}, "𠀀镕", nil},
	{"old mac cr", func(testing.TB) []byte { return []byte("一\r二\r") }, "一\n二\n", nil},
	{"utf8 one broken byte", func(testing.TB) []byte { return []byte("法治政府建设实施方案\xff第一章") }, "法治政府建设实施方案\ufffd第一章", nil},
	{"empty", func(testing.TB) []byte { return nil }, "", nil},
	{"ascii", func(testing.TB) []byte { return []byte("1. plan\n") }, "1. plan\n", nil},
	{"nul bytes", func(testing.TB) []byte {
		return []byte("PK\x03\x04\x00\x00\x01\x02\x00\x00\x00\x00\xff\xfe\x00\x00\x00a\x00b\x00\x00\x00")
	}, "", ErrBinary},
	{"control bytes", func(testing.TB) []byte { return bytes.Repeat([]byte{0x01, 0x02, 0x90, 0x03, 0x04, 0x05}, 50) }, "", ErrBinary},
	{"png header", func(testing.TB) []byte {
		return []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00\x5c\x72\xa8\x66")
	}, "", ErrBinary},
}

func TestDecode(t *testing.T) {
	for _, tc := range decodeCases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Decode(tc.in(t))
			if tc.err != nil {
				if !errors.Is(err, tc.err) {
					t.Fatalf("err = %v, want %v", err, tc.err)
				}
				var e *fileerr.Error
				if !errors.As(err, &e) || !strings.Contains(e.Error(), "另存为") {
					t.Fatalf("error %q is not a user message with a remedy", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Fatalf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	for _, tc := range decodeCases {
		f.Add(tc.in(f))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := Decode(b)
		if err != nil {
			if !errors.Is(err, ErrBinary) {
				t.Fatalf("unexpected error kind: %v", err)
			}
			return
		}
		if !utf8.ValidString(s) || strings.Contains(s, "\r") {
			t.Fatalf("output not normalised UTF-8: %q", s)
		}
	})
}

// docxPart is one file of a hand-built .docx.
type docxPart struct{ name, body string }

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

func documentXML(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document ` + wordNS + ` xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>` +
		body + `<w:sectPr/></w:body></w:document>`
}

// makeDocx writes the smallest package Word accepts: content types, the
// package relationships and the main document.
func makeDocx(t testing.TB, parts ...docxPart) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func simpleDocx(t testing.TB, body string) []byte {
	return makeDocx(t,
		docxPart{"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		docxPart{"_rels/.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		docxPart{"word/document.xml", documentXML(body)},
	)
}

func p(runs string) string {
	return `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="840"/></w:tabs></w:pPr>` + runs + `</w:p>`
}
func r(text string) string { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }

var docxCases = []struct {
	name string
	body string
	want []string
}{
	{"paragraphs", p(r("一、总体要求")) + p(r("1.深化")+r("改革。")), []string{"一、总体要求", "1.深化改革。"}},
	{"tab and break", p(r("序号") + `<w:r><w:tab/><w:t>任务</w:t><w:br/><w:t>续</w:t></w:r>`), []string{"序号\t任务\n续"}},
	{"empty paragraph kept", p("") + p(r("正文")), []string{"", "正文"}},
	{"table rows", `<w:tbl><w:tr><w:tc>` + p(r("1")) + `</w:tc><w:tc>` + p(r("深化改革")) + p(r("第二段")) + `</w:tc><w:tc>` + p(r("法制办")) + `</w:tc></w:tr>` +
		`<w:tr><w:tc>` + p("") + `</w:tc><w:tc>` + p("") + `</w:tc></w:tr></w:tbl>` + p(r("表后")),
		[]string{"1\t深化改革 第二段\t法制办", "", "表后"}},
	{"nested table", `<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc>` + p(r("内")) + `</w:tc><w:tc>` + p(r("表")) + `</w:tc></w:tr></w:tbl></w:tc><w:tc>` + p(r("外")) + `</w:tc></w:tr></w:tbl>`,
		[]string{"内\t表\t外"}},
	{"tracked deletion and field code", p(r("保留") + `<w:del><w:r><w:delText>删除</w:delText></w:r></w:del><w:r><w:instrText> PAGE </w:instrText></w:r>`), []string{"保留"}},
	{"text box fallback skipped", p(r("正文") + `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>` + p(r("框")) + `</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>` + p(r("框")) + `</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>`),
		[]string{"框", "正文"}},
	{"entities", p(r("A&amp;B &lt;法&gt;")), []string{"A&B <法>"}},
}

func TestReadDocx(t *testing.T) {
	for _, tc := range docxCases {
		t.Run(tc.name, func(t *testing.T) {
			b := simpleDocx(t, tc.body)
			got, err := ReadDocx(bytes.NewReader(b), int64(len(b)))
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Fatalf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestReadDocxErrors(t *testing.T) {
	bomb := func(t testing.TB) []byte {
		return makeDocx(t, docxPart{"word/document.xml", documentXML(p(r(strings.Repeat("法", 4000))))})
	}
	cases := []struct {
		name  string
		data  func(t testing.TB) []byte
		limit int64
		want  error
	}{
		{"not a zip", func(testing.TB) []byte { return []byte("一、总体要求") }, 0, ErrNotDocx},
		{"zip without document", func(t testing.TB) []byte { return makeDocx(t, docxPart{"xl/workbook.xml", "<workbook/>"}) }, 0, ErrNotDocx},
		{"broken xml", func(t testing.TB) []byte {
			return makeDocx(t, docxPart{"word/document.xml", "<w:document><w:body><w:p>"})
		}, 0, ErrNotDocx},
		{"bomb by declared size", bomb, 1000, fileerr.ErrTooLarge},
		{"truncated zip", func(t testing.TB) []byte { b := simpleDocx(t, p(r("正文"))); return b[:len(b)/2] }, 0, ErrNotDocx},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.limit > 0 {
				old := maxXML
				maxXML = tc.limit
				defer func() { maxXML = old }()
			}
			b := tc.data(t)
			_, err := ReadDocx(bytes.NewReader(b), int64(len(b)))
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
		})
	}
}

// TestReadDocxCapLiesAboutSize: a stream that inflates past the cap is
// stopped by the reader, whatever the header claims.
func TestReadDocxCapReader(t *testing.T) {
	c := &capReader{r: strings.NewReader("0123456789"), left: 4}
	b, err := readAllCap(c)
	if !errors.Is(err, errLimit) || !c.hit || string(b) != "0123" {
		t.Fatalf("got %q, %v, hit=%v", b, err, c.hit)
	}
	c = &capReader{r: strings.NewReader("0123"), left: 4}
	if b, err := readAllCap(c); err != nil || c.hit || string(b) != "0123" {
		t.Fatalf("exact size: got %q, %v, hit=%v", b, err, c.hit)
	}
}

func readAllCap(c *capReader) ([]byte, error) {
	var out []byte
	buf := make([]byte, 3)
	for {
		n, err := c.Read(buf)
		out = append(out, buf[:n]...)
		if err != nil {
			if err.Error() == "EOF" {
				return out, nil
			}
			return out, err
		}
	}
}

// TestReadDocxZipBomb uses the real cap: 64 MiB of spaces compress to a
// few tens of kilobytes.
func TestReadDocxZipBomb(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 64 MiB through deflate")
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte(`<w:document ` + wordNS + `><w:body><w:p><w:r><w:t>`))
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for range MaxSize>>20 + 1 {
		w.Write(chunk)
	}
	w.Write([]byte(`</w:t></w:r></w:p></w:body></w:document>`))
	zw.Close()
	_, err := ReadDocx(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if !errors.Is(err, fileerr.ErrTooLarge) {
		t.Fatalf("err = %v, want fileerr.ErrTooLarge", err)
	}
}

func FuzzReadDocx(f *testing.F) {
	for _, tc := range docxCases {
		f.Add(simpleDocx(f, tc.body))
	}
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, b []byte) {
		paras, err := ReadDocx(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			if !errors.Is(err, ErrNotDocx) && !errors.Is(err, fileerr.ErrTooLarge) {
				t.Fatalf("unexpected error kind: %v", err)
			}
			return
		}
		for _, s := range paras {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 paragraph %q", s)
			}
		}
	})
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	ole := append(append([]byte{}, magicOLE...), make([]byte, 504)...)
	encrypted := append(append([]byte{}, ole...), encryptedPackage...)
	big := filepath.Join(dir, "big.txt")
	if f, err := os.Create(big); err != nil {
		t.Fatal(err)
	} else {
		f.Truncate(MaxSize + 1) // sparse: costs no disk
		f.Close()
	}
	cases := []struct {
		name, path string
		want       string
		err        error
		msg        string // part of the user message
	}{
		{"docx under a .txt name", write("方案.txt", simpleDocx(t, p(r("一、总体要求"))+p(r("1.深化改革。")))), "一、总体要求\n1.深化改革。", nil, ""},
		{"gbk text", write("gbk.txt", gbk(t, plan)), strings.ReplaceAll(plan, "\r\n", "\n"), nil, ""},
		{"utf16 text", write("u16.txt", utf16Bytes(plan, false, true)), strings.ReplaceAll(plan, "\r\n", "\n"), nil, ""},
		{"old doc", write("旧方案.doc", ole), "", ErrOldWord, "另存为 .docx 或 .txt"},
		{"old doc renamed docx", write("x.docx", ole), "", ErrOldWord, "旧版 Word 或 WPS"},
		{"encrypted", write("密.docx", encrypted), "", fileerr.ErrEncrypted, "密码"},
		{"pdf", write("a.pdf", []byte("%PDF-1.7\n")), "", ErrPDF, "PDF"},
		{"rtf", write("a.doc", []byte(`{\rtf1\ansi 法}`)), "", ErrRTF, "RTF"},
		{"xlsx", write("表.docx", makeDocx(t, docxPart{"xl/workbook.xml", "<workbook/>"})), "", ErrNotDocx, "Excel"},
		// A real .xlsx names its workbook as the main part; found by the
		// hostile corpus, which read one as an empty document.
		{"xlsx with package rels", write("表2.docx", makeDocx(t,
			docxPart{"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
			docxPart{"xl/workbook.xml", "<workbook/>"})), "", ErrNotDocx, "Excel"},
		{"xls", write("表.xls", append(append(append([]byte{}, ole...), utf16le("Workbook")...), make([]byte, 64)...)), "", ErrNotDocx, "Excel"},
		{"doc embedding a workbook", write("嵌.doc", append(append(append([]byte{}, ole...), utf16le("WordDocument")...), utf16le("Workbook")...)), "", ErrOldWord, "旧版 Word"},
		{"binary", write("a.png", []byte("\x89PNG\r\n\x1a\n\x00\x00")), "", ErrBinary, "不是文本或 Word 文档"},
		{"missing", filepath.Join(dir, "无.txt"), "", fileerr.ErrUnreadable, "找不到文件"},
		{"directory", dir, "", fileerr.ErrUnreadable, "文件夹"},
		{"too large", big, "", fileerr.ErrTooLarge, "64 MB"},
		{"empty", write("空.txt", nil), "", fileerr.ErrEmpty, "是空文件"},
		{"blank lines only", write("空行.txt", []byte(" \r\n\t\n")), "", fileerr.ErrEmpty, "是空文件"},
		{"docx without text", write("空.docx", simpleDocx(t, p(r("  ")))), "", fileerr.ErrEmpty, "是空文件"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadFile(tc.path)
			if tc.err == nil {
				if err != nil || got != tc.want {
					t.Fatalf("got %q, %v; want %q", got, err, tc.want)
				}
				return
			}
			if !errors.Is(err, tc.err) {
				t.Fatalf("err = %v, want kind %v", err, tc.err)
			}
			var e *fileerr.Error
			if !errors.As(err, &e) || e.Path != tc.path {
				t.Fatalf("error %#v does not name the file", err)
			}
			if msg := err.Error(); !strings.Contains(msg, tc.msg) || !strings.Contains(msg, filepath.Base(tc.path)) {
				t.Fatalf("message %q lacks %q or the file name", msg, tc.msg)
			}
		})
	}
}

func TestErrorUnwrap(t *testing.T) {
	err := fileerr.Of(newError(ErrNotDocx, errNoDocument), fileerr.Document, "/tmp/a.docx")
	if !errors.Is(err, ErrNotDocx) || !errors.Is(err, fileerr.ErrNotOurs) || !errors.Is(err, errNoDocument) || errors.Is(err, ErrBinary) {
		t.Fatalf("errors.Is broken for %v", err)
	}
	for _, kind := range []error{ErrBinary, ErrNotDocx, ErrOldWord, ErrPDF, ErrRTF, errLimit} {
		if msg := newError(kind, nil).Error(); !strings.Contains(msg, "。") || !strings.ContainsAny(msg, "请") {
			t.Errorf("message for %v does not say what to do: %q", kind, msg)
		}
	}
}
