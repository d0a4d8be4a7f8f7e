package cli

import (
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

var (
	builtOnce sync.Once
	builtPath string
	builtErr  error
	builtDir  string
)

// builtKpit is the kpit binary, built once for every test of the package
// that runs it as a separate process.
func builtKpit(t *testing.T) string {
	t.Helper()
	builtOnce.Do(func() {
		builtDir, builtErr = os.MkdirTemp("", "kpit-bin-")
		if builtErr != nil {
			return
		}
		builtPath = filepath.Join(builtDir, "kpit")
		build := exec.Command("go", "build", "-o", builtPath, "..")
		build.Stderr = os.Stderr
		builtErr = build.Run()
	})
	if builtErr != nil {
		t.Fatalf("build kpit: %v", builtErr)
	}
	return builtPath
}

func TestMain(m *testing.M) {
	clock = func() time.Time { return testNow }
	dir, err := os.MkdirTemp("", "kpit-cli-test-")
	if err != nil {
		panic(err)
	}
	testDir = dir
	// No user's config file reaches the tests: each that wants one writes it.
	os.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	code := m.Run()
	os.RemoveAll(dir)
	if builtDir != "" {
		os.RemoveAll(builtDir)
	}
	os.Exit(code)
}

// trialTally counts a trial test's outcomes for RELIABILITY.md: trials
// run, commands that failed when they should not have, acknowledged
// writes missing afterwards, and writes found more than once.
type trialTally struct {
	trials, failures, lost, duplicated int
}

func (c trialTally) log(t *testing.T) {
	t.Logf("trials %d, failures %d, lost %d, duplicated %d", c.trials, c.failures, c.lost, c.duplicated)
}

// readOnlyDB opens path for the test's own reads, past kpit's code.
func readOnlyDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// integrityOK runs integrity_check on path.
func integrityOK(t *testing.T, db *sql.DB) {
	t.Helper()
	var res string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		t.Errorf("integrity_check: %q, %v", res, err)
	}
}
