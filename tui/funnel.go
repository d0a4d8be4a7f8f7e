package tui

import (
	"context"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/figures"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// The Funnel tab (ファネル, docs/funnel.md): for a period, how many leads
// reached each stage, the cohort's conversion to the next, the median and
// 90th-percentile time it took, the leak, the recycles; a breakdown by
// department, source or rep (b); the step furthest below its target in a
// sentence; the leads past their hand-off limit with their owner. Enter on
// a stage, or on a group's figure, lists the leads behind it; d opens the
// stage definitions.

type funnelKeys struct {
	Up, Down, Left, Right, Enter, By, Defs, Back, Prev, Next, Cycle key.Binding
	Move, Recycle, Confirm                                          key.Binding // on the list of leads and a move's question
}

func (k funnelKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Enter, k.By, k.Defs, k.Prev, k.Next, k.Cycle}
}
func (k funnelKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Left, k.Right, k.Enter, k.Back}, {k.By, k.Defs, k.Prev, k.Next, k.Cycle}}
}

// funnelBys is the order b cycles the breakdown through: none, then the
// store's breakdowns.
var funnelBys = append([]string{""}, store.FunnelGroupings...)

// funnelLeadsLimit is the most leads the list behind a figure shows.
const funnelLeadsLimit = 500

type funnelLoadedMsg struct {
	to     *funnelScreen
	period model.Period
	by     string
	f      *figures.Funnel
	err    error
}

type funnelLeadsMsg struct {
	to    *funnelScreen
	stage model.FunnelStage
	group string
	leads []store.FunnelLead
	err   error
}

// funnelList is the leads behind one figure, shown over the tab.
type funnelList struct {
	stage  model.FunnelStage
	group  string // "" without a breakdown
	leads  []store.FunnelLead
	err    error
	loaded bool // its read has answered
	cursor int  // the selected lead
	offset int  // the first lead shown
}

type funnelScreen struct {
	*Common
	keys          funnelKeys
	width, height int
	period        model.Period
	by            string
	f             *figures.Funnel
	err           error
	// cursor is the selected row: 0-4 the stages, then the breakdown's
	// groups; col is the stage picked in a group's row.
	cursor, col int
	list        *funnelList
	move        *funnelMove // the question of a move of the list's lead
	defs        *defsScreen
}

func newFunnelScreen(c *Common) Screen {
	l := c.Lang
	return &funnelScreen{Common: c, period: model.PeriodOf(model.Month, c.Now(), c.FiscalStart), by: "department", keys: funnelKeys{
		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("up/k", l.T(msgKeyUp))),
		Down:    key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("down/j", l.T(msgKeyDown))),
		Left:    key.NewBinding(key.WithKeys("left"), key.WithHelp("←", l.T(msgKeyFunnelStage))),
		Right:   key.NewBinding(key.WithKeys("right"), key.WithHelp("→", l.T(msgKeyFunnelStage))),
		Enter:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", l.T(msgKeyFunnelLeads))),
		By:      key.NewBinding(key.WithKeys("b"), key.WithHelp("b", l.T(msgKeyFunnelBy))),
		Defs:    key.NewBinding(key.WithKeys("d"), key.WithHelp("d", l.T(msgKeyFunnelDefs))),
		Back:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", l.T(msgKeyBack))),
		Prev:    key.NewBinding(key.WithKeys("["), key.WithHelp("[", l.T(msgKeyPrevPeriod))),
		Next:    key.NewBinding(key.WithKeys("]"), key.WithHelp("]", l.T(msgKeyNextPeriod))),
		Cycle:   key.NewBinding(key.WithKeys("p"), key.WithHelp("p", l.T(msgKeyCycle))),
		Move:    key.NewBinding(key.WithKeys("m"), key.WithHelp("m", l.T(msgKeyFunnelMove))),
		Recycle: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", l.T(msgKeyFunnelRecycle))),
		Confirm: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", l.T(msgKeyFunnelConfirm))),
	}}
}

func (s *funnelScreen) Keys() help.KeyMap {
	k := s.keys
	switch {
	case s.defs != nil:
		return s.defs.Keys()
	case s.move != nil:
		short := []key.Binding{k.Left, k.Right, k.Recycle, k.Confirm, k.Back}
		return keyMap{short: short, full: [][]key.Binding{short}}
	case s.list != nil:
		short := []key.Binding{k.Up, k.Down, k.Move, k.Back}
		return keyMap{short: short, full: [][]key.Binding{short}}
	}
	return s.keys
}

func (s *funnelScreen) SetSize(w, h int) {
	s.width, s.height = w, h
	if s.defs != nil {
		s.defs.SetSize(w, h)
	}
}

func (s *funnelScreen) Init() tea.Cmd { return s.load() }

// Capturing is true while the definitions form takes typed text or a
// move's question is open.
func (s *funnelScreen) Capturing() bool { return s.move != nil || s.defs != nil && s.defs.Capturing() }

// Loading: keys wait in the frame until the first read, and while the
// list of leads opened by enter or the definitions opened by d read theirs
// (enter then j j, or d and an edit typed at once, act on what they meant;
// early_input.go).
func (s *funnelScreen) Loading() bool {
	return s.f == nil && s.err == nil || s.list != nil && !s.list.loaded || s.defs != nil && s.defs.Loading()
}

