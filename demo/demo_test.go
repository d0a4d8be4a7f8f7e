package demo

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/kpitree"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

var today = model.D(2026, 11, 26)

// sharedDir holds the demo of DefaultSeed on today, seeded once per test
// binary by defaultDemo (seeding is most of this package's test time).
var (
	sharedDir  string
	sharedOnce sync.Once
	sharedErr  error
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "kpit-demo-test-")
	if err != nil {
		panic(err)
	}
	sharedDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// defaultDemo is a copy of the demo of DefaultSeed on today, for a test
// that reads it or writes to it.
func defaultDemo(t *testing.T) *store.Store {
	t.Helper()
	shared := filepath.Join(sharedDir, "demo.db")
	sharedOnce.Do(func() {
		st, err := store.Open(shared)
		if err != nil {
			sharedErr = err
			return
		}
		sharedErr = Seed(context.Background(), st, DefaultSeed, today)
		if err := st.Close(); sharedErr == nil {
			sharedErr = err
		}
	})
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	// The seeding store is closed, so the file alone is the whole database.
	data, err := os.ReadFile(shared)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func seeded(t *testing.T, seed int64, day time.Time) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := Seed(context.Background(), st, seed, day); err != nil {
		t.Fatal(err)
	}
	return st
}

// snapshot is every figure a screen could show, gathered through the store.
type snapshot struct {
	Records  store.RecordCounts
	Series   []store.PeriodCounts
	ByRep    map[int64]model.Counts
	Reps     []model.Rep
	KGI      model.KGI
	KPIs     []model.KPI
	Tree     []model.TreeNodeDef
	KFS      []model.KFS
	Newest   time.Time
	Revision []model.KPIRevision
}

func snap(t *testing.T, st *store.Store) snapshot {
	t.Helper()
	ctx := context.Background()
	var s snapshot
	var err error
	must := func(e error) {
		t.Helper()
		if e != nil {
			t.Fatal(e)
		}
	}
	s.Records, err = st.RecordCounts(ctx)
	must(err)
	s.Series, err = st.Series(ctx, model.Week, model.PeriodOf(model.Week, today, time.April), 60, store.Filter{})
	must(err)
	s.ByRep, err = st.CountsByRep(ctx, store.Filter{})
	must(err)
	s.Reps, err = st.Reps(ctx)
	must(err)
	s.KGI, _, err = st.KGI(ctx)
	must(err)
	s.KPIs, err = st.KPIs(ctx)
	must(err)
	s.Tree, err = st.TreeNodes(ctx)
	must(err)
	s.KFS, err = st.KFSList(ctx)
	must(err)
	s.Newest, err = st.NewestRecordAt(ctx)
	must(err)
	s.Revision, err = st.KPIRevisions(ctx)
	must(err)
	return s
}

func TestSeedIsDeterministic(t *testing.T) {
	t.Parallel() // every test seeds databases of its own
	a, b := snap(t, defaultDemo(t)), snap(t, seeded(t, DefaultSeed, today))
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two databases seeded with the same seed and day differ")
	}
	// Another seed gives other records (the same people and goals).
	c := snap(t, seeded(t, DefaultSeed+1, today))
	if reflect.DeepEqual(a.Series, c.Series) {
		t.Fatal("two seeds gave the same figures")
	}
	if !reflect.DeepEqual(a.KPIs, c.KPIs) || !reflect.DeepEqual(a.Reps, c.Reps) {
		t.Fatal("the goals or the people depend on the seed")
	}
}

