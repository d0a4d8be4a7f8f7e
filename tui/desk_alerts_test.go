package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/kpit-dev/kpit/model"
)

// badge is the last word of the tab bar: the alerts badge (!N).
func badge(a *App) string {
	words := strings.Fields(strings.Split(screen(a), "\n")[0])
	return words[len(words)-1]
}

// In the alerts pane the cursor selects an alert; enter opens the deal
// behind a stalled-deal alert on the Records tab with the cursor on it.
func TestAlertEnterOpensTheDeal(t *testing.T) {
	t.Parallel()
	a, st := appOn(t, copyDemo(t), LangEN, 120, 40)
	alerts, _, err := st.Alerts(context.Background(), fixedNow, fixedNow.Location())
	if err != nil {
		t.Fatal(err)
	}
	idx := -1
	for i, al := range alerts {
		if al.Kind == model.AlertStalledDeal {
			idx = i
			break
		}
	}
	if idx < 0 {
		t.Fatal("the demo has no stalled deal")
	}
	press(t, a, "!")
	for range idx {
		press(t, a, "j")
	}
	press(t, a, "enter")
	if a.overlay != nil || a.tabs[a.active].ID != TabRecords {
		t.Fatalf("enter should open the Records tab:\n%s", screen(a))
	}
	r := a.screens[a.active].(*recordsScreen)
	rec := r.selected()
	if rec == nil || rec.Kind != model.RecordOpportunity || rec.Opportunity.ID != alerts[idx].RecordID {
		t.Fatalf("the cursor is on %+v, want deal #%d:\n%s", rec, alerts[idx].RecordID, screen(a))
	}
}

// s snoozes the selected alert for the days typed (7 offered) with a
// reason; the pane and the badge count one alert fewer, and the snooze is
// stored with its reason.
func TestAlertSnoozeWithAReason(t *testing.T) {
	t.Parallel()
	a, st := appOn(t, copyDemo(t), LangJA, 120, 40)
	ctx := context.Background()
	before, _, _ := st.Alerts(ctx, fixedNow, fixedNow.Location())
	if got := badge(a); got != fmt.Sprintf("!%d", len(before)) {
		t.Fatalf("badge %q before, want !%d", got, len(before))
	}
	press(t, a, "!", "s")
	typeText(t, a, "3") // replaces the 7 offered
	press(t, a, "enter", "enter")
	if !strings.Contains(screen(a), LangJA.T(msgSnoozeNeedsReason)) {
		t.Fatalf("a snooze without a reason should be refused:\n%s", screen(a))
	}
	typeText(t, a, "来週訪問予定")
	press(t, a, "enter")
	after, _, _ := st.Alerts(ctx, fixedNow, fixedNow.Location())
	if len(after) != len(before)-1 {
		t.Fatalf("%d alerts after the snooze, want %d", len(after), len(before)-1)
	}
	if got := badge(a); got != fmt.Sprintf("!%d", len(before)-1) {
		t.Fatalf("badge %q after the snooze, want !%d", got, len(before)-1)
	}
	// Back after 3 days.
	later, _, _ := st.Alerts(ctx, fixedNow.AddDate(0, 0, 3), fixedNow.Location())
	found := false
	for _, al := range later {
		found = found || model.AlertKey(al) == model.AlertKey(before[0])
	}
	if !found {
		t.Errorf("the snoozed alert %s is not back after 3 days", model.AlertKey(before[0]))
	}
}

// `/` narrows the alerts to those naming a rep; esc clears it, a second
// esc closes the pane.
func TestAlertFilter(t *testing.T) {
	t.Parallel()
	a := newTestApp(t, LangJA, 120, 40)
	press(t, a, "!")
	p := a.overlay.(*alertsScreen)
	all := len(p.data.alerts)
	rep := p.data.alerts[0].RepName
	want := 0
	for _, al := range p.data.alerts {
		if strings.Contains(al.RepName, rep) || strings.Contains(al.Subject, rep) {
			want++
		}
	}
	press(t, a, "/")
	typeText(t, a, rep)
	press(t, a, "enter")
	if p.nav.n != want || want == all {
		t.Fatalf("/%s keeps %d alerts, want %d of %d", rep, p.nav.n, want, all)
	}
	press(t, a, "esc")
	if p.nav.n != all || a.overlay == nil {
		t.Fatalf("esc should clear the filter and keep the pane: %d alerts", p.nav.n)
	}
	press(t, a, "esc")
	if a.overlay != nil {
		t.Fatal("a second esc should close the pane")
	}
}
