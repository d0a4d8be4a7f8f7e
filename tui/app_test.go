package tui

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

func TestTabSwitching(t *testing.T) {
	t.Parallel()
	for _, lang := range []Lang{LangJA, LangEN} {
		a := newTestApp(t, lang, 120, 40)
		var titles []string
		for _, td := range tabDefs() {
			titles = append(titles, lang.T(td.Title))
		}
		last := len(titles) - 1
		want := func(i int) {
			t.Helper()
			if a.active != i {
				t.Fatalf("%s: active tab %d, want %d (%s)", lang, a.active, i, titles[i])
			}
		}
		want(0)
		press(t, a, "2")
		want(1)
		press(t, a, "4")
		want(3)
		press(t, a, fmt.Sprint(last+1))
		want(last)
		press(t, a, "tab")
		want(0) // wraps
		press(t, a, "shift+tab")
		want(last)
		press(t, a, "4")
		want(3)
		press(t, a, "9") // no ninth tab: nothing happens
		want(3)

		// A click on a tab title: find its column in the rendered bar.
		for i, title := range titles {
			bar := strings.Split(screen(a), "\n")[0]
			at := strings.Index(bar, title)
			if at < 0 {
				t.Fatalf("%s: tab bar %q lacks %q", lang, bar, title)
			}
			x := lipgloss.Width(bar[:at]) + 1
			a.Update(tea.MouseClickMsg{X: x, Y: 0, Button: tea.MouseLeft})
			want(i)
		}
		// A click below the bar does not switch.
		a.Update(tea.MouseClickMsg{X: 2, Y: 5, Button: tea.MouseLeft})
		want(len(titles) - 1)
	}
}

func TestPeriodStepping(t *testing.T) {
	t.Parallel()
	a := newTestApp(t, LangJA, 120, 40)
	d := a.screens[0].(*dashboard)
	if got := d.period; got.Kind != model.Month || !got.Start.Equal(model.D(2026, 11, 1)) {
		t.Fatalf("start period %v", got)
	}
	press(t, a, "[")
	p := d.period
	if !p.Start.Equal(model.D(2026, 10, 1)) || !p.End.Equal(model.D(2026, 11, 1)) {
		t.Fatalf("after [: %s – %s, want 2026-10-01 – 2026-11-01", p.Start, p.End)
	}
	// The figures shown are October's: revenue summed independently.
	st := openDemo(t)
	c, err := st.Counts(context.Background(), store.Filter{From: model.D(2026, 10, 1), To: model.D(2026, 11, 1)})
	if err != nil {
		t.Fatal(err)
	}
	out := screen(a)
	if !strings.Contains(out, "2026年10月") || !strings.Contains(out, FormatYen(LangJA, model.Some(c["revenue"]))) {
		t.Fatalf("October's revenue %v not on screen:\n%s", c["revenue"], out)
	}
	press(t, a, "]", "]") // the second ] would go past today: refused
	if !d.period.Start.Equal(model.D(2026, 11, 1)) {
		t.Fatalf("after ] ]: %v, want November", d.period.Start)
	}
	// p cycles week, month, quarter, fiscal year around today.
	press(t, a, "p")
	if d.period.Kind != model.Quarter || !d.period.Start.Equal(model.D(2026, 10, 1)) {
		t.Fatalf("p from month: %v %v, want the quarter from 2026-10-01", d.period.Kind, d.period.Start)
	}
	press(t, a, "p")
	if d.period.Kind != model.FiscalYear || !d.period.Start.Equal(model.D(2026, 4, 1)) {
		t.Fatalf("p from quarter: %v %v, want FY from 2026-04-01", d.period.Kind, d.period.Start)
	}
	press(t, a, "p")
	if d.period.Kind != model.Week || !d.period.Start.Equal(model.D(2026, 11, 23)) {
		t.Fatalf("p from year: %v %v, want the week from Monday 2026-11-23", d.period.Kind, d.period.Start)
	}
	press(t, a, "[")
	if !d.period.Start.Equal(model.D(2026, 11, 16)) {
		t.Fatalf("[ on a week: %v", d.period.Start)
	}
}

