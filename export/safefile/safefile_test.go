package safefile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func list(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

func TestWriteFile(t *testing.T) {
	errBad := errors.New("bad input")
	newBytes := func(w io.Writer) error { _, err := io.WriteString(w, "新内容"); return err }
	for _, tc := range []struct {
		name     string
		existing bool // the target holds "旧内容" before the call
		folder   bool // the target is a non-empty folder: the rename fails
		missing  bool // the target's folder does not exist
		replace  bool
		write    func(io.Writer) error
		wantErr  error // nil: success
		wantMsg  string
		want     string // the target's content afterwards ("" for none)
	}{
		{name: "new file", write: newBytes, want: "新内容"},
		{name: "new file, replace allowed", replace: true, write: newBytes, want: "新内容"},
		{name: "existing, replace", existing: true, replace: true, write: newBytes, want: "新内容"},
		{name: "existing, no replace", existing: true, write: newBytes, wantErr: ErrExists, wantMsg: "已存在，没有覆盖", want: "旧内容"},
		{name: "writer fails", existing: true, replace: true, write: func(w io.Writer) error {
			io.WriteString(w, "半截")
			return errBad
		}, wantErr: errBad, want: "旧内容"},
		{name: "rename fails", folder: true, replace: true, write: newBytes, wantErr: fs.ErrExist},
		{name: "missing folder", missing: true, write: newBytes, wantErr: fs.ErrNotExist, wantMsg: "不存在"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "任务分解表.xlsx")
			if tc.missing {
				path = filepath.Join(dir, "没有", "任务分解表.xlsx")
			}
			if tc.existing {
				if err := os.WriteFile(path, []byte("旧内容"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if tc.folder {
				os.Mkdir(path, 0o755)
				os.WriteFile(filepath.Join(path, "keep"), nil, 0o644)
			}
			err := WriteFile(path, tc.replace, tc.write)
			switch {
			case tc.wantErr == nil && err != nil:
				t.Fatalf("WriteFile: %v", err)
			case tc.wantErr != nil && tc.name == "rename fails" && err == nil:
				t.Fatal("rename over a folder succeeded")
			case tc.wantErr != nil && tc.name != "rename fails" && !errors.Is(err, tc.wantErr):
				t.Fatalf("error %v, want %v", err, tc.wantErr)
			}
			if tc.wantMsg != "" {
				var e *Error
				if !errors.As(err, &e) || !strings.Contains(e.UserMessage(), tc.wantMsg) {
					t.Errorf("message %v, want it to say %q", err, tc.wantMsg)
				}
			}
			if !tc.missing {
				if got := list(t, dir); !slices.Equal(got, []string{"任务分解表.xlsx"}) {
					t.Errorf("folder holds %q: a temporary file was left behind", got)
				}
			}
			if tc.want != "" {
				if got, _ := os.ReadFile(path); string(got) != tc.want {
					t.Errorf("target holds %q, want %q", got, tc.want)
				}
			}
		})
	}
}
