package store

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
)

func TestChecklistAnswersAreHistory(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		path := filepath.Join(t.TempDir(), "k.db")
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		t1 := time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC)
		t2 := time.Date(2026, 11, 20, 9, 0, 0, 500_000_000, time.UTC) // a fraction, to check ordering
		t3 := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)           // earlier than t2 by half a second
		for _, a := range []model.ChecklistAnswer{
			{Item: 1, Status: model.AnswerNo, AnsweredAt: t1},
			{Item: 2, Status: model.AnswerPartly, AnsweredAt: t1},
			{Item: 1, Status: model.AnswerYes, AnsweredAt: t2},
			{Item: 1, Status: model.AnswerPartly, AnsweredAt: t3},
		} {
			if err := s.SaveChecklistAnswer(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
		for _, bad := range []model.ChecklistAnswer{
			{Item: 0, Status: model.AnswerYes, AnsweredAt: t1},
			{Item: 15, Status: model.AnswerYes, AnsweredAt: t1},
			{Item: 3, Status: "maybe", AnsweredAt: t1},
			{Item: 3, Status: model.AnswerNone, AnsweredAt: t1},
		} {
			if err := s.SaveChecklistAnswer(ctx, bad); err == nil {
				t.Errorf("saved %+v", bad)
			}
		}
		s.Close()

		s, err = Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		latest, err := s.ChecklistAnswers(ctx, t2.Add(time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		// Item 1's newest answer is t2's yes, half a second after t3's partly.
		if want := map[int]model.Answer{1: model.AnswerYes, 2: model.AnswerPartly}; !reflect.DeepEqual(latest, want) {
			t.Errorf("latest = %v, want %v", latest, want)
		}
		earlier, err := s.ChecklistAnswers(ctx, t1.Add(time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if want := map[int]model.Answer{1: model.AnswerNo, 2: model.AnswerPartly}; !reflect.DeepEqual(earlier, want) {
			t.Errorf("as of t1 = %v, want %v", earlier, want)
		}
		between, _ := s.ChecklistAnswers(ctx, t3)
		if between[1] != model.AnswerPartly {
			t.Errorf("as of t3 item 1 = %q, want partly", between[1])
		}
		h, err := s.ChecklistHistory(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(h) != 4 {
			t.Fatalf("history has %d answers, want 4 (nothing overwritten, nothing invalid)", len(h))
		}
		if !h[3].AnsweredAt.Equal(t2) || h[3].Status != model.AnswerYes || !h[2].AnsweredAt.Equal(t3) {
			t.Errorf("history not in time order: %+v", h)
		}
	})
}

func TestChecklistEvidenceEmpty(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		s := openTemp(t)
		now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
		e, err := s.ChecklistEvidence(context.Background(), now)
		if err != nil {
			t.Fatal(err)
		}
		if e.HasKGI || e.TreeRoot != "" || e.KPIs != 0 || e.Records != 0 || !e.NewestRecord.IsZero() ||
			len(e.InputRules) != 0 || !e.EntryDeadline || e.RequiredFields || e.LateEntries != 0 || e.Leads != 0 || e.Reviews != 0 || e.KPIRevisions != 0 || e.HandoffRuleSet {
			t.Errorf("empty database gives evidence %+v", e)
		}
		// Alerts are on until switched off and the default deadline (next
		// business day) is in force (model.DefaultInputRules): item 9 judges
		// late entries by it, so item 8 sees a deadline.
		if !e.AlertsOn || e.DeadlineRule != "next-business-day" {
			t.Errorf("default alerts on %v with deadline %q, want on with next-business-day", e.AlertsOn, e.DeadlineRule)
		}
		// Inside Sales' default: an MQL is handled within 2 business days.
		if e.HandoffLimitUsed != 2 {
			t.Errorf("hand-off limit %d, want the default 2", e.HandoffLimitUsed)
		}
	})
}

func TestChecklistEvidence(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openTemp(t)
		now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC) // a Thursday
		exec := func(q string, args ...any) {
			t.Helper()
			if _, err := s.db.Exec(q, args...); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		ts := func(tm time.Time) string { return tm.UTC().Format(time.RFC3339Nano) }

		// The goals are read from their revisions: the KGI was 8億 until it was
		// raised to 10億 in October.
		exec(`INSERT INTO kgi_revisions (effective_from, recorded_at, author, name_ja, name_en, metric, value, unit, per)
		VALUES ('0001-01-01', '2026-04-01T09:00:00Z', 'a', '売上', 'Revenue', 'revenue', 8e8, 'yen', 'year'),
		('2026-10-01', '2026-10-01T09:00:00Z', 'a', '売上', 'Revenue', 'revenue', 1e9, 'yen', 'year')`)
		// Five KPIs: 3 main. win_rate lacks a deadline, calls lacks a target and
		// a definition, nps is manual and lacks both target and deadline. Each
		// has its first revision from the beginning, recorded on 2026-04-01.
		kpi := func(key string, main int, target any, deadline any, definition, source string) {
			exec(`INSERT INTO kpis (key, name_ja, name_en, unit, source, created_at, updated_at)
			VALUES (?, ?, ?, 'count', ?, ?, ?)`, key, "ja-"+key, "en-"+key, source, ts(now), ts(now))
			exec(`INSERT INTO kpi_revisions (kpi_key, effective_from, recorded_at, author, changed, target, deadline, definition, main)
			VALUES (?, '0001-01-01', '2026-04-01T09:00:00Z', 'a', 'target,deadline,definition,formula,main', ?, ?, ?, ?)`,
				key, target, deadline, definition, main)
		}
		kpi("opportunities", 1, 50, "2027-03-31", "created in the period", "records")
		kpi("win_rate", 1, 0.3, nil, "won / closed", "records")
		kpi("avg_deal_size", 1, 2e6, "2027-03-31", "revenue / won", "records")
		kpi("calls", 0, nil, "2027-03-31", "", "records")
		kpi("nps", 0, nil, nil, "promoters - detractors", "manual")
		// Tree: revenue → orders_won, avg_deal_size; orders_won → opportunities,
		// win_rate. calls is a second root, so it is not in the KGI's tree.
		for _, n := range [][3]any{{"revenue", nil, "*"}, {"orders_won", "revenue", "*"}, {"avg_deal_size", "revenue", "leaf"},
			{"opportunities", "orders_won", "leaf"}, {"win_rate", "orders_won", "leaf"}, {"calls", nil, "leaf"}} {
			exec(`INSERT INTO tree_nodes (key, parent_key, op) VALUES (?, ?, ?)`, n[0], n[1], n[2])
		}
		exec(`INSERT INTO reps (id, name, department, created_at) VALUES (1, '田中', 'field_sales', ?)`, ts(now))
		// Activities: with a same-day deadline, the one for 11-23 entered on
		// 11-24 and the one for 11-20 entered on 11-25 are late; the one for 11-25
		// entered on 11-25 is not; the late one from October is outside the
		// window; the deleted one does not count at all.
		act := func(day string, entered time.Time, deleted any) {
			exec(`INSERT INTO activities (day, rep_id, kind, count, entered_at, updated_at, deleted_at) VALUES (?, 1, 'visit', 1, ?, ?, ?)`,
				day, ts(entered), ts(entered), deleted)
		}
		act("2026-11-23", time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC), nil)
		act("2026-11-20", time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC), nil)
		act("2026-11-25", time.Date(2026, 11, 25, 18, 0, 0, 0, time.UTC), nil)
		act("2026-10-01", time.Date(2026, 10, 5, 9, 0, 0, 0, time.UTC), nil)
		act("2026-11-26", time.Date(2026, 11, 26, 11, 0, 0, 0, time.UTC), "2026-11-26T11:30:00Z")
		exec(`INSERT INTO opportunities (rep_id, created, entered_at, updated_at) VALUES (1, '2026-11-01', ?, ?)`,
			ts(time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)), ts(now))
		// Leads: 4 live. A reached MQL 10 days ago, no SQL: stuck past 5 days.
		// B reached MQL 3 days ago: not stuck. C reached MQL and SQL. D is new.
		lead := func(status string, mql, sqlOn any) {
			at := ts(time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC))
			exec(`INSERT INTO leads (created, status, mql_on, sql_on, entered_at, updated_at) VALUES ('2026-11-02', ?, ?, ?, ?, ?)`,
				status, mql, sqlOn, at, at)
		}
		lead("mql", "2026-11-16", nil)
		lead("mql", "2026-11-23", nil)
		lead("sql", "2026-11-10", "2026-11-12")
		lead("new", nil, nil)
		exec(`INSERT INTO settings (key, value) VALUES ('rule.deadline', 'same-day'), ('rule.alerts', 'on'), ('rule.required.lead', ''),
		('fiscal_start', '4')`)
		// The MQL stage written down with a 5-business-day hand-off; SQL not.
		exec(`INSERT INTO stage_revisions (stage, effective_from, recorded_at, author, definition_en, owner, limit_days)
		VALUES ('mql', '0001-01-01', '2026-04-01T09:00:00Z', 'a', 'score 50 or more', 'inside_sales', 5)`)
		// Reviews: 2026-07-01, 08-05, 09-02, 10-07, 11-04: gaps 35, 28, 35, 28,
		// median 31.5; in the 90 days from 2026-08-28: 09-02, 10-07, 11-04 = 3.
		for _, d := range []string{"2026-09-02", "2026-07-01", "2026-11-04", "2026-08-05", "2026-10-07"} {
			exec(`INSERT INTO reviews (held_on) VALUES (?)`, d)
		}
		// Two revisions after the first ones: the win rate's target from May
		// (in force on the day of the diagnosis), and the calls' definition
		// written in September and taking effect only in December (not yet).
		exec(`INSERT INTO kpi_revisions (kpi_key, effective_from, recorded_at, author, changed, target, definition)
		VALUES ('win_rate', '2026-05-01', '2026-05-01T09:00:00Z', 'b', 'target', 0.35, 'won / closed'),
		('calls', '2026-12-01', '2026-09-15T09:00:00Z', 'b', 'definition', NULL, 'calls made')`)

		e, err := s.ChecklistEvidence(ctx, now)
		if err != nil {
			t.Fatal(err)
		}
		check := func(name string, got, want any) {
			t.Helper()
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s = %v, want %v", name, got, want)
			}
		}
		check("HasKGI", e.HasKGI, true)
		check("KGIValue", e.KGIValue, 1e9)
		check("KGIUnit", e.KGIUnit, model.UnitMoney)
		check("KGIDeadline zero", e.KGIDeadline.IsZero(), true)
		check("TreeRoot", e.TreeRoot, "revenue")
		check("TreeNodes", e.TreeNodes, 6)
		check("KPIsNotInTree", e.KPIsNotInTree, []string{"calls", "nps"})
		check("KPIs", e.KPIs, 5)
		check("MainKPIs", e.MainKPIs, 3)
		check("MissingTarget", e.MissingTarget, []string{"calls", "nps"})
		check("MissingDeadline", e.MissingDeadline, []string{"nps", "win_rate"})
		check("MissingDefinition", e.MissingDefinition, []string{"calls"})
		check("ManualKPIs", e.ManualKPIs, []string{"nps"})
		check("name", e.KPINames["win_rate"], model.KPILabel{JA: "ja-win_rate", EN: "en-win_rate"})
		// 4 live activities + 1 opportunity + 4 leads.
		check("Records", e.Records, 9)
		check("NewestRecord", e.NewestRecord, time.Date(2026, 11, 25, 18, 0, 0, 0, time.UTC))
		// rule.required.lead is set but empty: it requires nothing.
		check("InputRules", e.InputRules, []string{"alerts", "deadline", "required.lead"})
		check("EntryDeadline", e.EntryDeadline, true)
		check("RequiredFields", e.RequiredFields, false)
		check("AlertsOn", e.AlertsOn, true)
		check("DeadlineRule", e.DeadlineRule, "same-day")
		// Late within the window: the two November visits entered a day or more
		// after the event. Opportunity and leads were entered on their own day.
		check("LateEntries", e.LateEntries, 2)
		check("Leads", e.Leads, 4)
		check("LeadsWithMQL", e.LeadsWithMQL, 3)
		check("LeadsWithSQL", e.LeadsWithSQL, 1)
		check("MQLDefined", e.MQLDefined, true)
		check("SQLDefined", e.SQLDefined, false)
		check("HandoffRuleSet", e.HandoffRuleSet, true)
		check("HandoffRuleDays", e.HandoffRuleDays, 5)
		check("LeadsStuckAtMQL", e.LeadsStuckAtMQL, 1)
		check("Reviews", e.Reviews, 5)
		check("ReviewsLast90Days", e.ReviewsLast90Days, 3)
		check("LastReview", e.LastReview, model.D(2026, 11, 4))
		check("ReviewCadenceDays", e.ReviewCadenceDays, 31.5)
		check("KPIRevisions", e.KPIRevisions, 7)
		check("LastKPIRevision", e.LastKPIRevision, time.Date(2026, 9, 15, 9, 0, 0, 0, time.UTC))

		// What the diagnosis makes of it, item by item, by hand:
		// 1 partly (no deadline), 2 partly (calls, nps outside the tree),
		// 3 yes (3 main), 4 partly (3 of 5 lack something), 5 partly, 6 partly
		// (nps manual), 7 yes (18 hours old), 8 partly (no required fields),
		// 9 partly (2 late), 10 partly (SQL not written), 11 partly (1 stuck),
		// 12 yes, 13 unanswered, 14 yes (September).
		d := model.Diagnose(nil, e)
		if d.Score != 4+9*0.5 {
			t.Errorf("score %v, want 8.5", d.Score)
		}
	})
}
