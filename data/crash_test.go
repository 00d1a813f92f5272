package data

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// envCrashChild makes this test binary the writer of TestCrashRounds: it
// opens the data file it names and changes it until killed.
const envCrashChild = "FAZHI_CRASH_CHILD"

func TestMain(m *testing.M) {
	if path := os.Getenv(envCrashChild); path != "" {
		seed, _ := strconv.ParseUint(os.Getenv(envCrashChild+"_SEED"), 10, 64)
		if err := crashWriter(path, seed); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

const crashYear = 2024

// crashWriter makes real changes one after another, as the window does:
// tasks added by hand, progress entries, status changes. Before each it
// prints "try <change>", and after the commit returns "ok": the parent
// holds every "ok" change to be on disk after any kill.
func crashWriter(path string, seed uint64) error {
	s, err := Open(path)
	if err != nil {
		return err
	}
	defer s.Close()
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	out := bufio.NewWriter(os.Stdout)
	tasks, err := s.Tasks(crashYear)
	if err != nil {
		return err
	}
	var ids []uint64
	for _, t := range tasks {
		ids = append(ids, t.ID)
	}
	statuses := Statuses
	for i := 0; ; i++ {
		var line string
		var commit func() error
		switch k := rng.IntN(10); {
		case len(ids) == 0 || k < 3:
			title := fmt.Sprintf("任务-%d-%d", seed, i)
			line = "task " + title
			commit = func() error {
				t, err := s.AddTask(crashYear, TaskDraft{Task: Task{No: 1000 + int(seed)*1000 + i, Title: title}})
				if err == nil {
					ids = append(ids, t.ID)
					line = fmt.Sprintf("task %d %s", t.ID, title)
				}
				return err
			}
		case k < 6:
			id := ids[rng.IntN(len(ids))]
			// Long text now and then, so changes span several pages.
			text := fmt.Sprintf("进展-%d-%d", seed, i) + strings.Repeat("落实", rng.IntN(3)*800)
			line = fmt.Sprintf("progress %d %s", id, text)
			commit = func() error { _, err := s.AddProgress(id, Progress{Text: text, By: "测试"}); return err }
		case k < 8:
			code := crashCodes[rng.IntN(len(crashCodes))]
			v := strconv.Itoa(i)
			line = fmt.Sprintf("value %s %s", code, v)
			commit = func() error { _, err := s.SetValues(crashYear, 0, []Entry{{Name: code, Text: v}}); return err }
		default:
			id := ids[rng.IntN(len(ids))]
			st := statuses[rng.IntN(len(statuses))]
			line = fmt.Sprintf("status %d %s", id, st)
			commit = func() error { _, err := s.SetStatus(id, st, "测试"); return err }
		}
		fmt.Fprintln(out, "try "+line)
		out.Flush()
		if err := commit(); err != nil {
			return err
		}
		fmt.Fprintln(out, "ok "+line)
		out.Flush()
	}
}

// crashCodes are the statistics the writer sets.
var crashCodes = []string{"F01", "F02", "F04", "D08", "H04"}

// crashModel is what the parent knows must be in the file.
type crashModel struct {
	values   map[string]string // indicator → last value reported committed
	titles   map[uint64]string
	progress map[uint64]map[string]bool // task → progress texts reported committed
	status   map[uint64]Status          // task → last status reported committed
	inFlight string                     // the change tried but not reported when killed
}

func (m *crashModel) apply(line string) {
	f := strings.SplitN(line, " ", 3)
	if f[0] == "value" {
		m.values[f[1]] = f[2]
		return
	}
	id, _ := strconv.ParseUint(f[1], 10, 64)
	switch f[0] {
	case "task":
		m.titles[id] = f[2]
		m.status[id] = StatusNotStarted
	case "progress":
		if m.progress[id] == nil {
			m.progress[id] = map[string]bool{}
		}
		m.progress[id][f[2]] = true
		if m.status[id] == StatusNotStarted {
			m.status[id] = StatusInProgress
		}
	case "status":
		m.status[id] = Status(f[2])
	}
}

// inFlightTouches tells whether the unreported change may have changed
// task id's status (it may have committed before the kill).
func (m *crashModel) inFlightTouches(id uint64) bool {
	f := strings.SplitN(m.inFlight, " ", 3)
	return len(f) == 3 && (f[0] == "status" || f[0] == "progress") && f[1] == strconv.FormatUint(id, 10)
}

// TestCrashRounds kills a writing process with SIGKILL at random moments
// and checks, after every kill, that the file passes bbolt's consistency
// check and holds every change the writer reported committed. The file
// carries over from round to round, so it grows as a year's data does.
func TestCrashRounds(t *testing.T) {
	rounds := 100
	if testing.Short() {
		rounds = 10
	}
	if n, err := strconv.Atoi(os.Getenv("FAZHI_CRASH_ROUNDS")); err == nil && n > 0 {
		rounds = n
	}
	path := t.TempDir() + "/fazhi.db"
	m := &crashModel{titles: map[uint64]string{}, progress: map[uint64]map[string]bool{}, status: map[uint64]Status{}, values: map[string]string{}}
	// The kill points come from this seed; FAZHI_CRASH_SEED=<seed> replays
	// a failed run's rounds.
	seed := uint64(time.Now().UnixNano())
	if v, err := strconv.ParseUint(os.Getenv("FAZHI_CRASH_SEED"), 10, 64); err == nil {
		seed = v
	}
	t.Logf("seed %d (replay with FAZHI_CRASH_SEED=%d)", seed, seed)
	rng := rand.New(rand.NewPCG(seed, 1))
	start := time.Now()
	var committed, killedMidChange int
	for r := range rounds {
		// A kill after k committed changes plus 0–3 ms, so it lands at
		// every point of a transaction; k = 0 kills during start-up.
		k := rng.IntN(40)
		delay := time.Duration(rng.IntN(3000)) * time.Microsecond
		n, mid := crashRound(t, path, uint64(r+1), k, delay, m)
		committed += n
		if mid {
			killedMidChange++
		}
		verifyCrashFile(t, path, m, r)
		if t.Failed() {
			t.Fatalf("round %d of %d failed (kill after %d changes + %v; FAZHI_CRASH_SEED=%d)", r+1, rounds, k, delay, seed)
		}
	}
	t.Logf("%d rounds survived in %v: %d changes reported committed, all present; %d kills landed between try and ok",
		rounds, time.Since(start).Round(time.Millisecond), committed, killedMidChange)
}

// crashRound runs one writer and kills it; it returns how many changes the
// writer reported and whether one was in flight at the kill.
func crashRound(t *testing.T, path string, seed uint64, k int, delay time.Duration, m *crashModel) (int, bool) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), envCrashChild+"="+path, envCrashChild+"_SEED="+strconv.FormatUint(seed, 10))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(stdout)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	oks := 0
	var once sync.Once
	kill := func() {
		once.Do(func() { cmd.Process.Kill() }) // SIGKILL on Unix: no deferred Close, no flush
	}
	var timer *time.Timer
	if k == 0 {
		timer = time.AfterFunc(delay*10, kill)
	}
	var pending string
	for line := range lines {
		switch {
		case strings.HasPrefix(line, "try "):
			pending = strings.TrimPrefix(line, "try ")
		case strings.HasPrefix(line, "ok "):
			m.apply(strings.TrimPrefix(line, "ok "))
			pending = ""
			oks++
			if oks == k {
				time.AfterFunc(delay, kill)
			}
		}
	}
	if timer != nil {
		timer.Stop()
	}
	kill()
	err = cmd.Wait()
	if stderr.Len() > 0 {
		t.Fatalf("writer failed: %s (%v)", stderr.String(), err)
	}
	m.inFlight = pending
	return oks, pending != ""
}

