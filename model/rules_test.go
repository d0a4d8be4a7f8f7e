package model

import (
	"testing"
	"time"
)

func TestDeadlineDue(t *testing.T) {
	fri := D(2026, time.November, 20) // a Friday
	tests := []struct {
		rule  string
		event time.Time
		due   time.Time
	}{
		{"same-day", fri, fri},
		{"next-business-day", fri, D(2026, 11, 24)},             // Monday 11/23 is 勤労感謝の日 → Tuesday
		{"next-business-day", D(2026, 11, 21), D(2026, 11, 24)}, // Saturday → Tuesday
		{"next-business-day", D(2026, 11, 18), D(2026, 11, 19)}, // Wednesday → Thursday
		{"3d", fri, D(2026, 11, 23)},                            // calendar days
		{"10d", D(2026, 12, 28), D(2027, 1, 7)},                 // across a year
		{"next-business-day", D(2026, 12, 31), D(2027, 1, 4)},   // 1 Jan (Friday) is 元日 → Monday
		{"next-business-day", D(2027, 1, 1), D(2027, 1, 4)},     // Friday → Monday
	}
	for _, tc := range tests {
		d, err := ParseDeadline(tc.rule)
		if err != nil {
			t.Fatal(err)
		}
		if got := d.Due(tc.event); !got.Equal(tc.due) {
			t.Errorf("%s from %s: due %s, want %s", tc.rule, FormatDate(tc.event), FormatDate(got), FormatDate(tc.due))
		}
		if d.String() != tc.rule {
			t.Errorf("%s written back as %s", tc.rule, d.String())
		}
	}
	for _, bad := range []string{"", "tomorrow", "0", "-3d", "d", "400d", "3 days"} {
		if _, err := ParseDeadline(bad); err == nil {
			t.Errorf("ParseDeadline(%q) accepted", bad)
		}
	}
}

func TestParseRequired(t *testing.T) {
	k, f, err := ParseRequired("opportunity=amount,account,amount")
	if err != nil || k != RecordOpportunity || len(f) != 2 || f[0] != "amount" || f[1] != "account" {
		t.Fatalf("got %v %v %v", k, f, err)
	}
	if k, f, err := ParseRequired("lead="); err != nil || k != RecordLead || len(f) != 0 {
		t.Fatalf("clearing: %v %v %v", k, f, err)
	}
	for _, bad := range []string{"opportunity", "deal=amount", "opportunity=colour", "activity=amount"} {
		if _, _, err := ParseRequired(bad); err == nil {
			t.Errorf("ParseRequired(%q) accepted", bad)
		}
	}
}

// alertsAt evaluates with default rules in UTC at noon on now.
func alertsAt(now time.Time, rules InputRules, in AlertInput) []Alert {
	in.Now = now.Add(12 * time.Hour)
	in.Loc = time.UTC
	in.Rules = rules
	return EvaluateAlerts(in)
}

func kinds(as []Alert) map[AlertKind]int {
	m := map[AlertKind]int{}
	for _, a := range as {
		m[a.Kind]++
	}
	return m
}

