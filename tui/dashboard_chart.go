package tui

import (
	"math"
	"strings"

	"github.com/kpit-dev/kpit/model"
)

// trendPeriods is how many periods of each kind the trend chart spans.
func trendPeriods(k model.PeriodKind) int {
	switch k {
	case model.Week:
		return 13
	case model.Month:
		return 12
	case model.Quarter:
		return 8
	}
	return 5
}

// chartLines is the trend of the selected KPI, with a caption drawn here
// (asciigraph centres its own caption by bytes, which skews Japanese).
func (d *dashboard) chartLines(width, height int) []string {
	keys := d.rows()
	if len(keys) == 0 {
		return nil
	}
	g := d.data.goals
	k := keys[min(d.selected, len(keys)-1)]
	// Periods before the first record are not zeros, they are before the
	// team used kpit: the chart starts where the data does.
	trend := d.data.trend
	for len(trend) > 2 && emptyCounts(trend[0].Counts) {
		trend = trend[1:]
	}
	values := make([]float64, len(trend))
	for i, pc := range trend {
		v := pc.Values[k]
		if k, ok := g.KPI(k); ok && k.Source == model.SourceManual {
			v = model.None // hand-entered values are not in the roll-up
		}
		values[i] = math.NaN()
		if v.Valid {
			values[i] = v.V
		}
	}
	name := g.name(d.Lang, k)
	chart, unit, ok := trendChart(d.Lang, g.Unit(k), values, width, height-2)
	if !ok {
		return []string{d.Styles.Muted.Render(d.T(msgDashNoTrend, name))}
	}
	caption := d.T(msgDashTrend, name, d.T(lastPeriods(d.period.Kind), len(values)))
	if unit != "" {
		caption += "  " + d.Styles.Muted.Render("("+d.T(msgDashTrendUnit, unit)+")")
	}
	out := []string{d.Styles.Bold.Render(caption)}
	for _, l := range chart {
		out = append(out, d.Styles.Chart.Render(l))
	}
	if n := len(trend); n > 0 {
		first, last := trend[0].Period, trend[n-1].Period
		out = append(out, d.Styles.Muted.Render(axisLine(periodShort(first), periodShort(last), width)))
	}
	return out
}

// emptyCounts reports whether no record counted in a period.
func emptyCounts(c model.Counts) bool {
	for _, v := range c {
		if v != 0 {
			return false
		}
	}
	return true
}

// lastPeriods is the catalogue entry for "the last N weeks" and so on.
func lastPeriods(k model.PeriodKind) Text {
	switch k {
	case model.Week:
		return msgLastWeeks
	case model.Month:
		return msgLastMonths
	case model.Quarter:
		return msgLastQuarters
	}
	return msgLastYears
}

// periodShort names a period compactly for the chart's x axis.
func periodShort(p model.Period) string { return p.Key() }

// axisLine puts first at the left and last at the right of width columns.
func axisLine(first, last string, width int) string {
	gap := width - len(first) - len(last)
	if gap < 1 {
		return first
	}
	return first + strings.Repeat(" ", gap) + last
}
