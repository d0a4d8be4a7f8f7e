package tui

import (
	"context"
	"slices"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/model"
)

// The checklist diagnosis (チェックリスト診断): the 14 items of
// docs/checklist.md grouped, each with the user's status, the evidence from the
// database and the status the data suggests; the score, compared with the
// previous diagnosis; the gaps grouped by failure pattern with the next
// step for each, and enter on a gap opens the screen that fixes it.

type checklistKeys struct {
	Up, Down, PageUp, PageDown key.Binding
	Cycle, CycleBack           key.Binding
	Yes, Partly, No            key.Binding
	Jump                       key.Binding
}

func newChecklistKeys(l Lang) checklistKeys {
	return checklistKeys{
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("up/k", l.T(msgKeyUp))),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("down/j", l.T(msgKeyDown))),
		PageUp:    key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup/pgdn", l.T(msgKeyCkPage))),
		PageDown:  key.NewBinding(key.WithKeys("pgdown")),
		Cycle:     key.NewBinding(key.WithKeys("space", "right", "l"), key.WithHelp("space/right", l.T(msgKeyCkCycle))),
		CycleBack: key.NewBinding(key.WithKeys("left"), key.WithHelp("left", l.T(msgKeyCkBack))),
		Yes:       key.NewBinding(key.WithKeys("y"), key.WithHelp("y", l.T(msgKeyCkYes))),
		Partly:    key.NewBinding(key.WithKeys("p"), key.WithHelp("p", l.T(msgKeyCkPart))),
		No:        key.NewBinding(key.WithKeys("n"), key.WithHelp("n", l.T(msgKeyCkNo))),
		Jump:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", l.T(msgKeyCkJump))),
	}
}

func (k checklistKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Cycle, k.Yes, k.Partly, k.No, k.Jump}
}

func (k checklistKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.Jump}, {k.Cycle, k.CycleBack, k.Yes, k.Partly, k.No}}
}

// checklistLoadedMsg carries what the screen reads from the store.
type checklistLoadedMsg struct {
	evidence model.Evidence
	history  []model.ChecklistAnswer
	err      error
}

// checklistSavedMsg reports a saved (or failed) answer.
type checklistSavedMsg struct {
	answer model.ChecklistAnswer
	err    error
}

// ckRow is one selectable row: an item, or a gap under its pattern.
type ckRow struct {
	item int
	gap  bool
}

type checklistScreen struct {
	*Common
	keys          checklistKeys
	width, height int

	loaded   bool
	jumping  bool // enter on a gap asked for the tab that fixes it
	err      error
	evidence model.Evidence
	history  []model.ChecklistAnswer
	answers  map[int]model.Answer
	diag     model.Diagnosis
	prev     *model.Diagnosis // nil when there is no earlier diagnosis
	prevDay  time.Time

	rows   []ckRow
	cursor int // index in rows
	offset int // first list line shown
}

func newChecklistScreen(c *Common) Screen {
	return &checklistScreen{Common: c, keys: newChecklistKeys(c.Lang), answers: map[int]model.Answer{}}
}

func (s *checklistScreen) Init() tea.Cmd { return s.load() }

func (s *checklistScreen) load() tea.Cmd {
	st, now := s.Store, s.Now()
	return s.read(s, func(ctx context.Context) tea.Msg {
		var m checklistLoadedMsg
		if m.evidence, m.err = st.ChecklistEvidence(ctx, now); m.err != nil {
			return m
		}
		m.history, m.err = st.ChecklistHistory(ctx)
		return m
	})
}

func (s *checklistScreen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.scrollToCursor()
}

func (s *checklistScreen) Keys() help.KeyMap { return s.keys }

// Loading: keys wait in the frame until the first read (early_input.go),
// and once enter on a gap has asked for the tab that fixes it: the keys
// after enter are that tab's.
func (s *checklistScreen) Loading() bool { return !s.loaded || s.jumping }

// checklistJumpedMsg says the tab a gap asked for is shown.
type checklistJumpedMsg struct{}

func (s *checklistScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case checklistLoadedMsg:
		s.loaded, s.err = true, msg.err
		if msg.err == nil {
			s.evidence, s.history = msg.evidence, msg.history
			s.rediagnose()
		}
		return s, nil
	case ReloadMsg:
		return s, s.load()
	case checklistJumpedMsg:
		s.jumping = false
		return s, nil
	case checklistSavedMsg:
		if msg.err != nil {
			return s, tea.Batch(Flash(s.T(msgCkSaveErr, writeErr(s.Lang, msg.err)), true), s.load())
		}
		s.history = append(s.history, msg.answer)
		s.rediagnose()
		return s, nil
	case tea.MouseWheelMsg:
		if msg.Mouse().Button == tea.MouseWheelUp {
			s.move(-1)
		} else if msg.Mouse().Button == tea.MouseWheelDown {
			s.move(1)
		}
		return s, nil
	case tea.KeyPressMsg:
		return s, s.handleKey(msg)
	}
	return s, nil
}

func (s *checklistScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if !s.loaded || s.err != nil || len(s.rows) == 0 {
		return nil
	}
	k := s.keys
	row := s.rows[s.cursor]
	switch {
	case key.Matches(msg, k.Up):
		s.move(-1)
	case key.Matches(msg, k.Down):
		s.move(1)
	case key.Matches(msg, k.PageUp):
		s.move(-max(s.listHeight()-1, 1))
	case key.Matches(msg, k.PageDown):
		s.move(max(s.listHeight()-1, 1))
	case key.Matches(msg, k.Cycle):
		return s.answer(row.item, s.current(row.item).Next())
	case key.Matches(msg, k.CycleBack):
		return s.answer(row.item, s.current(row.item).Prev())
	case key.Matches(msg, k.Yes):
		return s.answer(row.item, model.AnswerYes)
	case key.Matches(msg, k.Partly):
		return s.answer(row.item, model.AnswerPartly)
	case key.Matches(msg, k.No):
		return s.answer(row.item, model.AnswerNo)
	case key.Matches(msg, k.Jump):
		return s.jump(row.item)
	}
	return nil
}

