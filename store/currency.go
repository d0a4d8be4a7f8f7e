package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/kpit-dev/kpit/model"
)

// SettingCurrency holds the team's currency, an ISO 4217 code kpit knows
// (model.CurrencyFor). A file that never set it is in JPY: amounts were
// whole yen before kpit knew currencies, and whole yen are JPY's minor
// units, so such a file needs no rewrite.
//
// The amount columns keep their first names (opportunities.amount_yen,
// customers.mrr_yen) and hold minor units of this currency: renaming them
// would also mean rewriting the undo journal's before-images, which name
// the columns, for no change in what is stored.
const SettingCurrency = "currency"

// Currency is the team's currency, JPY unless set.
func (s *Store) Currency(ctx context.Context) (model.Currency, error) {
	return currency(ctx, s.db)
}

func currency(ctx context.Context, q queryer) (model.Currency, error) {
	var code string
	err := q.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, SettingCurrency).Scan(&code)
	if errors.Is(err, sql.ErrNoRows) {
		return model.JPY, nil
	}
	if err != nil {
		return model.JPY, fmt.Errorf("read setting %s: %w", SettingCurrency, describe(err))
	}
	c, err := model.CurrencyFor(code)
	if err != nil {
		return model.JPY, fmt.Errorf("setting %s: %w", SettingCurrency, err)
	}
	return c, nil
}

// CurrencyInUseError refuses a change of currency in a file that already
// holds money: kpit does not convert amounts, and reading stored yen as
// cents (or the other way) would change every figure.
type CurrencyInUseError struct {
	From, To model.Currency
	Held     []string // what holds money: "opportunity amounts", "the KGI", ...
}

func (e *CurrencyInUseError) Error() string {
	return fmt.Sprintf("this file already holds %s in %s; kpit does not convert money, so the currency can change to %s only before any amount or money target is entered",
		strings.Join(e.Held, ", "), e.From.Code, e.To.Code)
}

// setCurrency stores the currency inside a rules transaction. Setting the
// currency the file already has is a no-op; another is refused with a
// *CurrencyInUseError once the file holds money.
func setCurrency(ctx context.Context, tx *sql.Tx, to model.Currency) error {
	if _, err := model.CurrencyFor(to.Code); err != nil {
		return &model.FieldError{Field: "currency", Msg: err.Error()}
	}
	from, err := currency(ctx, tx)
	if err != nil {
		return err
	}
	if from.Code == to.Code {
		return nil
	}
	checks := []struct{ what, query string }{
		{"opportunity amounts", `SELECT EXISTS (SELECT 1 FROM opportunities WHERE coalesce(amount_yen, 0) != 0 AND ` + pendingHidden("", kindOpportunities) + `)`},
		{"customer MRR", `SELECT EXISTS (SELECT 1 FROM customers WHERE coalesce(mrr_yen, 0) != 0)`},
		{"a money KGI", `SELECT EXISTS (SELECT 1 FROM kgi WHERE unit = 'yen')`},
		{"money KPI targets", `SELECT EXISTS (SELECT 1 FROM kpis WHERE unit = 'yen' AND target IS NOT NULL)`},
		{"money KPI values", `SELECT EXISTS (SELECT 1 FROM kpi_manual_values v JOIN kpis k ON k.key = v.kpi_key WHERE k.unit = 'yen')`},
	}
	var held []string
	for _, c := range checks {
		var yes bool
		if err := tx.QueryRowContext(ctx, c.query).Scan(&yes); err != nil {
			return fmt.Errorf("check money held: %w", describe(err))
		}
		if yes {
			held = append(held, c.what)
		}
	}
	if len(held) > 0 {
		return &CurrencyInUseError{From: from, To: to, Held: held}
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, SettingCurrency, to.Code)
	if err != nil {
		return fmt.Errorf("save setting %s: %w", SettingCurrency, describe(err))
	}
	return nil
}
