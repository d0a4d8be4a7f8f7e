package model

import (
	"math"
	"sort"
	"time"
)

// The KPI operations checklist (KPI設定・運用チェックリスト, domain.md section
// 5): 14 items, each answered yes / partly / no. This file holds the items as
// data, what the database can say about each (Evidence), the status the data
// suggests, and the diagnosis: a score, the gaps grouped by the failure
// pattern they lead to, and the next step for each. The wording of items and
// next steps is product text and lives in the TUI catalogue, keyed by the
// item number and NextStep.

// ChecklistGroup is one of the four groups the items are shown in.
type ChecklistGroup string

const (
	GroupDesign        ChecklistGroup = "design"        // 設計
	GroupSystem        ChecklistGroup = "system"        // 仕組み
	GroupCollaboration ChecklistGroup = "collaboration" // 部門連携
	GroupOperation     ChecklistGroup = "operation"     // 運用
)

// ChecklistGroups lists the groups in display order.
func ChecklistGroups() []ChecklistGroup {
	return []ChecklistGroup{GroupDesign, GroupSystem, GroupCollaboration, GroupOperation}
}

// FailurePattern is one of the three ways KPI management fails (domain.md
// section 4). A gap on a checklist item belongs to exactly one of them.
type FailurePattern int

const (
	// PatternLateDiscovery: figures gathered by hand in Excel and looked at
	// monthly, so a miss is seen too late to act on.
	PatternLateDiscovery FailurePattern = 1
	// PatternUnusedSFA: an SFA/CRM that nobody keeps up: vague input rules,
	// nobody watching a dashboard.
	PatternUnusedSFA FailurePattern = 2
	// PatternSiloedFunnel: each department chases its own numbers and leads
	// are not handed over, so conversion cannot improve.
	PatternSiloedFunnel FailurePattern = 3
)

// FailurePatterns lists the patterns in order.
func FailurePatterns() []FailurePattern {
	return []FailurePattern{PatternLateDiscovery, PatternUnusedSFA, PatternSiloedFunnel}
}

// Answer is the status of one checklist item. The zero value is unanswered.
type Answer string

const (
	AnswerNone   Answer = ""
	AnswerYes    Answer = "yes"
	AnswerPartly Answer = "partly"
	AnswerNo     Answer = "no"
)

// Valid reports whether a is yes, partly or no (unanswered is not valid to
// store).
func (a Answer) Valid() bool { return a == AnswerYes || a == AnswerPartly || a == AnswerNo }

// Points is what the answer adds to the score: yes 1, partly 0.5, else 0.
func (a Answer) Points() float64 {
	switch a {
	case AnswerYes:
		return 1
	case AnswerPartly:
		return 0.5
	}
	return 0
}

// Next is the answer after a in the toggle cycle yes → partly → no → yes;
// an unanswered item starts at yes.
func (a Answer) Next() Answer {
	switch a {
	case AnswerYes:
		return AnswerPartly
	case AnswerPartly:
		return AnswerNo
	}
	return AnswerYes
}

// Prev is the answer before a in the toggle cycle; an unanswered item starts
// at no.
func (a Answer) Prev() Answer {
	switch a {
	case AnswerNo:
		return AnswerPartly
	case AnswerPartly:
		return AnswerYes
	}
	return AnswerNo
}

// Screen identifiers a gap points at. The TUI maps each to a tab; a screen
// that does not exist yet maps to the nearest one that does.
const (
	FixTree      = "tree"
	FixStyles    = "styles"
	FixDashboard = "dashboard"
	FixImport    = "import"
	FixSettings  = "settings"
	FixAlerts    = "alerts"
	FixFunnel    = "funnel"
	FixReview    = "review"
)

// ChecklistItem is one of the 14 items.
type ChecklistItem struct {
	Number  int // 1..14, as in domain.md section 5
	Group   ChecklistGroup
	Pattern FailurePattern // the failure a gap on this item leads to
	Fix     string         // the screen that fixes a gap (Fix* constants)
	// NextStep names the next-step text in the catalogue.
	NextStep string
	// Evidenced says the database can suggest a status for this item.
	Evidenced bool
}

// ChecklistItemCount is the number of items; the score is out of this.
const ChecklistItemCount = 14

