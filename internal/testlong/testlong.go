// Package testlong marks the tests that spawn processes, kill them, race
// several writers or build the binary. They run under `make test-long` and in
// .ci/run, not in the plain `go test ./...` a newcomer runs first, which must
// answer in about a minute.
package testlong

import (
	"os"
	"strconv"
	"testing"
)

// Env is the variable `make test-long` sets.
const Env = "KPIT_TEST_LONG"

// Enabled reports whether the long tests were asked for.
func Enabled() bool { return os.Getenv(Env) != "" }

// Skip skips t unless the long tests were asked for.
func Skip(t testing.TB) {
	t.Helper()
	if !Enabled() {
		t.Skip("long test: run with make test-long (" + Env + "=1)")
	}
}

// TrialsEnv is the variable that sets how many trials a trial test runs.
const TrialsEnv = "KPIT_TRIALS"

// Trials is the number of trials a trial test runs: $KPIT_TRIALS when it is
// a positive whole number, else small, the count CI runs in its time.
func Trials(small int) int {
	if n, err := strconv.Atoi(os.Getenv(TrialsEnv)); err == nil && n > 0 {
		return n
	}
	return small
}
