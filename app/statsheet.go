package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"fazhi/data"
	"fazhi/export/safefile"
	"fazhi/export/statsheet"
	"fazhi/export/workbook"
)

// This file is the city's statistical return in the window: fill its
// template with the year's figures, read a filled return back, and sum
// many units' returns. export/statsheet reads, maps and writes the files,
// as on the command line; here are only the choices, the mapping the clerk
// corrects, the progress bar and the previews.

// howTitles say, in the mapping dialog, how a row was matched.
var howTitles = map[string]string{statsheet.HowExact: "名称一致", statsheet.HowAlias: "别名", statsheet.HowSimilar: "相似，请核对", statsheet.HowManual: "手工指定"}

// prefSumExpect is where earlier versions kept the units that owe a return
// for the 汇总; the list now lives in the data file (moveExpectedUnits).
const prefSumExpect = "sumExpect"

// moveExpectedUnits moves the list of units that owe a return from this
// PC's preferences into the data file, once: a list the file has already
// wins. The preference is cleared only when the file holds the list.
func moveExpectedUnits(prefs fyne.Preferences, s *data.Store) error {
	old := prefs.String(prefSumExpect)
	if old == "" {
		return nil
	}
	have, err := s.ExpectedUnits()
	if err != nil {
		return err
	}
	if len(have) == 0 {
		if err := s.SetExpectedUnits(data.SplitNames(old)); err != nil {
			return err
		}
	}
	prefs.RemoveValue(prefSumExpect)
	return nil
}

// noIndicator is the mapping choice that leaves a row unfilled.
const noIndicator = "（不填）"

// chooseWorkbook asks for one workbook; cancelling does nothing.
func chooseWorkbook(w fyne.Window, then func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showError(err, w)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		then(path)
	}, w)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx", ".xls", ".XLSX", ".XLS"}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// readTemplate reads a workbook off the UI goroutine and proposes its
// mapping.
func (v *statsView) readTemplate(path string, then func(wb *statsheet.Workbook, p statsheet.Proposal, cat []data.Indicator)) {
	var (
		wb  *statsheet.Workbook
		p   statsheet.Proposal
		cat []data.Indicator
	)
	runLong(v.u.win, "正在读取报表", func(ctx context.Context) (err error) {
		if wb, err = statsheet.ReadFile(path); err != nil {
			return err
		}
		p, cat, err = statsheet.ProposeFor(v.u.store, wb)
		return err
	}, func(err error) {
		if err != nil {
			showError(err, v.u.win)
			return
		}
		then(wb, p, cat)
	})
}

// mappingEditor shows which cell of a return holds which indicator and
// lets the clerk change it: pick another indicator for a row, leave a row
// out, or put an indicator at a cell by hand (a cross table such as the
// 行政复议 return, where nothing maps by its label).
type mappingEditor struct {
	wb    *statsheet.Workbook
	p     statsheet.Proposal
	cat   []data.Indicator
	names []string // the Select's choices
	code  map[string]string
	// selects are the rows' pickers by cell (Sheet!E5), for tests.
	selects map[string]*widget.Select
	rows    *fyne.Container
	note    *widget.Label
	add     *widget.Select
	cell    *widget.Entry
	box     fyne.CanvasObject
	win     fyne.Window
}

