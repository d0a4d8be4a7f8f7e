package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/kpit-dev/kpit/model"
)

// openTemp opens a new store: a SQLite file, or in the postgres half of
// onBoth a PostgreSQL database.
func openTemp(t *testing.T) *Store {
	t.Helper()
	if onPostgres(t) {
		s, _ := openPG(t)
		return s
	}
	s, err := Open(filepath.Join(t.TempDir(), "k.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestOpenMigratesAndReopens(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "k.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	var v int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != len(migrations) {
		t.Fatalf("user_version = %d, %v; want %d", v, err, len(migrations))
	}
	if _, err := s.AddRep(context.Background(), model.Rep{Name: "田中", Department: model.DeptFieldSales}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	reps, err := s.Reps(context.Background())
	if err != nil || len(reps) != 1 || reps[0].Name != "田中" {
		t.Fatalf("reps after reopen = %v, %v", reps, err)
	}
}

func TestOpenRefusesForeignFiles(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, []byte("this is not a database, just some text that is long enough to look like a header"), 0o644)
	if _, err := Open(junk); err == nil {
		t.Fatal("opened a text file as a database")
	}
	if _, err := Open(filepath.Join("/proc/version", "x.db")); err == nil {
		t.Fatal("opened a database under a file")
	}
}
