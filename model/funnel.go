package model

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"golang.org/x/text/width"
)

// The shared funnel (docs/funnel.md): one list of stages every department
// reads the same way. A lead moves forward through LeadStages (リード → MQL →
// SQL → 商談 → 受注); a won lead becomes a customer who moves through the
// customer stages. Each stage has an owning department and a hand-off limit
// in business days.

// FunnelStage is a stage of the shared funnel.
type FunnelStage string

const (
	FunnelLead        FunnelStage = "lead"
	FunnelMQL         FunnelStage = "mql"
	FunnelSQL         FunnelStage = "sql"
	FunnelOpportunity FunnelStage = "opportunity"
	FunnelWon         FunnelStage = "won"
	FunnelOnboarding  FunnelStage = "onboarding"
	FunnelActive      FunnelStage = "active"
	FunnelChurned     FunnelStage = "churned"
)

// LeadStages are the stages of the funnel's figures, in order.
func LeadStages() []FunnelStage {
	return []FunnelStage{FunnelLead, FunnelMQL, FunnelSQL, FunnelOpportunity, FunnelWon}
}

// Stages lists every stage in funnel order: the lead stages, then the
// customer's.
func FunnelStages() []FunnelStage {
	return append(LeadStages(), FunnelOnboarding, FunnelActive, FunnelChurned)
}

// Valid reports whether s is a known stage.
func (s FunnelStage) Valid() bool { return s.Order() >= 0 }

// Order is the stage's place in Stages, -1 for an unknown stage.
func (s FunnelStage) Order() int {
	for i, x := range FunnelStages() {
		if s == x {
			return i
		}
	}
	return -1
}

// Next is the lead stage after s, "" after won or for a customer stage.
func (s FunnelStage) Next() FunnelStage {
	ls := LeadStages()
	for i, x := range ls[:len(ls)-1] {
		if x == s {
			return ls[i+1]
		}
	}
	return ""
}

// ParseFunnelStage reads a stage key.
func ParseFunnelStage(s string) (FunnelStage, error) {
	st := FunnelStage(strings.ToLower(strings.TrimSpace(s)))
	if !st.Valid() {
		keys := make([]string, 0, len(FunnelStages()))
		for _, x := range FunnelStages() {
			keys = append(keys, string(x))
		}
		return "", fmt.Errorf("unknown stage %q (want %s)", s, strings.Join(keys, ", "))
	}
	return st, nil
}

// StageDef is what a stage means, who owns it and how long a lead may stay
// in it before the owner must have moved it on.
type StageDef struct {
	Stage        FunnelStage
	DefinitionJA string
	DefinitionEN string
	Owner        Department
	// LimitDays is the hand-off limit in business days (IsBusinessDay);
	// 0 means the stage has none.
	LimitDays int
	// TargetRate is the share of the stage's leads that should reach the
	// next stage (the funnel names the step furthest below it); None when
	// the team set none.
	TargetRate Value
}

// Defined reports whether the stage has a written definition in either
// language.
func (d StageDef) Defined() bool {
	return strings.TrimSpace(d.DefinitionJA) != "" || strings.TrimSpace(d.DefinitionEN) != ""
}

// MaxLimitDays bounds a hand-off limit: more is a typing mistake.
const MaxLimitDays = 250

// CheckStageDef checks a definition before it is stored.
func CheckStageDef(d StageDef) error {
	if !d.Stage.Valid() {
		return fieldErr("stage", RefuseUnknownStage, d.Stage)
	}
	if !d.Owner.Valid() {
		return fieldErr("owner", RefuseUnknownDepartment, d.Owner)
	}
	if d.LimitDays < 0 || d.LimitDays > MaxLimitDays {
		return fieldErr("limit", RefuseLimitRange, d.LimitDays, MaxLimitDays)
	}
	if d.TargetRate.Valid && (d.TargetRate.V < 0 || d.TargetRate.V > 1) {
		return fieldErr("target", RefuseRateRange, d.TargetRate.V*100)
	}
	return nil
}

// DefaultStageDefs are the owners and limits before a team writes its own:
// Inside Sales contacts an MQL within 2 business days, Field Sales turns an
// SQL into an opportunity within 5. The MQL and SQL definitions are left
// for the team to write (checklist item 10 asks that it does); the other
// stages carry a plain default.
func DefaultStageDefs() []StageDef {
	return []StageDef{
		{FunnelLead, "問い合わせ・名刺・資料請求などで連絡先を得た見込み客", "A prospect whose contact details we hold (inquiry, card, download)", DeptMarketing, 0, None},
		{FunnelMQL, "", "", DeptInsideSales, 2, None},
		{FunnelSQL, "", "", DeptFieldSales, 5, None},
		{FunnelOpportunity, "金額と時期のある商談として登録された", "Registered as a deal with an amount and a timing", DeptFieldSales, 0, None},
		{FunnelWon, "契約を締結した", "The contract is signed", DeptCustomerSuccess, 0, None},
		{FunnelOnboarding, "契約後、利用開始に向けて導入支援中", "Signed, being helped to start using the product", DeptCustomerSuccess, 0, None},
		{FunnelActive, "継続して利用している", "Using the product regularly", DeptCustomerSuccess, 0, None},
		{FunnelChurned, "解約した", "Cancelled the contract", DeptCustomerSuccess, 0, None},
	}
}

