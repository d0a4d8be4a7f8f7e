package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"time"

	"modernc.org/sqlite"
)

// OpenScratch opens an in-memory copy of the database at path, or a new
// empty database in memory when there is no file there: whatever is written
// to it (a dry-run import) is lost on Close, and nothing on disk is created
// or changed, neither the file nor its -wal and -shm.
//
// The copy is read with SQLite's backup API. A file whose -wal is absent is
// opened immutable (no lock, no -shm made); one with a -wal, which another
// kpit has open, read-only through it, so its latest writes are seen.
func OpenScratch(path string) (*Store, error) {
	info, statErr := os.Stat(path)
	switch {
	case statErr == nil && info.IsDir():
		return nil, fmt.Errorf("database %s is a directory, not a file", path)
	case statErr == nil:
		if err := CheckHeader(path, info.Size()); err != nil {
			return nil, err
		}
	case !errors.Is(statErr, os.ErrNotExist):
		return nil, fmt.Errorf("database %s: %w", path, statErr)
	}
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	db, err := sql.Open("sqlite", "file::memory:?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open a scratch copy of %s: %w", path, err)
	}
	// One connection, kept open: each connection to :memory: is its own
	// database.
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	ctx := context.Background()
	if statErr == nil {
		if err := restoreFrom(ctx, db, path); err != nil {
			db.Close()
			return nil, fmt.Errorf("read database %s: %w", path, describe(err))
		}
	}
	s := &Store{db: db, path: path, now: time.Now}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	return s, nil
}

// restoreFrom copies the database file at path into db's one connection.
func restoreFrom(ctx context.Context, db *sql.DB, path string) error {
	mode := "immutable=1"
	if _, err := os.Stat(path + "-wal"); err == nil {
		mode = "mode=ro"
	}
	src := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + mode
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		r, ok := dc.(interface {
			NewRestore(string) (*sqlite.Backup, error)
		})
		if !ok {
			return errors.New("the SQLite driver cannot copy a database")
		}
		b, err := r.NewRestore(src)
		if err != nil {
			return err
		}
		for more := true; more; {
			if more, err = b.Step(-1); err != nil {
				b.Finish()
				return err
			}
		}
		return b.Finish()
	})
}

// CheckHeader refuses a file that does not start with the SQLite header
// (an empty file is not a database either), reading it as plain bytes,
// before SQLite touches it.
func CheckHeader(path string, size int64) error {
	if size == 0 {
		return fmt.Errorf("database %s is empty, not a kpit database", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("database %s: %w", path, err)
	}
	defer f.Close()
	head := make([]byte, 16)
	if _, err := io.ReadFull(f, head); err != nil || string(head) != "SQLite format 3\x00" {
		return fmt.Errorf("open database %s: %w", path, ErrNotKpit)
	}
	return nil
}
