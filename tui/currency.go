package tui

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/model"
)

// The team's currency (kpit rules --currency) decides how amounts typed in
// are read and how money is written. The frame reads it at start and on
// every reload (ctrl+r, or after a save), like the fiscal-year start, so a
// currency set on a file that holds no money yet shows without a restart.

// currencyMsg carries the stored currency.
type currencyMsg struct{ cur model.Currency }

// loadCurrency reads the setting for the frame. A bad stored value keeps
// the currency in use (kpit rules reports it).
func loadCurrency(c *Common) tea.Cmd {
	st := c.Store
	return func() tea.Msg {
		cur, err := st.Currency(context.Background())
		if err != nil {
			return nil
		}
		return currencyMsg{cur: cur}
	}
}