func (s *funnelScreen) load() tea.Cmd {
	st, p, by, now := s.Store, s.period, s.by, s.Now()
	return s.read(s, func(ctx context.Context) tea.Msg {
		f, err := figures.ComputeFunnel(ctx, st, figures.PeriodRange(p), now, now.Location(), by)
		return funnelLoadedMsg{to: s, period: p, by: by, f: f, err: err}
	})
}

// loadLeads lists the leads behind the selected figure.
func (s *funnelScreen) loadLeads() tea.Cmd {
	stage, group, ok := s.selected()
	if !ok {
		return nil
	}
	st, p, by, now := s.Store, s.period, s.by, s.Now()
	if group == nil {
		by = ""
	}
	g := ""
	if group != nil {
		g = *group
	}
	keep := 0
	if s.list != nil && s.list.stage == stage && s.list.group == g {
		keep = s.list.cursor // a reload after a move keeps the place
	}
	s.list = &funnelList{stage: stage, group: g, cursor: keep}
	return s.read(s.list, func(ctx context.Context) tea.Msg {
		leads, err := figures.FunnelLeadsBehind(ctx, st, figures.PeriodRange(p), now, now.Location(),
			stage, by, g, funnelLeadsLimit)
		return funnelLeadsMsg{to: s, stage: stage, group: g, leads: leads, err: err}
	})
}

// selected is the stage under the cursor and, on a group's row, the group.
func (s *funnelScreen) selected() (model.FunnelStage, *string, bool) {
	if s.f == nil {
		return "", nil, false
	}
	stages := model.LeadStages()
	if s.cursor < len(stages) {
		return stages[s.cursor], nil, true
	}
	i := s.cursor - len(stages)
	if i >= len(s.f.Groups) {
		return "", nil, false
	}
	return stages[s.col], &s.f.Groups[i].Key, true
}

func (s *funnelScreen) rows() int {
	n := len(model.LeadStages())
	if s.f != nil {
		n += len(s.f.Groups)
	}
	return n
}

func (s *funnelScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case funnelLoadedMsg:
		if msg.to == s && msg.period == s.period && msg.by == s.by {
			s.f, s.err = msg.f, msg.err
			s.cursor = min(s.cursor, max(s.rows()-1, 0))
		}
		return s, nil
	case funnelLeadsMsg:
		if msg.to == s && s.list != nil && s.list.stage == msg.stage && s.list.group == msg.group {
			s.list.leads, s.list.err, s.list.loaded = msg.leads, msg.err, true
			s.list.cursor = min(s.list.cursor, max(len(msg.leads)-1, 0))
		}
		return s, nil
	case funnelMovedMsg:
		return s, s.moved(msg)
	case ReloadMsg:
		var cmd tea.Cmd
		if s.defs != nil {
			_, cmd = s.defs.Update(msg)
		}
		if s.list != nil {
			cmd = tea.Batch(cmd, s.loadLeads())
		}
		return s, tea.Batch(s.load(), cmd)
	case defsClosedMsg:
		s.defs = nil
		return s, s.load()
	}
	if s.defs != nil {
		_, cmd := s.defs.Update(msg)
		return s, cmd
	}
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return s, nil
	}
	if s.move != nil {
		return s, s.updateMove(km)
	}
	if s.list != nil {
		switch {
		case key.Matches(km, s.keys.Back, s.keys.Enter):
			s.list = nil
		case key.Matches(km, s.keys.Up):
			s.list.cursor = max(s.list.cursor-1, 0)
		case key.Matches(km, s.keys.Down):
			s.list.cursor = min(s.list.cursor+1, max(len(s.list.leads)-1, 0))
		case key.Matches(km, s.keys.Move):
			s.openMove()
		}
		return s, nil
	}
	switch {
	case key.Matches(km, s.keys.Up):
		s.cursor = max(s.cursor-1, 0)
	case key.Matches(km, s.keys.Down):
		s.cursor = min(s.cursor+1, max(s.rows()-1, 0))
	case key.Matches(km, s.keys.Left):
		s.col = max(s.col-1, 0)
	case key.Matches(km, s.keys.Right):
		s.col = min(s.col+1, len(model.LeadStages())-1)
	case key.Matches(km, s.keys.Enter):
		return s, s.loadLeads()
	case key.Matches(km, s.keys.By):
		for i, b := range funnelBys {
			if b == s.by {
				s.by = funnelBys[(i+1)%len(funnelBys)]
				break
			}
		}
		s.cursor = min(s.cursor, len(model.LeadStages())-1)
		return s, s.load()
	case key.Matches(km, s.keys.Defs):
		s.defs = newDefsScreen(s.Common)
		s.defs.SetSize(s.width, s.height)
		return s, s.defs.Init()
	case key.Matches(km, s.keys.Prev, s.keys.Next, s.keys.Cycle):
		if p, ok := s.stepPeriod(km, s.keys.Prev, s.keys.Next, s.keys.Cycle, s.period); ok {
			s.period = p
			return s, s.load()
		}
	}
	return s, nil
}
