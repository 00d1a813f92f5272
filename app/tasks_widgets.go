package app

import (
	"image/color"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fazhi/data"
)

// The small widgets of the 任务分解表 view: a table cell with a traffic
// light, an entry that reports losing focus, a Chinese date field with a
// month calendar, and the department chooser.

// taskCell is the one template every column of the task table recycles: a
// row highlight behind, a light (shown only in the 状态 column) and the text.
type taskCell struct {
	widget.BaseWidget
	bg       *canvas.Rectangle
	light    *canvas.Circle
	lightBox *fyne.Container
	label    *widget.Label
}

func newTaskCell() *taskCell {
	c := &taskCell{bg: canvas.NewRectangle(color.Transparent), light: canvas.NewCircle(color.Transparent), label: widget.NewLabel("")}
	// Clip, with the ellipsis put in by fitText: Fyne's own ellipsis shapes
	// the text anew on every change, which made a screenful of cells take
	// 20 ms to refresh instead of 1.5 ms.
	c.label.Truncation = fyne.TextTruncateClip
	dot := container.NewGridWrap(fyne.NewSize(12, 12), c.light)
	c.lightBox = container.New(layout.NewCustomPaddedLayout(0, 0, lightWidth-12, 0), container.NewCenter(dot))
	c.ExtendBaseWidget(c)
	return c
}

func (c *taskCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(c.bg, container.NewBorder(nil, nil, c.lightBox, nil, c.label)))
}

// set shows text, shortened with an ellipsis to a column width wide, with
// the light in colour lit (nil for none) and the row highlighted when
// selected.
func (c *taskCell) set(text string, width float32, lit color.Color, importance widget.Importance, selected bool) {
	room := width - 2*theme.InnerPadding()
	if lit != nil {
		room -= lightWidth
	}
	text = fitText(text, room)
	if lit == nil {
		c.lightBox.Hide()
	} else {
		c.light.FillColor = lit
		c.light.Refresh()
		c.lightBox.Show()
	}
	var bg color.Color = color.Transparent
	if selected {
		bg = theme.Color(theme.ColorNameSelection)
	}
	if c.bg.FillColor != bg {
		c.bg.FillColor = bg
		c.bg.Refresh()
	}
	if c.label.Text != text || c.label.Importance != importance {
		c.label.Importance = importance
		c.label.SetText(text)
	}
}

// lightWidth is the room the light takes before the text: the dot and the
// padding on its left.
const lightWidth = 12 + 8

// fitText shortens s with an ellipsis so it is at most width wide in the
// theme's text size, and joins its lines: a table row shows one line.
func fitText(s string, width float32) string {
	s = strings.Join(strings.Fields(s), " ")
	size, style := theme.TextSize(), fyne.TextStyle{}
	if fyne.MeasureText(s, size, style).Width <= width {
		return s
	}
	r := []rune(s)
	lo, hi := 0, len(r)-1 // the longest prefix that fits with "…" is r[:lo]
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(r[:mid])+"…", size, style).Width <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return string(r[:lo]) + "…"
}

// lightColor is the theme's colour for a task's light.
func lightColor(l data.Light) color.Color {
	switch l {
	case data.LightRed:
		return theme.Color(theme.ColorNameError)
	case data.LightYellow:
		return theme.Color(theme.ColorNameWarning)
	}
	return theme.Color(theme.ColorNameSuccess)
}

// blurEntry is an Entry that tells when it loses focus, so typed text is
// stored the moment the clerk moves elsewhere, not only after the pause.
type blurEntry struct {
	widget.Entry
	onBlur func()
}

func newBlurEntry(multiLine bool) *blurEntry {
	e := &blurEntry{}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
	}
	e.ExtendBaseWidget(e)
	return e
}

func (e *blurEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onBlur != nil {
		e.onBlur()
	}
}

