package xls

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
)

func TestUserMessage(t *testing.T) {
	seen := map[string]error{}
	for _, err := range []error{ErrNotXLS, ErrNoWorkbook, ErrEncrypted, ErrOldBIFF, ErrCorrupt, ErrTooLarge} {
		msg := UserMessage(fmt.Errorf("sheet %q: %w: detail", "S", err))
		if msg != UserMessage(err) {
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
	if !strings.Contains(UserMessage(ErrEncrypted), "取消密码") {
		t.Error("encrypted message must say to remove the password")
	}
	for _, c := range []struct {
		err  error
		want string
	}{
		{nil, ""},
		{fmt.Errorf("%w: %w", ErrUnreadable, fs.ErrNotExist), "找不到文件"},
		{fmt.Errorf("%w: %w", ErrUnreadable, fs.ErrPermission), "没有读取该文件的权限"},
		{ErrUnreadable, "无法读取"},
		{errors.New("anything else"), "无法读取"},
	} {
		if got := UserMessage(c.err); !strings.Contains(got, c.want) || (c.want == "") != (got == "") {
			t.Errorf("UserMessage(%v) = %q, want it to contain %q", c.err, got, c.want)
		}
	}
}
