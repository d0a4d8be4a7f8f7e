package model

import (
	"math"
	"sort"
	"time"
)

// What the database shows about the checklist items, and the status it
// suggests for each.

// KPILabel is a KPI's name in both languages, for naming KPIs in evidence.
type KPILabel struct {
	JA string
	EN string
}

// Evidence is what the database shows about the checklist items. The store
// computes it; SuggestAnswer reads it. Slices of KPI keys are sorted.
type Evidence struct {
	Now time.Time // when the evidence was computed

	// Item 1: the KGI.
	HasKGI      bool
	KGIMetric   string
	KGIValue    float64
	KGIUnit     Unit
	KGIDeadline time.Time // zero when none

	// Item 2: the tree.
	TreeRoot      string   // key of the root node; "" when there is no tree
	TreeNodes     int      // number of nodes
	KPIsNotInTree []string // KPI keys that are not a node of the tree

	// Items 3–6: the KPI definitions.
	KPIs              int // KPIs defined
	MainKPIs          int
	MissingTarget     []string
	MissingDeadline   []string
	MissingDefinition []string
	ManualKPIs        []string // typed in by hand (source manual)
	KPINames          map[string]KPILabel

	// Items 6–7: the records.
	Records      int       // live records (activities, opportunities, leads, customers)
	NewestRecord time.Time // newest entered_at; zero when there are none

	// Items 8–9: input rules and alerts (settings keys rule.*).
	InputRules     []string // names of configured rules, without the prefix
	EntryDeadline  bool     // an entry deadline is in force (the default one counts: late entries are judged by it)
	RequiredFields bool     // a required-fields rule is configured
	AlertsOn       bool
	DeadlineRule   string // the entry deadline the late entries were counted against
	LateEntries    int    // records of the last LateEntryWindowDays entered after the deadline

	// Items 10–11: the shared funnel.
	Leads            int
	LeadsWithMQL     int
	LeadsWithSQL     int
	MQLDefined       bool // a written MQL definition is stored
	SQLDefined       bool // a written SQL definition is stored
	HandoffRuleDays  int  // business days a lead may wait at MQL; 0 when no rule
	HandoffRuleSet   bool
	LeadsStuckAtMQL  int // MQL leads past the stage's hand-off limit (the default one when none is set)
	HandoffLimitUsed int // the limit LeadsStuckAtMQL was counted against

	// Item 12: reviews.
	Reviews           int       // reviews ever held
	ReviewsLast90Days int       // reviews in the 90 days before Now
	LastReview        time.Time // zero when none
	ReviewCadenceDays float64   // median days between consecutive reviews; 0 with fewer than two
	KPIRevisions      int
	LastKPIRevision   time.Time // zero when none

	// Item 13: the analysis of misses in the last review that kept its
	// figures (docs/review.md).
	ReviewsWithFigures  int // reviews that kept a snapshot of the KPIs
	MissedLastReview    int // KPIs off track or at risk in it (the KGI aside)
	ExplainedLastReview int // of those, how many have a cause recorded
	ActionsLastReview   int // actions agreed in it
	OverdueActions      int // actions open past their due day, whichever review agreed them
}

// RecordAgeDays is the age of the newest record in whole days, -1 when there
// are no records.
func (e Evidence) RecordAgeDays() int {
	if e.NewestRecord.IsZero() {
		return -1
	}
	d := int(math.Floor(e.Now.Sub(e.NewestRecord).Hours() / 24))
	if d < 0 {
		return 0
	}
	return d
}

// MissingTargetOrDeadline is every KPI key missing a target, a deadline or
// both, sorted, each once.
func (e Evidence) MissingTargetOrDeadline() []string {
	return union(e.MissingTarget, e.MissingDeadline)
}