// demoLeafTargets reads the demo's leaf targets per month from the store.
func demoLeafTargets(t *testing.T) map[string]float64 {
	st := openDemo(t)
	kpis, err := st.KPIs(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]float64{}
	for _, k := range kpis {
		if k.HasTarget {
			out[k.Key] = k.Target
		}
	}
	return out
}

// treeAt opens the tree tab with the cursor on key.
func treeAt(t *testing.T, a *App, key string) *treeScreen {
	t.Helper()
	press(t, a, "2")
	s := a.screens[1].(*treeScreen)
	for i, n := range s.visibleNodes() {
		if n.Key == key {
			s.cursor = i
			return s
		}
	}
	t.Fatalf("no node %s", key)
	return nil
}

func TestWhatIfWinRatePlusTenPercent(t *testing.T) {
	t.Parallel()
	tg := demoLeafTargets(t)
	// By hand: revenue per year = visits × capture × lead→opp × win rate ×
	// deal size, the monthly counts times 12.
	planned := tg["visits"] * 12 * tg["lead_capture_rate"] * tg["lead_to_opportunity_rate"] * tg["win_rate"] * tg["avg_deal_size"]
	want := planned * 1.10

	a := newTestApp(t, LangEN, 120, 40)
	s := treeAt(t, a, "win_rate")
	press(t, a, "w", "+", "+")
	base, changed := s.whatIfPlans()
	if math.Abs(base.Implied.V-planned) > 1 {
		t.Fatalf("planned revenue %v, by hand %v", base.Implied.V, planned)
	}
	if math.Abs(changed.Implied.V-want) > 1 {
		t.Fatalf("implied revenue after +10%% on win rate: %v, want %v", changed.Implied.V, want)
	}
	if got := s.overrides["win_rate"].Value; math.Abs(got-tg["win_rate"]*1.1) > 1e-12 {
		t.Fatalf("win rate what-if %v, want %v", got, tg["win_rate"]*1.1)
	}
	out := screen(a)
	for _, w := range []string{"+10.0%", FormatYen(LangEN, model.Some(want))} {
		if !strings.Contains(out, w) {
			t.Errorf("screen lacks %q:\n%s", w, out)
		}
	}
	// Every node above win rate moved by 10%, the others not at all.
	orders := changed.Values["orders_won"].V / base.Values["orders_won"].V
	opps := changed.Values["opportunities"].V / base.Values["opportunities"].V
	if math.Abs(orders-1.1) > 1e-9 || opps != 1 {
		t.Errorf("orders won ×%v (want 1.1), opportunities ×%v (want 1)", orders, opps)
	}

	// Back-calculation with the what-if in place: the deal size alone would
	// need KGI / (orders per year at the what-if win rate).
	orderYear := tg["visits"] * 12 * tg["lead_capture_rate"] * tg["lead_to_opportunity_rate"] * tg["win_rate"] * 1.1
	needDeal := math.Ceil(1e9 / orderYear)
	if got := changed.Required["avg_deal_size"].Value.V; math.Abs(got-needDeal) > 1 {
		t.Errorf("deal size needed alone %v, by hand %v", got, needDeal)
	}

	press(t, a, "-", "-")
	if len(s.overrides) != 0 {
		t.Errorf("two steps back should clear the what-if: %v", s.overrides)
	}
	press(t, a, "+", "r")
	if len(s.overrides) != 0 {
		t.Errorf("r should reset: %v", s.overrides)
	}
}

