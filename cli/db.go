package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// The help of --db and --lang, the same for every command.
const (
	dbUsage   = "database `PATH` (default $KPIT_DB, else $XDG_DATA_HOME/kpit/kpit.db, else ~/.local/share/kpit/kpit.db)"
	langUsage = "`LANG` of the output, ja or en (default from LC_ALL, LC_MESSAGES, LANG)"
)

// dbFlag declares --db.
func dbFlag(fs *flag.FlagSet) *string { return fs.String("db", "", dbUsage) }

// langFlag declares --lang.
func langFlag(fs *flag.FlagSet) *string { return fs.String("lang", "", langUsage) }

// dbPathFlag is the --db value, else the default database path.
func dbPathFlag(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	return store.DefaultPath()
}

// openExisting opens the database for a command that only reads: a
// missing file is an error, not a new empty database, a file that is not
// SQLite is refused before SQLite touches it, and a damaged one before
// anything is shown from it or written into it (store.CheckPages).
func openExisting(flagValue string) (*store.Store, error) {
	st, err := openExistingUnchecked(flagValue)
	if err != nil {
		return nil, err
	}
	if err := st.CheckPages(context.Background()); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

// openChecked opens (creating if needed) the database at path for a
// command that writes, refusing a damaged file before writing into it.
func openChecked(path string) (*store.Store, error) {
	st, err := store.Open(path)
	if err != nil {
		return nil, err
	}
	if err := st.CheckPages(context.Background()); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

// openExistingUnchecked is openExisting without the check of the pages, for
// kpit doctor, whose job is to check them all and say what it found.
func openExistingUnchecked(flagValue string) (*store.Store, error) {
	path, err := dbPathFlag(flagValue)
	if err != nil {
		return nil, err
	}
	info, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("database %s does not exist (create one with 'kpit demo --db %s' or 'kpit import')", path, path)
	}
	if err != nil {
		return nil, fmt.Errorf("database %s: %w", path, err)
	}
	if info.IsDir() {
		return nil, fmt.Errorf("database %s is a directory, not a file", path)
	}
	if err := store.CheckHeader(path, info.Size()); err != nil {
		return nil, err
	}
	return store.Open(path)
}

// todayFlag declares --today, which every command that reads the clock
// takes so that its output can be reproduced.
func todayFlag(fs *flag.FlagSet) *string {
	return fs.String("today", "", "the day taken as today, YYYY-MM-DD (default: the clock's)")
}

// parseToday is the --today value as a day, else the clock's day.
func parseToday(v string) (time.Time, error) {
	if v == "" {
		return model.Date(clock()), nil
	}
	d, err := model.ParseDate(v)
	if err != nil {
		return time.Time{}, fmt.Errorf("--today: %w", err)
	}
	return d, nil
}
