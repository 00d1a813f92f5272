package fileerr

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMessages: every kind, for every format, names the file and says what
// to do, and no two kinds say the same.
func TestMessages(t *testing.T) {
	for f := range words {
		seen := map[string]error{}
		for _, k := range kinds {
			msg := New(k, f, "/tmp/台账.xlsx", nil).UserMessage()
			if !strings.Contains(msg, "“台账.xlsx”") || !strings.Contains(msg, "请") || !strings.HasSuffix(msg, "。") {
				t.Errorf("format %d, %v: %q names no file or gives no remedy", f, k, msg)
			}
			if strings.Contains(msg, "{") || strings.Contains(msg, "fazhi ") || strings.Contains(msg, "--") {
				t.Errorf("format %d, %v: %q has a placeholder or a command-line hint", f, k, msg)
			}
			if other, dup := seen[msg]; dup {
				t.Errorf("format %d: %v and %v share %q", f, k, other, msg)
			}
			seen[msg] = k
		}
	}
}

func TestMessageWords(t *testing.T) {
	for _, c := range []struct {
		err  *Error
		want []string
	}{
		{New(ErrEncrypted, Workbook, "a.xls", nil), []string{"文件“a.xls”", "取消密码", "Excel 或 WPS", "另存为 .xlsx"}},
		{New(ErrLegacy, Document, "a.doc", nil), []string{"Word 或 WPS", "另存为 .docx 或 .txt"}},
		{New(ErrNotOurs, Template, "t.xlsx", nil), []string{"模板文件“t.xlsx”不是 Excel 表格", "另存为 .xlsx"}},
		{New(ErrUnreadable, Workbook, "", fmt.Errorf("open: %w", fs.ErrNotExist)), []string{"找不到该文件"}},
		{New(ErrUnreadable, Workbook, "", fs.ErrPermission), []string{"没有读取该文件的权限"}},
		{New(ErrUnreadable, Template, "/x/t.xlsx", fs.ErrNotExist), []string{"找不到模板文件“t.xlsx”"}},
		{New(ErrUnreadable, Document, "d", ErrIsDir), []string{"无法读取", "文件夹"}},
		{New(errors.New("some other kind"), Document, "d", nil), []string{"无法读取文件“d”", "请"}},
		{&Error{Kind: ErrDamaged, Path: "r.docx", Detail: "中没有章节", Remedy: "请编号。"}, []string{"文件“r.docx”中没有章节。请编号。"}},
	} {
		msg := c.err.UserMessage()
		for _, w := range c.want {
			if !strings.Contains(msg, w) {
				t.Errorf("%q lacks %q", msg, w)
			}
		}
		if msg != c.err.Error() {
			t.Errorf("Error() %q is not the user's sentence", c.err.Error())
		}
	}
}

func TestVariant(t *testing.T) {
	pdf := NewVariant(ErrNotOurs, "pdf", "是 PDF 文件", "请找原件。")
	old := NewVariant(ErrLegacy, "old", "是旧版 Word 文件", "")
	cause := errors.New("cause")
	for _, c := range []struct {
		err  error
		is   []error
		not  []error
		want string
	}{
		{New(pdf, Document, "a.pdf", cause), []error{pdf, ErrNotOurs, cause}, []error{ErrLegacy, old}, "文件“a.pdf”是 PDF 文件。请找原件。"},
		{New(old, Document, "a.doc", nil), []error{old, ErrLegacy}, []error{ErrNotOurs}, "文件“a.doc”是旧版 Word 文件。请在 Word 或 WPS 中打开后另存为 .docx 或 .txt，再选择另存的文件。"},
		// A reader's sentinel wrapped with %w, made an *Error at its boundary.
		{Of(fmt.Errorf("sheet 2: %w: record cut short", old), Workbook, "b.xls"), []error{old, ErrLegacy}, nil, "文件“b.xls”是旧版 Word 文件。请在 Excel 或 WPS"},
		{Of(fmt.Errorf("x: %w", ErrDamaged), Workbook, "c.xls"), []error{ErrDamaged}, []error{ErrLegacy}, "文件“c.xls”已损坏"},
		{Of(errors.New("anything"), Workbook, "d.xls"), []error{ErrUnreadable}, nil, "无法读取文件“d.xls”"},
	} {
		for _, k := range c.is {
			if !errors.Is(c.err, k) {
				t.Errorf("%v is not %v", c.err, k)
			}
		}
		for _, k := range c.not {
			if errors.Is(c.err, k) {
				t.Errorf("%v is %v", c.err, k)
			}
		}
		if msg := c.err.Error(); !strings.HasPrefix(msg, c.want) {
			t.Errorf("message %q, want it to begin %q", msg, c.want)
		}
	}
}

func TestOf(t *testing.T) {
	if Of(nil, Document, "x") != nil {
		t.Error("Of(nil) is not nil")
	}
	inner := New(ErrEmpty, Document, "", nil)
	named := Of(fmt.Errorf("wrapped: %w", inner), Workbook, "/tmp/空.xlsx")
	var e *Error
	if !errors.As(named, &e) || e.Path != "/tmp/空.xlsx" || e.Format != Document || inner.Path != "" {
		t.Errorf("Of did not name a copy of the inner error: %#v", named)
	}
	if again := Of(named, Workbook, "other"); again != named {
		t.Errorf("Of renamed an error that names its file: %v", again)
	}
}

func TestOpen(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	os.WriteFile(path, []byte("x"), 0o600)
	f, st, err := Open(path, Document)
	if err != nil || st.Size() != 1 {
		t.Fatalf("Open: %v", err)
	}
	f.Close()
	for _, c := range []struct {
		path  string
		cause error
	}{{dir, ErrIsDir}, {filepath.Join(dir, "none"), fs.ErrNotExist}} {
		_, _, err := Open(c.path, Document)
		var e *Error
		if !errors.As(err, &e) || e.Kind != ErrUnreadable || !errors.Is(err, c.cause) || e.Path != c.path {
			t.Errorf("Open(%s) = %v, want ErrUnreadable from %v", c.path, err, c.cause)
		}
	}
}
