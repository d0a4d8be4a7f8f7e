package store

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/internal/testlong"
	"github.com/kpit-dev/kpit/model"
)

// The writer processes: this test binary started again with KPIT_TEST_WRITER
// set runs only TestWriterProcess, which opens the file and adds records one
// transaction each, as a kpit instance does while a person types.
const writerRecords = 1000

func TestWriterProcess(t *testing.T) {
	path, name := os.Getenv("KPIT_TEST_WRITER_DB"), os.Getenv("KPIT_TEST_WRITER")
	if path == "" || name == "" {
		t.Skip("runs only as a child of TestTwoProcessesWriteWithoutLoss or TestEightWritersOnPostgres")
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	n := writerRecords
	if v := os.Getenv("KPIT_TEST_WRITER_N"); v != "" {
		n, _ = strconv.Atoi(v)
	}
	for i := 0; i < n; i++ {
		_, err := s.AddActivity(ctx, model.Activity{ExternalID: fmt.Sprintf("%s-%d", name, i), RepName: name,
			Kind: model.KindCall, Count: 1 + i%3, Date: model.D(2026, time.November, 1+i%25)})
		if err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
	}
}

func TestTwoProcessesWriteWithoutLoss(t *testing.T) {
	if os.Getenv("KPIT_TEST_WRITER") != "" {
		t.Skip("inside a writer")
	}
	testlong.Skip(t)
	path := filepath.Join(t.TempDir(), "shared.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	names := []string{"A", "B"}
	addReps(t, s, names...)
	runWriters(t, path, writerRecords, names)
	checkWriters(t, s, writerRecords, names)
	var changes int
	s.db.QueryRow(`SELECT count(*) FROM changes`).Scan(&changes)
	if changes != 2*writerRecords {
		t.Fatalf("%d journal rows, want %d", changes, 2*writerRecords)
	}
}

// runWriters runs one TestWriterProcess per name against db, each adding
// n records, and waits for them all.
func runWriters(t *testing.T, db string, n int, names []string) {
	t.Helper()
	var cmds []*exec.Cmd
	for _, name := range names {
		cmd := exec.Command(os.Args[0], "-test.run=^TestWriterProcess$", "-test.count=1")
		cmd.Env = append(os.Environ(), "KPIT_TEST_WRITER="+name, "KPIT_TEST_WRITER_DB="+db,
			"KPIT_TEST_WRITER_N="+strconv.Itoa(n))
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
}

// checkWriters asserts that every record of each writer is there once and
// that each rep's calls in the roll-up agree with a count made here: each
// writer added sum(1 + i%3) calls.
func checkWriters(t *testing.T, s *Store, n int, names []string) {
	t.Helper()
	ctx := context.Background()
	want := 0
	for i := 0; i < n; i++ {
		want += 1 + i%3
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
		for i := 0; i < n; i++ {
			if ext := name + "-" + strconv.Itoa(i); seen[ext] != 1 {
				t.Fatalf("writer %s record %d is there %d times", name, i, seen[ext])
			}
		}
		if len(seen) != n {
			t.Fatalf("writer %s: %d records, want %d", name, len(seen), n)
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
}
