// Package tasksheet reads and writes a year's 任务分解表 as .xlsx: the
// office's own print-ready layout, a user's template filled in place, one
// workbook per department to send out, and (in the reading half) the
// tables that come back.
//
// The writers are functions of (data, file): FromStore gathers what they
// need once, and Write, FillTemplate and Distribute never touch the store.
package tasksheet

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"fazhi/data"

	"github.com/xuri/excelize/v2"
)

// Export is everything an export of one year's 任务分解表 needs, gathered
// from the store once, so that writing is a pure function of this value
// and the file (and a test needs no store).
type Export struct {
	Plan    data.Plan
	Tasks   []data.TaskDraft // in plan order, departments by canonical name
	Depts   map[uint64]string
	Profile data.Profile
	// AsOf cuts progress off at a day and puts （截至…） in the title; zero
	// means everything recorded so far and no date in the title.
	AsOf data.Date
	// Date is the 填报日期 on the footer line; zero means AsOf, else today.
	Date data.Date
}

// FromStore gathers a year's plan, tasks, department names and profile.
func FromStore(s *data.Store, year int, asOf data.Date) (Export, error) {
	doc, err := s.PlanWithNames(year)
	if err != nil {
		return Export{}, err
	}
	prof, err := s.Profile()
	if err != nil {
		return Export{}, err
	}
	depts, err := s.Departments()
	if err != nil {
		return Export{}, err
	}
	names := make(map[uint64]string, len(depts))
	for _, d := range depts {
		names[d.ID] = d.Name
	}
	return Export{Plan: doc.Plan, Tasks: doc.Tasks, Depts: names, Profile: prof, AsOf: asOf}, nil
}

// Title is the table's heading: 黄江镇2024年法治政府建设任务分解表, with
// （截至2024年6月30日） when the export is cut off at a day.
func (in Export) Title() string {
	t := fmt.Sprintf("%s%d年法治政府建设任务分解表", in.Profile.ShortName(), in.Plan.Year)
	if !in.AsOf.IsZero() {
		t += "（截至" + in.AsOf.Chinese() + "）"
	}
	return t
}

func (in Export) footerDate() data.Date {
	switch {
	case !in.Date.IsZero():
		return in.Date
	case !in.AsOf.IsZero():
		return in.AsOf
	}
	return data.Today()
}

// FooterLine is the 填报单位/联系人/联系电话/填报日期 line under the table,
// from the profile; blanks stay as underscores for a pen.
func (in Export) FooterLine() string {
	or := func(s string) string {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
		return "________"
	}
	return "填报单位：" + or(in.Profile.Name) + "　　联系人：" + or(in.Profile.Contact) +
		"　　联系电话：" + or(in.Profile.Phone) + "　　填报日期：" + in.footerDate().Chinese()
}

// writeWidths are column widths in Excel's character units, chosen for
// Chinese text at 11 pt (one hanzi is about two units): the task and its
// progress get the room, the short columns just fit their header.
var writeWidths = map[Column]float64{
	ColNo:          6,
	ColTask:        46,
	ColLead:        14,
	ColCooperate:   16,
	ColResponsible: 14,
	ColDeadline:    15,
	ColProgress:    40,
	ColStatus:      9,
	ColNote:        12,
	ColUnknown:     14,
	ColID:          16,
}

// remarkKey is the Extra entry that holds a task's 备注: the readers keep
// the remarks column among the unknown ones, and we print it in its place.
const remarkKey = "备注"

type column struct {
	field Column
	title string
	key   string // Extra key for ColUnknown
}

