package model

import (
	"fmt"
	"strings"
	"time"
)

// A review is the team's weekly or monthly look at its KPIs (the 定例会 and,
// with the pipeline, the ヨミ会): what every KPI stood at that moment, why the
// missed ones missed and what the team will do about it (docs/review.md).

// CauseCategory is the kind of reason a KPI missed its target.
type CauseCategory string

const (
	CauseVolume      CauseCategory = "volume"       // too few leads, visits, opportunities
	CauseConversion  CauseCategory = "conversion"   // a stage converts too little
	CauseDealSize    CauseCategory = "deal_size"    // deals smaller than planned
	CauseTiming      CauseCategory = "timing"       // deals slip to a later period
	CauseDataQuality CauseCategory = "data_quality" // the figure is wrong: late or missing entries
)

// CauseCategories lists the categories in the order they are offered.
func CauseCategories() []CauseCategory {
	return []CauseCategory{CauseVolume, CauseConversion, CauseDealSize, CauseTiming, CauseDataQuality}
}

// Valid reports whether c is one of the categories.
func (c CauseCategory) Valid() bool {
	for _, x := range CauseCategories() {
		if c == x {
			return true
		}
	}
	return false
}

// ActionStatus is where an action agreed in a review stands.
type ActionStatus string

const (
	ActionOpen    ActionStatus = "open"
	ActionDone    ActionStatus = "done"
	ActionDropped ActionStatus = "dropped"
)

// ActionStatuses lists the statuses in the order a key cycles them.
func ActionStatuses() []ActionStatus { return []ActionStatus{ActionOpen, ActionDone, ActionDropped} }

// Valid reports whether s is one of the statuses.
func (s ActionStatus) Valid() bool { return s == ActionOpen || s == ActionDone || s == ActionDropped }

// Next is the status after s in ActionStatuses, wrapping round.
func (s ActionStatus) Next() ActionStatus {
	all := ActionStatuses()
	for i, x := range all {
		if x == s {
			return all[(i+1)%len(all)]
		}
	}
	return ActionOpen
}

// ReviewKPI is one KPI as it stood when a review was saved: stored values,
// so later edits of the records never change a saved review.
type ReviewKPI struct {
	Key            string
	NameJA, NameEN string
	Unit           Unit
	KGI            bool // the KGI's metric
	Main           bool // a main KPI (a slide of its own)
	Actual         Value
	Target         Value
	Achievement    Value
	Status         Status
	// RootShare is the KPI's share of the KGI's gap (tree nodes only).
	RootShare Value
}

// ReviewNote is a cause recorded on a missed KPI.
type ReviewNote struct {
	ID       int64
	KPIKey   string
	Category CauseCategory
	Text     string
}

// ReviewAction is an action agreed in a review: who does what by when.
type ReviewAction struct {
	ID       int64
	ReviewID int64 // the review it was created in; 0 until that review is saved
	KPIKey   string
	Text     string
	RepID    int64
	RepName  string
	Due      time.Time
	Status   ActionStatus
}

// Overdue reports whether the action is still open after its due day.
func (a ReviewAction) Overdue(today time.Time) bool {
	return a.Status == ActionOpen && !a.Due.IsZero() && Date(today).After(Date(a.Due))
}

// SavedReview is one review as it was saved.
type SavedReview struct {
	ID     int64
	Period Period
	HeldOn time.Time // the day
	HeldAt time.Time // the moment it was saved; zero for a review recorded only by its day
	// KPIs is the snapshot, the KGI first; empty for a review recorded
	// only by its day.
	KPIs []ReviewKPI
	// MainCause is the KPI that explained most of the KGI's miss then.
	MainCause      string
	MainCauseShare Value
	// Forecast is the pipeline forecast as it stood (JSON as the forecast
	// engine writes it); empty when there was none.
	Forecast string
	Summary  string // free notes of the meeting
	Notes    []ReviewNote
	// Actions are the actions as they stood in this review: created in it,
	// or carried into it with the status given then.
	Actions []ReviewAction
}

// KPI is the snapshot of key, if the review has one.
func (r SavedReview) KPI(key string) (ReviewKPI, bool) {
	for _, k := range r.KPIs {
		if k.Key == key {
			return k, true
		}
	}
	return ReviewKPI{}, false
}

// ReviewDraft is what a review saves: the snapshot, the notes and new
// actions recorded in it, and the status it gave each action carried in.
type ReviewDraft struct {
	Period         Period
	HeldAt         time.Time
	KPIs           []ReviewKPI
	MainCause      string
	MainCauseShare Value
	Forecast       string
	Summary        string
	Notes          []ReviewNote
	NewActions     []ReviewAction
	// Carried is every action open when the review began, with the
	// status given in it.
	Carried []ReviewAction
}

// Check refuses a draft that cannot be saved, naming what is wrong.
func (d ReviewDraft) Check() error {
	if d.Period.Start.IsZero() {
		return fmt.Errorf("review: no period")
	}
	for _, n := range d.Notes {
		if !n.Category.Valid() {
			return fmt.Errorf("review note on %s: category %q is not one of volume, conversion, deal_size, timing, data_quality", n.KPIKey, n.Category)
		}
		if strings.TrimSpace(n.Text) == "" {
			return fmt.Errorf("review note on %s: no text", n.KPIKey)
		}
	}
	for _, a := range append(append([]ReviewAction(nil), d.NewActions...), d.Carried...) {
		if strings.TrimSpace(a.Text) == "" {
			return fmt.Errorf("review action: no text")
		}
		if a.RepID == 0 {
			return fmt.Errorf("review action %q: no owner", a.Text)
		}
		if a.Due.IsZero() {
			return fmt.Errorf("review action %q: no due date", a.Text)
		}
		if !a.Status.Valid() {
			return fmt.Errorf("review action %q: status %q is not open, done or dropped", a.Text, a.Status)
		}
	}
	return nil
}

// Missed reports whether a status is a miss a review looks into: off track
// or at risk. A review names the causes of a KGI's miss only then (a KGI
// within a few percent of its target splits into meaningless shares).
func (s Status) Missed() bool { return s == StatusOffTrack || s == StatusAtRisk }
