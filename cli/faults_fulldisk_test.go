//go:build linux

package cli

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kpit-dev/kpit/internal/crashtest"
	"github.com/kpit-dev/kpit/internal/testlong"
)

// TestFullDiskEveryWritePath runs every command that writes on a database
// whose disk is full at the moment of the write: a tmpfs the test mounts
// (root only) holding a copy of the demo, the -wal file emptied by a
// connection the test keeps open (so kpit's open succeeds and its write
// has to grow the -wal), then the disk filled. Each command exits 2 with
// one line naming the file and the full disk; afterwards the database file
// is byte for byte what it was and holds the same rows (the -wal's commits
// included), and nothing half-made is left beside it.
func TestFullDiskEveryWritePath(t *testing.T) {
	testlong.Skip(t)
	// Room for the demo database, the migrate's copy of it and that copy's
	// -wal until it is checkpointed at the close (17 MB each since the
	// kept tables of schemas 23-26); 48 MB left the checkpoint no room.
	disk := crashtest.MountSmallDisk(t, "64m")
	demo := demoCopy(t)
	backup := filepath.Join(t.TempDir(), "b.db")
	if code, _, errOut := kpitRun("backup", "--out", backup, "--db", demo); code != 0 {
		t.Fatalf("backup: %s", errOut)
	}
	var lead string
	if err := crashtest.ReadOnlyDB(t, demo).QueryRow(
		`SELECT id FROM leads WHERE status = 'new' AND deleted_at IS NULL ORDER BY id LIMIT 1`).Scan(&lead); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(disk.Dir, "k.db")
	full := "the disk is full (0 bytes free in " + disk.Dir + "); nothing was saved"
	for _, tc := range []struct {
		name  string
		args  []string
		leave int64         // bytes left free: room for an open, not for the write
		prep  func(*sql.DB) // before the disk fills
		want  string        // how the line begins, after "kpit "
		made  string        // a new file the command may leave, empty of records
	}{
		{name: "kpi set", args: []string{"kpi", "set", "opportunities", "--target", "150/month", "--reason", "full disk", "--db", db},
			want: "kpi set: database " + db + ": could not be written: " + full},
		{name: "lead move", args: []string{"lead", "move", lead, "--to", "mql", "--at", "2026-11-26", "--db", db},
			want: "lead move: database " + db + ": could not be written: " + full},
		{name: "doctor --repair", args: []string{"doctor", "--repair", "--db", db},
			prep: func(h *sql.DB) {
				// A roll-up out of step with the records, for --repair to rebuild.
				if _, err := h.Exec(`UPDATE rollup_daily SET value = value + 5 WHERE day = (SELECT max(day) FROM rollup_daily)`); err != nil {
					t.Fatal(err)
				}
			},
			want: "doctor: database " + db + ": could not be written: " + full},
		{name: "backup", args: []string{"backup", "--out", filepath.Join(disk.Dir, "copy.db"), "--db", db},
			want: "backup: backup " + filepath.Join(disk.Dir, "copy.db") + ": could not be written: " + full},
		{name: "restore", args: []string{"restore", backup, "--db", db},
			want: "restore: keep the current database as " + db + ".replaced-"},
		{name: "migrate", args: []string{"migrate", "--from", db, "--to", filepath.Join(disk.Dir, "m.db")}, leave: 1 << 20,
			want: "migrate: " + db + " → " + filepath.Join(disk.Dir, "m.db") + ": database " + filepath.Join(disk.Dir, "m.db") +
				": could not be written: the disk is full (", made: "m.db"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, f := range []string{db, db + "-wal", db + "-shm", filepath.Join(disk.Dir, "m.db")} {
				os.Remove(f)
			}
			data, err := os.ReadFile(demo)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(db, data, 0o600); err != nil {
				t.Fatal(err)
			}
			if tc.prep != nil {
				h := crashtest.HoldOpen(t, db)
				tc.prep(h)
				h.Close()
			}
			hold := crashtest.HoldOpen(t, db)
			defer hold.Close()
			sum, rows := crashtest.FileSum(t, db), crashtest.Contents(t, hold)
			before := dirNames(t, disk.Dir)

			disk.Fill(t, tc.leave)
			code, _, errOut := kpitRun(tc.args...)
			disk.Free(t)

			if code != 2 || strings.Count(errOut, "\n") != 1 || !strings.HasPrefix(errOut, "kpit "+tc.want) ||
				!strings.Contains(errOut, ": could not be written: the disk is full (") || !strings.HasSuffix(errOut, "; nothing was saved\n") {
				t.Errorf("exit %d, stderr %q\nwant exit 2 and one line: kpit %s", code, errOut, tc.want)
			}
			if got := crashtest.FileSum(t, db); got != sum {
				t.Error("the database file changed")
			}
			if got := crashtest.Contents(t, hold); got != rows {
				t.Errorf("the rows changed: %s, were %s", got, rows)
			}
			crashtest.IntegrityOK(t, hold)
			if tc.made != "" {
				// The new target holds kpit's tables and no row of the
				// source: a second run, with room, takes it.
				before = strings.TrimSpace(before + " " + tc.made)
				if code, _, errOut := kpitRun(tc.args...); code != 0 {
					t.Errorf("run again with room: %s", errOut)
				}
			}
			if after := dirNames(t, disk.Dir); after != before {
				t.Errorf("files beside the database: %s, were %s", after, before)
			}
		})
	}
}

// dirNames lists dir's files with a size, but for the filler and an
// empty -wal.
func dirNames(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || e.Name() == "filler" || info.Size() == 0 {
			continue
		}
		names = append(names, e.Name())
	}
	return strings.Join(names, " ")
}

// TestFullDiskDuringScaleBuild: `kpit demo --scale` builds the company in
// one transaction (Store.BulkBuild), so a disk that fills part way leaves
// the new file without a record, as sound as before, and the one line
// names the full disk. (A statement refused for want of space may end the
// transaction itself: the build writes no row after it.)
func TestFullDiskDuringScaleBuild(t *testing.T) {
	testlong.Skip(t)
	disk := crashtest.MountSmallDisk(t, "16m")
	db := filepath.Join(disk.Dir, "scale.db")
	code, _, errOut := kpitRun("demo", "--db", db, "--scale", "20000", "--today", "2026-11-26")
	want := "kpit demo: seed scale data: database " + db + ": could not be written: the disk is full ("
	if code != 2 || strings.Count(errOut, "\n") != 1 || !strings.HasPrefix(errOut, want) || !strings.HasSuffix(errOut, "; nothing was saved\n") {
		t.Fatalf("exit %d, stderr %q\nwant exit 2 and one line beginning %q", code, errOut, want)
	}
	h := crashtest.ReadOnlyDB(t, db)
	crashtest.IntegrityOK(t, h)
	var rows int
	if err := h.QueryRow(`SELECT (SELECT count(*) FROM reps) + (SELECT count(*) FROM opportunities) +
		(SELECT count(*) FROM activities) + (SELECT count(*) FROM leads) + (SELECT count(*) FROM rollup_daily)`).Scan(&rows); err != nil {
		t.Fatal(err)
	}
	if rows != 0 {
		t.Fatalf("the failed build left %d rows", rows)
	}
	var triggers int
	if err := h.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'`).Scan(&triggers); err != nil || triggers < 50 {
		t.Fatalf("%d triggers after the failed build (%v): the dropped ones must be back", triggers, err)
	}
}
