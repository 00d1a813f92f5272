package app

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fazhi/data"
	"fazhi/export/backup"
	"fazhi/internal/action"
)

// backupPanel is the 备份 part of 设置: when the last backup was made, the
// automatic backups with a 恢复 button each, 立即备份, restoring from a file
// the user picks, and how many backups to keep.
//
// Restoring replaces the data file under the same open store
// (data.Store.ReplaceFile), so the window goes on with the restored data at
// once: every view reloads from the store when it is shown, and this one
// reloads now. No restart is needed.
type backupPanel struct {
	u     *UI
	last  *widget.Label
	list  *fyne.Container
	keep  *widget.Select
	items []backup.Info // as listed, newest first
	box   fyne.CanvasObject
}

var keepChoices = []string{"3", "5", "10", "20", "30", "50"}

func newBackupPanel(u *UI) *backupPanel {
	p := &backupPanel{u: u}
	p.last = widget.NewLabel("")
	p.list = container.NewVBox()
	now := widget.NewButtonWithIcon("立即备份", theme.DocumentSaveIcon(), p.backupNow)
	fromFile := widget.NewButtonWithIcon("从文件恢复…", theme.FolderOpenIcon(), p.pickFile)
	p.keep = widget.NewSelect(keepChoices, func(s string) {
		n, _ := strconv.Atoi(s)
		if cur, _ := u.store.BackupKeep(); n == cur {
			return
		}
		if err := u.store.SetBackupKeep(n); err != nil {
			showError(err, u.win)
		}
	})
	note := widget.NewLabel("每天第一次打开程序时，以及每次导入、合并部门、结转、恢复之前，自动备份到数据文件夹的 backups 中，只保留最新的几份（至少保留一份完好的）。恢复前会先备份当前数据，恢复错了可以再恢复回来。")
	note.Wrapping = fyne.TextWrapWord
	p.box = container.NewVBox(
		p.last,
		container.NewHBox(now, fromFile, widget.NewLabel("自动备份保留"), p.keep, widget.NewLabel("份")),
		note,
		p.list,
	)
	return p
}

func (p *backupPanel) content() fyne.CanvasObject { return p.box }

// refresh reads the backups folder and the keep setting again.
func (p *backupPanel) refresh() {
	list, err := backup.List(p.u.store)
	if err != nil {
		showError(err, p.u.win)
	}
	p.items = list
	if len(list) == 0 {
		p.last.SetText("还没有自动备份。")
	} else {
		p.last.SetText("上次备份：" + timeLabel(list[0].Time) + "（" + list[0].Reason.Label() + "）")
	}
	p.list.Objects = nil
	for _, b := range list {
		b := b
		row := widget.NewLabel(fmt.Sprintf("%s　%s　%s", timeLabel(b.Time), b.Reason.Label(), b.SizeLabel()))
		btn := widget.NewButton("恢复…", func() { p.askRestore(b.Path, timeLabel(b.Time)+"（"+b.Reason.Label()+"）的备份") })
		p.list.Add(container.NewBorder(nil, nil, nil, btn, row))
	}
	p.list.Refresh()
	if n, err := p.u.store.BackupKeep(); err == nil {
		// A number set from the command line may not be among the choices.
		cur := strconv.Itoa(n)
		if !slices.Contains(p.keep.Options, cur) {
			p.keep.SetOptions(append(slices.Clone(keepChoices), cur))
		}
		p.keep.SetSelected(cur)
	}
}

// backupNow copies the data off the UI goroutine (a year of records may be
// tens of megabytes on a slow disk). The copy is one read transaction
// written through a temporary file, so 取消 never leaves half a backup: it
// only stops waiting for the result.
func (p *backupPanel) backupNow() {
	var info backup.Info
	runLong(p.u.win, "正在备份", func(ctx context.Context) (err error) {
		info, err = backup.Before(p.u.store, backup.ReasonManual)
		return err
	}, func(err error) {
		if err != nil {
			showError(err, p.u.win)
			return
		}
		p.refresh()
		p.last.SetText("已备份：" + timeLabel(info.Time) + "，" + info.SizeLabel())
	})
}

func (p *backupPanel) pickFile() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showError(err, p.u.win)
			return
		}
		if r == nil {
			return // cancelled
		}
		path := r.URI().Path()
		r.Close()
		p.askRestore(path, "文件“"+path+"”")
	}, p.u.win)
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

// askRestore confirms before replacing the data, since everything entered
// after that backup would be gone (though kept in the safety backup).
func (p *backupPanel) askRestore(path, what string) {
	confirm("从备份恢复", "用"+what+"替换当前的全部数据？此后录入的内容将不在恢复后的数据中；恢复前会先把当前数据备份到 backups 中。", p.u.win, func() {
		p.restore(path)
	})
}

func (p *backupPanel) restore(path string) {
	p.restoreThen(path, nil)
}

// restoreThen replaces the data off the UI goroutine; done (for tests)
// runs once the window shows the restored data.
func (p *backupPanel) restoreThen(path string, done func()) {
	var r action.Restored
	runBusy(p.u.win, "正在恢复", func() (err error) {
		r, err = action.Restore(p.u.store, path)
		return err
	}, func(err error) {
		if err != nil {
			showError(err, p.u.win)
			p.refresh()
			return
		}
		p.restored(r.Safety, r.File)
		if done != nil {
			done()
		}
	})
}

func (p *backupPanel) restored(safety backup.Info, info data.FileInfo) {
	p.u.restored()
	msg := widget.NewLabel(fmt.Sprintf("已恢复：%d 个部门、%d 项任务。恢复前的数据已备份（%s），如需要可以再从它恢复。", info.Depts, info.Tasks, timeLabel(safety.Time)))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("恢复完成", "确定", msg, p.u.win)
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
}

func timeLabel(t time.Time) string { return t.Format("2006年1月2日 15:04:05") }