// newDateField is an entry for a date written 2024-06-30 (what
// data.ParseDate reads) with a calendar button beside it. Fyne's DateEntry
// is not used: it writes dates day first (30/06/2024) for a Chinese locale
// and titles its calendar in English. picked runs after a day is chosen
// in the calendar.
func newDateField(picked func()) *blurEntry {
	e := newBlurEntry(false)
	e.SetPlaceHolder("如 2024-06-30")
	btn := widget.NewButtonWithIcon("", theme.CalendarIcon(), nil)
	btn.Importance = widget.LowImportance
	btn.OnTapped = func() {
		c := fyne.CurrentApp().Driver().CanvasForObject(e)
		if c == nil {
			return
		}
		var pop *widget.PopUp
		cal := newMonthCalendar(dateOf(e.Text), func(d data.Date) {
			pop.Hide()
			e.SetText(d.String())
			if picked != nil {
				picked()
			}
		})
		pop = widget.NewPopUp(cal.box, c)
		// Below the field, or above it where the window ends too soon.
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
		below := pos.Add(fyne.NewPos(0, e.Size().Height))
		if h := pop.MinSize().Height; below.Y+h > c.Size().Height && pos.Y-h >= 0 {
			below = pos.Subtract(fyne.NewPos(0, h))
		}
		pop.ShowAtPosition(below)
	}
	e.ActionItem = btn
	return e
}

// dateOf reads a date field; an empty or unreadable one gives no date.
func dateOf(s string) data.Date {
	d, err := data.ParseDate(strings.TrimSpace(s))
	if err != nil {
		return data.Date{}
	}
	return d
}

// timeOf converts a day for date arithmetic in the calendar. data.Date has
// no month or day accessors, so it goes through its string form.
func timeOf(d data.Date) time.Time {
	t, err := time.Parse("2006-01-02", d.String())
	if err != nil {
		return time.Time{}
	}
	return t
}

// monthCalendar is a month of day buttons with 年/月 navigation, in Chinese
// and with weeks starting on Monday as Chinese calendars do.
type monthCalendar struct {
	month    time.Time // the first of the month shown
	selected data.Date
	pick     func(data.Date)
	title    *widget.Label
	days     *fyne.Container
	box      fyne.CanvasObject
}

func newMonthCalendar(selected data.Date, pick func(data.Date)) *monthCalendar {
	start := timeOf(selected)
	if selected.IsZero() {
		start = time.Now()
	}
	c := &monthCalendar{selected: selected, pick: pick}
	c.month = time.Date(start.Year(), start.Month(), 1, 0, 0, 0, 0, time.UTC)
	c.title = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	c.days = container.NewGridWithColumns(7)
	step := func(years, months int) func() {
		return func() {
			c.month = c.month.AddDate(years, months, 0)
			c.build()
		}
	}
	nav := container.NewBorder(nil, nil,
		container.NewHBox(widget.NewButtonWithIcon("", theme.MediaFastRewindIcon(), step(-1, 0)),
			widget.NewButtonWithIcon("", theme.NavigateBackIcon(), step(0, -1))),
		container.NewHBox(widget.NewButtonWithIcon("", theme.NavigateNextIcon(), step(0, 1)),
			widget.NewButtonWithIcon("", theme.MediaFastForwardIcon(), step(1, 0))),
		c.title)
	today := widget.NewButton("今天", func() { pick(data.Today()) })
	c.box = container.NewVBox(nav, c.days, container.NewCenter(today))
	c.build()
	return c
}

func (c *monthCalendar) build() {
	c.title.SetText(strconv.Itoa(c.month.Year()) + "年" + strconv.Itoa(int(c.month.Month())) + "月")
	objs := make([]fyne.CanvasObject, 0, 7+6+31)
	for _, w := range []string{"一", "二", "三", "四", "五", "六", "日"} {
		objs = append(objs, widget.NewLabelWithStyle(w, fyne.TextAlignCenter, fyne.TextStyle{}))
	}
	lead := (int(c.month.Weekday()) + 6) % 7 // Monday first
	for range lead {
		objs = append(objs, widget.NewLabel(""))
	}
	today := data.Today()
	for d := c.month; d.Month() == c.month.Month(); d = d.AddDate(0, 0, 1) {
		day := data.DateOf(d)
		b := widget.NewButton(strconv.Itoa(d.Day()), func() { c.pick(day) })
		switch day {
		case c.selected:
			b.Importance = widget.HighImportance
		case today:
			b.Importance = widget.MediumImportance
		default:
			b.Importance = widget.LowImportance
		}
		objs = append(objs, b)
	}
	c.days.Objects = objs
	c.days.Refresh()
}

