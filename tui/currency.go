package tui

import "github.com/kpit-dev/kpit/model"

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
