package docx

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
)

// names lists a folder, to prove no temporary file was left behind.
func names(t *testing.T, dir string) []string {
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
	small := Document{Blocks: []Block{{Kind: Title, Text: "报告"}, {Text: "正文"}}}
	bad := Document{Blocks: []Block{{Text: "正文"}, {Kind: 99}}}
	old := []byte("the previous export")

	for _, tc := range []struct {
		name    string
		setup   func(t *testing.T, dir string) string // returns the target path
		doc     Document
		wantErr error // nil: success; errAny: some error
		// after the call, the folder holds exactly these names
		wantNames []string
		// and the target holds the old bytes (true) or a new .docx (false)
		keepsOld bool
	}{
		{
			name:      "new file",
			setup:     func(t *testing.T, dir string) string { return filepath.Join(dir, "年度报告.docx") },
			doc:       small,
			wantNames: []string{"年度报告.docx"},
		},
		{
			name: "replaces an existing file",
			setup: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "年度报告.docx")
				mustWrite(t, p, old)
				return p
			},
			doc:       small,
			wantNames: []string{"年度报告.docx"},
		},
		{
			name: "bad document keeps the old file and touches nothing",
			setup: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "年度报告.docx")
				mustWrite(t, p, old)
				return p
			},
			doc:       bad,
			wantErr:   ErrUnknownKind,
			wantNames: []string{"年度报告.docx"},
			keepsOld:  true,
		},
		{
			// The temp file is complete when the rename fails: this is the
			// path where cleanup matters.
			name: "rename fails: temp file removed",
			setup: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "年度报告.docx")
				if err := os.Mkdir(p, 0o755); err != nil {
					t.Fatal(err)
				}
				mustWrite(t, filepath.Join(p, "keep"), old) // a non-empty folder is never replaced
				return p
			},
			doc:       small,
			wantErr:   errAny,
			wantNames: []string{"年度报告.docx"},
		},
		{
			name:      "missing folder",
			setup:     func(t *testing.T, dir string) string { return filepath.Join(dir, "没有", "年度报告.docx") },
			doc:       small,
			wantErr:   fs.ErrNotExist,
			wantNames: nil,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := tc.setup(t, dir)
			err := WriteFile(path, tc.doc)
			switch {
			case tc.wantErr == nil && err != nil:
				t.Fatalf("WriteFile: %v", err)
			case tc.wantErr == errAny && err == nil, tc.wantErr != nil && tc.wantErr != errAny && !errors.Is(err, tc.wantErr):
				t.Fatalf("WriteFile error = %v, want %v", err, tc.wantErr)
			}
			if got := names(t, dir); !slices.Equal(got, tc.wantNames) {
				t.Errorf("folder holds %q, want %q", got, tc.wantNames)
			}
			if tc.wantErr != nil {
				if tc.keepsOld {
					if got, _ := os.ReadFile(path); !bytes.Equal(got, old) {
						t.Errorf("the previous file was changed: %q", got)
					}
				}
				return
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if want := writeDoc(t, tc.doc); !bytes.Equal(got, want) {
				t.Error("file content differs from Write's output")
			}
			if runtime.GOOS != "windows" {
				if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
					t.Errorf("mode %v, want 0644", fi.Mode().Perm())
				}
			}
		})
	}
}

// TestWriteFileReadOnlyFolder: a folder the user may not write to gives an
// error and leaves nothing behind. Root ignores permissions, so the test
// cannot run as root; run it as another user, e.g.
// go test -c -o /tmp/docx.test ./export/docx && su nobody -s /bin/sh -c '/tmp/docx.test -test.run ReadOnly -test.v'
func TestWriteFileReadOnlyFolder(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows folders have no read-only permission bit")
	}
	if os.Geteuid() == 0 {
		t.Skip("root can write into a read-only folder; run as another user")
	}
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	err := WriteFile(filepath.Join(dir, "年度报告.docx"), Document{Blocks: []Block{{Text: "正文"}}})
	if !errors.Is(err, fs.ErrPermission) {
		t.Errorf("err = %v, want fs.ErrPermission", err)
	}
	if got := names(t, dir); len(got) != 0 {
		t.Errorf("folder holds %q, want nothing", got)
	}
}

var errAny = errors.New("any error")

func mustWrite(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
