package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/kpit-dev/kpit/model"
)

// A team's kpit keeps its records in PostgreSQL: --db postgres://… (or
// KPIT_DB) names the server and database, and the same Store answers from
// it. The SQL is the store's one text, with SQLite's placeholders rebound
// (rebind.go); where the two engines need different words the store asks
// s.pg. The schema is schema_pg.go's.

// IsPostgres reports whether a --db value names a PostgreSQL database
// rather than a file.
func IsPostgres(db string) bool {
	return strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://")
}

// pgLockMigrate is the advisory lock the opening kpit processes take
// around the schema's creation: only the first creates it; the others find
// it done.
const pgLockMigrate = 0x6b706974 // "kpit"

// openPostgres opens the database the URL names and brings its schema up
// to date. A database holding tables that are not kpit's is refused before
// anything is written to it.
func openPostgres(rawURL string, o Options) (*Store, error) {
	shown := redactURL(rawURL)
	cfg, err := pgx.ParseConfig(rawURL)
	if err != nil {
		return nil, fmt.Errorf("database %s: %w", shown, pgLine(err))
	}
	cfg.ConnectTimeout = 10 * time.Second
	// A write waits for a lock another transaction holds (a row, the
	// advisory lock of one-at-a-time writes) as long as a SQLite write
	// waits for the file's: past it PostgreSQL answers 55P03, worded as
	// ErrBusy (pgLine).
	cfg.RuntimeParams["lock_timeout"] = strconv.FormatInt(o.busyWait().Milliseconds(), 10)
	db := sql.OpenDB(rebindConnector{stdlib.GetConnector(*cfg)})
	db.SetMaxOpenConns(8)
	db.SetMaxIdleConns(4)
	s := &Store{db: db, path: shown, pg: true, now: time.Now, changes: &changes{}, writes: newWrites(), busyWait: o.busyWait()}
	ctx := context.Background()
	if err := s.migratePG(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("database %s: %w", shown, err)
	}
	s.changes.listen = startListening(cfg)
	return s, nil
}

