package store

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/internal/testlong"
	"github.com/kpit-dev/kpit/model"
)

// pgWriters × pgWriterRecords is the load BENCHMARKS.md times: eight
// people entering records at once into the team's PostgreSQL database.
const (
	pgWriters       = 8
	pgWriterRecords = 500
)

// TestEightWritersOnPostgres runs eight kpit writers in separate
// processes against one PostgreSQL database, each adding its records one
// transaction at a time, while all of them update the same live count and
// month of roll-up rows. Every record is there once, the journal has one
// row per write, and the roll-ups equal a recount of the records.
func TestEightWritersOnPostgres(t *testing.T) {
	if os.Getenv("KPIT_TEST_WRITER") != "" {
		t.Skip("inside a writer")
	}
	testlong.Skip(t)
	s, url := openPG(t)
	var names []string
	for i := 1; i <= pgWriters; i++ {
		names = append(names, fmt.Sprintf("W%d", i))
	}
	addReps(t, s, names...)
	start := time.Now()
	var cmds []*exec.Cmd
	for _, name := range names {
		cmd := exec.Command(os.Args[0], "-test.run=^TestWriterProcess$", "-test.count=1")
		cmd.Env = append(os.Environ(), "KPIT_TEST_WRITER="+name, "KPIT_TEST_WRITER_DB="+url,
			"KPIT_TEST_WRITER_N="+strconv.Itoa(pgWriterRecords))
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	for _, c := range cmds {
		if err := c.Wait(); err != nil {
			t.Fatalf("writer: %v", err)
		}
	}
	t.Logf("%d writers × %d records on PostgreSQL: %s", pgWriters, pgWriterRecords, time.Since(start).Round(time.Millisecond))
	ctx := context.Background()
	want := 0
	for i := 0; i < pgWriterRecords; i++ {
		want += 1 + i%3 // the calls TestWriterProcess enters
	}
	for _, name := range names {
		seen := map[string]int{}
		rows, err := s.db.Query(`SELECT a.external_id FROM activities a JOIN reps r ON r.id = a.rep_id WHERE r.name = ?`, name)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var ext string
			rows.Scan(&ext)
			seen[ext]++
		}
		rows.Close()
		for i := 0; i < pgWriterRecords; i++ {
			if ext := name + "-" + strconv.Itoa(i); seen[ext] != 1 {
				t.Fatalf("writer %s record %d is there %d times", name, i, seen[ext])
			}
		}
		if len(seen) != pgWriterRecords {
			t.Fatalf("writer %s: %d records, want %d", name, len(seen), pgWriterRecords)
		}
	}
	reps, _ := s.Reps(ctx)
	for _, r := range reps {
		c, err := s.Counts(ctx, Filter{RepID: r.ID})
		if err != nil {
			t.Fatal(err)
		}
		if int(c[model.MetricCalls]) != want {
			t.Fatalf("rep %s: %v calls in the roll-up, want %d", r.Name, c[model.MetricCalls], want)
		}
	}
	var changes, live int
	s.db.QueryRow(`SELECT count(*) FROM changes`).Scan(&changes)
	s.db.QueryRow(`SELECT n FROM live_counts WHERE record = 'activities'`).Scan(&live)
	if changes != pgWriters*pgWriterRecords || live != pgWriters*pgWriterRecords {
		t.Fatalf("%d journal rows and a live count of %d, want %d of each", changes, live, pgWriters*pgWriterRecords)
	}
	if n, first, err := s.rollupDiff(ctx); err != nil || n != 0 {
		t.Fatalf("daily roll-up differs from the recount in %d cells (%s), %v", n, first, err)
	}
	if n, first, err := s.monthlyDiff(ctx); err != nil || n != 0 {
		t.Fatalf("monthly roll-up differs from the daily one in %d cells (%s), %v", n, first, err)
	}
}
