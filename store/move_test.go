package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// TestMoveCoversEveryTable: a table a migration adds must be in
// moveTables, or kpit migrate would leave it behind.
func TestMoveCoversEveryTable(t *testing.T) {
	want := slices.Clone(moveTables)
	sort.Strings(want)
	file := openTemp(t)
	pg, _ := openPG(t)
	for _, c := range []struct {
		s     *Store
		query string
	}{
		{file, `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`},
		{pg, `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'kpit_schema' ORDER BY tablename`},
	} {
		var got []string
		rows, err := c.s.db.Query(c.query)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var n string
			rows.Scan(&n)
			got = append(got, n)
		}
		rows.Close()
		if !slices.Equal(got, want) {
			t.Errorf("%s has tables %v; moveTables (store/move.go) has %v", c.s.path, got, want)
		}
	}
}

// dumpTables is every row of every table, each as one line of its
// columns by name, sorted: what a move must carry over unchanged.
func dumpTables(t *testing.T, s *Store) map[string][]string {
	t.Helper()
	ctx := context.Background()
	out := map[string][]string{}
	for _, table := range moveTables {
		cols, err := s.columns(ctx, s.db, table)
		if err != nil {
			t.Fatal(err)
		}
		cols = slices.DeleteFunc(cols, func(c string) bool { return c == "rowid" }) // PostgreSQL's order of the KPIs
		sort.Strings(cols)
		rows, err := s.db.Query(`SELECT ` + strings.Join(cols, ", ") + ` FROM ` + table)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			line := make([]string, len(cols))
			for i, v := range vals {
				if b, ok := v.([]byte); ok {
					v = string(b)
				}
				line[i] = fmt.Sprintf("%s=%v", cols[i], v)
			}
			out[table] = append(out[table], strings.Join(line, " "))
		}
		rows.Close()
		sort.Strings(out[table])
	}
	return out
}

func sameTables(t *testing.T, what string, a, b map[string][]string) {
	t.Helper()
	for _, table := range moveTables {
		if !slices.Equal(a[table], b[table]) {
			t.Errorf("%s: %s differs: %d rows against %d; first of each:\n%v\n%v", what, table, len(a[table]), len(b[table]),
				first(a[table]), first(b[table]))
		}
	}
}

func first(rows []string) string {
	if len(rows) == 0 {
		return "(none)"
	}
	return rows[0]
}

// filledFile is a kpit file holding some of every kind of row: records
// written, edited, deleted and undone, a lead's stage moves, a review,
// goals with revisions, a tree, settings and a checklist answer.
func filledFile(t *testing.T) *Store {
	t.Helper()
	ctx := context.Background()
	s := openTemp(t)
	s.SetClock(func() time.Time { return testNow })
	reps := addReps(t, s, "田中", "鈴木")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	var acts []int64
	for i := 0; i < 30; i++ {
		id, err := s.AddActivity(ctx, model.Activity{RepName: []string{"田中", "鈴木"}[i%2], Kind: model.ActivityKinds()[i%6],
			Count: 1 + i%4, Date: model.D(2026, time.October, 1+i)})
		must(err)
		acts = append(acts, id)
	}
	opp, err := s.AddOpportunity(ctx, model.Opportunity{RepID: reps["田中"], Account: "東和商事", Created: model.D(2026, 10, 2),
		Outcome: model.OutcomeWon, Closed: model.D(2026, 11, 3), AmountMinor: 2_500_000, HasAmount: true})
	must(err)
	_, err = s.AddOpportunity(ctx, model.Opportunity{RepID: reps["鈴木"], Account: "北辰", Created: model.D(2026, 11, 2),
		Outcome: model.OutcomeOpen, Closed: model.D(2026, 12, 20), Forecast: model.ForecastCommit})
	must(err)
	lead, err := s.AddLead(ctx, model.Lead{Company: "青葉", Created: model.D(2026, 10, 5), Status: model.LeadMQL,
		MQLOn: model.D(2026, 10, 7), RepID: reps["鈴木"]})
	must(err)
	must(s.MoveStages(ctx, []model.StageMove{{LeadID: lead, Stage: model.FunnelSQL, At: testNow.Add(-72 * time.Hour), RepName: "鈴木"}}))
	// An activity on a lead: its foreign key needs the leads copied first.
	_, err = s.AddActivity(ctx, model.Activity{RepName: "鈴木", Kind: model.KindCall, Count: 1, Date: model.D(2026, 10, 8), LeadID: lead})
	must(err)
	_, err = s.AddCustomer(ctx, model.Customer{Name: "東和商事", RepID: reps["田中"], Started: model.D(2026, 11, 10), MRRMinor: 120_000})
	must(err)
	a, err := s.Activity(ctx, acts[3])
	must(err)
	a.Count = 9
	must(s.UpdateActivity(ctx, a))
	must(s.Delete(ctx, model.RecordActivity, acts[4]))
	must(s.Delete(ctx, model.RecordOpportunity, opp))
	_, err = s.Undo(ctx)
	must(err)
	must(s.UpsertKPI(ctx, leadToOpp(0.40)))
	must(s.SaveKPI(ctx, leadToOpp(0.45), RevisionNote{Author: "鈴木", Reason: "見直し"}))
	must(s.ReplaceTree(ctx, newBusinessTree()))
	must(s.SetSetting(ctx, "lang", "ja"))
	must(s.SaveChecklistAnswer(ctx, model.ChecklistAnswer{Item: 3, Status: model.AnswerPartly, AnsweredAt: testNow}))
	_, err = s.SaveReview(ctx, model.ReviewDraft{Period: model.PeriodOf(model.Month, model.D(2026, 11, 1), time.April),
		HeldAt: testNow, Summary: "受注は順調",
		NewActions: []model.ReviewAction{{Text: "架電リスト", RepID: reps["田中"], Due: model.D(2026, 12, 1), Status: model.ActionOpen}}})
	must(err)
	return s
}