// deptPicker shows the departments of one role on a task and a button that
// opens the chooser; choose is what the chooser (and tests) call.
type deptPicker struct {
	title  string
	names  *widget.Label
	button *widget.Button
	ids    []uint64
	choose func(ids []uint64)
	box    fyne.CanvasObject
}

func newDeptPicker(title string, all func() []data.Department, w func() fyne.Window) *deptPicker {
	p := &deptPicker{title: title, names: widget.NewLabel("")}
	p.names.Wrapping = fyne.TextWrapWord
	p.button = widget.NewButton("选择…", func() {
		chooseDepts("选择"+p.title, all(), p.ids, w(), func(ids []uint64) {
			if p.choose != nil {
				p.choose(ids)
			}
		})
	})
	p.box = container.NewBorder(nil, nil, nil, container.NewVBox(p.button), p.names)
	return p
}

func (p *deptPicker) show(ids []uint64, name func(uint64) string) {
	p.ids = ids
	if len(ids) == 0 {
		p.names.SetText("（无）")
		return
	}
	ns := make([]string, len(ids))
	for i, id := range ids {
		ns[i] = name(id)
	}
	p.names.SetText(strings.Join(ns, "、"))
}

// chooseDepts lets the clerk tick departments out of the register (thirty
// or more: three columns and a search box). The departments already chosen
// keep their order, so the lead named first stays first; newly ticked ones
// follow in register order. Cancelling changes nothing.
func chooseDepts(title string, all []data.Department, chosen []uint64, w fyne.Window, done func([]uint64)) {
	checks := make([]*widget.Check, len(all))
	grid := container.NewGridWithColumns(3)
	for i, d := range all {
		checks[i] = widget.NewCheck(d.Name, nil)
		checks[i].Checked = slices.Contains(chosen, d.ID)
		grid.Add(checks[i])
	}
	search := widget.NewEntry()
	search.SetPlaceHolder("查找部门或别名")
	search.OnChanged = func(q string) {
		q = data.NormalizeName(q)
		for i, d := range all {
			if q == "" || strings.Contains(d.Name+"、"+strings.Join(d.Aliases, "、"), q) {
				checks[i].Show()
			} else {
				checks[i].Hide()
			}
		}
		grid.Refresh()
	}
	var content fyne.CanvasObject
	if len(all) == 0 {
		content = widget.NewLabel("部门登记中还没有部门。请先到“部门”页添加。")
	} else {
		scroll := container.NewVScroll(grid)
		scroll.SetMinSize(fyne.NewSize(560, 320))
		content = container.NewBorder(search, nil, nil, nil, scroll)
	}
	d := newConfirmDialog(title, content, w, func() {
		var out []uint64
		for _, id := range chosen {
			if i := slices.IndexFunc(all, func(d data.Department) bool { return d.ID == id }); i >= 0 && checks[i].Checked {
				out = append(out, id)
			}
		}
		for i, d := range all {
			if checks[i].Checked && !slices.Contains(out, d.ID) {
				out = append(out, d.ID)
			}
		}
		done(out)
	})
	d.Resize(fyne.NewSize(620, 480))
	d.Show()
}

// fixedWidth gives its one object a set width and its own height: Selects
// are as wide as their placeholder otherwise.
type fixedWidth float32

func (w fixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(float32(w), h)
}

func (w fixedWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func withWidth(w float32, o fyne.CanvasObject) fyne.CanvasObject {
	return container.New(fixedWidth(w), o)
}
