package cli

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// testNow is the clock of every command the tests run in this process
// (TestMain sets clock to it): Thursday 26 November 2026, 10:00 in Tokyo, as
// in the tui tests.
var testNow = time.Date(2026, time.November, 26, 1, 0, 0, 0, time.UTC)

// testDir is the test binary's own temporary directory (TestMain): the
// shared demo database and an empty config directory live in it.
var testDir string

var (
	demoOnce sync.Once
	demoErr  string
)

// demoCopy is a copy of what `kpit demo --today 2026-11-26` writes, for a
// test that reads it or writes to it. The demo is written once per test
// binary: seeding is the most expensive step of these tests.
func demoCopy(t *testing.T) string {
	t.Helper()
	shared := filepath.Join(testDir, "demo.db")
	demoOnce.Do(func() {
		if code, _, errOut := kpitRun("demo", "--db", shared, "--today", "2026-11-26"); code != 0 {
			demoErr = errOut
		}
	})
	if demoErr != "" {
		t.Fatalf("kpit demo: %s", demoErr)
	}
	// kpit demo closed the file, so it alone is the whole database.
	data, err := os.ReadFile(shared)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
