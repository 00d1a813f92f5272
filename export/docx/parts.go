package docx

import (
	"fmt"
	"strings"
)

const (
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsPkgRels = "http://schemas.openxmlformats.org/package/2006/relationships"
	relBase   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	ctBase    = "application/vnd.openxmlformats-officedocument.wordprocessingml."
)

type part struct{ name, body string }

// parts lists the package in the order it is zipped: [Content_Types].xml
// first, as Office writes it (some readers sniff for it at the front).
func parts(d Document) []part {
	return []part{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rootRels},
		{"docProps/core.xml", coreXML(d)},
		{"docProps/app.xml", appXML},
		{"word/document.xml", documentXML(d)},
		{"word/_rels/document.xml.rels", documentRels},
		{"word/styles.xml", stylesXML()},
		{"word/settings.xml", settingsXML},
		{"word/fontTable.xml", fontTableXML()},
		{"word/footer1.xml", footerXML(false)},
		{"word/footer2.xml", footerXML(true)},
	}
}

const contentTypes = xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="` + ctBase + `document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="` + ctBase + `styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="` + ctBase + `settings+xml"/>` +
	`<Override PartName="/word/fontTable.xml" ContentType="` + ctBase + `fontTable+xml"/>` +
	`<Override PartName="/word/footer1.xml" ContentType="` + ctBase + `footer+xml"/>` +
	`<Override PartName="/word/footer2.xml" ContentType="` + ctBase + `footer+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
	`</Types>`

const rootRels = xmlHeader + `<Relationships xmlns="` + nsPkgRels + `">` +
	`<Relationship Id="rId1" Type="` + relBase + `officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="` + relBase + `extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

// The footer ids are used in sectPr below.
const documentRels = xmlHeader + `<Relationships xmlns="` + nsPkgRels + `">` +
	`<Relationship Id="rId1" Type="` + relBase + `styles" Target="styles.xml"/>` +
	`<Relationship Id="rId2" Type="` + relBase + `settings" Target="settings.xml"/>` +
	`<Relationship Id="rId3" Type="` + relBase + `fontTable" Target="fontTable.xml"/>` +
	`<Relationship Id="rId4" Type="` + relBase + `footer" Target="footer1.xml"/>` +
	`<Relationship Id="rId5" Type="` + relBase + `footer" Target="footer2.xml"/>` +
	`</Relationships>`

// sectPr: A4 and the GB/T 9704 margins; footer1 on odd pages ("default" is
// odd once settings.xml has evenAndOddHeaders), footer2 on even pages.
var sectPr = fmt.Sprintf(`<w:sectPr>`+
	`<w:footerReference w:type="default" r:id="rId4"/><w:footerReference w:type="even" r:id="rId5"/>`+
	`<w:pgSz w:w="%d" w:h="%d"/>`+
	`<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/>`+
	`<w:pgNumType w:start="1"/><w:cols w:space="425"/>`+
	`<w:docGrid w:linePitch="%d"/>`+
	`</w:sectPr>`,
	pageWidth, pageHeight, marginTop, marginRight, marginBottom, marginLeft, headerDistance, footerDistance, lineTwips)

// settingsXML: evenAndOddHeaders for the odd-right/even-left page numbers;
// doNotCompress keeps every full-width 标点 one character wide, as 公文 are
// set; compatibilityMode 15 stops Word opening the file in compatibility mode.
const settingsXML = xmlHeader + `<w:settings xmlns:w="` + nsW + `">` +
	`<w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/>` +
	`<w:characterSpacingControl w:val="doNotCompress"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
	`<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/><w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>` +
	`</w:settings>`

const appXML = xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
	`<Application>fazhi 法治政府建设台账</Application></Properties>`

// coreXML carries the title, which Word shows in the file's properties and
// Windows Explorer in its tooltip. No dates: the output stays reproducible.
func coreXML(d Document) string {
	var title []string
	for _, b := range d.Blocks {
		if b.Kind == Title {
			for _, l := range splitLines(b.Text) {
				if l != "" {
					title = append(title, l)
				}
			}
		}
	}
	return xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"` +
		` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + escapeString(strings.ReplaceAll(strings.Join(title, ""), "\t", " ")) + `</dc:title>` +
		`</cp:coreProperties>`
}

func fontTableXML() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:fonts xmlns:w="` + nsW + `">`)
	for _, f := range fonts {
		fmt.Fprintf(&b, `<w:font w:name="%s"><w:altName w:val="%s"/><w:charset w:val="86"/><w:family w:val="%s"/><w:pitch w:val="variable"/></w:font>`,
			f.name, f.altName, f.family)
	}
	b.WriteString(`<w:font w:name="` + latinFont + `"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`)
	b.WriteString(`</w:fonts>`)
	return b.String()
}

// footerXML is the page number "— 1 —" (GB/T 9704 §7.5: 4号 半角 digits
// between 一字线): on odd pages right-aligned one character in from the
// margin, on even pages left-aligned one character in. The number is a PAGE
// field so Word, WPS and LibreOffice all count pages themselves.
func footerXML(even bool) string {
	align := `<w:ind w:right="280"/><w:jc w:val="right"/>`
	if even {
		align = `<w:ind w:left="280"/><w:jc w:val="left"/>`
	}
	return xmlHeader + `<w:ftr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `">` +
		`<w:p><w:pPr><w:pStyle w:val="` + pageNumberStyle + `"/>` + align + `</w:pPr>` +
		`<w:r><w:t xml:space="preserve">— </w:t></w:r>` +
		`<w:r><w:fldChar w:fldCharType="begin"/></w:r>` +
		`<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
		`<w:r><w:t>1</w:t></w:r>` +
		`<w:r><w:fldChar w:fldCharType="end"/></w:r>` +
		`<w:r><w:t xml:space="preserve"> —</w:t></w:r>` +
		`</w:p></w:ftr>`
}
