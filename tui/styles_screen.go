package tui

import (
	"context"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/kpit-dev/kpit/figures"
	"github.com/kpit-dev/kpit/kpitree"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// The KPI tables by sales style (営業スタイル別KPI, docs/styles.md):
// each style's main and supporting KPIs with the team's figure for the
// selected period where the records give one, its focus, and whether each
// KPI is registered. Enter adopts the selected style after a y/n
// confirmation: its KPIs and tree template are added, nothing is removed.
// A warning with the count shows while the team has fewer than 3 or more
// than 5 main KPIs.

type stylesKeys struct {
	Left, Right, Up, Down key.Binding
	Prev, Next, Cycle     key.Binding
	Adopt, Yes, No        key.Binding
	Value                 key.Binding
}

func newStylesKeys(l Lang) stylesKeys {
	return stylesKeys{
		Left:  key.NewBinding(key.WithKeys("left"), key.WithHelp("left/right", l.T(msgKeyStSelect))),
		Right: key.NewBinding(key.WithKeys("right", "l")),
		Up:    key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("up/down", l.T(msgKeyStRow))),
		Down:  key.NewBinding(key.WithKeys("down", "j")),
		Prev:  key.NewBinding(key.WithKeys("["), key.WithHelp("[", l.T(msgKeyStPrev))),
		Next:  key.NewBinding(key.WithKeys("]"), key.WithHelp("]", l.T(msgKeyStNext))),
		Cycle: key.NewBinding(key.WithKeys("p"), key.WithHelp("p", l.T(msgKeyStKind))),
		Adopt: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", l.T(msgKeyStAdopt))),
		Yes:   key.NewBinding(key.WithKeys("y"), key.WithHelp("y", l.T(msgKeyStYes))),
		No:    key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n/esc", l.T(msgKeyStNo))),
		Value: key.NewBinding(key.WithKeys("v"), key.WithHelp("v", l.T(msgKeyStValue))),
	}
}

// stylesKeyMap is the help for the screen, which changes while a
// confirmation is open.
type stylesKeyMap struct {
	k          stylesKeys
	confirming bool
	typing     bool // the value line shows its own keys
}

func (m stylesKeyMap) ShortHelp() []key.Binding {
	if m.typing {
		return nil
	}
	if m.confirming {
		return []key.Binding{m.k.Yes, m.k.No}
	}
	return []key.Binding{m.k.Left, m.k.Up, m.k.Value, m.k.Adopt, m.k.Prev, m.k.Next, m.k.Cycle}
}

func (m stylesKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{m.k.Left, m.k.Up, m.k.Adopt, m.k.Yes, m.k.No, m.k.Value}, {m.k.Prev, m.k.Next, m.k.Cycle}}
}

// stylesLoadedMsg carries the figures of one period and what is registered.
type stylesLoadedMsg struct {
	period    model.Period
	values    map[string]model.Value
	kpis      []model.KPI
	treeNodes map[string]bool
	err       error
}

// styleAdoptedMsg reports an adoption.
type styleAdoptedMsg struct {
	style       model.Style
	kpis, nodes int
	err         error
}

type stylesScreen struct {
	*Common
	keys          stylesKeys
	width, height int
	styles        []model.Style

	period     model.Period
	loaded     bool
	err        error
	values     map[string]model.Value
	registered map[string]bool // KPI keys in the database
	treeNodes  map[string]bool // tree node keys in the database
	mainKPIs   int             // registered main KPIs

	cursor     int // selected style
	row        int // selected KPI of that style
	confirming bool

	typing   bool      // typing a manual KPI's value (styles_manual.go)
	input    lineInput // the value typed
	inputErr string
}

func newStylesScreen(c *Common) Screen {
	return &stylesScreen{
		Common: c, keys: newStylesKeys(c.Lang), styles: model.Styles(),
		period: model.PeriodOf(model.Month, c.Now(), c.FiscalStart),
	}
}

func (s *stylesScreen) Init() tea.Cmd { return s.load() }

func (s *stylesScreen) load() tea.Cmd {
	st, p, now := s.Store, s.period, s.Now()
	return s.read(s, func(ctx context.Context) tea.Msg {
		m := stylesLoadedMsg{period: p}
		m.values, m.kpis, m.treeNodes, m.err = loadStyleData(ctx, st, p, now)
		return m
	})
}

// loadStyleData reads the period's figures for every catalogue KPI the
// records can give, from the figures engine, and the KPIs and tree nodes
// that are registered.
func loadStyleData(ctx context.Context, st *store.Store, p model.Period, now time.Time) (map[string]model.Value, []model.KPI, map[string]bool, error) {
	var keys []string
	for _, style := range model.Styles() {
		for _, e := range style.Rows() {
			keys = append(keys, e.KPI.Key)
		}
	}
	figs, err := computeFigures(ctx, st, p, now, figures.Options{Keys: keys})
	if err != nil {
		return nil, nil, nil, err
	}
	defs, err := st.TreeNodes(ctx)
	if err != nil {
		return nil, nil, nil, err
	}
	nodes := map[string]bool{}
	for _, d := range defs {
		nodes[d.Key] = true
	}
	return figs.Values, figs.Goals.KPIs, nodes, nil
}

