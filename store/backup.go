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

	"github.com/kpit-dev/kpit/model"
)

// BackupSummary is what kpit backup and kpit restore report: the rows the
// copy holds (every table), and its size.
type BackupSummary struct {
	Path  string
	Rows  int64
	Bytes int64
}

// Backup writes a consistent copy of the database to out: VACUUM INTO a
// temporary name in out's directory, integrity_check and a row count of
// every table on the copy (equal to the database's), fsync, then the copy
// takes out's name in one step. out must not exist: a backup never
// replaces a file. Other kpit processes keep reading throughout; their
// writes wait for the copy (it holds the write lock, so that the counts it
// checks against cannot move), about 0.2 s per 100 MB.
func (s *Store) Backup(ctx context.Context, out string) (BackupSummary, error) {
	if s.pg {
		return BackupSummary{}, notSupportedPG("kpit backup")
	}
	if _, err := os.Lstat(out); err == nil {
		return BackupSummary{}, fmt.Errorf("backup %s: the file exists; kpit backup never replaces a file, give a new name", out)
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".tmp-*")
	if err != nil {
		return BackupSummary{}, fmt.Errorf("backup %s: %w", out, writeWhy(out, describe(err)))
	}
	tmpPath := tmp.Name()
	tmp.Close()
	sum, err := s.backupTo(ctx, tmpPath)
	if err == nil {
		err = syncFile(tmpPath)
	}
	if err == nil {
		err = placeNew(tmpPath, out)
	}
	if err != nil {
		os.Remove(tmpPath) // this command's own temporary file
		return BackupSummary{}, fmt.Errorf("backup %s: %w", out, writeWhy(out, describe(err)))
	}
	sum.Path = out
	return sum, nil
}

// backupTo copies the database into the empty file tmp and checks the copy.
func (s *Store) backupTo(ctx context.Context, tmp string) (BackupSummary, error) {
	// The write lock, held on one connection while another copies: the
	// counts taken under it are the copy's.
	lockConn, err := s.db.Conn(ctx)
	if err != nil {
		return BackupSummary{}, describe(err)
	}
	defer lockConn.Close()
	lock, err := lockConn.BeginTx(ctx, nil) // IMMEDIATE, from the DSN
	if err != nil {
		return BackupSummary{}, describe(err)
	}
	defer lock.Rollback()
	want, err := tableCounts(ctx, lock)
	if err != nil {
		return BackupSummary{}, err
	}
	copyConn, err := s.db.Conn(ctx)
	if err != nil {
		return BackupSummary{}, describe(err)
	}
	defer copyConn.Close()
	if _, err := copyConn.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		return BackupSummary{}, describe(err)
	}
	lock.Rollback()
	got, err := checkCopy(ctx, tmp)
	if err != nil {
		return BackupSummary{}, err
	}
	var rows int64
	for table, n := range want {
		if got[table] != n {
			return BackupSummary{}, fmt.Errorf("the copy holds %d rows of %s, the database %d", got[table], table, n)
		}
		rows += n
	}
	info, err := os.Stat(tmp)
	if err != nil {
		return BackupSummary{}, err
	}
	return BackupSummary{Rows: rows, Bytes: info.Size()}, nil
}

// checkCopy opens a backup read-only and returns the row count of each
// table, after integrity_check and after making sure it is a kpit database
// this binary can read.
func checkCopy(ctx context.Context, path string) (map[string]int64, error) {
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?mode=ro")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	if _, err := kpitVersion(ctx, db); err != nil {
		return nil, err
	}
	var result string
	if err := db.QueryRowContext(ctx, "PRAGMA integrity_check(1)").Scan(&result); err != nil {
		return nil, describe(err)
	}
	if result != "ok" {
		return nil, fmt.Errorf("integrity_check: %s", result)
	}
	return tableCounts(ctx, db)
}

// tableCounts is the number of rows of every table.
func tableCounts(ctx context.Context, q queryer) (map[string]int64, error) {
	rows, err := q.QueryContext(ctx, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
	if err != nil {
		return nil, describe(err)
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return nil, describe(err)
		}
		tables = append(tables, name)
	}
	rows.Close()
	counts := map[string]int64{}
	for _, t := range tables {
		var n int64
		if err := q.QueryRowContext(ctx, `SELECT count(*) FROM "`+strings.ReplaceAll(t, `"`, `""`)+`"`).Scan(&n); err != nil {
			return nil, describe(err)
		}
		counts[t] = n
	}
	return counts, nil
}

// syncFile flushes path to the disk.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// placeNew gives the finished file tmp the name out in one step, never
// replacing a file that appeared at out meanwhile (a hard link fails when
// out exists; a file system without links gets a rename), and flushes the
// directory so the name survives a power cut.
func placeNew(tmp, out string) error {
	if err := os.Link(tmp, out); err == nil {
		os.Remove(tmp)
	} else if errors.Is(err, os.ErrExist) {
		return errors.New("the file appeared while the copy was made; kpit backup never replaces a file, give a new name")
	} else if err := os.Rename(tmp, out); err != nil {
		return err
	}
	dir, err := os.Open(filepath.Dir(out))
	if err != nil {
		return err
	}
	defer dir.Close()
	return dir.Sync()
}

