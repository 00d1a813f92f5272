// Package docx writes 公文 (GB/T 9704) documents, such as the annual
// 法治政府建设年度报告, as Word .docx files.
//
// Why our own writer: no Go .docx library sets East Asian fonts, exact line
// spacing and a footer with page numbers under a licence we can ship, and a
// 公文 needs all three. WordprocessingML for a document of plain paragraphs is
// small, so this package writes the XML parts itself with archive/zip.
//
// The caller describes the document as a list of blocks, each with a Kind
// (title, addressee, body, 一、 heading, （一） heading, signature, date,
// contact line) and its text; every formatting decision lives here, in one
// style per Kind in styles.xml (styles.go), so Word, WPS and LibreOffice all
// open a file whose body is nothing but styled paragraphs. The layout:
//
//   - A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm.
//   - Title 方正小标宋简体 2号 centred, one blank line below it.
//   - Body 仿宋_GB2312 3号, exactly 28 pt per line: 22 lines a page, 28
//     characters a line (each character condensed by 0.25 pt to fit), first
//     line indented two characters; 一、 headings 黑体, （一） headings 楷体_GB2312.
//   - Signature and date right-aligned, four characters from the right margin,
//     never alone on the last page (the paragraph before them keeps with them).
//   - Page numbers 宋体 4号 as "— 1 —": odd pages right, even pages left.
//
// Chinese font names go into w:eastAsia (with Times New Roman for digits and
// Latin letters): that is the only slot Word and WPS read for Chinese text.
// fontTable.xml names a common Windows substitute for each (仿宋 for
// 仿宋_GB2312 …) so a PC without the 公文 fonts still shows the right family.
//
// WriteFile never leaves a half-written file under the final name. Errors are
// internal (wrapped with %w, e.g. fs.ErrPermission); the caller turns them into
// the Chinese message the user reads.
//
// To look at the result: go run ./internal/tools/samplereport -o
// /tmp/docx/sample-report.docx writes a three-page sample report, and
// scripts/render.sh /tmp/docx/sample-report.docx /tmp/docx renders its
// pages to PNG with LibreOffice and poppler.
package docx
