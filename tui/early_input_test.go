package tui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// batchBeforeLoad starts a cockpit on st and sends keys in one batch with
// its first commands, as a fast typist or a paste does: every key reaches
// the model before any screen has read the database. Then it runs what
// they all started.
func batchBeforeLoad(t *testing.T, a *App, keys ...tea.Msg) {
	t.Helper()
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	cmds := []tea.Cmd{a.Init()}
	for _, k := range keys {
		_, cmd := a.Update(k)
		cmds = append(cmds, cmd)
	}
	run(t, a, tea.Batch(cmds...))
}

func keyMsgs(keys ...string) []tea.Msg {
	out := make([]tea.Msg, len(keys))
	for i, k := range keys {
		out[i] = keyMsg(k)
	}
	return out
}

func tabKey(a *App, id TabID) string {
	for i, td := range a.tabs {
		if td.ID == id {
			return string(rune('1' + i))
		}
	}
	return ""
}

// TestKeysTypedBeforeAScreenLoads: on each screen that reads the database
// when it opens, keys sent in one batch with the one that opened it are
// applied once it has loaded, in order — never dropped.
func TestKeysTypedBeforeAScreenLoads(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	newApp := func(t *testing.T) (*App, func() []model.Activity) {
		st := entryStore(t)
		if _, err := st.AddActivity(ctx, model.Activity{RepName: "田中", Kind: model.KindVisit, Count: 4, Date: model.D(2026, 11, 24), Note: "first"}); err != nil {
			t.Fatal(err)
		}
		a := New(Options{Store: st, Lang: LangEN, Now: func() time.Time { return fixedNow }, NoColor: true})
		return a, func() []model.Activity { return activities(t, st) }
	}
	t.Run("dashboard: j j moves two rows down", func(t *testing.T) {
		t.Parallel()
		a := New(Options{Store: openDemo(t), Lang: LangEN, Now: func() time.Time { return fixedNow }, NoColor: true})
		batchBeforeLoad(t, a, keyMsgs("j", "j")...)
		if d := a.screens[0].(*dashboard); d.nav.cursor != 2 {
			t.Errorf("the dashboard's cursor is on row %d, want 2", d.nav.cursor)
		}
	})
	t.Run("records: the tab, e, the note and enter edit the record", func(t *testing.T) {
		t.Parallel()
		a, acts := newApp(t)
		keys := keyMsgs(tabKey(a, TabRecords), "e", "down", "down", "down", "down", "down", "down", "x", "enter")
		batchBeforeLoad(t, a, keys...)
		if got := acts(); len(got) != 1 || got[0].Note != "x" || got[0].Count != 4 {
			t.Errorf("after the edit typed at once: %+v, want the note x and the count 4", got)
		}
	})
	t.Run("quick-add: : and a line with enter save it", func(t *testing.T) {
		t.Parallel()
		a, acts := newApp(t)
		keys := append(keyMsgs(":"), tea.PasteMsg{Content: "call 鈴木 2"}, keyMsg("enter"))
		batchBeforeLoad(t, a, keys...)
		got := acts()
		if len(got) != 2 || got[0].RepName != "鈴木" || got[0].Kind != model.KindCall || got[0].Count != 2 {
			t.Errorf("after the quick-add typed at once: %+v, want a call by 鈴木, count 2", got)
		}
	})
	t.Run("esc is not kept: it closes the form while it loads", func(t *testing.T) {
		t.Parallel()
		a, acts := newApp(t)
		batchBeforeLoad(t, a, keyMsgs("a", "esc", "enter")...)
		if a.overlay != nil || len(acts()) != 1 {
			t.Errorf("a, esc, enter: overlay %T, %d activities; want the form closed and nothing saved", a.overlay, len(acts()))
		}
	})
}

// runes is each rune of s as the key a terminal sends for it.
func runes(s string) []tea.Msg {
	var out []tea.Msg
	for _, r := range s {
		out = append(out, keyMsg(string(r)))
	}
	return out
}

