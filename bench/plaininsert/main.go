// Command plaininsert is the yardstick kpit's import is judged against
// (BENCHMARKS.md, bench/run.sh): it writes the rows of a CSV file into a
// new SQLite file through the same driver (modernc.org/sqlite), as plainly
// as it can be done well: one table of text columns, no index, one
// transaction, prepared multi-row INSERTs of 100 rows. It prints the rows
// written and the seconds taken.
//
//	go run ./bench/plaininsert FILE.csv OUT.db
package main

import (
	"bufio"
	"database/sql"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	_ "modernc.org/sqlite"
)

const rowsPerInsert = 100

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: plaininsert FILE.csv OUT.db")
		os.Exit(2)
	}
	rows, took, err := insert(os.Args[1], os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, "plaininsert:", err)
		os.Exit(1)
	}
	fmt.Printf("%d rows %.3f s\n", rows, took.Seconds())
}

func insert(csvPath, dbPath string) (int, time.Duration, error) {
	f, err := os.Open(csvPath)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	in := bufio.NewReader(f)
	if bom, _ := in.Peek(3); string(bom) == "\xef\xbb\xbf" {
		in.Discard(3)
	}
	r := csv.NewReader(in)
	r.ReuseRecord = true
	header, err := r.Read()
	if err != nil {
		return 0, 0, fmt.Errorf("read the header of %s: %w", csvPath, err)
	}
	os.Remove(dbPath)
	db, err := sql.Open("sqlite", "file:"+dbPath+"?_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)")
	if err != nil {
		return 0, 0, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	cols := make([]string, len(header))
	for i := range header {
		cols[i] = fmt.Sprintf("c%d TEXT", i)
	}
	if _, err := db.Exec("CREATE TABLE t (" + strings.Join(cols, ", ") + ")"); err != nil {
		return 0, 0, err
	}
	one := "(" + strings.TrimSuffix(strings.Repeat("?,", len(header)), ",") + ")"
	stmtFor := func(n int) string {
		return "INSERT INTO t VALUES " + strings.TrimSuffix(strings.Repeat(one+",", n), ",")
	}
	start := time.Now()
	tx, err := db.Begin()
	if err != nil {
		return 0, 0, err
	}
	full, err := tx.Prepare(stmtFor(rowsPerInsert))
	if err != nil {
		return 0, 0, err
	}
	args := make([]any, 0, rowsPerInsert*len(header))
	total := 0
	flush := func(n int) error {
		if n == 0 {
			return nil
		}
		var err error
		if n == rowsPerInsert {
			_, err = full.Exec(args...)
		} else {
			_, err = tx.Exec(stmtFor(n), args...)
		}
		args = args[:0]
		return err
	}
	pending := 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			tx.Rollback()
			return 0, 0, err
		}
		for i := range header {
			v := ""
			if i < len(rec) {
				v = rec[i]
			}
			args = append(args, v)
		}
		pending++
		total++
		if pending == rowsPerInsert {
			if err := flush(pending); err != nil {
				tx.Rollback()
				return 0, 0, err
			}
			pending = 0
		}
	}
	if err := flush(pending); err != nil {
		tx.Rollback()
		return 0, 0, err
	}
	if err := tx.Commit(); err != nil {
		return 0, 0, err
	}
	return total, time.Since(start), nil
}