func union(a, b []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, k := range append(append([]string(nil), a...), b...) {
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// daysSince is whole days from t to now; -1 for the zero time.
func daysSince(now, t time.Time) int {
	if t.IsZero() {
		return -1
	}
	return int(math.Floor(now.Sub(t).Hours() / 24))
}

// SuggestAnswer is the status the data suggests for an item, and whether the
// data can say anything about it. The rules are deliberately simple so a user
// can check them against the evidence shown beside the item.
func SuggestAnswer(item int, e Evidence) (Answer, bool) {
	// ratio maps "how many of the KPIs lack something" to a status.
	ratio := func(lacking int) (Answer, bool) {
		switch {
		case e.KPIs == 0:
			return AnswerNo, true
		case lacking == 0:
			return AnswerYes, true
		case lacking < e.KPIs:
			return AnswerPartly, true
		}
		return AnswerNo, true
	}
	switch item {
	case 1: // a KGI with a value and a deadline
		switch {
		case !e.HasKGI:
			return AnswerNo, true
		case e.KGIValue > 0 && !e.KGIDeadline.IsZero():
			return AnswerYes, true
		}
		return AnswerPartly, true
	case 2: // a tree rooted at the KGI with every KPI in it
		switch {
		case e.TreeRoot == "":
			return AnswerNo, true
		case e.HasKGI && e.TreeRoot == e.KGIMetric && len(e.KPIsNotInTree) == 0:
			return AnswerYes, true
		}
		return AnswerPartly, true
	case 3: // 3–5 main KPIs
		switch {
		case e.MainKPIs >= 3 && e.MainKPIs <= 5:
			return AnswerYes, true
		case e.MainKPIs == 0:
			return AnswerNo, true
		}
		return AnswerPartly, true
	case 4:
		return ratio(len(e.MissingTargetOrDeadline()))
	case 5:
		return ratio(len(e.MissingDefinition))
	case 6: // aggregated from records, not typed in
		if e.Records == 0 {
			return AnswerNo, true
		}
		return ratio(len(e.ManualKPIs))
	case 7: // fresh records: what a dashboard shows is only as live as its data
		switch age := e.RecordAgeDays(); {
		case age < 0:
			return AnswerNo, true
		case age <= 1:
			return AnswerYes, true
		case age <= 7:
			return AnswerPartly, true
		}
		return AnswerNo, true
	case 8: // input rules: timing and required fields
		switch {
		case e.EntryDeadline && e.RequiredFields:
			return AnswerYes, true
		case e.EntryDeadline || e.RequiredFields || len(e.InputRules) > 0:
			return AnswerPartly, true
		}
		return AnswerNo, true
	case 9: // alerts on, and nothing late right now
		switch {
		case !e.AlertsOn:
			return AnswerNo, true
		case e.LateEntries == 0:
			return AnswerYes, true
		}
		return AnswerPartly, true
	case 10: // one MQL/SQL definition across departments
		switch {
		case e.MQLDefined && e.SQLDefined:
			return AnswerYes, true
		case e.MQLDefined || e.SQLDefined || e.LeadsWithMQL > 0 || e.LeadsWithSQL > 0:
			// Stages in use without a written definition: shared in practice,
			// not on paper.
			return AnswerPartly, true
		}
		return AnswerNo, true
	case 11: // a hand-off rule, and no lead stuck past it
		switch {
		case !e.HandoffRuleSet:
			return AnswerNo, true
		case e.LeadsStuckAtMQL == 0:
			return AnswerYes, true
		}
		return AnswerPartly, true
	case 12: // reviews held regularly: at least monthly over the last quarter
		switch last := daysSince(e.Now, e.LastReview); {
		case e.ReviewsLast90Days == 0:
			return AnswerNo, true
		case e.ReviewsLast90Days >= 3 && last <= 35:
			return AnswerYes, true
		}
		return AnswerPartly, true
	case 13: // every miss of the last review has a cause and the team agreed actions it keeps
		switch {
		case e.ReviewsWithFigures == 0:
			return AnswerNo, true
		case e.MissedLastReview == 0 && e.OverdueActions == 0:
			return AnswerYes, true
		case e.ExplainedLastReview == 0 && e.ActionsLastReview == 0:
			return AnswerNo, true
		case e.ExplainedLastReview >= e.MissedLastReview && e.ActionsLastReview > 0 && e.OverdueActions == 0:
			return AnswerYes, true
		}
		return AnswerPartly, true
	case 14: // KPIs revised within the last year
		switch last := daysSince(e.Now, e.LastKPIRevision); {
		case e.KPIRevisions == 0:
			return AnswerNo, true
		case last <= 365:
			return AnswerYes, true
		}
		return AnswerPartly, true
	}
	return AnswerNone, false
}
