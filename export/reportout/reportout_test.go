package reportout

import (
	"archive/zip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fazhi/data"
	"fazhi/export/reportin"
	"fazhi/export/safefile"
	"fazhi/internal/testfiles"
)

func seed(t *testing.T, name string) data.Report {
	t.Helper()
	res, err := reportin.ReadFile(testfiles.Seed(t, name))
	if err != nil {
		t.Fatal(err)
	}
	res.Report.Year = 2020
	return res.Report
}

func TestSubheading(t *testing.T) {
	for _, c := range []struct{ in, head, runIn, body string }{
		{"(一)切实加强党对法治政府建设的领导", "（一）切实加强党对法治政府建设的领导", "", "（一）切实加强党对法治政府建设的领导"},
		{"（二）强化责任意识,筑牢思想根基。一是加强学习。", "（二）强化责任意识,筑牢思想根基。", "一是加强学习。", "（二）强化责任意识,筑牢思想根基。一是加强学习。"},
		{"(三)行政执法信息公示平台整合不够全面,多个执法单位存在多平台同步录入的情况,增加了工作量,各行政执法单位的法制审核队伍有待进一步加强。", "", "",
			"（三）行政执法信息公示平台整合不够全面,多个执法单位存在多平台同步录入的情况,增加了工作量,各行政执法单位的法制审核队伍有待进一步加强。"},
		{"(一)法治队伍整体素质和业务能力有待进一步提高。", "", "", "（一）法治队伍整体素质和业务能力有待进一步提高。"},
		{"一是加强学习。", "", "", "一是加强学习。"},
		{"(2021—2025)年规划。", "", "", "(2021—2025)年规划。"},
	} {
		head, runIn, body, ok := subheading(c.in)
		if head != c.head || runIn != c.runIn || body != c.body || ok != (c.head != "") {
			t.Errorf("%q → %q %q %q %v", c.in, head, runIn, body, ok)
		}
	}
}

// fold makes what the writer normalised comparable: （一） is written
// full-width whatever the source had.
func fold(s string) string { return strings.NewReplacer("（", "(", "）", ")").Replace(s) }

// TestRoundTrip writes seed reports as .docx and .txt and reads them back
// with the importer: every part, paragraph, signature line and the date
// survive, and the .docx styles the headings by level.
func TestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"000_3f419afd8f863118.txt", "003_41e7131f8820c50f.txt"} {
		r := seed(t, name)
		if r.Title == "" {
			r.Title = "黄江镇2020年法治政府建设年度报告"
		}
		for _, ext := range []string{".docx", ".txt"} {
			path := filepath.Join(dir, name+ext)
			var err error
			if ext == ".docx" {
				err = WriteDocx(path, r, false)
			} else {
				err = WriteText(path, r, false)
			}
			if err != nil {
				t.Fatal(err)
			}
			back, err := reportin.ReadFile(path)
			if err != nil {
				t.Fatalf("%s%s: %v", name, ext, err)
			}
			b := back.Report
			if b.Title != r.Title || b.Addressee != r.Addressee || !slices.Equal(b.Signature, r.Signature) || b.Date != r.Date || b.Contact != r.Contact {
				t.Errorf("%s%s: head/tail %q %q %q %s %q", name, ext, b.Title, b.Addressee, b.Signature, b.Date, b.Contact)
			}
			if len(b.Sections) != len(r.Sections) {
				t.Fatalf("%s%s: %d sections", name, ext, len(b.Sections))
			}
			for i := range r.Sections {
				if b.Sections[i].Key != r.Sections[i].Key || b.Sections[i].Heading != r.Sections[i].Heading || fold(b.Sections[i].Text) != fold(r.Sections[i].Text) {
					t.Errorf("%s%s: section %d differs:\n%.200q\n%.200q", name, ext, i, b.Sections[i].Text, r.Sections[i].Text)
				}
			}
			if b.Opening != r.Opening {
				t.Errorf("%s%s: opening %.80q", name, ext, b.Opening)
			}
		}
	}
	// The docx styles: 一、 headings Heading1, (一) headings Heading2, run-in body.
	xml := documentXML(t, filepath.Join(dir, "003_41e7131f8820c50f.txt.docx"))
	for _, want := range []string{
		`<w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">一、2023年度推进法治政府建设的主要举措和成效</w:t>`,
		`<w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">四、2024年度推进法治政府建设的主要安排</w:t>`,
		`<w:pStyle w:val="Heading2"/><w:keepNext w:val="0"/></w:pPr><w:r><w:t xml:space="preserve">（一）强化责任意识,筑牢思想根基。</w:t></w:r><w:r><w:rPr><w:rStyle`,
	} {
		if !strings.Contains(xml, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
}

func documentXML(t *testing.T, path string) string {
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	for _, f := range z.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			return string(b)
		}
	}
	t.Fatal("no document.xml")
	return ""
}

func TestNumberingAndText(t *testing.T) {
	p := data.Profile{Name: "黄江镇人民政府", Party: "中共黄江镇委员会", Short: "黄江镇", Superior: "市委", Contact: "张三", Phone: "123"}
	r := data.NewReport(p, 2024)
	r.Sections = append(r.Sections, data.Section{Key: data.SectionOther, Heading: "其他需要报告的情况"})
	r.Sections[0].Text = "(一)加强领导。全年学法4次。"
	r.Date, _ = data.ParseDate("2025-01-27")
	got := Text(r)
	want := "黄江镇2024年法治政府建设年度报告\r\n\r\n市委：\r\n" +
		"　　一、2024年度推进法治政府建设的主要举措和成效\r\n　　（一）加强领导。全年学法4次。\r\n" +
		"　　二、2024年度推进法治政府建设存在的不足和原因\r\n" +
		"　　三、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况\r\n" +
		"　　四、2025年度推进法治政府建设的主要安排\r\n\r\n" +
		"中共黄江镇委员会\r\n黄江镇人民政府\r\n2025年1月27日\r\n（联系人：张三，联系电话：123）\r\n"
	if got != want {
		t.Errorf("Text:\n%s\nwant:\n%s", got, want)
	}
	// An existing file is not overwritten without replace.
	path := filepath.Join(t.TempDir(), "r.txt")
	os.WriteFile(path, []byte("盖过章的"), 0o644)
	if err := WriteText(path, r, false); !errors.Is(err, safefile.ErrExists) {
		t.Errorf("overwrote: %v", err)
	}
	if err := WriteDocx(path, r, false); !errors.Is(err, safefile.ErrExists) {
		t.Errorf("overwrote: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "盖过章的" {
		t.Error("file changed")
	}
}
