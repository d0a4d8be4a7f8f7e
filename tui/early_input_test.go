package tui

import (
	"context"
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
