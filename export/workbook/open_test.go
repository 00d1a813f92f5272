package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"fazhi/export/fileerr"
	"fazhi/export/xls"
	"fazhi/internal/hostile"
)

func TestOpenRefuses(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := filepath.Join(dir, "good.xlsx")
	{
		f := excelize.NewFile()
		for r := 1; r <= 200; r++ {
			f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", r), &[]any{r, "健全党委领导法治建设的制度", "党政办", "2024年底"})
		}
		f.MergeCell("Sheet1", "B1", "C1")
		if err := f.SaveAs(good); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	goodBytes, _ := os.ReadFile(good)

	encrypted := filepath.Join(dir, "locked.xlsx")
	{
		f := excelize.NewFile()
		f.SetCellValue("Sheet1", "A1", "序号")
		if err := f.SaveAs(encrypted, excelize.Options{Password: "123"}); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	var docx bytes.Buffer
	zw := zip.NewWriter(&docx)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte("<w:document/>"))
	zw.Close()

	cases := []struct {
		path string
		kind error
		says string
	}{
		{write("empty.xlsx", nil), fileerr.ErrEmpty, "空文件"},
		{write("blank.xlsx", make([]byte, 100)), fileerr.ErrEmpty, "空文件"},
		{write("text.xlsx", []byte("序号,工作任务\n1,任务甲\n")), fileerr.ErrNotOurs, "不是 Excel 表格"},
		{write("page.xls", []byte("<html><body><table></table></body></html>")), fileerr.ErrNotOurs, "另存为"},
		{write("cut.xlsx", goodBytes[:len(goodBytes)/2]), fileerr.ErrDamaged, "已损坏"},
		{write("report.xlsx", docx.Bytes()), fileerr.ErrNotOurs, "不是 Excel 表格"},
		{encrypted, fileerr.ErrEncrypted, "密码"},
		{write("wps.et", oleFile(hostile.Stream{Name: "WpsContent", Data: []byte("et")})), xls.ErrNoWorkbook, ".et"},
		{write("bomb.xlsx", zipBomb(t)), fileerr.ErrTooLarge, "太大"},
		{filepath.Join(dir, "missing.xlsx"), fileerr.ErrUnreadable, "找不到文件"},
		{dir, fileerr.ErrUnreadable, "无法读取"},
	}
	for _, c := range cases {
		_, err := Open(c.path)
		if !errors.Is(err, c.kind) {
			t.Errorf("%s: err %v, want %v", filepath.Base(c.path), err, c.kind)
			continue
		}
		var e *fileerr.Error
		if !errors.As(err, &e) || !strings.Contains(e.UserMessage(), c.says) || !strings.Contains(e.UserMessage(), filepath.Base(c.path)) {
			t.Errorf("%s: message %q, want it to name the file and say %q", filepath.Base(c.path), e.UserMessage(), c.says)
		}
	}
}

// zipBomb declares 300 MB of zeros in a sheet part: a few hundred KB on disk.
func zipBomb(t testing.TB) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "xl/workbook.xml"} {
		w, _ := zw.Create(name)
		w.Write([]byte("<x/>"))
	}
	w, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.CopyN(w, zeroReader{}, 300<<20); err != nil {
		t.Fatal(err)
	}
	zw.Close()
	return buf.Bytes()
}

type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// oleFile writes a compound file (internal/hostile's writer), enough to stand
// for a WPS .et: mscfb only reads.
func oleFile(streams ...hostile.Stream) []byte { return hostile.CompoundFile(streams...) }