// TestKeysTypedBeforeASubScreenLoads: a screen inside a tab that reads the
// database when it opens (the funnel's list of leads and its stage
// definitions, a page of records a filter asks for) holds the keys that
// follow the one that opened it, sent in one batch with the cockpit's
// first commands, and applies them once it has read; the prompts that
// read nothing (the KGI on the dashboard, a target on the tree) take the
// keys after their opening key at once.
func TestKeysTypedBeforeASubScreenLoads(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	demoApp := func(t *testing.T) *App {
		return New(Options{Store: openDemo(t), Lang: LangEN, Now: func() time.Time { return fixedNow }, NoColor: true})
	}
	funnelOf := func(a *App) *funnelScreen {
		for i, td := range a.tabs {
			if td.ID == TabFunnel {
				return a.screens[i].(*funnelScreen)
			}
		}
		return nil
	}
	t.Run("funnel: enter then j j moves down the list of leads", func(t *testing.T) {
		t.Parallel()
		a := demoApp(t)
		batchBeforeLoad(t, a, keyMsgs(tabKey(a, TabFunnel), "enter", "j", "j")...)
		if s := funnelOf(a); s.list == nil || len(s.list.leads) < 3 || s.list.nav.cursor != 2 {
			t.Errorf("the list of leads: %+v, want its cursor on the third lead", s.list)
		}
	})
	t.Run("funnel: d, j and enter edit the MQL stage as stored", func(t *testing.T) {
		t.Parallel()
		st := entryStore(t)
		mql := model.StageDefOf(model.DefaultStageDefs(), model.FunnelMQL)
		mql.DefinitionEN, mql.LimitDays = "scored 50 or more", 3
		if err := st.ReviseStageDef(ctx, mql, store.RevisionNote{From: model.D(2026, 4, 1), Reason: "set up"}); err != nil {
			t.Fatal(err)
		}
		a := New(Options{Store: st, Lang: LangEN, Now: func() time.Time { return fixedNow }, NoColor: true})
		batchBeforeLoad(t, a, keyMsgs(tabKey(a, TabFunnel), "d", "j", "enter")...)
		s := funnelOf(a)
		if s.defs == nil || s.defs.form == nil {
			t.Fatalf("no definition form open: %+v", s.defs)
		}
		f := s.defs.form
		if f.stage != model.FunnelMQL || f.inputs[defsFieldEN].Value() != "scored 50 or more" || f.inputs[defsFieldLimit].Value() != "3" {
			t.Errorf("the form: stage %s, %q, limit %q; want MQL as stored, scored 50 or more, 3",
				f.stage, f.inputs[defsFieldEN].Value(), f.inputs[defsFieldLimit].Value())
		}
	})
	t.Run("records: a filter, enter, e and a note edit a record the filter shows", func(t *testing.T) {
		t.Parallel()
		st := entryStore(t)
		// 田中's visit is the newest, first in the list before the filter.
		for _, act := range []model.Activity{
			{RepName: "鈴木", Kind: model.KindCall, Count: 2, Date: model.D(2026, 11, 20), Note: "suzuki"},
			{RepName: "田中", Kind: model.KindVisit, Count: 4, Date: model.D(2026, 11, 24), Note: "tanaka"},
		} {
			if _, err := st.AddActivity(ctx, act); err != nil {
				t.Fatal(err)
			}
		}
		a := New(Options{Store: st, Lang: LangEN, Now: func() time.Time { return fixedNow }, NoColor: true})
		keys := keyMsgs(tabKey(a, TabRecords), "/")
		keys = append(keys, runes("鈴木")...)
		keys = append(keys, keyMsgs("enter", "e", "down", "down", "down", "down", "down", "down", "x", "enter")...)
		batchBeforeLoad(t, a, keys...)
		notes := map[string]string{}
		for _, act := range activities(t, st) {
			notes[act.RepName] = act.Note
		}
		if notes["鈴木"] != "x" || notes["田中"] != "tanaka" {
			t.Errorf("notes after the filtered edit typed at once: %v, want 鈴木's x and 田中's tanaka", notes)
		}
	})
	t.Run("dashboard: g, an amount, a reason and y save the KGI", func(t *testing.T) {
		t.Parallel()
		st := entryStore(t)
		a := New(Options{Store: st, Lang: LangEN, Now: func() time.Time { return fixedNow }, NoColor: true})
		keys := keyMsgs("g")
		keys = append(keys, runes("8億")...)
		keys = append(keys, keyMsg("enter"))
		keys = append(keys, runes("plan")...)
		keys = append(keys, keyMsgs("enter", "y")...)
		batchBeforeLoad(t, a, keys...)
		if kgi, ok, err := st.KGI(ctx); err != nil || !ok || kgi.Value != 800_000_000 {
			t.Errorf("the KGI typed at once: %+v %v %v, want ¥800,000,000", kgi, ok, err)
		}
	})
}

