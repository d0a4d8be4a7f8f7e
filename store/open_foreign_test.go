package store

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Opening someone else's SQLite file must fail and leave it byte for byte
// as it was (the journal mode lives in the file header), whatever
// user_version that application keeps, including the ones kpit's own
// migrations would start from.
func TestOpenLeavesForeignSQLiteUntouched(t *testing.T) {
	for _, version := range []int{0, 1, 2, 3, SchemaVersion(), SchemaVersion() + 4} {
		t.Run(fmt.Sprint("user_version ", version), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "other.db")
			db, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			_, err = db.Exec(fmt.Sprintf("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('x'); PRAGMA user_version = %d", version))
			if err != nil {
				t.Fatal(err)
			}
			db.Close()
			before, _ := os.ReadFile(path)
			if _, err := Open(path); !errors.Is(err, ErrNotKpit) {
				t.Fatalf("open foreign database: %v, want ErrNotKpit", err)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(before, after) {
				t.Fatal("opening a foreign database changed the file")
			}
			for _, side := range []string{"-wal", "-shm", "-journal"} {
				if _, err := os.Stat(path + side); err == nil {
					t.Errorf("opening a foreign database left %s", filepath.Base(path+side))
				}
			}
		})
	}
}

func TestOpenUsesWAL(t *testing.T) {
	s := openTemp(t)
	var mode string
	if err := s.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Fatalf("journal_mode = %q, %v", mode, err)
	}
}