// StageDefRevision is one revision of a stage's definition: the whole
// definition as it stands from EffectiveFrom.
type StageDefRevision struct {
	Revision
	Def StageDef
}

// StageDefsAsOf is the definitions in force on day: per stage the newest
// revision effective on or before day (revs in recorded order), else the
// default.
func StageDefsAsOf(revs []StageDefRevision, day time.Time) []StageDef {
	out := DefaultStageDefs()
	for i := range out {
		var best *StageDefRevision
		for j := range revs {
			r := &revs[j]
			if r.Def.Stage != out[i].Stage || (!r.EffectiveFrom.IsZero() && r.EffectiveFrom.After(Date(day))) {
				continue
			}
			if best == nil || !r.EffectiveFrom.Before(best.EffectiveFrom) {
				best = r
			}
		}
		if best != nil {
			out[i] = best.Def
		}
	}
	return out
}

// StageDefOf picks stage s from defs.
func StageDefOf(defs []StageDef, s FunnelStage) StageDef {
	for _, d := range defs {
		if d.Stage == s {
			return d
		}
	}
	return StageDef{Stage: s}
}

// StageMove is one entry of a lead's stage history: the lead reached Stage
// at At, recorded by the rep. A recycle moves a lead back to an earlier
// stage (nurture again, return to Inside Sales); it is the only way back
// and is counted apart.
type StageMove struct {
	ID      int64
	LeadID  int64
	Stage   FunnelStage
	At      time.Time
	RepID   int64
	RepName string
	Recycle bool
}

// CheckStageMove checks a move against the lead's creation day and its
// history so far (oldest first): a stage time before the lead was created,
// before its last move, a move backwards that is not marked a recycle, or
// a recycle that does not go back is refused.
func CheckStageMove(created time.Time, history []StageMove, mv StageMove) error {
	if !mv.Stage.Valid() {
		return fieldErr("stage", RefuseUnknownStage, mv.Stage)
	}
	if mv.At.IsZero() {
		return fieldErr("at", RefuseRequired)
	}
	if !created.IsZero() && Date(mv.At.UTC()).Before(Date(created)) {
		return fieldErr("at", RefuseStageBeforeCreated, mv.At.UTC().Format(time.RFC3339), FormatDate(created))
	}
	if len(history) == 0 {
		return nil
	}
	last := history[len(history)-1]
	if mv.At.Before(last.At) {
		return fieldErr("at", RefuseStageBeforeLast, mv.At.UTC().Format(time.RFC3339), last.At.UTC().Format(time.RFC3339))
	}
	back := mv.Stage.Order() < last.Stage.Order()
	if back && !mv.Recycle {
		return fieldErr("stage", RefuseBackwardsNotRecycle, mv.Stage, last.Stage)
	}
	if mv.Recycle && !back {
		return fieldErr("stage", RefuseRecycleNotBack, mv.Stage, last.Stage)
	}
	return nil
}

// DayStart is the time a stage reached on a day without a time of day is
// recorded at: the day's start in UTC (docs/funnel.md).
func DayStart(day time.Time) time.Time {
	y, m, d := day.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// ParseMoment reads a moment as a person types it: now, a day (its start
// in UTC, as the MQL/SQL days are recorded, docs/funnel.md), a time of day
// in now's zone (2026-11-20T10:30, 2026-11-20 10:30, with seconds or
// without), or RFC 3339. Full-width digits read as ASCII ones.
func ParseMoment(v string, now time.Time) (time.Time, error) {
	v = strings.TrimSpace(width.Narrow.String(v))
	if v == "" || v == "now" {
		return now, nil
	}
	inRange := func(t time.Time) (time.Time, error) {
		// Stored times compare as text: only four-digit years (ParseDate's).
		if t.Year() < MinYear || t.Year() > MaxYear {
			return time.Time{}, Refused(RefuseYearRange, v, MinYear, MaxYear)
		}
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return inRange(t)
	}
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
		if t, err := time.ParseInLocation(layout, v, now.Location()); err == nil {
			return inRange(t)
		}
	}
	if d, err := ParseDate(v); err == nil {
		return DayStart(d), nil
	}
	return time.Time{}, Refused(RefuseNotTime, v)
}

