package xls

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fazhi/export/fileerr"
)

// userMessage is what data.Message shows for an error of Read.
func userMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *fileerr.Error
	if !errors.As(fail(err, ""), &e) {
		return ""
	}
	return e.UserMessage()
}

func TestUserMessage(t *testing.T) {
	seen := map[string]error{}
	for _, err := range []error{ErrNotXLS, ErrNoWorkbook, fileerr.ErrEncrypted, ErrOldBIFF, fileerr.ErrDamaged, fileerr.ErrTooLarge} {
		msg := userMessage(fmt.Errorf("sheet %q: %w: detail", "S", err))
		if msg != userMessage(err) {
			t.Errorf("%v: wrapping changed the message", err)
		}
		if other, dup := seen[msg]; dup {
			t.Errorf("%v and %v share a message", err, other)
		}
		seen[msg] = err
		// Every message tells the clerk what to do, in Chinese.
		if !strings.Contains(msg, "请") || !strings.HasSuffix(msg, "。") {
			t.Errorf("%v: %q gives no remedy", err, msg)
		}
	}
	if !strings.Contains(userMessage(fileerr.ErrEncrypted), "取消密码") {
		t.Error("encrypted message must say to remove the password")
	}
	for _, c := range []struct {
		err  error
		want string
	}{
		{nil, ""},
		{fmt.Errorf("%w: %w", fileerr.ErrUnreadable, fs.ErrNotExist), "找不到该文件"},
		{fmt.Errorf("%w: %w", fileerr.ErrUnreadable, fs.ErrPermission), "没有读取该文件的权限"},
		{fileerr.ErrUnreadable, "无法读取"},
		{errors.New("anything else"), "无法读取"},
	} {
		if got := userMessage(c.err); !strings.Contains(got, c.want) || (c.want == "") != (got == "") {
			t.Errorf("userMessage(%v) = %q, want it to contain %q", c.err, got, c.want)
		}
	}
}

// TestOpenNamesTheFile: what Open returns is the *fileerr.Error the window
// shows, naming the file, for a missing file as for a bad one.
func TestOpenNamesTheFile(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "假.xls")
	os.WriteFile(bad, []byte("序号,事项\n"), 0o600)
	for _, c := range []struct {
		path string
		kind error
		want string
	}{
		{filepath.Join(dir, "无.xls"), fs.ErrNotExist, "找不到文件“无.xls”"},
		{bad, ErrNotXLS, "文件“假.xls”不是 Excel 97-2003 格式"},
	} {
		_, err := Open(c.path)
		var e *fileerr.Error
		if !errors.Is(err, c.kind) || !errors.As(err, &e) || !strings.Contains(e.UserMessage(), c.want) {
			t.Errorf("Open(%s) = %v, want %v saying %q", c.path, err, c.kind, c.want)
		}
	}
}
