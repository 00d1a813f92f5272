// Package fileerr is the one error model of the file readers in export
// (textin, xls, workbook, tasksheet, statsheet, reportin): what can be wrong
// with a file a clerk picked, and the one Chinese sentence that says so and
// what to do.
//
// What lives here:
//
//   - The kinds (ErrEmpty, ErrEncrypted, ErrLegacy, ErrTooLarge, ErrDamaged,
//     ErrUnreadable, ErrNotOurs), matched with errors.Is, never by text.
//   - Variant: a reader's finer kind (textin.ErrPDF, xls.ErrOldBIFF,
//     tasksheet.ErrNoHeader) that errors.Is also sees as its kind, and that
//     may say more precisely what the file is.
//   - Error: the one error type, carrying the kind, the file, an optional
//     detail and remedy, and the cause. Its UserMessage makes data.Message
//     show it as it is.
//   - messages.go: the one message table. Every remedy sentence (how to save
//     as .docx or .xlsx, what to do with a password) is written there once,
//     for the Format the reader expected.
//
// Messages name no command-line verb or flag: the window shows them too. A
// door that has a hint of its own (a command to list sheets, say) adds it.
package fileerr
