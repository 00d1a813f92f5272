package app

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fazhi/data"
)

// view is one page behind the navigation. Pages build their widgets once and
// reload from the store in refresh, which runs each time the page is shown
// and when the year changes.
type view interface {
	content() fyne.CanvasObject
	refresh()
}

// searcher is a view with a search box, which Ctrl+F focuses.
type searcher interface{ searchEntry() fyne.Focusable }

// undoer is a view that can take back its last edit (Ctrl+Z outside a text
// field, where the field's own undo applies).
type undoer interface{ undo() }

// leaver is a view that may hold typed text not yet stored (the task
// editor saves after a pause in typing). leave stores it before the page is
// hidden or the window closes, so no keystroke is lost.
type leaver interface{ leave() }

type navEntry struct {
	key   string // for --view and tests
	label string
	icon  fyne.Resource
	view  view
}

// UI is the main window: navigation on the left, the year selector on top,
// the current view in the middle.
type UI struct {
	app   fyne.App
	win   fyne.Window
	store *data.Store

	year    int
	entries []navEntry
	current int

	nav        *widget.List
	body       *fyne.Container
	unit       *widget.Label
	yearSelect *widget.Select
}

// Preference keys: window-level choices, not business data, so they live in
// Fyne's preferences rather than the data file.
const (
	prefTheme  = "theme"
	prefYear   = "year"
	prefView   = "view"
	prefWidth  = "window.width"
	prefHeight = "window.height"
)

// New builds the main window on an open store. It does not show it, so tests
// can drive it with Fyne's test app.
func New(a fyne.App, s *data.Store) *UI {
	u := &UI{app: a, store: s, current: -1}
	u.win = a.NewWindow("法治政府建设台账")
	u.year = a.Preferences().IntWithFallback(prefYear, time.Now().Year())
	a.Settings().SetTheme(newTheme(a.Preferences().StringWithFallback(prefTheme, ThemeLight)))

	u.entries = []navEntry{
		{"overview", "概览", theme.HomeIcon(), newOverviewView(u)},
		{"tasks", "任务分解表", theme.ListIcon(), newTaskView(u)},
		{"stats", "统计报表", theme.GridIcon(), newStatsView(u)},
		{"report", "年度报告", theme.DocumentIcon(), newReportView(u)},
		{"depts", "部门", theme.AccountIcon(), newDeptView(u)},
		{"settings", "设置", theme.SettingsIcon(), newSettingsView(u)},
	}
	u.nav = widget.NewList(
		func() int { return len(u.entries) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel("任务分解表"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(u.entries[i].icon)
			row.Objects[1].(*widget.Label).SetText(u.entries[i].label)
		},
	)
	u.nav.OnSelected = func(i widget.ListItemID) { u.show(i) }

	u.body = container.NewStack()
	u.unit = widget.NewLabel("")
	u.yearSelect = widget.NewSelect(yearChoices(time.Now().Year(), u.year), func(s string) {
		if y, err := strconv.Atoi(s[:4]); err == nil && y != u.year {
			u.SetYear(y)
		}
	})
	u.yearSelect.SetSelected(yearLabel(u.year))

	title := widget.NewLabelWithStyle("法治政府建设台账", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewBorder(nil, nil, container.NewHBox(title, u.unit),
		container.NewHBox(widget.NewLabel("年度"), u.yearSelect))
	left := container.NewBorder(nil, nil, nil, widget.NewSeparator(), u.nav)
	u.win.SetContent(container.NewBorder(container.NewVBox(top, widget.NewSeparator()), nil, left, nil, u.body))
	prefs := a.Preferences()
	u.win.Resize(fyne.NewSize(
		float32(prefs.FloatWithFallback(prefWidth, 1280)),
		float32(prefs.FloatWithFallback(prefHeight, 800))))
	u.win.SetOnClosed(func() {
		u.leave()
		u.remember()
	})
	u.addShortcuts()
	if err := moveExpectedUnits(a.Preferences(), s); err != nil {
		fyne.LogError("move the 汇总's expected units into the data file", err)
	}
	u.refreshUnit()
	u.nav.Select(0)
	return u
}

// Window is the main window, for Run and tests.
func (u *UI) Window() fyne.Window { return u.win }

// Year is the year every view shows.
func (u *UI) Year() int { return u.year }

// SetYear switches every view to year y and remembers it for next start.
func (u *UI) SetYear(y int) {
	u.year = y
	u.app.Preferences().SetInt(prefYear, y)
	u.yearSelect.SetSelected(yearLabel(y))
	if u.current >= 0 {
		u.entries[u.current].view.refresh()
	}
}

// Show opens the view with the given key (overview, tasks, stats, report,
// depts, settings) and reports whether it exists.
func (u *UI) Show(key string) bool {
	for i, e := range u.entries {
		if e.key == key {
			u.nav.Select(i)
			return true
		}
	}
	return false
}

// ViewKeys lists the keys Show accepts, for --view and its help text.
func (u *UI) ViewKeys() []string {
	keys := make([]string, len(u.entries))
	for i, e := range u.entries {
		keys[i] = e.key
	}
	return keys
}

func (u *UI) show(i int) {
	if i == u.current {
		return
	}
	u.leave()
	u.current = i
	e := u.entries[i]
	e.view.refresh()
	u.body.Objects = []fyne.CanvasObject{e.view.content()}
	u.body.Refresh()
}

// remember keeps the window's size and page for the next start. Fyne gives
// no window position to keep.
func (u *UI) remember() {
	p := u.app.Preferences()
	size := u.win.Canvas().Size()
	if size.Width > 0 && size.Height > 0 {
		p.SetFloat(prefWidth, float64(size.Width))
		p.SetFloat(prefHeight, float64(size.Height))
	}
	if u.current >= 0 {
		p.SetString(prefView, u.entries[u.current].key)
	}
}

// LastView is the page the window showed when it was last closed, so Run
// can open there again.
func (u *UI) LastView() string { return u.app.Preferences().String(prefView) }

// addShortcuts binds the keys every page shares: Ctrl+F to the page's search
// box, Ctrl+Z to take back the page's last edit.
func (u *UI) addShortcuts() {
	c := u.win.Canvas()
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
		if s, ok := u.entries[u.current].view.(searcher); ok {
			c.Focus(s.searchEntry())
		}
	})
	c.AddShortcut(&fyne.ShortcutUndo{}, func(fyne.Shortcut) {
		if un, ok := u.entries[u.current].view.(undoer); ok {
			un.undo()
		}
	})
}

