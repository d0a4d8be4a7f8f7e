package tui

import (
	"math"
	"strings"

	"github.com/kpit-dev/kpit/figures"
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

// chartLines is the trend of the selected KPI.
func (d *dashboard) chartLines(width, height int) []string {
	keys := d.rows()
	if len(keys) == 0 {
		return nil
	}
	k := keys[min(d.nav.cursor, len(keys)-1)]
	return trendLines(d.Common, d.data.goals, d.data.trend, d.period.Kind, k, width, height)
}

// trendLines is the trend of KPI k over the periods of trend (the
// dashboard's chart and a review's KPI slide), with a caption drawn here
// (asciigraph centres its own caption by bytes, which skews Japanese).
func trendLines(c *Common, g *goals, trend []figures.SeriesPoint, kind model.PeriodKind, k string, width, height int) []string {
	// Periods before the first record are not zeros, they are before the
	// team used kpit: the chart starts where the data does.
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
	name := g.name(c.Lang, k)
	chart, unit, ok := trendChart(c.Lang, g.Unit(k), values, width, height-2)
	if !ok {
		return []string{c.Styles.Muted.Render(c.T(msgDashNoTrend, name))}
	}
	caption := c.T(msgDashTrend, name, c.T(lastPeriods(kind), len(values)))
	if unit != "" {
		caption += "  " + c.Styles.Muted.Render("("+c.T(msgDashTrendUnit, unit)+")")
	}
	out := []string{c.Styles.Bold.Render(caption)}
	for _, l := range chart {
		out = append(out, c.Styles.Chart.Render(l))
	}
	if n := len(trend); n > 0 {
		first, last := trend[0].Period, trend[n-1].Period
		out = append(out, c.Styles.Muted.Render(axisLine(periodShort(first), periodShort(last), width)))
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