func TestLateEntryBoundary(t *testing.T) {
	rules := DefaultInputRules() // next business day
	wed := D(2026, time.November, 18)
	entry := func(enteredDay time.Time) AlertInput {
		return AlertInput{Entries: []EntryFact{{Kind: RecordActivity, ID: 1, RepName: "田中", Event: wed,
			EnteredAt: enteredDay.Add(23*time.Hour + 59*time.Minute)}}}
	}
	// Entered late on Thursday (the next business day): on time.
	if got := alertsAt(D(2026, 11, 19), rules, entry(D(2026, 11, 19))); len(got) != 0 {
		t.Fatalf("on-time entry alerted: %+v", got)
	}
	// Entered on Friday: one day late.
	got := alertsAt(D(2026, 11, 20), rules, entry(D(2026, 11, 20)))
	if len(got) != 1 || got[0].Kind != AlertLateEntry || got[0].Days != 1 || !got[0].Due.Equal(D(2026, 11, 19)) {
		t.Fatalf("late entry: %+v", got)
	}
	// Same-day rule: Thursday is late.
	rules.Deadline = EntryDeadline{Kind: DeadlineSameDay}
	if got := alertsAt(D(2026, 11, 19), rules, entry(D(2026, 11, 19))); len(got) != 1 {
		t.Fatalf("same-day rule: %+v", got)
	}
	// The window: a late entry made exactly LateEntryWindowDays ago is still
	// open, one day older is history.
	now := D(2026, 11, 19).AddDate(0, 0, LateEntryWindowDays)
	if got := alertsAt(now, rules, entry(D(2026, 11, 19))); len(got) != 1 {
		t.Fatalf("edge of window: %+v", got)
	}
	if got := alertsAt(now.AddDate(0, 0, 1), rules, entry(D(2026, 11, 19))); len(got) != 0 {
		t.Fatalf("past the window: %+v", got)
	}
	// Alerts off: nothing.
	rules.AlertsOn = false
	if got := alertsAt(D(2026, 11, 19), rules, entry(D(2026, 11, 19))); len(got) != 0 {
		t.Fatalf("alerts off: %+v", got)
	}
}

func TestLateEntryUsesLocalDay(t *testing.T) {
	jst := time.FixedZone("JST", 9*3600)
	rules := DefaultInputRules()
	rules.Deadline = EntryDeadline{Kind: DeadlineSameDay}
	// 2026-11-18 23:30 JST is 14:30 UTC the same day; 2026-11-19 00:30 JST
	// is still the 18th in UTC but the 19th in Tokyo.
	in := AlertInput{Now: time.Date(2026, 11, 19, 12, 0, 0, 0, jst), Loc: jst, Rules: rules,
		Entries: []EntryFact{
			{ID: 1, Event: D(2026, 11, 18), EnteredAt: time.Date(2026, 11, 18, 23, 30, 0, 0, jst)},
			{ID: 2, Event: D(2026, 11, 18), EnteredAt: time.Date(2026, 11, 19, 0, 30, 0, 0, jst)},
		}}
	got := EvaluateAlerts(in)
	if len(got) != 1 || got[0].RecordID != 2 {
		t.Fatalf("got %+v, want only record 2 late", got)
	}
}

func TestStaleRepBoundary(t *testing.T) {
	rules := DefaultInputRules() // 7 days
	rules.StaleDaysByRep["鈴木"] = 0
	rules.StaleDaysByRep["佐藤"] = 3
	last := D(2026, time.November, 10)
	in := AlertInput{Reps: []RepFact{
		{Name: "田中", LastEntered: last.Add(9 * time.Hour)},
		{Name: "鈴木", LastEntered: last},
		{Name: "佐藤", LastEntered: last},
		{Name: "新人", Since: last}, // never entered: counted from creation
	}}
	// 7 days after: not longer than the limit, only 佐藤 (limit 3) is stale.
	got := alertsAt(last.AddDate(0, 0, 7), rules, in)
	if len(got) != 1 || got[0].RepName != "佐藤" || got[0].Days != 7 || got[0].Severity != SeverityCritical {
		t.Fatalf("day 7: %+v", got)
	}
	// 8 days: 田中 and 新人 too, as warnings; 鈴木 is switched off.
	got = alertsAt(last.AddDate(0, 0, 8), rules, in)
	if n := kinds(got)[AlertStaleRep]; n != 3 {
		t.Fatalf("day 8: %d stale, want 3: %+v", n, got)
	}
	for _, a := range got {
		if a.RepName == "鈴木" {
			t.Fatalf("switched-off rep alerted")
		}
		if a.RepName == "田中" && (a.Severity != SeverityWarning || a.Days != 8) {
			t.Fatalf("田中: %+v", a)
		}
	}
	// 15 days: more than twice the limit is critical.
	got = alertsAt(last.AddDate(0, 0, 15), rules, in)
	for _, a := range got {
		if a.RepName == "田中" && a.Severity != SeverityCritical {
			t.Fatalf("day 15: %+v", a)
		}
	}
}

