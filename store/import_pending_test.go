package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// smallBatches moves every import of activities and opportunities in
// batches of a few rows, so that a test's few hundred rows take many.
func smallBatches(t *testing.T) {
	t.Helper()
	oldMin, oldFirst, oldLo, oldHi := batchMinRows, batchFirst, batchRowsMin, batchRowsMax
	bulk := bulkMinRows
	t.Cleanup(func() {
		batchMinRows, batchFirst, batchRowsMin, batchRowsMax = oldMin, oldFirst, oldLo, oldHi
		bulkMinRows = bulk
		batchHook = nil
	})
	batchMinRows, batchFirst, batchRowsMin, batchRowsMax = 1, 7, 5, 13
	bulkMinRows = 1
}

// The batched move leaves every table as the same imports moved in one
// transaction through the triggers leave it, ids included, and the schema
// as it was; the pending table ends empty.
func TestBatchedMoveEqualsTriggerPath(t *testing.T) {
	if onPostgres(t) {
		t.Skip("PostgreSQL moves an import in one transaction")
	}
	smallBatches(t)
	clock := func() time.Time { return time.Date(2026, 11, 26, 3, 0, 0, 0, time.UTC) }
	batched, rows := openTemp(t), openTemp(t)
	batched.SetClock(clock)
	rows.SetClock(clock)
	batches := 0
	batchHook = func(string, int64, int64) error { batches++; return nil }
	for _, s := range []*Store{batched, rows} {
		batchMinRows, bulkMinRows = 1<<30, 1<<30
		bulkTestImport(t, s, 0, 40, 120)
	}
	for _, step := range []struct{ from, opps, acts int }{{20, 300, 900}, {250, 200, 400}} {
		batchMinRows, bulkMinRows = 1, 1
		bulkTestImport(t, batched, step.from, step.opps, step.acts)
		batchMinRows, bulkMinRows = 1<<30, 1<<30
		bulkTestImport(t, rows, step.from, step.opps, step.acts)
	}
	if batches < 100 {
		t.Fatalf("%d batches: the imports were not moved in batches", batches)
	}
	for _, table := range []string{"reps", "opportunities", "activities", "rollup_daily", "rollup_monthly",
		"live_counts", "forecast_changes", "settings", "import_pending", "open_deal_work"} {
		a, b := tableRows(t, batched, table), tableRows(t, rows, table)
		if len(a) == 0 && table != "settings" && table != "import_pending" {
			t.Errorf("%s: no rows; the test compares nothing", table)
		}
		if strings.Join(a, "\n") != strings.Join(b, "\n") {
			t.Errorf("%s differs: batched %d rows, one transaction %d rows; first difference: %s", table, len(a), len(b), firstDiff(a, b))
		}
	}
	schema := `SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE type IN ('index', 'trigger') ORDER BY name`
	if a, b := queryRows(t, batched, schema), queryRows(t, rows, schema); strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Errorf("the schema was not restored: %s", firstDiff(a, b))
	}
	if f, err := batched.Check(context.Background()); err != nil || len(f) != 0 {
		t.Errorf("doctor after the batched move: %+v %v", f, err)
	}
}

