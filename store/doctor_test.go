package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// doctorDay is the day the doctor's records are made on.
var doctorDay = time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)

// seedDoctor writes records whose roll-up is known by hand: rep 1 (田中)
// 3 + 2 visits and a call on doctorDay, a deal won for 500,000 and one
// lost, one of each deleted again; a lead without an owner.
func seedDoctor(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	s.SetClock(func() time.Time { return doctorDay.Add(10 * time.Hour) })
	if _, err := s.AddRep(ctx, model.Rep{Name: "田中", Department: model.DeptFieldSales}); err != nil {
		t.Fatal(err)
	}
	must := func(_ int64, err error) int64 {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return 0
	}
	act := func(k model.ActivityKind, n int) model.Activity {
		return model.Activity{Kind: k, RepName: "田中", Count: n, Date: doctorDay}
	}
	must(s.AddActivity(ctx, act(model.KindVisit, 3)))
	must(s.AddActivity(ctx, act(model.KindVisit, 2)))
	must(s.AddActivity(ctx, act(model.KindCall, 1)))
	gone, err := s.AddActivity(ctx, act(model.KindVisit, 7))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ctx, model.RecordActivity, gone); err != nil {
		t.Fatal(err)
	}
	must(s.AddOpportunity(ctx, model.Opportunity{ExternalID: "W", RepName: "田中", Account: "A", Created: doctorDay,
		Closed: doctorDay, Outcome: model.OutcomeWon, AmountMinor: 500000, HasAmount: true}))
	must(s.AddOpportunity(ctx, model.Opportunity{ExternalID: "L", RepName: "田中", Account: "B", Created: doctorDay,
		Closed: doctorDay, Outcome: model.OutcomeLost}))
	must(s.AddLead(ctx, model.Lead{Company: "C", Created: doctorDay, Status: model.LeadNew}))
}

func TestDoctorFindsNothingOnASoundFile(t *testing.T) {
	s := openTemp(t)
	seedDoctor(t, s)
	got, err := s.Check(context.Background())
	if err != nil || len(got) != 0 {
		t.Fatalf("findings %+v, %v; want none", got, err)
	}
}

// A roll-up cell changed behind the triggers' back is found with the
// figures by hand (5 visits in the records), and --repair's rebuild leaves
// the roll-up equal to the records again.
func TestDoctorFindsAndRebuildsTheRollup(t *testing.T) {
	s := openTemp(t)
	seedDoctor(t, s)
	ctx := context.Background()
	if _, err := s.db.Exec(`UPDATE rollup_daily SET value = 8 WHERE metric = 'visits'`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`DELETE FROM rollup_daily WHERE metric = 'revenue'`); err != nil {
		t.Fatal(err)
	}
	got, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := Finding{Kind: FindRollup, N: 2, Detail: "2026-03-02 revenue of rep 1: 0 in the roll-up, 500000 in the records"}
	if len(got) != 1 || got[0] != want {
		t.Fatalf("findings %+v, want %+v", got, want)
	}
	if err := s.RebuildRollups(ctx); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Check(ctx); err != nil || len(got) != 0 {
		t.Fatalf("after the rebuild: %+v, %v", got, err)
	}
	// The rebuilt roll-up, against the records by hand.
	for metric, want := range map[string]int64{"visits": 5, "calls": 1, "opportunities": 2, "orders_won": 1,
		"revenue": 500000, "orders_lost": 1, "leads": 1} {
		var v int64
		if err := s.db.QueryRow(`SELECT coalesce(sum(value), 0) FROM rollup_daily WHERE metric = ?`, metric).Scan(&v); err != nil || v != want {
			t.Errorf("%s = %d, %v; want %d", metric, v, err, want)
		}
	}
}

