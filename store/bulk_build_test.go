package store

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// Every insert trigger of a new file is one whose work the bulk build
// derives, and every one it knows exists: a migration that adds an insert
// trigger without a fill in buildSteps fails here (and such a file is
// written through the triggers, TestBulkBuildFallsBack).
func TestBulkBuildKnowsEveryInsertTrigger(t *testing.T) {
	s := openTemp(t)
	tx, err := s.db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	triggers, indexes, ok, err := buildPlan(context.Background(), tx)
	if err != nil || !ok {
		t.Fatalf("a new file is not built in bulk (ok %v, err %v): add the new insert trigger's fill to buildSteps", ok, err)
	}
	if len(triggers) != len(buildInsertTriggers) {
		t.Errorf("%d insert triggers in a new file, %d known to the bulk build", len(triggers), len(buildInsertTriggers))
	}
	if len(indexes) < 40 {
		t.Errorf("only %d indexes to build again", len(indexes))
	}
}

// buildTestBatches are n batches of three deals with four activities each
// and a lead; bad, when not 0, names a batch whose last activity refers to
// a deal that does not exist.
func buildTestBatches(n, bad int) func() (Batch, bool) {
	day := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	k := 0
	return func() (Batch, bool) {
		if k == n {
			return Batch{}, false
		}
		k++
		var b Batch
		if k == 1 {
			b.Reps = []model.Rep{{Name: "佐藤", Department: model.DeptFieldSales, Active: true}}
		}
		for i := 0; i < 3; i++ {
			id := int64((k-1)*3 + i + 1)
			d := day.AddDate(0, 0, int(id))
			b.Opportunities = append(b.Opportunities, model.Opportunity{RepName: "佐藤", Account: fmt.Sprintf("A%d社", id),
				Created: d, Outcome: model.OutcomeOpen, EnteredAt: d.Add(10 * time.Hour)})
			for j := 0; j < 4; j++ {
				b.Activities = append(b.Activities, model.Activity{Date: d.AddDate(0, 0, j), RepName: "佐藤", Kind: model.KindVisit,
					Count: 1, OpportunityID: id, Account: "A社", EnteredAt: d.AddDate(0, 0, j).Add(9 * time.Hour)})
			}
		}
		if k == bad {
			b.Activities[len(b.Activities)-1].OpportunityID = 999
		}
		b.Leads = []model.Lead{{Company: "B社", Created: day, MQLOn: day.AddDate(0, 0, k), EnteredAt: day.Add(time.Hour)}}
		return b, true
	}
}

func schemaText(t *testing.T, s *Store) []string {
	t.Helper()
	return queryRows(t, s, `SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name`)
}

// Where the bulk build's fills would not be the whole of each kept table,
// the batches go through the triggers: a file with an insert trigger the
// build does not know (it fires for every row), and a file with records.
func TestBulkBuildFallsBack(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	if _, err := s.db.Exec(`CREATE TRIGGER test_counter AFTER INSERT ON activities BEGIN
		INSERT INTO settings (key, value) VALUES ('test.counter', 1) ON CONFLICT (key) DO UPDATE SET value = value + 1; END`); err != nil {
		t.Fatal(err)
	}
	if err := s.BulkBuild(ctx, buildTestBatches(3, 0)); err != nil {
		t.Fatal(err)
	}
	var fired int
	if err := s.db.QueryRow(`SELECT value FROM settings WHERE key = 'test.counter'`).Scan(&fired); err != nil || fired != 36 {
		t.Fatalf("the unknown trigger fired %d times (%v), want once for each of 36 activities", fired, err)
	}

	s = openTemp(t)
	if err := s.BulkInsert(ctx, Batch{Reps: []model.Rep{{Name: "鈴木", Department: model.DeptInsideSales, Active: true}}}); err != nil {
		t.Fatal(err)
	}
	if err := s.BulkBuild(ctx, buildTestBatches(2, 0)); err != nil {
		t.Fatal(err)
	}
	c, err := s.RecordCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c.Opportunities != 6 || c.Activities != 24 || c.Leads != 2 || c.Reps != 2 {
		t.Fatalf("after the build through the triggers: %+v", c)
	}
	findings, err := s.Check(ctx)
	if err != nil || len(findings) != 0 {
		t.Fatalf("doctor after the build through the triggers: %+v %v", findings, err)
	}
}

// A bulk build that fails part way (a bad row in its third batch) leaves
// the file as it was: no record, and every trigger and index in place.
func TestFailedBulkBuildLeavesTheFileEmpty(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	before := schemaText(t, s)
	err := s.BulkBuild(ctx, buildTestBatches(4, 3))
	if err == nil || !strings.Contains(err.Error(), "activity 12:") {
		t.Fatalf("got %v, want the third batch's activity 12 named", err)
	}
	c, err := s.RecordCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c.Total() != 0 || c.Reps != 0 {
		t.Fatalf("a failed build left %+v", c)
	}
	if after := schemaText(t, s); !reflect.DeepEqual(before, after) {
		t.Fatalf("the schema changed: %s", firstDiff(after, before))
	}
	// The same file then builds.
	if err := s.BulkBuild(ctx, buildTestBatches(4, 0)); err != nil {
		t.Fatal(err)
	}
	if after := schemaText(t, s); !reflect.DeepEqual(before, after) {
		t.Fatalf("the schema after a build: %s", firstDiff(after, before))
	}
	findings, err := s.Check(ctx)
	if err != nil || len(findings) != 0 {
		t.Fatalf("doctor after the bulk build: %+v %v", findings, err)
	}
}
