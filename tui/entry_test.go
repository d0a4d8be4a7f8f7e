package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// entryStore is an empty database with reps 田中 and 鈴木 and the fixed clock.
func entryStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "entry.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	// The reps joined a month ago: a rep who entered nothing since is stale.
	st.SetClock(func() time.Time { return fixedNow.AddDate(0, -1, 0) })
	for _, n := range []string{"田中", "鈴木"} {
		if _, err := st.AddRep(context.Background(), model.Rep{Name: n, Department: model.DeptFieldSales}); err != nil {
			t.Fatal(err)
		}
	}
	st.SetClock(func() time.Time { return fixedNow })
	return st
}

func entryApp(t *testing.T, st *store.Store, lang Lang) *App {
	t.Helper()
	a := New(Options{Store: st, Lang: lang, Now: func() time.Time { return fixedNow }, NoColor: true})
	run(t, a, a.Init())
	a.Update(tea.WindowSizeMsg{Width: 110, Height: 32})
	return a
}

// typeText sends text as typed: one key per rune, except that Japanese
// arrives in one piece from the IME.
func typeText(t *testing.T, a *App, s string) {
	t.Helper()
	if strings.ContainsFunc(s, func(r rune) bool { return r > 0x2000 }) {
		_, cmd := a.Update(tea.KeyPressMsg{Text: s, Code: []rune(s)[0]})
		run(t, a, cmd)
		return
	}
	for _, r := range s {
		_, cmd := a.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		run(t, a, cmd)
	}
}

func arrow(t *testing.T, a *App, code rune, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		_, cmd := a.Update(tea.KeyPressMsg{Code: code})
		run(t, a, cmd)
	}
}

func activities(t *testing.T, st *store.Store) []model.Activity {
	t.Helper()
	recs, err := st.Recent(context.Background(), model.RecordActivity, 100)
	if err != nil {
		t.Fatal(err)
	}
	var out []model.Activity
	for _, r := range recs {
		out = append(out, r.Activity)
	}
	return out
}

func TestEntryDefaultsAreTwoKeys(t *testing.T) {
	t.Parallel()
	for _, lang := range []Lang{LangJA, LangEN} {
		st := entryStore(t)
		a := entryApp(t, st, lang)
		press(t, a, "a")
		if !strings.Contains(screen(a), lang.T(msgEntryTitle)) {
			t.Fatalf("%s: the form did not open:\n%s", lang, screen(a))
		}
		press(t, a, "enter")
		acts := activities(t, st)
		if len(acts) != 1 || acts[0].Kind != model.KindVisit || acts[0].Count != 1 || acts[0].RepName != "田中" ||
			!acts[0].Date.Equal(model.D(2026, 11, 26)) {
			t.Fatalf("%s: a, enter stored %+v", lang, acts)
		}
		if a.overlay != nil || !strings.Contains(screen(a), lang.T(msgEntryAddedActivity, acts[0].ID, lang.T(msgActVisit), 1, "田中", "2026-11-26")) {
			t.Fatalf("%s: after save:\n%s", lang, screen(a))
		}
		// A call by 鈴木: kind and rep are remembered for the next entry.
		press(t, a, "a")
		arrow(t, a, tea.KeyRight, 1) // kind: visit -> call
		press(t, a, "down")
		arrow(t, a, tea.KeyRight, 1) // rep: 田中 -> 鈴木
		press(t, a, "enter")
		press(t, a, "a", "enter")
		acts = activities(t, st)
		if len(acts) != 3 || acts[0].RepName != "鈴木" || acts[0].Kind != model.KindCall {
			t.Fatalf("%s: last rep and kind not reused: %+v", lang, acts)
		}
	}
}