func TestWhatIfTypedValue(t *testing.T) {
	t.Parallel()
	tg := demoLeafTargets(t)
	a := newTestApp(t, LangJA, 120, 40)
	s := treeAt(t, a, "win_rate")
	press(t, a, "w", "e")
	if !s.Capturing() {
		t.Fatal("e should start typing")
	}
	// q and 1 are typed, not taken as quit and tab keys.
	press(t, a, "q")
	if a.active != 1 || s.input.Value() != "q" {
		t.Fatalf("q while typing: tab %d, input %q", a.active, s.input.Value())
	}
	press(t, a, "enter") // "q" is no number: refused, text kept
	if !s.editing || !strings.Contains(screen(a), "値を読めません") {
		t.Fatalf("a bad value should be explained and kept:\n%s", screen(a))
	}
	press(t, a, "backspace", "4", "5", "%", "enter")
	if s.editing {
		t.Fatal("enter should apply 45%")
	}
	_, changed := s.whatIfPlans()
	want := tg["visits"] * 12 * tg["lead_capture_rate"] * tg["lead_to_opportunity_rate"] * 0.45 * tg["avg_deal_size"]
	if math.Abs(changed.Implied.V-want) > 1 {
		t.Fatalf("implied with win rate 45%%: %v, want %v", changed.Implied.V, want)
	}
	// A plain number above 1 for a rate is a percentage.
	press(t, a, "e", "3", "5", "enter")
	if got := s.overrides["win_rate"].Value; math.Abs(got-0.35) > 1e-12 {
		t.Errorf("35 for the win rate read as %v, want 0.35", got)
	}
	// A step on an inner node is refused with a hint.
	s.cursor = 0
	press(t, a, "+")
	if !strings.Contains(screen(a), LangJA.T(msgWhatIfNotLeaf)) {
		t.Errorf("no hint for a step on the root")
	}
	press(t, a, "esc")
	if s.whatIf {
		t.Error("esc should leave what-if mode")
	}
}

func TestTreeVerdictWorkedExample(t *testing.T) {
	t.Parallel()
	// docs/kpi-tree.md: 50 opportunities a month, 30% win rate, ¥2,000,000 deals
	// against ¥1,000,000,000 reach 36% of the KGI.
	a := newTestApp(t, LangJA, 120, 40)
	s := treeAt(t, a, "revenue")
	g := s.data.goals
	g.KPIs = []model.KPI{
		{Key: "opportunities", Target: 50, HasTarget: true, TargetPer: model.Month},
		{Key: "win_rate", Target: 0.30, HasTarget: true},
		{Key: "avg_deal_size", Target: 2_000_000, HasTarget: true},
	}
	g.KGI.Value, g.KGI.Per = 1_000_000_000, model.FiscalYear
	if got := ansiStrip(s.verdict()); got != "判定: 現在のKPI目標ではKGIの36%にしか届きません" {
		t.Errorf("ja verdict %q", got)
	}
	s.Lang = LangEN
	defer func() { s.Lang = LangJA }()
	if got := ansiStrip(s.verdict()); got != "Verdict: the KPIs as set reach only 36% of the KGI" {
		t.Errorf("en verdict %q", got)
	}
}

func TestTreeExpandCollapseAndDetail(t *testing.T) {
	t.Parallel()
	a := newTestApp(t, LangEN, 120, 40)
	s := treeAt(t, a, "orders_won")
	all := len(s.visibleNodes())
	press(t, a, "space")
	// orders_won hides opportunities, leads, visits, capture, lead→opp, win rate.
	if got := len(s.visibleNodes()); got != all-6 {
		t.Fatalf("collapsed: %d nodes visible, want %d", got, all-6)
	}
	if !strings.Contains(screen(a), "[+] Orders won") {
		t.Errorf("collapsed node not marked:\n%s", screen(a))
	}
	press(t, a, "space")
	if len(s.visibleNodes()) != all {
		t.Fatal("space again should expand")
	}
	s = treeAt(t, a, "win_rate")
	press(t, a, "enter")
	out := screen(a)
	for _, w := range []string{"Win rate (esc to go back)", "Definition", "Formula", "Data source", "History", "Oct 2026"} {
		if !strings.Contains(out, w) {
			t.Errorf("detail pane lacks %q:\n%s", w, out)
		}
	}
	press(t, a, "esc")
	if s.detail {
		t.Error("esc should close the detail pane")
	}
}

