package tui

import (
	"context"
	"errors"
	"math"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/figures"
	"github.com/kpit-dev/kpit/kpitree"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// historyPeriods is how many periods the detail pane lists.
const historyPeriods = 6

type treeKeys struct {
	Up, Down, Toggle, Collapse, Expand, Detail key.Binding
	Prev, Next, Cycle                          key.Binding
	WhatIf, Plus, Minus, Type, Reset, Save     key.Binding
	Close                                      key.Binding // the detail pane
	// The detail pane's editor (tree_edit.go).
	EditTarget, EditDeadline, EditDef, EditFormula key.Binding
	EditSave, EditCancel, EditClear                key.Binding
}

func newTreeKeys(l Lang) treeKeys {
	return treeKeys{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("up/k", l.T(msgKeyUp))),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("down/j", l.T(msgKeyDown))),
		Toggle:   key.NewBinding(key.WithKeys("space"), key.WithHelp("space", l.T(msgKeyToggle))),
		Collapse: key.NewBinding(key.WithKeys("left"), key.WithHelp("left", l.T(msgKeyCollapse))),
		Expand:   key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("right/l", l.T(msgKeyExpand))),
		Detail:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", l.T(msgKeyDetail))),
		Prev:     key.NewBinding(key.WithKeys("["), key.WithHelp("[", l.T(msgKeyPrevPeriod))),
		Next:     key.NewBinding(key.WithKeys("]"), key.WithHelp("]", l.T(msgKeyNextPeriod))),
		Cycle:    key.NewBinding(key.WithKeys("p"), key.WithHelp("p", l.T(msgKeyCycle))),
		WhatIf:   key.NewBinding(key.WithKeys("w"), key.WithHelp("w", l.T(msgKeyWhatIf))),
		Plus:     key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+", l.T(msgKeyStepUp))),
		Minus:    key.NewBinding(key.WithKeys("-"), key.WithHelp("-", l.T(msgKeyStepDown))),
		Type:     key.NewBinding(key.WithKeys("e"), key.WithHelp("e", l.T(msgKeyType))),
		Reset:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", l.T(msgKeyReset))),
		Save:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", l.T(msgKeySaveTargets))),
		Close:    key.NewBinding(key.WithKeys("esc", "enter"), key.WithHelp("esc/enter", l.T(msgKeyBack))),

		EditTarget:   key.NewBinding(key.WithKeys("t"), key.WithHelp("t", l.T(msgKeyEditTarget))),
		EditDeadline: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", l.T(msgKeyEditDeadline))),
		EditDef:      key.NewBinding(key.WithKeys("e"), key.WithHelp("e", l.T(msgKeyEditDef))),
		EditFormula:  key.NewBinding(key.WithKeys("f"), key.WithHelp("f", l.T(msgKeyEditFormula))),
		EditSave:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", l.T(msgKeyEditSave))),
		EditCancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", l.T(msgKeyEditCancel))),
		EditClear:    key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", l.T(msgKeyEditClear))),
	}
}

// treeKeyMap is the help for the mode the screen is in.
type treeKeyMap struct {
	k      treeKeys
	whatIf bool
	detail bool // the detail pane is open: its edit keys and close work
	edit   bool // a field of the detail pane is being typed
}

func (m treeKeyMap) ShortHelp() []key.Binding {
	k := m.k
	if m.edit {
		return []key.Binding{k.EditSave, k.EditCancel, k.EditClear}
	}
	if m.detail {
		return []key.Binding{k.EditTarget, k.EditDeadline, k.EditDef, k.EditFormula, k.Close}
	}
	if m.whatIf {
		return []key.Binding{m.k.Plus, m.k.Minus, m.k.Type, m.k.Reset, m.k.Save, m.k.WhatIf}
	}
	return []key.Binding{m.k.Toggle, m.k.Detail, m.k.WhatIf, m.k.Cycle}
}