// ChecklistItems returns the 14 items in order.
//
// Why each item sits in its pattern:
//   - 1–4 (KGI, tree, 3–5 KPIs, targets with deadlines) → pattern 1. Without
//     a goal broken down into KPIs with numbers and dates, nothing can signal
//     a miss while it is small; the shortfall is found when the month is
//     totalled, too late.
//   - 5 (written definitions) → pattern 2. When nobody wrote down what
//     counts as an opportunity, each rep enters it differently and the SFA's
//     figures stop being trusted, then stop being entered.
//   - 6 (aggregated from records) → pattern 1: it is the manual-aggregation
//     pattern itself.
//   - 7–9 (fresh data on a dashboard, input rules, alerts on late input) →
//     pattern 2: the vague-rules, no-dashboard pattern.
//   - 10–11 (one MQL/SQL definition, a designed hand-off) → pattern 3.
//   - 12–14 (regular reviews, analysis of misses, revisiting KPIs) →
//     pattern 1: without a rhythm of review, figures are looked at when
//     someone asks, and a miss or an outdated KPI is discovered late.
func ChecklistItems() []ChecklistItem {
	return []ChecklistItem{
		{1, GroupDesign, PatternLateDiscovery, FixTree, "define-kgi", true},
		{2, GroupDesign, PatternLateDiscovery, FixTree, "build-tree", true},
		{3, GroupDesign, PatternLateDiscovery, FixStyles, "narrow-kpis", true},
		{4, GroupDesign, PatternLateDiscovery, FixTree, "set-targets", true},
		{5, GroupDesign, PatternUnusedSFA, FixTree, "write-definitions", true},
		{6, GroupSystem, PatternLateDiscovery, FixImport, "automate", true},
		{7, GroupSystem, PatternUnusedSFA, FixDashboard, "keep-fresh", true},
		{8, GroupSystem, PatternUnusedSFA, FixSettings, "write-input-rules", true},
		{9, GroupSystem, PatternUnusedSFA, FixAlerts, "turn-on-alerts", true},
		{10, GroupCollaboration, PatternSiloedFunnel, FixFunnel, "define-mql-sql", true},
		{11, GroupCollaboration, PatternSiloedFunnel, FixFunnel, "design-handoff", true},
		{12, GroupOperation, PatternLateDiscovery, FixReview, "hold-reviews", true},
		// The schema records reviews but not the actions taken on misses,
		// so item 13 is answered by the user alone.
		{13, GroupOperation, PatternLateDiscovery, FixReview, "analyse-misses", false},
		{14, GroupOperation, PatternLateDiscovery, FixStyles, "revisit-kpis", true},
	}
}

// ChecklistItemByNumber returns item n (1..14).
func ChecklistItemByNumber(n int) (ChecklistItem, bool) {
	if n < 1 || n > ChecklistItemCount {
		return ChecklistItem{}, false
	}
	return ChecklistItems()[n-1], true
}

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
	EntryDeadline  bool     // an entry deadline rule is configured
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
	HandoffRuleDays  int  // days a lead may wait at MQL; 0 when no rule
	HandoffRuleSet   bool
	LeadsStuckAtMQL  int // MQL leads waiting longer than the rule (or DefaultHandoffDays)
	HandoffLimitUsed int // the limit LeadsStuckAtMQL was counted against

	// Item 12: reviews.
	Reviews           int       // reviews ever held
	ReviewsLast90Days int       // reviews in the 90 days before Now
	LastReview        time.Time // zero when none
	ReviewCadenceDays float64   // median days between consecutive reviews; 0 with fewer than two
	KPIRevisions      int
	LastKPIRevision   time.Time // zero when none
}

// DefaultHandoffDays is the wait at MQL after which a lead is counted as
// stuck when no hand-off rule is set.
const DefaultHandoffDays = 7

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
		case len(e.InputRules) > 0:
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

// ItemResult is one item in a diagnosis.
type ItemResult struct {
	Item      ChecklistItem
	Answer    Answer // what the user answered; AnswerNone when unanswered
	Suggested Answer // what the data suggests; AnswerNone when it cannot tell
	// Effective is the answer the score uses: the user's, else the
	// suggestion, else unanswered (0 points).
	Effective Answer
}