func verifyCrashFile(t *testing.T, path string, m *crashModel, round int) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatalf("round %d: file does not open after the kill: %v", round+1, err)
	}
	db.View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			t.Errorf("round %d: consistency check: %v", round+1, err)
		}
		return nil
	})
	db.Close()

	s, err := Open(path)
	if err != nil {
		t.Fatalf("round %d: %v", round+1, err)
	}
	defer s.Close()
	tasks, err := s.Tasks(crashYear)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[uint64]Task{}
	for _, task := range tasks {
		byID[task.ID] = task
	}
	for id, title := range m.titles {
		task, ok := byID[id]
		if !ok || task.Title != title {
			t.Errorf("round %d: reported task %d %s is missing", round+1, id, title)
			continue
		}
		have := map[string]bool{}
		for _, p := range task.Progress {
			have[p.Text] = true
		}
		for text := range m.progress[id] {
			if !have[text] {
				t.Errorf("round %d: reported progress on task %d is missing: %.20s…", round+1, id, text)
			}
		}
		if task.Status != m.status[id] && !m.inFlightTouches(id) {
			t.Errorf("round %d: task %d status %s; reported %s", round+1, id, task.Status, m.status[id])
		}
		// Whatever the in-flight change did is now the truth to build on.
		m.status[id] = task.Status
		for _, p := range task.Progress {
			if m.progress[id] == nil {
				m.progress[id] = map[string]bool{}
			}
			m.progress[id][p.Text] = true
		}
	}
	stats, err := s.Stats(crashYear)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range stats {
		want, ok := m.values[st.Code]
		got := FormatValue(st.Value)
		f := strings.SplitN(m.inFlight, " ", 3)
		inFlight := len(f) == 3 && f[0] == "value" && f[1] == st.Code
		if ok && (!st.Has || got != want) && !inFlight {
			t.Errorf("round %d: %s = %s (has %v); reported %s", round+1, st.Code, got, st.Has, want)
		}
		if st.Has && (ok || inFlight) {
			m.values[st.Code] = got // the in-flight value may have landed
		}
	}
	// A task added in flight may exist without a report: adopt it.
	for id, task := range byID {
		if _, ok := m.titles[id]; !ok {
			m.titles[id] = task.Title
			m.status[id] = task.Status
		}
	}
}