func (s *stylesScreen) SetSize(w, h int) { s.width, s.height = w, h }

// Loading: keys wait in the frame until the first read (early_input.go).
func (s *stylesScreen) Loading() bool { return !s.loaded }

func (s *stylesScreen) Keys() help.KeyMap {
	return stylesKeyMap{k: s.keys, confirming: s.confirming, typing: s.typing}
}

// Capturing keeps every key with the screen while a confirmation is open,
// so y, n and esc answer it and nothing else happens meanwhile.
func (s *stylesScreen) Capturing() bool { return s.confirming || s.typing }

func (s *stylesScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case stylesLoadedMsg:
		if msg.period != s.period {
			return s, nil // an older period's answer
		}
		s.loaded, s.err = true, msg.err
		if msg.err == nil {
			s.values = msg.values
			s.registered, s.treeNodes, s.mainKPIs = map[string]bool{}, msg.treeNodes, 0
			for _, k := range msg.kpis {
				s.registered[k.Key] = true
				if k.Main {
					s.mainKPIs++
				}
			}
		}
		return s, nil
	case ReloadMsg:
		return s, s.load()
	case styleAdoptedMsg:
		if msg.err != nil {
			return s, Flash(s.T(msgStAdoptErr, writeErr(s.Lang, msg.err)), true)
		}
		name := s.Lang.Pick(msg.style.NameJA, msg.style.NameEN)
		return s, tea.Batch(Reload, Flash(s.T(msgStAdopted, name, msg.kpis, msg.nodes), false))
	case tea.MouseWheelMsg:
		if msg.Mouse().Button == tea.MouseWheelUp {
			s.cursor = max(s.cursor-1, 0)
		} else if msg.Mouse().Button == tea.MouseWheelDown {
			s.cursor = min(s.cursor+1, len(s.styles)-1)
		}
		return s, nil
	case manualSavedMsg:
		return s, s.manualSaved(msg)
	case tea.KeyPressMsg:
		if s.typing {
			return s, s.updateValue(msg)
		}
		return s, s.handleKey(msg)
	case tea.PasteMsg:
		if s.typing {
			return s, s.updateValue(msg)
		}
	}
	return s, nil
}

func (s *stylesScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	if s.confirming {
		switch {
		case key.Matches(msg, k.Yes):
			s.confirming = false
			return s.adopt(s.styles[s.cursor])
		case key.Matches(msg, k.No):
			s.confirming = false
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.Left):
		s.cursor, s.row = (s.cursor+len(s.styles)-1)%len(s.styles), 0
	case key.Matches(msg, k.Right):
		s.cursor, s.row = (s.cursor+1)%len(s.styles), 0
	case key.Matches(msg, k.Up):
		s.row = max(s.row-1, 0)
	case key.Matches(msg, k.Down):
		s.row = min(s.row+1, max(s.rowCount()-1, 0))
	case key.Matches(msg, k.Value):
		return s.startValue()
	case key.Matches(msg, k.Prev):
		s.period = s.period.Prev()
		return s.load()
	case key.Matches(msg, k.Next):
		s.period = s.period.Next()
		return s.load()
	case key.Matches(msg, k.Cycle):
		s.period = model.PeriodOf(nextKind(s.period.Kind), s.Now(), s.FiscalStart)
		return s.load()
	case key.Matches(msg, k.Adopt):
		if !s.loaded || s.err != nil {
			return nil
		}
		st := s.styles[s.cursor]
		if kpis, nodes := s.missing(st); kpis == 0 && nodes == 0 {
			return Flash(s.T(msgStNothingNew, s.Lang.Pick(st.NameJA, st.NameEN)), false)
		}
		s.confirming = true
	}
	return nil
}

// styleKPIs are the KPI definitions a style brings: its main KPIs, then its
// supporting ones.
func styleKPIs(st model.Style) []model.KPI {
	var out []model.KPI
	for _, e := range append(append([]model.KPIEntry(nil), st.Main...), st.Supporting...) {
		out = append(out, e.KPI)
	}
	return out
}

// missing counts the style's KPIs and tree nodes not registered yet: what
// adopting it would add.
func (s *stylesScreen) missing(st model.Style) (kpis, nodes int) {
	for _, k := range styleKPIs(st) {
		if !s.registered[k.Key] {
			kpis++
		}
	}
	for _, d := range kpitree.Template(st.Key) {
		if !s.treeNodes[d.Key] {
			nodes++
		}
	}
	return kpis, nodes
}

// adopt adds the style's KPIs and tree template in one transaction; the
// store leaves everything that exists as it is.
func (s *stylesScreen) adopt(st model.Style) tea.Cmd {
	kpis, nodes := s.missing(st)
	store := s.Store
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), saveTimeout)
		defer cancel()
		err := store.AdoptKPIs(ctx, styleKPIs(st), kpitree.Template(st.Key))
		return styleAdoptedMsg{style: st, kpis: kpis, nodes: nodes, err: err}
	}
}