func TestEntryRefusalKeepsTypedText(t *testing.T) {
	t.Parallel()
	for _, lang := range []Lang{LangJA, LangEN} {
		st := entryStore(t)
		a := entryApp(t, st, lang)
		press(t, a, "a", "down", "down") // kind -> rep -> count
		press(t, a, "backspace")
		typeText(t, a, "abc")
		press(t, a, "enter")
		out := screen(a)
		if a.overlay == nil || !strings.Contains(out, lang.T(msgFieldCount)+": "+lang.T(msgEntryBadCount, "abc")) ||
			!strings.Contains(out, "abc") {
			t.Fatalf("%s: bad count not explained:\n%s", lang, out)
		}
		// A date in the future: refused by the rules, named, nothing written.
		for i := 0; i < 3; i++ {
			press(t, a, "backspace")
		}
		typeText(t, a, "2")
		press(t, a, "down", "down") // count -> connected -> date
		for i := 0; i < 10; i++ {
			press(t, a, "backspace")
		}
		typeText(t, a, "2026-12-01")
		press(t, a, "enter")
		out = screen(a)
		if !strings.Contains(out, lang.T(msgFieldDate)+": ") || !strings.Contains(out, "2026-12-01") {
			t.Fatalf("%s: future date not explained:\n%s", lang, out)
		}
		if n := len(activities(t, st)); n != 0 {
			t.Fatalf("%s: %d records written by refused input", lang, n)
		}
		for i := 0; i < 10; i++ {
			press(t, a, "backspace")
		}
		typeText(t, a, "2026-11-25")
		press(t, a, "enter")
		acts := activities(t, st)
		if len(acts) != 1 || acts[0].Count != 2 || !acts[0].Date.Equal(model.D(2026, 11, 25)) {
			t.Fatalf("%s: after fixing: %+v", lang, acts)
		}
	}
}

func TestEntryWinsAnOpenDeal(t *testing.T) {
	t.Parallel()
	for _, lang := range []Lang{LangJA, LangEN} {
		st := entryStore(t)
		ctx := context.Background()
		id, err := st.AddOpportunity(ctx, model.Opportunity{RepName: "鈴木", Account: "ACME", Created: model.D(2026, 11, 2),
			Stage: "提案", Outcome: model.OutcomeOpen})
		if err != nil {
			t.Fatal(err)
		}
		a := entryApp(t, st, lang)
		press(t, a, "a", "up")
		arrow(t, a, tea.KeyRight, 2) // activity -> new opportunity -> update opportunity
		if !strings.Contains(screen(a), "#1 ACME (鈴木)") {
			t.Fatalf("%s: open deal not offered:\n%s", lang, screen(a))
		}
		press(t, a, "enter") // won without an amount
		if out := screen(a); !strings.Contains(out, lang.T(msgFieldAmount)+": "+refusal(lang, model.RefuseWonNeedsAmount, nil, "")) {
			t.Fatalf("%s: won without amount:\n%s", lang, out)
		}
		typeText(t, a, "1200万") // the refusal put the cursor on the amount
		press(t, a, "enter")
		o, err := st.Opportunity(ctx, id)
		if err != nil || o.Outcome != model.OutcomeWon || o.AmountMinor != 12_000_000 || !o.Closed.Equal(model.D(2026, 11, 26)) {
			t.Fatalf("%s: deal after win: %+v %v", lang, o, err)
		}
		c, _ := st.Counts(ctx, store.ForPeriod(model.PeriodOf(model.Month, fixedNow, time.April)))
		if c[model.MetricOrdersWon] != 1 || c[model.MetricRevenue] != 12_000_000 {
			t.Fatalf("%s: counts %v", lang, c)
		}
	}
}

func TestQuickAddExplainsAndKeepsText(t *testing.T) {
	t.Parallel()
	for _, lang := range []Lang{LangJA, LangEN} {
		st := entryStore(t)
		a := entryApp(t, st, lang)
		press(t, a, ":")
		typeText(t, a, "won abc万 ACME ")
		typeText(t, a, "鈴木")
		press(t, a, "enter")
		out := screen(a)
		if a.overlay == nil || !strings.Contains(out, ": won abc万 ACME 鈴木") || !strings.Contains(out, "abc万") ||
			!strings.Contains(out, lang.T(msgQuickBadToken, "abc万", "")[:4]) {
			t.Fatalf("%s: refusal not shown with the text kept:\n%s", lang, out)
		}
		// Fix the amount in place: the line is edited, not retyped.
		_, cmd := a.Update(tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl})
		run(t, a, cmd)
		typeText(t, a, "won 1.2億 ACME ")
		typeText(t, a, "鈴木")
		press(t, a, "enter")
		recs, _ := st.Recent(context.Background(), model.RecordOpportunity, 10)
		if a.overlay == nil || len(recs) != 1 || recs[0].Opportunity.AmountMinor != 120_000_000 || recs[0].Opportunity.Outcome != model.OutcomeWon {
			t.Fatalf("%s: quick win: %+v\n%s", lang, recs, screen(a))
		}
		press(t, a, "enter") // an empty line closes it
		press(t, a, ":")
		typeText(t, a, "visit 3 ")
		typeText(t, a, "田中")
		typeText(t, a, " 2026-11-20")
		press(t, a, "enter")
		acts := activities(t, st)
		if len(acts) != 1 || acts[0].Count != 3 || !acts[0].Date.Equal(model.D(2026, 11, 20)) {
			t.Fatalf("%s: quick visit: %+v", lang, acts)
		}
	}
}