// typedSlowly starts a cockpit as batchBeforeLoad does, lets it load, and
// sends keys one at a time, each once what the key before it started has
// finished: what a person typing slowly gets.
func typedSlowly(t *testing.T, a *App, keys ...tea.Msg) {
	t.Helper()
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	run(t, a, a.Init())
	for _, k := range keys {
		_, cmd := a.Update(k)
		run(t, a, cmd)
	}
}

// sameAsTypedSlowly sends keys at once to one cockpit and slowly to
// another, and compares what state gives of each and, with screens, what
// they show above the footer. The footer is left out: the line saying what
// a save wrote is cleared by the next key typed slowly, while a key typed
// at once comes before the line and leaves it shown.
func sameAsTypedSlowly(t *testing.T, newApp func(t *testing.T) *App, state func(a *App) string, screens bool, keys ...tea.Msg) {
	t.Helper()
	fast, slow := newApp(t), newApp(t)
	batchBeforeLoad(t, fast, keys...)
	typedSlowly(t, slow, keys...)
	if got, want := state(fast), state(slow); got != want {
		t.Errorf("typed at once: %s\ntyped slowly: %s", got, want)
	}
	body := func(a *App) string {
		lines := strings.Split(screen(a), "\n")
		return strings.Join(lines[:len(lines)-1], "\n")
	}
	if got, want := body(fast), body(slow); screens && got != want {
		t.Errorf("typed at once the screen is\n%s\ntyped slowly it is\n%s", got, want)
	}
}