// current is the status a toggle starts from: the user's answer, else what
// the diagnosis counts (the data's suggestion).
func (s *checklistScreen) current(item int) model.Answer {
	if a, ok := s.answers[item]; ok {
		return a
	}
	return s.diag.Items[item-1].Effective
}

// answer records a status at once on screen and saves it in a command, with
// its time, as a new row of the answer history.
func (s *checklistScreen) answer(item int, a model.Answer) tea.Cmd {
	ans := model.ChecklistAnswer{Item: item, Status: a, AnsweredAt: s.Now()}
	s.answers[item] = a
	s.diag = model.Diagnose(s.answers, s.evidence)
	s.buildRows(item, s.rows[s.cursor].gap)
	st := s.Store
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), st.BusyWait())
		defer cancel()
		return checklistSavedMsg{answer: ans, err: st.SaveChecklistAnswer(ctx, ans)}
	}
}

// rediagnose recomputes the current and the previous diagnosis from the
// history. The previous one is the answers as they stood at the end of the
// last earlier day with answers; its unanswered items are scored with
// today's evidence, as the current ones are.
func (s *checklistScreen) rediagnose() {
	var keepItem int
	var keepGap bool
	if s.cursor < len(s.rows) {
		keepItem, keepGap = s.rows[s.cursor].item, s.rows[s.cursor].gap
	}
	s.answers = model.AnswersAsOf(s.history, s.Now())
	s.diag = model.Diagnose(s.answers, s.evidence)
	s.prev = nil
	if day, ok := model.PreviousDiagnosisDay(s.history); ok {
		d := model.Diagnose(model.AnswersAsOf(s.history, day.AddDate(0, 0, 1).Add(-time.Nanosecond)), s.evidence)
		s.prev, s.prevDay = &d, day
	}
	s.buildRows(keepItem, keepGap)
}

// buildRows lists the selectable rows (items, then gaps) and puts the
// cursor back on the row it was on, or on the item when its gap is gone.
func (s *checklistScreen) buildRows(item int, gap bool) {
	s.rows = s.rows[:0]
	for _, it := range model.ChecklistItems() {
		s.rows = append(s.rows, ckRow{item: it.Number})
	}
	for _, pg := range s.diag.Gaps {
		for _, g := range pg.Gaps {
			s.rows = append(s.rows, ckRow{item: g.Item.Number, gap: true})
		}
	}
	s.cursor = 0
	for i, r := range s.rows {
		if r.item == item && r.gap == gap {
			s.cursor = i
		}
	}
	if gap && s.cursor == 0 && item > 1 {
		s.cursor = item - 1
	}
	s.scrollToCursor()
}

func (s *checklistScreen) move(d int) {
	if len(s.rows) == 0 {
		return
	}
	s.cursor = min(max(s.cursor+d, 0), len(s.rows)-1)
	s.scrollToCursor()
}

// jump opens the screen that fixes item's gap: its tab when there is one,
// else the overlay of that name, else the nearest tab that exists. The
// keys typed after enter wait until it is shown, and are its (Loading).
func (s *checklistScreen) jump(item int) tea.Cmd {
	it, _ := model.ChecklistItemByNumber(item)
	name := s.T(checklistFixText[it.Fix])
	for _, t := range tabDefs() {
		if string(t.ID) == it.Fix {
			return s.jumpTo(t.ID, FocusKPI(s.kpisToFix(item)), Flash(s.T(msgCkJumped, name), false))
		}
	}
	// The input rules are edited in the alerts pane until a settings
	// screen of their own exists.
	overlayIDs := map[string][]string{model.FixSettings: {"settings", "rules", "alerts"}}[it.Fix]
	if overlayIDs == nil {
		overlayIDs = []string{it.Fix}
	}
	for _, o := range overlayDefs() {
		if slices.Contains(overlayIDs, o.ID) {
			s.jumping = true
			return func() tea.Msg { return OpenOverlayMsg{ID: o.ID, Then: checklistJumped} }
		}
	}
	for _, t := range tabDefs() {
		if t.ID == TabDashboard {
			return s.jumpTo(t.ID, nil, Flash(s.T(msgCkNoScreen, name, s.T(t.Title)), false))
		}
	}
	return nil
}

// jumpTo shows tab id, giving it first (when not nil) before the keys
// typed after enter; those keys wait until it is shown (Loading).
func (s *checklistScreen) jumpTo(id TabID, first tea.Msg, flash tea.Cmd) tea.Cmd {
	s.jumping = true
	return func() tea.Msg { return SwitchTabMsg{ID: id, First: first, Then: tea.Batch(flash, checklistJumped)} }
}

func checklistJumped() tea.Msg { return checklistJumpedMsg{} }

// kpisToFix are the KPIs the evidence names for items 4 (no target or no
// deadline) and 5 (nothing written): the tree opens the first of them.
func (s *checklistScreen) kpisToFix(item int) []string {
	switch item {
	case 4:
		return append(slices.Clone(s.evidence.MissingTarget), s.evidence.MissingDeadline...)
	case 5:
		return s.evidence.MissingDefinition
	}
	return nil
}
