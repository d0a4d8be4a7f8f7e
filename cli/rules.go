package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

const rulesUsage = `rules [--db PATH] [--deadline same-day|next-business-day|Nd] [--stale-days N]
       [--stale-days-rep NAME=N ...] [--require KIND=FIELD,FIELD ...] [--future-days N] [--alerts on|off] [--year-end-closure on|off]
       [--fiscal-start N] [--currency CODE] [--forecast-thresholds A,B,C] [--forecast-weights A,B,C,O] [--lang ja|en]

Without setting flags it shows the rules. Settings are stored under the keys rule.* in the database.
--currency sets the team's currency (ISO 4217: JPY, USD, EUR, ...; JPY unless set). kpit does not
convert money: the currency can change only while the file holds no amount or money target, and
setting it on a database that does not exist yet creates the file. The forecast's settings
(docs/forecast.md) are stored as forecast.thresholds and forecast.weights.`

// runRules shows the input rules, or sets the ones given and shows the result.
func runRules(e env) int {
	fs := newFlagSet(e, "rules", rulesUsage)
	db := dbFlag(fs)
	deadline := fs.String("deadline", "", "entry deadline: same-day, next-business-day or Nd (N calendar days)")
	stale := fs.String("stale-days", "", "days without an entry after which a rep is stale (0 = off)")
	var staleRep, require setFlags
	fs.Var(&staleRep, "stale-days-rep", "per-rep staleness limit `NAME=N` (repeat; 0 = off for that rep, NAME= removes it)")
	fs.Var(&require, "require", "required fields `KIND=FIELD,...` (repeat): activity=account,note opportunity=amount,account lead=source; KIND= clears")
	future := fs.String("future-days", "", "how many days ahead of today an event date may lie (0 = none)")
	alerts := fs.String("alerts", "", "alerts on or off")
	yearEnd := fs.String("year-end-closure", "", "on: 12/29-1/3 are not business days (default on)")
	fiscal := fs.String("fiscal-start", "", "month the fiscal year starts in, 1-12 (default 4, April)")
	currency := fs.String("currency", "", "the team's currency, an ISO 4217 `CODE`: "+strings.Join(model.CurrencyCodes(), ", ")+" (default JPY)")
	thresholds := fs.String("forecast-thresholds", "", "win probabilities in percent that map an imported probability to commit, best case, pipeline (default 80,50,20; below the last is omitted)")
	weights := fs.String("forecast-weights", "", "the weighted forecast's weights of commit, best case, pipeline, omitted, each 0 to 1 (default 0.9,0.5,0.2,0)")
	lang := langFlag(fs)
	if st, stop := parseOnlyFlags(e, fs, e.args); stop {
		return st
	}
	l, err := e.lang(*lang)
	if err != nil {
		return fail(e, "rules", err)
	}
	u, changed, err := parseRuleFlags(fs, *deadline, *stale, *future, *alerts, staleRep, require)
	if err == nil && setFlagNames(fs)["year-end-closure"] {
		u.YearEndClosure, err = onOffFlag("year-end-closure", *yearEnd)
		changed = true
	}
	if err != nil {
		return fail(e, "rules", err)
	}
	if setFlagNames(fs)["fiscal-start"] {
		m, err := model.ParseWhole(*fiscal)
		if err != nil || m < 1 || m > 12 {
			return fail(e, "rules", model.BadFlag("fiscal-start", model.RefuseNotMonth, *fiscal))
		}
		month := time.Month(m)
		u.FiscalStart, changed = &month, true
	}
	if setFlagNames(fs)["currency"] {
		c, err := model.CurrencyFor(*currency)
		if err != nil {
			return fail(e, "rules", &model.FlagError{Flag: "currency", Err: err})
		}
		u.Currency, changed = &c, true
	}
	if setFlagNames(fs)["forecast-thresholds"] {
		t, err := model.ParseForecastThresholds(*thresholds)
		if err != nil {
			return fail(e, "rules", &model.FlagError{Flag: "forecast-thresholds", Err: err})
		}
		u.ForecastThresholds, changed = &t, true
	}
	if setFlagNames(fs)["forecast-weights"] {
		w, err := model.ParseForecastWeights(*weights)
		if err != nil {
			return fail(e, "rules", &model.FlagError{Flag: "forecast-weights", Err: err})
		}
		u.ForecastWeights, changed = &w, true
	}
	open := e.openExisting
	if u.Currency != nil {
		// The currency is the first thing a new file is given.
		open = func(db string) (*store.Store, error) {
			path, err := e.dbPath(db)
			if err != nil {
				return nil, err
			}
			return e.openChecked(path)
		}
	}
	st, err := open(*db)
	if err != nil {
		return fail(e, "rules", err)
	}
	defer st.Close()
	ctx := context.Background()
	if changed {
		if err := st.UpdateRules(ctx, u); err != nil {
			var ue *store.UnknownRepError
			if errors.As(err, &ue) {
				return fail(e, "rules", model.BadFlag("stale-days-rep", model.RefuseUnknownRep, ue.Name, model.Names(ue.Known)))
			}
			var ce *store.CurrencyInUseError
			if errors.As(err, &ce) {
				return fail(e, "rules", &model.FlagError{Flag: "currency", Err: err})
			}
			return addError(e, "rules", err)
		}
	}
	r, err := st.InputRules(ctx)
	if err != nil {
		return fail(e, "rules", err)
	}
	month, err := st.FiscalStart(ctx)
	if err != nil {
		return fail(e, "rules", err)
	}
	cur, err := st.Currency(ctx)
	if err != nil {
		return fail(e, "rules", err)
	}
	thresholdsNow, weightsNow, err := st.ForecastSettings(ctx)
	if err != nil {
		return fail(e, "rules", err)
	}
	lines := catalog.RulesLines(l, r)
	// The fiscal year, the currency and the forecast's settings go with
	// the rules, above their closing note.
	note := lines[len(lines)-1]
	lines = append(lines[:len(lines)-1], catalog.FiscalStartLine(l, month), catalog.CurrencyLine(l, cur))
	lines = append(lines, catalog.ForecastRuleLines(l, thresholdsNow, weightsNow)...)
	lines = append(lines, note)
	for _, line := range lines {
		fmt.Fprintln(e.stdout, line)
	}
	return exitOK
}

