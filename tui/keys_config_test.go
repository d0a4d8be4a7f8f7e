package tui

import (
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// The config file's [keys] rebinds a screen's key, an overlay's opening key
// and a frame key: the new key acts, the old one no longer does, and `?`
// help shows the new key.
func TestKeyRebindingIsApplied(t *testing.T) {
	t.Parallel()
	keys := KeyOverrides{
		"dashboard.set_kgi": {"G"},
		"quick_add":         {";"},
		"next_tab":          {"ctrl+n"},
	}
	open := func() *App {
		a := New(Options{Store: openDemo(t), Lang: LangEN, Now: func() time.Time { return fixedNow }, NoColor: true, Keys: keys})
		run(t, a, a.Init())
		a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		return a
	}
	dash := func(a *App) *dashboard { return a.screens[0].(*dashboard) }

	a := open()
	press(t, a, "g")
	if dash(a).kgi.editing {
		t.Fatal("g still opens the KGI prompt after set_kgi was rebound to G")
	}
	press(t, a, "G")
	if !dash(a).kgi.editing {
		t.Fatal("G does not open the KGI prompt")
	}

	a = open()
	press(t, a, ":")
	if a.overlay != nil {
		t.Fatal(": still opens quick-add after it was rebound to ;")
	}
	press(t, a, ";")
	if _, ok := a.overlay.(*quickScreen); !ok {
		t.Fatalf("; opened %T, want quick-add", a.overlay)
	}

	a = open()
	_, cmd := a.Update(tea.KeyPressMsg{Code: 'n', Mod: tea.ModCtrl})
	run(t, a, cmd)
	if a.active != 1 {
		t.Fatalf("ctrl+n: tab %d, want the second", a.active)
	}
	press(t, a, "1", "?")
	help := screen(a)
	for _, want := range []string{"G ", "; ", "ctrl+n "} {
		if !strings.Contains(help, want) {
			t.Errorf("help lacks the rebound key %q:\n%s", want, help)
		}
	}
}

// Every screen's key struct is reachable by a name, and the names are the
// ones README's [keys] example uses.
func TestKeyActionsNameEveryScreen(t *testing.T) {
	t.Parallel()
	var actions []string
	for _, a := range KeyActions() {
		actions = append(actions, a.Name)
	}
	for _, want := range []string{"quit", "help", "next_tab", "quick_add", "entry", "dashboard.set_kgi", "tree.what_if", "records.edit", "review.next"} {
		if !slices.Contains(actions, want) {
			t.Errorf("KeyActions lacks %q", want)
		}
	}
	if slices.Contains(actions, "tabs") {
		t.Error("the 1-9 tab keys are read by position and cannot be rebound")
	}
	for _, tc := range [][3]string{{"", "SetKGI", "set_kgi"}, {"tree", "WhatIf", "tree.what_if"}, {"", "NextTab", "next_tab"}, {"x", "EditDef", "x.edit_def"}} {
		if got := actionName(tc[0], tc[1]); got != tc[2] {
			t.Errorf("actionName(%q, %q) = %q, want %q", tc[0], tc[1], got, tc[2])
		}
	}
}

// The config file's me is the rep the entry form starts on (the first rep,
// 田中, without it); a rep used since takes over, and a me who is not a rep
// changes nothing.
func TestEntryStartsOnMyRep(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ me, want string }{{"鈴木", "鈴木"}, {"", "田中"}, {"山田", "田中"}} {
		st := entryStore(t)
		a := New(Options{Store: st, Lang: LangEN, Now: func() time.Time { return fixedNow }, NoColor: true, Me: tc.me})
		run(t, a, a.Init())
		a.Update(tea.WindowSizeMsg{Width: 110, Height: 32})
		if got := a.common.DefaultRep(); got != tc.me {
			t.Fatalf("DefaultRep %q, want %q", got, tc.me)
		}
		press(t, a, "a", "enter")
		acts := activities(t, st)
		if len(acts) != 1 || acts[0].RepName != tc.want {
			t.Fatalf("me %q: a, enter stored %+v; want rep %s", tc.me, acts, tc.want)
		}
	}
}
