package hostile

import (
	"archive/zip"
	"bufio"
	"compress/flate"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// File is one bad or hostile file of the corpus.
type File struct {
	// Name is the file name, extension included: what the clerk would
	// pick. Readers must sniff content, so several lie about it.
	Name string
	// What is wrong with it, for test names and docs/RELIABILITY.md.
	What  string
	write func(w io.Writer) error
}

// BombSize is how much the zip bombs inflate to: gigabytes, from a few
// megabytes on disk.
const BombSize = 2 << 30

// MaxRows is the height of a worksheet in .xlsx: the full-height sheet has
// every row.
const MaxRows = 1 << 20

// Corpus lists every file, in a fixed order. Making them all takes a few
// seconds (the bombs and the full-height sheet are compressed on the fly).
func Corpus() []File {
	return []File{
		{"空文件.xlsx", "empty file (0 bytes)", func(io.Writer) error { return nil }},
		{"文本改名.xlsx", "UTF-8 text renamed .xlsx", func(w io.Writer) error {
			_, err := io.WriteString(w, "这是一段文字，不是表格。\n请填写进展情况。\n")
			return err
		}},
		{"截断.xlsx", "a valid .xlsx cut off half-way", truncatedXLSX},
		{"压缩炸弹.xlsx", fmt.Sprintf(".xlsx whose sheet inflates to %d GiB of zeros", BombSize>>30), func(w io.Writer) error {
			return writeZip(w, xlsxParts(func(w io.Writer) error { return zeros(w, BombSize) }))
		}},
		{"压缩炸弹.docx", fmt.Sprintf(".docx whose document.xml inflates to %d GiB of zeros", BombSize>>30), func(w io.Writer) error {
			return writeZip(w, docxParts(func(w io.Writer) error { return zeros(w, BombSize) }))
		}},
		{"旧版.xls", "Excel 97-2003 .xls (BIFF8 in a compound file)", func(w io.Writer) error {
			_, err := w.Write(CompoundFile(Stream{"Workbook", biffWorkbook()}))
			return err
		}},
		{"WPS表格.et", "WPS .et (compound file with a Workbook stream)", func(w io.Writer) error {
			_, err := w.Write(CompoundFile(Stream{"Workbook", biffWorkbook()}))
			return err
		}},
		{"有密码.xlsx", "password-protected .xlsx (compound file with EncryptionInfo and EncryptedPackage)", encryptedXLSX},
		{"一百万行.xlsx", fmt.Sprintf("a sheet of %d rows, stream-written", MaxRows), func(w io.Writer) error {
			return writeZip(w, xlsxParts(fullHeightSheet))
		}},
		{"公式错误长文本.xlsx", "cells with formulas, errors, 32,767-character text and formula-like text", func(w io.Writer) error {
			return writeZip(w, xlsxParts(oddCellsSheet))
		}},
		{"不是文档.docx", ".docx that is a zip without word/document.xml", func(w io.Writer) error {
			return writeZip(w, []part{{"readme.txt", text("这不是 Word 文档。")}})
		}},
		{"坏XML.docx", ".docx whose document.xml breaks off mid-element", func(w io.Writer) error {
			return writeZip(w, docxParts(text(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>一、总体要求`)))
		}},
		{"GBK通知.txt", "GBK text without numbered tasks", func(w io.Writer) error {
			b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(notice))
			if err == nil {
				_, err = w.Write(b)
			}
			return err
		}},
		{"UTF16通知.txt", "UTF-16LE text (with BOM) without numbered tasks", func(w io.Writer) error {
			b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(notice))
			if err == nil {
				_, err = w.Write(b)
			}
			return err
		}},
		{"二进制.txt", "64 KB of random bytes named .txt", func(w io.Writer) error {
			rng := rand.New(rand.NewPCG(6, 6))
			b := make([]byte, 64<<10)
			for i := range b {
				b[i] = byte(rng.UintN(256))
			}
			_, err := w.Write(b)
			return err
		}},
		{"无编号方案.txt", "a plan with chapters but no numbered tasks", text(unnumberedPlan)},
		{"超大文本.txt", "100 MB of text (beyond any real plan)", func(w io.Writer) error {
			line := strings.Repeat("推进法治政府建设。", 20) + "\n"
			for n := 0; n < 100<<20; n += len(line) {
				if _, err := io.WriteString(w, line); err != nil {
					return err
				}
			}
			return nil
		}},
	}
}

// Make writes f into dir and returns its path.
func (f File) Make(dir string) (string, error) {
	path := filepath.Join(dir, f.Name)
	out, err := os.Create(path)
	if err != nil {
		return "", err
	}
	w := bufio.NewWriterSize(out, 1<<20)
	if err := f.write(w); err != nil {
		out.Close()
		return "", fmt.Errorf("make %s: %w", f.Name, err)
	}
	if err := w.Flush(); err != nil {
		out.Close()
		return "", err
	}
	return path, out.Close()
}

// MakeAll writes the whole corpus into dir; paths follow Corpus's order.
func MakeAll(dir string) ([]string, error) {
	var paths []string
	for _, f := range Corpus() {
		p, err := f.Make(dir)
		if err != nil {
			return nil, err
		}
		paths = append(paths, p)
	}
	return paths, nil
}

const notice = "关于做好年度工作总结的通知\r\n各部门：\r\n请于本月底前报送本部门年度工作总结，并抄送党政办。\r\n特此通知。\r\n"

const unnumberedPlan = `企石镇2024年法治政府建设工作要点
一、总体要求
坚持以习近平新时代中国特色社会主义思想为指导，全面推进依法行政，加快建设法治政府。
二、主要任务
各部门要按照职责分工，认真抓好落实，确保各项工作取得实效。
三、保障措施
加强组织领导，强化督促检查，营造良好氛围。
`

func text(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

func zeros(w io.Writer, n int64) error {
	buf := make([]byte, 1<<20)
	for ; n > 0; n -= int64(len(buf)) {
		if _, err := w.Write(buf[:min(n, int64(len(buf)))]); err != nil {
			return err
		}
	}
	return nil
}

// part is one member of a zip package.
type part struct {
	name  string
	write func(w io.Writer) error
}

// writeZip deflates every part at the fastest level: the bombs compress
// 1000:1 either way, and the corpus is made in seconds.
func writeZip(w io.Writer, parts []part) error {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestSpeed)
	})
	for _, p := range parts {
		pw, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate})
		if err != nil {
			return err
		}
		if err := p.write(pw); err != nil {
			return err
		}
	}
	return zw.Close()
}

const (
	nsMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRel  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsPkg  = "http://schemas.openxmlformats.org/package/2006/relationships"
)

// xlsxParts is the smallest package Excel opens, with sheet writing
// xl/worksheets/sheet1.xml.
func xlsxParts(sheet func(w io.Writer) error) []part {
	return []part{
		{"[Content_Types].xml", text(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
			`</Types>`)},
		{"_rels/.rels", text(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="` + nsPkg + `">` +
			`<Relationship Id="rId1" Type="` + nsRel + `/officeDocument" Target="xl/workbook.xml"/></Relationships>`)},
		{"xl/workbook.xml", text(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="` + nsMain + `" xmlns:r="` + nsRel + `">` +
			`<sheets><sheet name="任务分解表" sheetId="1" r:id="rId1"/></sheets></workbook>`)},
		{"xl/_rels/workbook.xml.rels", text(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="` + nsPkg + `">` +
			`<Relationship Id="rId1" Type="` + nsRel + `/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`)},
		{"xl/worksheets/sheet1.xml", sheet},
	}
}

func docxParts(document func(w io.Writer) error) []part {
	return []part{
		{"[Content_Types].xml", text(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
			`</Types>`)},
		{"_rels/.rels", text(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="` + nsPkg + `">` +
			`<Relationship Id="rId1" Type="` + nsRel + `/officeDocument" Target="word/document.xml"/></Relationships>`)},
		{"word/document.xml", document},
	}
}

// sheetXML wraps rows written by body in a worksheet.
func sheetXML(w io.Writer, body func(w io.Writer) error) error {
	if _, err := io.WriteString(w, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="`+nsMain+`"><sheetData>`); err != nil {
		return err
	}
	if err := body(w); err != nil {
		return err
	}
	_, err := io.WriteString(w, `</sheetData></worksheet>`)
	return err
}

func fullHeightSheet(w io.Writer) error {
	return sheetXML(w, func(w io.Writer) error {
		for r := 1; r <= MaxRows; r++ {
			if _, err := fmt.Fprintf(w, `<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d" t="inlineStr"><is><t>任务%d</t></is></c></row>`, r, r, r, r, r); err != nil {
				return err
			}
		}
		return nil
	})
}

func oddCellsSheet(w io.Writer) error {
	long := strings.Repeat("法", 32767) // Excel's limit for one cell, in characters
	return sheetXML(w, func(w io.Writer) error {
		_, err := io.WriteString(w, `<row r="1">`+
			`<c r="A1" t="inlineStr"><is><t>序号</t></is></c><c r="B1" t="inlineStr"><is><t>工作任务</t></is></c>`+
			`<c r="C1" t="inlineStr"><is><t>牵头单位</t></is></c><c r="D1" t="inlineStr"><is><t>进展情况</t></is></c></row>`+
			`<row r="2"><c r="A2"><f>1/0</f><v>#DIV/0!</v></c><c r="B2" t="e"><v>#REF!</v></c>`+
			`<c r="C2" t="str"><f>INDIRECT("Z"&amp;ROW())</f><v></v></c>`+
			`<c r="D2" t="inlineStr"><is><t>=HYPERLINK("http://example.com","点击")</t></is></c></row>`+
			`<row r="3"><c r="A3"><f>SUM(A1:A2)</f></c><c r="B3" t="inlineStr"><is><t>`+long+`</t></is></c>`+
			`<c r="C3" t="e"><v>#N/A</v></c><c r="D3" t="inlineStr"><is><t>`+long+`</t></is></c></row>`)
		return err
	})
}

func truncatedXLSX(w io.Writer) error {
	var b strings.Builder
	if err := writeZip(&b, xlsxParts(oddCellsSheet)); err != nil {
		return err
	}
	_, err := io.WriteString(w, b.String()[:b.Len()/2])
	return err
}

func encryptedXLSX(w io.Writer) error {
	// What Office writes for agile encryption: version 4.4, then XML; the
	// package itself is 8 bytes of size and ciphertext.
	info := append([]byte{4, 0, 4, 0, 0x40, 0, 0, 0}, []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></encryption>`)...)
	rng := rand.New(rand.NewPCG(7, 7))
	pkg := make([]byte, 8+8192)
	pkg[0], pkg[1] = 0x00, 0x20 // 8192 bytes, little-endian
	for i := 8; i < len(pkg); i++ {
		pkg[i] = byte(rng.UintN(256))
	}
	_, err := w.Write(CompoundFile(Stream{"EncryptionInfo", info}, Stream{"EncryptedPackage", pkg}))
	return err
}
