package tui

import (
	"context"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/model"
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
		keys := keyMsgs(tabKey(a, TabRecords), "e", "down", "down", "down", "down", "down", "x", "enter")
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
