package model

import "time"

// The KPI operations checklist (KPI設定・運用チェックリスト, docs/checklist.md):
// 14 items, each answered yes / partly / no. This file holds the items as
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

// FailurePattern is one of the three ways KPI management fails
// (docs/checklist.md). A gap on a checklist item belongs to exactly one of them.
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
	Number  int // 1..14, as in docs/checklist.md
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
		// Item 13 reads the causes and actions recorded in the review tab.
		{13, GroupOperation, PatternLateDiscovery, FixReview, "analyse-misses", true},
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
