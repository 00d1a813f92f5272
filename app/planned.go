package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// plannedView stands in for a capability not built yet. It says plainly what
// the page will hold and shows no invented data.
type plannedView struct {
	box fyne.CanvasObject
}

type plannedText struct {
	title string
	lines []string // paragraphs, wrapped to the window
}

var (
	plannedStats = plannedText{"统计报表", []string{
		"这里将录入和核对年度统计指标（如信访办结率、人民调解成功率），按上级下发的 Excel 模板填报、导入已填报表，并可对多个单位汇总。",
		"此功能正在开发中，当前版本尚不能使用。",
	}}
)

func newPlanned(t plannedText) *plannedView {
	head := widget.NewLabelWithStyle(t.title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	body := container.NewVBox(head, widget.NewSeparator())
	for _, l := range t.lines {
		p := widget.NewLabel(l)
		p.Wrapping = fyne.TextWrapWord
		body.Add(p)
	}
	return &plannedView{box: container.NewPadded(body)}
}

func (p *plannedView) content() fyne.CanvasObject { return p.box }
func (p *plannedView) refresh()                   {}