func TestAlertsPaneAndRules(t *testing.T) {
	t.Parallel()
	for _, lang := range []Lang{LangJA, LangEN} {
		st := entryStore(t)
		ctx := context.Background()
		// 鈴木's activity of 11-20 entered on 11-26 (late); 田中 never entered.
		if _, err := st.AddActivity(ctx, model.Activity{RepName: "鈴木", Kind: model.KindVisit, Count: 1, Date: model.D(2026, 11, 20)}); err != nil {
			t.Fatal(err)
		}
		a := entryApp(t, st, lang)
		if !strings.Contains(strings.Split(screen(a), "\n")[0], "!2") {
			t.Fatalf("%s: badge missing: %q", lang, strings.Split(screen(a), "\n")[0])
		}
		press(t, a, "!")
		out := screen(a)
		for _, want := range []string{lang.T(msgAlertsTitle, 2), lang.T(msgRuleLate) + ": ", "[" + lang.T(msgBandYellow) + "]",
			"[" + lang.T(msgBandRed) + "]", lang.T(msgAlertsSummary, lang.T(msgRuleStale), 1, 1, 0), lang.T(msgDeadlineNextBusinessDay)} {
			if !strings.Contains(out, want) {
				t.Fatalf("%s: alerts pane lacks %q:\n%s", lang, want, out)
			}
		}
		// t: the timeliness page. 鈴木's one record was entered 6 days after
		// the event: 0 of 1 on the day.
		press(t, a, "t")
		out = screen(a)
		for _, want := range []string{"40.2%", "32.2%", "0.0% (0/1)", lang.T(msgRulesTitle)} {
			if !strings.Contains(out, want) {
				t.Fatalf("%s: timeliness page lacks %q:\n%s", lang, want, out)
			}
		}
		// s on the timeliness page: the rules form. A 7-day deadline clears the late entry.
		press(t, a, "s")
		arrow(t, a, tea.KeyRight, 5) // same-day, nbd, 1d, 2d, 3d, 5d, 7d: from nbd five steps right is 7d
		press(t, a, "enter")
		r, _ := st.InputRules(ctx)
		if r.Deadline != (model.EntryDeadline{Kind: model.DeadlineDays, Days: 7}) {
			t.Fatalf("%s: deadline saved as %+v", lang, r.Deadline)
		}
		out = screen(a)
		if strings.Contains(out, lang.T(msgRuleLate)+":") || !strings.Contains(out, lang.T(msgAlertsTitle, 1)) {
			t.Fatalf("%s: after the rule change:\n%s", lang, out)
		}
		// A bad number of days is refused in the form, naming the field.
		press(t, a, "s", "down")
		press(t, a, "backspace")
		typeText(t, a, "x")
		press(t, a, "enter")
		if out := screen(a); !strings.Contains(out, lang.T(msgSetStaleDays)+": ") {
			t.Fatalf("%s: bad stale days:\n%s", lang, out)
		}
		press(t, a, "esc", "esc")
		if a.overlay != nil {
			t.Fatalf("%s: esc did not close the pane", lang)
		}
	}
}

