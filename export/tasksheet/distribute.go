package tasksheet

import (
	"io"
	"slices"
	"strconv"
	"time"

	"fazhi/data"

	"fazhi/export/workbook"
	"github.com/xuri/excelize/v2"
)

// A distributed workbook is read back by the collector, so its shape is a
// contract:
//   - sheet 任务分解表: title row, instructions row, header row, then chapter
//     and task rows; the last column, headed 任务标识 and hidden, holds
//     fazhi:{year}:{taskID} on every task row;
//   - a very hidden sheet _fazhi: A1 fazhi-distribute B1 1 (the version),
//     A2 year, A3 dept (canonical name), A4 unit (简称), A5 exported
//     (RFC 3339), each value in column B.
//
// The names (DistSheet, workbook.StampSheet, TaskRef) live in readfile.go, beside
// the reader that depends on them.

// Instructions is the row under a distributed table's title: what to fill,
// and what not to touch so the file can be read back.
const Instructions = "填写说明：请在黄色的“进展情况”栏填写本部门截至填报日的工作进展（做了什么、数量、成效），" +
	"在“完成状态”栏选择未开始、推进中、已完成或长期坚持；请勿增删行、调整顺序或修改工作任务内容，如有意见请写在备注栏。" +
	"填好后保存为 .xlsx 文件，原文件名不变，发回法治办。"

// DeptTasks is one department's share of the year: the tasks it leads,
// cooperates on or is responsible for, and every 各有关部门 task.
type DeptTasks struct {
	Dept  string
	Tasks []data.TaskDraft
}

// Split gives each department named on the year's tasks its share, in the
// order the departments first appear in the plan.
func Split(tasks []data.TaskDraft) []DeptTasks {
	var order []string
	share := map[string][]data.TaskDraft{}
	for _, t := range tasks {
		for _, list := range [][]string{t.LeadNames, t.CooperateNames, t.ResponsibleNames} {
			for _, n := range list {
				if _, ok := share[n]; !ok {
					order = append(order, n)
					share[n] = nil
				}
			}
		}
	}
	for _, t := range tasks {
		for _, n := range order {
			if t.AllRelevant || slices.Contains(t.LeadNames, n) || slices.Contains(t.CooperateNames, n) || slices.Contains(t.ResponsibleNames, n) {
				share[n] = append(share[n], t)
			}
		}
	}
	out := make([]DeptTasks, 0, len(order))
	for _, n := range order {
		out = append(out, DeptTasks{Dept: n, Tasks: share[n]})
	}
	return out
}

// WriteDept writes the workbook sent to one department: its tasks in our
// layout with the 进展情况 column empty and shaded for it to fill, a
// drop-down on 状态, the hidden 任务标识 column and the _fazhi sheet that
// say what the file is when it comes back.
func WriteDept(w io.Writer, in Export, d DeptTasks) error {
	f, err := in.workbook(layout{
		title:         in.Title() + "（" + d.Dept + "）",
		instructions:  Instructions,
		tasks:         d.Tasks,
		idColumn:      true,
		blankProgress: true,
		statusList:    true,
		fillProgress:  true,
		meta: [][2]string{
			{StampMagic, StampVersion},
			{"year", strconv.Itoa(in.Plan.Year)},
			{"dept", d.Dept},
			{"unit", in.Profile.ShortName()},
			{"exported", now().Format(time.RFC3339)},
		},
	})
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.WriteTo(w)
	return err
}

// writeMeta adds the _fazhi sheet. It runs before the table is streamed:
// afterwards, excelize calls that visit every sheet (SetActiveSheet,
// hiding a sheet) would parse the whole streamed table back into memory.
func writeMeta(f *excelize.File, rows [][2]string) error {
	if _, err := f.NewSheet(workbook.StampSheet); err != nil {
		return err
	}
	for i, r := range rows {
		if err := f.SetSheetRow(workbook.StampSheet, "A"+strconv.Itoa(i+1), &[]any{r[0], r[1]}); err != nil {
			return err
		}
	}
	// Very hidden: even 取消隐藏 in Excel or WPS does not offer it.
	return f.SetSheetVisible(workbook.StampSheet, false, true)
}
