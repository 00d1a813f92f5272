package app

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestFileURL(t *testing.T) {
	for _, c := range []struct{ dir, want string }{
		{"/root/.config/fazhi", "file:///root/.config/fazhi"},
		{"C:/Users/王喆/AppData/Roaming/fazhi", "file:///C:/Users/%E7%8E%8B%E5%96%86/AppData/Roaming/fazhi"},
		{"/home/a b/fazhi", "file:///home/a%20b/fazhi"},
	} {
		if got := fileURL(c.dir).String(); got != c.want {
			t.Errorf("fileURL(%q) = %q; want %q", c.dir, got, c.want)
		}
	}
}

// labels collects the text of every label drawn under o.
func labels(o fyne.CanvasObject) []string {
	var out []string
	for _, obj := range test.LaidOutObjects(o) {
		if l, ok := obj.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	}
	return out
}

// findButton finds the button labelled text drawn under o.
func findButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, obj := range test.LaidOutObjects(o) {
		if b, ok := obj.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}

// TestAboutDialog opens 关于 from the 设置 page's button and checks it shows
// the version, the data folder with its button, and the whole font licence.
func TestAboutDialog(t *testing.T) {
	u, s := newTestUI(t)
	Version = "9.8.7"
	t.Cleanup(func() { Version = "dev" })
	u.Show("settings")
	u.win.Resize(fyne.NewSize(1000, 760))

	test.Tap(findButton(t, u.view("settings").content(), "关于本程序"))
	overlay := u.win.Canvas().Overlays().Top()
	if overlay == nil {
		t.Fatal("关于本程序 opened no dialog")
	}
	text := strings.Join(labels(overlay), "\n")
	for _, want := range []string{
		"版本 9.8.7",
		filepath.Dir(s.Path()),
		"SIL OPEN FONT LICENSE Version 1.1",
		"OTHER DEALINGS IN THE FONT SOFTWARE.", // the licence's last line: shown whole
	} {
		if !strings.Contains(text, want) {
			t.Errorf("关于 does not show %q", want)
		}
	}
	test.Tap(findButton(t, overlay, "打开文件夹")) // the test app's OpenURL succeeds: no error dialog
	if top := u.win.Canvas().Overlays().Top(); top != overlay {
		t.Error("打开文件夹 put something over the 关于 dialog (an error?)")
	}
}
