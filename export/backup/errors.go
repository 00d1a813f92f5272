package backup

import "fazhi/data"

// Error is a failure of this package that carries its own sentence for the
// user (data.Message shows it); the cause, if any, stays reachable with
// errors.Is/As.
type Error struct {
	msg string
	err error
}

func (e *Error) Error() string {
	if e.err != nil {
		return e.msg + ": " + e.err.Error()
	}
	return e.msg
}
func (e *Error) Unwrap() error       { return e.err }
func (e *Error) UserMessage() string { return e.msg }

var actionLabels = map[Reason]string{
	ReasonStart: "启动", ReasonImport: "导入", ReasonMerge: "合并", ReasonCarry: "结转", ReasonReplace: "替换", ReasonRestore: "恢复", ReasonManual: "备份",
}

// failed explains that the automatic backup before an action did not work
// and therefore the action was not done, with the reason underneath.
func failed(reason Reason, cause error) error {
	if reason == ReasonStart || reason == ReasonManual {
		return &Error{msg: "自动备份没有做成：" + data.Message(cause), err: cause}
	}
	act := actionLabels[reason]
	return &Error{msg: reason.Label() + "的自动备份没有做成，" + act + "没有进行，数据未改变。" + data.Message(cause), err: cause}
}