// redactURL is the URL without its password, for messages and Path.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return raw
	}
	if _, has := u.User.Password(); has {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

// migratePG creates the schema or brings it up to date in one transaction
// under an advisory lock, with the version read again inside it.
func (s *Store) migratePG(ctx context.Context) error {
	version, err := pgVersion(ctx, s.db)
	if err != nil || version == len(migrations) {
		return err
	}
	return s.tx(ctx, model.AreaRules, func(tx *sql.Tx) error {
		if err := s.oneAtATime(ctx, tx, pgLockMigrate); err != nil {
			return err
		}
		version, err := pgVersion(ctx, tx)
		if err != nil {
			return err
		}
		if version == 0 {
			if _, err := tx.ExecContext(ctx, `CREATE TABLE kpit_schema (version BIGINT NOT NULL)`); err != nil {
				return pgLine(err)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO kpit_schema (version) VALUES (0)`); err != nil {
				return pgLine(err)
			}
		}
		for _, m := range pgMigrations {
			if m.upTo <= version {
				continue
			}
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return fmt.Errorf("migration to %d: %w", m.upTo, pgLine(err))
			}
			version = m.upTo
		}
		if version != len(migrations) {
			return fmt.Errorf("this kpit has no PostgreSQL schema for version %d", len(migrations))
		}
		_, err = tx.ExecContext(ctx, `UPDATE kpit_schema SET version = ?`, version)
		return pgLine(err)
	})
}

// pgVersion is the schema version, 0 for an empty database; a database
// with tables but no kpit_schema is another application's.
func pgVersion(ctx context.Context, q queryer) (int, error) {
	var tables, ours int
	err := q.QueryRowContext(ctx, `SELECT count(*), count(*) FILTER (WHERE tablename = 'kpit_schema')
		FROM pg_tables WHERE schemaname = current_schema()`).Scan(&tables, &ours)
	if err != nil {
		return 0, pgLine(err)
	}
	switch {
	case tables == 0:
		return 0, nil
	case ours == 0:
		return 0, ErrNotKpit
	}
	var version int
	if err := q.QueryRowContext(ctx, `SELECT version FROM kpit_schema`).Scan(&version); err != nil {
		return 0, pgLine(err)
	}
	if version > len(migrations) {
		return 0, newerSchema(version)
	}
	return version, nil
}

// pgRetry reports whether PostgreSQL gave up a transaction that may
// succeed when run again: a serialization failure or a deadlock between
// writers taking the same roll-up rows in another order.
func pgRetry(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40001" || pe.Code == "40P01")
}

// isPG reports whether err came from PostgreSQL or from reaching it.
func isPG(err error) bool {
	var pe *pgconn.PgError
	var ce *pgconn.ConnectError
	var line *pgLineError
	return errors.As(err, &pe) || errors.As(err, &ce) || errors.As(err, &line)
}

// pgLineError is a PostgreSQL error told in one line; it still unwraps to
// the server's error, so pgRetry can tell what happened.
type pgLineError struct {
	line string
	err  error
}

func (e *pgLineError) Error() string { return e.line }
func (e *pgLineError) Unwrap() error { return e.err }

// pgLine is a PostgreSQL error as one line: the server's message, without
// the driver's wrapping of the SQLSTATE.
func pgLine(err error) error {
	if err == nil {
		return nil
	}
	var line *pgLineError
	if errors.As(err, &line) {
		return err
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		if pe.Code == "55P03" { // lock_not_available: lock_timeout ran out
			return ErrBusy
		}
		msg := pe.Message
		if pe.Code == "23505" && pe.Detail != "" {
			msg = "already exists: " + pe.Detail
		}
		return &pgLineError{line: msg, err: err}
	}
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) {
		return &pgLineError{line: "cannot reach the PostgreSQL server: " + firstLine(errors.Unwrap(ce)).Error(), err: err}
	}
	return firstLine(err)
}

// A listener tells the store that another transaction committed a write:
// the kpit_notify triggers send a notification that PostgreSQL delivers at
// commit, on a connection of its own that only waits for them. Every one
// received bumps the version DataVersion answers. When the connection is
// lost the store cannot know, and answers a new version on each call, so
// nothing kept is trusted.
type listener struct {
	version atomic.Int64
	lost    atomic.Bool
	cancel  context.CancelFunc
	done    chan struct{}
}

func startListening(cfg *pgx.ConnConfig) *listener {
	ctx, cancel := context.WithCancel(context.Background())
	l := &listener{cancel: cancel, done: make(chan struct{})}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err == nil {
		_, err = conn.Exec(ctx, "LISTEN kpit_changes")
	}
	if err != nil {
		l.lost.Store(true)
		close(l.done)
		return l
	}
	go func() {
		defer close(l.done)
		defer conn.Close(context.Background())
		for {
			if err := conn.PgConn().WaitForNotification(ctx); err != nil {
				l.lost.Store(true)
				return
			}
			l.version.Add(1)
		}
	}()
	return l
}

// wrote notes a commit of this store's own: the server's notification of
// it comes a moment later, and a read right after the write must not be
// answered from the sums kept before it. (SQLite's data_version already
// changes at the commit.)
func (s *Store) wrote() {
	if s.changes != nil && s.changes.listen != nil {
		s.changes.listen.version.Add(1)
	}
}

// current is the version now: bumped on each call once the listener is lost.
func (l *listener) current() int64 {
	if l.lost.Load() {
		return l.version.Add(1)
	}
	return l.version.Load()
}

func (l *listener) close() {
	l.cancel()
	<-l.done
}

// pgLockUndo is the advisory lock two undos take in turn, so that each
// reads the journal as the other left it and they undo two changes, not
// the same one twice.
const pgLockUndo = pgLockMigrate + 1

// oneAtATime makes the transactions taking lock run one after another on
// PostgreSQL, where writers otherwise run side by side; a SQLite writer
// holds the whole file already.
func (s *Store) oneAtATime(ctx context.Context, tx *sql.Tx, lock int64) error {
	if !s.pg {
		return nil
	}
	_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(?)`, lock)
	return describe(err)
}

// listAgg is the SQL joining the integers expr gives, with commas
// (NULLs left out), as SQLite's group_concat does.
func (s *Store) listAgg(expr string) string {
	if s.pg {
		return "string_agg(CAST(" + expr + " AS TEXT), ',')"
	}
	return "group_concat(" + expr + ")"
}

// greatest is the function giving the largest of its arguments: SQLite's
// max with several, PostgreSQL's greatest. (They differ on NULL: kpit
// passes none.)
func (s *Store) greatest() string {
	if s.pg {
		return "greatest"
	}
	return "max"
}

// indexedBy names the index SQLite must read a table by; PostgreSQL's
// planner has no such hint and picks by its statistics.
func (s *Store) indexedBy(index string) string {
	if s.pg {
		return ""
	}
	return "INDEXED BY " + index
}

// shiftedDay is the 'YYYY-MM-DD' day of the RFC 3339 time at moved by
// shift, a parameter such as '+32400 seconds'.
func (s *Store) shiftedDay(at, shift string) string {
	if s.pg {
		return "to_char((CAST(" + at + " AS timestamptz) + CAST(" + shift + " AS interval)) AT TIME ZONE 'UTC', 'YYYY-MM-DD')"
	}
	return "date(" + at + ", " + shift + ")"
}

// nextDay is the day after day, both 'YYYY-MM-DD'.
func (s *Store) nextDay(day string) string {
	if s.pg {
		return "to_char(CAST(" + day + " AS date) + 1, 'YYYY-MM-DD')"
	}
	return "date(" + day + ", '+1 day')"
}

// findIn is the function giving where a text starts in another, 0 when
// it is not there: instr(haystack, needle) or strpos(haystack, needle).
func (s *Store) findIn() string {
	if s.pg {
		return "strpos"
	}
	return "instr"
}

// notSupportedPG is the refusal of what kpit does only on a file.
func notSupportedPG(what string) error {
	return fmt.Errorf("%s works on a kpit file, not on PostgreSQL (use the server's own tools, e.g. pg_dump)", what)
}