// columns decides the table's columns: 责任单位 only when some task uses
// it, and every extra column any task carries, in name order.
func columns(tasks []data.TaskDraft) []column {
	resp := false
	extra := map[string]bool{}
	for _, t := range tasks {
		resp = resp || len(t.ResponsibleNames) > 0 || (t.AllRelevant && len(t.LeadNames) == 0)
		for k := range t.Extra {
			extra[k] = true
		}
	}
	var cols []column
	for _, f := range []Column{ColNo, ColTask, ColLead, ColCooperate, ColResponsible, ColDeadline, ColProgress, ColStatus, ColNote} {
		if f == ColResponsible && !resp {
			continue
		}
		cols = append(cols, column{field: f, title: f.Title()})
	}
	known := map[string]bool{}
	for _, c := range Columns {
		known[c.Title()] = true
	}
	var keys []string
	for k := range extra {
		if !known[k] {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		cols = append(cols, column{field: ColUnknown, title: k, key: k})
	}
	return cols
}

// cellText is what one task shows in one column, as text.
func (in Export) cellText(t data.TaskDraft, c column) string {
	join := func(names []string) string { return strings.Join(names, "、") }
	switch c.field {
	case ColTask:
		if strings.TrimSpace(t.Text) != "" {
			return t.Text
		}
		return t.Title
	case ColLead:
		return join(t.LeadNames)
	case ColCooperate:
		if t.AllRelevant && len(t.LeadNames) > 0 {
			return join(append(slices.Clip(t.CooperateNames), "各有关部门"))
		}
		return join(t.CooperateNames)
	case ColResponsible:
		if t.AllRelevant && len(t.LeadNames) == 0 {
			return join(append(slices.Clip(t.ResponsibleNames), "各有关部门"))
		}
		return join(t.ResponsibleNames)
	case ColDeadline:
		if t.Deadline.IsZero() && !t.LongTerm {
			return t.DeadlineText
		}
		return t.DeadlineLabel()
	case ColProgress:
		return in.progressText(t.Task)
	case ColStatus:
		return string(t.Status)
	case ColNote:
		return t.Extra[remarkKey]
	case ColUnknown:
		return t.Extra[c.key]
	case ColID:
		return TaskRef(t.Year, t.ID)
	}
	return ""
}

// progressText lists the task's progress up to AsOf, oldest first, one
// entry a line: 2024年6月30日（人力资源分局）：已培训执法人员64人.
func (in Export) progressText(t data.Task) string {
	ps := slices.Clone(t.Progress)
	slices.SortStableFunc(ps, func(a, b data.Progress) int {
		switch {
		case a.Date.Before(b.Date):
			return -1
		case b.Date.Before(a.Date):
			return 1
		}
		return a.At.Compare(b.At)
	})
	var lines []string
	for _, p := range ps {
		if !in.AsOf.IsZero() && in.AsOf.Before(p.Date) {
			continue
		}
		line := p.Date.Chinese()
		if name := in.Depts[p.Dept]; name != "" {
			line += "（" + name + "）"
		}
		if line != "" {
			line += "："
		}
		lines = append(lines, line+p.Text)
	}
	return strings.Join(lines, "\n")
}

// chapterTitle is a chapter row's text: 一、全面提高政府依法履职能力.
func (in Export) chapterTitle(no string) string {
	for _, c := range in.Plan.Chapters {
		if c.No == no {
			if c.Title == "" {
				return no + "、"
			}
			return no + "、" + c.Title
		}
	}
	return no + "、"
}

// layout is what differs between our own table and a distributed one.
type layout struct {
	title         string
	instructions  string // a row under the title; "" for none
	tasks         []data.TaskDraft
	idColumn      bool        // hidden 任务标识 last column
	blankProgress bool        // 进展情况 left empty, for the department to fill
	statusList    bool        // a drop-down of the four statuses on 状态
	fillProgress  bool        // 进展情况 shaded: the cells to fill
	meta          [][2]string // rows of the very hidden _fazhi sheet; nil for none
}

// Write writes the year's table in our own print-ready layout: title,
// header, chapter rows and tasks with borders and wrapped text, A4
// landscape fitted to the page width, header repeated on every page and
// frozen on screen, and the 填报单位 line under it.
func Write(w io.Writer, in Export) error {
	f, err := in.workbook(layout{title: in.Title(), tasks: in.Tasks})
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.WriteTo(w)
	return err
}

// styles are the workbook's cell formats, made once per file.
type styles struct {
	title, instructions, header, chapter, text, center, number, fill, footer int
}

func newStyles(f *excelize.File) (styles, error) {
	var s styles
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	body := &excelize.Font{Family: "宋体", Size: 11}
	// NumFmt 49 is "@", text: a cell that begins with = + - @ stays text
	// even when someone edits it in Excel or WPS later.
	const text = 49
	defs := []struct {
		id    *int
		style excelize.Style
	}{
		{&s.title, excelize.Style{Font: &excelize.Font{Family: "宋体", Size: 18, Bold: true},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&s.instructions, excelize.Style{Font: &excelize.Font{Family: "宋体", Size: 10, Color: "C00000"}, NumFmt: text,
			Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}}},
		{&s.header, excelize.Style{Font: &excelize.Font{Family: "黑体", Size: 11, Bold: true}, Border: border, NumFmt: text,
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&s.chapter, excelize.Style{Font: &excelize.Font{Family: "黑体", Size: 11, Bold: true}, Border: border, NumFmt: text,
			Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}}},
		{&s.text, excelize.Style{Font: body, Border: border, NumFmt: text,
			Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}}},
		{&s.center, excelize.Style{Font: body, Border: border, NumFmt: text,
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&s.number, excelize.Style{Font: body, Border: border,
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&s.fill, excelize.Style{Font: body, Border: border, NumFmt: text,
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}},
			Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}}},
		{&s.footer, excelize.Style{Font: body, NumFmt: text,
			Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(&d.style)
		if err != nil {
			return s, err
		}
		*d.id = id
	}
	return s, nil
}

// styleOf is the body style of a column.
func (s styles) of(c column, l layout) int {
	switch c.field {
	case ColNo:
		return s.number
	case ColDeadline, ColStatus, ColLead, ColCooperate, ColResponsible:
		return s.center
	case ColProgress:
		if l.fillProgress {
			return s.fill
		}
	}
	return s.text
}

// workbook builds the table with excelize's StreamWriter: rows go straight
// to a buffer instead of a cell tree, which keeps 5,000 tasks well under a
// second. The stream fixes the order of things: sheet properties before
// the writer exists, panes and column widths before the first row, page
// setup and validations before Flush.
func (in Export) workbook(l layout) (f *excelize.File, err error) {
	f = excelize.NewFile()
	defer func() {
		if err != nil {
			f.Close()
			f = nil
		}
	}()
	if err = f.SetSheetName("Sheet1", DistSheet); err != nil {
		return nil, err
	}
	if l.meta != nil {
		if err = writeMeta(f, l.meta); err != nil {
			return nil, err
		}
	}
	st, err := newStyles(f)
	if err != nil {
		return nil, err
	}
	cols := columns(l.tasks)
	if l.idColumn {
		cols = append(cols, column{field: ColID, title: ColID.Title()})
	}
	visible := len(cols)
	if l.idColumn {
		visible--
	}
	lastVisible, _ := excelize.ColumnNumberToName(visible)

	fit := true
	if err = f.SetSheetProps(DistSheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(DistSheet)
	if err != nil {
		return nil, err
	}
	headerRow := 2
	if l.instructions != "" {
		headerRow = 3
	}
	topLeft, _ := excelize.CoordinatesToCellName(1, headerRow+1)
	if err = sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: headerRow, TopLeftCell: topLeft, ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: topLeft, ActiveCell: topLeft, Pane: "bottomLeft"}}}); err != nil {
		return nil, err
	}
	for i, c := range cols {
		if err = sw.SetColWidth(i+1, i+1, writeWidths[c.field]); err != nil {
			return nil, err
		}
	}
	if l.idColumn {
		if err = sw.SetColVisible(len(cols), len(cols), false); err != nil {
			return nil, err
		}
	}

	row := 1
	merged := func(text string, style int, height float64) error {
		cell, _ := excelize.CoordinatesToCellName(1, row)
		vals := make([]any, visible)
		vals[0] = excelize.Cell{StyleID: style, Value: text}
		for i := 1; i < visible; i++ {
			vals[i] = excelize.Cell{StyleID: style}
		}
		if err := sw.SetRow(cell, vals, excelize.RowOpts{Height: height}); err != nil {
			return err
		}
		if visible > 1 {
			return sw.MergeCell(cell, fmt.Sprintf("%s%d", lastVisible, row))
		}
		return nil
	}
	if err = merged(l.title, st.title, 36); err != nil {
		return nil, err
	}
	row++
	if l.instructions != "" {
		if err = merged(l.instructions, st.instructions, 48); err != nil {
			return nil, err
		}
		row++
	}
	head := make([]any, len(cols))
	for i, c := range cols {
		head[i] = excelize.Cell{StyleID: st.header, Value: c.title}
	}
	if err = sw.SetRow(fmt.Sprintf("A%d", row), head, excelize.RowOpts{Height: 30}); err != nil {
		return nil, err
	}
	row++
	firstData := row

	chapter := "\x00"
	vals := make([]any, len(cols))
	for _, t := range l.tasks {
		if t.Chapter != chapter {
			chapter = t.Chapter
			if chapter != "" {
				if err = merged(in.chapterTitle(chapter), st.chapter, 0); err != nil {
					return nil, err
				}
				row++
			}
		}
		for i, c := range cols {
			style := st.of(c, l)
			switch {
			case c.field == ColNo && t.No > 0:
				vals[i] = excelize.Cell{StyleID: style, Value: t.No}
			case c.field == ColProgress && l.blankProgress:
				vals[i] = excelize.Cell{StyleID: style}
			default:
				vals[i] = excelize.Cell{StyleID: style, Value: in.cellText(t, c)}
			}
		}
		if err = sw.SetRow(fmt.Sprintf("A%d", row), vals, excelize.RowOpts{Height: rowHeight(cols, vals)}); err != nil {
			return nil, err
		}
		row++
	}
	lastData := row - 1
	row++ // a blank line before the signature line
	if err = merged(in.FooterLine(), st.footer, 24); err != nil {
		return nil, err
	}

	if err = in.pageSetup(f, headerRow, row, lastVisible); err != nil {
		return nil, err
	}
	if l.statusList && lastData >= firstData {
		for i, c := range cols {
			if c.field != ColStatus {
				continue
			}
			name, _ := excelize.ColumnNumberToName(i + 1)
			dv := excelize.NewDataValidation(true)
			dv.Sqref = fmt.Sprintf("%s%d:%s%d", name, firstData, name, lastData)
			var list []string
			for _, s := range data.Statuses {
				list = append(list, string(s))
			}
			if err = dv.SetDropList(list); err != nil {
				return nil, err
			}
			if err = f.AddDataValidation(DistSheet, dv); err != nil {
				return nil, err
			}
		}
	}
	if err = sw.Flush(); err != nil {
		return nil, err
	}
	return f, nil
}

