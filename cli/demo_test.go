package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kpit-dev/kpit/store"
)

func TestDemoCommand(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "demo.db")
	code, out, errOut := kpitRun("demo", "--db", path, "--seed", "3", "--today", "2026-11-26")
	if code != 0 || !strings.Contains(out, path) {
		t.Fatalf("demo: exit %d, %q, %q", code, out, errOut)
	}
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	c, err := st.RecordCounts(context.Background())
	st.Close()
	if err != nil || c.Reps != 20 || c.Opportunities == 0 {
		t.Fatalf("demo database holds %+v, %v", c, err)
	}
	// One line says what was made, with the database's own counts.
	grouped := func(n int) string {
		s := fmt.Sprint(n)
		for i := len(s) - 3; i > 0; i -= 3 {
			s = s[:i] + "," + s[i:]
		}
		return s
	}
	for _, want := range []string{"demo company: 20 reps, " + grouped(c.Opportunities) + " opportunities (",
		" open), " + grouped(c.Activities) + " activities, " + grouped(c.Leads) + " leads, " + grouped(c.Customers) + " customers",
		"; KGI annual revenue ¥1,000,000,000 by 2027-03-31\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q:\n%s", want, out)
		}
	}
	// The same again is refused in one line and changes nothing.
	before, _ := os.ReadFile(path)
	code, _, errOut = kpitRun("demo", "--db", path)
	if code != exitUsage || !strings.Contains(errOut, "already has records") || strings.Count(errOut, "\n") != 1 {
		t.Fatalf("second demo: exit %d, %q", code, errOut)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Fatal("a refused demo changed the database")
	}
	// The report of the demo's fiscal year to date has the figures of the
	// store's own count.
	r := reportJSON(t, "--db", path, "--from", "2026-04-01", "--to", "2026-11-26")
	if *r.Metrics["opportunities"] == 0 || r.Metrics["win_rate"] == nil || *r.Metrics["win_rate"] < 0.2 || *r.Metrics["win_rate"] > 0.4 {
		t.Fatalf("demo report = %v", r.Metrics)
	}

	// A file that is not a database is refused and left as it was.
	text := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(text, []byte(strings.Repeat("meeting notes\n", 50)), 0o644)
	code, _, errOut = kpitRun("demo", "--db", text)
	if after, _ := os.ReadFile(text); code != exitUsage || !strings.Contains(errOut, text) || string(after) != strings.Repeat("meeting notes\n", 50) {
		t.Fatalf("demo on a text file: exit %d, %q", code, errOut)
	}

	for _, args := range [][]string{{"--db", filepath.Join(t.TempDir(), "x.db"), "--today", "2026-02-30"}, {"--seed", "x"}} {
		if code, _, errOut := kpitRun(append([]string{"demo"}, args...)...); code != exitUsage || strings.Count(errOut, "\n") != 1 {
			t.Errorf("demo %v: exit %d, %q", args, code, errOut)
		}
	}
}
