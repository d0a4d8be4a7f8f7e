package tui

import (
	"context"
	"fmt"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/catalog"
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
	Nav                                                             listNavKeys // the list of leads
	Filter                                                          key.Binding
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

// funnelList is the leads behind one figure, shown over the tab, with the
// cursor and the `/` filter every list has.
type funnelList struct {
	stage  model.FunnelStage
	group  string // "" without a breakdown
	leads  []store.FunnelLead
	err    error
	loaded bool       // its read has answered
	nav    listNav    // the cursor over the leads shown
	filter listFilter // narrows the leads to those with the text in a column
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
		Nav:     newListNavKeys(l),
		Filter:  filterKey(l),
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
	case s.list != nil && s.list.filter.typing:
		return s.list.filter.keys()
	case s.list != nil:
		short := []key.Binding{k.Move, k.Filter, k.Back}
		return keyMap{short: short, full: [][]key.Binding{{k.Nav.Up, k.Nav.Down, k.Nav.Top, k.Nav.Page, k.Filter}, {k.Move, k.Back}}}
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

// Capturing is true while the definitions form takes typed text, a move's
// question is open or the list's filter is typed.
func (s *funnelScreen) Capturing() bool {
	return s.move != nil || s.defs != nil && s.defs.Capturing() || s.list != nil && s.list.filter.typing
}

// Typing: while the list's filter is typed, ? is a letter of it.
func (s *funnelScreen) Typing() bool { return s.list != nil && s.list.filter.typing }

// Loading: keys wait in the frame until the first read, and while the
// list of leads opened by enter or the definitions opened by d read theirs
// (enter then j j, or d and an edit typed at once, act on what they meant;
// early_input.go), and while a lead's move is saved (a second enter would
// move it again; the keys after it are for the list).
func (s *funnelScreen) Loading() bool {
	return s.f == nil && s.err == nil || s.list != nil && !s.list.loaded || s.defs != nil && s.defs.Loading() ||
		s.move != nil && s.move.saving
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
	if s.list == nil || s.list.stage != stage || s.list.group != g {
		s.list = &funnelList{stage: stage, group: g, filter: newListFilter(s.Lang)}
	} // else a reload after a move keeps the place and the filter
	s.list.err, s.list.loaded = nil, false
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
			s.list.nav.setLen(len(s.list.shown(s.Common)))
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
	if s.list != nil && s.move == nil {
		return s, s.updateList(msg)
	}
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return s, nil
	}
	if s.move != nil {
		return s, s.updateMove(km)
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

// shown are the list's leads the filter keeps: those with its text in the
// id, company, source, owner or the stage they stand at.
func (lst *funnelList) shown(c *Common) []store.FunnelLead {
	if lst.filter.value() == "" {
		return lst.leads
	}
	var out []store.FunnelLead
	for _, fl := range lst.leads {
		if lst.filter.match(fmt.Sprint(fl.ID), fl.Company, fl.Source, c.RepName(fl.RepName), catalog.StageWord(c.Lang, fl.Current)) {
			out = append(out, fl)
		}
	}
	return out
}

// updateList takes a key, a wheel turn or a click on the list of leads:
// the shared list keys move the cursor, / filters, m asks to move the
// lead, esc clears a filter and then closes the list, as enter does.
func (s *funnelScreen) updateList(msg tea.Msg) tea.Cmd {
	lst := s.list
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		lst.nav.update(msg, true)
	case tea.MouseClickMsg:
		if msg.Button == tea.MouseLeft {
			lst.nav.clicked(msg.Y)
		}
	case tea.KeyPressMsg:
		if lst.filter.typing {
			if lst.filter.update(msg) {
				lst.nav = listNav{}
				lst.nav.setLen(len(lst.shown(s.Common)))
			}
			return nil
		}
		switch {
		case lst.nav.update(msg, true):
		case key.Matches(msg, s.keys.Filter):
			lst.filter.start()
		case key.Matches(msg, s.keys.Back) && lst.filter.value() != "":
			lst.filter.clear()
			lst.nav.setLen(len(lst.shown(s.Common)))
		case key.Matches(msg, s.keys.Back, s.keys.Enter):
			s.list = nil
		case key.Matches(msg, s.keys.Move):
			s.openMove()
		}
	}
	return nil
}
