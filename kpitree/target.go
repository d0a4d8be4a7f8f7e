package kpitree

import (
	"time"

	"github.com/kpit-dev/kpit/model"
)

// The one rule for a target over a stretch of time. Every figure kpit
// shows against a target (kpit tree, kpit report's verdict, the cockpit's
// dashboard and tree) goes through TargetOver, so the same KPI over the
// same days has the same target everywhere:
//
//   - an intensive target (a rate, an average) is never scaled;
//   - a flow target (a count, a sum of money) set per P, over days that are
//     exactly one whole period of kind K (a week from Monday, a calendar
//     month, a fiscal quarter, a fiscal year), is value × P.PerYear() ÷
//     K.PerYear(): ¥1,000,000,000 a year is ¥83,333,333 a month, a 52nd of
//     it a week, a quarter of it a quarter;
//   - over any other range (November 1-15, two months) it is pro-rated by
//     days: value × P.PerYear() × days ÷ 365;
//   - a target with no period (or an unknown one) is per year, as the
//     schema's default for kpis.target_per says.

// TargetOver is the target over the days [from, to] (both inclusive) of a
// figure of kind kind whose target is t; see the rule above.
func TargetOver(t Target, kind Kind, from, to time.Time, fiscalStart time.Month) float64 {
	if kind != Flow {
		return t.Value
	}
	per := PerOrYear(t.Per)
	if p, ok := model.WholePeriod(from, to, fiscalStart); ok {
		return Scale(t.Value, per, p.Kind)
	}
	return t.Value * per.PerYear() * float64(model.DaysBetween(from, to)) / 365
}

// TargetIn is TargetOver for the days of period p.
func TargetIn(t Target, kind Kind, p model.Period) float64 {
	return TargetOver(t, kind, p.Start, p.Last(), p.FiscalStart)
}

// PerOrYear is the period a target is for: p, or a year when p is unset or
// unknown.
func PerOrYear(p model.PeriodKind) model.PeriodKind {
	if p.Valid() {
		return p
	}
	return model.FiscalYear
}

// TargetsOver is every node's target over the days [from, to]: each KPI
// target in targets on its node through TargetOver, the KGI's on the root
// when kgi is not nil, and the operator nodes without one computed from
// their children (see Evaluate). Targets for keys not in the tree are
// ignored.
func (t *Tree) TargetsOver(kgi *Target, targets map[string]Target, from, to time.Time, fiscalStart time.Month) map[string]model.Value {
	given := make(map[string]model.Value, len(targets)+1)
	for k, tg := range targets {
		if n := t.nodes[k]; n != nil {
			given[k] = model.Some(TargetOver(tg, n.Kind, from, to, fiscalStart))
		}
	}
	if kgi != nil {
		given[t.root.Key] = model.Some(TargetOver(*kgi, t.root.Kind, from, to, fiscalStart))
	}
	return t.Evaluate(given)
}

// TargetsIn is TargetsOver for the days of period p.
func (t *Tree) TargetsIn(kgi *Target, targets map[string]Target, p model.Period) map[string]model.Value {
	return t.TargetsOver(kgi, targets, p.Start, p.Last(), p.FiscalStart)
}
