package cli

import (
	"fmt"
	"io"

	"fazhi/data"
	"fazhi/internal/action"
)

// Version is the program's version, set by main from its -ldflags value.
var Version = "0.1.0-dev"

// Window opens the program window on the data file named by db (empty for
// the default) at the page view, and returns the exit status. The command
// line never imports the window: main hands it in.
type Window func(db, view string, stderr io.Writer) int

// Run is the whole program minus os.Exit: with no command it opens the
// window; with one (`fazhi <noun> <verb>`) it runs it. Tests call it
// directly.
func Run(args []string, stdout, stderr io.Writer, window Window) int {
	g, rest, err := parseGlobal(args)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if g.help {
		fmt.Fprint(stdout, helpText())
		return 0
	}
	if len(rest) == 0 {
		if window == nil {
			fmt.Fprintln(stderr, "这个程序没有窗口。运行 fazhi --help 查看所有命令。")
			return 1
		}
		return window(g.db, g.view, stderr)
	}
	if err := runCommand(&cli{global: g, stdout: stdout, stderr: stderr}, rest); err != nil {
		fmt.Fprintln(stderr, data.Message(err))
		return 1
	}
	return 0
}

// run is Run without a window, for the package's own tests.
func run(args []string, stdout, stderr io.Writer) int { return Run(args, stdout, stderr, nil) }

func openStore(g global) (*data.Store, error) { return action.Open(g.db) }

// runCommand finds the command in the table, parses its flags and runs it.
func runCommand(c *cli, args []string) error {
	cmd, rest, err := find(args)
	if err != nil {
		return err
	}
	o, err := cmd.parse(rest)
	if err != nil {
		return err
	}
	c.cmd = cmd
	return withHint(cmd, o, cmd.run(c, o))
}
