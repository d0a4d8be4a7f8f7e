package tui

import (
	"strings"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
)

// What a quick-add line recorded, said back: the deal's outcome, amount,
// account, rep and day (受注 ¥1,200万 ACME (鈴木 一郎) 2026-11-26), a lead's
// company, contact and rep.

// quickDealText describes a deal as it was stored.
func quickDealText(money catalog.Money, o model.Opportunity) string {
	l := money.Lang
	word := map[model.Outcome]Text{model.OutcomeWon: msgOutcomeWon, model.OutcomeLost: msgOutcomeLost}[o.Outcome]
	parts := []string{l.T(msgOutcomeOpen)}
	day := o.Created
	if word.EN != "" {
		parts, day = []string{l.T(word)}, o.Closed
	}
	if o.HasAmount {
		parts = append(parts, quickAmount(money, o.AmountMinor))
	}
	if o.Account != "" {
		parts = append(parts, o.Account)
	}
	if o.RepName != "" {
		parts = append(parts, "("+o.RepName+")")
	}
	if o.LostReason != "" {
		parts = append(parts, l.T(msgQuickReason, o.LostReason))
	}
	if !day.IsZero() {
		parts = append(parts, model.FormatDate(day))
	}
	if o.Outcome == model.OutcomeOpen {
		if o.Forecast != model.ForecastUnrated {
			parts = append(parts, catalog.ForecastName(l, o.Forecast))
		}
		if !o.Closed.IsZero() {
			parts = append(parts, l.T(msgQuickCloses, model.FormatDate(o.Closed)))
		}
	}
	return strings.Join(parts, " ")
}

// quickAmount is an amount as the manager wrote it: in yen ¥1,200万 in
// Japanese when it is whole 万, else to the yen (¥12,345,678); in another
// currency to the cent ($1,234.56).
func quickAmount(money catalog.Money, y model.Minor) string {
	v := model.Some(money.Currency.Major(y))
	if money.Lang == LangJA && y%10000 == 0 && money.Currency.Decimals == 0 {
		return money.Short(v)
	}
	return money.Full(v)
}

// quickLeadText describes a lead: company, contact and rep.
func quickLeadText(p model.QuickAdd) string {
	s := strings.TrimSpace(p.Account + " " + p.Contact)
	if p.RepName != "" {
		s += " (" + p.RepName + ")"
	}
	return s
}
