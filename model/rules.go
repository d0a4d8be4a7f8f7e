package model

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// DeadlineKind is how the entry deadline is counted from the event day.
type DeadlineKind string

const (
	DeadlineSameDay         DeadlineKind = "same-day"          // entered on the event day
	DeadlineNextBusinessDay DeadlineKind = "next-business-day" // by the next business day (IsBusinessDay)
	DeadlineDays            DeadlineKind = "days"              // within N calendar days
)

// EntryDeadline is the input rule for when a record must be entered.
// Business days skip Saturdays, Sundays and Japanese public holidays
// (JapaneseHoliday), and the year-end closure when InputRules has it on.
type EntryDeadline struct {
	Kind DeadlineKind
	Days int // for DeadlineDays
}

// ParseDeadline reads same-day, next-business-day or Nd (3d = three
// calendar days after the event).
func ParseDeadline(s string) (EntryDeadline, error) {
	in := strings.ToLower(strings.TrimSpace(s))
	switch in {
	case "same-day", "sameday", "0d":
		return EntryDeadline{Kind: DeadlineSameDay}, nil
	case "next-business-day", "nbd":
		return EntryDeadline{Kind: DeadlineNextBusinessDay}, nil
	}
	if n, err := strconv.Atoi(strings.TrimSuffix(in, "d")); err == nil && strings.HasSuffix(in, "d") && n > 0 && n <= 365 {
		return EntryDeadline{Kind: DeadlineDays, Days: n}, nil
	}
	return EntryDeadline{}, fmt.Errorf("deadline %q: want same-day, next-business-day or Nd (1d to 365d)", s)
}

// String writes the deadline in the form ParseDeadline reads.
func (d EntryDeadline) String() string {
	switch d.Kind {
	case DeadlineSameDay:
		return "same-day"
	case DeadlineDays:
		return fmt.Sprintf("%dd", d.Days)
	default:
		return "next-business-day"
	}
}

// Due is the last day on which a record of the event day is on time,
// counting business days without the year-end closure (InputRules.Due
// follows the team's closure setting).
func (d EntryDeadline) Due(event time.Time) time.Time { return d.DueWith(event, false) }

// DueWith is Due with the year-end closure (12/29–1/3) on or off.
func (d EntryDeadline) DueWith(event time.Time, yearEndClosure bool) time.Time {
	day := Date(event)
	switch d.Kind {
	case DeadlineSameDay:
		return day
	case DeadlineDays:
		return day.AddDate(0, 0, d.Days)
	default:
		return AddBusinessDaysWith(day, 1, yearEndClosure)
	}
}

// AddBusinessDays moves n business days on from day, skipping Saturdays,
// Sundays and Japanese public holidays (no year-end closure).
func AddBusinessDays(day time.Time, n int) time.Time { return AddBusinessDaysWith(day, n, false) }

// AddBusinessDaysWith is AddBusinessDays that also skips 12/29–1/3 when
// yearEndClosure is on.
func AddBusinessDaysWith(day time.Time, n int, yearEndClosure bool) time.Time {
	d := Date(day)
	for n > 0 {
		d = d.AddDate(0, 0, 1)
		if IsBusinessDay(d, yearEndClosure) {
			n--
		}
	}
	return d
}

// RequirableFields lists, per record kind, the fields an input rule can make
// required.
func RequirableFields() map[RecordKind][]string {
	return map[RecordKind][]string{
		RecordActivity:    {"account", "note", "opportunity"},
		RecordOpportunity: {"amount", "account", "product", "stage", "closed", "lost_reason"},
		RecordLead:        {"company", "contact", "source", "rep"},
	}
}

