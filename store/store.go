// Package store keeps kpit's records in one SQLite file and answers the
// aggregate questions the screens ask. All SQL lives here, behind methods
// that take and return model types, so another store (PostgreSQL) can stand
// in later.
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
)

// BusyTimeout is how long a write waits for another writer. It must outlast
// the longest write transaction (a large import holds the lock for seconds).
const BusyTimeout = 30 * time.Second

// Store is an open kpit database.
type Store struct {
	db   *sql.DB
	path string
	now  func() time.Time
}

// ErrNotKpit is returned for a file that is not a kpit database.
var ErrNotKpit = errors.New("not a kpit database")

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
// up to date. A file that is not SQLite, or whose schema is newer than this
// binary knows, is refused with an error naming the file.
func Open(path string) (*Store, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("create database directory %s: %w", dir, firstLine(err))
		}
	}
	q := url.Values{}
	for _, p := range []string{
		fmt.Sprintf("busy_timeout(%d)", BusyTimeout.Milliseconds()),
		"foreign_keys(1)",
		"synchronous(NORMAL)",
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
	// serialises writers anyway.
	db.SetMaxOpenConns(4)
	s := &Store{db: db, path: path, now: time.Now}
	if err := s.migrate(context.Background()); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	// WAL is set only once the file is known to be kpit's: the journal mode
	// is written into the file, and someone else's database must be left
	// exactly as it was. It persists, so every later connection uses it.
	if _, err := db.Exec("PRAGMA journal_mode=WAL"); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %s: %w", path, describe(err))
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Path is the file the store was opened on.
func (s *Store) Path() string { return s.path }

// SetClock replaces the clock used for entered_at and updated_at (tests).
func (s *Store) SetClock(now func() time.Time) { s.now = now }

// SchemaVersion is the user_version this binary writes.
func SchemaVersion() int { return len(migrations) }

func (s *Store) migrate(ctx context.Context) error {
	var version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return describe(err)
	}
	if version > len(migrations) {
		return fmt.Errorf("schema version %d is newer than this kpit knows (%d); upgrade kpit", version, len(migrations))
	}
	if version == 0 {
		// An empty file is ours to initialise; a SQLite file with other
		// tables in it belongs to someone else.
		var n int
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&n); err != nil {
			return describe(err)
		}
		if n > 0 {
			return ErrNotKpit
		}
	}
	for v := version; v < len(migrations); v++ {
		err := s.tx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
				return fmt.Errorf("migration %d: %w", v+1, err)
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1))
			return err
		})
		if err != nil {
			return describe(err)
		}
	}
	return nil
}

// tx runs fn in one write transaction (IMMEDIATE, from the DSN), committing
// when fn returns nil and rolling back otherwise.
func (s *Store) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return describe(err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return describe(tx.Commit())
}

// describe turns driver errors a user can meet into one plain line.
func describe(err error) error {
	if err == nil {
		return nil
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_NOTADB:
			return ErrNotKpit
		case sqlite3.SQLITE_CORRUPT:
			return errors.New("the database file is damaged (run a backup restore or start a new file)")
		case sqlite3.SQLITE_BUSY:
			return errors.New("the database is busy with another kpit; try again")
		case sqlite3.SQLITE_READONLY:
			return errors.New("the database file is read-only")
		case sqlite3.SQLITE_CANTOPEN:
			return errors.New("the database file cannot be opened")
		}
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

func parseNullDate(ns sql.NullString) time.Time {
	if !ns.Valid {
		return time.Time{}
	}
	t, _ := time.Parse("2006-01-02", ns.String)
	return t
}