// openTask shows the 任务分解表 with task id open in the editor: the
// overview's list of urgent tasks leads there.
func (u *UI) openTask(id uint64) {
	for i, e := range u.entries {
		if tv, ok := e.view.(*taskView); ok {
			u.nav.Select(i)
			tv.open(id)
			return
		}
	}
}

// leave lets the current page store what is still pending.
func (u *UI) leave() {
	if u.current < 0 {
		return
	}
	if l, ok := u.entries[u.current].view.(leaver); ok {
		l.leave()
	}
}

// restored reloads what is on screen after the data file was replaced by a
// backup: the unit's name and the current view (the others reload when
// shown).
func (u *UI) restored() {
	u.refreshUnit()
	if u.current >= 0 {
		u.entries[u.current].view.refresh()
	}
}

// refreshUnit puts the office's short name in the title bar, so the clerk
// sees whose data is open.
func (u *UI) refreshUnit() {
	p, err := u.store.Profile()
	if err != nil || p.ShortName() == "" {
		u.unit.SetText("（尚未填写单位信息，请到“设置”中填写）")
		return
	}
	u.unit.SetText(p.ShortName())
}

func yearLabel(y int) string { return strconv.Itoa(y) + "年" }

// yearChoices offers the last five years and the next, plus the chosen year
// if it lies outside them (a data file carried over from long ago).
func yearChoices(now, chosen int) []string {
	var out []string
	for y := now + 1; y >= now-5; y-- {
		out = append(out, yearLabel(y))
	}
	if chosen > now+1 || chosen < now-5 {
		out = append(out, yearLabel(chosen))
	}
	return out
}

// noteExport remembers a finished export for 概览; the export itself stands
// even if the note cannot be kept, so a failure is only said.
func (u *UI) noteExport(what, path string) {
	if err := u.store.NoteExport(what, path); err != nil {
		showError(err, u.win)
	}
}
