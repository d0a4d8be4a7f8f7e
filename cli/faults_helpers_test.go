package cli

import (
	"github.com/kpit-dev/kpit/internal/pgtest"
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
	pgtest.Stop()
	os.RemoveAll(dir)
	if builtDir != "" {
		os.RemoveAll(builtDir)
	}
	os.Exit(code)
}
