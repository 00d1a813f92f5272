package fileerr

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
)

// words are what a message says for each Format: the noun for the file,
// the programs the clerk has on the office PC, the format they can save as,
// and what the reader expected the file to be (a leading space where it
// begins with a Latin letter, as Chinese text sets one before "Excel").
var words = map[Format]struct{ noun, app, ext, what string }{
	Document: {"文件", "Word 或 WPS", ".docx 或 .txt", "文本或 Word 文档（.docx）"},
	Workbook: {"文件", "Excel 或 WPS", ".xlsx", " Excel 表格"},
	Template: {"模板文件", "Excel 或 WPS", ".xlsx", " Excel 表格"},
}

// saveAsTail is the remedy most messages end with, written once: Word,
// Excel and WPS all save today's formats, which the readers read. saveAs
// and ifOpens are it after "open it" and after "if it opens".
const (
	saveAsTail = "另存为 {ext}，再选择另存的文件。"
	saveAs     = "请在 {app} 中打开后" + saveAsTail
	ifOpens    = "如果能在 {app} 中打开，请" + saveAsTail
)

// messages is every sentence a file reader shows, by cause or kind, tried
// in order: what is wrong (following {file}, without "。") and what to do.
// A variant's or an Error's own detail and remedy come before these.
var messages = []struct {
	key          error
	what, remedy string
}{
	{fs.ErrNotExist, "找不到{file}，可能已被移动或删除", "请重新选择文件。"},
	{fs.ErrPermission, "没有读取{file}的权限，或它正被其他程序占用", "请在 {app} 中关闭它，或把它复制到“桌面”后再试。"},
	{ErrIsDir, "无法读取{file}：选择的是文件夹，不是文件", "请重新选择文件。"},
	// Kinds; the last, ErrUnreadable, also stands for a kind not listed.
	{ErrEmpty, "{file}是空文件，里面没有内容，可能没有下载或复制完整", "请重新获取文件；如果在 {app} 中能看到内容，请" + saveAsTail},
	{ErrEncrypted, "{file}设置了打开密码，本程序无法读取", "请在 {app} 中输入密码打开，取消密码后" + saveAsTail},
	{ErrLegacy, "{file}是旧版格式，本程序不能直接读取", saveAs},
	{ErrTooLarge, "{file}太大，超出了本程序读取的上限，可能已损坏，或不是要用的文件", "请确认选对了文件，或只保留需要的内容后" + saveAsTail},
	{ErrDamaged, "{file}已损坏或不完整（例如没有下载或复制完）", "请重新获取文件；" + ifOpens},
	{ErrNotOurs, "{file}不是{what}，可能是改了扩展名的其他文件", "请确认选对了文件；" + ifOpens},
	{ErrUnreadable, "无法读取{file}", "请确认文件没有被其他程序占用；U 盘上的文件请先复制到电脑上再试。"},
}

// message builds the sentence for e: its own detail and remedy first, then
// its variant's, then the table's, for its cause (a missing file, a folder)
// or else its kind.
func message(e *Error) string {
	var what, remedy string
	if v := e.findVariant(); v != nil {
		if v.detail != "" {
			what = "{file}" + v.detail
		}
		remedy = v.remedy
	}
	if e.Detail != "" {
		what = "{file}" + e.Detail
	}
	if e.Remedy != "" {
		remedy = e.Remedy
	}
	for i, m := range messages {
		isCause := i < causes
		if (isCause && e.Err != nil && errors.Is(e.Err, m.key)) || (!isCause && e.Kind == m.key) || (i == len(messages)-1) {
			if what == "" {
				what = m.what
			}
			if remedy == "" {
				remedy = m.remedy
			}
		}
		if what != "" && remedy != "" {
			break
		}
	}
	return expand(what+"。"+remedy, e.Format, e.Path)
}

// causes is how many rows of messages are keyed by a cause, not a kind.
const causes = 3

// expand fills in the placeholders: {saveAs} first, as it holds the others.
func expand(s string, f Format, path string) string {
	w, ok := words[f]
	if !ok {
		w = words[Document]
	}
	file := "该" + w.noun
	if path != "" {
		file = w.noun + "“" + filepath.Base(path) + "”"
	}
	s = strings.ReplaceAll(s, "{saveAs}", saveAs)
	return strings.NewReplacer("{file}", file, "{app}", w.app, "{ext}", w.ext, "{what}", w.what).Replace(s)
}