func TestRecordsTabDeleteUndoEdit(t *testing.T) {
	t.Parallel()
	st := entryStore(t)
	ctx := context.Background()
	id, _ := st.AddActivity(ctx, model.Activity{RepName: "田中", Kind: model.KindVisit, Count: 4, Date: model.D(2026, 11, 24)})
	a := entryApp(t, st, LangEN)
	for i, td := range a.tabs {
		if td.ID == TabRecords {
			press(t, a, string(rune('1'+i)))
		}
	}
	if !strings.Contains(screen(a), "visit") {
		t.Fatalf("records tab:\n%s", screen(a))
	}
	press(t, a, "d")
	// The question names the record: its date, kind and count, rep.
	if !strings.Contains(screen(a), LangEN.T(msgRecordsConfirm, "activity", id, "2026-11-24, visit 4, 田中")) {
		t.Fatalf("no confirmation:\n%s", screen(a))
	}
	press(t, a, "n")
	if len(activities(t, st)) != 1 {
		t.Fatal("n deleted the record")
	}
	press(t, a, "d", "y")
	if len(activities(t, st)) != 0 {
		t.Fatal("y did not delete")
	}
	press(t, a, "u")
	if acts := activities(t, st); len(acts) != 1 || acts[0].Count != 4 {
		t.Fatalf("undo did not restore: %+v", acts)
	}
	// e: edit the count in place.
	press(t, a, "e", "down", "down", "backspace")
	typeText(t, a, "7")
	press(t, a, "enter")
	if acts := activities(t, st); len(acts) != 1 || acts[0].Count != 7 || acts[0].ID != id {
		t.Fatalf("edit: %+v", acts)
	}
	press(t, a, "u")
	if acts := activities(t, st); acts[0].Count != 4 {
		t.Fatalf("undo of the edit: %+v", acts)
	}
}

// A rep's d on another rep's record is refused at once, in the words the
// store would refuse it with after y; on their own record it is asked.
func TestRecordsTabRefusesARepsDeleteBeforeAsking(t *testing.T) {
	t.Parallel()
	st := entryStore(t)
	ctx := context.Background()
	mine, _ := st.AddActivity(ctx, model.Activity{RepName: "田中", Kind: model.KindVisit, Count: 1, Date: model.D(2026, 11, 23)})
	theirs, _ := st.AddActivity(ctx, model.Activity{RepName: "鈴木", Kind: model.KindCall, Count: 2, Date: model.D(2026, 11, 24)})
	var tanaka int64
	for _, act := range activities(t, st) {
		if act.ID == mine {
			tanaka = act.RepID
		}
	}
	a := entryApp(t, st.As(model.User{Name: "aoki", Role: model.RoleRep, RepID: tanaka}), LangEN)
	r := recordsTab(t, a)
	for i := 0; i < 2 && (r.selected() == nil || r.selected().ID() != theirs); i++ {
		press(t, a, "down")
	}
	if r.selected() == nil || r.selected().ID() != theirs {
		t.Fatalf("鈴木's activity #%d cannot be selected:\n%s", theirs, screen(a))
	}
	press(t, a, "d")
	refusal := catalog.Rights(LangEN, &model.RightsError{User: "aoki", Role: model.RoleRep, Area: model.AreaRecords, Rep: "鈴木"})
	if got := screen(a); !strings.Contains(got, refusal) || strings.Contains(got, "y: delete") {
		t.Fatalf("d on 鈴木's record: want %q and no question; the screen shows:\n%s", refusal, got)
	}
	press(t, a, "y")
	if len(activities(t, st)) != 2 {
		t.Fatal("a refused delete deleted a record")
	}
}

// TestEntryTeatest adds a record through the real Bubble Tea program in
// both languages.
func TestEntryTeatest(t *testing.T) {
	t.Parallel()
	for _, lang := range []Lang{LangJA, LangEN} {
		st := entryStore(t)
		w := watch(New(Options{Store: st, Lang: lang, Now: func() time.Time { return fixedNow }, NoColor: true}))
		tm := teatest.NewTestModel(t, w, teatest.WithInitialTermSize(110, 32))
		waitFor := func(what string) {
			t.Helper()
			w.waitFor(t, what)
		}
		waitFor(lang.T(msgTabReps))
		tm.Send(tea.KeyPressMsg{Code: 'a', Text: "a"})
		waitFor(lang.T(msgEntryTitle))
		tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
		waitFor(lang.T(msgEntryAddedActivity, 1, lang.T(msgActVisit), 1, "田中", "2026-11-26"))
		tm.Send(tea.KeyPressMsg{Code: '!', Text: "!"})
		waitFor(lang.T(msgAlertsTitle, 1))
		tm.Send(tea.KeyPressMsg{Code: 't', Text: "t"})
		// The survey's month is in the reader's language.
		source := map[Lang]string{LangJA: "PRIZMA, 2025年10月, n=1,034", LangEN: model.RefEntrySource}[lang]
		waitFor(lang.T(msgTimelyReference, "40.2%", "32.2%", source))
		tm.Send(tea.KeyPressMsg{Code: tea.KeyEscape})
		tm.Send(tea.KeyPressMsg{Code: 'q', Text: "q"})
		tm.WaitFinished(t, teatest.WithFinalTimeout(teatestWait))
		if n := len(activities(t, st)); n != 1 {
			t.Fatalf("%s: %d activities", lang, n)
		}
	}
}

