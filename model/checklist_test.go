package model

import (
	"reflect"
	"testing"
	"time"
)

func TestChecklistItemsAreComplete(t *testing.T) {
	items := ChecklistItems()
	if len(items) != 14 {
		t.Fatalf("%d items, want 14", len(items))
	}
	groups := map[ChecklistGroup]int{}
	patterns := map[FailurePattern]int{}
	steps := map[string]bool{}
	for i, it := range items {
		if it.Number != i+1 {
			t.Errorf("item %d numbered %d", i+1, it.Number)
		}
		groups[it.Group]++
		patterns[it.Pattern]++
		if it.NextStep == "" || steps[it.NextStep] {
			t.Errorf("item %d: next step %q empty or shared", it.Number, it.NextStep)
		}
		steps[it.NextStep] = true
		if it.Fix == "" {
			t.Errorf("item %d has no screen to fix it", it.Number)
		}
	}
	// docs/checklist.md: items 1–5 design, 6–9 system, 10–11
	// collaboration, 12–14 operation.
	want := map[ChecklistGroup]int{GroupDesign: 5, GroupSystem: 4, GroupCollaboration: 2, GroupOperation: 3}
	if !reflect.DeepEqual(groups, want) {
		t.Errorf("groups = %v, want %v", groups, want)
	}
	for _, p := range FailurePatterns() {
		if patterns[p] == 0 {
			t.Errorf("no item leads to failure pattern %d", p)
		}
	}
	if _, ok := ChecklistItemByNumber(0); ok {
		t.Error("item 0 exists")
	}
	if it, ok := ChecklistItemByNumber(10); !ok || it.Group != GroupCollaboration {
		t.Errorf("item 10 = %+v, %v", it, ok)
	}
}

func TestAnswerCycle(t *testing.T) {
	a := AnswerNone
	var seen []Answer
	for i := 0; i < 4; i++ {
		a = a.Next()
		seen = append(seen, a)
	}
	if want := []Answer{AnswerYes, AnswerPartly, AnswerNo, AnswerYes}; !reflect.DeepEqual(seen, want) {
		t.Errorf("next cycle %v, want %v", seen, want)
	}
	if AnswerNone.Prev() != AnswerNo || AnswerNo.Prev() != AnswerPartly || AnswerYes.Prev() != AnswerNo {
		t.Error("prev cycle wrong")
	}
}

var now = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

// full is evidence of a team that does everything the data can show.
func full() Evidence {
	return Evidence{
		Now: now, HasKGI: true, KGIMetric: "revenue", KGIValue: 1e9, KGIDeadline: D(2027, 3, 31),
		TreeRoot: "revenue", TreeNodes: 9, KPIs: 4, MainKPIs: 4,
		Records: 100, NewestRecord: now.Add(-2 * time.Hour),
		InputRules: []string{"deadline", "required.activity"}, EntryDeadline: true, RequiredFields: true, AlertsOn: true,
		Leads: 10, LeadsWithMQL: 5, LeadsWithSQL: 3, MQLDefined: true, SQLDefined: true, HandoffRuleSet: true, HandoffRuleDays: 5,
		Reviews: 6, ReviewsLast90Days: 3, LastReview: now.AddDate(0, 0, -7),
		KPIRevisions: 2, LastKPIRevision: now.AddDate(0, -2, 0),
		ReviewsWithFigures: 3, MissedLastReview: 2, ExplainedLastReview: 2, ActionsLastReview: 3,
	}
}