func (s *stylesScreen) View() string {
	if !s.loaded {
		return s.Styles.Muted.Render(s.T(msgLoading))
	}
	if s.err != nil {
		return errLine(s.Common, s.err)
	}
	lines := []string{
		s.Styles.Title.Render(s.T(msgStTitle)) + "   " + s.Styles.Bold.Render(periodLabel(s.Lang, s.period)),
		s.mainLine(),
	}
	grid := s.width >= 110 && s.height >= 30
	if grid {
		w := (s.width - 2) / 2
		for row := 0; row < len(s.styles); row += 2 {
			lines = append(lines, "")
			left := s.table(row, w)
			right := []string{}
			if row+1 < len(s.styles) {
				right = s.table(row+1, w)
			}
			for i := range left {
				r := ""
				if i < len(right) {
					r = right[i]
				}
				lines = append(lines, padRight(left[i], w)+"  "+r)
			}
		}
	} else {
		lines = append(lines, s.selector(), "")
		lines = append(lines, s.table(s.cursor, min(s.width, 72))...)
	}
	lines = append(lines, "")
	if s.typing {
		lines = append(lines, s.valueLine()...)
	} else if s.confirming {
		st := s.styles[s.cursor]
		kpis, nodes := s.missing(st)
		lines = append(lines, s.Styles.Bold.Render(s.T(msgStConfirm, s.Lang.Pick(st.NameJA, st.NameEN), kpis, nodes)),
			s.Styles.Bold.Render(s.T(msgStConfirmKeys)))
	} else {
		lines = append(lines, s.Styles.Muted.Render(s.T(msgStHint)))
	}
	for i, l := range lines {
		lines[i] = clipCell(l, s.width)
	}
	return strings.Join(lines, "\n")
}

// mainLine counts the registered main KPIs, as a warning outside 3-5.
func (s *stylesScreen) mainLine() string {
	if s.mainKPIs < 3 || s.mainKPIs > 5 {
		return s.Styles.Error.Render(s.T(msgStMainWarn, s.mainKPIs))
	}
	return s.Styles.Muted.Render(s.T(msgStMainOK, s.mainKPIs))
}

// selector names the four styles, the selected one in brackets.
func (s *stylesScreen) selector() string {
	var parts []string
	for i, st := range s.styles {
		name := s.Lang.Pick(st.NameJA, st.NameEN)
		if i == s.cursor {
			parts = append(parts, s.Styles.Selected.Render("["+name+"]"))
		} else {
			parts = append(parts, " "+name+" ")
		}
	}
	return strings.Join(parts, " ")
}

// table is one style as lines at most w columns wide: its name, focus,
// column heads and one row per KPI.
func (s *stylesScreen) table(i, w int) []string {
	st := s.styles[i]
	const kindW, valueW, regW = 8, 12, 6
	nameW := max(w-kindW-valueW-regW-5, 8)
	head := s.Lang.Pick(st.NameJA, st.NameEN)
	if i == s.cursor {
		head = s.Styles.Selected.Render("> " + head + " ")
	} else {
		head = s.Styles.Title.Render("  " + head)
	}
	out := []string{
		head,
		s.Styles.Muted.Render(padRight(s.T(msgStFocus, s.Lang.Pick(st.FocusJA, st.FocusEN)), w)),
		s.Styles.Bold.Render(" " + padRight(s.T(msgStColKind), kindW) + " " + padRight(s.T(msgStColKPI), nameW) + " " +
			ckRight(s.T(msgStColValue), valueW) + " " + ckRight(s.T(msgStColReg), regW)),
	}
	n := 0
	row := func(e model.KPIEntry, kind Text) string {
		mark := " "
		if i == s.cursor && n == s.row {
			mark = ">"
		}
		n++
		v, ok := s.values[e.KPI.Key]
		cell := undefined
		if ok {
			cell = s.Money().Unit(e.KPI.Unit, v)
		}
		reg := s.T(msgStRegNo)
		if s.registered[e.KPI.Key] {
			reg = s.T(msgStRegYes)
		}
		return mark + padRight(s.T(kind), kindW) + " " + padRight(s.Lang.Pick(e.KPI.NameJA, e.KPI.NameEN), nameW) + " " +
			ckRight(cell, valueW) + " " + ckRight(reg, regW)
	}
	for _, e := range st.Main {
		out = append(out, row(e, msgStMain))
	}
	for _, e := range st.Supporting {
		out = append(out, row(e, msgStSupport))
	}
	for _, e := range st.Related {
		out = append(out, row(e, msgStRelated))
	}
	return out
}

// ckRight fits s to w columns, aligned right.
func ckRight(s string, w int) string {
	if lipgloss.Width(s) > w {
		return padRight(s, w)
	}
	return strings.Repeat(" ", w-lipgloss.Width(s)) + s
}
