// Command fazhi is 法治政府建设台账: with no command it opens the window;
// with one (`fazhi <noun> <verb>`) it does the same work from the command
// line, on the same code (internal/action), for scripts and tests.
package main

import (
	"os"

	"fazhi/app"
	_ "fazhi/app/uilang" // before Fyne reads the locale
	"fazhi/internal/cli"
)

// Version is set at release time with -ldflags "-X main.Version=…".
var Version = "0.1.0-dev"

func main() {
	cli.Version = Version
	app.Version = Version
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr, app.Main))
}
