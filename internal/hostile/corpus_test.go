package hostile

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fazhi/export/xls"
)

// TestCorpusIsWhatItSays checks the files are as bad as claimed: a bomb
// that does not inflate, or a .xls nobody could read, would make every
// import test pass for the wrong reason.
func TestCorpusIsWhatItSays(t *testing.T) {
	if testing.Short() {
		t.Skip("makes 2 GiB bombs and a full-height sheet")
	}
	dir := t.TempDir()
	paths, err := MakeAll(dir)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]string{}
	for i, f := range Corpus() {
		byName[f.Name] = paths[i]
	}
	size := func(name string) int64 {
		st, err := os.Stat(byName[name])
		if err != nil {
			t.Fatal(err)
		}
		return st.Size()
	}
	if size("空文件.xlsx") != 0 {
		t.Error("empty file is not empty")
	}
	for _, name := range []string{"压缩炸弹.xlsx", "压缩炸弹.docx"} {
		if n := size(name); n > 8<<20 {
			t.Errorf("%s is %d bytes on disk; a bomb should be small", name, n)
		}
		zr, err := zip.OpenReader(byName[name])
		if err != nil {
			t.Fatal(err)
		}
		var inflated uint64
		for _, f := range zr.File {
			inflated += f.UncompressedSize64
		}
		zr.Close()
		if inflated < BombSize {
			t.Errorf("%s inflates to %d bytes; want ≥ %d", name, inflated, BombSize)
		}
	}
	zr, err := zip.OpenReader(byName["一百万行.xlsx"])
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == "xl/worksheets/sheet1.xml" {
			rc, _ := f.Open()
			buf := make([]byte, 1<<16)
			n, _ := rc.Read(buf)
			rc.Close()
			if !strings.Contains(string(buf[:n]), `<row r="1">`) || f.UncompressedSize64 < 60*MaxRows {
				t.Errorf("full-height sheet: %d bytes", f.UncompressedSize64)
			}
		}
	}
	zr.Close()
	if _, err := zip.OpenReader(byName["截断.xlsx"]); err == nil {
		t.Error("truncated .xlsx opens as a zip")
	}
	for _, name := range []string{"旧版.xls", "WPS表格.et"} {
		wb, err := xls.Open(byName[name])
		if err != nil {
			t.Errorf("%s does not read as .xls: %v", name, err)
			continue
		}
		if len(wb.Sheets) != 1 || wb.Sheets[0].Name != "任务分解表" {
			t.Errorf("%s: sheets %+v", name, wb.Sheets)
		}
	}
	if b, _ := os.ReadFile(byName["有密码.xlsx"]); !strings.Contains(string(b), string(wide("EncryptedPackage"))) {
		t.Error("password-protected file lacks an EncryptedPackage stream")
	}
	if n := size("超大文本.txt"); n < 100<<20 {
		t.Errorf("huge text is %d bytes", n)
	}
	t.Logf("corpus of %d files in %s", len(paths), filepath.Base(dir))
}