// FromSuggestion reports that the item's effective status came from the
// data, not the user.
func (r ItemResult) FromSuggestion() bool { return r.Answer == AnswerNone && r.Suggested != AnswerNone }

// Gap is an item whose effective status is not yes.
type Gap struct {
	Item     ChecklistItem
	Status   Answer // partly, no, or AnswerNone when unanswered
	NextStep string
	Fix      string
}

// PatternGaps is the gaps that lead to one failure pattern.
type PatternGaps struct {
	Pattern FailurePattern
	Gaps    []Gap
}

// Diagnosis is the checklist scored.
type Diagnosis struct {
	Items      []ItemResult // the 14 items in order
	Score      float64      // yes 1, partly 0.5, no 0; out of ChecklistItemCount
	Answered   int          // items the user answered
	Unanswered int          // items with neither an answer nor a suggestion
	Gaps       []PatternGaps
}

// Percent is the score as a percentage of the maximum.
func (d Diagnosis) Percent() float64 { return d.Score / ChecklistItemCount * 100 }

// GapCount is the number of gaps across all patterns.
func (d Diagnosis) GapCount() int {
	n := 0
	for _, p := range d.Gaps {
		n += len(p.Gaps)
	}
	return n
}

// Diagnose scores the checklist from the user's answers (keyed by item
// number) and the evidence. An item the user has not answered takes the
// status the data suggests, so a first diagnosis is useful before any
// answer is given. The gaps come grouped by failure pattern in pattern
// order (a pattern with no gap is left out), items in number order.
func Diagnose(answers map[int]Answer, e Evidence) Diagnosis {
	var d Diagnosis
	byPattern := map[FailurePattern][]Gap{}
	for _, it := range ChecklistItems() {
		r := ItemResult{Item: it, Answer: answers[it.Number]}
		if !r.Answer.Valid() {
			r.Answer = AnswerNone
		}
		if s, ok := SuggestAnswer(it.Number, e); ok {
			r.Suggested = s
		}
		r.Effective = r.Answer
		if r.Effective == AnswerNone {
			r.Effective = r.Suggested
		}
		switch {
		case r.Answer != AnswerNone:
			d.Answered++
		case r.Effective == AnswerNone:
			d.Unanswered++
		}
		d.Score += r.Effective.Points()
		if r.Effective != AnswerYes {
			byPattern[it.Pattern] = append(byPattern[it.Pattern], Gap{Item: it, Status: r.Effective, NextStep: it.NextStep, Fix: it.Fix})
		}
		d.Items = append(d.Items, r)
	}
	for _, p := range FailurePatterns() {
		if g := byPattern[p]; len(g) > 0 {
			d.Gaps = append(d.Gaps, PatternGaps{Pattern: p, Gaps: g})
		}
	}
	return d
}

// ChecklistAnswer is one stored answer. Answers are history: a new answer to
// an item is a new row, never an overwrite.
type ChecklistAnswer struct {
	Item       int
	Status     Answer
	AnsweredAt time.Time
}

// AnswersAsOf is the latest answer per item at or before t, from a history
// in any order.
func AnswersAsOf(history []ChecklistAnswer, t time.Time) map[int]Answer {
	latest := map[int]ChecklistAnswer{}
	for _, a := range history {
		if a.AnsweredAt.After(t) {
			continue
		}
		if cur, ok := latest[a.Item]; !ok || !a.AnsweredAt.Before(cur.AnsweredAt) {
			latest[a.Item] = a
		}
	}
	out := make(map[int]Answer, len(latest))
	for n, a := range latest {
		out[n] = a.Status
	}
	return out
}

// PreviousDiagnosisDay is the last calendar day (UTC) before the day of the
// newest answer on which answers were given: the diagnosis to compare the
// current one with. ok is false when all answers were given on one day.
func PreviousDiagnosisDay(history []ChecklistAnswer) (day time.Time, ok bool) {
	var newest time.Time
	for _, a := range history {
		if a.AnsweredAt.After(newest) {
			newest = a.AnsweredAt
		}
	}
	today := Date(newest)
	for _, a := range history {
		d := Date(a.AnsweredAt)
		if d.Before(today) && d.After(day) {
			day, ok = d, true
		}
	}
	return day, ok
}
