package tui

import (
	"context"
	"time"

	"github.com/kpit-dev/kpit/figures"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// saveTimeout bounds one save from a screen: it shows an error line rather
// than waiting forever behind another kpit's long write. Reads have no
// deadline (loads.go): in WAL mode a writer never blocks them.
const saveTimeout = 10 * time.Second

// goals is the goal side in force for the range a screen shows (the KGI,
// the KPI definitions, the tree), as the figures engine reads it, with the
// names in the cockpit's language.
type goals struct{ *figures.Goals }

// name is the display name of a KPI or tree node key in l.
func (g *goals) name(l Lang, key string) string { return l.Pick(g.Names(key)) }

// computeFigures makes every figure of period p on the clock's day: the
// one engine every screen and command reads.
func computeFigures(ctx context.Context, st *store.Store, p model.Period, now time.Time, opt figures.Options) (*figures.Figures, error) {
	return figures.ComputeWith(ctx, st, figures.PeriodRange(p), now, opt)
}

// periodLabel names a period for a heading: 2026年11月 / Nov 2026.
func periodLabel(l Lang, p model.Period) string {
	switch p.Kind {
	case model.Day:
		return model.FormatDate(p.Start)
	case model.Week:
		_, w := p.Start.ISOWeek()
		last := p.Last()
		return l.T(msgPeriodNameWeek, w, int(p.Start.Month()), p.Start.Day(), int(last.Month()), last.Day(),
			p.Start.Format("Jan 2"), last.Format("Jan 2"))
	case model.Month:
		return l.T(msgPeriodNameMonth, p.Start.Year(), int(p.Start.Month()), p.Start.Format("Jan"))
	case model.Quarter:
		key := p.Key() // FY2026-Q3
		return l.T(msgPeriodNameQuarter, model.FiscalYearNumber(p.Start, p.FiscalStart), key[len(key)-1:])
	default:
		return l.T(msgPeriodNameFY, p.Start.Year())
	}
}

// Period names: the arguments are numbers and Go's English month
// abbreviations, so each language picks the ones it writes.
var (
	msgPeriodNameWeek    = Text{JA: "第%[1]d週 %[2]d/%[3]d-%[4]d/%[5]d", EN: "W%[1]d %[6]s-%[7]s"}
	msgPeriodNameMonth   = Text{JA: "%[1]d年%[2]d月", EN: "%[3]s %[1]d"}
	msgPeriodNameQuarter = Text{JA: "%[1]d年度 第%[2]s四半期", EN: "FY%[1]d Q%[2]s"}
	msgPeriodNameFY      = Text{JA: "%d年度", EN: "FY%d"}
)

// periodKindName names a kind of period.
func periodKindName(l Lang, k model.PeriodKind) string {
	switch k {
	case model.Day:
		return l.T(msgPeriodDay)
	case model.Week:
		return l.T(msgPeriodWeek)
	case model.Month:
		return l.T(msgPeriodMonth)
	case model.Quarter:
		return l.T(msgPeriodQuarter)
	}
	return l.T(msgPeriodYear)
}

// nextKind is the period kind after k in the p cycle: week, month, quarter, year.
func nextKind(k model.PeriodKind) model.PeriodKind {
	switch k {
	case model.Week:
		return model.Month
	case model.Month:
		return model.Quarter
	case model.Quarter:
		return model.FiscalYear
	}
	return model.Week
}

// errLine is a load error as one line for the screen.
func errLine(c *Common, err error) string {
	return c.Styles.Error.Render(c.T(msgLoadErr, failure(c.Lang, err)))
}
