package reportin

import (
	"path/filepath"
	"slices"

	"fazhi/data"
	"fazhi/export/fileerr"
	"fazhi/export/textin"
)

// ErrNoSections: the file holds no 一、… part of a report, or only parts
// that are none of the mandated ones (a plan's 一、总体要求 is no report).
// It is a fileerr.ErrNotOurs.
var ErrNoSections = fileerr.NewVariant(fileerr.ErrNotOurs, "reportin: no report sections found",
	"中没有找到年度报告的章节（如“一、主要举措和成效”“二、存在的不足和原因”）",
	"请确认选对了文件；如果标题没有“一、”“二、”这样的编号，请先在 Word 或 WPS 中编上号再导入。")

// ReadFile reads a past report from a .txt (UTF-8, GBK, UTF-16) or .docx
// file, recognised by its content. Files textin cannot read give its
// errors (an old .doc, a PDF…); a file without a single 一、 part gives an
// *fileerr.Error of ErrNoSections.
func ReadFile(path string) (Result, error) {
	text, err := textin.ReadFile(path)
	if err != nil {
		return Result{}, err
	}
	res := Parse(text)
	if !slices.ContainsFunc(res.Report.Sections, func(s data.Section) bool { return slices.Contains(data.MandatedSections, s.Key) }) {
		return res, fileerr.New(ErrNoSections, fileerr.Document, path, nil)
	}
	res.Report.Source = filepath.Base(path)
	return res, nil
}
