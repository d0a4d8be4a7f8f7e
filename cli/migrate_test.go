package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/kpit-dev/kpit/internal/pgtest"
	"github.com/kpit-dev/kpit/internal/testlong"
)

// sameFigures are commands whose output is the figures of a database:
// after a move, and on the same data written to either store, each must
// print the same on both.
var sameFigures = [][]string{
	{"report", "--today", "2026-11-26"},
	{"report", "--by", "rep", "--format", "csv", "--today", "2026-11-26"},
	{"report", "--period", "2026-10", "--format", "md", "--today", "2026-11-26"},
	{"forecast", "--today", "2026-11-26"},
	{"funnel", "--by", "rep", "--format", "json", "--today", "2026-11-26"},
	{"tree", "--today", "2026-11-26"},
	{"kpi", "list"},
	{"alerts", "--format", "json"},
	{"export", "opportunities", "--format", "json"},
	{"export", "leads", "--format", "csv"},
}

func sameOnBoth(t *testing.T, what, a, b string) {
	t.Helper()
	for _, args := range sameFigures {
		codeA, outA, errA := kpitRun(append(args, "--db", a)...)
		codeB, outB, errB := kpitRun(append(args, "--db", b)...)
		if codeA != codeB || outA != outB || errA != errB {
			t.Errorf("%s: kpit %s differs: exit %d against %d\n%s%s\n---\n%s%s", what, strings.Join(args, " "),
				codeA, codeB, head(outA), errA, head(outB), errB)
		}
		if outA == "" {
			t.Errorf("%s: kpit %s printed nothing (%s)", what, strings.Join(args, " "), errA)
		}
	}
}

func head(s string) string {
	if lines := strings.SplitN(s, "\n", 6); len(lines) == 6 {
		return strings.Join(lines[:5], "\n") + "\n…\n"
	}
	return s
}

// TestMigrateToPostgresAndBackKeepsTheFigures moves the demo file to
// PostgreSQL and from there to a new file: every figure command prints
// the same on all three.
func TestMigrateToPostgresAndBackKeepsTheFigures(t *testing.T) {
	testlong.Skip(t)
	file := demoCopy(t)
	pg := pgtest.URL(t)
	if code, out, errOut := kpitRun("migrate", "--from", file, "--to", pg, "--lang", "en"); code != 0 || !strings.Contains(out, "moved ") {
		t.Fatalf("migrate to PostgreSQL: exit %d: %s%s", code, out, errOut)
	}
	sameOnBoth(t, "file and PostgreSQL after the move", file, pg)
	back := filepath.Join(t.TempDir(), "team.db")
	if code, out, errOut := kpitRun("migrate", "--from", pg, "--to", back); code != 0 {
		t.Fatalf("migrate back: exit %d: %s%s", code, out, errOut)
	}
	sameOnBoth(t, "file and the file moved back", file, back)
	// A second move into either is refused: both now hold the records.
	for _, to := range []string{pg, back} {
		code, out, errOut := kpitRun("migrate", "--from", file, "--to", to)
		if code == 0 || !strings.Contains(errOut, "already holds kpit data") || strings.Count(errOut, "\n") != 1 {
			t.Errorf("a move into %s holding data: exit %d, %q %q; want one line refusing it", to, code, out, errOut)
		}
	}
	sameOnBoth(t, "file and PostgreSQL after the refused move", file, pg)
}

// TestDemoOnPostgresReportsAsOnAFile writes the demo through PostgreSQL's
// own write path (its triggers keep the roll-ups) and compares every
// figure command with the demo written to a file.
func TestDemoOnPostgresReportsAsOnAFile(t *testing.T) {
	testlong.Skip(t)
	file := demoCopy(t)
	pg := pgtest.URL(t)
	if code, out, errOut := kpitRun("demo", "--db", pg, "--today", "2026-11-26"); code != 0 {
		t.Fatalf("kpit demo on PostgreSQL: exit %d: %s%s", code, out, errOut)
	}
	sameOnBoth(t, "the demo on a file and on PostgreSQL", file, pg)
}

func TestMigrateRefusals(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"migrate", "--to", filepath.Join(dir, "a.db")}, "--from: required"},
		{[]string{"migrate", "--from", filepath.Join(dir, "a.db")}, "--to: required"},
		{[]string{"migrate", "--from", "x.db", "--to", "x.db"}, "same database"},
		{[]string{"migrate", "--from", filepath.Join(dir, "missing.db"), "--to", filepath.Join(dir, "b.db")}, "does not exist"},
		{[]string{"migrate", "--from", "postgres://kpit@/nodb?host=" + dir, "--to", filepath.Join(dir, "c.db")}, "cannot reach the PostgreSQL server"},
	} {
		code, out, errOut := kpitRun(c.args...)
		if code == 0 || out != "" || !strings.Contains(errOut, c.want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("kpit %s: exit %d, %q %q; want one line saying %q", strings.Join(c.args, " "), code, out, errOut, c.want)
		}
	}
}