func newMappingEditor(wb *statsheet.Workbook, p statsheet.Proposal, cat []data.Indicator, w fyne.Window) *mappingEditor {
	m := &mappingEditor{wb: wb, p: p, cat: cat, code: map[string]string{}, win: w}
	m.names = []string{noIndicator}
	for _, ind := range cat {
		if !ind.Retired {
			m.names = append(m.names, ind.Name)
			m.code[ind.Name] = ind.Code
		}
	}
	m.rows = container.NewVBox()
	m.note = widget.NewLabel("")
	m.note.Wrapping = fyne.TextWrapWord
	m.add = widget.NewSelect(m.names[1:], nil)
	m.add.PlaceHolder = "选择指标"
	m.cell = widget.NewEntry()
	m.cell.SetPlaceHolder("单元格，如 F59")
	addButton := widget.NewButton("指定", func() { m.addByHand() })
	m.cell.OnSubmitted = func(string) { m.addByHand() }
	addRow := container.NewBorder(nil, nil, widget.NewLabel("手工指定："), addButton, container.NewGridWithColumns(2, m.add, m.cell))
	scroll := container.NewVScroll(m.rows)
	scroll.SetMinSize(fyne.NewSize(720, 340))
	m.box = container.NewBorder(m.note, addRow, nil, nil, scroll)
	m.rebuild()
	return m
}

// rebuild lays the rows out again in sheet order.
func (m *mappingEditor) rebuild() {
	cells := slices.Clone(m.p.Cells)
	slices.SortStableFunc(cells, func(a, b data.MappedCell) int {
		if a.Sheet != b.Sheet {
			return strings.Compare(a.Sheet, b.Sheet)
		}
		if a.Row != b.Row {
			return a.Row - b.Row
		}
		return a.Col - b.Col
	})
	m.rows.Objects = nil
	m.selects = map[string]*widget.Select{}
	for _, c := range cells {
		m.rows.Add(m.row(c))
	}
	m.rows.Refresh()
	switch {
	case m.p.Known:
		m.note.SetText(fmt.Sprintf("这个格式的报表以前已对应过，沿用保存的对应关系（%d项）。如有不对，可在下面改正。", len(m.p.Cells)))
	case len(m.p.Cells) == 0:
		m.note.SetText("没有按栏目名称找到任何指标。交叉表（如行政复议统计报表）请在下面逐项手工指定：选指标，填它在表中的单元格（如 F59，或 工作表名!F59）。")
	default:
		m.note.SetText(fmt.Sprintf("按栏目名称找到%d个指标。请核对标为“相似”的行；选“%s”则这一行不填。确定后保存，同样格式的报表以后自动对应。", len(m.p.Cells), noIndicator))
	}
}

func (m *mappingEditor) row(c data.MappedCell) fyne.CanvasObject {
	where := widget.NewLabel(c.Sheet + "!" + statsheet.CellName(c.Col, c.Row))
	label := widget.NewLabel(oneLine(c.Label))
	label.Truncation = fyne.TextTruncateEllipsis
	how := widget.NewLabel(howTitles[m.p.How[c.Code]])
	if m.p.How[c.Code] == statsheet.HowSimilar {
		how.Importance = widget.WarningImportance
	}
	sel := widget.NewSelect(m.names, nil)
	sel.SetSelected(m.nameOf(c.Code))
	m.selects[c.Sheet+"!"+statsheet.CellName(c.Col, c.Row)] = sel
	sel.OnChanged = func(name string) {
		if name == noIndicator {
			m.p.Unset(c.Code)
		} else {
			m.p.Unset(c.Code)
			m.p.Set(m.code[name], c.Sheet, c.Row, c.Col)
		}
		m.rebuild()
	}
	left := container.NewGridWithColumns(2, where, label)
	return container.NewBorder(nil, nil, nil, container.NewHBox(how), container.NewGridWithColumns(2, left, sel))
}

func (m *mappingEditor) nameOf(code string) string {
	for _, ind := range m.cat {
		if ind.Code == code {
			return ind.Name
		}
	}
	return code
}

// addByHand puts the chosen indicator at the typed cell.
func (m *mappingEditor) addByHand() {
	if m.add.Selected == "" {
		showError(&data.UserError{Msg: "请先选择要指定的指标。"}, m.win)
		return
	}
	sheet, row, col, err := statsheet.ParseCell(m.wb, m.cell.Text)
	if err != nil {
		showError(err, m.win)
		return
	}
	m.p.Set(m.code[m.add.Selected], sheet, row, col)
	m.cell.SetText("")
	m.rebuild()
}

