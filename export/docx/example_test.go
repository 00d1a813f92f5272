package docx_test

import (
	"fmt"
	"os"
	"path/filepath"

	"fazhi/export/docx"
)

// A report is a list of blocks in reading order; the kinds carry all the
// formatting. WriteFile replaces the file only once the new one is complete.
func ExampleWriteFile() {
	report := docx.Document{Blocks: []docx.Block{
		{Kind: docx.Title, Text: "黄江镇2024年法治政府建设年度报告"},
		{Kind: docx.Addressee, Text: "东莞市人民政府："},
		{Text: "2024年，我镇深入学习贯彻习近平法治思想……现将有关情况报告如下："},
		{Kind: docx.Heading1, Text: "一、2024年度推进法治政府建设的主要举措和成效"},
		{Kind: docx.Heading2, Text: "（一）强化责任意识。", RunIn: "一是……二是……"},
		{Text: "全年受理信访331宗，办结率100%。"},
		{Kind: docx.Signature, Text: "黄江镇人民政府"},
		{Kind: docx.Date, Text: "2025年1月27日"},
		{Kind: docx.Contact, Text: "（联系人：张三，联系电话：0769-00000000）"},
	}}
	dir, err := os.MkdirTemp("", "docx-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "黄江镇2024年法治政府建设年度报告.docx")
	if err := docx.WriteFile(path, report); err != nil {
		fmt.Println("导出失败：", err)
		return
	}
	fmt.Println("written:", filepath.Base(path))
	// Output: written: 黄江镇2024年法治政府建设年度报告.docx
}
