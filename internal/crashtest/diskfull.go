//go:build linux

package crashtest

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// SmallDisk is a tmpfs of a few megabytes the test mounts (root only,
// where mounting is allowed; the test is skipped elsewhere): a disk that
// the test fills on purpose, so that the next write kpit makes meets a
// full disk as a user's would (ENOSPC, SQLITE_FULL).
type SmallDisk struct {
	Dir    string
	filler string
}

// MountSmallDisk mounts a tmpfs of size (as mount takes it: "64m") on a
// new temporary directory, unmounted when the test ends.
func MountSmallDisk(t testing.TB, size string) *SmallDisk {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a tmpfs needs root")
	}
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size="+size); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	return &SmallDisk{Dir: dir, filler: filepath.Join(dir, "filler")}
}

// Fill writes a file until the disk refuses a byte more, then gives back
// leave bytes of it: room for a write that starts and then runs out.
func (d *SmallDisk) Fill(t testing.TB, leave int64) {
	t.Helper()
	f, err := os.Create(d.filler)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	block := make([]byte, 64<<10)
	for len(block) > 0 {
		if _, err := f.Write(block); err != nil {
			block = block[:len(block)/2] // the last few pages, to the very end
		}
	}
	if leave > 0 {
		info, err := f.Stat()
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(max(info.Size()-leave, 0)); err != nil {
			t.Fatal(err)
		}
	}
}

// Free removes what Fill wrote.
func (d *SmallDisk) Free(t testing.TB) {
	t.Helper()
	if err := os.Remove(d.filler); err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
}

// HoldOpen opens path as a writer, moves everything in its -wal file into
// the database and empties it (wal_checkpoint(TRUNCATE)), and keeps the
// connection open until the test ends. With the -wal and -shm files there
// and the -wal empty, a later write must grow the -wal file: on a full
// disk it fails at the write itself, not at the open of the file.
func HoldOpen(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)&_pragma=journal_mode(wal)")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	var busy, logFrames, done int
	if err := db.QueryRow("PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logFrames, &done); err != nil || busy != 0 {
		t.Fatalf("wal_checkpoint(TRUNCATE): busy %d, %v", busy, err)
	}
	if info, err := os.Stat(path + "-wal"); err != nil || info.Size() != 0 {
		t.Fatalf("the -wal file is not empty after the checkpoint: %v", err)
	}
	return db
}

// FileSum is the SHA-256 of the file at path.
func FileSum(t testing.TB, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Contents is a digest of every row of every table of the database db
// reads (the -wal file's commits included), with the row count of each
// table: two equal digests are the same records.
func Contents(t testing.TB, db *sql.DB) string {
	t.Helper()
	rows, err := db.Query("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, name)
	}
	rows.Close()
	h := sha256.New()
	var counts []string
	for _, table := range tables {
		rows, err := db.Query(`SELECT * FROM "` + strings.ReplaceAll(table, `"`, `""`) + `"`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		n := 0
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(h, "%s%v\n", table, vals)
			n++
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
		counts = append(counts, fmt.Sprintf("%s %d", table, n))
	}
	return hex.EncodeToString(h.Sum(nil))[:16] + " (" + strings.Join(counts, ", ") + ")"
}
