// Package store keeps kpit's records in one SQLite file, or in a
// PostgreSQL database for a team (postgres.go), and answers the aggregate
// questions the screens ask. All SQL lives here, behind methods that take
// and return model types; one text of each query serves both engines.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/kpit-dev/kpit/model"
)

// BusyTimeout is how long a write waits for another writer when the
// store's Options do not say (the config file's busy_wait does). It must
// outlast the longest write transaction (a large import holds the lock for
// seconds). A variable so that a test can wait less; it is read when a
// store opens.
var BusyTimeout = 30 * time.Second

// mmapBytes is how much of the file each connection reads through a memory
// map (OpenWith).
const mmapBytes = 256 << 20

// Options are what a store is opened with beyond its path.
type Options struct {
	// BusyWait is how long a write waits for another writer before it is
	// refused with a line naming that writer's work (busyWith); 0 is
	// BusyTimeout. On PostgreSQL it is the session's lock_timeout.
	BusyWait time.Duration
}

// busyWait is o's wait, else the default.
func (o Options) busyWait() time.Duration {
	if o.BusyWait > 0 {
		return o.BusyWait
	}
	return BusyTimeout
}

// Store is an open kpit database.
type Store struct {
	db      *sql.DB
	path    string
	pg      bool // PostgreSQL rather than a SQLite file (postgres.go)
	now     func() time.Time
	changes *changes    // nil on a scratch store: nothing else writes to it
	actor   *model.User // who writes (As); nil: the file's owner
	writes  *writes     // the write transactions in flight, waited for by Close
	// busyWait is how long a write waits for another writer (Options).
	busyWait time.Duration
	// textChars bounds a text field of a record written (SetLimits); 0 is
	// model.DefaultLimits'.
	textChars int
	// batches are the sizes of a batched import move (SetImportBatches);
	// the zero value keeps import_pending.go's.
	batches ImportBatches
}

// ErrNotKpit is returned for a file that is not a kpit database.
var ErrNotKpit error = model.Refused(model.RefuseDBNotKpit)

// ErrBusy is returned when a write waited its busy wait for another writer.
var ErrBusy error = model.Refused(model.RefuseDBBusy)

// ErrReadOnly is returned when SQLite may not write the file.
var ErrReadOnly error = model.Refused(model.RefuseDBReadOnly)

// ErrDamaged is returned when SQLite finds the file damaged. The commands
// that help are named: kpit doctor says what is wrong, kpit restore puts a
// backup made by kpit backup in its place.
var ErrDamaged error = model.Refused(model.RefuseDBDamaged)

// DefaultPath is $KPIT_DB, else $XDG_DATA_HOME/kpit/kpit.db, else
// ~/.local/share/kpit/kpit.db.
func DefaultPath() (string, error) {
	if p := os.Getenv("KPIT_DB"); p != "" {
		return p, nil
	}
	if x := os.Getenv("XDG_DATA_HOME"); x != "" {
		return filepath.Join(x, "kpit", "kpit.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("find home directory for the default database: %w", err)
	}
	return filepath.Join(home, ".local", "share", "kpit", "kpit.db"), nil
}

// Open opens (creating if needed) the database at path and brings its schema
// up to date. A file that is not SQLite, another application's SQLite file,
// or one whose schema is newer than this binary knows, is refused with an
// error naming the file before anything is written to it. A postgres://
// URL opens that PostgreSQL database instead (postgres.go).
func Open(path string) (*Store, error) { return OpenWith(path, Options{}) }

// OpenWith is Open with options (how long a write waits for another).
func OpenWith(path string, o Options) (*Store, error) {
	if IsPostgres(path) {
		return openPostgres(path, o)
	}
	if err := checkPath(path); err != nil {
		return nil, err
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("create database directory %s: %w", dir, firstLine(err))
		}
	}
	q := url.Values{}
	for _, p := range []string{
		fmt.Sprintf("busy_timeout(%d)", o.busyWait().Milliseconds()),
		"foreign_keys(1)",
		"synchronous(NORMAL)",
		// Reads through a memory map rather than a pread per page: a
		// fiscal year's funnel over 500,000 leads spent a tenth of its
		// time in pread (BENCHMARKS.md). Writes still go through the
		// journal as before; the map only grows as the file is read.
		fmt.Sprintf("mmap_size(%d)", mmapBytes),
	} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	// A small pool: each connection has its own page cache, and SQLite
	// serialises writers anyway. One more is held to watch for changes.
	db.SetMaxOpenConns(5)
	s := &Store{db: db, path: path, now: time.Now, changes: &changes{}, writes: newWrites(), busyWait: o.busyWait()}
	if err := s.migrate(context.Background()); err != nil {
		db.Close()
		return nil, model.Refused(model.RefuseDBOpen, path, readOnlyWhy(path, err))
	}
	if err := s.useWAL(); err != nil {
		db.Close()
		return nil, model.Refused(model.RefuseDBOpen, path, readOnlyWhy(path, err))
	}
	// A stopped import's hidden rows go at the next open. Best effort: the
	// rows stay invisible whatever happens, a read-only file keeps them,
	// and kpit doctor names them.
	s.ClearStoppedImport(context.Background())
	return s, nil
}

