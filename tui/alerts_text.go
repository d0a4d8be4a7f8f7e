package tui

import (
	"fmt"
	"sort"
	"strings"

	"github.com/kpit-dev/kpit/model"
)

// The wording of alerts, input rules and timeliness, shared by the alerts
// pane, the settings overlay and `kpit alerts` / `kpit rules` in text form.

// SeverityWord is an alert's band as a word with its SFA colour name, so
// the band reads without colour: "warning (yellow)", "注意(黄)".
func SeverityWord(l Lang, s model.Severity) string {
	if s == model.SeverityCritical {
		return l.T(msgSevCritical)
	}
	return l.T(msgSevWarning)
}

func recordKindWord(l Lang, k model.RecordKind) string {
	switch k {
	case model.RecordActivity:
		return l.T(msgKindActivity)
	case model.RecordOpportunity:
		return l.T(msgKindOpportunity)
	case model.RecordLead:
		return l.T(msgKindLead)
	}
	return l.T(msgKindCustomer)
}

// AlertText is one alert as a sentence, without its severity. It is
// composed here from the alert's fields, so a late activity without an
// account is named by its kind in the user's language (架電 #12, call #12).
func AlertText(l Lang, a model.Alert) string {
	switch a.Kind {
	case model.AlertLateEntry:
		what := recordKindWord(l, a.RecordKind)
		if a.RecordKind == model.RecordActivity && a.ActivityKind != "" {
			what = activityKindLabel(l, a.ActivityKind)
		}
		return l.T(msgAlertLate, what, a.RecordID, alertWho(l, a.RepName, a.Subject),
			model.FormatDate(a.Day), model.FormatDate(a.Due), a.Days)
	case model.AlertStaleRep:
		return l.T(msgAlertStale, a.RepName, a.Days, model.FormatDate(a.Day))
	case model.AlertStalledDeal:
		return l.T(msgAlertStalled, a.RecordID, alertWho(l, a.RepName, a.Subject), a.Days, model.FormatDate(a.Day))
	case model.AlertOverdueClose:
		return l.T(msgAlertOverdue, a.RecordID, alertWho(l, a.RepName, a.Subject), model.FormatDate(a.Day), a.Days)
	}
	return string(a.Kind)
}

// alertWho is the parenthesis of an alert: the rep, then the account or
// company when the record has one ("林 和也, ACME", "林 和也").
func alertWho(l Lang, rep, subject string) string {
	if rep == "" {
		rep = l.T(msgTimelyUnassigned)
	}
	if subject == "" {
		return rep
	}
	return rep + ", " + subject
}

// AlertKindWord is the short name of an alert rule.
func AlertKindWord(l Lang, k model.AlertKind) string {
	switch k {
	case model.AlertLateEntry:
		return l.T(msgRuleLate)
	case model.AlertStaleRep:
		return l.T(msgRuleStale)
	case model.AlertStalledDeal:
		return l.T(msgRuleStalled)
	}
	return l.T(msgRuleOverdue)
}

// DeadlineWord describes an entry deadline.
func DeadlineWord(l Lang, d model.EntryDeadline) string {
	switch d.Kind {
	case model.DeadlineSameDay:
		return l.T(msgDeadlineSameDay)
	case model.DeadlineDays:
		return l.T(msgDeadlineDays, d.Days)
	}
	return l.T(msgDeadlineNextBusinessDay)
}