// editMapping shows the editor in a dialog; ok gets the corrected mapping,
// 取消 changes nothing.
func (v *statsView) editMapping(title, okText string, wb *statsheet.Workbook, p statsheet.Proposal, cat []data.Indicator, ok func(statsheet.Proposal)) *mappingEditor {
	m := newMappingEditor(wb, p, cat, v.u.win)
	d := dialog.NewCustomConfirm(title, okText, "取消", m.box, func(yes bool) {
		if !yes {
			return
		}
		if len(m.p.Cells) == 0 {
			showError(&data.UserError{Msg: "还没有对应任何指标，没有可以填写或读取的内容。请手工指定指标所在的单元格后再试。"}, v.u.win)
			return
		}
		ok(m.p)
	}, v.u.win)
	d.Resize(fyne.NewSize(820, 560))
	d.Show()
	return m
}

// exportTemplate fills the city's template with the year's figures, after
// the clerk has checked the mapping.
func (v *statsView) exportTemplate() {
	if err := data.StatsExportable(v.u.Year(), v.stats); err != nil {
		showError(err, v.u.win)
		return
	}
	chooseWorkbook(v.u.win, func(tpl string) {
		v.readTemplate(tpl, func(wb *statsheet.Workbook, p statsheet.Proposal, cat []data.Indicator) {
			if wb.IsXLS { // read to show the mapping, but it cannot be filled
				showError(workbook.XLSFillError(tpl), v.u.win)
				return
			}
			v.editMapping("核对报表栏目", "填写并导出", wb, p, cat, func(p statsheet.Proposal) {
				v.fillTo(tpl, p, filledName(tpl, v.u.store, v.u.Year()), nil)
			})
		})
	})
}

// filledName is where a filled template goes: beside the template, named
// after it with the office's short name and the year.
func filledName(tpl string, s *data.Store, year int) string {
	prof, _ := s.Profile()
	base := strings.TrimSuffix(filepath.Base(tpl), filepath.Ext(tpl))
	return filepath.Join(filepath.Dir(tpl), fmt.Sprintf("%s-%s%d年.xlsx", base, prof.ShortName(), year))
}

// fillTo writes the filled template to out, asking before it replaces a
// file, and keeps the mapping for next year.
func (v *statsView) fillTo(tpl string, p statsheet.Proposal, out string, done func(n int)) {
	year := v.u.Year()
	write := func(replace bool) {
		var n int
		runLong(v.u.win, "正在填写报表", func(ctx context.Context) (err error) {
			stats, err := v.u.store.Stats(year)
			if err != nil {
				return err
			}
			if n, err = statsheet.Fill(ctx, tpl, p.TemplateMap, stats, out, replace); err != nil {
				return err
			}
			return p.Keep(v.u.store)
		}, func(err error) {
			if err != nil {
				showError(err, v.u.win)
				return
			}
			v.u.noteExport("统计报表", out)
			if done != nil {
				done(n)
			}
			dialog.ShowInformation("已导出", fmt.Sprintf("已填写 %d 个单元格，模板的其他内容未改动：\n%s", n, out), v.u.win)
		})
	}
	if _, err := os.Lstat(out); err == nil {
		confirm("文件已存在", fmt.Sprintf("“%s”已经存在。要用新填写的报表覆盖它吗？", filepath.Base(out)), v.u.win, func() { write(true) })
		return
	}
	write(false)
}

