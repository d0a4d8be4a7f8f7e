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

var (
	msgRuleCurrency     = Text{JA: "通貨", EN: "Currency"}
	msgRuleCurrencyForm = Text{JA: "%s (%s, 小数%d桁)", EN: "%s (%s, %d decimals)"}
)

// CurrencyLine is the line `kpit rules` prints for the team's currency,
// laid out like RulesLines.
func CurrencyLine(l Lang, c model.Currency) string {
	s := padRight(l.T(msgRuleCurrency), 16) + "  " + l.T(msgRuleCurrencyForm, c.Code, c.Symbol, c.Decimals)
	if c.Code == model.JPY.Code {
		s += " " + l.T(msgRuleDefault)
	}
	return s
}