func TestSeedTellsTheStory(t *testing.T) {
	t.Parallel() // every test seeds databases of its own
	ctx := context.Background()
	st := defaultDemo(t)
	s := snap(t, st)

	// People: 20 reps in the four departments.
	perDept := map[model.Department]int{}
	for _, r := range s.Reps {
		perDept[r.Department]++
	}
	if len(s.Reps) != 20 || len(perDept) != 4 {
		t.Fatalf("reps = %d in %d departments", len(s.Reps), len(perDept))
	}
	if s.Records.Opportunities < 1000 || s.Records.Activities < 10000 || s.Records.Leads < 3000 || s.Records.Customers < 100 {
		t.Fatalf("records = %+v, want a year's worth", s.Records)
	}
	if s.Newest.After(time.Date(2026, 11, 26, 23, 59, 59, 0, time.UTC)) || s.Newest.Before(today) {
		t.Fatalf("newest record entered %v, want on %v", s.Newest, today)
	}

	// Goals: the KGI for FY2026 (April–March), the standard tree, 3–5 main
	// KPIs, one without a deadline and one without a definition.
	if s.KGI.Value != 1e9 || s.KGI.Metric != model.MetricRevenue || !s.KGI.Deadline.Equal(model.D(2027, 3, 31)) {
		t.Fatalf("KGI = %+v", s.KGI)
	}
	if !reflect.DeepEqual(treeKeys(s.Tree), treeKeys(kpitree.Template(model.StyleNewBusiness))) {
		t.Fatalf("tree = %v", s.Tree)
	}
	main, noDeadline, noDefn := 0, 0, 0
	for _, k := range s.KPIs {
		if k.Main {
			main++
		}
		if k.Deadline.IsZero() {
			noDeadline++
		}
		if k.Definition == "" {
			noDefn++
		}
		if !k.HasTarget {
			t.Errorf("KPI %s has no target", k.Key)
		}
	}
	if main < 3 || main > 5 || noDeadline != 1 || noDefn != 1 || len(s.KPIs) != 9 {
		t.Fatalf("KPIs: %d main, %d without deadline, %d without definition, %d in all", main, noDeadline, noDefn, len(s.KPIs))
	}
	if r := s.Revision; len(r) != 10 || !r[9].RecordedAt.Before(today) || !r[0].EffectiveFrom.IsZero() ||
		r[9].Key != model.MetricOpportunities || !r[9].EffectiveFrom.Equal(today.AddDate(0, -2, 0)) || r[9].Reason == "" {
		t.Fatalf("revisions = %+v, want 9 created and 1 change", s.Revision)
	}
	// The opportunities target was raised two months ago: the month before
	// keeps the first target.
	before, _, err := st.KPIAsOf(ctx, model.MetricOpportunities, today.AddDate(0, -2, -1))
	if err != nil || before.Target != 120 || before.Target == s.KPIs[3].Target {
		t.Errorf("opportunities target before the raise %v (now %v), %v", before.Target, s.KPIs[3].Target, err)
	}
	if len(s.KFS) < 2 {
		t.Fatalf("KFS = %v", s.KFS)
	}

	// Figures: behind the KGI, win rate near target, opportunities short.
	fy := model.PeriodOf(model.FiscalYear, today, time.April)
	c, err := st.Counts(ctx, store.Filter{From: fy.Start, To: today.AddDate(0, 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	m := c.Metrics()
	days := float64(today.Sub(fy.Start).Hours()/24 + 1)
	pace := 1e9 * days / 365
	if r := m[model.MetricRevenue].V / pace; r < 0.5 || r > 0.85 {
		t.Errorf("revenue %.0f is %.0f%% of the pace %.0f; want clearly behind", m[model.MetricRevenue].V, 100*r, pace)
	}
	if wr := m[model.MetricWinRate].V; wr < 0.25 || wr > 0.35 {
		t.Errorf("win rate %.3f, want 25–35%%", wr)
	}
	if avg := m[model.MetricAvgDealSize].V; avg < 500_000 || avg > 8_000_000 {
		t.Errorf("average deal %.0f out of range", avg)
	}
	oppTarget := 140 * 12 * days / 365
	if r := m[model.MetricOpportunities].V / oppTarget; r > 0.85 {
		t.Errorf("opportunities at %.0f%% of target, want short", 100*r)
	}
}

func treeKeys(defs []model.TreeNodeDef) map[string]string {
	out := map[string]string{}
	for _, d := range defs {
		out[d.Key] = d.ParentKey + string(d.Op)
	}
	return out
}

func TestSeedRefusesADatabaseWithRecords(t *testing.T) {
	t.Parallel() // every test seeds databases of its own
	st := defaultDemo(t)
	err := Seed(context.Background(), st, 1, today)
	if !errors.Is(err, ErrHasRecords) {
		t.Fatalf("second seed: %v", err)
	}
	if c, _ := st.RecordCounts(context.Background()); c.Reps != 20 {
		t.Fatalf("refused seed changed the reps: %+v", c)
	}
}

func TestTempDatabase(t *testing.T) {
	t.Parallel() // every test seeds databases of its own
	path, cleanup, err := TempDatabase(context.Background(), 1, today)
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	c, err := st.RecordCounts(context.Background())
	st.Close()
	if err != nil || c.Opportunities == 0 {
		t.Fatalf("temp demo database: %+v, %v", c, err)
	}
	cleanup()
	if _, err := os.Stat(filepath.Dir(path)); !os.IsNotExist(err) {
		t.Fatalf("cleanup left %s: %v", filepath.Dir(path), err)
	}
}

// TestSeedAlertsAreAFewTrueOnes recounts, from the raw records, what the
// alerts should find in the demo and checks the alerts agree: deals are
// worked on through linked activities, the pipeline is recent, a handful
// of deals are stalled or overdue, late entries are few and come mostly
// from two reps, one rep is silent, and the alert list is short enough
// for a manager to act on.
func TestSeedAlertsAreAFewTrueOnes(t *testing.T) {
	t.Parallel() // every test seeds databases of its own
	ctx := context.Background()
	st := defaultDemo(t)
	now := time.Date(2026, 11, 26, 18, 0, 0, 0, jst)
	jstDay := func(at time.Time) time.Time { return model.Date(at.In(jst)) }

	opps := map[int64]model.Opportunity{}
	if err := st.ExportOpportunities(ctx, func(o model.Opportunity) error { opps[o.ID] = o; return nil }); err != nil {
		t.Fatal(err)
	}
	lastWork := map[int64]time.Time{} // newest linked activity of each deal
	linked, fsActs, fsLinked, proposals, linkedProposals := 0, 0, 0, 0, 0
	repDept := map[string]model.Department{}
	for _, r := range repSpecs {
		repDept[r.name] = r.dept
	}
	type entry struct {
		rep          string
		event, entry time.Time
	}
	var entries []entry
	if err := st.ExportActivities(ctx, func(a model.Activity, _ string) error {
		entries = append(entries, entry{a.RepName, a.Date, a.EnteredAt})
		if a.Kind == model.KindProposal {
			proposals++
		}
		if repDept[a.RepName] == model.DeptFieldSales {
			fsActs++
		}
		if a.OpportunityID == 0 {
			return nil
		}
		linked++
		if a.Kind == model.KindProposal {
			linkedProposals++
		}
		if repDept[a.RepName] == model.DeptFieldSales {
			fsLinked++
		}
		o, ok := opps[a.OpportunityID]
		end := o.Closed
		if o.Outcome == model.OutcomeOpen {
			end = today
		}
		if !ok || a.Account != o.Account || a.RepName != o.RepName || a.Date.Before(o.Created) || a.Date.After(end) {
			t.Errorf("activity %d (%s %s %s) does not fit its deal %+v", a.ID, a.RepName, a.Account, model.FormatDate(a.Date), o)
		}
		if a.Date.After(lastWork[o.ID]) {
			lastWork[o.ID] = a.Date
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if fsLinked*3 < fsActs || linkedProposals != proposals {
		t.Errorf("field sales: %d of %d activity rows linked to a deal; %d of %d proposals; want a third or more and all",
			fsLinked, fsActs, linkedProposals, proposals)
	}
	for id, o := range opps {
		if lastWork[id].IsZero() {
			t.Errorf("deal %d (%s) has no activity", id, o.Account)
		}
	}

	// The pipeline: open deals are recent; a few are stalled or overdue.
	open, old, stalledWarn, stalledCrit, overdue := 0, 0, 0, 0, 0
	for id, o := range opps {
		if o.Outcome != model.OutcomeOpen {
			continue
		}
		open++
		if o.Created.Before(today.AddDate(0, -3, 0)) {
			old++
		}
		last := lastWork[id]
		if u := jstDay(o.UpdatedAt); u.After(last) {
			last = u
		}
		switch days := int(today.Sub(last).Hours() / 24); {
		case days >= 30:
			stalledCrit++
		case days >= 7:
			stalledWarn++
		}
		if o.Closed.IsZero() {
			t.Errorf("open deal %d has no expected close date", id)
		} else if o.Closed.Before(today) {
			overdue++
		}
	}
	if open < 100 || old > 3 {
		t.Errorf("%d open deals, %d of them created over three months ago; want a recent pipeline", open, old)
	}
	if s := stalledWarn + stalledCrit; s < 5 || s > 10 || stalledCrit == 0 || stalledWarn == 0 {
		t.Errorf("stalled deals: %d for 7–29 days, %d for 30 or more; want 5–10 with both bands", stalledWarn, stalledCrit)
	}
	if overdue < 2 || overdue > 3 {
		t.Errorf("%d open deals past their expected close date, want 2–3", overdue)
	}

	// Late entries, by the default rule (entered after the next business day).
	var leads []model.Lead
	if err := st.ExportLeads(ctx, func(l model.Lead) error { leads = append(leads, l); return nil }); err != nil {
		t.Fatal(err)
	}
	for _, l := range leads {
		entries = append(entries, entry{l.RepName, l.Created, l.EnteredAt})
	}
	for _, o := range opps {
		entries = append(entries, entry{o.RepName, o.Created, o.EnteredAt})
	}
	lateBy := map[string]int{}
	late, recentLate := 0, 0
	newest := map[string]time.Time{}
	for _, e := range entries {
		due := e.event.AddDate(0, 0, 1)
		for !model.IsBusinessDay(due, true) { // weekends, 祝日, the 12/29–1/3 closure (tested in model)
			due = due.AddDate(0, 0, 1)
		}
		if jstDay(e.entry).After(due) {
			late++
			lateBy[e.rep]++
			if !jstDay(e.entry).Before(today.AddDate(0, 0, -model.LateEntryWindowDays)) {
				recentLate++
			}
		}
		if e.entry.After(newest[e.rep]) {
			newest[e.rep] = e.entry
		}
	}
	if share := float64(late) / float64(len(entries)); share < 0.02 || share > 0.10 {
		t.Errorf("%d of %d records entered late (%.1f%%), want a few percent", late, len(entries), 100*share)
	}
	if top := lateBy["高橋 直樹"] + lateBy["林 和也"] + lateBy["加藤 大輔"]; top*2 < late {
		t.Errorf("the three latecomers entered %d of %d late records, want most", top, late)
	}
	var silent []string
	for _, r := range repSpecs {
		if d := int(today.Sub(jstDay(newest[r.name])).Hours() / 24); d > 7 {
			silent = append(silent, r.name)
		}
	}
	if len(silent) != 1 {
		t.Errorf("reps with no entry for over 7 days: %v, want one", silent)
	}

	// The alerts find the same and no more.
	alerts, _, err := st.Alerts(ctx, now, jst)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[model.AlertKind]int{}
	for _, a := range alerts {
		kinds[a.Kind]++
	}
	// The review actions still open past their due day, from the reviews'
	// days and the statuses the demo gives (the last saved review is the
	// month's, the three before it are reviews 3 to 5).
	overdueActions := 0
	for _, a := range demoActions {
		due := reviewDay(today, len(reviewNotes)-savedReviews+a.review).AddDate(0, 0, a.dueIn)
		open := len(a.later) == 0 || a.later[len(a.later)-1] == model.ActionOpen
		if open && due.Before(today) {
			overdueActions++
		}
	}
	// One hand-off alert per stage where a live lead waits past its limit
	// (MQL 2 business days, SQL 5, at the same time of day in Japan): read
	// from each lead's stage history, its last change. The demo closes out
	// what stalls, so the leads waiting are a few recent ones.
	waiting := map[model.FunnelStage]bool{}
	limits := map[model.FunnelStage]int{model.FunnelMQL: 2, model.FunnelSQL: 5}
	overdueLeads := 0
	for _, l := range leads {
		if l.Status == model.LeadDisqualified || l.Status == model.LeadConverted {
			continue
		}
		h, err := st.StageHistory(ctx, l.ID)
		if err != nil || len(h) == 0 {
			t.Fatalf("history of lead %d: %v, %v", l.ID, h, err)
		}
		last := h[len(h)-1]
		limit, ok := limits[last.Stage]
		if !ok {
			continue
		}
		since := last.At.In(jst)
		due := since
		for n := 0; n < limit; {
			due = due.AddDate(0, 0, 1)
			if model.IsBusinessDay(due, true) {
				n++
			}
		}
		if now.After(due) {
			waiting[last.Stage] = true
			overdueLeads++
			if now.Sub(since) > 14*24*time.Hour {
				t.Errorf("lead %d has waited at %s since %v: the demo leaves no stalled lead that old", l.ID, last.Stage, since)
			}
		}
	}
	if overdueLeads < 1 || overdueLeads > 15 {
		t.Errorf("%d leads past their hand-off limit, want a few recent ones (1–15)", overdueLeads)
	}
	want := map[model.AlertKind]int{model.AlertStalledDeal: stalledWarn + stalledCrit, model.AlertOverdueClose: overdue,
		model.AlertStaleRep: len(silent), model.AlertLateEntry: recentLate, model.AlertOverdueAction: overdueActions,
		model.AlertHandoffOverdue: len(waiting)}
	if !reflect.DeepEqual(kinds, want) {
		t.Errorf("alerts by kind = %v, recounted %v", kinds, want)
	}
	if overdueActions != 1 {
		t.Errorf("%d review actions overdue, want one", overdueActions)
	}
	if len(alerts) < 10 || len(alerts) > 25 || recentLate == 0 || len(waiting) != 2 {
		t.Errorf("%d open alerts (%v), want 10–25 with each kind", len(alerts), kinds)
	}

	// The checklist has one KPI without a deadline and one without a
	// written definition.
	ev, err := st.ChecklistEvidence(ctx, now)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ev.MissingDeadline, []string{model.MetricLeadToOppRate}) ||
		!reflect.DeepEqual(ev.MissingDefinition, []string{model.MetricLeads}) {
		t.Errorf("checklist: no deadline %v, no definition %v", ev.MissingDeadline, ev.MissingDefinition)
	}
}