// ParseRequired reads one required-fields rule: opportunity=amount,account.
// An empty list (opportunity=) clears the rule for that kind.
func ParseRequired(s string) (RecordKind, []string, error) {
	k, v, ok := strings.Cut(strings.TrimSpace(s), "=")
	if !ok {
		return "", nil, fmt.Errorf("require %q: want KIND=FIELD,FIELD (e.g. opportunity=amount,account)", s)
	}
	kind := RecordKind(strings.TrimSpace(k))
	allowed, known := RequirableFields()[kind]
	if !known {
		return "", nil, fmt.Errorf("require %q: unknown record kind %q (want activity, opportunity or lead)", s, k)
	}
	var fields []string
	for _, f := range strings.Split(v, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if !contains(allowed, f) {
			return "", nil, fmt.Errorf("require %q: %s has no field %q (want %s)", s, kind, f, strings.Join(allowed, ", "))
		}
		if !contains(fields, f) {
			fields = append(fields, f)
		}
	}
	return kind, fields, nil
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// InputRules are the team's written rules for entering records (checklist
// item 8) and the switch for the alerts that enforce them (item 9).
type InputRules struct {
	Deadline       EntryDeadline
	Required       map[RecordKind][]string
	StaleDays      int            // a rep with no entry for longer than this is stale
	StaleDaysByRep map[string]int // per-rep override by rep name; 0 turns the check off for that rep
	FutureDays     int            // how far ahead of today an event date may lie
	AlertsOn       bool
	// YearEndClosure closes the company from 29 December to 3 January:
	// those days are not business days either (default on).
	YearEndClosure bool
	Configured     bool // some rule was set explicitly (not only defaults)
	// TextChars bounds a text field's characters (0: DefaultLimits'). It
	// is the reader's Limits.TextChars (the config file's [limits]), not a
	// rule of the database: the store sets it from the limits it was given.
	TextChars int
}

// textChars is the bound on a text field's characters the rules carry.
func (r InputRules) textChars() int {
	if r.TextChars > 0 {
		return r.TextChars
	}
	return DefaultLimits().TextChars
}

// DefaultInputRules are the rules before a team sets its own: enter by the
// next business day, a rep is stale after 7 days without an entry, no
// future event dates, alerts on, closed over the year end.
func DefaultInputRules() InputRules {
	return InputRules{
		Deadline:       EntryDeadline{Kind: DeadlineNextBusinessDay},
		Required:       map[RecordKind][]string{},
		StaleDays:      7,
		StaleDaysByRep: map[string]int{},
		AlertsOn:       true,
		YearEndClosure: true,
	}
}

// Due is the last day on which a record of the event day is on time under
// these rules (the deadline with the team's year-end closure setting).
func (r InputRules) Due(event time.Time) time.Time {
	return r.Deadline.DueWith(event, r.YearEndClosure)
}

// StaleLimit is the staleness limit in days for one rep.
func (r InputRules) StaleLimit(repName string) int {
	if n, ok := r.StaleDaysByRep[repName]; ok {
		return n
	}
	return r.StaleDays
}

// Bands for an open opportunity with no activity, as SFA tools colour them:
// yellow from 7 days, red from 30.
const (
	StallWarnDays     = 7
	StallCriticalDays = 30
)

// LateEntryWindowDays is how far back late entries stay open as alerts:
// a record entered late more than this many days ago is history, shown in
// the timeliness figures but no longer an alert.
const LateEntryWindowDays = 7

// AlertKind names an alert rule.
type AlertKind string

const (
	AlertLateEntry    AlertKind = "late_entry"    // entered after the deadline
	AlertStaleRep     AlertKind = "stale_rep"     // no entry for longer than the limit
	AlertStalledDeal  AlertKind = "stalled_deal"  // open deal with no activity for 7/30 days
	AlertOverdueClose AlertKind = "overdue_close" // open deal whose expected close date passed
	// AlertOverdueAction is an action agreed in a review still open after
	// its due day (ReviewAction.Overdue).
	AlertOverdueAction AlertKind = "overdue_action"
	// AlertHandoffOverdue is one alert per funnel stage with leads past its
	// hand-off limit (docs/funnel.md): one line for the stage, not one per
	// lead, and the Funnel tab lists the leads.
	AlertHandoffOverdue AlertKind = "handoff_overdue"
)

// Severity is an alert's band, always shown with its word, never by colour
// alone.
type Severity string

const (
	SeverityWarning  Severity = "warning"  // yellow
	SeverityCritical Severity = "critical" // red
)

// Alert is one open alert.
type Alert struct {
	Kind       AlertKind
	Severity   Severity
	RepName    string
	RecordKind RecordKind // for late entries and deals
	RecordID   int64
	Subject    string // account, company or rep the alert is about; empty for an activity without an account
	// ActivityKind is a late activity's kind, so the wording can name it
	// (架電, call) when the activity has no account.
	ActivityKind ActivityKind
	Day          time.Time // the event day, last entry day or expected close day
	Due          time.Time // for late entries: the day it was due
	Days         int       // days late, stale, stalled or overdue
	// Count is how many leads a hand-off alert is about; its RecordID is
	// the most overdue of them and Subject their stage.
	Count int
}

// EntryFact is one record's event day and entry time, for the late-entry
// rule and the timeliness figures.
type EntryFact struct {
	Kind      RecordKind
	ID        int64
	RepName   string
	Subject   string       // account or company; empty when the record has none
	Activity  ActivityKind // an activity's kind; empty for other records
	Event     time.Time
	EnteredAt time.Time
}

// RepFact is one active rep and the time of their newest entry (zero when
// they never entered anything; then Since, the rep's creation, counts).
type RepFact struct {
	Name        string
	LastEntered time.Time
	Since       time.Time
}

// DealFact is one open opportunity. ExpectedClose is its close date: on an
// open deal, kpit reads the closed column as the expected close date.
type DealFact struct {
	ID            int64
	ExternalID    string
	RepName       string
	Account       string
	Created       time.Time
	ExpectedClose time.Time
	LastActivity  time.Time // newest activity on the deal or change to it; zero when none
}

// AlertInput is everything the alert rules look at, with the clock.
type AlertInput struct {
	Now     time.Time
	Loc     *time.Location // the team's time zone, for "which day was it entered"
	Rules   InputRules
	Entries []EntryFact
	Reps    []RepFact
	Deals   []DealFact
	Actions []ReviewAction // the review actions still open
	Overdue []StageOverdue // leads past their stage's hand-off limit, per stage (CountOverdue)
}

// localDay is the calendar day of instant t in loc.
func localDay(t time.Time, loc *time.Location) time.Time {
	if loc == nil {
		loc = time.Local
	}
	return Date(t.In(loc))
}

func daysBetween(from, to time.Time) int {
	return int(Date(to).Sub(Date(from)).Hours()/24 + 0.5)
}

// EvaluateAlerts applies the alert rules. With alerts off it returns none.
// Alerts come ordered by kind, then severity (critical first), then most
// days first.
func EvaluateAlerts(in AlertInput) []Alert {
	if !in.Rules.AlertsOn {
		return nil
	}
	today := localDay(in.Now, in.Loc)
	var out []Alert
	windowStart := today.AddDate(0, 0, -LateEntryWindowDays)
	for _, e := range in.Entries {
		entered := localDay(e.EnteredAt, in.Loc)
		if entered.Before(windowStart) {
			continue
		}
		due := in.Rules.Due(e.Event)
		if entered.After(due) {
			out = append(out, Alert{Kind: AlertLateEntry, Severity: SeverityWarning, RepName: e.RepName,
				RecordKind: e.Kind, RecordID: e.ID, Subject: e.Subject, ActivityKind: e.Activity, Day: Date(e.Event),
				Due: due, Days: daysBetween(due, entered)})
		}
	}
	for _, r := range in.Reps {
		limit := in.Rules.StaleLimit(r.Name)
		if limit <= 0 {
			continue
		}
		last := r.LastEntered
		if last.IsZero() {
			last = r.Since
		}
		if last.IsZero() {
			continue
		}
		days := daysBetween(localDay(last, in.Loc), today)
		if days > limit {
			sev := SeverityWarning
			if days > 2*limit {
				sev = SeverityCritical
			}
			out = append(out, Alert{Kind: AlertStaleRep, Severity: sev, RepName: r.Name, Subject: r.Name,
				Day: localDay(last, in.Loc), Days: days})
		}
	}
	for _, d := range in.Deals {
		last := d.Created
		if d.LastActivity.After(last) {
			last = d.LastActivity
		}
		if days := daysBetween(last, today); days >= StallWarnDays {
			sev := SeverityWarning
			if days >= StallCriticalDays {
				sev = SeverityCritical
			}
			out = append(out, Alert{Kind: AlertStalledDeal, Severity: sev, RepName: d.RepName,
				RecordKind: RecordOpportunity, RecordID: d.ID, Subject: d.Account, Day: Date(last), Days: days})
		}
		if !d.ExpectedClose.IsZero() && Date(d.ExpectedClose).Before(today) {
			out = append(out, Alert{Kind: AlertOverdueClose, Severity: SeverityCritical, RepName: d.RepName,
				RecordKind: RecordOpportunity, RecordID: d.ID, Subject: d.Account, Day: Date(d.ExpectedClose),
				Days: daysBetween(d.ExpectedClose, today)})
		}
	}
	for _, a := range in.Actions {
		if a.Overdue(today) {
			out = append(out, Alert{Kind: AlertOverdueAction, Severity: SeverityWarning, RepName: a.RepName,
				RecordID: a.ID, Subject: a.Text, Day: Date(a.Due), Days: daysBetween(a.Due, today)})
		}
	}
	out = append(out, handoffAlerts(in.Overdue)...)
	order := map[AlertKind]int{AlertOverdueClose: 0, AlertStalledDeal: 1, AlertStaleRep: 2, AlertLateEntry: 3, AlertOverdueAction: 4, AlertHandoffOverdue: 5}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if order[a.Kind] != order[b.Kind] {
			return order[a.Kind] < order[b.Kind]
		}
		if a.Severity != b.Severity {
			return a.Severity == SeverityCritical
		}
		if a.Days != b.Days {
			return a.Days > b.Days
		}
		if a.Kind == AlertStaleRep && a.RepName != b.RepName {
			return a.RepName < b.RepName
		}
		return a.RecordID < b.RecordID
	})
	return out
}

