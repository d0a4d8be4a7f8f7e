package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/model"
)

// stepPeriod is the period a screen's prev, next or cycle key moves p to:
// back one, forward one but never past the period that holds today (the
// future has no figures), or on to the next kind of period, holding today
// when p does and p's start otherwise. ok is false when the key moves
// nothing: only next can, past the period holding today, and the screen
// says so in the footer (msgNoLaterPeriod).
func (c *Common) stepPeriod(msg tea.KeyPressMsg, prev, next, cycle key.Binding, p model.Period) (model.Period, bool) {
	switch {
	case key.Matches(msg, prev):
		return p.Prev(), true
	case key.Matches(msg, next):
		if n := p.Next(); !n.Start.After(model.Date(c.Now())) {
			return n, true
		}
	case key.Matches(msg, cycle):
		ref := p.Start
		if p.Contains(c.Now()) {
			ref = c.Now()
		}
		return model.PeriodOf(nextKind(p.Kind), ref, c.FiscalStart), true
	}
	return p, false
}