// HandoffDue is when a lead that reached a stage at reached must have left
// it: limitDays business days later at the same time of day in loc.
func HandoffDue(reached time.Time, limitDays int, loc *time.Location, yearEndClosure bool) time.Time {
	if loc == nil {
		loc = time.UTC
	}
	t := reached.In(loc)
	due := AddBusinessDaysWith(Date(t), limitDays, yearEndClosure)
	y, m, d := due.Date()
	return time.Date(y, m, d, t.Hour(), t.Minute(), t.Second(), 0, loc)
}

// StageWait is a lead whose current stage has a hand-off limit: where it
// stands and since when.
type StageWait struct {
	LeadID  int64
	Company string
	Stage   FunnelStage
	Since   time.Time
	RepName string // the lead's owner; "" when unassigned
}

// Overdue is a lead past its stage's hand-off limit.
type Overdue struct {
	StageWait
	Owner     Department // the stage's owning department
	Due       time.Time
	HoursOver float64
}

// OverdueLeads keeps the waits past their stage's limit at now, most
// overdue first (then by lead id).
func OverdueLeads(waits []StageWait, defs []StageDef, now time.Time, loc *time.Location, yearEndClosure bool) []Overdue {
	var out []Overdue
	for _, w := range waits {
		def := StageDefOf(defs, w.Stage)
		if def.LimitDays <= 0 {
			continue
		}
		due := HandoffDue(w.Since, def.LimitDays, loc, yearEndClosure)
		if !now.After(due) {
			continue
		}
		out = append(out, Overdue{StageWait: w, Owner: def.Owner, Due: due, HoursOver: now.Sub(due).Hours()})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].HoursOver != out[j].HoursOver {
			return out[i].HoursOver > out[j].HoursOver
		}
		return out[i].LeadID < out[j].LeadID
	})
	return out
}

// StageOverdue is one stage's leads past its hand-off limit: how many, and
// the most overdue of them (the first OverdueLeads would list).
type StageOverdue struct {
	Worst Overdue
	Count int
}

// CountOverdue sums OverdueLeads' list per stage, in the list's order.
func CountOverdue(overdue []Overdue) []StageOverdue {
	var out []StageOverdue
	at := map[FunnelStage]int{}
	for _, o := range overdue {
		i, ok := at[o.Stage]
		if !ok {
			out = append(out, StageOverdue{Worst: o})
			i = len(out) - 1
			at[o.Stage] = i
		}
		out[i].Count++
	}
	return out
}

// HandoffArrivalDays splits the days a lead can have reached a stage with
// a limit of limitDays business days, as seen on today (both days in the
// team's zone): a lead that arrived on a day before dueToday was due on an
// earlier day, so it is past its limit all of today; one that arrived on a
// day in [dueToday, dueAfter) is due today, at the time of day it arrived
// (HandoffDue); later ones are not due yet. AddBusinessDaysWith never moves
// a later day to an earlier one, so each part is a run of days, and a
// store can count the first part in an index range instead of judging
// every waiting lead.
func HandoffArrivalDays(limitDays int, today time.Time, yearEndClosure bool) (dueToday, dueAfter time.Time) {
	today = Date(today)
	d := today
	for AddBusinessDaysWith(d, limitDays, yearEndClosure).After(today) {
		d = d.AddDate(0, 0, -1)
	}
	dueAfter = d.AddDate(0, 0, 1)
	for AddBusinessDaysWith(d, limitDays, yearEndClosure).Equal(today) {
		d = d.AddDate(0, 0, -1)
	}
	return d.AddDate(0, 0, 1), dueAfter
}

// HandoffSameDueDays is the first day after arrived whose arrivals are due
// on a later day than arrived's: the leads that arrived in [arrived, that
// day) share one due day, so the most overdue of all lies among them when
// arrived is the earliest arrival.
func HandoffSameDueDays(arrived time.Time, limitDays int, yearEndClosure bool) time.Time {
	arrived = Date(arrived)
	due := AddBusinessDaysWith(arrived, limitDays, yearEndClosure)
	d := arrived.AddDate(0, 0, 1)
	for AddBusinessDaysWith(d, limitDays, yearEndClosure).Equal(due) {
		d = d.AddDate(0, 0, 1)
	}
	return d
}

// Percentile is the p-th percentile (0 ≤ p ≤ 1) of sorted values by linear
// interpolation between the closest ranks (docs/funnel.md): the value at
// position (n−1)·p, interpolated. None for no values.
func Percentile(sorted []float64, p float64) Value {
	n := len(sorted)
	if n == 0 {
		return None
	}
	h := float64(n-1) * p
	lo := int(math.Floor(h))
	if lo >= n-1 {
		return Some(sorted[n-1])
	}
	return Some(sorted[lo] + (h-float64(lo))*(sorted[lo+1]-sorted[lo]))
}