// exportTable writes the year's figures as a plain table into a folder.
func (v *statsView) exportTable() {
	if err := data.StatsExportable(v.u.Year(), v.stats); err != nil {
		showError(err, v.u.win)
		return
	}
	chooseFolder(v.u.win, func(dir string) {
		prof, _ := v.u.store.Profile()
		title := fmt.Sprintf("%s%d年法治政府建设统计报表", prof.ShortName(), v.u.Year())
		out := filepath.Join(dir, title+".xlsx")
		write := func(replace bool) {
			if err := statsheet.WriteTable(title, v.stats, out, replace); err != nil {
				showError(err, v.u.win)
				return
			}
			v.u.noteExport("统计报表", out)
			dialog.ShowInformation("已导出", "已导出："+out, v.u.win)
		}
		if _, err := os.Lstat(out); err == nil {
			confirm("文件已存在", fmt.Sprintf("“%s”已经存在。要覆盖它吗？", filepath.Base(out)), v.u.win, func() { write(true) })
			return
		}
		write(false)
	})
}

// importReturn reads a filled return into the year's values: the mapping
// first, then the list of what would change, then (on 导入) one backup and
// one transaction.
func (v *statsView) importReturn() {
	v.flush()
	chooseWorkbook(v.u.win, func(path string) {
		v.readTemplate(path, func(wb *statsheet.Workbook, p statsheet.Proposal, cat []data.Indicator) {
			v.editMapping("核对报表栏目", "下一步", wb, p, cat, func(p statsheet.Proposal) {
				v.previewImport(wb, p, cat)
			})
		})
	})
}

// previewImport lists what a return would change and stores it on 导入.
func (v *statsView) previewImport(wb *statsheet.Workbook, p statsheet.Proposal, cat []data.Indicator) dialog.Dialog {
	year := v.u.Year()
	entries := statsheet.ReadValues(wb, p.TemplateMap, cat)
	changes, err := v.u.store.PreviewValues(year, entries)
	if err != nil {
		showError(err, v.u.win)
		return nil
	}
	if len(changes) == 0 {
		dialog.ShowInformation("没有变化", fmt.Sprintf("“%s”中的%d项数值与%d年已有的数据相同，没有需要导入的内容。", filepath.Base(wb.Path), len(entries), year), v.u.win)
		return nil
	}
	lines := make([]string, len(changes))
	for i, ch := range changes {
		lines[i] = ch.Indicator.Name + "：" + ch.Text()
	}
	list := widget.NewList(func() int { return len(lines) },
		func() fyne.CanvasObject { return widget.NewLabel("人民调解案件数：（空） → 2707件") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(lines[i]) })
	head := widget.NewLabel(fmt.Sprintf("将把“%s”中的数值导入%d年，以下%d项会改变（比率不读入，由分子、分母计算）：", filepath.Base(wb.Path), year, len(changes)))
	head.Wrapping = fyne.TextWrapWord
	box := container.NewBorder(head, nil, nil, nil, list)
	d := dialog.NewCustomConfirm("导入统计报表", "导入", "取消", box, func(ok bool) {
		if ok {
			v.storeImport(year, entries, p)
		}
	}, v.u.win)
	d.Resize(fyne.NewSize(640, 480))
	d.Show()
	return d
}

// storeImport keeps an accepted return: the values in one transaction
// (the store backs up first), then the mapping for next year.
func (v *statsView) storeImport(year int, entries []data.Entry, p statsheet.Proposal) {
	err := func() error {
		if _, err := v.u.store.ImportValues(year, entries); err != nil {
			return err
		}
		return p.Keep(v.u.store)
	}()
	if err != nil {
		showError(err, v.u.win)
		return
	}
	v.refresh()
}