func TestStalledDealBands(t *testing.T) {
	rules := DefaultInputRules()
	created := D(2026, time.October, 1)
	act := D(2026, time.November, 1)
	in := AlertInput{Deals: []DealFact{{ID: 5, RepName: "田中", Account: "ACME", Created: created, LastActivity: act}}}
	tests := []struct {
		days int
		sev  Severity // "" = no alert
	}{{0, ""}, {6, ""}, {7, SeverityWarning}, {29, SeverityWarning}, {30, SeverityCritical}, {45, SeverityCritical}}
	for _, tc := range tests {
		got := alertsAt(act.AddDate(0, 0, tc.days), rules, in)
		if tc.sev == "" {
			if len(got) != 0 {
				t.Errorf("%d days: %+v", tc.days, got)
			}
			continue
		}
		if len(got) != 1 || got[0].Kind != AlertStalledDeal || got[0].Severity != tc.sev || got[0].Days != tc.days {
			t.Errorf("%d days: %+v, want %s", tc.days, got, tc.sev)
		}
	}
	// Without activity, the creation day counts.
	in.Deals[0].LastActivity = time.Time{}
	got := alertsAt(created.AddDate(0, 0, 6), rules, in)
	if len(got) != 0 {
		t.Errorf("6 days after creation: %+v", got)
	}
}

func TestOverdueCloseBoundary(t *testing.T) {
	rules := DefaultInputRules()
	closeDay := D(2026, time.November, 20)
	in := AlertInput{Deals: []DealFact{{ID: 9, Account: "ACME", Created: closeDay, LastActivity: closeDay, ExpectedClose: closeDay}}}
	if got := alertsAt(closeDay, rules, in); len(got) != 0 {
		t.Fatalf("on the close day: %+v", got)
	}
	got := alertsAt(closeDay.AddDate(0, 0, 1), rules, in)
	if len(got) != 1 || got[0].Kind != AlertOverdueClose || got[0].Days != 1 {
		t.Fatalf("a day after: %+v", got)
	}
}

func TestMeasureTimeliness(t *testing.T) {
	ev := D(2026, time.November, 18)
	at := func(days int) time.Time { return ev.AddDate(0, 0, days).Add(10 * time.Hour) }
	entries := []EntryFact{
		{RepName: "A", Event: ev, EnteredAt: at(-1)}, // ahead of the event: same day
		{RepName: "A", Event: ev, EnteredAt: at(0)},
		{RepName: "A", Event: ev, EnteredAt: at(1)},
		{RepName: "B", Event: ev, EnteredAt: at(2)},
		{RepName: "B", Event: ev, EnteredAt: at(0)},
	}
	team, per := MeasureTimeliness(entries, time.UTC)
	if team != (Timeliness{Total: 5, SameDay: 3, WithinOneDay: 4}) {
		t.Fatalf("team %+v", team)
	}
	if per["A"] != (Timeliness{Total: 3, SameDay: 2, WithinOneDay: 3}) || per["B"] != (Timeliness{Total: 2, SameDay: 1, WithinOneDay: 1}) {
		t.Fatalf("per rep %+v", per)
	}
	if v := team.SameDayShare(); !v.Valid || v.V != 0.6 {
		t.Fatalf("share %+v", v)
	}
	if v := (Timeliness{}).SameDayShare(); v.Valid {
		t.Fatal("share of nothing is defined")
	}
}