func (m treeKeyMap) FullHelp() [][]key.Binding {
	k := m.k
	if m.edit {
		return [][]key.Binding{{k.EditSave, k.EditCancel, k.EditClear}}
	}
	if m.detail {
		return [][]key.Binding{{k.EditTarget, k.EditDeadline, k.EditDef, k.EditFormula}, {k.Close}}
	}
	return [][]key.Binding{
		{k.Up, k.Down, k.Toggle, k.Collapse, k.Expand, k.Detail},
		{k.Prev, k.Next, k.Cycle},
		{k.WhatIf, k.Plus, k.Minus, k.Type, k.Reset, k.Save},
	}
}

// treeData is one load of the tree screen.
type treeData struct {
	goals  *goals
	period model.Period
	today  time.Time
	figs   *figures.Figures
	actual map[string]model.Value // every node's value over the period (figs.Values)
	trend  []figures.SeriesPoint  // the last periods, for the detail pane

	revisions goalRevisions // the goals' revisions, for the detail pane
}

type treeLoadedMsg struct {
	seq  int
	data *treeData
	err  error
}

// treeScreen is the KPI tree (KPIツリー): each node with actual, target,
// achievement and share of the gap; a detail pane; and the what-if mode.
type treeScreen struct {
	*Common
	keys          treeKeys
	width, height int
	period        model.Period
	seq           int
	data          *treeData
	err           error

	collapsed map[string]bool
	cursor    int  // index into visibleNodes()
	detail    bool // the detail pane of the node under the cursor is open
	// focusLater are the keys of a focus asked for before the tree was
	// read (the checklist's jump as the cockpit starts).
	focusLater []string

	whatIf    bool
	overrides map[string]kpitree.Target // what-if values of leaves
	editing   bool                      // typing a what-if value
	confirm   bool                      // asking whether to save the what-if as targets
	quitAsk   bool                      // q with what-if values not saved: asking y/n
	input     lineInput
	note      string // a one-line hint or error under the tree

	edit *kpiEdit // typing a target, deadline, definition or formula in the detail pane
}

func newTreeScreen(c *Common) Screen {
	return &treeScreen{
		Common:    c,
		keys:      newTreeKeys(c.Lang),
		period:    model.PeriodOf(model.Month, c.Now(), c.FiscalStart),
		collapsed: map[string]bool{},
		overrides: map[string]kpitree.Target{},
	}
}

func (s *treeScreen) Init() tea.Cmd { return s.load() }
func (s *treeScreen) Keys() help.KeyMap {
	return treeKeyMap{k: s.keys, whatIf: s.whatIf, detail: s.detail, edit: s.edit != nil}
}
func (s *treeScreen) SetSize(w, h int) { s.width, s.height = w, h }

// Loading: keys wait in the frame until the first read, and while an
// edit of a goal is saved: they are for the editor again if the save
// fails, else for the tree (early_input.go).
func (s *treeScreen) Loading() bool {
	return s.data == nil && s.err == nil || s.edit != nil && s.edit.saving
}

// Capturing is true while a what-if value or a KPI field is being typed,
// or a save confirmed.
func (s *treeScreen) Capturing() bool { return s.editing || s.confirm || s.edit != nil || s.quitAsk }

// AsksBeforeQuit: q asks first while what-if values are not saved.
func (s *treeScreen) AsksBeforeQuit() bool { return len(s.overrides) > 0 }

func (s *treeScreen) load() tea.Cmd {
	s.seq++
	seq, st, p, now := s.seq, s.Store, s.period, s.Now()
	return s.read(s, func(ctx context.Context) tea.Msg {
		data, err := loadTree(ctx, st, p, now)
		return treeLoadedMsg{seq: seq, data: data, err: err}
	})
}

func loadTree(ctx context.Context, st *store.Store, p model.Period, now time.Time) (*treeData, error) {
	figs, err := computeFigures(ctx, st, p, now, figures.Options{})
	if err != nil {
		return nil, err
	}
	d := &treeData{goals: &goals{figs.Goals}, period: p, today: model.Date(now), figs: figs, actual: figs.Values}
	if figs.Goals.Tree == nil {
		return d, nil
	}
	if d.trend, err = figures.Trend(ctx, st, p, historyPeriods, now); err != nil {
		return nil, err
	}
	if d.revisions, err = loadRevisions(ctx, st); err != nil {
		return nil, err
	}
	return d, nil
}

func (s *treeScreen) tree() *kpitree.Tree {
	if s.data == nil {
		return nil
	}
	return s.data.goals.Tree
}