// checkPath refuses, before SQLite creates or reads anything, a --db that
// is a URL other than postgres:// (SQLite would make directories named
// after the URL's parts), a directory, or an existing file that does
// not start with the SQLite header. An empty file is let through: SQLite
// makes one when it opens a new database, and another kpit may be creating
// this one at this moment.
func checkPath(path string) error {
	if strings.Contains(path, "://") {
		return fmt.Errorf("database %s: give a file path or a postgres:// URL", path)
	}
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("database %s: %w", path, firstLine(err))
	case info.IsDir():
		return fmt.Errorf("database %s is a directory, not a file", path)
	case info.Size() == 0:
		return nil
	}
	return CheckHeader(path, info.Size())
}

// useWAL switches a kpit file to WAL, which lets readers go on while one
// process writes. It runs only once the file is known to be kpit's: the
// journal mode is written into the file header, and someone else's
// database must be left exactly as it was. The mode persists, so it is
// set once per file and only read afterwards.
func (s *Store) useWAL() error {
	var mode string
	if err := s.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil {
		return describe(err)
	}
	if strings.EqualFold(mode, "wal") {
		return nil
	}
	// Changing the mode needs the file to itself, and SQLite answers BUSY
	// at once rather than wait (its busy handler is not called here) while
	// another kpit that is creating the same file reads it.
	deadline := time.Now().Add(s.BusyWait())
	for {
		_, err := s.db.Exec("PRAGMA journal_mode=WAL")
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			return describe(err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// isDamage reports whether err is SQLite finding the file damaged or not a
// database at all.
func isDamage(err error) bool {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return false
	}
	code := se.Code() & 0xff
	return code == sqlite3.SQLITE_CORRUPT || code == sqlite3.SQLITE_NOTADB
}

// isConstraint reports whether err is SQLite refusing a statement for a
// constraint (a foreign key, a unique index, a CHECK).
func isConstraint(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_CONSTRAINT
}

// isBusy reports whether err is SQLite's BUSY (another connection holds
// the lock).
func isBusy(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_BUSY
}

// Close closes the database once the writes in flight have ended; a write
// begun after it is refused (ErrClosed).
func (s *Store) Close() error {
	if s.writes != nil {
		s.writes.wait()
	}
	if s.changes != nil {
		s.changes.close()
	}
	return s.db.Close()
}

// Path is the file the store was opened on, or its postgres:// URL
// without the password (redactURL): what messages may show.
func (s *Store) Path() string { return s.path }

// SetClock replaces the clock used for entered_at and updated_at (tests).
func (s *Store) SetClock(now func() time.Time) { s.now = now }

// BusyWait is how long a write through s waits for another writer.
func (s *Store) BusyWait() time.Duration {
	if s.busyWait > 0 {
		return s.busyWait
	}
	return BusyTimeout
}

// ImportBatches are the sizes of an import's move in batches
// (import_pending.go, docs/import.md "Moving in batches"), for a test of
// another package that watches that move without writing 20,000 rows: an
// import of MinRows or more new deals or activities into SQLite moves
// them in batches of Rows each. kpit itself never sets them.
type ImportBatches struct{ MinRows, Rows int }

// SetImportBatches makes s's imports move in batches of b's sizes (tests
// only; a store is given them before it is shared).
func (s *Store) SetImportBatches(b ImportBatches) { s.batches = b }

// SetLimits gives the store the user's limits (the config file's
// [limits]): a record written through it is refused past their TextChars.
func (s *Store) SetLimits(l model.Limits) { s.textChars = l.TextChars }

// SchemaVersion is the user_version this binary writes.
func SchemaVersion() int { return len(migrations) }

// migrate brings the schema up to date. Creating the tables and every
// migration run in one write transaction, with the version read again
// inside it: several kpit processes may open a new file at the same moment,
// and only the first to take the lock migrates; the others find the work
// done. A file that is up to date is only read, so opening never waits for
// another writer.
func (s *Store) migrate(ctx context.Context) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return describe(err)
	}
	defer conn.Close()
	version, err := kpitVersion(ctx, conn)
	if err != nil || version == len(migrations) {
		return err
	}
	tx, err := conn.BeginTx(ctx, nil) // IMMEDIATE (the DSN's _txlock): the write lock from the start
	if err != nil {
		return describe(err)
	}
	defer tx.Rollback()
	if version, err = kpitVersion(ctx, tx); err != nil {
		return err
	}
	for v := version; v < len(migrations); v++ {
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			return fmt.Errorf("migration %d: %w", v+1, describe(err))
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
			return describe(err)
		}
	}
	return describe(tx.Commit())
}