func TestSuggestAnswer(t *testing.T) {
	cases := []struct {
		name string
		item int
		edit func(*Evidence)
		want Answer
	}{
		{"kgi complete", 1, nil, AnswerYes},
		{"kgi without deadline", 1, func(e *Evidence) { e.KGIDeadline = time.Time{} }, AnswerPartly},
		{"no kgi", 1, func(e *Evidence) { e.HasKGI = false }, AnswerNo},
		{"tree complete", 2, nil, AnswerYes},
		{"tree missing a kpi", 2, func(e *Evidence) { e.KPIsNotInTree = []string{"calls"} }, AnswerPartly},
		{"tree rooted elsewhere", 2, func(e *Evidence) { e.TreeRoot = "orders_won" }, AnswerPartly},
		{"no tree", 2, func(e *Evidence) { e.TreeRoot = "" }, AnswerNo},
		{"3 main", 3, func(e *Evidence) { e.MainKPIs = 3 }, AnswerYes},
		{"5 main", 3, func(e *Evidence) { e.MainKPIs = 5 }, AnswerYes},
		{"2 main", 3, func(e *Evidence) { e.MainKPIs = 2 }, AnswerPartly},
		{"6 main", 3, func(e *Evidence) { e.MainKPIs = 6 }, AnswerPartly},
		{"0 main", 3, func(e *Evidence) { e.MainKPIs = 0 }, AnswerNo},
		{"targets all set", 4, nil, AnswerYes},
		// one KPI misses a target, another a deadline, one misses both: 3 of 4.
		{"targets 3 of 4 missing", 4, func(e *Evidence) {
			e.MissingTarget = []string{"a", "b"}
			e.MissingDeadline = []string{"b", "c"}
		}, AnswerPartly},
		{"targets all missing", 4, func(e *Evidence) { e.MissingDeadline = []string{"a", "b", "c", "d"} }, AnswerNo},
		{"no kpis", 4, func(e *Evidence) { e.KPIs = 0 }, AnswerNo},
		{"definitions", 5, func(e *Evidence) { e.MissingDefinition = []string{"a"} }, AnswerPartly},
		{"automated", 6, nil, AnswerYes},
		{"one manual", 6, func(e *Evidence) { e.ManualKPIs = []string{"nps"} }, AnswerPartly},
		{"no records", 6, func(e *Evidence) { e.Records = 0 }, AnswerNo},
		{"fresh", 7, nil, AnswerYes},
		{"3 days old", 7, func(e *Evidence) { e.NewestRecord = now.AddDate(0, 0, -3) }, AnswerPartly},
		{"stale", 7, func(e *Evidence) { e.NewestRecord = now.AddDate(0, 0, -8) }, AnswerNo},
		{"never", 7, func(e *Evidence) { e.NewestRecord = time.Time{} }, AnswerNo},
		{"rules both", 8, nil, AnswerYes},
		{"rules one", 8, func(e *Evidence) { e.RequiredFields = false; e.InputRules = []string{"deadline"} }, AnswerPartly},
		{"rules none", 8, func(e *Evidence) { e.EntryDeadline, e.RequiredFields, e.InputRules = false, false, nil }, AnswerNo},
		{"alerts quiet", 9, nil, AnswerYes},
		{"alerts with late", 9, func(e *Evidence) { e.LateEntries = 4 }, AnswerPartly},
		{"alerts off", 9, func(e *Evidence) { e.AlertsOn = false }, AnswerNo},
		{"mql sql written", 10, nil, AnswerYes},
		{"stages used, not written", 10, func(e *Evidence) { e.MQLDefined, e.SQLDefined = false, false }, AnswerPartly},
		{"no stages", 10, func(e *Evidence) {
			e.MQLDefined, e.SQLDefined, e.LeadsWithMQL, e.LeadsWithSQL = false, false, 0, 0
		}, AnswerNo},
		{"handoff clean", 11, nil, AnswerYes},
		{"handoff stuck", 11, func(e *Evidence) { e.LeadsStuckAtMQL = 2 }, AnswerPartly},
		{"no handoff rule", 11, func(e *Evidence) { e.HandoffRuleSet = false }, AnswerNo},
		{"reviews monthly", 12, nil, AnswerYes},
		{"reviews lapsed", 12, func(e *Evidence) { e.LastReview = now.AddDate(0, 0, -50) }, AnswerPartly},
		{"reviews none", 12, func(e *Evidence) { e.ReviewsLast90Days = 0 }, AnswerNo},
		{"every miss explained, actions kept", 13, nil, AnswerYes},
		{"one miss unexplained", 13, func(e *Evidence) { e.ExplainedLastReview = 1 }, AnswerPartly},
		{"an action overdue", 13, func(e *Evidence) { e.OverdueActions = 1 }, AnswerPartly},
		{"nothing recorded", 13, func(e *Evidence) { e.ExplainedLastReview, e.ActionsLastReview = 0, 0 }, AnswerNo},
		{"nothing missed", 13, func(e *Evidence) { e.MissedLastReview, e.ExplainedLastReview, e.ActionsLastReview = 0, 0, 0 }, AnswerYes},
		{"no review kept figures", 13, func(e *Evidence) { e.ReviewsWithFigures = 0 }, AnswerNo},
		{"revised this year", 14, nil, AnswerYes},
		{"revised long ago", 14, func(e *Evidence) { e.LastKPIRevision = now.AddDate(-2, 0, 0) }, AnswerPartly},
		{"never revised", 14, func(e *Evidence) { e.KPIRevisions = 0 }, AnswerNo},
	}
	for _, c := range cases {
		e := full()
		if c.edit != nil {
			c.edit(&e)
		}
		got, ok := SuggestAnswer(c.item, e)
		if !ok || got != c.want {
			t.Errorf("%s: item %d suggests %q (%v), want %q", c.name, c.item, got, ok, c.want)
		}
	}
}

