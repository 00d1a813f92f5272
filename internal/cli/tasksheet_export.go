package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fazhi/data"
	"fazhi/export/safefile"
	"fazhi/export/tasksheet"
)

// tasksExport writes the year's 任务分解表: our own layout, a user's
// template filled in, or one workbook per department into a folder. An
// existing file is never replaced without --replace.
func tasksExport(c *cli, o *opts) error {
	if err := c.needYear("year", o.year); err != nil {
		return err
	}
	if o.perDept != "" && (o.out != "" || o.template != "") {
		return c.usage("--per-dept 不能与 -o 或 --template 同时使用")
	}
	asOf, err := optionalDate(o.asOf)
	if err != nil {
		return err
	}
	var in tasksheet.Export
	err = c.withStore(func(s *data.Store) (err error) {
		in, err = tasksheet.FromStore(s, o.year, asOf)
		return err
	})
	if err != nil {
		return err
	}
	if len(in.Tasks) == 0 {
		return usage("%d年还没有任务，没有可导出的内容。请先用 fazhi plan import 导入实施方案，或用 fazhi tasks add 添加任务。", o.year)
	}
	if o.perDept != "" {
		return c.exportPerDept(in, o.perDept, o.replace)
	}

	path := o.out
	if path == "" {
		path = tasksheet.FileName(in.Profile, o.year, asOf)
	} else if st, err := os.Stat(path); err == nil && st.IsDir() {
		path = filepath.Join(path, tasksheet.FileName(in.Profile, o.year, asOf))
	}
	if !strings.EqualFold(filepath.Ext(path), ".xlsx") {
		return usage("输出文件“%s”应以 .xlsx 结尾（本程序只写 .xlsx；需要 .xls 请在 Excel 或 WPS 中另存）。", filepath.Base(path))
	}
	write := func(w io.Writer) error { return tasksheet.Write(w, in) }
	var filled tasksheet.Filled
	if o.template != "" {
		if same(o.template, path) {
			return usage("输出文件不能就是模板本身，请用 -o 另取一个文件名。")
		}
		write = func(w io.Writer) (err error) {
			filled, err = tasksheet.FillTemplate(w, o.template, in, o.sheet)
			return err
		}
	}
	if err := safefile.WriteFile(path, o.replace, write); err != nil {
		return refuseOverwrite(err)
	}
	c.noteExport("任务分解表", path)
	if o.template != "" {
		fmt.Fprintf(c.stdout, "已按模板“%s”（工作表“%s”，表头在第 %d 行，识别出：%s）导出 %d 项任务到：%s\n",
			filepath.Base(o.template), filled.Sheet, filled.HeaderRow, strings.Join(filled.Columns, "、"), len(in.Tasks), path)
		if len(filled.Missing) > 0 {
			fmt.Fprintf(c.stderr, "模板中没有这些栏目，未导出：%s\n", strings.Join(filled.Missing, "、"))
		}
		return nil
	}
	fmt.Fprintf(c.stdout, "已导出 %d 项任务到：%s\n", len(in.Tasks), path)
	return nil
}

// exportPerDept writes one workbook per department into dir and lists them.
func (c *cli) exportPerDept(in tasksheet.Export, dir string, replace bool) error {
	done, err := tasksheet.Distribute(in, dir, replace)
	for _, d := range done {
		fmt.Fprintf(c.stdout, "%s：%d 项任务 → %s\n", d.Dept, d.Tasks, d.Path)
	}
	if err != nil {
		return refuseOverwrite(err)
	}
	fmt.Fprintf(c.stdout, "已为 %d 个部门各生成一个文件，在文件夹：%s\n", len(done), dir)
	c.noteExport("各部门填报表", dir)
	return nil
}

func refuseOverwrite(err error) error {
	var se *safefile.Error
	if errors.As(err, &se) && errors.Is(err, safefile.ErrExists) {
		return &data.UserError{Msg: fmt.Sprintf("“%s”已存在，没有覆盖。请换一个文件名（-o），或加 --replace 覆盖。", filepath.Base(se.Path)), Err: err}
	}
	return err
}

// same reports whether two paths name one file.
func same(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}