// visibleNodes lists the nodes shown, in display order, skipping the
// children of collapsed nodes.
func (s *treeScreen) visibleNodes() []*kpitree.Node {
	t := s.tree()
	if t == nil {
		return nil
	}
	var out []*kpitree.Node
	var walk func(n *kpitree.Node)
	walk = func(n *kpitree.Node) {
		out = append(out, n)
		if s.collapsed[n.Key] {
			return
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(t.Root())
	return out
}

func (s *treeScreen) current() *kpitree.Node {
	nodes := s.visibleNodes()
	if len(nodes) == 0 {
		return nil
	}
	return nodes[min(s.cursor, len(nodes)-1)]
}

func (s *treeScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case treeLoadedMsg:
		if msg.seq == s.seq {
			s.data, s.err = msg.data, msg.err
			s.cursor = min(s.cursor, max(len(s.visibleNodes())-1, 0))
			if s.focusLater != nil {
				s.focus(s.focusLater)
			}
		}
	case ReloadMsg:
		return s, s.load()
	case tea.PasteMsg:
		if s.editing {
			s.input.Update(msg)
		}
		if s.edit != nil && !s.edit.saving && !s.edit.confirming {
			s.edit.typed().Update(msg)
		}
	case kpiEditSavedMsg:
		return s, s.edited(msg)
	case kpiFocusMsg:
		s.focus(msg.keys)
	case targetsSavedMsg:
		if msg.err != nil {
			return s, Flash(s.T(msgTargetsSaveFailed, writeErr(s.Lang, msg.err)), true)
		}
		s.overrides = map[string]kpitree.Target{}
		return s, tea.Batch(Reload, Flash(s.T(msgTargetsSaved, msg.n), false))
	case tea.MouseWheelMsg:
		switch msg.Mouse().Button {
		case tea.MouseWheelUp:
			s.move(-1)
		case tea.MouseWheelDown:
			s.move(1)
		}
	case tea.KeyPressMsg:
		if s.quitAsk {
			s.quitAsk = false
			if msg.String() == "y" || msg.String() == "Y" {
				return s, tea.Quit
			}
			return s, nil
		}
		if s.confirm {
			s.confirm = false
			if msg.String() == "y" {
				return s, saveTargets(s.Store, s.targetsToSave(), s.revisionNote(s.T(msgReasonWhatIf)))
			}
			return s, nil
		}
		if s.editing {
			s.typeKey(msg)
			return s, nil
		}
		if s.edit != nil {
			return s, s.editKey(msg)
		}
		return s, s.handleKey(msg)
	}
	return s, nil
}

func (s *treeScreen) move(by int) {
	s.cursor = min(max(s.cursor+by, 0), max(len(s.visibleNodes())-1, 0))
}

func (s *treeScreen) handleKey(msg tea.KeyPressMsg) (cmd tea.Cmd) {
	k := s.keys
	s.note = ""
	if key.Matches(msg, s.Common.Keys.Quit) {
		// The frame sends quit here only while what-if values are not saved.
		s.quitAsk = len(s.overrides) > 0
		return nil
	}
	if s.detail {
		defer func() {
			if s.note != "" {
				cmd = Flash(s.note, true) // a key that cannot act says why
			}
		}()
		switch {
		case key.Matches(msg, k.Close):
			s.detail = false
		case key.Matches(msg, k.EditTarget):
			s.startEdit(fieldTarget)
		case key.Matches(msg, k.EditDeadline):
			s.startEdit(fieldDeadline)
		case key.Matches(msg, k.EditDef):
			s.startEdit(fieldDefinition)
		case key.Matches(msg, k.EditFormula):
			s.startEdit(fieldFormula)
		}
		return nil
	}
	n := s.current()
	switch {
	case key.Matches(msg, k.EditTarget, k.EditDeadline, k.EditFormula) && !s.whatIf:
		// The editors are in the detail pane: open it and start there.
		if n == nil {
			return nil
		}
		s.detail = true
		return s.handleKey(msg)
	case msg.String() == "esc":
		s.whatIf = false
	case key.Matches(msg, k.Up):
		s.move(-1)
	case key.Matches(msg, k.Down):
		s.move(1)
	case key.Matches(msg, k.Toggle):
		if n != nil && !n.IsLeaf() {
			s.collapsed[n.Key] = !s.collapsed[n.Key]
		}
	case key.Matches(msg, k.Collapse):
		if n != nil && !n.IsLeaf() {
			s.collapsed[n.Key] = true
		}
	case key.Matches(msg, k.Expand):
		if n != nil {
			delete(s.collapsed, n.Key)
		}
	case key.Matches(msg, k.Detail):
		s.detail = n != nil
	case key.Matches(msg, k.Prev, k.Next, k.Cycle):
		if p, ok := s.stepPeriod(msg, k.Prev, k.Next, k.Cycle, s.period); ok {
			s.period = p
			return s.load()
		}
		return Flash(s.T(msgNoLaterPeriod), true)
	case key.Matches(msg, k.WhatIf):
		s.whatIf = !s.whatIf
	case !s.whatIf:
	case key.Matches(msg, k.Plus):
		s.step(n, 1)
	case key.Matches(msg, k.Minus):
		s.step(n, -1)
	case key.Matches(msg, k.Type):
		if n != nil && n.IsLeaf() {
			s.editing, s.input = true, lineInput{}
		} else {
			s.note = s.T(msgWhatIfNotLeaf)
		}
	case key.Matches(msg, k.Reset):
		s.overrides = map[string]kpitree.Target{}
	case key.Matches(msg, k.Save):
		if len(s.overrides) == 0 {
			s.note = s.T(msgTargetsNothing)
		} else {
			s.confirm = true
		}
	}
	return nil
}

// step moves a leaf's what-if value by 5% of its planned target per step,
// so two steps are +10% of the plan, not 1.05².
func (s *treeScreen) step(n *kpitree.Node, dir int) {
	if n == nil || !n.IsLeaf() {
		s.note = s.T(msgWhatIfNotLeaf)
		return
	}
	base, ok := s.leafTargets()[n.Key]
	if !ok {
		s.note = s.T(msgWhatIfNoTarget, s.data.goals.name(s.Lang, n.Key))
		return
	}
	cur := base
	if o, ok := s.overrides[n.Key]; ok {
		cur = o
	}
	next := kpitree.Target{Value: cur.Value + float64(dir)*0.05*base.Value, Per: base.Per}
	if math.Abs(next.Value-base.Value) <= 1e-9*math.Abs(base.Value) {
		delete(s.overrides, n.Key)
		return
	}
	s.overrides[n.Key] = next
}

// typeKey edits the what-if value being typed: enter applies it, esc drops it.
func (s *treeScreen) typeKey(msg tea.KeyPressMsg) {
	switch msg.String() {
	case "esc":
		s.editing, s.note = false, ""
	case "enter":
		n := s.current()
		if n == nil || !n.IsLeaf() {
			s.editing = false
			return
		}
		t, err := s.parseValue(n, s.input.Value())
		if err != nil {
			s.note = s.T(msgWhatIfBadValue, catalog.ErrorLine(s.Lang, err))
			return // keep what was typed so it can be fixed
		}
		s.overrides[n.Key] = t
		s.editing, s.note = false, ""
	default:
		s.input.Update(msg)
	}
}

// parseValue reads a typed what-if value for leaf n: 35%, 0.35 or 35 for a
// rate, 200万, 150/month. A flow without a /period is per the leaf's target
// period.
func (s *treeScreen) parseValue(n *kpitree.Node, text string) (kpitree.Target, error) {
	q, err := model.ParseQuantity(text)
	if err != nil {
		return kpitree.Target{}, errors.New(s.T(msgWhatIfUnreadable, text, err.Error()))
	}
	per := model.Month
	if base, ok := s.leafTargets()[n.Key]; ok && base.Per != "" {
		per = base.Per
	}
	if q.HasPer {
		per = q.Per
	}
	if q.Value < 0 {
		return kpitree.Target{}, errors.New(s.T(msgWhatIfNegative, text))
	}
	if n.Unit == model.UnitRatio && !q.Percent && q.Value > 1 {
		q.Value /= 100 // "35" for a rate means 35%
	}
	return kpitree.Target{Value: q.Value, Per: per}, nil
}
