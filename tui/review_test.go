package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// reviewApp is the cockpit on a copy of the demo database (the review
// writes), opened on the review tab at w×h.
func reviewApp(t *testing.T, lang Lang, w, h int) (*App, *store.Store) {
	t.Helper()
	st, err := store.Open(copyDemo(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	st.SetClock(func() time.Time { return fixedNow })
	a := New(Options{Store: st, Lang: lang, Now: func() time.Time { return fixedNow }, NoColor: true, StartTab: TabReview})
	run(t, a, a.Init())
	a.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return a, st
}

// arrowKey sends the right or left arrow n times.
func arrowKey(t *testing.T, a *App, code rune, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		_, cmd := a.Update(tea.KeyPressMsg{Code: code})
		run(t, a, cmd)
	}
}

func reviewOf(a *App) *reviewScreen {
	for i, td := range a.tabs {
		if td.ID == TabReview {
			return a.screens[i].(*reviewScreen)
		}
	}
	return nil
}

// TestReviewFlow holds a review on the demo: the two actions still open
// from the last review are asked about first, a cause is recorded on a
// missed KPI, an action is added, and q then y saves it all; the saved
// review keeps the figures shown and the open actions follow the answers.
func TestReviewFlow(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a, st := reviewApp(t, LangEN, 120, 40)
	open, err := st.OpenActions(ctx)
	if err != nil || len(open) != 2 {
		t.Fatalf("the demo has %d open actions (%v), want 2", len(open), err)
	}
	out := screen(a)
	if !strings.Contains(out, "Actions from the last review (1/2)") || !strings.Contains(out, open[0].Text) {
		t.Fatalf("the review does not ask about the first open action first:\n%s", out)
	}
	arrowKey(t, a, tea.KeyRight, 1) // moving on is not an answer
	if !strings.Contains(screen(a), "(1/2)") {
		t.Fatal("an arrow answered the question")
	}
	press(t, a, "d", "o")
	out = screen(a)
	if !strings.Contains(out, "Summary") || !strings.Contains(out, "1/7") {
		t.Fatalf("after the answers the summary slide is not shown:\n%s", out)
	}
	r := reviewOf(a)
	// Slides: summary, the four main KPIs in order, pipeline, actions.
	keys := r.data.goals.ReviewKeys()
	opp := -1
	for i, k := range keys {
		if k == "opportunities" {
			opp = i + 1
		}
	}
	if opp < 0 {
		t.Fatalf("no opportunities slide among %v", keys)
	}
	// A cause on an on-track KPI is refused: the average deal size is on track.
	arrowKey(t, a, tea.KeyRight, 1)
	if r.current().key != "avg_deal_size" || r.data.figs.Get("avg_deal_size").Status != model.StatusOnTrack {
		t.Fatalf("slide 2 is %q (%s)", r.current().key, r.data.figs.Get(r.current().key).Status)
	}
	press(t, a, "n")
	if r.form != nil {
		t.Fatal("n opened a cause on a KPI on track")
	}
	arrowKey(t, a, tea.KeyRight, opp-1)
	if r.current().key != "opportunities" {
		t.Fatalf("slide %d is %q", r.slide+1, r.current().key)
	}
	press(t, a, "n")
	arrowKey(t, a, tea.KeyUp, 1)    // to the category
	arrowKey(t, a, tea.KeyRight, 1) // conversion
	arrowKey(t, a, tea.KeyDown, 1)  // back to the text
	typeText(t, a, "few handoffs")
	press(t, a, "enter")
	press(t, a, "A")
	typeText(t, a, "call back the fair leads")
	press(t, a, "enter")
	if len(r.notes) != 1 || r.notes[0].Category != model.CauseConversion || len(r.actions) != 1 || r.actions[0].KPIKey != "opportunities" {
		t.Fatalf("notes %+v actions %+v", r.notes, r.actions)
	}
	if !strings.Contains(screen(a), "few handoffs") {
		t.Errorf("the slide does not show its cause:\n%s", screen(a))
	}
	// The actions slide: the two carried in and the new one; s drops the new one, then reopens it.
	arrowKey(t, a, tea.KeyRight, 10)
	if r.current().kind != slideActions {
		t.Fatalf("the last slide is %v", r.current())
	}
	press(t, a, "down", "down", "s")
	if r.actions[0].Status != model.ActionDone {
		t.Fatalf("s gave %q, want done", r.actions[0].Status)
	}
	press(t, a, "s", "s")
	want := r.data.figs.Get("revenue").Actual
	press(t, a, "q")
	if !strings.Contains(screen(a), "Save the review?") {
		t.Fatalf("q does not ask to save:\n%s", screen(a))
	}
	press(t, a, "y")
	last, ok, err := st.LastReview(ctx)
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	if !last.HeldAt.Equal(fixedNow) || last.Period.Key() != "2026-11" {
		t.Errorf("saved review held %v for %s", last.HeldAt, last.Period.Key())
	}
	got, ok := last.KPI("revenue")
	if !ok || got.Actual != want || !got.KGI {
		t.Errorf("saved revenue %+v, shown %v", got, want)
	}
	if len(last.Notes) != 1 || last.Notes[0].Text != "few handoffs" {
		t.Errorf("saved notes %+v", last.Notes)
	}
	statuses := map[string]model.ActionStatus{}
	for _, x := range last.Actions {
		statuses[x.Text] = x.Status
	}
	if len(last.Actions) != 3 || statuses[open[0].Text] != model.ActionDone || statuses[open[1].Text] != model.ActionOpen ||
		statuses["call back the fair leads"] != model.ActionOpen {
		t.Errorf("saved actions %+v", last.Actions)
	}
	now, err := st.OpenActions(ctx)
	if err != nil || len(now) != 2 {
		t.Errorf("open actions after the review: %+v, %v; want the one kept open and the new one", now, err)
	}
}

// TestReviewQuitWithoutSaving: n quits and writes nothing; esc stays.
func TestReviewQuitWithoutSaving(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a, st := reviewApp(t, LangJA, 80, 24)
	before, err := st.Reviews(ctx)
	if err != nil {
		t.Fatal(err)
	}
	press(t, a, "q")
	if !strings.Contains(screen(a), "レビューを保存しますか?") {
		t.Fatalf("q does not ask:\n%s", screen(a))
	}
	press(t, a, "esc")
	if reviewOf(a).quitting {
		t.Fatal("esc did not stay")
	}
	press(t, a, "q")
	_, cmd := a.Update(keyMsg("n"))
	if cmd == nil {
		t.Fatal("n did not quit")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("n did not quit")
	}
	after, err := st.Reviews(ctx)
	if err != nil || len(after) != len(before) {
		t.Errorf("reviews %d -> %d (%v); n saved something", len(before), len(after), err)
	}
}

func keyRight() tea.KeyPressMsg { return tea.KeyPressMsg{Code: tea.KeyRight} }

// TestReviewCompare opens the past reviews, picks the demo's last two
// saved ones and compares them: each KPI's actual in both and the change,
// worked out here from the two snapshots.
func TestReviewCompare(t *testing.T) {
	ctx := context.Background()
	a, st := reviewApp(t, LangEN, 120, 40)
	press(t, a, "o", "o", "H")
	if !strings.Contains(screen(a), "Past reviews") {
		t.Fatalf("H does not list the past reviews:\n%s", screen(a))
	}
	list, err := st.Reviews(ctx)
	if err != nil || len(list) < 2 {
		t.Fatal(list, err)
	}
	press(t, a, "enter", "down", "enter")
	out := screen(a)
	newer, err := st.ReviewByID(ctx, list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	older, err := st.ReviewByID(ctx, list[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	head := "Compare " + model.FormatDate(older.HeldOn) + " with " + model.FormatDate(newer.HeldOn)
	if !strings.Contains(out, head) {
		t.Fatalf("no %q:\n%s", head, out)
	}
	was, _ := older.KPI("opportunities")
	now, _ := newer.KPI("opportunities")
	change := fmt.Sprintf("%+.1f%%", 100*(now.Actual.V/was.Actual.V-1))
	found := false
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, "Opportunities") {
			found = strings.Contains(l, fmt.Sprintf(" %.0f ", was.Actual.V)) && strings.Contains(l, fmt.Sprintf(" %.0f ", now.Actual.V)) &&
				strings.HasSuffix(strings.TrimSpace(l), change)
			if !found {
				t.Errorf("the opportunities row %q lacks %v, %v and %s", l, was.Actual.V, now.Actual.V, change)
			}
		}
	}
	if !found {
		t.Errorf("no opportunities row:\n%s", out)
	}
	press(t, a, "esc", "esc")
	if reviewOf(a).history != nil {
		t.Error("esc twice did not leave the past reviews")
	}
}

// TestReviewKeysTypedBeforeItLoads sends d, o and the right arrow before
// the review has read the database, as `kpit review` then keys at once
// do: once loaded, the first open action is done, the second kept open
// (the two answers, in order) and the right arrow has moved to the second
// slide.
func TestReviewKeysTypedBeforeItLoads(t *testing.T) {
	t.Parallel()
	for _, lang := range []Lang{LangJA, LangEN} {
		st, err := store.Open(copyDemo(t))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		a := New(Options{Store: st, Lang: lang, Now: func() time.Time { return fixedNow }, NoColor: true, StartTab: TabReview})
		a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		cmds := []tea.Cmd{a.Init()}
		for _, k := range []tea.KeyPressMsg{keyMsg("d"), keyMsg("o"), keyRight()} {
			_, cmd := a.Update(k)
			cmds = append(cmds, cmd)
		}
		run(t, a, tea.Batch(cmds...))
		r := reviewOf(a)
		if r.data == nil {
			t.Fatalf("%s: the review did not load", lang)
		}
		if len(r.carried) != 2 || r.carried[0].Status != model.ActionDone || r.carried[1].Status != model.ActionOpen || !r.asked {
			t.Fatalf("%s: answers typed before the load were lost: %+v", lang, r.carried)
		}
		if r.slide != 1 {
			t.Errorf("%s: on slide %d after the right arrow, want 1", lang, r.slide)
		}
	}
}

// TestReviewMovedDealsEndWithTheRest: the demo has more deals moved since
// the last review than a window holds; the list ends with "ほか N件" /
// "and N more", N being the deals not listed, right above the footer. In a
// window tall enough, all are listed and no such line shows.
func TestReviewMovedDealsEndWithTheRest(t *testing.T) {
	t.Parallel()
	for _, lang := range []Lang{LangJA, LangEN} {
		for _, sz := range [][2]int{{80, 24}, {160, 45}, {120, 100}} {
			a, _ := reviewApp(t, lang, sz[0], sz[1])
			press(t, a, "o", "o")
			r := reviewOf(a)
			for i, s := range r.slides() {
				if s.kind == slidePipeline {
					r.slide = i
				}
			}
			moved := r.data.moved
			lines := strings.Split(screen(a), "\n")
			head := -1
			for i, l := range lines {
				if strings.Contains(l, lang.T(msgRvMoved, model.FormatDate(r.data.last.HeldOn), len(moved))) {
					head = i
				}
			}
			foot := len(lines) - 2 // the draft line, then the key help
			if head < 0 || !strings.Contains(lines[foot], lang.T(msgRvDraft, 0, 0)) {
				t.Fatalf("%s %v: no moved list or footer:\n%s", lang, sz, strings.Join(lines, "\n"))
			}
			rows := lines[head+1 : foot]
			for len(rows) > 0 && strings.TrimSpace(rows[len(rows)-1]) == "" {
				rows = rows[:len(rows)-1]
			}
			if len(moved) <= len(rows) {
				if len(rows) != len(moved) || !strings.Contains(rows[len(rows)-1], moved[len(moved)-1].Account) {
					t.Errorf("%s %v: %d rows for %d moved deals:\n%s", lang, sz, len(rows), len(moved), strings.Join(rows, "\n"))
				}
				continue
			}
			listed := len(rows) - 1
			if want := "  " + lang.T(msgRvMovedMore, len(moved)-listed); rows[listed] != want {
				t.Errorf("%s %v: the list ends with %q, want %q (%d of %d listed)", lang, sz, rows[listed], want, listed, len(moved))
			}
			if listed > 0 && !strings.Contains(rows[listed-1], moved[listed-1].Account) {
				t.Errorf("%s %v: row %d is %q, want deal %s", lang, sz, listed, rows[listed-1], moved[listed-1].Account)
			}
		}
	}
}