// TestKeysTypedWhileASubScreenReads: keys sent in one batch before a read
// that a key among them starts has answered (two past reviews to compare,
// the open deals of the entry form's closing of a deal, the file the import
// reads and the run up to its question, a quick-add line being saved) end
// as they do typed one at a time after each read: the screen and what is
// stored are those of the slow typist's cockpit.
func TestKeysTypedWhileASubScreenReads(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	demoApp := func(t *testing.T) *App {
		return New(Options{Store: openDemo(t), Lang: LangEN, Now: func() time.Time { return fixedNow }, NoColor: true})
	}
	same := func(t *testing.T, newApp func(t *testing.T) *App, state func(a *App) string, keys ...tea.Msg) {
		t.Helper()
		sameAsTypedSlowly(t, newApp, state, true, keys...)
	}

	t.Run("review: two past reviews picked, then down and enter wait for the comparison", func(t *testing.T) {
		t.Parallel()
		a := demoApp(t)
		// The demo's review asks first about its two open actions (o: still open).
		keys := keyMsgs(tabKey(a, TabReview), "o", "o", "H", "enter", "down", "enter", "down", "enter")
		same(t, demoApp, func(a *App) string {
			h := reviewOf(a).history
			if h == nil || h.a == nil {
				return "no comparison"
			}
			return fmt.Sprintf("comparing %d with %d; cursor %d, picked %v", h.a.ID, h.b.ID, h.cursor, h.picked)
		}, keys...)
	})

	t.Run("entry: a deal's account typed into the closing before the open deals are read", func(t *testing.T) {
		t.Parallel()
		deals, err := openDemo(t).OpenDeals(ctx)
		if err != nil || len(deals) < 3 {
			t.Fatal(deals, err)
		}
		keys := keyMsgs("a", "up", "right", "right", "down")
		keys = append(keys, runes(deals[len(deals)/2].Account)...)
		keys = append(keys, keyMsg("right"))
		same(t, demoApp, func(a *App) string {
			e, ok := a.overlay.(*entryScreen)
			if !ok || e.form.field("deal") == nil || e.deals == nil {
				return fmt.Sprintf("no closing of a deal: %T", a.overlay)
			}
			return fmt.Sprintf("filter %q, deal %s", e.deals.filter.Value(), e.form.get("deal"))
		}, keys...)
	})

	t.Run("import: enter and y typed with the path import the file", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		file := filepath.Join(dir, "deals.csv")
		text := "deal_id,rep,account,stage,amount,created,closed\n" +
			"D-1,田中,Aoba,won,1200000,2026-11-01,2026-11-20\n" +
			"D-2,鈴木,Hikari,proposal,,2026-11-02,\n" +
			"D-3,鈴木,Midori,lost,0,2026-11-03,2026-11-25\n"
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		stores := map[*App]*store.Store{}
		newApp := func(t *testing.T) *App {
			st := entryStore(t)
			a := New(Options{Store: st, Lang: LangEN, Now: func() time.Time { return fixedNow }, NoColor: true})
			stores[a] = st
			return a
		}
		keys := append(keyMsgs("i"), tea.PasteMsg{Content: file})
		keys = append(keys, keyMsgs("enter", "enter", "y")...)
		accounts := func(st *store.Store) string {
			var got []string
			err := st.ExportOpportunities(ctx, func(o model.Opportunity) error {
				got = append(got, o.ExternalID+"="+o.Account)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			return strings.Join(got, ",")
		}
		same(t, newApp, func(a *App) string { return accounts(stores[a]) }, keys...)
		// Both imported the file's three deals (the slow typist's must have).
		for _, st := range stores {
			if got := accounts(st); got != "D-1=Aoba,D-2=Hikari,D-3=Midori" {
				t.Errorf("stored %q, want the file's three deals", got)
			}
		}
	})

	t.Run("checklist: keys typed with enter on a gap move on the tree it opens", func(t *testing.T) {
		t.Parallel()
		a := demoApp(t)
		// The rows are the 14 items, then the gaps; the first gap on the
		// demo is item 4 (a KPI without a deadline), fixed on the tree,
		// which selects the KPI the gap names.
		keys := keyMsgs(tabKey(a, TabChecklist))
		for i := 0; i < 14; i++ {
			keys = append(keys, keyMsg("down"))
		}
		keys = append(keys, keyMsgs("enter", "down", "down")...)
		same(t, demoApp, func(a *App) string {
			return fmt.Sprintf("tab %s, cursor %q", a.tabs[a.active].ID, cursorLine(a))
		}, keys...)
	})

	t.Run("checklist: keys typed with enter on a gap fixed in the alerts pane move in the pane", func(t *testing.T) {
		t.Parallel()
		// How many downs reach the gap fixed in the alerts pane (item 9).
		a := demoApp(t)
		run(t, a, a.Init())
		a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		keys := keyMsgs(tabKey(a, TabChecklist))
		press(t, a, tabKey(a, TabChecklist))
		for i := 0; i < 24 && !strings.Contains(cursorLine(a), "-> Alerts"); i++ {
			press(t, a, "down")
			keys = append(keys, keyMsg("down"))
		}
		if !strings.Contains(cursorLine(a), "-> Alerts") {
			t.Fatalf("no gap fixed in the alerts pane on the demo; cursor on %q", cursorLine(a))
		}
		keys = append(keys, keyMsgs("enter", "down", "down")...)
		same(t, demoApp, func(a *App) string {
			al, ok := a.overlay.(*alertsScreen)
			if !ok {
				return fmt.Sprintf("no alerts pane: %T on tab %s", a.overlay, a.tabs[a.active].ID)
			}
			return fmt.Sprintf("alerts pane, cursor %d", al.nav.cursor)
		}, keys...)
	})

	t.Run("quick-add: a second line typed while the first is saved is saved too", func(t *testing.T) {
		t.Parallel()
		stores := map[*App]*store.Store{}
		newApp := func(t *testing.T) *App {
			st := entryStore(t)
			a := New(Options{Store: st, Lang: LangEN, Now: func() time.Time { return fixedNow }, NoColor: true})
			stores[a] = st
			return a
		}
		keys := []tea.Msg{keyMsg(":"), tea.PasteMsg{Content: "call 鈴木 2"}, keyMsg("enter"),
			tea.PasteMsg{Content: "visit 田中 3"}, keyMsg("enter")}
		same(t, newApp, func(a *App) string {
			var got []string
			for _, act := range activities(t, stores[a]) {
				got = append(got, fmt.Sprintf("%s %s %d", act.Kind, act.RepName, act.Count))
			}
			return strings.Join(got, "; ")
		}, keys...)
		for _, st := range stores {
			if n := len(activities(t, st)); n != 2 {
				t.Errorf("%d activities stored, want the two lines'", n)
			}
		}
	})
}

// TestKeysTypedWhileASaveRuns: keys sent in one batch with the one that
// saves a form (the entry form, a goal's edit on the tree, a lead's move,
// a stage definition, a snooze, the input rules), closes a pane or opens
// the tab an alert is about wait until the save has answered and the form
// has closed: they reach the screen under it as they do typed one at a
// time, never the form being saved (where they were dropped, typed into
// it, or saved it twice) or the pane being left.
func TestKeysTypedWhileASaveRuns(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	// onCopy is a cockpit on its own copy of the demo, and the store under it.
	stores := sync.Map{}
	onCopy := func(t *testing.T) *App {
		st, err := store.Open(copyDemo(t))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		st.SetClock(func() time.Time { return fixedNow })
		a := New(Options{Store: st, Lang: LangEN, Now: func() time.Time { return fixedNow }, NoColor: true})
		stores.Store(a, st)
		return a
	}
	onEntryStore := func(t *testing.T) *App {
		st := entryStore(t)
		a := New(Options{Store: st, Lang: LangEN, Now: func() time.Time { return fixedNow }, NoColor: true})
		stores.Store(a, st)
		return a
	}
	storeOf := func(a *App) *store.Store {
		st, _ := stores.Load(a)
		return st.(*store.Store)
	}
	tabAndOverlay := func(a *App) string { return fmt.Sprintf("tab %s, overlay %T", a.tabs[a.active].ID, a.overlay) }

	t.Run("entry: a, enter and a tab's number save the entry, then show the tab", func(t *testing.T) {
		t.Parallel()
		a := onEntryStore(t)
		sameAsTypedSlowly(t, onEntryStore, func(a *App) string {
			return fmt.Sprintf("%s, %d activities", tabAndOverlay(a), len(activities(t, storeOf(a))))
		}, false, keyMsgs("a", "enter", tabKey(a, TabReps))...)
	})

	t.Run("quick-add: enter on the empty line closes the pane, then a tab's number shows the tab", func(t *testing.T) {
		t.Parallel()
		a := onEntryStore(t)
		keys := []tea.Msg{keyMsg(":"), tea.PasteMsg{Content: "call 鈴木 2"}, keyMsg("enter"), keyMsg("enter"), keyMsg(tabKey(a, TabReps))}
		sameAsTypedSlowly(t, onEntryStore, func(a *App) string {
			return fmt.Sprintf("%s, %d activities", tabAndOverlay(a), len(activities(t, storeOf(a))))
		}, false, keys...)
	})

	t.Run("import: enter on the finished import closes the screen, then a tab's number shows the tab", func(t *testing.T) {
		t.Parallel()
		file := filepath.Join(t.TempDir(), "deals.csv")
		text := "deal_id,rep,account,stage,amount,created,closed\n" +
			"D-1,田中,Aoba,won,1200000,2026-11-01,2026-11-20\n" +
			"D-2,鈴木,Hikari,proposal,,2026-11-02,\n"
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		a := onEntryStore(t)
		keys := append(keyMsgs("i"), tea.PasteMsg{Content: file})
		keys = append(keys, keyMsgs("enter", "enter", "y", "enter", tabKey(a, TabReps))...)
		sameAsTypedSlowly(t, onEntryStore, func(a *App) string {
			n := 0
			if err := storeOf(a).ExportOpportunities(ctx, func(model.Opportunity) error { n++; return nil }); err != nil {
				t.Fatal(err)
			}
			return fmt.Sprintf("%s, %d deals", tabAndOverlay(a), n)
		}, false, keys...)
	})

	t.Run("tree: a target saved with y, then d opens the deadline's editor", func(t *testing.T) {
		t.Parallel()
		probe := newTestApp(t, LangEN, 120, 40)
		press(t, probe, tabKey(probe, TabTree))
		var keys []tea.Msg
		keys = append(keys, keyMsg(tabKey(probe, TabTree)))
		for _, n := range probe.screens[probe.active].(*treeScreen).visibleNodes() {
			if n.Key == model.MetricOpportunities {
				break
			}
			keys = append(keys, keyMsg("down"))
		}
		keys = append(keys, keyMsg("t"), tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl})
		keys = append(keys, runes("40/week")...)
		keys = append(keys, keyMsg("enter"))
		keys = append(keys, runes("plan")...)
		keys = append(keys, keyMsgs("enter", "y", "d")...)
		sameAsTypedSlowly(t, onCopy, func(a *App) string {
			s := a.screens[1].(*treeScreen)
			k, _, err := storeOf(a).KPI(ctx, model.MetricOpportunities)
			if err != nil {
				t.Fatal(err)
			}
			editing := "no editor"
			if s.edit != nil {
				editing = fmt.Sprintf("editing %s, field %d", s.edit.key, s.edit.field)
			}
			return fmt.Sprintf("target %v per %s; %s", k.Target, k.TargetPer, editing)
		}, true, keys...)
	})

	t.Run("funnel: a lead moved with enter, then j moves down the list", func(t *testing.T) {
		t.Parallel()
		a := onCopy(t)
		keys := keyMsgs(tabKey(a, TabFunnel), "down", "down", "enter", "down", "m", "enter", "j")
		sameAsTypedSlowly(t, onCopy, func(a *App) string {
			s := a.screens[a.active].(*funnelScreen)
			if s.list == nil {
				return "no list"
			}
			return fmt.Sprintf("move %v, cursor %d of %d", s.move != nil, s.list.nav.cursor, len(s.list.leads))
		}, true, keys...)
	})

	t.Run("funnel: a stage definition saved with enter, then j moves down the stages", func(t *testing.T) {
		t.Parallel()
		a := onCopy(t)
		keys := keyMsgs(tabKey(a, TabFunnel), "d", "down", "down", "enter")
		keys = append(keys, runes("Need, budget and timing confirmed")...)
		for range defsFieldReason - defsFieldJA {
			keys = append(keys, keyMsg("tab"))
		}
		keys = append(keys, runes("agreed")...)
		keys = append(keys, keyMsgs("enter", "j")...)
		sameAsTypedSlowly(t, onCopy, func(a *App) string {
			s := a.screens[a.active].(*funnelScreen)
			revs, err := storeOf(a).StageDefRevisions(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if s.defs == nil {
				return fmt.Sprintf("no definitions; %d revisions", len(revs))
			}
			return fmt.Sprintf("form %v, cursor %d; %d revisions", s.defs.form != nil, s.defs.cursor, len(revs))
		}, true, keys...)
	})

	t.Run("alerts: a snooze saved with enter, then j moves down the alerts", func(t *testing.T) {
		t.Parallel()
		keys := keyMsgs("!", "s", "3", "enter")
		keys = append(keys, runes("visit next week")...)
		keys = append(keys, keyMsgs("enter", "j")...)
		sameAsTypedSlowly(t, onCopy, func(a *App) string {
			p, ok := a.overlay.(*alertsScreen)
			if !ok {
				return fmt.Sprintf("no alerts pane: %T", a.overlay)
			}
			alerts, _, err := storeOf(a).Alerts(ctx, fixedNow, fixedNow.Location())
			if err != nil {
				t.Fatal(err)
			}
			return fmt.Sprintf("snooze open %v, cursor %d; %d alerts", p.snooze != nil, p.nav.cursor, len(alerts))
		}, true, keys...)
	})

	t.Run("alerts: enter on an alert, then j moves down the tab it shows", func(t *testing.T) {
		t.Parallel()
		for _, keys := range [][]tea.Msg{keyMsgs("!", "enter", "j"), keyMsgs("!", "j", "j", "enter", "j", "j")} {
			sameAsTypedSlowly(t, onCopy, tabAndOverlay, true, keys...)
		}
	})

	t.Run("alerts: the input rules saved with enter, then j moves down the reps", func(t *testing.T) {
		t.Parallel()
		keys := keyMsgs("!", "t", "s", "enter", "j")
		sameAsTypedSlowly(t, onCopy, func(a *App) string {
			p, ok := a.overlay.(*alertsScreen)
			if !ok {
				return fmt.Sprintf("no alerts pane: %T", a.overlay)
			}
			return fmt.Sprintf("rules open %v, cursor %d", p.settings != nil, p.nav.cursor)
		}, true, keys...)
	})
}