// RulesLines lists the input rules, one per line.
func RulesLines(l Lang, r model.InputRules) []string {
	def := model.DefaultInputRules()
	mark := func(isDefault bool) string {
		if isDefault {
			return " " + l.T(msgRuleDefault)
		}
		return ""
	}
	var req []string
	for _, k := range []model.RecordKind{model.RecordActivity, model.RecordOpportunity, model.RecordLead} {
		if fs := r.Required[k]; len(fs) > 0 {
			req = append(req, recordKindWord(l, k)+": "+requiredText(l, fs))
		}
	}
	reqText := l.T(msgRuleNone)
	if len(req) > 0 {
		reqText = strings.Join(req, "; ")
	}
	stale := l.T(msgRuleStaleDays, r.StaleDays)
	if r.StaleDays == 0 {
		stale = l.T(msgRuleOff)
	}
	var names []string
	for n := range r.StaleDaysByRep {
		names = append(names, n)
	}
	sort.Strings(names)
	var per []string
	for _, n := range names {
		if d := r.StaleDaysByRep[n]; d == 0 {
			per = append(per, n+" "+l.T(msgRuleOff))
		} else {
			per = append(per, n+" "+l.T(msgRuleStaleDays, d))
		}
	}
	if len(per) > 0 {
		stale += " (" + strings.Join(per, ", ") + ")"
	}
	future := l.T(msgRuleFutureNone)
	if r.FutureDays > 0 {
		future = l.T(msgRuleFutureDays, r.FutureDays)
	}
	alerts := l.T(msgRuleOn)
	if !r.AlertsOn {
		alerts = l.T(msgRuleOff)
	}
	yearEnd := l.T(msgRuleYearEndOn)
	if !r.YearEndClosure {
		yearEnd = l.T(msgRuleOff)
	}
	row := func(label Text, value string) string { return padRight(l.T(label), 16) + "  " + value }
	return []string{
		row(msgRuleDeadline, DeadlineWord(l, r.Deadline)+mark(r.Deadline == def.Deadline)),
		row(msgRuleRequired, reqText),
		row(msgRuleStaleLimit, stale+mark(r.StaleDays == def.StaleDays && len(per) == 0)),
		row(msgRuleFuture, future),
		row(msgRuleAlerts, alerts),
		row(msgRuleYearEnd, yearEnd+mark(r.YearEndClosure == def.YearEndClosure)),
		l.T(msgRuleHolidays),
	}
}

// worstTimelinessFirst orders the reps of perRep by their share entered on
// the event day, lowest first (the ones to talk to), ties by name; reps
// without records, then records without a rep (""), come last.
func worstTimelinessFirst(perRep map[string]model.Timeliness) []string {
	names := make([]string, 0, len(perRep))
	for n := range perRep {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := names[i], names[j]
		if (a == "") != (b == "") {
			return b == ""
		}
		sa, sb := perRep[a].SameDayShare(), perRep[b].SameDayShare()
		if sa.Valid != sb.Valid {
			return sa.Valid
		}
		if sa.Valid && sa.V != sb.V {
			return sa.V < sb.V
		}
		return a < b
	})
	return names
}

// TimelinessLines shows the team's and each rep's share of records entered
// on the event day and within a day, beside the reference figures; the
// reps worst first.
func TimelinessLines(l Lang, team model.Timeliness, perRep map[string]model.Timeliness) []string {
	cell := func(n, total int, share model.Value) string {
		return fmt.Sprintf("%6s (%d/%d)", FormatPercent(share), n, total)
	}
	line := func(name string, t model.Timeliness) string {
		return padRight(name, 12) + "  " + padRight(cell(t.SameDay, t.Total, t.SameDayShare()), 20) + "  " +
			cell(t.WithinOneDay, t.Total, t.WithinOneDayShare())
	}
	out := []string{
		padRight("", 12) + "  " + padRight(l.T(msgTimelySameDay), 20) + "  " + l.T(msgTimelyOneDay),
		line(l.T(msgTimelyTeam), team),
		l.T(msgTimelyReference, FormatPercent(model.Some(model.RefEnteredImmediately)),
			FormatPercent(model.Some(model.RefEnteredDailyBatch)), model.RefEntrySource),
	}
	for _, n := range worstTimelinessFirst(perRep) {
		name := n
		if name == "" {
			name = l.T(msgTimelyUnassigned)
		}
		out = append(out, line(name, perRep[n]))
	}
	return out
}