// handoffDaysCritical is how many days past its limit the most overdue
// lead of a stage must be for the stage's alert to be critical.
const handoffDaysCritical = 5

// handoffAlerts is one alert per stage with overdue leads: how many, and
// the worst.
func handoffAlerts(overdue []StageOverdue) []Alert {
	var out []Alert
	for _, s := range overdue {
		o := s.Worst
		days := int(o.HoursOver / 24)
		sev := SeverityWarning
		if days > handoffDaysCritical {
			sev = SeverityCritical
		}
		out = append(out, Alert{Kind: AlertHandoffOverdue, Severity: sev, RepName: o.RepName, RecordKind: RecordLead,
			RecordID: o.LeadID, Subject: string(o.Stage), Day: Date(o.Due), Days: days, Count: s.Count})
	}
	return out
}

// Reference figures with their sources: docs/reference-figures.md.
const (
	RefEnteredImmediately = 0.402 // SFA/CRM input entered immediately
	RefEnteredDailyBatch  = 0.322 // entered in a daily batch
	RefEntrySource        = "PRIZMA, Oct 2025, n=1,034"
	RefPersonDependence   = 0.385 // BtoB sales organisations reporting person-dependence issues
)

// Timeliness counts records by how soon they were entered after their
// event day.
type Timeliness struct {
	Total        int
	SameDay      int // entered on (or before) the event day
	WithinOneDay int // entered by the day after the event (includes SameDay)
}

// SameDayShare is SameDay/Total, undefined with no records.
func (t Timeliness) SameDayShare() Value { return Ratio(float64(t.SameDay), float64(t.Total)) }

// WithinOneDayShare is WithinOneDay/Total, undefined with no records.
func (t Timeliness) WithinOneDayShare() Value {
	return Ratio(float64(t.WithinOneDay), float64(t.Total))
}

// MeasureTimeliness counts entries for the team and per rep name.
func MeasureTimeliness(entries []EntryFact, loc *time.Location) (team Timeliness, perRep map[string]Timeliness) {
	perRep = map[string]Timeliness{}
	for _, e := range entries {
		entered := localDay(e.EnteredAt, loc)
		ev := Date(e.Event)
		r := perRep[e.RepName]
		r.Total++
		team.Total++
		if !entered.After(ev) {
			r.SameDay++
			team.SameDay++
		}
		if !entered.After(ev.AddDate(0, 0, 1)) {
			r.WithinOneDay++
			team.WithinOneDay++
		}
		perRep[e.RepName] = r
	}
	return team, perRep
}
