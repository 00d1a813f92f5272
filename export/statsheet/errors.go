package statsheet

import (
	"errors"
	"fmt"

	"fazhi/data"
)

// Kinds of failure in what a return says, matched with errors.Is; the
// sentence the clerk reads is the data.UserError that wraps them. What can
// be wrong with the file itself is export/fileerr's (through workbook.Open
// and workbook.Edit).
var (
	ErrNoMapping = errors.New("no indicator rows found")
	ErrBadCell   = errors.New("not a cell of the template")
	// ErrBadValue: a mapped cell holds something that is not a figure.
	ErrBadValue = errors.New("unreadable figures in a return")
)

func userErr(kind error, format string, args ...any) error {
	return &data.UserError{Msg: fmt.Sprintf(format, args...), Err: kind}
}
