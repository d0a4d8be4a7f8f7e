package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// The input rules live in the settings table under these keys (written by
// `kpit rules` and the settings screen; the checklist reads them as
// evidence for items 8 and 9). A key that was never set means the default
// of model.DefaultInputRules.
//
//	rule.deadline            same-day | next-business-day | Nd (N calendar days, 1–365)
//	rule.required.activity   comma list of activity fields: account,note,opportunity
//	rule.required.opportunity comma list: amount,account,product,stage,closed,lost_reason
//	rule.required.lead       comma list: company,contact,source,rep
//	rule.stale_days          days without an entry after which a rep is stale (default 7)
//	rule.stale_days.<rep>    the same for one rep by name; 0 turns the check off for them
//	rule.future_days         how many days ahead of today an event date may lie (default 0)
//	rule.alerts              on | off (default on)
//	rule.year_end_closure    on | off: 12/29–1/3 are not business days (default on)
const (
	RuleDeadline       = "rule.deadline"
	RuleRequiredPrefix = "rule.required."
	RuleStaleDays      = "rule.stale_days"
	RuleFutureDays     = "rule.future_days"
	RuleAlerts         = "rule.alerts"
	RuleYearEndClosure = "rule.year_end_closure"
)

// inputRules reads the rules, falling back to the default for any key that
// is missing or unreadable.
func inputRules(ctx context.Context, q queryer) (model.InputRules, error) {
	r := model.DefaultInputRules()
	rows, err := q.QueryContext(ctx, `SELECT key, value FROM settings WHERE key >= 'rule.' AND key < 'rule/'`)
	if err != nil {
		return r, fmt.Errorf("read input rules: %w", describe(err))
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return r, fmt.Errorf("read input rules: %w", describe(err))
		}
		r.Configured = true
		switch {
		case k == RuleDeadline:
			if d, err := model.ParseDeadline(v); err == nil {
				r.Deadline = d
			}
		case strings.HasPrefix(k, RuleRequiredPrefix):
			if kind, fields, err := model.ParseRequired(strings.TrimPrefix(k, RuleRequiredPrefix) + "=" + v); err == nil {
				r.Required[kind] = fields
			}
		case k == RuleStaleDays:
			if n, err := strconv.Atoi(v); err == nil && n >= 0 {
				r.StaleDays = n
			}
		case strings.HasPrefix(k, RuleStaleDays+"."):
			if n, err := strconv.Atoi(v); err == nil && n >= 0 {
				r.StaleDaysByRep[strings.TrimPrefix(k, RuleStaleDays+".")] = n
			}
		case k == RuleFutureDays:
			if n, err := strconv.Atoi(v); err == nil && n >= 0 {
				r.FutureDays = n
			}
		case k == RuleAlerts:
			r.AlertsOn = settingTrue(v)
		case k == RuleYearEndClosure:
			r.YearEndClosure = settingTrue(v)
		}
	}
	return r, describe(rows.Err())
}

// InputRules reads the team's input rules.
func (s *Store) InputRules(ctx context.Context) (model.InputRules, error) {
	return s.rules(ctx, s.db)
}

// rules are the input rules with the bound on a text field the store was
// given (SetLimits): the one a record written through it is checked against.
func (s *Store) rules(ctx context.Context, q queryer) (model.InputRules, error) {
	r, err := inputRules(ctx, q)
	r.TextChars = s.textChars
	return r, err
}

// RuleUpdate is a change to the input rules; nil fields stay as they are.
type RuleUpdate struct {
	Deadline       *model.EntryDeadline
	Required       map[model.RecordKind][]string // an empty list clears the rule for that kind
	StaleDays      *int
	RepStaleDays   map[string]int // by rep name; -1 removes the override
	FutureDays     *int
	AlertsOn       *bool
	YearEndClosure *bool           // 12/29–1/3 closed (rule.year_end_closure)
	FiscalStart    *time.Month     // the fiscal-year start month (SettingFiscalStart)
	Currency       *model.Currency // the team's currency (SettingCurrency); refused once money is held
	// The forecast's probability thresholds and weights (store/forecast.go).
	ForecastThresholds *model.ForecastThresholds
	ForecastWeights    *model.ForecastWeights
}

// UpdateRules applies a change to the input rules in one transaction.
func (s *Store) UpdateRules(ctx context.Context, u RuleUpdate) error {
	return s.tx(ctx, model.AreaRules, func(tx *sql.Tx) error {
		set := func(k, v string) error {
			_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
				ON CONFLICT (key) DO UPDATE SET value = excluded.value`, k, v)
			if err != nil {
				return fmt.Errorf("save rule %s: %w", k, describe(err))
			}
			return nil
		}
		if u.Deadline != nil {
			if err := set(RuleDeadline, u.Deadline.String()); err != nil {
				return err
			}
		}
		for kind, fields := range u.Required {
			if _, _, err := model.ParseRequired(string(kind) + "=" + strings.Join(fields, ",")); err != nil {
				return err
			}
			if err := set(RuleRequiredPrefix+string(kind), strings.Join(fields, ",")); err != nil {
				return err
			}
		}
		if u.StaleDays != nil {
			if *u.StaleDays < 0 {
				return &model.FieldError{Field: "stale-days", Msg: fmt.Sprintf("%d is negative", *u.StaleDays)}
			}
			if err := set(RuleStaleDays, strconv.Itoa(*u.StaleDays)); err != nil {
				return err
			}
		}
		for name, n := range u.RepStaleDays {
			if _, err := resolveRep(ctx, tx, 0, name, false); err != nil {
				return err
			}
			if n < 0 {
				if _, err := tx.ExecContext(ctx, `DELETE FROM settings WHERE key = ?`, RuleStaleDays+"."+name); err != nil {
					return fmt.Errorf("clear rule for %s: %w", name, describe(err))
				}
				continue
			}
			if err := set(RuleStaleDays+"."+name, strconv.Itoa(n)); err != nil {
				return err
			}
		}
		if u.FutureDays != nil {
			if *u.FutureDays < 0 || *u.FutureDays > 365 {
				return &model.FieldError{Field: "future-days", Msg: fmt.Sprintf("%d is not between 0 and 365", *u.FutureDays)}
			}
			if err := set(RuleFutureDays, strconv.Itoa(*u.FutureDays)); err != nil {
				return err
			}
		}
		if u.AlertsOn != nil {
			v := "off"
			if *u.AlertsOn {
				v = "on"
			}
			if err := set(RuleAlerts, v); err != nil {
				return err
			}
		}
		if u.YearEndClosure != nil {
			v := "off"
			if *u.YearEndClosure {
				v = "on"
			}
			if err := set(RuleYearEndClosure, v); err != nil {
				return err
			}
		}
		if m := u.FiscalStart; m != nil {
			if *m < time.January || *m > time.December {
				return &model.FieldError{Field: "fiscal-start", Msg: fmt.Sprintf("%d is not a month (1-12)", *m)}
			}
			if err := set(SettingFiscalStart, strconv.Itoa(int(*m))); err != nil {
				return err
			}
		}
		if u.Currency != nil {
			if err := setCurrency(ctx, tx, *u.Currency); err != nil {
				return err
			}
		}
		if u.ForecastThresholds != nil {
			if err := set(SettingForecastThresholds, u.ForecastThresholds.String()); err != nil {
				return err
			}
		}
		if u.ForecastWeights != nil {
			if err := set(SettingForecastWeights, u.ForecastWeights.String()); err != nil {
				return err
			}
		}
		return nil
	})
}
