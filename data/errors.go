package data

import (
	"errors"
	"fmt"
	"syscall"
)

// Sentinel errors let callers (the window, the command line, tests) react to a
// kind of failure with errors.Is, never by matching text.
var (
	// ErrInUse: another copy of the program holds the data file's lock.
	ErrInUse = errors.New("data file is in use by another process")
	// ErrNewerSchema: the file was written by a newer program; opening it
	// here could lose what that version stored.
	ErrNewerSchema = errors.New("data file has a newer schema")
	// ErrNotOurs: the file is not a bbolt file or is damaged.
	ErrNotOurs = errors.New("not a fazhi data file")
	// ErrNotFound: no record answers to the given name or id.
	ErrNotFound = errors.New("not found")
	// ErrExists: the name is taken already.
	ErrExists = errors.New("already exists")
	// ErrInvalid: the input breaks a rule (empty name, unknown level…).
	ErrInvalid = errors.New("invalid input")
	// ErrReferenced: the record is still referred to by others.
	ErrReferenced = errors.New("still referenced")
)

// Finer kinds of ErrNotFound and ErrInvalid, so a door can add the hint it
// alone knows (the command line names the command that lists what exists;
// the window has the page). Each still matches its general kind.
var (
	ErrNoDepartment = fmt.Errorf("no such department: %w", ErrNotFound)
	ErrNoTask       = fmt.Errorf("no such task: %w", ErrNotFound)
	ErrNoIndicator  = fmt.Errorf("no such indicator: %w", ErrNotFound)
	ErrNoSnapshot   = fmt.Errorf("no such report snapshot: %w", ErrNotFound)
	ErrNoReport     = fmt.Errorf("no report for the year: %w", ErrNotFound)
	ErrStatsInError = fmt.Errorf("statistics have errors: %w", ErrInvalid)
)

// UserError carries the Chinese sentence the user reads next to the error
// that callers match on. Build it with userErr so that every message of this
// package is written here, in one voice.
type UserError struct {
	Msg string
	Err error
}

func (e *UserError) Error() string { return e.Msg }
func (e *UserError) Unwrap() error { return e.Err }

// UserMessage makes UserError a userMessenger.
func (e *UserError) UserMessage() string { return e.Msg }

// userMessenger is any error, from this package or another (the file
// readers in export), that carries a finished sentence for the user. Message
// shows it as it is.
type userMessenger interface {
	error
	UserMessage() string
}

func userErr(kind error, format string, args ...any) error {
	return &UserError{Msg: fmt.Sprintf(format, args...), Err: kind}
}

// The messages themselves. Each says what is wrong and what to do.

func errInUse(path string) error {
	return userErr(ErrInUse, "数据文件正被另一个正在运行的本程序使用：%s。请先关闭另一个窗口（或等待命令执行完毕）后再试。", path)
}

func errNewerSchema(path string, found, supported uint64) error {
	return userErr(ErrNewerSchema, "数据文件 %s 由更新版本的本程序写入（数据版本 %d，本程序只支持到 %d）。为免丢失数据，本程序不会打开它。请安装新版本后再打开。", path, found, supported)
}

func errNotOurs(path string, cause error) error {
	return &UserError{Msg: fmt.Sprintf("文件 %s 不是本程序的数据文件，或已损坏。请检查路径，或从备份中恢复。", path), Err: fmt.Errorf("%w: %w", ErrNotOurs, cause)}
}

// errNotBackup is errNotOurs for a file picked to restore from: pointing
// the clerk at "restore from a backup" would be circular there.
func errNotBackup(path string, cause error) error {
	return &UserError{Msg: fmt.Sprintf("文件 %s 不是本程序的数据文件或备份，或已损坏，不能用来恢复。请选择数据文件夹 backups 中的备份（fazhi-日期-时间-….db），或用“备份到文件”做的备份。", path), Err: fmt.Errorf("%w: %w", ErrNotOurs, cause)}
}

func errNoDept(name string) error {
	return userErr(ErrNoDepartment, "没有名为“%s”的部门或别名。请核对名称，或先登记这个部门。", name)
}

func errEmptyName() error {
	return userErr(ErrInvalid, "部门名称不能为空。")
}

func errNameTaken(name, owner string) error {
	if name == owner {
		return userErr(ErrExists, "部门“%s”已经登记过了。", name)
	}
	return userErr(ErrExists, "“%s”已是部门“%s”的名称或别名，不能重复登记。", name, owner)
}

func errAliasIsName(alias string) error {
	return userErr(ErrInvalid, "“%s”是部门的正式名称，不是别名，不能删除。如需改名请用“重命名”。", alias)
}

func errMergeSelf(name string) error {
	return userErr(ErrInvalid, "不能把部门“%s”合并到它自己。", name)
}

func errDeptReferenced(name string, n int) error {
	return userErr(ErrReferenced, "部门“%s”仍被 %d 项任务引用，不能删除。可以把它合并到另一个部门。", name, n)
}

func errBadLevel(level string) error {
	return userErr(ErrInvalid, "层级“%s”无效，只能是：乡镇、县区、地市。", level)
}

func errBadPhone(phone string) error {
	return userErr(ErrInvalid, "联系电话“%s”含有无效字符，只能包含数字、空格、“-”、“+”、括号和“转”。", phone)
}

// Message is the sentence to show a user for any error: the text of the
// first error in the chain that carries one (UserMessage), or, for a failure
// we did not foresee, a general one that still says nothing was changed. A
// full disk is named as such.
func Message(err error) string {
	if err == nil {
		return ""
	}
	var um userMessenger
	if errors.As(err, &um) {
		return um.UserMessage()
	}
	if errors.Is(err, syscall.ENOSPC) {
		return "磁盘空间不足，本次修改没有保存，已有数据未改变。请清理磁盘空间后重试。"
	}
	return "操作失败，已有数据未改变。详细原因：" + err.Error()
}

func errNoReport(year int) error {
	return userErr(ErrNoReport, "%d年还没有年度报告。可以先生成草稿，或导入往年报告。", year)
}