func TestDiagnoseScoreByHand(t *testing.T) {
	// No evidence at all: every suggestion the data can make is "no", so
	// only the answers count.
	e := Evidence{Now: now}
	answers := map[int]Answer{
		1: AnswerYes, 2: AnswerYes, 3: AnswerPartly, 4: AnswerNo, 5: AnswerYes,
		6: AnswerPartly, 7: AnswerPartly, 8: AnswerNo, 9: AnswerYes, 10: AnswerNo,
		11: AnswerNo, 12: AnswerYes, 13: AnswerPartly, 14: AnswerNo,
	}
	// yes: 1,2,5,9,12 = 5; partly: 3,6,7,13 = 4 × 0.5 = 2; total 7 of 14 = 50%.
	d := Diagnose(answers, e)
	if d.Score != 7 || d.Percent() != 50 {
		t.Errorf("score %v (%v%%), want 7 (50%%)", d.Score, d.Percent())
	}
	if d.Answered != 14 || d.Unanswered != 0 {
		t.Errorf("answered %d unanswered %d", d.Answered, d.Unanswered)
	}
	// Gaps: everything not yes = 3,4,6,7,8,10,11,13,14 (9 items).
	// Pattern 1: 3,4,6,13,14; pattern 2: 7,8; pattern 3: 10,11.
	want := map[FailurePattern][]int{1: {3, 4, 6, 13, 14}, 2: {7, 8}, 3: {10, 11}}
	if d.GapCount() != 9 || len(d.Gaps) != 3 {
		t.Fatalf("gaps %d in %d patterns, want 9 in 3", d.GapCount(), len(d.Gaps))
	}
	for _, pg := range d.Gaps {
		var nums []int
		for _, g := range pg.Gaps {
			nums = append(nums, g.Item.Number)
			if g.NextStep == "" || g.Fix == "" {
				t.Errorf("gap %d has no next step or screen", g.Item.Number)
			}
		}
		if !reflect.DeepEqual(nums, want[pg.Pattern]) {
			t.Errorf("pattern %d gaps %v, want %v", pg.Pattern, nums, want[pg.Pattern])
		}
	}
}

func TestDiagnoseFallsBackToSuggestions(t *testing.T) {
	e := full()
	e.MainKPIs = 7 // item 3 suggested partly
	// The user says no to item 1 despite the data; item 13 is suggested
	// by the last review's causes and actions.
	e.OverdueActions = 1 // item 13 suggested partly
	d := Diagnose(map[int]Answer{1: AnswerNo}, e)
	// Items: 1 no (user) = 0; 2 yes; 3 partly 0.5; 4–12 yes (9); 13 partly 0.5; 14 yes.
	// 0 + 1 + 0.5 + 9 + 0.5 + 1 = 12
	if d.Score != 12 {
		t.Errorf("score %v, want 12", d.Score)
	}
	if d.Answered != 1 || d.Unanswered != 0 {
		t.Errorf("answered %d unanswered %d, want 1 and 0", d.Answered, d.Unanswered)
	}
	if !d.Items[2].FromSuggestion() || d.Items[0].FromSuggestion() {
		t.Error("FromSuggestion wrong")
	}
	if d.Items[12].Effective != AnswerPartly {
		t.Errorf("item 13 effective %q, want partly", d.Items[12].Effective)
	}
}

func TestAnswersAsOfAndPreviousDay(t *testing.T) {
	d1 := time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC)
	d2 := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	h := []ChecklistAnswer{
		{1, AnswerNo, d1}, {2, AnswerPartly, d1},
		{1, AnswerPartly, d2}, {1, AnswerYes, d2.Add(time.Minute)}, {3, AnswerNo, d2},
	}
	if got := AnswersAsOf(h, d2.Add(time.Hour)); !reflect.DeepEqual(got, map[int]Answer{1: AnswerYes, 2: AnswerPartly, 3: AnswerNo}) {
		t.Errorf("latest = %v", got)
	}
	if got := AnswersAsOf(h, D(2026, 10, 2)); !reflect.DeepEqual(got, map[int]Answer{1: AnswerNo, 2: AnswerPartly}) {
		t.Errorf("as of Oct 2 = %v", got)
	}
	day, ok := PreviousDiagnosisDay(h)
	if !ok || !day.Equal(D(2026, 10, 1)) {
		t.Errorf("previous day = %v, %v", day, ok)
	}
	if _, ok := PreviousDiagnosisDay(h[2:]); ok {
		t.Error("one day of answers has no previous diagnosis")
	}
}
