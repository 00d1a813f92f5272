package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"fazhi/data"
	"fazhi/export/tasksheet"
	"fazhi/export/workbook"
)

// sheetSource is the left side of the 导入 Excel dialog: which sheet, where
// the header is, what each column was taken to mean (each a picker the
// clerk can change, which reads the table again, like the command line's
// --column), and the problems the reading found. The workbook is opened
// once; every change re-reads its sheets in memory.
type sheetSource struct {
	wb      *tasksheet.Workbook
	opt     tasksheet.Options
	preview *tasksheet.Preview
	blocked bool

	sheets   *widget.Select
	header   *widget.Label
	columns  *fyne.Container
	problems *widget.Label
	// pickers are the column meaning Selects by column letter, for tests.
	pickers map[string]*widget.Select
}

// columnTitles are the meanings a column can be given, in table order.
func columnTitles() []string {
	out := make([]string, len(tasksheet.Columns))
	for i, c := range tasksheet.Columns {
		out[i] = c.Title()
	}
	return out
}

// showSheetImport asks for a 任务分解表 workbook, opens it off the UI
// goroutine and shows what it holds; nothing is stored until 保存. A bad
// file (.xls from before 97, .et, password, empty, broken) gets the same
// sentence as `fazhi tasks import`.
func (u *UI) showSheetImport(year int, done func()) {
	chooseWorkbook(u.win, func(path string) { u.importSheetFile(year, path, done, nil) })
}

// importSheetFile opens path behind the progress bar and shows the dialog
// (shown gets it, for tests); a bad file gets its message and no dialog.
func (u *UI) importSheetFile(year int, path string, done func(), shown func(*planImport)) {
	var wb *tasksheet.Workbook
	runLong(u.win, "正在读取表格", func(ctx context.Context) (err error) {
		wb, err = tasksheet.OpenFile(path)
		return err
	}, func(err error) {
		if err != nil {
			showError(err, u.win)
			return
		}
		p := u.openSheetImport(year, path, wb, done)
		if shown != nil {
			shown(p)
		}
	})
}

// openSheetImport shows the dialog for a workbook already opened.
func (u *UI) openSheetImport(year int, path string, wb *tasksheet.Workbook, done func()) *planImport {
	p := u.newImportDialog(year, done)
	p.source = filepath.Base(path)
	src := &sheetSource{wb: wb, opt: tasksheet.Options{Year: year, Source: p.source, Date: tasksheet.FileDate(path, wb), Columns: map[int]tasksheet.Column{}}}
	p.sheet = src
	var names []string
	for _, s := range wb.Sheets {
		if s.Name != workbook.StampSheet {
			names = append(names, s.Name)
		}
	}
	src.sheets = widget.NewSelect(names, nil)
	src.header = widget.NewLabel("")
	src.header.Wrapping = fyne.TextWrapWord
	src.columns = container.NewVBox()
	src.problems = widget.NewLabel("")
	src.problems.Wrapping = fyne.TextWrapWord
	bold := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	body := container.NewVBox(src.header, bold("各列的含义（不对可以改）"), src.columns, bold("请核对"), src.problems)
	left := container.NewBorder(container.NewBorder(nil, nil, widget.NewLabel("工作表"), nil, src.sheets), nil, nil, nil, container.NewVScroll(body))
	top := widget.NewLabel(fmt.Sprintf("从“%s”导入到 %d 年任务分解表。程序自动找出表头和各列的含义；改正后右侧随之更新。", p.source, year))
	top.Wrapping = fyne.TextWrapWord
	p.show("导入 Excel 任务分解表", top, left)
	// Set after the first reading, so choosing a sheet by hand re-reads it.
	src.sheets.OnChanged = func(name string) {
		if name != src.opt.Sheet && name != src.preview.Sheet {
			src.opt.Sheet = name
			src.opt.Columns = map[int]tasksheet.Column{} // another sheet, other columns
			p.reparse()
		}
	}
	return p
}

// readSheet reads the table again with the clerk's choices and refreshes
// the left side; p.imp becomes what would be stored.
func (p *planImport) readSheet() {
	src := p.sheet
	pv, err := tasksheet.Read(src.wb.Sheets, src.opt)
	if err != nil {
		p.imp = data.PlanImport{}
		src.preview = &tasksheet.Preview{Sheet: src.opt.Sheet}
		src.blocked = false
		src.header.SetText(data.Message(err))
		src.columns.Objects = nil
		src.columns.Refresh()
		src.problems.SetText("")
		return
	}
	src.preview, src.blocked = pv, pv.Blocked()
	p.imp = pv.Import
	if src.sheets.Selected != pv.Sheet {
		src.sheets.SetSelected(pv.Sheet)
	}
	head := fmt.Sprintf("表头在第 %s 行", pv.HeaderRowsText())
	if pv.Title != "" {
		head = "标题：" + pv.Title + "\n" + head
	}
	if len(pv.Footer) > 0 {
		head += "\n表尾（不作为任务）：" + strings.Join(pv.Footer, " / ")
	}
	src.header.SetText(head)

	src.columns.Objects = nil
	src.pickers = map[string]*widget.Select{}
	for _, col := range pv.Columns {
		index := col.Index
		sel := widget.NewSelect(columnTitles(), nil)
		sel.SetSelected(col.Meaning.Title())
		sel.OnChanged = func(title string) {
			if m, ok := tasksheet.ColumnByTitle(title); ok {
				src.opt.Columns[index] = m
				p.reparse()
			}
		}
		src.pickers[col.Letter()] = sel
		text := widget.NewLabel(col.Letter() + " 列 “" + oneLine(col.Text) + "”")
		text.Truncation = fyne.TextTruncateEllipsis
		src.columns.Add(container.NewGridWithColumns(2, text, sel))
	}
	src.columns.Refresh()

	var probs []string
	for _, pr := range pv.Problems {
		probs = append(probs, pr.String())
	}
	if len(probs) == 0 {
		probs = []string{"没有发现问题。"}
	}
	src.problems.SetText(strings.Join(probs, "\n"))
}