// visibleState is what another kpit reads of the records through the
// store's methods: the exports, the lists, the counts, the figures, the
// alerts, the checklist evidence and the doctor's recount.
func visibleState(t *testing.T, s *Store) string {
	t.Helper()
	ctx := context.Background()
	var b strings.Builder
	add := func(what string, v any, err error) {
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		fmt.Fprintf(&b, "%s: %+v\n", what, v)
	}
	add("export opportunities", "", s.ExportOpportunities(ctx, func(o model.Opportunity) error {
		fmt.Fprintf(&b, "  %d %s %s %s %v\n", o.ID, o.ExternalID, o.Account, o.Outcome, o.UpdatedAt)
		return nil
	}))
	add("export activities", "", s.ExportActivities(ctx, func(a model.Activity, opp string) error {
		fmt.Fprintf(&b, "  %d %s %s %d %s\n", a.ID, a.ExternalID, a.Kind, a.Count, opp)
		return nil
	}))
	for _, kind := range []model.RecordKind{model.RecordOpportunity, model.RecordActivity} {
		recent, err := s.Recent(ctx, kind, 30)
		add("recent "+string(kind), recent, err)
		page, total, err := s.RecordsPage(ctx, RecordQuery{Kind: kind, Limit: 30})
		add("page "+string(kind), fmt.Sprint(total, page), err)
		page, total, err = s.RecordsPage(ctx, RecordQuery{Kind: kind, Filter: "担当", Limit: 30})
		add("filtered page "+string(kind), fmt.Sprint(total, page), err)
	}
	counts, err := s.RecordCounts(ctx)
	add("record counts", counts, err)
	newest, err := s.NewestRecordAt(ctx)
	add("newest record", newest, err)
	accounts, err := s.AccountNames(ctx, 50)
	add("accounts", accounts, err)
	open, err := s.OpenDeals(ctx)
	add("open deals", open, err)
	all := Filter{From: model.D(2026, 1, 1), To: model.D(2027, 1, 1)}
	c, err := s.Counts(ctx, all)
	add("counts", c, err)
	byRep, err := s.CountsByRep(ctx, all)
	add("counts by rep", byRep, err)
	styles, err := s.StyleFigures(ctx, all)
	add("style figures", styles, err)
	closing, err := s.OpenDealsClosing(ctx, all)
	add("deals closing", closing, err)
	noClose, err := s.OpenDealsWithoutClose(ctx, all)
	add("deals without a close", noClose, err)
	changes, err := s.ForecastChangesSince(ctx, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	add("forecast changes", changes, err)
	now := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
	alerts, _, err := s.Alerts(ctx, now, time.UTC)
	add("alerts", alerts, err)
	evidence, err := s.ChecklistEvidence(ctx, now)
	add("checklist evidence", evidence, err)
	findings, err := s.Check(ctx)
	add("doctor", findings, err)
	return b.String()
}

// While an import is half moved, another kpit reads exactly what it read
// before the import began, through every method; a record it adds
// meanwhile is written at once and keeps its own id; the import's rows
// cannot be edited or deleted by an id guessed from the range. At the
// final step every row appears at once.
func TestPendingImportIsInvisible(t *testing.T) {
	if onPostgres(t) {
		t.Skip("PostgreSQL moves an import in one transaction")
	}
	ctx := context.Background()
	clock := func() time.Time { return time.Date(2026, 11, 26, 3, 0, 0, 0, time.UTC) }
	s := openTemp(t)
	s.SetClock(clock)
	bulkTestImport(t, s, 0, 40, 120) // the history, in one transaction
	other, err := OpenWith(s.Path(), Options{BusyWait: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	other.SetClock(clock)

	smallBatches(t)
	before := visibleState(t, other)
	var checked, added int64
	var lo, hi int64
	batchHook = func(kind string, done, total int64) error {
		if done < total/2 || checked > 0 {
			return nil
		}
		checked++
		if got := visibleState(t, other); got != before {
			t.Errorf("half way through the move of %s, another kpit reads a different state: %s",
				kind, firstDiff(strings.Split(before, "\n"), strings.Split(got, "\n")))
		}
		if err := other.db.QueryRow(`SELECT lo, hi FROM import_pending`).Scan(&lo, &hi); err != nil {
			t.Fatalf("no pending range half way: %v", err)
		}
		if _, ok, err := other.OpportunityByExternalID(ctx, "D-0100"); ok || err != nil {
			t.Errorf("an opportunity of the pending import is found by its id (%v)", err)
		}
		if err := other.Delete(ctx, model.RecordOpportunity, lo); err == nil {
			t.Errorf("deleting the pending opportunity %d succeeded", lo)
		}
		start := time.Now()
		id, err := other.AddOpportunity(ctx, model.Opportunity{ExternalID: "ADDED-1", RepName: "担当1", Account: "途中商事",
			Created: model.D(2026, 11, 20), Outcome: model.OutcomeOpen})
		if err != nil {
			t.Fatalf("an add during the move: %v", err)
		}
		if took := time.Since(start); took > time.Second {
			t.Errorf("an add during the move took %v", took)
		}
		if id <= hi {
			t.Errorf("the added opportunity got id %d, inside or below the pending range %d..%d", id, lo, hi)
		}
		added = id
		return nil
	}
	bulkTestImport(t, s, 40, 300, 0)
	if checked == 0 {
		t.Fatal("the hook never ran half way: the import was not moved in batches")
	}
	// Every row of the file is there now, with the add, and nothing else.
	var n, pending int
	other.db.QueryRow(`SELECT count(*) FROM opportunities WHERE external_id LIKE 'D-%' AND deleted_at IS NULL`).Scan(&n)
	if n != 340 { // D-0000..D-0339
		t.Errorf("%d opportunities from the files, want 340", n)
	}
	other.db.QueryRow(`SELECT count(*) FROM import_pending`).Scan(&pending)
	if pending != 0 {
		t.Errorf("%d pending ranges left", pending)
	}
	if o, err := other.Opportunity(ctx, added); err != nil || o.ExternalID != "ADDED-1" {
		t.Errorf("the add made during the move: %+v %v", o, err)
	}
	if _, ok, _ := other.OpportunityByExternalID(ctx, "D-0100"); !ok {
		t.Error("an imported opportunity is not found after the move")
	}
	counts, err := other.RecordCounts(ctx)
	if err != nil || counts.Opportunities != 341 {
		t.Errorf("counts after the move: %+v %v, want 341 opportunities (40 + 300 + the add)", counts, err)
	}
	if f, err := other.Check(ctx); err != nil || len(f) != 0 {
		t.Errorf("doctor after the move: %+v %v", f, err)
	}
}

// An import that stops half way (killed) leaves its rows hidden, and the
// next open that may write removes them: the file is as it was before
// the import, to the last roll-up, and the same file imports again.
func TestStoppedImportIsClearedAtOpen(t *testing.T) {
	if onPostgres(t) {
		t.Skip("PostgreSQL moves an import in one transaction")
	}
	clock := func() time.Time { return time.Date(2026, 11, 26, 3, 0, 0, 0, time.UTC) }
	path := filepath.Join(t.TempDir(), "k.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.SetClock(clock)
	bulkTestImport(t, s, 0, 40, 120)
	tables := []string{"reps", "opportunities", "activities", "rollup_daily", "rollup_monthly", "live_counts", "import_pending", "open_deal_work"}
	before := map[string]string{}
	for _, table := range tables {
		before[table] = strings.Join(tableRows(t, s, table), "\n")
	}
	visible := visibleState(t, s)

	smallBatches(t)
	batchHook = func(_ string, done, total int64) error {
		if done > total/2 {
			return errStopWithoutCleanup
		}
		return nil
	}
	is, err := s.BeginImport(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var recs []model.Opportunity
	for i := 40; i < 240; i++ {
		o := model.Opportunity{ExternalID: fmt.Sprintf("D-%04d", i), RepID: 1, Account: "止まる商事",
			Created: model.D(2026, 6, 1), Outcome: model.OutcomeWon, Closed: model.D(2026, 7, 1), AmountMinor: 500000, HasAmount: true}
		if i%2 == 0 { // open deals have an open_deal_work row too
			o.Outcome, o.Closed, o.AmountMinor, o.HasAmount = model.OutcomeOpen, time.Time{}, 0, false
		}
		recs = append(recs, o)
	}
	if _, _, _, err := is.UpsertOpportunities(context.Background(), recs); err != nil {
		t.Fatal(err)
	}
	if err := is.Commit(); !errors.Is(err, errStopWithoutCleanup) {
		t.Fatalf("the stopped import: %v", err)
	}
	batchHook = nil
	var hidden int
	s.db.QueryRow(`SELECT count(*) FROM opportunities WHERE account = '止まる商事'`).Scan(&hidden)
	if hidden == 0 {
		t.Fatal("the stopped import left no rows: the test proves nothing")
	}
	// Every read but the doctor's is as before; the doctor names the rows.
	withoutDoctor := func(state string) []string {
		var out []string
		for _, line := range strings.Split(state, "\n") {
			if !strings.HasPrefix(line, "doctor:") {
				out = append(out, line)
			}
		}
		return out
	}
	if a, b := withoutDoctor(visible), withoutDoctor(visibleState(t, s)); strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Errorf("a stopped import's rows are seen: %s", firstDiff(a, b))
	}
	if p, err := s.PendingImport(context.Background()); err != nil || p == nil || p.Moving || p.Rows[kindOpportunities] != 200 {
		t.Errorf("PendingImport of the stopped import: %+v %v", p, err)
	}
	if f, err := s.Check(context.Background()); err != nil || len(f) != 1 || f[0].Kind != FindStopped || f[0].N != 200 {
		t.Errorf("doctor on the stopped import: %+v %v; want the 200 hidden rows", f, err)
	}
	s.Close()

	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, table := range tables {
		if got := strings.Join(tableRows(t, s, table), "\n"); got != before[table] {
			t.Errorf("%s after the reopen is not as before the import: %s", table,
				firstDiff(strings.Split(before[table], "\n"), strings.Split(got, "\n")))
		}
	}
	// The same rows import again, in batches, and are all there.
	is, err = s.BeginImport(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, _, _, err := is.UpsertOpportunities(context.Background(), recs); err != nil {
		t.Fatal(err)
	}
	if err := is.Commit(); err != nil {
		t.Fatal(err)
	}
	var n int
	s.db.QueryRow(`SELECT count(*) FROM opportunities WHERE account = '止まる商事' AND deleted_at IS NULL`).Scan(&n)
	if n != 200 {
		t.Errorf("%d rows after importing again, want 200", n)
	}
	if f, err := s.Check(context.Background()); err != nil || len(f) != 0 {
		t.Errorf("doctor: %+v %v", f, err)
	}
}

// A move that fails half way (here a batch refused by the hook, as a full
// disk would) removes what it moved: the file is as it was before.
func TestFailedBatchedMoveLeavesNothing(t *testing.T) {
	if onPostgres(t) {
		t.Skip("PostgreSQL moves an import in one transaction")
	}
	clock := func() time.Time { return time.Date(2026, 11, 26, 3, 0, 0, 0, time.UTC) }
	s := openTemp(t)
	s.SetClock(clock)
	bulkTestImport(t, s, 0, 40, 120)
	tables := []string{"reps", "opportunities", "activities", "rollup_daily", "rollup_monthly", "live_counts", "import_pending", "settings", "open_deal_work"}
	before := map[string]string{}
	for _, table := range tables {
		before[table] = strings.Join(tableRows(t, s, table), "\n")
	}
	smallBatches(t)
	refuse := errors.New("disk full (test)")
	batchHook = func(_ string, done, total int64) error {
		if done > total/3 {
			return refuse
		}
		return nil
	}
	is, err := s.BeginImport(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var recs []model.Activity
	for i := range 150 {
		recs = append(recs, model.Activity{ExternalID: fmt.Sprintf("F-%04d", i), Date: model.D(2026, 6, 1+i%28), RepID: 1,
			Kind: model.KindVisit, Count: 1})
	}
	if _, _, _, err := is.UpsertActivities(context.Background(), recs); err != nil {
		t.Fatal(err)
	}
	if err := is.Commit(); !errors.Is(err, refuse) {
		t.Fatalf("the failed import: %v", err)
	}
	for _, table := range tables {
		if got := strings.Join(tableRows(t, s, table), "\n"); got != before[table] {
			t.Errorf("%s after the failed move is not as before: %s", table,
				firstDiff(strings.Split(before[table], "\n"), strings.Split(got, "\n")))
		}
	}
}

// A dry run's scratch copy in memory moves in one transaction: nothing else
// writes to it, and it must not take the real file's import lock (its path
// is the real file's).
func TestScratchImportTakesNoLock(t *testing.T) {
	if onPostgres(t) {
		t.Skip("a scratch copy is SQLite's")
	}
	path := filepath.Join(t.TempDir(), "k.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	bulkTestImport(t, s, 0, 40, 120)
	s.Close()
	smallBatches(t)
	batches := 0
	batchHook = func(string, int64, int64) error { batches++; return nil }
	scratch, err := OpenScratch(path)
	if err != nil {
		t.Fatal(err)
	}
	defer scratch.Close()
	bulkTestImport(t, scratch, 40, 300, 600)
	if batches != 0 {
		t.Errorf("the scratch copy moved in %d batches", batches)
	}
	if _, err := os.Stat(importLockPath(path)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the dry run made or touched the lock file: %v", err)
	}
	var n int
	scratch.db.QueryRow(`SELECT count(*) FROM opportunities`).Scan(&n)
	if n != 340 {
		t.Errorf("%d opportunities in the scratch copy, want 340", n)
	}
}

// kpit migrate does not carry an import still moving its rows: they would
// arrive hidden in the target, where nothing clears them.
func TestMoveWaitsForAMovingImport(t *testing.T) {
	if onPostgres(t) {
		t.Skip("the source of a move is a SQLite file")
	}
	s := openTemp(t)
	bulkTestImport(t, s, 0, 10, 20)
	lock, err := tryImportLock(s.Path())
	if err != nil || lock == nil {
		t.Fatalf("take the import lock: %v %v", lock, err)
	}
	defer lock.release()
	if _, err := s.db.Exec(`INSERT INTO import_pending (record, lo, hi, started_at) VALUES ('opportunities', 100, 200, '2026-11-26T03:00:00Z')`); err != nil {
		t.Fatal(err)
	}
	to, err := Open(filepath.Join(t.TempDir(), "to.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer to.Close()
	if _, err := s.MoveTo(context.Background(), to); err == nil || !strings.Contains(err.Error(), "still moving") {
		t.Errorf("a move while an import moves its rows: %v", err)
	}
}

// A move in batches reports how many of the new records are in after each
// batch, up to all of them.
func TestBatchedMoveReportsItsProgress(t *testing.T) {
	if onPostgres(t) {
		t.Skip("PostgreSQL moves an import in one transaction")
	}
	s := openTemp(t)
	smallBatches(t)
	reports := importCallsReporting(t, s, "P", 150)
	if len(reports) < 5 {
		t.Fatalf("%d reports: %v; the move was not in batches", len(reports), reports)
	}
	for i, r := range reports {
		if r[1] != 150 || (i > 0 && r[0] <= reports[i-1][0]) {
			t.Errorf("report %d: %v after %v; want a growing count of 150", i, r, reports[max(i-1, 0)])
		}
	}
	if last := reports[len(reports)-1]; last[0] != 150 {
		t.Errorf("the last report is %v; want all 150 in", last)
	}
}

// importCallsReporting imports n new calls (ids prefix-0000 on) through s
// and returns the move's reports (ImportSession.OnMove).
func importCallsReporting(t *testing.T, s *Store, prefix string, n int) [][2]int64 {
	t.Helper()
	is, err := s.BeginImport(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var recs []model.Activity
	for i := range n {
		recs = append(recs, model.Activity{ExternalID: fmt.Sprintf("%s-%04d", prefix, i), Date: model.D(2026, 6, 1+i%28),
			RepName: "田中", Kind: model.KindCall, Count: 1})
	}
	for i := range recs {
		if recs[i].RepID, err = is.Rep(context.Background(), "田中", model.DeptFieldSales); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, _, err := is.UpsertActivities(context.Background(), recs); err != nil {
		t.Fatal(err)
	}
	var reports [][2]int64
	is.OnMove(func(done, total int64) { reports = append(reports, [2]int64{done, total}) })
	if err := is.Commit(); err != nil {
		t.Fatal(err)
	}
	return reports
}

// A store given ImportBatches (the knob for other packages' tests) moves
// an import of MinRows new records or more in batches of Rows: the first
// transaction writes the range's last row, then 40, 40, 40 and the 29
// left; an import of fewer goes in at once, with no report.
func TestStoreImportBatches(t *testing.T) {
	if onPostgres(t) {
		t.Skip("PostgreSQL moves an import in one transaction")
	}
	s := openTemp(t)
	s.SetImportBatches(ImportBatches{MinRows: 100, Rows: 40})
	if got := importCallsReporting(t, s, "A", 99); len(got) != 0 {
		t.Errorf("99 new calls under MinRows 100 reported %v; want no batches", got)
	}
	got := importCallsReporting(t, s, "B", 150)
	want := [][2]int64{{41, 150}, {81, 150}, {121, 150}, {150, 150}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("reports %v, want %v", got, want)
	}
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM activities`).Scan(&n); err != nil || n != 249 {
		t.Errorf("%d activities stored (%v), want 99 + 150", n, err)
	}
}

// openDealScene is a file with two open deals and a few activities of
// each, and another kpit's store on it.
type openDealScene struct {
	s, other *Store
	rep      int64
	deals    [2]int64
	visible  map[string]int64
}

func newOpenDealScene(t *testing.T) *openDealScene {
	t.Helper()
	ctx := context.Background()
	clock := func() time.Time { return time.Date(2026, 11, 26, 3, 0, 0, 0, time.UTC) }
	sc := &openDealScene{s: openTemp(t), visible: map[string]int64{}}
	sc.s.SetClock(clock)
	var err error
	if sc.rep, err = sc.s.AddRep(ctx, model.Rep{Name: "田中", Department: model.DeptFieldSales}); err != nil {
		t.Fatal(err)
	}
	for i := range sc.deals {
		if sc.deals[i], err = sc.s.AddOpportunity(ctx, model.Opportunity{ExternalID: fmt.Sprintf("W-%d", i), RepID: sc.rep,
			Account: "作業商事", Stage: "提案", Created: model.D(2026, 4, 1), Outcome: model.OutcomeOpen}); err != nil {
			t.Fatal(err)
		}
	}
	for _, v := range []struct {
		name string
		deal int
		day  time.Time
	}{{"first", 0, model.D(2026, 5, 1)}, {"second", 0, model.D(2026, 5, 10)}, {"newest", 0, model.D(2026, 5, 20)},
		{"other deal", 1, model.D(2026, 5, 5)}} {
		if sc.visible[v.name], err = sc.s.AddActivity(ctx, model.Activity{Date: v.day, RepID: sc.rep, Kind: model.KindVisit,
			Count: 1, OpportunityID: sc.deals[v.deal]}); err != nil {
			t.Fatal(err)
		}
	}
	if sc.other, err = OpenWith(sc.s.Path(), Options{BusyWait: 2 * time.Second}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sc.other.Close() })
	sc.other.SetClock(clock)
	return sc
}

// lastDay is open_deal_work's day of a deal.
func (sc *openDealScene) lastDay(t *testing.T, deal int64) string {
	t.Helper()
	var day string
	if err := sc.other.db.QueryRow(`SELECT last_day FROM open_deal_work WHERE opportunity_id = ?`, deal).Scan(&day); err != nil {
		t.Fatalf("open_deal_work of deal %d: %v", deal, err)
	}
	return day
}

// recount is the newest live activity day of a deal, the ids lo..hi left
// out (1, 0 leaves out none).
func (sc *openDealScene) recount(t *testing.T, deal, lo, hi int64) string {
	t.Helper()
	var day string
	if err := sc.other.db.QueryRow(`SELECT coalesce(max(day), '') FROM activities
		WHERE opportunity_id = ? AND deleted_at IS NULL AND NOT (id BETWEEN ? AND ?)`, deal, lo, hi).Scan(&day); err != nil {
		t.Fatal(err)
	}
	return day
}

// edit is what the other kpit does half way through the move, each step
// followed by a check of both deals' days against a recount of the
// visible activities and the day worked out by hand from them.
func (sc *openDealScene) edit(t *testing.T, lo, hi int64) {
	t.Helper()
	ctx := context.Background()
	steps := []struct {
		what string
		do   func() error
		want [2]string
	}{
		{"the newest activity moved to a later day", func() error {
			a, err := sc.other.Activity(ctx, sc.visible["newest"])
			if err != nil {
				return err
			}
			a.Date = model.D(2026, 5, 25)
			return sc.other.UpdateActivity(ctx, a)
		}, [2]string{"2026-05-25", "2026-05-05"}},
		{"the newest activity deleted", func() error {
			return sc.other.Delete(ctx, model.RecordActivity, sc.visible["newest"])
		}, [2]string{"2026-05-10", "2026-05-05"}},
		{"the other deal's stage changed", func() error {
			o, err := sc.other.Opportunity(ctx, sc.deals[1])
			if err != nil {
				return err
			}
			o.Stage = "交渉"
			return sc.other.UpdateOpportunity(ctx, o)
		}, [2]string{"2026-05-10", "2026-05-05"}},
	}
	for _, step := range steps {
		if err := step.do(); err != nil {
			t.Fatalf("%s during the move: %v", step.what, err)
		}
		for i, want := range step.want {
			if got := sc.recount(t, sc.deals[i], lo, hi); got != want {
				t.Fatalf("%s: deal %d's visible activities' newest day is %q, want %q", step.what, sc.deals[i], got, want)
			}
			if all := sc.recount(t, sc.deals[i], 1, 0); all <= want {
				t.Fatalf("%s: deal %d's pending activities are not later than %q (%q): the test proves nothing", step.what, sc.deals[i], want, all)
			}
			if got := sc.lastDay(t, sc.deals[i]); got != want {
				t.Errorf("%s: half way through the move, open_deal_work of deal %d is %q; its visible activities' newest day is %q",
					step.what, sc.deals[i], got, want)
			}
		}
	}
}

// importActivities imports 150 activities of the two deals, days
// 2026-06-01 to 2026-07-10, in batches; hook (then nil) runs half way
// through them with the pending range, and its error ends the move.
func (sc *openDealScene) importActivities(t *testing.T, hook func(lo, hi int64) error) error {
	t.Helper()
	ctx := context.Background()
	smallBatches(t)
	ran := false
	batchHook = func(kind string, done, total int64) error {
		if kind != kindActivities || done < total/2 || ran {
			return nil
		}
		ran = true
		var lo, hi int64
		if err := sc.other.db.QueryRow(`SELECT lo, hi FROM import_pending WHERE record = ?`, kindActivities).Scan(&lo, &hi); err != nil {
			t.Fatalf("no pending range half way: %v", err)
		}
		return hook(lo, hi)
	}
	defer func() { batchHook = nil }()
	is, err := sc.s.BeginImport(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var recs []model.Activity
	for i := range 150 {
		recs = append(recs, model.Activity{ExternalID: fmt.Sprintf("M-%04d", i), Date: model.D(2026, 6, 1).AddDate(0, 0, i%40),
			RepID: sc.rep, Kind: model.KindCall, Count: 1, OpportunityID: sc.deals[i%2]})
	}
	if _, _, _, err := is.UpsertActivities(ctx, recs); err != nil {
		t.Fatal(err)
	}
	err = is.Commit()
	if !ran {
		t.Fatal("the hook never ran half way: the import was not moved in batches")
	}
	return err
}

// While an import moves activities of two deals in batches, another kpit
// edits and deletes one deal's visible activities and changes the other
// deal: open_deal_work, which the stalled-deal alert reads, counts each
// deal's newest day from the visible activities alone, as every other
// read sees them, and from all of them once the move is done.
func TestPendingActivitiesStayOutOfOpenDealWork(t *testing.T) {
	if onPostgres(t) {
		t.Skip("PostgreSQL moves an import in one transaction")
	}
	sc := newOpenDealScene(t)
	err := sc.importActivities(t, func(lo, hi int64) error {
		sc.edit(t, lo, hi)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The imported days run to 2026-07-09 (i = 38, the first deal) and
	// 2026-07-10 (i = 39, the second).
	for i, want := range []string{"2026-07-09", "2026-07-10"} {
		if got := sc.recount(t, sc.deals[i], 1, 0); got != want {
			t.Fatalf("deal %d: the activities' newest day is %q, want %q", sc.deals[i], got, want)
		}
		if got := sc.lastDay(t, sc.deals[i]); got != want {
			t.Errorf("after the move, open_deal_work of deal %d is %q; its activities' newest day is %q", sc.deals[i], got, want)
		}
	}
}

// The same edits while an import that then stops moves its activities:
// once the next open has cleared the stopped import's rows, each deal's
// day is that of the activities that remain.
func TestStoppedImportLeavesNoDayInOpenDealWork(t *testing.T) {
	if onPostgres(t) {
		t.Skip("PostgreSQL moves an import in one transaction")
	}
	sc := newOpenDealScene(t)
	err := sc.importActivities(t, func(lo, hi int64) error {
		sc.edit(t, lo, hi)
		return errStopWithoutCleanup
	})
	if !errors.Is(err, errStopWithoutCleanup) {
		t.Fatalf("the stopped import: %v", err)
	}
	path := sc.s.Path()
	sc.s.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var left int
	s.db.QueryRow(`SELECT count(*) FROM activities WHERE external_id LIKE 'M-%'`).Scan(&left)
	if left != 0 {
		t.Fatalf("%d of the stopped import's activities are left after the open", left)
	}
	for i, want := range []string{"2026-05-10", "2026-05-05"} {
		if got := sc.recount(t, sc.deals[i], 1, 0); got != want {
			t.Fatalf("deal %d: the activities' newest day is %q, want %q", sc.deals[i], got, want)
		}
		if got := sc.lastDay(t, sc.deals[i]); got != want {
			t.Errorf("after the stopped import is cleared, open_deal_work of deal %d is %q; its activities' newest day is %q", sc.deals[i], got, want)
		}
	}
}