func TestDoctorFindsForeignKeysAndMissingTriggers(t *testing.T) {
	s := openTemp(t)
	seedDoctor(t, s)
	ctx := context.Background()
	if _, err := s.db.Exec(`PRAGMA foreign_keys = OFF`); err != nil {
		t.Fatal(err)
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`)
	if _, err := conn.ExecContext(ctx, `UPDATE activities SET rep_id = 99 WHERE kind = 'call'`); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, `DROP TRIGGER leads_au`); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	got, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[FindingKind]Finding{}
	for _, f := range got {
		kinds[f.Kind] = f
	}
	if f := kinds[FindForeignKey]; f.N != 1 || !strings.Contains(f.Detail, "activities row") {
		t.Errorf("foreign key finding %+v", f)
	}
	if f := kinds[FindTrigger]; f.Detail != "leads_au" {
		t.Errorf("trigger finding %+v", f)
	}
}

// A backup taken while another connection keeps adding records holds the
// records of one moment: integrity_check ok, every activity it holds has
// its roll-up, and it is restored in place of a database that went on,
// keeping that one beside it.
func TestBackupWhileWritingAndRestore(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "k.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	seedDoctor(t, s)
	writer, err := Open(path) // another process, as far as SQLite can tell the difference
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	writer.SetClock(func() time.Time { return doctorDay.Add(10 * time.Hour) })
	ctx := context.Background()
	var stop atomic.Bool
	var wg sync.WaitGroup
	var written atomic.Int64
	wg.Add(1)
	go func() {
		defer wg.Done()
		for !stop.Load() {
			if _, err := writer.AddActivity(ctx, model.Activity{Kind: model.KindEmail, RepName: "田中", Count: 1, Date: doctorDay}); err != nil {
				t.Error(err)
				return
			}
			written.Add(1)
		}
	}()
	for written.Load() < 20 {
		time.Sleep(time.Millisecond)
	}
	out := filepath.Join(dir, "backup.db")
	sum, err := s.Backup(ctx, out)
	stop.Store(true)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if sum.Rows == 0 || sum.Bytes == 0 {
		t.Fatalf("summary %+v", sum)
	}
	if _, err := s.Backup(ctx, out); err == nil || !strings.Contains(err.Error(), "exists") {
		t.Fatalf("a second backup to the same name: %v", err)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".backup.db.tmp-*"))
	if len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
	if _, err := CheckBackup(ctx, out); err != nil {
		t.Fatal(err)
	}
	copyStore, err := Open(out)
	if err != nil {
		t.Fatal(err)
	}
	emailsInCopy := countEmails(t, copyStore)
	if got, _ := copyStore.Check(ctx); len(got) != 0 {
		t.Errorf("the copy: %+v", got)
	}
	copyStore.Close()
	os.Remove(out + "-wal")
	os.Remove(out + "-shm")
	if emailsInCopy < 20 || emailsInCopy > written.Load() {
		t.Errorf("the copy holds %d emails; %d were written, 20 before the backup began", emailsInCopy, written.Load())
	}
	before := countEmails(t, s)
	kept, _, err := s.Restore(ctx, out, doctorDay.Add(12*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if kept != path+".replaced-20260302T120000Z" {
		t.Errorf("kept as %s", kept)
	}
	if got := countEmails(t, s); got != emailsInCopy {
		t.Errorf("after the restore %d emails, the backup holds %d", got, emailsInCopy)
	}
	if got := countEmails(t, writer); got != emailsInCopy {
		t.Errorf("the other connection reads %d emails after the restore, want %d", got, emailsInCopy)
	}
	keptStore, err := Open(kept)
	if err != nil {
		t.Fatal(err)
	}
	defer keptStore.Close()
	if got := countEmails(t, keptStore); got != before {
		t.Errorf("the kept file holds %d emails, the database held %d", got, before)
	}
	if _, _, err := s.Restore(ctx, path, doctorDay); err == nil {
		t.Error("restoring the database onto itself was not refused")
	}
}

func countEmails(t *testing.T, s *Store) int64 {
	t.Helper()
	var n int64
	if err := s.db.QueryRow(`SELECT count(*) FROM activities WHERE kind = 'email' AND deleted_at IS NULL`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// A write that waits past the busy timeout behind an import says whose
// work it waited for, in one line; once the import ends the label is gone.
func TestBusyBehindAnImportNamesIt(t *testing.T) {
	old := BusyTimeout
	BusyTimeout = 300 * time.Millisecond
	defer func() { BusyTimeout = old }()
	path := filepath.Join(t.TempDir(), "k.db")
	importer, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer importer.Close()
	other, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	ctx := context.Background()
	is, err := importer.BeginImport(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The import holds the write lock only while it moves what it staged.
	if _, _, _, err := is.UpsertReps(ctx, []model.Rep{{Name: "鈴木", Department: model.DeptInsideSales, Active: true}}); err != nil {
		t.Fatal(err)
	}
	moveHook = func() { _, err = other.AddRep(ctx, model.Rep{Name: "田中", Department: model.DeptFieldSales}) }
	defer func() { moveHook = nil }()
	if err := is.Commit(); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("the database is busy: an import of 1 record (process %d, since", os.Getpid())
	if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "\n") {
		t.Fatalf("a write behind the import: %v; want one line with %q", err, want)
	}
	if _, ok, _ := other.Setting(ctx, settingWriter); ok {
		t.Error("the import's label outlived it")
	}
	if _, err := other.AddRep(ctx, model.Rep{Name: "田中", Department: model.DeptFieldSales}); err != nil {
		t.Fatalf("after the import: %v", err)
	}
}

// The monthly roll-up changed behind the triggers' back is found against
// the daily one (5 visits in March by hand) and rebuilt.
func TestDoctorFindsTheMonthlyRollup(t *testing.T) {
	s := openTemp(t)
	seedDoctor(t, s)
	ctx := context.Background()
	if _, err := s.db.Exec(`UPDATE rollup_monthly SET value = 9 WHERE metric = 'visits'`); err != nil {
		t.Fatal(err)
	}
	got, err := s.Check(ctx)
	want := Finding{Kind: FindRollup, N: 1, Detail: "2026-03 visits of rep 1: 9 in the monthly roll-up, 5 in the daily one"}
	if err != nil || len(got) != 1 || got[0] != want {
		t.Fatalf("findings %+v, %v; want %+v", got, err, want)
	}
	if err := s.RebuildRollups(ctx); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Check(ctx); err != nil || len(got) != 0 {
		t.Fatalf("after the rebuild: %+v, %v", got, err)
	}
}
