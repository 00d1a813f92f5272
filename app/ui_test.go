package app

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"fazhi/data"
	"fazhi/export/backup"
)

// newTestUI builds the real window on a real data file, opened as the
// program opens it (backups before every change), driven by Fyne's test app.
func newTestUI(t *testing.T) (*UI, *data.Store) {
	t.Helper()
	a := test.NewApp()
	t.Cleanup(a.Quit)
	s, err := backup.OpenStore(filepath.Join(t.TempDir(), "fazhi.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return New(a, s), s
}

func (u *UI) view(key string) view {
	for _, e := range u.entries {
		if e.key == key {
			return e.view
		}
	}
	return nil
}

func TestSwitchViews(t *testing.T) {
	u, _ := newTestUI(t)
	if got := u.entries[u.current].key; got != "overview" {
		t.Fatalf("window opens on %q; want overview", got)
	}
	for _, key := range []string{"tasks", "stats", "report", "depts", "settings", "overview"} {
		if !u.Show(key) {
			t.Fatalf("Show(%q) = false", key)
		}
		if got := u.entries[u.current].key; got != key {
			t.Errorf("after Show(%q) the current view is %q", key, got)
		}
		if len(u.body.Objects) != 1 || u.body.Objects[0] != u.view(key).content() {
			t.Errorf("view %q is not the one on screen", key)
		}
	}
	if u.Show("nosuch") {
		t.Error("Show accepted an unknown view")
	}
}

func TestYearSelector(t *testing.T) {
	u, _ := newTestUI(t)
	u.yearSelect.SetSelected("2023年")
	if u.Year() != 2023 {
		t.Errorf("Year() = %d after choosing 2023年", u.Year())
	}
	if got := u.app.Preferences().Int(prefYear); got != 2023 {
		t.Errorf("year not remembered: %d", got)
	}
}

func TestAddDepartmentThroughView(t *testing.T) {
	u, s := newTestUI(t)
	u.Show("depts")
	v := u.view("depts").(*deptView)

	test.Type(v.nameEntry, "人力资源分局")
	test.Type(v.aliasEntry, "人资分局、人力资源局")
	test.Tap(v.addButton)

	d, err := s.ResolveDepartment("人资分局")
	if err != nil {
		t.Fatalf("department typed into the view is not stored: %v", err)
	}
	if d.Name != "人力资源分局" || len(d.Aliases) != 2 {
		t.Errorf("stored %+v; want 人力资源分局 with two aliases", d)
	}
	if v.nameEntry.Text != "" || v.aliasEntry.Text != "" {
		t.Error("entries not cleared after adding")
	}
	if v.list.Length() != 1 {
		t.Errorf("list shows %d rows; want 1", v.list.Length())
	}

	// A second department that looks like a duplicate is suggested, not merged.
	test.Type(v.nameEntry, "镇监察室")
	test.Tap(v.addButton)
	test.Type(v.nameEntry, "监察室")
	v.nameEntry.OnSubmitted(v.nameEntry.Text)
	if all, _ := s.Departments(); len(all) != 3 {
		t.Fatalf("register has %d departments; want 3", len(all))
	}
	if len(v.dups.Objects) != 1 {
		t.Errorf("duplicate list has %d rows; want 1 (镇监察室 ~ 监察室)", len(v.dups.Objects))
	}

	// Adding a name that is taken shows a dialog and stores nothing.
	test.Type(v.nameEntry, "人资分局")
	test.Tap(v.addButton)
	if u.win.Canvas().Overlays().Top() == nil {
		t.Error("no error dialog for a taken name")
	}
	if all, _ := s.Departments(); len(all) != 3 {
		t.Errorf("refused add changed the register: %d departments", len(all))
	}
}

func TestFilterDepartments(t *testing.T) {
	u, s := newTestUI(t)
	for _, n := range []string{"党政办", "法制办", "人力资源分局"} {
		if _, err := s.AddDepartment(n); err != nil {
			t.Fatal(err)
		}
	}
	s.AddAlias("人力资源分局", "人资分局")
	u.Show("depts")
	v := u.view("depts").(*deptView)
	for _, tc := range []struct {
		query string
		want  int
	}{
		{"", 3},
		{"办", 2},
		{"人资", 1},
		{"法 制", 1},
		{"没有", 0},
	} {
		v.search.SetText(tc.query)
		if got := v.list.Length(); got != tc.want {
			t.Errorf("filter %q shows %d; want %d", tc.query, got, tc.want)
		}
	}
}

func TestSettingsSavesProfile(t *testing.T) {
	u, s := newTestUI(t)
	u.Show("settings")
	v := u.view("settings").(*settingsView)

	test.Type(v.name, "黄江镇人民政府")
	test.Type(v.party, "中共黄江镇委员会")
	v.level.SetSelected("乡镇")
	test.Type(v.superior, "市委")
	test.Type(v.phone, "0769-83632011")
	test.Tap(v.saveButton)

	p, err := s.Profile()
	if err != nil {
		t.Fatal(err)
	}
	want := data.Profile{Name: "黄江镇人民政府", Party: "中共黄江镇委员会", Level: "乡镇", Superior: "市委", Phone: "0769-83632011"}
	if p != want {
		t.Errorf("stored profile %+v; want %+v", p, want)
	}
	if u.unit.Text != "黄江镇" {
		t.Errorf("title bar shows %q; want 黄江镇", u.unit.Text)
	}

	// A bad phone number is refused with a dialog and the stored profile stays.
	v.phone.SetText("请拨总机")
	test.Tap(v.saveButton)
	if u.win.Canvas().Overlays().Top() == nil {
		t.Error("no dialog for a bad phone number")
	}
	if p2, _ := s.Profile(); p2 != want {
		t.Errorf("refused profile stored: %+v", p2)
	}
}

func TestThemeChoiceIsRemembered(t *testing.T) {
	u, _ := newTestUI(t)
	u.Show("settings")
	v := u.view("settings").(*settingsView)
	v.themeChoice.SetSelected("深色")
	if got := u.app.Preferences().String(prefTheme); got != ThemeDark {
		t.Errorf("theme preference = %q; want dark", got)
	}
	if _, ok := u.app.Settings().Theme().(officeTheme); !ok {
		t.Error("dark theme is not the office theme (CJK font lost)")
	}
}

func TestThemeUsesEmbeddedFont(t *testing.T) {
	th := newTheme(ThemeLight)
	for _, style := range []fyne.TextStyle{{}, {Bold: true}, {Italic: true}, {Monospace: true}} {
		if r := th.Font(style); r == nil || len(r.Content()) < 1<<20 {
			t.Errorf("font for %+v is missing or too small to hold CJK", style)
		}
	}
}

// Enter in a one-line question confirms it, as the 确定 button does.
func TestAskTextEnterConfirms(t *testing.T) {
	u, _ := newTestUI(t)
	var got string
	askText("重命名部门", "新名称", "人资分局", u.Window(), func(s string) { got = s })
	e, ok := u.Window().Canvas().Focused().(*widget.Entry)
	if !ok {
		t.Fatal("the question's entry is not focused")
	}
	e.SetText("人力资源分局")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got != "人力资源分局" {
		t.Errorf("Enter gave %q", got)
	}
}
