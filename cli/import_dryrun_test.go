package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// --dry-run at a new --db path creates no file (nor -wal, -shm, nor its
// directory) and counts every row of the file as inserted.
func TestImportDryRunCreatesNoFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "sub", "new.db")
	file := writeTemp(t, "stages.csv", []byte(stagesCSV))
	code, out, errOut := runKpit(t, "import", "opportunities", file, "--db", db, "--dry-run", "--today", "2026-11-26")
	rows := len(csvRows(t, stagesCSV))
	if code != 0 || !strings.HasPrefix(out, fmt.Sprintf("inserted %d, updated 0", rows)) {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	for _, p := range []string{db, db + "-wal", db + "-shm", filepath.Dir(db)} {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("dry run left %s (%v)", p, err)
		}
	}
	// A file that is not a database is refused, and left as it was.
	notDB := writeTemp(t, "notes.db", []byte("my notes"))
	if code, _, errOut := runKpit(t, "import", "opportunities", file, "--db", notDB, "--dry-run"); code == 0 || strings.Count(errOut, "\n") != 1 {
		t.Errorf("dry run on a text file: exit %d, %q", code, errOut)
	}
	if b, _ := os.ReadFile(notDB); string(b) != "my notes" {
		t.Errorf("dry run changed a text file: %q", b)
	}
}

// --dry-run on an existing database changes no byte of it, also while
// another kpit has it open, and sees that kpit's latest writes (in the
// -wal): the deal just added counts as unchanged.
func TestImportDryRunChangesNoByte(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	file := writeTemp(t, "stages.csv", []byte(stagesCSV))
	if code, _, errOut := runKpit(t, "import", "opportunities", file, "--db", db, "--today", "2026-11-26"); code != 0 {
		t.Fatal(errOut)
	}
	files := func() map[string][]byte {
		m := map[string][]byte{}
		for _, p := range []string{db, db + "-wal"} {
			if b, err := os.ReadFile(p); err == nil {
				m[p] = b
			}
		}
		return m
	}
	same := func(a, b map[string][]byte) bool {
		if len(a) != len(b) {
			return false
		}
		for k, v := range a {
			if !bytes.Equal(v, b[k]) {
				return false
			}
		}
		return true
	}
	before := files()
	if _, ok := before[db+"-wal"]; ok {
		t.Fatal("a -wal is left after the import closed the file")
	}
	code, out, errOut := runKpit(t, "import", "opportunities", file, "--db", db, "--dry-run")
	if code != 0 || !strings.HasPrefix(out, fmt.Sprintf("inserted 0, updated 0, unchanged %d", len(csvRows(t, stagesCSV)))) {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if after := files(); !same(before, after) {
		t.Error("dry run changed the database file or left a -wal")
	}
	if _, err := os.Stat(db + "-shm"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("dry run left a -shm (%v)", err)
	}

	// Another kpit holds the file open and has just written a deal.
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.AddOpportunity(context.Background(), model.Opportunity{ExternalID: "N-1", RepName: "鈴木", Account: "Z",
		Created: model.D(2026, 11, 2), Outcome: model.OutcomeOpen}); err != nil {
		t.Fatal(err)
	}
	before = files()
	one := writeTemp(t, "n.csv", []byte("id,owner,account,created\nN-1,鈴木,Z,2026-11-02\n"))
	code, out, errOut = runKpit(t, "import", "opportunities", one, "--db", db, "--dry-run")
	if code != 0 || !strings.HasPrefix(out, "inserted 0, updated 0, unchanged 1") {
		t.Errorf("dry run beside an open kpit: exit %d\n%s%s", code, out, errOut)
	}
	if after := files(); !same(before, after) {
		t.Error("dry run changed the database or its -wal while another kpit had it open")
	}
}