// TestQuickRefusalInJapanese: a refusal from the quick-add parser names the
// word and says why in Japanese (the wording of every code is checked in
// package catalog).
func TestQuickRefusalInJapanese(t *testing.T) {
	t.Parallel()
	_, err := model.ParseQuickAdd("visit 田中 2026-02-30", []string{"田中"}, fixedNow, model.JPY)
	q := &quickScreen{Common: &Common{Lang: LangJA}}
	if got := q.describe(err); got != "「2026-02-30」を読めません: 存在しない日付です (YYYY-MM-DD)" {
		t.Errorf("ja refusal: %q", got)
	}
}

// TestRepsTabDependenceFromRawRecords recounts November's orders won per
// rep from the raw opportunity records and checks the Reps tab's top-rep
// and top-20% shares against that count.
func TestRepsTabDependenceFromRawRecords(t *testing.T) {
	t.Parallel()
	st := openDemo(t)
	ctx := context.Background()
	recs, err := st.Recent(ctx, model.RecordOpportunity, 1_000_000)
	if err != nil {
		t.Fatal(err)
	}
	reps, _ := st.Reps(ctx)
	// The reps who carry deals: field sales, and anyone with an opportunity
	// created or won in November.
	won := map[string]float64{}
	for _, r := range reps {
		if r.Department == model.DeptFieldSales {
			won[r.Name] += 0
		}
	}
	november := func(t time.Time) bool { return t.Year() == 2026 && t.Month() == time.November }
	total := 0.0
	for _, r := range recs {
		o := r.Opportunity
		if november(o.Created) {
			won[o.RepName] += 0
		}
		if o.Outcome == model.OutcomeWon && november(o.Closed) {
			won[o.RepName]++
			total++
		}
	}
	var counts []float64
	top, topName := 0.0, ""
	for name, n := range won {
		counts = append(counts, n)
		if n > top {
			top, topName = n, name
		}
	}
	// Top 20% of the reps counted, rounded up.
	n := (len(counts)*2 + 9) / 10
	slices.Sort(counts)
	slices.Reverse(counts)
	topN := 0.0
	for _, c := range counts[:n] {
		topN += c
	}
	a := newTestApp(t, LangEN, 120, 40)
	for i, td := range a.tabs {
		if td.ID == TabReps {
			press(t, a, string(rune('1'+i)))
		}
	}
	out := screen(a)
	wantTop := fmt.Sprintf("Top rep: %.1f%% of orders won (%s)", top/total*100, topName)
	wantN := fmt.Sprintf("Top 20%% (%d of %d reps with deals): %.1f%% of orders won", n, len(counts), topN/total*100)
	if total == 0 || !strings.Contains(out, wantTop) || !strings.Contains(out, wantN) {
		t.Fatalf("want %q and %q in:\n%s", wantTop, wantN, out)
	}
}

// TestEntryKeysTypedBeforeTheFormLoads sends `a` and enter in one batch, as
// a fast typist or a paste does: both reach the model before the form has
// read the reps, and the enter is applied once it has, saving the usual
// entry (a visit by the first rep, count 1, today).
func TestEntryKeysTypedBeforeTheFormLoads(t *testing.T) {
	t.Parallel()
	for _, lang := range []Lang{LangJA, LangEN} {
		st := entryStore(t)
		a := New(Options{Store: st, Lang: lang, Now: func() time.Time { return fixedNow }, NoColor: true})
		run(t, a, a.Init())
		a.Update(tea.WindowSizeMsg{Width: 110, Height: 32})
		_, openCmd := a.Update(keyMsg("a"))
		_, enterCmd := a.Update(keyMsg("enter"))
		run(t, a, tea.Batch(openCmd, enterCmd))
		got := activities(t, st)
		if len(got) != 1 {
			t.Fatalf("%s: %d activities saved, want 1", lang, len(got))
		}
		want := model.Activity{Kind: model.KindVisit, RepName: "田中", Count: 1, Date: model.Date(fixedNow)}
		if g := got[0]; g.Kind != want.Kind || g.RepName != want.RepName || g.Count != want.Count || !g.Date.Equal(want.Date) {
			t.Errorf("%s: saved %+v, want %+v", lang, g, want)
		}
	}
}
