package tui

import (
	"context"
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// Moving a lead from the Funnel tab's list of leads (m): the selected lead
// moves to a stage picked with ←/→, now, recorded by the user's own rep;
// r marks the move a recycle. enter confirms, esc cancels. The store's
// checks (model.CheckStageMove) refuse a bad move; the refusal is one line
// under the question naming the lead and the field, and nothing is
// written. The move is journaled: u on the Records tab takes it back.

// funnelMove is the open question of a move.
type funnelMove struct {
	lead    store.FunnelLead
	to      model.FunnelStage
	recycle bool
	err     string // the refusal of the last try, one line
	saving  bool   // enter was pressed; waiting for the store
}

type funnelMovedMsg struct {
	to   *funnelScreen
	move funnelMove
	err  error
}

// openMove asks to move the lead under the list's cursor on to the stage
// after its current one.
func (s *funnelScreen) openMove() {
	if s.list == nil {
		return
	}
	shown := s.list.shown(s.Common)
	if s.list.nav.cursor >= len(shown) {
		return
	}
	fl := shown[s.list.nav.cursor]
	to := fl.Current.Next()
	if to == "" {
		to = fl.Current
	}
	if !to.Valid() || to.Order() > model.FunnelWon.Order() {
		to = model.FunnelWon
	}
	s.move = &funnelMove{lead: fl, to: to}
}

// updateMove handles a key while the question is open.
func (s *funnelScreen) updateMove(km tea.KeyPressMsg) tea.Cmd {
	mv := s.move
	stages := model.LeadStages()
	switch {
	case key.Matches(km, s.keys.Back):
		s.move = nil
	case key.Matches(km, s.keys.Left):
		mv.to, mv.err = stages[max(mv.to.Order()-1, 0)], ""
	case key.Matches(km, s.keys.Right):
		mv.to, mv.err = stages[min(mv.to.Order()+1, len(stages)-1)], ""
	case key.Matches(km, s.keys.Recycle):
		mv.recycle, mv.err = !mv.recycle, ""
	case key.Matches(km, s.keys.Confirm):
		mv.saving = true
		st, m := s.Store, *mv
		sm := model.StageMove{LeadID: m.lead.ID, Stage: m.to, At: s.Now(), RepName: s.DefaultRep(), Recycle: m.recycle}
		return func() tea.Msg {
			return funnelMovedMsg{to: s, move: m, err: st.MoveStages(context.Background(), []model.StageMove{sm})}
		}
	}
	return nil
}

// moved takes the store's answer: a refusal stays on the question as one
// line; a move closes it, says so and reloads every screen.
func (s *funnelScreen) moved(msg funnelMovedMsg) tea.Cmd {
	if msg.to != s || s.move == nil || s.move.lead.ID != msg.move.lead.ID {
		return nil
	}
	if msg.err != nil {
		s.move.err, s.move.saving = s.moveRefusal(msg.move.lead.ID, msg.err), false
		return nil
	}
	s.move = nil
	l, fl := s.Lang, msg.move.lead
	line := catalog.LeadMoved
	if msg.move.recycle {
		line = catalog.LeadRecycled
	}
	text := l.T(line, fl.ID, fl.Company, catalog.StageWord(l, msg.move.to), s.Now().Format("2006-01-02 15:04"))
	return tea.Batch(Reload, Flash(text, false))
}

// moveRefusal is a refused move in one line: the lead, the field, why.
func (s *funnelScreen) moveRefusal(id int64, err error) string {
	var fe *model.FieldError
	switch {
	case errors.Is(err, store.ErrNoLead):
		return s.T(catalog.LeadMissing, id)
	case errors.As(err, &fe):
		// The stages it names in the screen's words, as the table has them.
		args := make([]any, len(fe.Args))
		for i, a := range fe.Args {
			args[i] = a
			if st, ok := a.(model.FunnelStage); ok {
				args[i] = catalog.StageWord(s.Lang, st)
			}
		}
		field := fieldLabel(s.Lang, fe.Field)
		if fe.Field == "stage" {
			field = s.T(catalog.FunnelColStage) // a funnel stage, not a deal's sales stage
		}
		return s.T(msgFunnelMoveRefused, id, field, refusal(s.Lang, fe.Code, args, fe.Msg))
	}
	return writeErr(s.Lang, err)
}

// moveLines is the question under the list.
func (s *funnelScreen) moveLines() []string {
	l, mv := s.Lang, s.move
	var stages []string
	for _, st := range model.LeadStages() {
		w := catalog.StageWord(l, st)
		if st == mv.to {
			w = s.Styles.Selected.Render("[" + w + "]")
		}
		stages = append(stages, w)
	}
	recycle := s.T(msgFunnelMoveNoRecycle)
	if mv.recycle {
		recycle = s.T(msgFunnelMoveRecycle)
	}
	out := []string{
		s.Styles.Bold.Render(clipLine(s.T(msgFunnelMoveAsk, mv.lead.ID, mv.lead.Company, catalog.StageWord(l, mv.lead.Current)), s.width)),
		"  " + strings.Join(stages, " ") + "  " + recycle,
		s.Styles.Muted.Render(clipLine("  "+s.T(msgFunnelMoveHint), s.width)),
	}
	// The refusal names the lead, the field and why: wrapped, never cut.
	if mv.err != "" {
		for _, line := range wrapIndented(mv.err, s.width, 0) {
			out = append(out, s.Styles.Error.Render(line))
		}
	}
	return out
}