func TestResizeNeverPanics(t *testing.T) {
	t.Parallel()
	for _, lang := range []Lang{LangJA, LangEN} {
		a := newTestApp(t, lang, 120, 40)
		for tab := range a.screens {
			a.switchTo(tab)
			for _, sz := range [][2]int{{40, 12}, {39, 12}, {1, 1}, {0, 0}, {200, 50}, {41, 13}, {80, 24}} {
				a.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
				out := screen(a)
				lines := strings.Split(out, "\n")
				if sz[0] > 0 && len(lines) > sz[1] {
					t.Errorf("%s tab %d at %dx%d: %d lines", lang, tab, sz[0], sz[1], len(lines))
				}
				for _, l := range lines {
					if w := lipgloss.Width(l); w > sz[0] {
						t.Errorf("%s tab %d at %dx%d: line of %d columns: %q", lang, tab, sz[0], sz[1], w, l)
					}
				}
				small := sz[0] < MinWidth || sz[1] < MinHeight
				// The message wraps to the width; its first word must show.
				word := strings.Fields(lang.T(msgTooSmall, MinWidth, MinHeight))[0]
				if sz[0] >= 20 && small != strings.Contains(out, word) {
					t.Errorf("%s at %dx%d: too-small message shown=%v, want %v:\n%s", lang, sz[0], sz[1], !small, small, out)
				}
			}
		}
	}
}

func TestHelpToggle(t *testing.T) {
	t.Parallel()
	a := newTestApp(t, LangJA, 120, 40)
	press(t, a, "?")
	out := screen(a)
	// Generated from the bindings: the global keys and the dashboard's.
	for _, w := range []string{"ctrl+r", "再読み込み", "shift+tab", "前の期間", "週/月/四半期/年度"} {
		if !strings.Contains(out, w) {
			t.Errorf("help lacks %q:\n%s", w, out)
		}
	}
	press(t, a, "?")
	if a.showHelp || strings.Contains(screen(a), "再読み込み") {
		t.Error("? again should close the help")
	}
	press(t, a, "2", "?")
	if !strings.Contains(screen(a), "試算モード") {
		t.Errorf("help on the tree lacks its keys:\n%s", screen(a))
	}
	press(t, a, "esc")
	if a.showHelp {
		t.Error("esc should close the help")
	}
}

func TestQuit(t *testing.T) {
	t.Parallel()
	for _, k := range []string{"q", "ctrl+c"} {
		a := newTestApp(t, LangEN, 80, 24)
		_, cmd := a.Update(keyMsg(k))
		if cmd == nil {
			t.Fatalf("%s: no command", k)
		}
		if _, ok := cmd().(tea.QuitMsg); !ok {
			t.Errorf("%s does not quit", k)
		}
	}
}

// copyDemo copies the demo database for a test that writes to it.
func copyDemo(tb testing.TB) string {
	tb.Helper()
	dst := filepath.Join(tb.TempDir(), "demo.db")
	in, err := os.Open(demoPath)
	if err != nil {
		tb.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		tb.Fatal(err)
	}
	if err := out.Close(); err != nil {
		tb.Fatal(err)
	}
	return dst
}

func TestReloadSeesAnotherWriter(t *testing.T) {
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

	// A second kpit (another handle on the file) records a ¥50,000,000 win today.
	other, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	reps, err := other.Reps(context.Background())
	if err != nil || len(reps) == 0 {
		t.Fatal(reps, err)
	}
	today := model.Date(fixedNow)
	err = other.BulkInsert(context.Background(), store.Batch{Opportunities: []model.Opportunity{{
		ExternalID: "reload-test", RepID: reps[0].ID, Account: "テスト商事", Created: today, Closed: today,
		AmountMinor: 50_000_000, HasAmount: true, Outcome: model.OutcomeWon, EnteredAt: fixedNow, UpdatedAt: fixedNow,
	}}})
	other.Close()
	if err != nil {
		t.Fatal(err)
	}
	if d.data.cur.Values["revenue"].V != before {
		t.Fatal("figures changed before the reload")
	}
	press(t, a, "ctrl+r")
	if got := d.data.cur.Values["revenue"].V; got != before+50_000_000 {
		t.Fatalf("revenue after ctrl+r %v, want %v", got, before+50_000_000)
	}
	if !strings.Contains(screen(a), "Reloaded") {
		t.Error("no reload message")
	}
}

// testOverlay records what reaches it.
type testOverlay struct {
	*Common
	keys []string
}

func (o *testOverlay) Init() tea.Cmd     { return nil }
func (o *testOverlay) View() string      { return "overlay: " + strings.Join(o.keys, ",") }
func (o *testOverlay) SetSize(w, h int)  {}
func (o *testOverlay) Keys() help.KeyMap { return keyMap{} }
func (o *testOverlay) Update(msg tea.Msg) (Screen, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		o.keys = append(o.keys, k.String())
		if k.String() == "enter" {
			return o, tea.Batch(CloseOverlay, Reload)
		}
	}
	return o, nil
}

