package cli

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/kpit-dev/kpit/internal/crashtest"
	"github.com/kpit-dev/kpit/internal/testlong"
)

// TestEightProcessesCreateOneNewFile starts 8 kpit processes at once on a
// database that does not exist yet: five add an activity with --create-rep
// (each must succeed), two add an opportunity with an impossible date and
// one imports a CSV that does not exist (each must be refused in one line).
// Afterwards every acknowledged activity is in the file exactly once, no
// refused one is, and the file passes integrity_check. A refused command
// must never remove the file the others wrote to.
// KPIT_TRIALS sets the number of trials (RELIABILITY.md).
func TestEightProcessesCreateOneNewFile(t *testing.T) {
	testlong.Skip(t)
	bin := builtKpit(t)
	var tally crashtest.Tally
	for trial := 0; trial < testlong.Trials(5); trial++ {
		tally.Trials++
		dir := t.TempDir()
		db := filepath.Join(dir, "new.db")
		type proc struct {
			cmd    *exec.Cmd
			valid  bool
			note   string
			stderr bytes.Buffer
		}
		var procs []*proc
		for p := 1; p <= 8; p++ {
			pr := &proc{note: fmt.Sprintf("trial %d process %d", trial, p)}
			switch p {
			case 3, 6:
				pr.cmd = exec.Command(bin, "add", "opportunity", "--db", db, "--create-rep", "--id", pr.note,
					"--rep", "X", "--account", "Y", "--created", "2026-02-30", "--today", "2026-03-02")
			case 8:
				pr.cmd = exec.Command(bin, "import", "opportunities", filepath.Join(dir, "missing.csv"), "--db", db)
			default:
				pr.valid = true
				pr.cmd = exec.Command(bin, "add", "activity", "--db", db, "--create-rep", "--kind", "visit",
					"--rep", fmt.Sprintf("Rep %d", p), "--note", pr.note, "--today", "2026-03-02")
			}
			pr.cmd.Stderr = &pr.stderr
			procs = append(procs, pr)
		}
		var start sync.WaitGroup
		start.Add(len(procs))
		var done sync.WaitGroup
		for _, pr := range procs {
			done.Add(1)
			go func(pr *proc) {
				defer done.Done()
				start.Done()
				start.Wait() // all eight leave together
				pr.cmd.Run()
			}(pr)
		}
		done.Wait()
		acked := map[string]bool{}
		for _, pr := range procs {
			code := pr.cmd.ProcessState.ExitCode()
			lines := strings.Count(strings.TrimSpace(pr.stderr.String()), "\n") + 1
			switch {
			case pr.valid && code == 0:
				acked[pr.note] = true
			case pr.valid:
				tally.Failures++
				t.Errorf("trial %d: %s: exit %d: %s", trial, pr.note, code, pr.stderr.String())
			case code != exitUsage || lines != 1:
				tally.Failures++
				t.Errorf("trial %d: refused %s: exit %d, want 2 and one line: %q", trial, pr.note, code, pr.stderr.String())
			}
		}
		if _, err := os.Stat(db); err != nil {
			tally.Lost += len(acked)
			t.Errorf("trial %d: %d acknowledged writes, and the file is gone: %v", trial, len(acked), err)
			continue
		}
		sdb := crashtest.ReadOnlyDB(t, db)
		crashtest.IntegrityOK(t, sdb)
		found := map[string]int{}
		rows, err := sdb.Query("SELECT note FROM activities")
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var note string
			rows.Scan(&note)
			found[note]++
		}
		rows.Close()
		var opps int
		sdb.QueryRow("SELECT count(*) FROM opportunities").Scan(&opps)
		if opps != 0 {
			t.Errorf("trial %d: %d opportunities written by refused commands", trial, opps)
		}
		for note := range acked {
			switch n := found[note]; {
			case n == 0:
				tally.Lost++
				t.Errorf("trial %d: acknowledged %q is missing", trial, note)
			case n > 1:
				tally.Duplicated++
				t.Errorf("trial %d: %q is there %d times", trial, note, n)
			}
		}
		for note := range found {
			if !acked[note] {
				t.Errorf("trial %d: %q is there but was not acknowledged", trial, note)
			}
		}
	}
	tally.Log(t)
}

// An import refused before its first row (no such file, an unknown
// profile, a header that binds nothing) makes no database file.
func TestRefusedImportMakesNoFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "new.db")
	csv := writeTemp(t, "odd.csv", []byte("colour,size\nred,3\n"))
	for _, args := range [][]string{
		{"import", "opportunities", filepath.Join(dir, "missing.csv"), "--db", db},
		{"import", "--profile", "weekly", csv, "--db", db},
		{"import", "opportunities", csv, "--db", db},
	} {
		code, _, errOut := runKpit(t, args...)
		if code == 0 || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("%v: exit %d, want a refusal in one line: %q", args, code, errOut)
		}
		if _, err := os.Stat(db); !os.IsNotExist(err) {
			t.Fatalf("%v left %s behind (%v)", args, db, err)
		}
	}
}
