// Package textin reads the documents a clerk imports — a 实施方案 or 工作要点
// received by e-mail or on a USB stick — into plain text, whatever their
// encoding or format, so that parsers (export/plan) only ever see UTF-8 with
// "\n" line endings.
//
// What lives here:
//
//   - Decode: bytes of a text file → string. UTF-8 (with or without BOM),
//     UTF-16 LE/BE (with a BOM, or recognised by its zero bytes), otherwise
//     GB18030/GBK, which is what Notepad and WPS on a Chinese Windows write.
//   - ReadDocx: the paragraphs of a Word .docx, table rows as tab-separated
//     lines, read straight from word/document.xml with a size cap so that a
//     zip bomb is refused instead of filling memory.
//   - ReadFile: sniffs the content (never the extension, which users rename
//     freely) and dispatches to the two above; old binary .doc/.wps, PDF and
//     RTF files get a message telling the user to save as .docx or .txt.
//
// Every error a user can see is a *fileerr.Error: its Error() is one Chinese
// sentence from fileerr's message table saying what is wrong and what to do.
// Callers match the shared kinds (fileerr.ErrEmpty…) or this package's finer
// ones (ErrPDF, ErrOldWord…, in errors.go) with errors.Is.
package textin
