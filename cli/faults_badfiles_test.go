package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kpit-dev/kpit/store"
)

// sizedEntryDB is newEntryDB with 4,000 activities of rep 田中 (about
// 1 MB, a few hundred pages), written back from the WAL into the file, so
// that bytes overwritten in its middle land in b-tree pages.
func sizedEntryDB(t *testing.T) string {
	t.Helper()
	path := newEntryDB(t)
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_, err = db.Exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000)
		INSERT INTO activities (day, rep_id, kind, count, note, entered_at, updated_at)
		SELECT date('2026-01-01', '+' || (i % 60) || ' days'), 1, 'visit', 1, printf('%0200d', i),
			'2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z' FROM n`)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		t.Fatal(err)
	}
	return path
}

// Every kind of bad file, given to a command that reads (report), one that
// writes (add) and the cockpit: exit status 2, one line on stderr naming
// the file and the problem, and the file byte for byte as it was, with no
// -wal, -shm or journal left beside it.
func TestBadFilesOneLineFileUnchanged(t *testing.T) {
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0}, 200)...)
	cases := []struct {
		name string
		make func(t *testing.T) string // the --db path
		want string                    // in the one line
	}{
		{"text file", func(t *testing.T) string { return writeTemp(t, "notes.db", []byte("meeting notes\n")) }, "not a kpit database"},
		{"PNG image", func(t *testing.T) string { return writeTemp(t, "logo.db", png) }, "not a kpit database"},
		// An empty file is a new database to a command that creates one
		// (SQLite makes one when it creates a file, and another kpit may be
		// doing so at this moment): that case is left to those below.
		{"empty file", func(t *testing.T) string { return writeTemp(t, "empty.db", nil) }, "is empty"},
		{"truncated to half", func(t *testing.T) string {
			p := sizedEntryDB(t)
			info, _ := os.Stat(p)
			if err := os.Truncate(p, info.Size()/2); err != nil {
				t.Fatal(err)
			}
			return p
		}, "damaged"},
		{"8 KB of random bytes in the middle", func(t *testing.T) string {
			p := sizedEntryDB(t)
			info, _ := os.Stat(p)
			f, err := os.OpenFile(p, os.O_RDWR, 0)
			if err != nil {
				t.Fatal(err)
			}
			garbage := make([]byte, 8192)
			rand.New(rand.NewSource(14)).Read(garbage)
			f.WriteAt(garbage, info.Size()/2/4096*4096)
			f.Close()
			return p
		}, "damaged"},
		{"missing directory", func(t *testing.T) string { return filepath.Join(t.TempDir(), "no", "such", "k.db") }, "does not exist"},
		{"a directory", func(t *testing.T) string { return t.TempDir() }, "is a directory"},
		{"newer schema version", func(t *testing.T) string {
			p := newEntryDB(t)
			db, _ := sql.Open("sqlite", "file:"+p)
			db.Exec(fmt.Sprintf("PRAGMA user_version = %d", store.SchemaVersion()+1))
			db.Close()
			return p
		}, "newer than this kpit"},
		{"another application's SQLite file", func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "other.db")
			db, _ := sql.Open("sqlite", "file:"+p)
			db.Exec("CREATE TABLE settings (k, v); CREATE TABLE notes (body TEXT); PRAGMA user_version = 3")
			db.Close()
			return p
		}, "not a kpit database"},
	}
	commands := [][]string{
		{"report", "--format", "json", "--today", "2026-03-02"},
		{"add", "activity", "--kind", "visit", "--rep", "田中", "--today", "2026-03-02"},
		{"add", "activity", "--kind", "visit", "--rep", "田中", "--create-rep", "--today", "2026-03-02"},
		{"backup", "--out", filepath.Join(t.TempDir(), "b.db")},
		{}, // the cockpit: the file is checked before the terminal
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := c.make(t)
			if c.name == "8 KB of random bytes in the middle" || c.name == "truncated to half" {
				assertDamaged(t, path)
			}
			before := sumOrMissing(path)
			for _, args := range commands {
				creates := len(args) > 2 && args[len(args)-3] == "--create-rep"
				if (c.name == "missing directory" || c.name == "empty file") && creates {
					continue // --create-rep makes the directory and the file: that is its job
				}
				want := c.want
				if len(args) == 0 && (c.name == "empty file" || c.name == "missing directory") {
					want = "needs a terminal" // a new database, made only once the cockpit runs
				}
				args := append(append([]string{}, args...), "--db", path)
				code, _, errOut := runKpit(t, args...)
				line := strings.TrimSpace(errOut)
				if code != exitUsage || strings.Contains(line, "\n") || (!strings.Contains(line, path) && len(args) > 2) || !strings.Contains(line, want) {
					t.Errorf("kpit %s: exit %d, want 2 and one line naming %s and %q:\n%s", strings.Join(args, " "), code, path, want, errOut)
				}
				if after := sumOrMissing(path); after != before {
					t.Errorf("kpit %s changed the file", strings.Join(args, " "))
				}
				for _, side := range []string{"-wal", "-shm", "-journal"} {
					if info, err := os.Stat(path + side); err == nil && info.Size() > 0 {
						t.Errorf("kpit %s left %s of %d bytes", strings.Join(args, " "), side, info.Size())
					}
				}
			}
		})
	}
}

// sumOrMissing is the SHA-256 of the file at path, or what reading it says.
func sumOrMissing(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return err.Error()
	}
	return fmt.Sprintf("%x", sha256.Sum256(b))
}

// assertDamaged makes sure the test damaged the file in a way SQLite can
// see (the test's own fixture, checked past kpit's code).
func assertDamaged(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var res string
	err = db.QueryRowContext(context.Background(), "PRAGMA integrity_check").Scan(&res)
	if err == nil && res == "ok" {
		t.Fatal("the fixture is not damaged")
	}
}

// A read-only file and a read-only directory: a write is refused in one
// line naming the file (and, for the directory, saying so), the file
// unchanged. Root may write anything, so the test needs another user
// (RELIABILITY.md has the run under setpriv as nobody).
func TestReadOnlyFileAndDirectory(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes read-only files; run as another user")
	}
	for _, c := range []struct {
		name, want string
		lock       func(path string)
	}{
		{"read-only file", "read-only", func(p string) { os.Chmod(p, 0o444) }},
		{"read-only directory", "its directory", func(p string) { os.Chmod(filepath.Dir(p), 0o555) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := newEntryDB(t)
			c.lock(path)
			defer os.Chmod(filepath.Dir(path), 0o755)
			before := sumOrMissing(path)
			code, _, errOut := runKpit(t, "add", "activity", "--kind", "visit", "--rep", "田中", "--db", path)
			line := strings.TrimSpace(errOut)
			if code != exitUsage || strings.Contains(line, "\n") || !strings.Contains(line, path) || !strings.Contains(line, c.want) {
				t.Errorf("exit %d, want 2 and one line naming the file and %q: %q", code, c.want, errOut)
			}
			if sumOrMissing(path) != before {
				t.Error("the file changed")
			}
		})
	}
}
