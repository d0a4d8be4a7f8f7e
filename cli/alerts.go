package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
)

const alertsUsage = `alerts [--db PATH] [--format text|json] [--now RFC3339] [--lang ja|en]

Exit status: 1 when any alert is open, 0 when none, 2 on an error, so it can run from cron.
The text form also shows the input timeliness of the last 30 days beside the reference figures.`

// TimelinessDays is the window of `kpit alerts`' timeliness figures: the
// records whose event day lies in the last 30 days, today included.
const timelinessDays = 30

func runAlerts(e env) int {
	fs := newFlagSet(e, "alerts", alertsUsage)
	db := dbFlag(fs)
	format := fs.String("format", "text", "output `FORMAT`: text or json")
	nowFlag := fs.String("now", "", "evaluate at this `TIME` (RFC 3339, e.g. 2026-11-20T09:00:00+09:00) instead of now")
	lang := langFlag(fs)
	if st, stop := parseOnlyFlags(e, fs, e.args); stop {
		return st
	}
	if *format != "text" && *format != "json" {
		return fail(e, "alerts", model.Refused(model.RefuseFlagWant, "format", *format, model.Choices{"text", "json"}))
	}
	l, err := e.lang(*lang)
	if err != nil {
		return fail(e, "alerts", err)
	}
	now, loc := clock(), time.Local
	if *nowFlag != "" {
		t, err := time.Parse(time.RFC3339, *nowFlag)
		if err != nil {
			return fail(e, "alerts", model.BadFlag("now", model.RefuseNotRFC3339, *nowFlag))
		}
		now, loc = t, t.Location()
	}
	st, err := e.openExisting(*db)
	if err != nil {
		return fail(e, "alerts", err)
	}
	defer st.Close()
	ctx := context.Background()
	alerts, rules, err := st.Alerts(ctx, now, loc)
	if err != nil {
		return fail(e, "alerts", err)
	}
	today := model.Date(now.In(loc))
	from, to := today.AddDate(0, 0, 1-timelinessDays), today.AddDate(0, 0, 1)
	team, perRep, err := st.Timeliness(ctx, from, to, loc)
	if err != nil {
		return fail(e, "alerts", err)
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(alertsJSON(now, rules, alerts, from, to, team, perRep)); err != nil {
			return fail(e, "alerts", model.Refused(model.RefuseWriteJSON, err))
		}
	} else {
		writeAlertsText(e, l, today, rules, alerts, team, perRep)
	}
	if len(alerts) > 0 {
		return exitFail
	}
	return exitOK
}

func writeAlertsText(e env, l catalog.Lang, today time.Time, rules model.InputRules, alerts []model.Alert,
	team model.Timeliness, perRep map[string]model.Timeliness) {
	w := e.stdout
	switch {
	case !rules.AlertsOn:
		fmt.Fprintln(w, l.T(catalog.AlertsOffCommand))
	case len(alerts) == 0:
		fmt.Fprint(w, l.T(catalog.AlertsNoneOn, model.FormatDate(today)))
	default:
		fmt.Fprint(w, l.T(catalog.AlertsOpenOn, model.FormatDate(today), len(alerts)))
		for _, a := range alerts {
			fmt.Fprintf(w, "  [%s] %s: %s\n", catalog.SeverityWord(l, a.Severity), catalog.AlertKindWord(l, a.Kind), catalog.AlertText(l, a))
		}
	}
	fmt.Fprintln(w)
	fmt.Fprint(w, l.T(catalog.TimelinessHeading, timelinessDays, catalog.DeadlineWord(l, rules.Deadline)))
	for _, line := range catalog.TimelinessLines(l, team, perRep) {
		fmt.Fprintln(w, "  "+line)
	}
}

type alertJSON struct {
	Kind       string `json:"kind"`
	Severity   string `json:"severity"`
	Rep        string `json:"rep,omitempty"`
	RecordKind string `json:"record_kind,omitempty"`
	RecordID   int64  `json:"record_id,omitempty"`
	Subject    string `json:"subject,omitempty"`
	// ActivityKind is a late activity's kind (visit, call, ...); subject
	// falls back to it when the activity has no account, as it always did.
	ActivityKind string `json:"activity_kind,omitempty"`
	Day          string `json:"day"`
	Due          string `json:"due,omitempty"`
	Days         int    `json:"days"`
	// Count is how many leads a handoff_overdue alert is about.
	Count int `json:"count,omitempty"`
}

type timelinessJSON struct {
	Total             int      `json:"total"`
	SameDay           int      `json:"same_day"`
	WithinOneDay      int      `json:"within_one_day"`
	SameDayShare      *float64 `json:"same_day_share"`
	WithinOneDayShare *float64 `json:"within_one_day_share"`
}

func toTimelinessJSON(t model.Timeliness) timelinessJSON {
	return timelinessJSON{Total: t.Total, SameDay: t.SameDay, WithinOneDay: t.WithinOneDay,
		SameDayShare: jsonNum(t.SameDayShare()), WithinOneDayShare: jsonNum(t.WithinOneDayShare())}
}

func alertsJSON(now time.Time, rules model.InputRules, alerts []model.Alert, from, to time.Time,
	team model.Timeliness, perRep map[string]model.Timeliness) any {
	list := []alertJSON{}
	for _, a := range alerts {
		subject := a.Subject
		if subject == "" {
			subject = string(a.ActivityKind)
		}
		list = append(list, alertJSON{Kind: string(a.Kind), Severity: string(a.Severity), Rep: a.RepName,
			RecordKind: string(a.RecordKind), RecordID: a.RecordID, Subject: subject, ActivityKind: string(a.ActivityKind),
			Day: model.FormatDate(a.Day), Due: model.FormatDate(a.Due), Days: a.Days, Count: a.Count})
	}
	reps := map[string]timelinessJSON{}
	for name, t := range perRep {
		reps[name] = toTimelinessJSON(t)
	}
	return map[string]any{
		"now":       now.Format(time.RFC3339),
		"alerts_on": rules.AlertsOn,
		"deadline":  rules.Deadline.String(),
		"open":      len(alerts),
		"alerts":    list,
		"timeliness": map[string]any{
			"from": model.FormatDate(from), "to": model.FormatDate(to.AddDate(0, 0, -1)),
			"team": toTimelinessJSON(team), "reps": reps,
			"reference": map[string]any{"entered_immediately": model.RefEnteredImmediately,
				"daily_batch": model.RefEnteredDailyBatch, "source": model.RefEntrySource},
		},
	}
}
