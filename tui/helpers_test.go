package tui

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kpit-dev/kpit/demo"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// fixedNow is the clock of every test: Thursday 26 November 2026, 10:00 JST.
var fixedNow = time.Date(2026, time.November, 26, 1, 0, 0, 0, time.UTC)

// demoPath is one demo database seeded for fixedNow, shared by the tests
// (they only read it, except those that copy it first). The tests run in
// parallel (t.Parallel), so TestMain fails the run if any test wrote to it.
var demoPath string

func TestMain(m *testing.M) {
	if crashChild() {
		// A crash test's child writes to its parent's copy, not the demo.
		os.Exit(m.Run())
	}
	// A fuzz worker is a child of the test binary that seeded the demo
	// (go test -fuzz runs a coordinator and a worker per core, each through
	// TestMain): it reads its parent's file rather than seed its own, three
	// seconds of CPU each that would come out of the fuzz time.
	if shared := os.Getenv(sharedDemoEnv); shared != "" {
		if _, err := os.Stat(shared); err == nil {
			demoPath = shared
			os.Exit(m.Run())
		}
	}
	dir, err := os.MkdirTemp("", "kpit-tui-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	demoPath = filepath.Join(dir, "demo.db")
	st, err := store.Open(demoPath)
	if err == nil {
		err = demo.Seed(context.Background(), st, demo.DefaultSeed, fixedNow)
		st.Close()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "seed demo database:", err)
		os.RemoveAll(dir)
		os.Exit(2)
	}
	before, err := os.ReadFile(demoPath)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Setenv(sharedDemoEnv, demoPath)
	code := m.Run()
	if after, err := os.ReadFile(demoPath); err != nil || !bytes.Equal(before, after) {
		fmt.Fprintln(os.Stderr, "a test wrote to the shared demo database; write to copyDemo's copy instead")
		code = 1
	}
	os.RemoveAll(dir)
	os.Exit(code)
}

// sharedDemoEnv names the seeded demo to the test binary's children.
const sharedDemoEnv = "KPIT_TUI_TEST_DEMO"

// openDemo opens the shared demo database.
func openDemo(tb testing.TB) *store.Store {
	tb.Helper()
	st, err := store.Open(demoPath)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}

// newTestApp is the cockpit on the demo data with the fixed clock, no
// colour, its data loaded and the window sized w×h.
func newTestApp(tb testing.TB, lang Lang, w, h int) *App {
	tb.Helper()
	a := New(Options{Store: openDemo(tb), Lang: lang, Now: func() time.Time { return fixedNow }, NoColor: true})
	run(tb, a, a.Init())
	a.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return a
}

// run executes cmd and everything it leads to synchronously, feeding each
// message to the app, as the Bubble Tea runtime would.
func run(tb testing.TB, a *App, cmd tea.Cmd) {
	tb.Helper()
	runEach(tb, a, cmd, nil)
}

// runEach is run calling after (when not nil) once the app has taken each
// message; the commands it returns (keys a test types on seeing the
// screen) join the queue.
func runEach(tb testing.TB, a *App, cmd tea.Cmd, after func() []tea.Cmd) {
	tb.Helper()
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 1000 {
			tb.Fatal("commands do not settle")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg := c()
		switch msg := msg.(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case tea.QuitMsg:
		default:
			if fmt.Sprintf("%T", msg) == "tea.backgroundColorMsg" {
				continue // a request to the terminal, not for the model
			}
			_, next := a.Update(msg)
			queue = append(queue, next)
			if after != nil {
				queue = append(queue, after()...)
			}
		}
	}
}

// press sends one key (as its string: "a", "enter", "ctrl+r") and runs
// the commands it starts.
func press(tb testing.TB, a *App, keys ...string) {
	tb.Helper()
	for _, k := range keys {
		_, cmd := a.Update(keyMsg(k))
		run(tb, a, cmd)
	}
}

func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "ctrl+r":
		return tea.KeyPressMsg{Code: 'r', Mod: tea.ModCtrl}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// screen is what the cockpit shows, without escape sequences.
func screen(a *App) string { return ansi.Strip(a.Render()) }

var _ = model.Date

// teatestWait bounds a teatest flow's wait for a screen. A wait ends as soon
// as the screen shows, so a long bound costs nothing when all is well; it
// only keeps a flow from failing when a loaded machine (CI runs the
// process-spawning tests beside these, and -race slows the program
// tenfold) starves the program for seconds.
const teatestWait = 30 * time.Second

// watchedApp is the cockpit as a teatest flow runs it, keeping the frame it
// draws after each message for the test to wait on. A flow waits on the
// model's own frame, not on the renderer's bytes: those come as the
// differences between frames, so a line drawn once and then partly redrawn
// may never appear whole in the window of output a wait reads, and under
// -race a wait on them failed though the screen was right.
type watchedApp struct {
	*App
	mu    sync.Mutex
	frame string
}

func watch(a *App) *watchedApp { return &watchedApp{App: a} }

// Update runs the cockpit's Update on the program's goroutine and keeps
// the frame it now draws.
func (w *watchedApp) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	_, cmd := w.App.Update(msg)
	frame := screen(w.App)
	w.mu.Lock()
	w.frame = frame
	w.mu.Unlock()
	return w, cmd
}

// waitFor waits until the cockpit's frame holds what, up to teatestWait.
func (w *watchedApp) waitFor(tb testing.TB, what string) {
	tb.Helper()
	deadline := time.Now().Add(teatestWait)
	for {
		w.mu.Lock()
		frame := w.frame
		w.mu.Unlock()
		if strings.Contains(frame, what) {
			return
		}
		if time.Now().After(deadline) {
			tb.Fatalf("after %v the screen does not show %q:\n%s", teatestWait, what, frame)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