// parseRuleFlags checks every setting flag before anything is written.
func parseRuleFlags(fs *flag.FlagSet, deadline, stale, future, alerts string, staleRep, require []string) (store.RuleUpdate, bool, error) {
	var u store.RuleUpdate
	given := setFlagNames(fs)
	changed := false
	for _, name := range []string{"deadline", "stale-days", "stale-days-rep", "require", "future-days", "alerts"} {
		changed = changed || given[name]
	}
	if given["deadline"] {
		d, err := model.ParseDeadline(deadline)
		if err != nil {
			return u, false, &model.FlagError{Flag: "deadline", Err: err}
		}
		u.Deadline = &d
	}
	days := func(name, v string, maxDays int) (*int, error) {
		n, err := model.ParseWhole(v)
		if err != nil || n < 0 || n > maxDays {
			return nil, model.BadFlag(name, model.RefuseNotDays, v, maxDays)
		}
		return &n, nil
	}
	var err error
	if given["stale-days"] {
		if u.StaleDays, err = days("stale-days", stale, 3650); err != nil {
			return u, false, err
		}
	}
	if given["future-days"] {
		if u.FutureDays, err = days("future-days", future, 365); err != nil {
			return u, false, err
		}
	}
	if given["alerts"] {
		if u.AlertsOn, err = onOffFlag("alerts", alerts); err != nil {
			return u, false, err
		}
	}
	for _, v := range staleRep {
		name, n, ok := strings.Cut(v, "=")
		name = strings.TrimSpace(name)
		if !ok || name == "" {
			return u, false, model.BadFlag("stale-days-rep", model.RefuseNameEqualsN, v)
		}
		if u.RepStaleDays == nil {
			u.RepStaleDays = map[string]int{}
		}
		if strings.TrimSpace(n) == "" {
			u.RepStaleDays[name] = -1
			continue
		}
		d, err := days("stale-days-rep", n, 3650)
		if err != nil {
			return u, false, err
		}
		u.RepStaleDays[name] = *d
	}
	for _, v := range require {
		kind, fields, err := model.ParseRequired(v)
		if err != nil {
			return u, false, fmt.Errorf("--require: %w", err)
		}
		if u.Required == nil {
			u.Required = map[model.RecordKind][]string{}
		}
		u.Required[kind] = fields
	}
	return u, changed, nil
}

// onOffFlag reads an on|off flag value: on or off and nothing else, as
// its message says (1, true or yes read as on surprised users who meant
// something else by them).
func onOffFlag(name, v string) (*bool, error) {
	var on bool
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "on":
		on = true
	case "off":
	default:
		return nil, model.BadFlag(name, model.RefuseOnOff, v)
	}
	return &on, nil
}
