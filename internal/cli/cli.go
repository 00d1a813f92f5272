package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"fazhi/data"
)

// global holds the options that apply to every command.
type global struct {
	db   string
	view string
	help bool
}

// cli is what every command gets: the global options and where to write.
type cli struct {
	global
	cmd            *command // the command being run, for its usage errors
	stdout, stderr io.Writer
}

// errUsage marks a mistake in how a command was called; its text says the
// right way.
var errUsage = errors.New("usage")

func usage(format string, args ...any) error {
	return &data.UserError{Msg: fmt.Sprintf(format, args...), Err: errUsage}
}

// parseGlobal takes --db, --view and --help from anywhere in the arguments,
// so `fazhi dept list --db x.db` works as well as `fazhi --db x.db dept list`.
func parseGlobal(args []string) (global, []string, error) {
	var g global
	var rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || a == "-" {
			rest = append(rest, a)
			continue
		}
		switch name {
		case "h", "help":
			g.help = true
			continue
		case "db", "view":
		default:
			rest = append(rest, a)
			continue
		}
		if !hasValue {
			if i+1 >= len(args) {
				return g, nil, fmt.Errorf("参数 --%s 后面缺少值。运行 fazhi --help 查看用法。", name)
			}
			i++
			value = args[i]
		}
		if name == "db" {
			g.db = value
		} else {
			g.view = value
		}
	}
	return g, rest, nil
}

// multi collects a repeatable flag such as --alias.
type multi []string

func (m *multi) String() string     { return strings.Join(*m, ",") }
func (m *multi) Set(v string) error { *m = append(*m, v); return nil }

// withStore opens the data file for one command and closes it after.
func (c *cli) withStore(fn func(s *data.Store) error) error {
	s, err := openStore(c.global)
	if err != nil {
		return err
	}
	defer s.Close()
	return fn(s)
}

func (c *cli) printJSON(v any) error {
	enc := json.NewEncoder(c.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func cmdVersion(c *cli, o *opts) error {
	fmt.Fprintf(c.stdout, "法治政府建设台账 %s（数据版本 %d）\n", Version, data.SchemaLatest)
	return nil
}

// noteExport remembers a finished export for 概览 when the command wrote
// it without holding the data file open; failing to note it (another
// copy holds the file) does not undo the export.
func (c *cli) noteExport(what, path string) {
	_ = c.withStore(func(s *data.Store) error { return s.NoteExport(what, path) })
}
