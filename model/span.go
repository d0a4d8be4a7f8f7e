package model

import (
	"math"
	"time"
)

// wholeKinds are the period kinds a range of days can be exactly one of,
// the most common first.
var wholeKinds = []PeriodKind{Month, Quarter, FiscalYear, Week, Day}

// WholePeriod is the period of kpit's calendar that the days [from, to]
// (both inclusive) make exactly: all of November, FY2026-Q3, the week of
// Monday 23 November. ok is false for any other range (November 1-15, two
// whole months).
func WholePeriod(from, to time.Time, fiscalStart time.Month) (p Period, ok bool) {
	from, to = Date(from), Date(to)
	for _, k := range wholeKinds {
		p := PeriodOf(k, from, fiscalStart)
		if p.Start.Equal(from) && p.Last().Equal(to) {
			return p, true
		}
	}
	return Period{}, false
}

// DaysBetween is how many days [from, to] holds, both included (0 when to
// is before from).
func DaysBetween(from, to time.Time) int {
	n := int(math.Round(Date(to).Sub(Date(from)).Hours()/24)) + 1
	return max(n, 0)
}
