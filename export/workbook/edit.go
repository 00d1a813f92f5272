package workbook

import (
	"bytes"
	"errors"
	"os"

	"github.com/xuri/excelize/v2"

	"fazhi/export/fileerr"
)

// ErrXLSFill: a legacy .xls (or WPS) file picked as a template. It can be
// read but not filled as it is, which needs .xlsx. A fileerr.ErrLegacy.
var ErrXLSFill = fileerr.NewVariant(fileerr.ErrLegacy, "workbook: cannot fill an .xls template",
	"是旧版 Excel 97-2003（.xls）或 WPS 表格文件，本程序可以读取但不能按原样填写", "")

// XLSFillError is the refusal to fill the .xls template at path, with how
// to save it as .xlsx in WPS or Excel.
func XLSFillError(path string) error {
	return fileerr.New(ErrXLSFill, fileerr.Template, path, nil)
}

// IsXLSFile tells a legacy compound file (.xls, or anything OLE) by its
// first bytes: it can be read but not filled, which needs .xlsx.
func IsXLSFile(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	head := make([]byte, 8)
	n, _ := f.Read(head)
	return bytes.HasPrefix(head[:n], oleMagic), nil
}

// Edit opens the .xlsx template at path with excelize to fill a copy of it,
// under the same limits as Open. Its errors are *fileerr.Error of Format
// fileerr.Template: a .xls gets ErrXLSFill, a password ErrEncrypted.
func Edit(path string) (*excelize.File, error) {
	f, st, err := fileerr.Open(path, fileerr.Template)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fail := func(kind error, cause error) error { return fileerr.New(kind, fileerr.Template, path, cause) }
	size := st.Size()
	head := make([]byte, 8)
	n, _ := f.ReadAt(head, 0)
	switch {
	case size == 0:
		return nil, fail(fileerr.ErrEmpty, nil)
	case size > MaxUnzipSize:
		return nil, fail(errLimits, nil)
	case bytes.HasPrefix(head[:n], oleMagic):
		if enc, err := encrypted(f, size); err == nil && enc {
			return nil, fail(fileerr.ErrEncrypted, nil)
		}
		return nil, fail(ErrXLSFill, nil)
	case !bytes.HasPrefix(head[:n], zipMagic):
		return nil, fail(fileerr.ErrNotOurs, nil)
	}
	x, err := excelize.OpenFile(path, excelizeOptions)
	switch {
	case err == nil:
		return x, nil
	case errors.Is(err, excelize.ErrWorkbookPassword):
		return nil, fail(fileerr.ErrEncrypted, err)
	case errors.Is(err, excelize.ErrWorkbookFileFormat):
		return nil, fail(fileerr.ErrNotOurs, err)
	}
	return nil, fail(fileerr.ErrDamaged, err)
}
