//go:build linux

package cli

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/internal/crashtest"
	"github.com/kpit-dev/kpit/internal/testlong"
)

// diskCounts is how many records of each kind the file holds, read past
// kpit's code.
func diskCounts(t *testing.T, path string) string {
	t.Helper()
	db := crashtest.ReadOnlyDB(t, path)
	var acts, opps int
	if err := db.QueryRow(`SELECT (SELECT count(*) FROM activities), (SELECT count(*) FROM opportunities)`).Scan(&acts, &opps); err != nil {
		t.Fatal(err)
	}
	db.Close()
	return fmt.Sprintf("%d activities, %d opportunities", acts, opps)
}

// manyDeals writes a CSV of n opportunities: an import of it writes far
// more than one page.
func manyDeals(t *testing.T, n int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("id,owner,account,amount\n")
	for i := range n {
		fmt.Fprintf(&b, "D%d,Rep %d,Account %d,%d\n", i, i%20, i, (i+1)*1000)
	}
	path := filepath.Join(t.TempDir(), "deals.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// writeFailCase runs one write that may meet a failed write (run), and
// checks the outcome a user relies on: a refused write exits non-zero
// with one line naming the database and the problem (want), and leaves
// the file as it was (the same records, integrity_check, the journal and
// kpit doctor's recount of the roll-up); an accepted one is there.
func writeFailCase(t *testing.T, db, want string, run func() (code int, stderr string), tally *crashtest.Tally, added string) {
	t.Helper()
	tally.Trials++
	before := diskCounts(t, db)
	lastIDs := crashtest.LastIDs(t, db)
	code, stderr := run()
	after := diskCounts(t, db)
	switch {
	case code == 0 && after == added:
	case code == 0:
		tally.Lost++
		t.Errorf("acknowledged, but the file holds %s, want %s", after, added)
	case after != before:
		tally.Failures++
		t.Errorf("refused (%q), but the file went from %s to %s", stderr, before, after)
	case strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "database "+db+": could not be written: "+want) ||
		!strings.HasSuffix(stderr, "; nothing was saved\n"):
		tally.Failures++
		t.Errorf("exit %d, stderr %q, want one line naming %s and %q", code, stderr, db, want)
	}
	crashtest.CheckAfterKills(t, db, lastIDs)
}

// TestFileSizeLimitDuringWrite runs kpit add and kpit import under a file
// size limit (RLIMIT_FSIZE, set by prlimit on the child: the database or
// its -wal file cannot grow past it, and the write fails with EFBIG, as on
// a full disk). Limits from below the first WAL frame to past a whole
// import: every refusal is one line naming the file, and the file keeps
// exactly what it had.
func TestFileSizeLimitDuringWrite(t *testing.T) {
	testlong.Skip(t)
	prlimit, err := exec.LookPath("prlimit")
	if err != nil {
		t.Skip("prlimit (util-linux) is not installed")
	}
	bin := builtKpit(t)
	csv := manyDeals(t, 3000)
	var tally crashtest.Tally
	refused := 0
	// Each limit with the way the line writes it, grouped.
	for _, c := range []struct {
		limit   int
		written string
	}{{36_000, "36,000"}, {60_000, "60,000"}, {120_000, "120,000"}, {250_000, "250,000"}, {500_000, "500,000"}, {1_000_000, "1,000,000"}} {
		limit := c.limit
		db := newEntryDB(t)
		runLimited := func(args ...string) func() (int, string) {
			return func() (int, string) {
				cmd := exec.Command(prlimit, append([]string{fmt.Sprintf("--fsize=%d", limit), bin}, append(args, "--db", db)...)...)
				var stderr bytes.Buffer
				cmd.Stderr = &stderr
				err := cmd.Run()
				code := cmd.ProcessState.ExitCode()
				if err != nil && code <= 0 {
					t.Fatalf("run under prlimit: %v", err)
				}
				if code != 0 {
					refused++
				}
				return code, stderr.String()
			}
		}
		want := "a file size limit of " + c.written + " bytes (ulimit -f)"
		writeFailCase(t, db, want, runLimited("add", "activity", "--kind", "visit", "--rep", "田中",
			"--note", strings.Repeat("x", 3000), "--today", "2026-03-02"), &tally, "1 activities, 0 opportunities")
		added := diskCounts(t, db)
		writeFailCase(t, db, want, runLimited("import", "opportunities", csv, "--today", "2026-03-02"), &tally,
			strings.Replace(added, "0 opportunities", "3000 opportunities", 1))
	}
	if refused == 0 {
		t.Error("no write met the limit: the test tried nothing")
	}
	t.Logf("%d of %d writes refused by the limit", refused, tally.Trials)
	tally.Log(t)
}

// TestFullDiskDuringWrite fills a small tmpfs (mounted by the test: root
// only, where mounting is allowed) and runs kpit add and kpit import on a
// database in it: one line naming the file and the full disk, and, once
// space is freed, the file as it was.
func TestFullDiskDuringWrite(t *testing.T) {
	testlong.Skip(t)
	if os.Geteuid() != 0 {
		t.Skip("mounting a tmpfs needs root")
	}
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=2m"); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, 0) })
	bin := builtKpit(t)
	csv := manyDeals(t, 3000)
	db := filepath.Join(dir, "k.db")
	if code, _, errOut := runKpit(t, "add", "activity", "--create-rep", "--kind", "visit", "--rep", "田中", "--today", "2026-03-02", "--db", db); code != 0 {
		t.Fatalf("seed: %s", errOut)
	}
	filler := filepath.Join(dir, "filler")
	fill := func() {
		f, err := os.Create(filler)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		for {
			if _, err := f.Write(make([]byte, 4096)); err != nil {
				return // the disk is full
			}
		}
	}
	var tally crashtest.Tally
	for _, args := range [][]string{
		{"add", "activity", "--kind", "visit", "--rep", "田中", "--note", strings.Repeat("x", 3000), "--today", "2026-03-02"},
		{"import", "opportunities", csv, "--today", "2026-03-02"},
	} {
		// The test reads the file only with space free: SQLite's reader
		// needs its -shm file, which a full disk may not let it make.
		tally.Trials++
		before := diskCounts(t, db)
		fill()
		cmd := exec.Command(bin, append(args, "--db", db)...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		cmd.Run()
		os.Remove(filler)
		if cmd.ProcessState.ExitCode() == 0 {
			tally.Failures++
			t.Errorf("%s on a full disk: exit 0", args[0])
		}
		if got := stderr.String(); strings.Count(got, "\n") != 1 || !strings.Contains(got, db+": could not be written: the disk is full") {
			tally.Failures++
			t.Errorf("%s: %q, want one line naming %s and the full disk", args[0], got, db)
		}
		if after := diskCounts(t, db); after != before {
			tally.Failures++
			t.Errorf("%s: the file went from %s to %s", args[0], before, after)
		}
		crashtest.IntegrityOK(t, crashtest.ReadOnlyDB(t, db))
	}
	tally.Log(t)
}

// TestImportBombsKeepRSSFlat runs the built kpit on the inputs and
// reads the child's peak RSS from the kernel (rusage): an .xlsx whose one
// cell inflates to 400 MB (it took 3.66 GB before) and a CSV of 100,000
// columns, each refused in one line, quickly, with nothing written.
func TestImportBombsKeepRSSFlat(t *testing.T) {
	testlong.Skip(t)
	bin := builtKpit(t)
	dir := t.TempDir()
	bomb := filepath.Join(dir, "bomb.xlsx")
	if err := crashtest.CraftXLSX(bomb, 400<<20); err != nil {
		t.Fatal(err)
	}
	var wide strings.Builder
	for i := range 100_000 {
		fmt.Fprintf(&wide, "c%d,", i)
	}
	wide.WriteString("id\n1\n")
	wideCSV := filepath.Join(dir, "wide.csv")
	if err := os.WriteFile(wideCSV, []byte(wide.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	db := newEntryDB(t)
	before := sumOrMissing(db)
	timeBin, err := exec.LookPath("/usr/bin/time")
	if err != nil {
		t.Skip("no GNU time (/usr/bin/time) to read the child's own peak RSS; .ci/run installs it")
	}
	for _, tc := range []struct{ file, limit string }{{bomb, "raise cell_bytes"}, {wideCSV, "raise columns"}} {
		// Through GNU time, which forks its child: a child this test
		// process starts itself is vforked, and Linux hands it the test
		// process's own high-water RSS at exec, so its rusage would
		// report this process's peak, not kpit's.
		rssFile := filepath.Join(dir, "rss")
		cmd := exec.Command(timeBin, "-f", "%M", "-o", rssFile, bin, "import", "opportunities", tc.file, "--db", db)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		start := time.Now()
		err := cmd.Run()
		took := time.Since(start)
		rss := childPeakKB(t, rssFile)
		if err == nil || strings.Count(stderr.String(), "\n") != 1 || !strings.Contains(stderr.String(), tc.limit) {
			t.Errorf("%s: %v, %q", filepath.Base(tc.file), err, stderr.String())
		}
		if rss > 100<<10 {
			t.Errorf("%s: peak RSS %d MB", filepath.Base(tc.file), rss>>10)
		}
		t.Logf("%s: refused in %v, peak RSS %d MB", filepath.Base(tc.file), took.Round(time.Millisecond), rss>>10)
	}
	if sumOrMissing(db) != before {
		t.Error("a refused import changed the file")
	}
}

// childPeakKB reads GNU time's %M (the child's peak RSS in KB), the last
// line of its -o file (a non-zero exit adds a line before it).
func childPeakKB(t *testing.T, file string) int64 {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Fields(string(b))
	if len(lines) == 0 {
		t.Fatalf("GNU time wrote nothing to %s", file)
	}
	kb, err := strconv.ParseInt(lines[len(lines)-1], 10, 64)
	if err != nil {
		t.Fatalf("GNU time's peak RSS %q: %v", b, err)
	}
	return kb
}
