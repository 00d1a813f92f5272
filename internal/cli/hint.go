package cli

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"fazhi/data"
)

// withHint adds what only the command line can say to an error the store
// or a reader gave: which command lists what exists, or which flag goes
// ahead. The shared sentences name no command, since the window shows them
// too; this is the command line's own half.
func withHint(cmd *command, o *opts, err error) error {
	if err == nil || o == nil {
		return err
	}
	year := "年度"
	if o.year > 0 {
		year = fmt.Sprint(o.year)
	}
	var hint string
	switch {
	case errors.Is(err, data.ErrNoDepartment):
		hint = "可用 fazhi dept list 查看已登记的部门。"
	case errors.Is(err, data.ErrNoTask):
		hint = "可用 fazhi tasks list --year " + year + " 查看。"
	case errors.Is(err, data.ErrNoIndicator):
		hint = "可用 fazhi stats list --year " + year + " 查看全部指标的名称和代码。"
	case errors.Is(err, data.ErrNoSnapshot):
		hint = "可用 fazhi report snapshots --year " + year + " 查看。"
	case errors.Is(err, data.ErrStatsInError):
		hint = "可用 fazhi stats check --year " + year + " 查看。"
	case errors.Is(err, data.ErrExists) && slices.Contains(cmd.flags, "replace") && !o.replace:
		hint = "如确要替换，请加 --replace。"
	}
	msg := data.Message(err)
	if hint == "" || strings.Contains(msg, hint) {
		return err
	}
	return &data.UserError{Msg: strings.TrimRight(msg, "\n") + hint, Err: err}
}
