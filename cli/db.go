package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// The help of --db and --lang, the same for every command.
const (
	dbUsage   = "database `PATH` or postgres://user@host/dbname URL (default $KPIT_DB, else the config file's db, else $XDG_DATA_HOME/kpit/kpit.db, else ~/.local/share/kpit/kpit.db)"
	langUsage = "`LANG` of the output, ja or en (default the config file's lang, else from LC_ALL, LC_MESSAGES, LANG)"
)

// dbFlag declares --db.
func dbFlag(fs *flag.FlagSet) *string { return fs.String("db", "", dbUsage) }

// langFlag declares --lang.
func langFlag(fs *flag.FlagSet) *string { return fs.String("lang", "", langUsage) }

// dbPath is the database a command uses: --db, else $KPIT_DB, else the
// config file's db, else the default path.
func (e env) dbPath(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	if os.Getenv("KPIT_DB") == "" && e.config.DB != "" {
		return expandHome(e.config.DB)
	}
	return store.DefaultPath()
}

// lang is the language of a command: --lang, else the config file's lang,
// else the locale (catalog.DetectLang).
func (e env) lang(flagValue string) (catalog.Lang, error) {
	if flagValue == "" && e.config.Lang != "" {
		return catalog.ParseLang(e.config.Lang)
	}
	return catalog.DetectLang(flagValue, os.Getenv)
}

// openExisting opens the database for a command that only reads: a
// missing file is an error, not a new empty database, a file that is not
// SQLite is refused before SQLite touches it, and a damaged one before
// anything is shown from it or written into it (store.CheckPages).
func (e env) openExisting(flagValue string) (*store.Store, error) {
	return e.actAs(checkedPages(e.openExistingUnchecked(flagValue)))
}

// open opens (creating if needed) the database at path with what the
// config file says of it: how long a write waits for another writer.
// Every command's store is opened here.
func (e env) open(path string) (*store.Store, error) {
	return store.OpenWith(path, store.Options{BusyWait: e.config.BusyWait})
}

// openOwner opens (creating if needed) the database at path for a
// command that writes as the file's owner, refusing a damaged file
// before writing into it.
func (e env) openOwner(path string) (*store.Store, error) {
	return checkedPages(e.open(path))
}

// openChecked is openOwner as the user --as names.
func (e env) openChecked(path string) (*store.Store, error) {
	return e.actAs(e.openOwner(path))
}

// asFlag takes --as NAME (or --as=NAME) out of a command line, wherever
// it stands before a "--"; ok is false when --as has no name.
func asFlag(args []string) (rest []string, name string, ok bool) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return append(rest, args[i:]...), name, true
		case a == "--as" || a == "-as":
			if i+1 >= len(args) || strings.TrimSpace(args[i+1]) == "" {
				return nil, "", false
			}
			name = args[i+1]
			i++
		case strings.HasPrefix(a, "--as=") || strings.HasPrefix(a, "-as="):
			if name = a[strings.IndexByte(a, '=')+1:]; strings.TrimSpace(name) == "" {
				return nil, "", false
			}
		default:
			rest = append(rest, a)
		}
	}
	return rest, name, true
}

// actAs makes a store just opened write as the user --as names, with
// their rights (store.As); without --as it writes as the file's owner.
// An unknown name closes the store and says so.
func (e env) actAs(st *store.Store, err error) (*store.Store, error) {
	if err != nil || e.as == "" {
		return st, err
	}
	u, ok, err := st.UserByName(context.Background(), e.as)
	if err == nil && !ok {
		l, _ := e.lang("")
		err = errors.New(l.T(catalog.UsersAsNone, e.as))
	}
	if err != nil {
		st.Close()
		return nil, err
	}
	return st.As(u), nil
}

// checkedPages passes on a store just opened once its pages pass the check
// at open (store.CheckPages), and closes it when they do not.
func checkedPages(st *store.Store, err error) (*store.Store, error) {
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
func (e env) openExistingUnchecked(flagValue string) (*store.Store, error) {
	path, err := e.dbPath(flagValue)
	if err != nil {
		return nil, err
	}
	if store.IsPostgres(path) {
		return e.open(path)
	}
	info, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, model.Refused(model.RefuseDBMissing, path, path)
	}
	if err != nil {
		return nil, fmt.Errorf("database %s: %w", path, err)
	}
	if info.IsDir() {
		return nil, model.Refused(model.RefuseDBDirectory, path)
	}
	if err := store.CheckHeader(path, info.Size()); err != nil {
		return nil, err
	}
	return e.open(path)
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
		return time.Time{}, &model.FlagError{Flag: "today", Err: err}
	}
	return d, nil
}

// checkPeriod checks a --period value's form before the database is opened
// (an empty value is no period); periodIn places it once the database has
// given its fiscal start month.
func checkPeriod(v string) error {
	if v == "" {
		return nil
	}
	_, err := periodIn(v, model.DefaultFiscalStart)
	return err
}

// periodIn is --period v in a fiscal year starting in fiscalStart.
func periodIn(v string, fiscalStart time.Month) (model.Period, error) {
	p, err := model.ParsePeriod(v, fiscalStart)
	if err != nil {
		return model.Period{}, &model.FlagError{Flag: "period", Err: err}
	}
	return p, nil
}
