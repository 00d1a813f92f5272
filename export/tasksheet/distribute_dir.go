package tasksheet

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fazhi/data"
	"fazhi/export/safefile"
)

// Distributed is one department's workbook written by Distribute.
type Distributed struct {
	Dept  string
	Tasks int
	Path  string
}

// ErrNoShares: no task of the year names a department, so there is
// nothing to send anyone.
var ErrNoShares = errors.New("tasksheet: no task names a department")

// Distribute writes one workbook per department named on the year's tasks
// into dir, for the window and the command line alike. Every file name is
// checked before anything is written, so a refusal (files of the same name
// and replace false) leaves the folder as it was.
func Distribute(in Export, dir string, replace bool) ([]Distributed, error) {
	shares := Split(in.Tasks)
	if len(shares) == 0 {
		return nil, &data.UserError{Err: ErrNoShares,
			Msg: fmt.Sprintf("%d年的任务都没有写明牵头、配合或责任单位，无法按部门分发。", in.Plan.Year)}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, &data.UserError{Msg: fmt.Sprintf("无法创建文件夹“%s”。请检查位置和权限，或换一个文件夹。", dir), Err: err}
	}
	if !replace {
		var taken []string
		for _, d := range shares {
			name := DeptFileName(in.Profile, in.Plan.Year, d.Dept)
			if _, err := os.Lstat(filepath.Join(dir, name)); err == nil {
				taken = append(taken, name)
			}
		}
		if len(taken) > 0 {
			return nil, &data.UserError{Err: safefile.ErrExists, Msg: fmt.Sprintf(
				"文件夹“%s”中已有 %d 个同名文件（%s），一个也没有覆盖。请换一个文件夹，或确认覆盖。",
				dir, len(taken), strings.Join(taken, "、"))}
		}
	}
	var out []Distributed
	for _, d := range shares {
		path := filepath.Join(dir, DeptFileName(in.Profile, in.Plan.Year, d.Dept))
		if err := safefile.WriteFile(path, replace, func(w io.Writer) error { return WriteDept(w, in, d) }); err != nil {
			return out, err
		}
		out = append(out, Distributed{Dept: d.Dept, Tasks: len(d.Tasks), Path: path})
	}
	return out, nil
}