// TestMoveRoundTripKeepsEveryRow moves a filled file to PostgreSQL and
// from there to a new file: every row of every table is the same on all
// three, the roll-ups equal a recount of the records on each, a move
// into a store holding data is refused and changes nothing, and the next
// record on PostgreSQL gets a new id.
func TestMoveRoundTripKeepsEveryRow(t *testing.T) {
	ctx := context.Background()
	file := filledFile(t)
	pg, _ := openPG(t)
	pg.SetClock(func() time.Time { return testNow })
	sum, err := file.MoveTo(ctx, pg)
	if err != nil {
		t.Fatal(err)
	}
	orig := dumpTables(t, file)
	var rows int64
	for _, r := range orig {
		rows += int64(len(r))
	}
	if sum.Total != rows || sum.Tables != len(moveTables) {
		t.Errorf("the move says %d rows in %d tables; the file holds %d in %d", sum.Total, sum.Tables, rows, len(moveTables))
	}
	sameTables(t, "file → PostgreSQL", orig, dumpTables(t, pg))
	back, err := Open(filepath.Join(t.TempDir(), "back.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer back.Close()
	if _, err := pg.MoveTo(ctx, back); err != nil {
		t.Fatal(err)
	}
	sameTables(t, "PostgreSQL → file", orig, dumpTables(t, back))
	for _, s := range []*Store{pg, back} {
		if n, first, err := s.rollupDiff(ctx); err != nil || n != 0 {
			t.Errorf("%s: daily roll-up differs from the recount in %d cells (%s), %v", s.path, n, first, err)
		}
		if n, first, err := s.monthlyDiff(ctx); err != nil || n != 0 {
			t.Errorf("%s: monthly roll-up differs from the daily one in %d cells (%s), %v", s.path, n, first, err)
		}
	}
	before := dumpTables(t, pg)
	if _, err := file.MoveTo(ctx, pg); !errors.Is(err, ErrTargetNotEmpty) {
		t.Fatalf("a move into PostgreSQL holding data: %v; want a refusal", err)
	}
	sameTables(t, "PostgreSQL after the refused move", before, dumpTables(t, pg))
	var maxID int64
	pg.db.QueryRow(`SELECT max(id) FROM activities`).Scan(&maxID)
	id, err := pg.AddActivity(ctx, model.Activity{RepName: "田中", Kind: model.KindCall, Count: 1, Date: model.D(2026, 11, 20)})
	if err != nil || id != maxID+1 {
		t.Fatalf("the next activity on PostgreSQL got id %d, %v; want %d", id, err, maxID+1)
	}
	if n, first, err := pg.rollupDiff(ctx); err != nil || n != 0 {
		t.Errorf("after a write on the moved data the roll-up differs in %d cells (%s), %v", n, first, err)
	}
}