// kpitTables are tables every kpit schema has had since version 1; a file
// with a user_version but without them is another application's.
var kpitTables = []string{"settings", "reps", "opportunities", "activities", "rollup_daily", "changes"}

// kpitVersion reads the schema version and refuses a file that is not
// kpit's or is newer than this binary: an empty database (no tables, version
// 0) is kpit's to create; one with tables must have kpit's.
func kpitVersion(ctx context.Context, q queryer) (int, error) {
	var version, tables, ours int
	// One statement, so one snapshot: read apart, the version and the tables
	// could straddle another process's creation of the file.
	names := "'" + strings.Join(kpitTables, "','") + "'"
	err := q.QueryRowContext(ctx, "SELECT (SELECT user_version FROM pragma_user_version), count(*),"+
		" count(*) FILTER (WHERE type = 'table' AND name IN ("+names+")) FROM sqlite_schema").
		Scan(&version, &tables, &ours)
	if err != nil {
		return 0, describe(err)
	}
	switch {
	case version == 0 && tables == 0:
		return 0, nil
	case ours < len(kpitTables) || version == 0:
		return 0, ErrNotKpit
	case version > len(migrations):
		return 0, newerSchema(version)
	}
	return version, nil
}

// newerSchema refuses a database a later kpit has migrated, on either engine.
func newerSchema(version int) error {
	return fmt.Errorf("schema version %d is newer than this kpit knows (%d); upgrade kpit", version, len(migrations))
}

// tx runs fn in one write transaction (IMMEDIATE, from the DSN), committing
// when fn returns nil and rolling back otherwise. It is the writer path
// every write of area passes: the user's right to write there is checked
// before it begins, and a rep's records at its end (rights.go). On
// PostgreSQL a transaction the server gave up (a deadlock between
// writers, a serialization failure) is run again from the start, a few
// times.
func (s *Store) tx(ctx context.Context, area model.Area, fn func(*sql.Tx) error) error {
	if err := s.may(area); err != nil {
		return err
	}
	if s.writes != nil {
		if err := s.writes.begin(); err != nil {
			return err
		}
		defer s.writes.end()
	}
	for attempt := 1; ; attempt++ {
		err := s.txOnce(ctx, area, fn)
		if !s.pg || attempt == pgAttempts || !pgRetry(err) {
			return s.named(describe(err))
		}
		time.Sleep(time.Duration(attempt) * 5 * time.Millisecond)
	}
}

