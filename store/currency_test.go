package store

import (
	"context"
	"errors"
	"testing"

	"github.com/kpit-dev/kpit/model"
)

// A file without a currency is JPY; the currency can be set while the file
// holds no money, and a change is refused once an amount is stored, with
// the rest of the same rules update left unwritten.
func TestCurrencySetting(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openTemp(t)
		addReps(t, s, "Smith")
		if c, err := s.Currency(ctx); err != nil || c != model.JPY {
			t.Fatalf("new file: %+v, %v; want JPY", c, err)
		}
		usd, _ := model.CurrencyFor("USD")
		eur, _ := model.CurrencyFor("EUR")
		if err := s.UpdateRules(ctx, RuleUpdate{Currency: &usd}); err != nil {
			t.Fatalf("set USD on an empty file: %v", err)
		}
		if c, _ := s.Currency(ctx); c.Code != "USD" {
			t.Fatalf("after set: %s, want USD", c.Code)
		}
		// $1,234.56 in, cents out of the record and of the roll-up.
		closed := model.D(2026, 5, 10)
		if _, err := s.AddOpportunity(ctx, model.Opportunity{RepName: "Smith", Account: "Acme", Created: model.D(2026, 5, 1),
			Closed: closed, Outcome: model.OutcomeWon, AmountMinor: 123456, HasAmount: true}); err != nil {
			t.Fatal(err)
		}
		var stored int64
		s.db.QueryRow(`SELECT amount_yen FROM opportunities`).Scan(&stored)
		if stored != 123456 {
			t.Fatalf("stored %d, want 123456 cents", stored)
		}
		counts, err := s.Counts(ctx, Filter{From: closed, To: closed.AddDate(0, 0, 1)})
		if err != nil || counts[model.MetricRevenue] != 123456 {
			t.Fatalf("revenue %v (%v), want 123456 cents", counts[model.MetricRevenue], err)
		}

		if err := s.UpdateRules(ctx, RuleUpdate{Currency: &usd}); err != nil {
			t.Errorf("setting the same currency again: %v", err)
		}
		days := 3
		err = s.UpdateRules(ctx, RuleUpdate{StaleDays: &days, Currency: &eur})
		var ue *CurrencyInUseError
		if !errors.As(err, &ue) || ue.From.Code != "USD" || ue.To.Code != "EUR" || len(ue.Held) != 1 {
			t.Fatalf("change with amounts held: %v, want a CurrencyInUseError USD→EUR naming the amounts", err)
		}
		if c, _ := s.Currency(ctx); c.Code != "USD" {
			t.Errorf("after the refusal: %s, want USD", c.Code)
		}
		if r, _ := s.InputRules(ctx); r.StaleDays == days {
			t.Errorf("the refused update still wrote stale days %d", r.StaleDays)
		}
	})
}

// A stored code kpit does not know is an error naming the setting, not a
// silent fall-back to yen.
func TestCurrencyUnknownStored(t *testing.T) {
	onBoth(t, func(t *testing.T) {
		ctx := context.Background()
		s := openTemp(t)
		if err := s.SetSetting(ctx, SettingCurrency, "XYZ"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Currency(ctx); err == nil {
			t.Fatal("XYZ read without an error")
		}
	})
}