// sumFolder is the 汇总: every return in a folder, one template, the
// summary written beside the folder.
func (v *statsView) sumFolder() {
	chooseFolder(v.u.win, func(dir string) {
		files, err := workbooksIn(dir)
		if err != nil {
			showError(err, v.u.win)
			return
		}
		if len(files) == 0 {
			showError(&data.UserError{Msg: "这个文件夹里没有 Excel 报表（.xlsx 或 .xls）。请把各单位报来的报表放在同一个文件夹里，再选择这个文件夹。"}, v.u.win)
			return
		}
		tpl := ""
		for _, f := range files {
			if xls, err := workbook.IsXLSFile(f); err == nil && !xls {
				tpl = f
				break
			}
		}
		if tpl == "" {
			showError(&data.UserError{Msg: "文件夹里的报表都是旧版 .xls，不能作为汇总表填写。请在 WPS 或 Excel 中把其中一份“另存为”Excel 工作簿（.xlsx）后再汇总。"}, v.u.win)
			return
		}
		v.readTemplate(tpl, func(wb *statsheet.Workbook, p statsheet.Proposal, cat []data.Indicator) {
			v.editMapping("核对报表栏目（各单位报表格式相同）", "下一步", wb, p, cat, func(p statsheet.Proposal) {
				// Which units owe a return, so the summary can name the missing
				// ones; kept in the data file for next time (and for the
				// command line).
				units, err := v.u.store.ExpectedUnits()
				if err != nil {
					showError(err, v.u.win)
				}
				askText("应报送的单位", "单位名称，用顿号分隔（可不填）", strings.Join(units, "、"), v.u.win, func(expect string) {
					if err := v.u.store.SetExpectedUnits(data.SplitNames(expect)); err != nil {
						showError(err, v.u.win)
					}
					out := filepath.Join(filepath.Dir(dir), filepath.Base(dir)+"-汇总.xlsx")
					v.sumTo(files, tpl, p, cat, data.SplitNames(expect), out, false, nil)
				})
			})
		})
	})
}

// sumTo reads and sums the returns off the UI goroutine and shows each
// unit's state; a cancelled 汇总 writes nothing.
func (v *statsView) sumTo(files []string, tpl string, p statsheet.Proposal, cat []data.Indicator, expect []string, out string, replace bool, done func(statsheet.Summary)) {
	var sum statsheet.Summary
	runLong(v.u.win, fmt.Sprintf("正在汇总 %d 份报表", len(files)), func(ctx context.Context) (err error) {
		if sum, err = statsheet.Sum(ctx, files, p.TemplateMap, cat, expect); err != nil {
			return err
		}
		if err := statsheet.WriteSummary(ctx, tpl, p.TemplateMap, cat, sum, out, replace); err != nil {
			return err
		}
		return p.Keep(v.u.store)
	}, func(err error) {
		switch {
		case errors.Is(err, safefile.ErrExists) && !replace:
			confirm("文件已存在", fmt.Sprintf("“%s”已经存在。要用新的汇总覆盖它吗？", filepath.Base(out)), v.u.win, func() { v.sumTo(files, tpl, p, cat, expect, out, true, done) })
			return
		case err != nil:
			showError(err, v.u.win)
			return
		}
		v.u.noteExport("统计汇总", out)
		if done != nil {
			done(sum)
		}
		v.showSummary(sum, out)
	})
}

// showSummary lists each return's state after a 汇总.
func (v *statsView) showSummary(sum statsheet.Summary, out string) {
	counted := 0
	lines := []string{}
	for _, u := range sum.Units {
		if u.Counted() {
			counted++
		}
		lines = append(lines, fmt.Sprintf("%s（%s）：%s", filepath.Base(u.Path), u.Unit, u.Status()))
	}
	if len(sum.Missing) > 0 {
		lines = append(lines, "未报送："+strings.Join(sum.Missing, "、"))
	}
	list := widget.NewList(func() int { return len(lines) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("甲村.xlsx（甲村）：已汇总")
			l.Wrapping = fyne.TextWrapWord
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(lines[i]) })
	head := widget.NewLabel(fmt.Sprintf("已汇总 %d 份报表（共 %d 份），比率按汇总后的分子、分母重新计算。汇总表和“各单位数据”表已写入：\n%s", counted, len(sum.Units), out))
	head.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("汇总完成", "确定", container.NewBorder(head, nil, nil, nil, list), v.u.win)
	d.Resize(fyne.NewSize(640, 460))
	d.Show()
}