// pgAttempts bounds the runs of one PostgreSQL transaction.
const pgAttempts = 8

func (s *Store) txOnce(ctx context.Context, area model.Area, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	var mark int64
	if s.checksRecords(area) {
		if mark, err = journalMark(ctx, tx); err != nil {
			tx.Rollback()
			return err
		}
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if s.checksRecords(area) {
		if err := s.mayJournaled(ctx, tx, mark); err != nil {
			tx.Rollback()
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	s.wrote()
	return nil
}

// named adds the file's name to the refusals about the file itself
// (read-only, damaged), which SQLite reports without it.
func (s *Store) named(err error) error {
	if errors.Is(err, ErrBusy) {
		return s.busyWith(err)
	}
	if errors.Is(err, ErrReadOnly) || errors.Is(err, ErrDamaged) {
		return model.Refused(model.RefuseDBNamed, s.path, readOnlyWhy(s.path, err))
	}
	if errors.Is(err, ErrNotWritten) {
		// The line names the file and why, not the step that was writing.
		return model.Refused(model.RefuseDBNamed, s.path, writeWhy(s.path, err))
	}
	return err
}

// Explain is err as the user reads it when it concerns the database file
// itself (busy, read-only, damaged, not written): one line naming the
// file. Commands call it on errors that come from outside Store's own
// methods, such as an import session's.
func (s *Store) Explain(err error) error { return s.named(err) }

// dirWritable reports whether a file can be made in dir, by making one
// (and removing it): the only answer that holds on every system.
func dirWritable(dir string) bool {
	f, err := os.CreateTemp(dir, ".kpit-probe-*")
	if err != nil {
		return false
	}
	f.Close()
	os.Remove(f.Name())
	return true
}

// readOnlyWhy tells a read-only directory from a read-only file: in WAL
// mode SQLite makes the -wal and -shm files beside the database, so a
// directory it may not write into stops it even when the file is writable.
func readOnlyWhy(path string, err error) error {
	if errors.Is(err, ErrNotWritten) {
		return writeWhy(path, err)
	}
	if !errors.Is(err, ErrReadOnly) {
		return err
	}
	if !dirWritable(filepath.Dir(path)) {
		return model.Refused(model.RefuseDBDirReadOnly, filepath.Dir(path))
	}
	return err
}

// describe turns driver errors a user can meet into one plain line.
func describe(err error) error {
	if err == nil {
		return nil
	}
	if isPG(err) {
		return pgLine(err)
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_NOTADB:
			return ErrNotKpit
		case sqlite3.SQLITE_CORRUPT:
			return ErrDamaged
		case sqlite3.SQLITE_BUSY:
			return ErrBusy
		case sqlite3.SQLITE_READONLY:
			return ErrReadOnly
		case sqlite3.SQLITE_CANTOPEN:
			return errors.New("the database file cannot be opened")
		}
		if wf := notWritten(se); wf != nil {
			return wf
		}
	}
	if wf := osNotWritten(err); wf != nil {
		return wf
	}
	return firstLine(err)
}

func firstLine(err error) error {
	msg := err.Error()
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		return errors.New(msg[:i])
	}
	return err
}

func formatTime(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}

// nullDate writes a calendar day, NULL for the zero time.
func nullDate(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Format("2006-01-02")
}

// nullMoment writes an instant in UTC to the second (RFC 3339, which
// SQLite's unixepoch reads), NULL for the zero time.
func nullMoment(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(time.RFC3339)
}

func parseNullDate(ns sql.NullString) time.Time {
	if !ns.Valid {
		return time.Time{}
	}
	t, _ := time.Parse("2006-01-02", ns.String)
	return t
}
