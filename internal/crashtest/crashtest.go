// Package crashtest holds what kpit's crash tests share (RELIABILITY.md):
// the tally of a run of trials, the moment of a kill, and the checks of a
// database file after a run of kills, made past kpit's code.
package crashtest

import (
	"context"
	"database/sql"
	"math/rand"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/store"
)

// Tally counts a trial test's outcomes for RELIABILITY.md: trials run,
// commands that failed when they should not have, acknowledged writes
// missing afterwards, and writes found more than once.
type Tally struct {
	Trials, Failures, Lost, Duplicated int
}

// Once checks that every acknowledged write is among those found exactly
// once, and that none found is there twice, counting what is lost and
// what is duplicated.
func (c *Tally) Once(t testing.TB, acked map[string]bool, found map[string]int) {
	t.Helper()
	for key := range acked {
		if found[key] == 0 {
			c.Lost++
			t.Errorf("acknowledged %q is missing", key)
		}
	}
	for key, n := range found {
		if n > 1 {
			c.Duplicated++
			t.Errorf("%q is there %d times", key, n)
		}
	}
}

// Counts is how many rows of query, which reads one text column, hold
// each value.
func Counts(t testing.TB, db *sql.DB, query string) map[string]int {
	t.Helper()
	rows, err := db.Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			t.Fatal(err)
		}
		out[v]++
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// Log prints the tally in the one form RELIABILITY.md quotes.
func (c Tally) Log(t testing.TB) {
	t.Helper()
	t.Logf("trials %d, failures %d, lost %d, duplicated %d", c.Trials, c.Failures, c.Lost, c.Duplicated)
}

// Delay is a kill moment spread over a process's life (start-up, open,
// the writes, the exit) and a little past it: 0 to 1.3 times life.
func Delay(r *rand.Rand, life time.Duration) time.Duration {
	return time.Duration(r.Int63n(int64(life) * 13 / 10))
}

// ReadOnlyDB opens path for the test's own reads, past kpit's code.
func ReadOnlyDB(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// IntegrityOK runs integrity_check on db.
func IntegrityOK(t testing.TB, db *sql.DB) {
	t.Helper()
	var res string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		t.Errorf("integrity_check: %q, %v", res, err)
	}
}

// recordTables are the journaled tables whose new rows the checks follow.
var recordTables = []string{"activities", "opportunities", "leads"}

// LastIDs is the highest id of each kind of record, before the kills.
func LastIDs(t testing.TB, path string) map[string]int64 {
	t.Helper()
	db := ReadOnlyDB(t, path)
	out := map[string]int64{}
	for _, table := range recordTables {
		var id int64
		if err := db.QueryRow(`SELECT coalesce(max(id), 0) FROM ` + table).Scan(&id); err != nil {
			t.Fatal(err)
		}
		out[table] = id
	}
	db.Close()
	return out
}

// CheckAfterKills checks the file after a run of kills: integrity_check,
// the journal (one insert entry for each record made since before, which
// kpit writes in the same transaction as the record) and kpit doctor's
// checks, among them the recount of the daily roll-up.
func CheckAfterKills(t testing.TB, path string, before map[string]int64) {
	t.Helper()
	db := ReadOnlyDB(t, path)
	IntegrityOK(t, db)
	for table, lastID := range before {
		var orphans int
		err := db.QueryRow(`SELECT count(*) FROM `+table+` r WHERE r.id > ? AND 1 <> (SELECT count(*) FROM changes c
			WHERE c.table_name = '`+table+`' AND c.row_id = r.id AND c.action = 'insert')`, lastID).Scan(&orphans)
		if err != nil {
			t.Fatal(err)
		}
		if orphans != 0 {
			t.Errorf("%d %s without exactly one insert in the journal", orphans, table)
		}
	}
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	findings, err := st.Check(context.Background())
	if err != nil || len(findings) != 0 {
		t.Errorf("kpit doctor after the kills: %+v, %v", findings, err)
	}
}