func TestMeasureDependence(t *testing.T) {
	rep := func(name string, won, rev float64) RepFigures {
		return RepFigures{Name: name, Counts: Counts{MetricOrdersWon: won, MetricRevenue: rev}}
	}
	// Six reps: top 20% is ceil(1.2) = 2 reps.
	d := MeasureDependence([]RepFigures{rep("A", 5, 100), rep("B", 3, 400), rep("C", 1, 200), rep("D", 1, 100), rep("E", 0, 100), rep("F", 0, 100)})
	if d.TopN != 2 || d.TopRepByWon != "A" || d.TopRepByRevenue != "B" {
		t.Fatalf("%+v", d)
	}
	// won: 5/10 and (5+3)/10; revenue: 400/1000 and (400+200)/1000.
	if d.TopRepWonShare.V != 0.5 || d.TopNWonShare.V != 0.8 || d.TopRepRevenueShare.V != 0.4 || d.TopNRevenueShare.V != 0.6 {
		t.Fatalf("%+v", d)
	}
	if d := MeasureDependence([]RepFigures{rep("A", 0, 0)}); d.TopRepWonShare.Valid || d.TopN != 1 {
		t.Fatalf("nothing won: %+v", d)
	}
}

func TestValidateOpportunity(t *testing.T) {
	today := D(2026, time.November, 26)
	rules := DefaultInputRules()
	ok := Opportunity{RepName: "田中", Created: today, Outcome: OutcomeOpen}
	if err := ValidateOpportunity(ok, rules, today); err != nil {
		t.Fatal(err)
	}
	// An open deal may expect to close in the future.
	fut := ok
	fut.Closed = today.AddDate(0, 2, 0)
	if err := ValidateOpportunity(fut, rules, today); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		field string
		mod   func(o *Opportunity)
	}{
		{"amount", func(o *Opportunity) { o.Outcome, o.Closed = OutcomeWon, today }},
		{"closed", func(o *Opportunity) { o.Outcome, o.AmountMinor, o.HasAmount = OutcomeWon, 5, true }},
		{"closed", func(o *Opportunity) { o.Closed = today.AddDate(0, 0, -1) }},
		{"closed", func(o *Opportunity) { o.Outcome, o.Closed = OutcomeLost, today.AddDate(0, 0, 1) }},
		{"created", func(o *Opportunity) { o.Created = today.AddDate(0, 0, 1) }},
		{"outcome", func(o *Opportunity) { o.Outcome = "maybe" }},
		{"amount", func(o *Opportunity) { o.AmountMinor, o.HasAmount = -1, true }},
		{"rep", func(o *Opportunity) { o.RepName = "" }},
	}
	for i, c := range cases {
		o := ok
		c.mod(&o)
		err := ValidateOpportunity(o, rules, today)
		fe, isFE := err.(*FieldError)
		if !isFE || fe.Field != c.field {
			t.Errorf("case %d: %v, want a %s error", i, err, c.field)
		}
	}
	rules.Required[RecordOpportunity] = []string{"amount"}
	if err := ValidateOpportunity(ok, rules, today); err == nil || err.(*FieldError).Field != "amount" {
		t.Errorf("required amount: %v", err)
	}
	rules.FutureDays = 3
	o := ok
	o.Created = today.AddDate(0, 0, 3)
	o.HasAmount = true
	if err := ValidateOpportunity(o, rules, today); err != nil {
		t.Errorf("3 days ahead with a 3-day allowance: %v", err)
	}
}

func TestValidateActivity(t *testing.T) {
	today := D(2026, time.November, 26)
	rules := DefaultInputRules()
	a := Activity{RepName: "田中", Kind: KindVisit, Count: 1, Date: today}
	if err := ValidateActivity(a, rules, today); err != nil {
		t.Fatal(err)
	}
	for field, mod := range map[string]func(*Activity){
		"kind":  func(a *Activity) { a.Kind = "lunch" },
		"count": func(a *Activity) { a.Count = -2 },
		"date":  func(a *Activity) { a.Date = today.AddDate(0, 0, 1) },
	} {
		b := a
		mod(&b)
		if err := ValidateActivity(b, rules, today); err == nil || err.(*FieldError).Field != field {
			t.Errorf("%s: %v", field, err)
		}
	}
}
