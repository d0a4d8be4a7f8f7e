package store

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/internal/testlong"
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
	runWriters(t, url, pgWriterRecords, names)
	t.Logf("%d writers × %d records on PostgreSQL: %s", pgWriters, pgWriterRecords, time.Since(start).Round(time.Millisecond))
	checkWriters(t, s, pgWriterRecords, names)
	ctx := context.Background()
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
