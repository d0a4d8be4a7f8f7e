package tui

import (
	"io"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// TestFlowTeatest runs the cockpit in a Bubble Tea program (teatest): it
// opens on the dashboard, moves to the tree, raises the win rate by two
// steps in what-if mode and quits with q.
func TestFlowTeatest(t *testing.T) {
	t.Parallel()
	w := watch(New(Options{Store: openDemo(t), Lang: LangEN, Now: func() time.Time { return fixedNow }, NoColor: true}))
	tm := teatest.NewTestModel(t, w, teatest.WithInitialTermSize(120, 40))
	waitFor := func(what string) {
		t.Helper()
		w.waitFor(t, what)
	}
	waitFor("Average deal size")
	tm.Send(tea.KeyPressMsg{Code: '2', Text: "2"})
	waitFor("Verdict")
	for _, k := range []rune{'j', 'j', 'j', 'j', 'j', 'j', 'j', 'w', '+', '+'} {
		tm.Send(tea.KeyPressMsg{Code: k, Text: string(k)})
	}
	waitFor("What-if: these KPIs reach")
	// Two what-if steps are not saved: q asks first, y quits.
	tm.Send(tea.KeyPressMsg{Code: 'q', Text: "q"})
	waitFor("not saved. Quit?")
	tm.Send(tea.KeyPressMsg{Code: 'y', Text: "y"})
	tm.WaitFinished(t, teatest.WithFinalTimeout(teatestWait))
	final := tm.FinalModel(t).(*watchedApp).App
	tree := final.screens[1].(*treeScreen)
	if final.active != 1 || tree.current().Key != "win_rate" || len(tree.overrides) != 1 {
		t.Fatalf("final state: tab %d, cursor %s, overrides %v", final.active, tree.current().Key, tree.overrides)
	}
	if _, err := io.ReadAll(tm.FinalOutput(t)); err != nil {
		t.Fatal(err)
	}
}

// TestFlowTeatestJapaneseResize runs the Japanese cockpit, shrinks the
// window below the minimum and back, and quits with ctrl+c.
func TestFlowTeatestJapaneseResize(t *testing.T) {
	t.Parallel()
	w := watch(New(Options{Store: openDemo(t), Lang: LangJA, Now: func() time.Time { return fixedNow }, NoColor: true}))
	tm := teatest.NewTestModel(t, w, teatest.WithInitialTermSize(80, 24))
	waitFor := func(what string) {
		t.Helper()
		w.waitFor(t, what)
	}
	waitFor("着地予測")
	tm.Send(tea.WindowSizeMsg{Width: 30, Height: 10})
	waitFor("小さすぎ")
	tm.Send(tea.WindowSizeMsg{Width: 120, Height: 40})
	tm.Send(tea.KeyPressMsg{Code: '2', Text: "2"})
	waitFor("判定")
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	tm.WaitFinished(t, teatest.WithFinalTimeout(teatestWait))
	if final := tm.FinalModel(t).(*watchedApp).App; final.active != 1 || final.common.Width != 120 {
		t.Fatalf("final state: tab %d, width %d", final.active, final.common.Width)
	}
}
