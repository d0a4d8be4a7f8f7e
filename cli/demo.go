package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/kpit-dev/kpit/demo"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// runDemo creates a demo database: `kpit demo --db PATH [--seed N] [--today YYYY-MM-DD]`.
func runDemo(e env) int {
	fs := newFlagSet(e, "demo", "demo --db PATH [--seed N] [--today YYYY-MM-DD]")
	dbPath := fs.String("db", "", "the database file to create (default $KPIT_DB, else the standard data path)")
	seed := fs.Int64("seed", demo.DefaultSeed, "seed of the made-up data: the same seed and day give the same figures")
	todayFlag := fs.String("today", "", "the day the demo company's history ends (default: today)")
	if code, stop := parseFlags(e, fs, e.args); stop {
		return code
	}
	if fs.NArg() > 0 {
		return fail(e, "demo", fmt.Errorf("unexpected argument %q", fs.Arg(0)))
	}
	today := model.Date(time.Now())
	if *todayFlag != "" {
		t, err := model.ParseDate(*todayFlag)
		if err != nil {
			return fail(e, "demo", fmt.Errorf("--today: %w", err))
		}
		today = t
	}
	path, err := dbPathFlag(*dbPath)
	if err != nil {
		return fail(e, "demo", err)
	}
	existed := fileExists(path)
	st, err := store.Open(path)
	if err != nil {
		return fail(e, "demo", err)
	}
	err = demo.Seed(context.Background(), st, *seed, today)
	st.Close()
	if err != nil {
		if !existed && !errors.Is(err, demo.ErrHasRecords) {
			// Nothing of a half-seeded new file is worth keeping.
			removeDB(path)
		}
		return fail(e, "demo", err)
	}
	fmt.Fprintf(e.stdout, "demo database written to %s (seed %d, history to %s)\n", path, *seed, model.FormatDate(today))
	fmt.Fprintf(e.stdout, "open it with: kpit --db %s\n", path)
	return exitOK
}

// dbPathFlag is the --db value, else the default database path.
func dbPathFlag(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	return store.DefaultPath()
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// removeDB removes a database file this command created, with its WAL files.
func removeDB(path string) {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		os.Remove(p)
	}
}
