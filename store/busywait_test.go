package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/internal/testlong"
	"github.com/kpit-dev/kpit/model"
)

// holdWriteLock opens a plain SQLite connection to path (not a kpit store:
// the other writer could be any process) and takes the write lock with
// BEGIN IMMEDIATE, after committing label as writer.work when it is not
// empty. The lock is released at the test's end.
func holdWriteLock(t *testing.T, path string, label *writerWork) *sql.DB {
	t.Helper()
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	raw.SetMaxOpenConns(1)
	t.Cleanup(func() { raw.Close() })
	ctx := context.Background()
	if label != nil {
		b, _ := json.Marshal(label)
		if _, err := raw.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ('writer.work', ?)`, string(b)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := raw.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.ExecContext(ctx, "ROLLBACK") })
	return raw
}

// busyStore opens a kpit store at a new path with a rep, and another store
// on the same file whose writes wait at most wait.
func busyStore(t *testing.T, wait time.Duration) (path string, s *Store, repID int64) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "k.db")
	first, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	repID, err = first.AddRep(context.Background(), model.Rep{Name: "田中", Department: model.DeptFieldSales})
	first.Close()
	if err != nil {
		t.Fatal(err)
	}
	s, err = OpenWith(path, Options{BusyWait: wait})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return path, s, repID
}

// An add behind another writer's lock gives up after the wait the store
// was opened with (200 ms, not the default 30 s), with one line that names
// the import holding the lock and how to raise the wait, in English and in
// Japanese, and writes nothing.
func TestBusyWaitNamesTheImport(t *testing.T) {
	path, s, repID := busyStore(t, 200*time.Millisecond)
	since := time.Date(2026, 11, 30, 4, 5, 6, 0, time.UTC)
	raw := holdWriteLock(t, path, &writerWork{What: "kpit import", Rows: 200000, PID: os.Getpid(), Since: since})

	start := time.Now()
	_, err := s.AddActivity(context.Background(), model.Activity{Date: time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC), RepID: repID, Kind: model.KindVisit, Count: 1, Account: "ACME"})
	waited := time.Since(start)
	if err == nil {
		t.Fatal("the add was written behind another writer's lock")
	}
	if waited < 200*time.Millisecond || waited > 5*time.Second {
		t.Errorf("waited %v; want the 200ms the store was opened with", waited)
	}
	if !errors.Is(err, ErrBusy) {
		t.Errorf("%v is not ErrBusy", err)
	}
	en := fmt.Sprintf("the database is busy: an import of 200,000 records (process %d, since 04:05:06 UTC) held it for longer than the wait of 200ms; try again when it ends, or raise busy_wait in the config file", os.Getpid())
	if got := catalog.ErrorLine(catalog.LangEN, err); got != en {
		t.Errorf("en:\n got %q\nwant %q", got, en)
	}
	ja := fmt.Sprintf("データベースは使用中です: 別の kpit が 200,000件を取り込んでいて (プロセス %d、04:05:06 UTC から)、待ち時間 200ms を過ぎても書き込めませんでした。取り込みが終わってからやり直すか、設定ファイルの busy_wait を延ばしてください", os.Getpid())
	if got := catalog.ErrorLine(catalog.LangJA, err); got != ja {
		t.Errorf("ja:\n got %q\nwant %q", got, ja)
	}
	if _, err := raw.Exec("ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := raw.QueryRow(`SELECT count(*) FROM activities`).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d activities written, %v; want none", n, err)
	}
}

// Without a label (the other writer is not an import, or its process is
// gone) the line still says the wait ran out and how to raise it.
func TestBusyWaitWithoutALabel(t *testing.T) {
	for name, label := range map[string]*writerWork{
		"none":     nil,
		"dead pid": {What: "kpit import", Rows: 5, PID: 1 << 30, Since: time.Now()},
		"no pid":   {What: "kpit import", Rows: 5},
	} {
		t.Run(name, func(t *testing.T) {
			path, s, repID := busyStore(t, 150*time.Millisecond)
			holdWriteLock(t, path, label)
			_, err := s.AddActivity(context.Background(), model.Activity{Date: time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC), RepID: repID, Kind: model.KindVisit, Count: 1, Account: "ACME"})
			if want := "the database was busy with another kpit for longer than the wait of 150ms; try again, or raise busy_wait in the config file"; catalog.ErrorLine(catalog.LangEN, err) != want {
				t.Errorf("en: %v; want %q", err, want)
			}
			if got := catalog.ErrorLine(catalog.LangJA, err); !strings.Contains(got, "待ち時間 150ms") || !strings.Contains(got, "busy_wait") {
				t.Errorf("ja: %q", got)
			}
		})
	}
}

// A store opened without a wait waits the default.
func TestBusyWaitDefault(t *testing.T) {
	s := openTemp(t)
	if s.pg {
		t.Skip("SQLite only")
	}
	if s.BusyWait() != 30*time.Second {
		t.Errorf("default wait %v, want 30s", s.BusyWait())
	}
}

// On PostgreSQL the wait is the session's lock_timeout: an add behind a
// table lock another session holds gives up after 200 ms with the same
// line naming the import, and writes nothing.
func TestBusyWaitPostgres(t *testing.T) {
	testlong.Skip(t)
	_, url := openPG(t)
	s, err := OpenWith(url, Options{BusyWait: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	repID, err := s.AddRep(ctx, model.Rep{Name: "田中", Department: model.DeptFieldSales})
	if err != nil {
		t.Fatal(err)
	}
	other, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	other.SetMaxOpenConns(1)
	b, _ := json.Marshal(writerWork{What: "kpit import", Rows: 7, PID: os.Getpid(), Since: time.Date(2026, 11, 30, 4, 5, 6, 0, time.UTC)})
	if _, err := other.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ('writer.work', $1)`, string(b)); err != nil {
		t.Fatal(err)
	}
	hold, err := other.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := hold.ExecContext(ctx, "LOCK TABLE activities IN EXCLUSIVE MODE"); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = s.AddActivity(ctx, model.Activity{Date: time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC), RepID: repID, Kind: model.KindVisit, Count: 1, Account: "ACME"})
	if waited := time.Since(start); waited > 5*time.Second {
		t.Errorf("waited %v; want the 200ms the store was opened with", waited)
	}
	want := fmt.Sprintf("the database is busy: an import of 7 records (process %d, since 04:05:06 UTC) held it for longer than the wait of 200ms; try again when it ends, or raise busy_wait in the config file", os.Getpid())
	if got := catalog.ErrorLine(catalog.LangEN, err); got != want {
		t.Errorf("en:\n got %q\nwant %q", got, want)
	}
	hold.Rollback()
	var n int
	if err := other.QueryRowContext(ctx, `SELECT count(*) FROM activities`).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d activities written, %v; want none", n, err)
	}
}
