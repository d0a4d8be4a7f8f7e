package tui

import (
	"context"
	"errors"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// repRevenue is rep's revenue on the reps tab as last read.
func repRevenue(t *testing.T, r *repsScreen, rep int64) float64 {
	t.Helper()
	if r.data == nil {
		t.Fatal("the reps tab has no data")
	}
	for _, f := range r.data.figures {
		if f.RepID == rep {
			return f.Counts[model.MetricRevenue]
		}
	}
	return 0
}

// Another kpit writes while the cockpit is open; on the next poll (driven
// here, not waited for) the shown dashboard reads again and its revenue
// grows by exactly the win's amount; the hidden reps tab reads again only
// when it is shown, and its rep's revenue grows by the same amount.
func TestLiveRefreshOnPoll(t *testing.T) {
	t.Parallel()
	path := copyDemo(t)
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a := New(Options{Store: st, Lang: LangEN, Now: func() time.Time { return fixedNow }, NoColor: true})
	run(t, a, a.Init())
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	d := a.screens[0].(*dashboard)
	before := d.data.cur.Values["revenue"].V
	var reps *repsScreen
	for i, td := range a.tabs {
		if td.ID == TabReps {
			reps = a.screens[i].(*repsScreen)
		}
	}
	other, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	team, err := other.Reps(context.Background())
	if err != nil || len(team) == 0 {
		t.Fatal(team, err)
	}
	rep := team[0].ID
	repBefore := repRevenue(t, reps, rep)

	// Nothing written: a poll reads nothing again.
	run(t, a, func() tea.Msg { return pollMsg{} })
	if a.live.stale[1] {
		t.Fatal("a poll with no write marked the tabs stale")
	}

	today := model.Date(fixedNow)
	if _, err := other.AddOpportunity(context.Background(), model.Opportunity{
		RepID: rep, Account: "ライブ商事", Created: today, Closed: today,
		AmountMinor: 30_000_000, HasAmount: true, Outcome: model.OutcomeWon,
	}); err != nil {
		t.Fatal(err)
	}
	if d.data.cur.Values["revenue"].V != before {
		t.Fatal("figures changed before the poll")
	}
	run(t, a, func() tea.Msg { return pollMsg{} })
	if got := d.data.cur.Values["revenue"].V; got != before+30_000_000 {
		t.Fatalf("revenue after the poll %v, want %v + 30,000,000", got, before)
	}
	if got := repRevenue(t, reps, rep); got != repBefore {
		t.Fatalf("the hidden reps tab read again (%v) before it was shown", got)
	}
	showTab(t, a, TabReps)
	if got := repRevenue(t, reps, rep); got != repBefore+30_000_000 {
		t.Fatalf("rep's revenue on the reps tab %v, want %v + 30,000,000", got, repBefore)
	}
}

// A read of the shown screen starts at once even while a hidden tab's read
// holds the store; the hidden tabs read one at a time, after it.
func TestLoadsShownScreenFirst(t *testing.T) {
	t.Parallel()
	l := newLoads(func() time.Time { return fixedNow })
	l.show("dashboard")
	started := make(chan string, 3)
	release := map[string]chan struct{}{"styles": make(chan struct{}), "checklist": make(chan struct{}), "dashboard": make(chan struct{})}
	reader := func(name string) tea.Cmd {
		return l.read(name, func(ctx context.Context) tea.Msg {
			started <- name
			<-release[name]
			return name
		})
	}
	answers := make(chan tea.Msg, 3)
	for _, name := range []string{"styles", "checklist"} {
		cmd := reader(name)
		go func() { answers <- cmd() }()
		if name == "styles" {
			if got := <-started; got != "styles" {
				t.Fatalf("first read started: %s", got)
			}
		}
	}
	cmd := reader("dashboard")
	go func() { answers <- cmd() }()
	if got := <-started; got != "dashboard" {
		t.Fatalf("while styles read, %s started before the shown dashboard", got)
	}
	close(release["styles"])
	if got := <-answers; got != "styles" {
		t.Fatalf("answer %v, want styles", got)
	}
	select {
	case got := <-started:
		t.Fatalf("%s started while the shown dashboard was reading", got)
	default:
	}
	close(release["dashboard"])
	if got := <-started; got != "checklist" {
		t.Fatalf("after the dashboard, %s started, want checklist", got)
	}
	close(release["checklist"])
	for range 2 {
		<-answers
	}
}

// A screen's newer read cancels its older one, which gives no message (no
// error line), and the newer one's answer arrives.
func TestLoadsSupersededReadGivesNothing(t *testing.T) {
	t.Parallel()
	l := newLoads(func() time.Time { return fixedNow })
	l.show("dashboard")
	begun := make(chan struct{})
	older := l.read("dashboard", func(ctx context.Context) tea.Msg {
		close(begun)
		<-ctx.Done()
		return errors.New("compute figures: " + ctx.Err().Error())
	})
	answer := make(chan tea.Msg)
	go func() { answer <- older() }()
	<-begun
	newer := l.read("dashboard", func(ctx context.Context) tea.Msg { return "November" })
	if got := <-answer; got != nil {
		t.Fatalf("the superseded read answered %v", got)
	}
	if got := newer(); got != "November" {
		t.Fatalf("the newer read answered %v", got)
	}
	if _, busy, at := l.status("dashboard"); busy || !at.Equal(fixedNow) {
		t.Fatalf("status after the read: busy %v, read at %v", busy, at)
	}
}

// At the start only the shown tab reads; the others read once its answer
// is in, and then every tab has its data.
func TestFirstFrameReadsTheShownTabFirst(t *testing.T) {
	t.Parallel()
	a := New(Options{Store: openDemo(t), Lang: LangEN, Now: func() time.Time { return fixedNow }, NoColor: true})
	cmd := a.Init()
	for owner := range a.common.loads.newest {
		if _, tab := owner.(Screen); tab && owner != a.screens[a.active] {
			t.Fatalf("%T reads before the shown dashboard has its figures", owner)
		}
	}
	run(t, a, cmd)
	for i, s := range a.screens {
		if a.live.unread[i] || !a.common.loads.idle(s) {
			t.Errorf("tab %s not read after the first frame", a.tabs[i].ID)
		}
		if _, _, at := a.common.loads.status(s); at.IsZero() {
			t.Errorf("tab %s has no read time", a.tabs[i].ID)
		}
	}
}
