package kpitree

import (
	"fmt"

	"github.com/kpit-dev/kpit/model"
)

// ParseTarget reads a target typed for a figure of unit and kind, the one
// rule the cockpit's detail pane and `kpit kpi set` share: a rate as 30%,
// 0.3 or 30 (never above 100%, never with a period); a flow with its period
// (140/month; per per when none is typed, a month when per is unset); any
// other figure (a level such as the average deal size, 200万) without a
// period. A refusal is a *TargetError naming what is wrong, for the caller
// to word; a number that cannot be read at all is model.ParseQuantity's
// error.
func ParseTarget(text string, unit model.Unit, kind Kind, per model.PeriodKind) (Target, error) {
	q, err := model.ParseQuantity(text)
	if err != nil {
		return Target{}, err
	}
	refuse := func(p TargetProblem) (Target, error) { return Target{}, &TargetError{Problem: p, Text: text} }
	if q.Value < 0 {
		return refuse(TargetNegative)
	}
	if !per.Valid() {
		per = model.Month
	}
	switch {
	case unit == model.UnitRatio:
		if q.HasPer {
			return refuse(TargetRateWithPeriod)
		}
		if !q.Percent && q.Value > 1 {
			q.Value /= 100 // "35" for a rate means 35%
		}
		if q.Value > 1 {
			return refuse(TargetRateOver100)
		}
	case q.Percent:
		return refuse(TargetPercentNotRate)
	case kind != Flow && q.HasPer:
		return refuse(TargetLevelWithPeriod)
	case q.HasPer:
		per = q.Per
	}
	return Target{Value: q.Value, Per: per}, nil
}

// TargetProblem is why a typed target is refused.
type TargetProblem int

const (
	TargetNegative        TargetProblem = iota + 1 // below zero
	TargetRateOver100                              // a rate above 100%
	TargetRateWithPeriod                           // a rate with /period
	TargetPercentNotRate                           // a % for a figure that is not a rate
	TargetLevelWithPeriod                          // /period for a figure that does not add up over time
)

// TargetError is a refused target: the problem and the text as typed.
type TargetError struct {
	Problem TargetProblem
	Text    string
}

func (e *TargetError) Error() string {
	switch e.Problem {
	case TargetNegative:
		return fmt.Sprintf("target %q is negative", e.Text)
	case TargetRateOver100:
		return fmt.Sprintf("target %q is over 100%% (a rate's target is 0-100%%)", e.Text)
	case TargetRateWithPeriod:
		return fmt.Sprintf("target %q: a rate's target has no period", e.Text)
	case TargetPercentNotRate:
		return fmt.Sprintf("target %q: this KPI is not a rate, so no %%", e.Text)
	}
	return fmt.Sprintf("target %q: this KPI does not add up over a period, so no /period", e.Text)
}
