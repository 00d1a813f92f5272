// Package doortest is test equipment for the promise that the window and
// the command line are two doors to the same actions: it opens a data file
// the way both doors do (action.Open, so the store's backup hook is wired),
// and it tells what a data file holds, and which automatic backups sit
// beside it, in a form two runs can be compared by. Only tests import it.
package doortest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"fazhi/data"
	"fazhi/export/backup"
	"fazhi/internal/action"
	"fazhi/internal/cli"
)

// Open opens (creating) the data file at path as both doors do and closes
// it when the test ends.
func Open(t testing.TB, path string) *data.Store {
	t.Helper()
	s, err := action.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// Pair makes two data files in folders of their own (so their backups do
// not mix), both seeded by seed: one opened for the window, the other
// (cliDB) left closed for the command line, which opens the file itself.
func Pair(t testing.TB, seed func(t testing.TB, s *data.Store)) (window *data.Store, cliDB string) {
	t.Helper()
	window = Open(t, filepath.Join(t.TempDir(), "window", "fazhi.db"))
	cliDB = filepath.Join(t.TempDir(), "cli", "fazhi.db")
	c, err := action.Open(cliDB)
	if err != nil {
		t.Fatal(err)
	}
	if seed != nil {
		seed(t, window)
		seed(t, c)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	return window, cliDB
}

// With opens the closed data file db for fn, as a look from outside.
func With(t testing.TB, db string, fn func(s *data.Store)) {
	t.Helper()
	s, err := action.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	fn(s)
}

// Dump is what a data file holds for the given years, as JSON with the
// things that rightly differ between two runs left out: when a thing was
// done and which door did it (the "By" of a status change or progress
// entry, the time of a snapshot).
func Dump(t testing.TB, s *data.Store, years ...int) string {
	t.Helper()
	out := map[string]any{}
	must := func(v any, err error) any {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	out["depts"] = must(s.Departments())
	out["profile"] = must(s.Profile())
	for _, y := range years {
		key := func(k string) string { return fmt.Sprintf("%s/%d", k, y) }
		out[key("plan")] = must(s.PlanWithNames(y))
		r, ok, err := s.Report(y)
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			out[key("report")] = r
		}
		snaps := must(s.ReportSnapshots(y)).([]data.Snapshot)
		var reasons []string
		for _, sn := range snaps {
			reasons = append(reasons, sn.Reason)
		}
		out[key("snapshots")] = reasons
		out[key("stats")] = must(s.Stats(y))
	}
	b, err := json.MarshalIndent(out, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return scrub(string(b))
}

// scrub blanks the fields that say when and through which door.
func scrub(js string) string {
	var lines []string
	for _, l := range strings.Split(js, "\n") {
		k := strings.TrimSpace(l)
		for _, f := range []string{`"by":`, `"at":`, `"status_at":`, `"status_by":`, `"updated":`, `"created":`, `"saved":`, `"imported":`} {
			if strings.HasPrefix(k, f) {
				l = strings.SplitN(l, ":", 2)[0] + ": \"…\""
				if strings.HasSuffix(k, ",") {
					l += ","
				}
			}
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n")
}

// Backups lists the reasons of the automatic backups beside s's data file,
// sorted, so two doors' runs can be compared: the same change must leave
// the same backups whichever door made it.
func Backups(t testing.TB, s *data.Store) []string {
	t.Helper()
	list, err := backup.List(s)
	if err != nil {
		t.Fatal(err)
	}
	var reasons []string
	for _, b := range list {
		reasons = append(reasons, string(b.Reason))
	}
	sort.Strings(reasons)
	return reasons
}

// Same fails the test when the window's store and the command line's data
// file hold different data or sit beside different backups.
func Same(t testing.TB, window *data.Store, cliDB string, years ...int) {
	t.Helper()
	var c string
	var cb []string
	With(t, cliDB, func(s *data.Store) { c, cb = Dump(t, s, years...), Backups(t, s) })
	if w := Dump(t, window, years...); w != c {
		t.Errorf("the window and the command line left different data:\nwindow:\n%s\ncommand line:\n%s", w, c)
	}
	if w := Backups(t, window); strings.Join(w, ",") != strings.Join(cb, ",") {
		t.Errorf("backups differ: window %v, command line %v", w, cb)
	}
}

// CLI runs the command line on the data file db, as a clerk would in a
// terminal.
func CLI(t testing.TB, db string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = cli.Run(append([]string{"--db", db}, args...), &out, &errb, nil)
	return out.String(), errb.String(), code
}
