package cli

import (
	"bytes"
	"context"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/internal/crashtest"
	"github.com/kpit-dev/kpit/internal/testlong"
	"github.com/kpit-dev/kpit/store"
)

// killAt runs the kpit binary with args and sends it SIGKILL after delay,
// unless it has finished by then. acked is true when it exited 0 before the
// kill: its write was acknowledged. Any other way of ending (exit 2, a
// message) counts as a failure unless it was the kill.
func killAt(t *testing.T, bin string, delay time.Duration, args ...string) (acked, failed bool, stderr string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	var errBuf bytes.Buffer
	cmd.Stderr = &errBuf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return err == nil, err != nil, errBuf.String()
	case <-time.After(delay):
		cmd.Process.Kill()
		err := <-done
		if err == nil {
			return true, false, "" // it finished as the kill was sent
		}
		if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() > 0 {
			return false, true, errBuf.String() // it ended on its own, with an error
		}
		return false, false, ""
	}
}

// lifetime is how long one run of the kpit binary with args takes here,
// now (the machine's load changes it tenfold), so that the kills can be
// spread over a command's whole life.
func lifetime(t *testing.T, bin string, args ...string) time.Duration {
	t.Helper()
	start := time.Now()
	if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		t.Fatalf("kpit %s: %v: %s", strings.Join(args, " "), err, out)
	}
	return time.Since(start)
}

// TestKilledAddsLoseNothing runs `kpit add activity` again and again, each
// killed with SIGKILL at a random moment: every add acknowledged with exit
// 0 is in the file exactly once, the others at most once, and the file
// passes integrity_check, the journal check and the roll-up recount.
// KPIT_TRIALS sets the number of adds (RELIABILITY.md).
func TestKilledAddsLoseNothing(t *testing.T) {
	testlong.Skip(t)
	bin := builtKpit(t)
	path := newEntryDB(t)
	before := crashtest.LastIDs(t, path)
	life := lifetime(t, bin, "add", "activity", "--kind", "call", "--rep", "鈴木", "--today", "2026-03-02", "--db", path)
	r := rand.New(rand.NewSource(3))
	var tally crashtest.Tally
	acked := map[string]bool{}
	for i := 0; i < testlong.Trials(40); i++ {
		tally.Trials++
		note := fmt.Sprintf("add %d", i)
		ok, failed, stderr := killAt(t, bin, crashtest.Delay(r, life), "add", "activity", "--kind", "call", "--rep", "田中",
			"--note", note, "--today", "2026-03-02", "--db", path)
		if failed {
			tally.Failures++
			t.Errorf("%s ended with an error: %s", note, stderr)
		}
		if ok {
			acked[note] = true
		}
	}
	found := crashtest.Counts(t, crashtest.ReadOnlyDB(t, path), `SELECT note FROM activities WHERE deleted_at IS NULL`)
	tally.Once(t, acked, found)
	delete(found, "") // the timing run's
	crashtest.CheckAfterKills(t, path, before)
	t.Logf("acknowledged %d of %d, committed %d (one run: %v)", len(acked), tally.Trials, len(found), life.Round(time.Millisecond))
	tally.Log(t)
}

// TestKilledKPISetsLoseNothing does the same with `kpit kpi set` on the
// demo database: every acknowledged revision is in kpi_revisions exactly
// once, and the file is sound.
func TestKilledKPISetsLoseNothing(t *testing.T) {
	testlong.Skip(t)
	bin := builtKpit(t)
	path := filepath.Join(t.TempDir(), "demo.db")
	if code, _, errOut := runKpit(t, "demo", "--db", path, "--today", "2026-03-02"); code != 0 {
		t.Fatal(errOut)
	}
	before := crashtest.LastIDs(t, path)
	life := lifetime(t, bin, "kpi", "set", "opportunities", "--target", "99", "--reason", "timing", "--today", "2026-03-02", "--db", path)
	r := rand.New(rand.NewSource(4))
	var tally crashtest.Tally
	acked := map[string]bool{}
	for i := 0; i < testlong.Trials(20); i++ {
		tally.Trials++
		reason := fmt.Sprintf("kpi set %d", i)
		ok, failed, stderr := killAt(t, bin, crashtest.Delay(r, life), "kpi", "set", "opportunities", "--target", fmt.Sprint(100+i),
			"--reason", reason, "--today", "2026-03-02", "--db", path)
		if failed {
			tally.Failures++
			t.Errorf("%s ended with an error: %s", reason, stderr)
		}
		if ok {
			acked[reason] = true
		}
	}
	db := crashtest.ReadOnlyDB(t, path)
	found := crashtest.Counts(t, db, `SELECT reason FROM kpi_revisions WHERE reason LIKE 'kpi set %'`)
	tally.Once(t, acked, found)
	crashtest.CheckAfterKills(t, path, before)
	t.Logf("acknowledged %d of %d, committed %d (one run: %v)", len(acked), tally.Trials, len(found), life.Round(time.Millisecond))
	tally.Log(t)
}

// TestKilledBackupsLeaveNoHalfCopy kills `kpit backup` at random moments
// while it copies the demo database: the database stays sound, and FILE
// is either absent or a whole backup (CheckBackup: kpit's, integrity_check
// ok, every row); no half copy ever has FILE's name.
func TestKilledBackupsLeaveNoHalfCopy(t *testing.T) {
	testlong.Skip(t)
	bin := builtKpit(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "demo.db")
	if code, _, errOut := runKpit(t, "demo", "--db", path, "--today", "2026-03-02"); code != 0 {
		t.Fatal(errOut)
	}
	before := crashtest.LastIDs(t, path)
	life := lifetime(t, bin, "backup", "--out", filepath.Join(dir, "timing.db"), "--db", path)
	r := rand.New(rand.NewSource(5))
	var tally crashtest.Tally
	whole := 0
	for i := 0; i < testlong.Trials(8); i++ {
		tally.Trials++
		out := filepath.Join(dir, fmt.Sprintf("backup-%d.db", i))
		ok, failed, stderr := killAt(t, bin, crashtest.Delay(r, life), "backup", "--out", out, "--db", path)
		if failed {
			tally.Failures++
			t.Errorf("backup %d ended with an error: %s", i, stderr)
		}
		_, statErr := os.Stat(out)
		switch {
		case ok && statErr != nil:
			tally.Lost++
			t.Errorf("backup %d acknowledged, and %s is missing", i, out)
		case statErr == nil:
			if _, err := store.CheckBackup(context.Background(), out); err != nil {
				tally.Failures++
				t.Errorf("backup %d: %s is not a whole backup: %v", i, out, err)
			}
			whole++
		}
	}
	crashtest.CheckAfterKills(t, path, before)
	temps, _ := filepath.Glob(filepath.Join(dir, ".backup-*.tmp-*[0-9]"))
	t.Logf("whole backups %d of %d (one run: %v); temporary files left by the kills: %d", whole, tally.Trials, life.Round(time.Millisecond), len(temps))
	tally.Log(t)
}