func TestOverlay(t *testing.T) {
	t.Parallel()
	a := newTestApp(t, LangEN, 80, 24)
	var opened *testOverlay
	a.overlays = append(a.overlays, overlayDef{
		ID:  "test",
		Key: func(l Lang) key.Binding { return key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "test")) },
		New: func(c *Common) Screen { opened = &testOverlay{Common: c}; return opened },
	})
	press(t, a, "x", "2", "k")
	if opened == nil || a.overlay == nil {
		t.Fatal("x should open the overlay")
	}
	if a.active != 0 || strings.Join(opened.keys, ",") != "2,k" {
		t.Fatalf("keys should reach the overlay, not the frame: tab %d, overlay got %v", a.active, opened.keys)
	}
	if !strings.Contains(screen(a), "overlay: 2,k") {
		t.Errorf("overlay not drawn:\n%s", screen(a))
	}
	press(t, a, "q") // q closes an overlay as esc does; it quits only from a tab
	if a.overlay != nil {
		t.Fatal("q should close the overlay")
	}
	press(t, a, "x", "esc")
	if a.overlay != nil {
		t.Fatal("esc should close the overlay")
	}
	press(t, a, "x", "enter")
	if a.overlay != nil {
		t.Fatal("CloseOverlay should close it")
	}
	a.Update(BadgeMsg{Text: "!3"})
	if bar := strings.Split(screen(a), "\n")[0]; !strings.HasSuffix(strings.TrimRight(bar, " "), "!3") {
		t.Errorf("badge not at the right of the tab bar: %q", bar)
	}
}

func ansiStrip(s string) string { return strings.TrimSpace(ansi.Strip(s)) }

func TestHelpShowsEveryBindingAtEightyColumns(t *testing.T) {
	t.Parallel()
	for _, lang := range []Lang{LangJA, LangEN} {
		a := newTestApp(t, lang, 80, 24)
		press(t, a, "2", "?")
		out := screen(a)
		// Every key of the tree screen, however many groups, is listed.
		for _, group := range a.screens[1].Keys().FullHelp() {
			for _, b := range group {
				if !strings.Contains(out, b.Help().Desc) {
					t.Errorf("%s: help at 80x24 lacks %q:\n%s", lang, b.Help().Desc, out)
				}
			}
		}
	}
}

func TestVerdictAlwaysVisibleOnTheTree(t *testing.T) {
	t.Parallel()
	a := newTestApp(t, LangJA, 80, 24)
	s := treeAt(t, a, "win_rate")
	has := func(mode, want string) {
		t.Helper()
		if !strings.Contains(screen(a), want) {
			t.Errorf("%s: no verdict %q:\n%s", mode, want, screen(a))
		}
	}
	has("tree", "判定: 現在のKPI目標でKGIの")
	press(t, a, "enter")
	has("detail pane", "判定: 現在のKPI目標でKGIの")
	press(t, a, "esc", "w")
	has("what-if before a change", "判定: 現在のKPI目標でKGIの")
	press(t, a, "+")
	has("what-if", "試算: このKPIならKGIの")
	press(t, a, "e")
	has("typing a value", "試算: このKPIならKGIの")
	if !s.Capturing() {
		t.Fatal("e should start typing")
	}
}

func TestMouseWheelMovesTheSelection(t *testing.T) {
	t.Parallel()
	a := newTestApp(t, LangEN, 120, 40)
	d := a.screens[0].(*dashboard)
	a.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	a.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if d.nav.cursor != 2 {
		t.Fatalf("dashboard after two wheel steps: row %d, want 2", d.nav.cursor)
	}
	a.Update(tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	if d.nav.cursor != 1 {
		t.Fatalf("dashboard after wheel up: row %d, want 1", d.nav.cursor)
	}
	s := treeAt(t, a, "revenue")
	for range 20 {
		a.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	}
	if n := len(s.visibleNodes()); s.cursor != n-1 {
		t.Fatalf("tree after 20 wheel steps: row %d, want the last (%d)", s.cursor, n-1)
	}
}