// CheckBackup checks a backup file before it is restored: SQLite, kpit's,
// a schema this binary can read, integrity_check ok. It returns its row
// count.
func CheckBackup(ctx context.Context, path string) (BackupSummary, error) {
	info, err := os.Stat(path)
	if err != nil {
		return BackupSummary{}, fmt.Errorf("backup %s: %w", path, firstLine(err))
	}
	if info.IsDir() {
		return BackupSummary{}, fmt.Errorf("backup %s is a directory, not a file", path)
	}
	if err := CheckHeader(path, info.Size()); err != nil {
		return BackupSummary{}, fmt.Errorf("backup %s: %w", path, ErrNotKpit)
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		return BackupSummary{}, fmt.Errorf("backup %s has a -wal file beside it: it is a database in use, not a backup made by kpit backup", path)
	}
	counts, err := checkCopy(ctx, path)
	if err != nil {
		return BackupSummary{}, fmt.Errorf("backup %s: %w", path, err)
	}
	var rows int64
	for _, n := range counts {
		rows += n
	}
	return BackupSummary{Path: path, Rows: rows, Bytes: info.Size()}, nil
}

// Restore puts the backup at from in place of the database's contents,
// after CheckBackup. The records it replaces are kept first, as a copy
// beside the database named <file>.replaced-<UTC time>, whose path it
// returns. The copy is page for page (SQLite's backup API), so it is made
// even of a damaged file. The contents are replaced in one write
// transaction through SQLite, not by moving files: another kpit that has
// the database open reads the old records or the restored ones, never a
// mix, and its writes wait for the restore like any writer's.
func (s *Store) Restore(ctx context.Context, from string, now time.Time) (kept string, sum BackupSummary, err error) {
	if s.pg {
		return "", BackupSummary{}, notSupportedPG("kpit restore")
	}
	if err := s.may(model.AreaRules); err != nil {
		return "", BackupSummary{}, err
	}
	if same, _ := sameFile(from, s.path); same {
		return "", BackupSummary{}, fmt.Errorf("backup %s is the database itself", from)
	}
	if sum, err = CheckBackup(ctx, from); err != nil {
		return "", BackupSummary{}, err
	}
	kept = fmt.Sprintf("%s.replaced-%s", s.path, now.UTC().Format("20060102T150405Z"))
	if _, err := os.Lstat(kept); err == nil {
		return "", BackupSummary{}, fmt.Errorf("%s exists already; wait a second and run kpit restore again", kept)
	}
	err = s.copyPages(ctx, kept)
	if err == nil {
		err = syncFile(kept)
	}
	if err != nil {
		// The kept copy is this command's own file (it did not exist):
		// half of one is no copy.
		os.Remove(kept)
		return "", BackupSummary{}, fmt.Errorf("keep the current database as %s: %w", kept, writeWhy(kept, describe(err)))
	}
	if err := s.restorePages(ctx, from); err != nil {
		return kept, BackupSummary{}, fmt.Errorf("restore %s: %w", from, s.named(err))
	}
	// A backup made by an older kpit is brought up to date like any file.
	if err := s.migrate(ctx); err != nil {
		return kept, BackupSummary{}, fmt.Errorf("restore %s: %w", from, err)
	}
	return kept, sum, nil
}

func sameFile(a, b string) (bool, error) {
	ia, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	ib, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(ia, ib), nil
}

// backupConn is what the driver's connection offers for SQLite's backup API.
type backupConn interface {
	NewBackup(dstURI string) (*sqlite.Backup, error)
	NewRestore(srcURI string) (*sqlite.Backup, error)
}

// copyPages writes every page of the database to the new file dst.
func (s *Store) copyPages(ctx context.Context, dst string) error {
	return s.withBackup(ctx, func(c backupConn) (*sqlite.Backup, error) {
		return c.NewBackup("file:" + (&url.URL{Path: dst}).EscapedPath())
	})
}

// restorePages replaces every page of the database with src's.
func (s *Store) restorePages(ctx context.Context, src string) error {
	return s.withBackup(ctx, func(c backupConn) (*sqlite.Backup, error) {
		return c.NewRestore("file:" + (&url.URL{Path: src}).EscapedPath() + "?mode=ro")
	})
}

func (s *Store) withBackup(ctx context.Context, start func(backupConn) (*sqlite.Backup, error)) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return describe(err)
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		c, ok := dc.(backupConn)
		if !ok {
			return errors.New("the SQLite driver cannot copy a database")
		}
		b, err := start(c)
		if err != nil {
			return describe(err)
		}
		for more := true; more; {
			if more, err = b.Step(-1); err != nil {
				b.Finish()
				return describe(err)
			}
		}
		return describe(b.Finish())
	})
}
