package statsheet

import (
	"context"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"

	"fazhi/data"
	"fazhi/export/safefile"
	"fazhi/export/workbook"
)

// cellValue is what a figure puts in its cell: the number (a rate as a
// percentage to two places), the text, or nothing when there is no value.
func cellValue(st data.Stat) (any, bool) {
	return figureCell(st.Kind, st.Value, st.Text, st.Has)
}

// lastYearCell is last year's figure for the plain table's 上年 column.
func lastYearCell(st data.Stat) (any, bool) {
	if st.Kind == data.KindText {
		return nil, false
	}
	return figureCell(st.Kind, st.LastYear, "", st.HasLast)
}

func figureCell(kind data.Kind, v float64, text string, has bool) (any, bool) {
	switch {
	case kind == data.KindText:
		return text, text != ""
	case !has:
		return nil, false
	case kind == data.KindRate:
		return math.Round(v*100) / 100, true
	}
	return v, true
}

// Fill writes a copy of the template with the figures in the mapped cells
// and nothing else changed, to out (an existing file only when replace).
// It returns how many cells it filled. A cancelled ctx leaves no file.
func Fill(ctx context.Context, templatePath string, m data.TemplateMap, figs []data.Stat, out string, replace bool) (int, error) {
	f, err := workbook.Edit(templatePath)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	byCode := map[string]data.Stat{}
	for _, fg := range figs {
		byCode[fg.Code] = fg
	}
	n := 0
	for _, c := range m.Cells {
		fg, ok := byCode[c.Code]
		if !ok {
			continue
		}
		v, ok := cellValue(fg)
		if !ok {
			continue
		}
		if err := f.SetCellValue(c.Sheet, cellName(c.Col, c.Row), v); err != nil {
			return n, fmt.Errorf("fill %s!%s: %w", c.Sheet, cellName(c.Col, c.Row), err)
		}
		n++
	}
	return n, safefile.WriteFile(out, replace, func(w io.Writer) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		return f.Write(w)
	})
}

// ReadValues reads a filled return's mapped cells as typed values (rates
// are skipped: they are computed from their parts). Empty cells are left
// out, so an import never clears a value the return does not give.
func ReadValues(wb *Workbook, m data.TemplateMap, cat []data.Indicator) []data.Entry {
	kind := map[string]data.Kind{}
	for _, ind := range cat {
		kind[ind.Code] = ind.Kind
	}
	sheets := map[string]Grid{}
	for _, g := range wb.Sheets {
		sheets[g.Sheet] = g
	}
	var out []data.Entry
	for _, c := range m.Cells {
		k, ok := kind[c.Code]
		if !ok || k == data.KindRate {
			continue
		}
		v := strings.TrimSpace(sheets[c.Sheet].at(c.Row, c.Col))
		if v == "" {
			continue
		}
		out = append(out, data.Entry{Name: c.Code, Text: v})
	}
	return out
}

// WriteTable writes the figures as a plain table, for an export without
// the city's template.
func WriteTable(title string, figs []data.Stat, out string, replace bool) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := "统计报表"
	f.SetSheetName("Sheet1", sheet)
	rows := [][]any{{title}, {"类别", "指标", "代码", "单位", "本年", "上年", "说明"}}
	for _, fg := range figs {
		row := []any{fg.Category, fg.Name, fg.Code, fg.Unit}
		if v, ok := cellValue(fg); ok {
			row = append(row, v)
		} else {
			row = append(row, "")
		}
		if v, ok := lastYearCell(fg); ok {
			row = append(row, v)
		} else {
			row = append(row, "")
		}
		rows = append(rows, append(row, fg.Explain))
	}
	for i, r := range rows {
		if err := f.SetSheetRow(sheet, cellName(0, i), &r); err != nil {
			return err
		}
	}
	f.SetColWidth(sheet, "B", "B", 34)
	f.SetColWidth(sheet, "G", "G", 40)
	return safefile.WriteFile(out, replace, func(w io.Writer) error { return f.Write(w) })
}