// pageSetup: A4 landscape, one page wide and as many long as needed, the
// header row repeated on every page, the table centred, and page numbers
// in the footer (a stamped table of 40 pages must stay in order).
func (in Export) pageSetup(f *excelize.File, headerRow, lastRow int, lastCol string) error {
	size, orient, one, zero := 9, "landscape", 1, 0
	if err := f.SetPageLayout(DistSheet, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero,
	}); err != nil {
		return err
	}
	m := func(v float64) *float64 { return &v }
	yes := true
	if err := f.SetPageMargins(DistSheet, &excelize.PageLayoutMarginsOptions{
		Left: m(0.5), Right: m(0.5), Top: m(0.6), Bottom: m(0.6), Header: m(0.3), Footer: m(0.3), Horizontally: &yes,
	}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(DistSheet, &excelize.HeaderFooterOptions{OddFooter: "&C第 &P 页，共 &N 页"}); err != nil {
		return err
	}
	if err := f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", Scope: DistSheet,
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", DistSheet, headerRow, headerRow),
	}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Area", Scope: DistSheet,
		RefersTo: fmt.Sprintf("'%s'!$A$1:$%s$%d", DistSheet, lastCol, lastRow),
	})
}

// now is the clock distributed workbooks record; tests replace it.
var now = time.Now
