package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/width"
)

// PeriodKind is the length of a reporting period.
type PeriodKind string

const (
	Day        PeriodKind = "day"
	Week       PeriodKind = "week" // starts on Monday
	Month      PeriodKind = "month"
	Quarter    PeriodKind = "quarter" // fiscal quarter: Q1 starts at the fiscal-year start month
	FiscalYear PeriodKind = "year"
)

// DefaultFiscalStart is the usual Japanese fiscal-year start (April).
const DefaultFiscalStart = time.April

// PerYear is how many periods of kind k make one year; it converts a
// per-month KPI to the per-year scale of an annual KGI (50/month × 12).
func (k PeriodKind) PerYear() float64 {
	switch k {
	case Day:
		return 365
	case Week:
		return 52
	case Month:
		return 12
	case Quarter:
		return 4
	default:
		return 1
	}
}

// Valid reports whether k is a known period kind.
func (k PeriodKind) Valid() bool {
	switch k {
	case Day, Week, Month, Quarter, FiscalYear:
		return true
	}
	return false
}

// Date returns t's calendar day as midnight UTC, the form every date in kpit
// takes, so that dates compare and subtract without time-zone surprises.
func Date(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// D builds a calendar day.
func D(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// DateLayout is how kpit writes a calendar day.
const DateLayout = "2006-01-02"

// ParseDate reads YYYY-MM-DD strictly: 2026-02-30 is refused, not rolled over.
func ParseDate(s string) (time.Time, error) {
	// Full-width digits and hyphens (２０２６－０３－０２), as a Japanese IME
	// types them, read as the ASCII ones.
	t, err := time.Parse(DateLayout, strings.TrimSpace(width.Narrow.String(s)))
	if err != nil {
		return time.Time{}, Refused(RefuseNotDate, s)
	}
	if t.Year() < MinYear || t.Year() > MaxYear {
		return time.Time{}, Refused(RefuseYearRange, s, MinYear, MaxYear)
	}
	return t, nil
}

// MinYear and MaxYear bound the dates kpit reads. Dates are stored as
// YYYY-MM-DD text and compared as text, which holds only for four-digit
// years, and a range ending on the last day of 9999 would step past them.
const (
	MinYear = 1900
	MaxYear = 2999
)

// ParseDay reads a day as people type it in a form or a flag: YYYY-MM-DD,
// today or yesterday (今日, 昨日), today being the calendar day given.
func ParseDay(s string, today time.Time) (time.Time, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "today", "今日":
		return today, nil
	case "yesterday", "昨日":
		return today.AddDate(0, 0, -1), nil
	}
	return ParseDate(s)
}

// FormatDate writes a calendar day, or "" for the zero time.
func FormatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(DateLayout)
}

// Period is a half-open range of days [Start, End).
type Period struct {
	Kind        PeriodKind
	Start       time.Time
	End         time.Time // exclusive
	FiscalStart time.Month
}

// Last is the period's final day (End is exclusive).
func (p Period) Last() time.Time { return p.End.AddDate(0, 0, -1) }

// Days is the number of days in the period.
func (p Period) Days() int { return int(p.End.Sub(p.Start).Hours()/24 + 0.5) }

// Contains reports whether day t falls in the period.
func (p Period) Contains(t time.Time) bool {
	d := Date(t)
	return !d.Before(p.Start) && d.Before(p.End)
}

// PeriodOf returns the period of kind k that contains day t.
func PeriodOf(k PeriodKind, t time.Time, fiscalStart time.Month) Period {
	if fiscalStart < time.January || fiscalStart > time.December {
		fiscalStart = DefaultFiscalStart
	}
	d := Date(t)
	p := Period{Kind: k, FiscalStart: fiscalStart}
	switch k {
	case Day:
		p.Start, p.End = d, d.AddDate(0, 0, 1)
	case Week:
		back := (int(d.Weekday()) + 6) % 7 // days since Monday
		p.Start = d.AddDate(0, 0, -back)
		p.End = p.Start.AddDate(0, 0, 7)
	case Month:
		p.Start = D(d.Year(), d.Month(), 1)
		p.End = p.Start.AddDate(0, 1, 0)
	case Quarter:
		fy := fiscalYearStart(d, fiscalStart)
		months := monthsBetween(fy, d)
		p.Start = fy.AddDate(0, months/3*3, 0)
		p.End = p.Start.AddDate(0, 3, 0)
	default:
		p.Kind = FiscalYear
		p.Start = fiscalYearStart(d, fiscalStart)
		p.End = p.Start.AddDate(1, 0, 0)
	}
	return p
}

func fiscalYearStart(d time.Time, fiscalStart time.Month) time.Time {
	y := d.Year()
	if d.Month() < fiscalStart {
		y--
	}
	return D(y, fiscalStart, 1)
}

func monthsBetween(a, b time.Time) int {
	return (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month())
}

// Next is the period of the same kind right after p.
func (p Period) Next() Period { return PeriodOf(p.Kind, p.End, p.FiscalStart) }

// Prev is the period of the same kind right before p.
func (p Period) Prev() Period { return PeriodOf(p.Kind, p.Start.AddDate(0, 0, -1), p.FiscalStart) }

// FiscalYearNumber is the fiscal year a day belongs to, named by the calendar
// year in which it starts (FY2026 = April 2026 – March 2027 with an April start).
func FiscalYearNumber(t time.Time, fiscalStart time.Month) int {
	return fiscalYearStart(Date(t), fiscalStart).Year()
}

// Key names the period in the form ParsePeriod reads: 2026-11-20, 2026-W47,
// 2026-11, FY2026-Q3, FY2026.
func (p Period) Key() string {
	switch p.Kind {
	case Day:
		return FormatDate(p.Start)
	case Week:
		y, w := p.Start.ISOWeek()
		return fmt.Sprintf("%d-W%02d", y, w)
	case Month:
		return p.Start.Format("2006-01")
	case Quarter:
		fy := fiscalYearStart(p.Start, p.FiscalStart)
		if m := monthsBetween(fy, p.Start); m%3 == 0 {
			return fmt.Sprintf("FY%d-Q%d", fy.Year(), m/3+1)
		}
		// A calendar quarter (2026-Q3) that is no fiscal quarter, as with a
		// fiscal year starting in May: named as it was read.
		return fmt.Sprintf("%d-Q%d", p.Start.Year(), (int(p.Start.Month())-1)/3+1)
	default:
		return fmt.Sprintf("FY%d", p.Start.Year())
	}
}

// ParsePeriod reads a period name: 2026-11-20 (day), 2026-W47 (ISO week),
// 2026-11 (month), 2026-Q3 (calendar quarter, July–September), FY2026-Q1
// (fiscal quarter) or FY2026 (fiscal year starting in fiscalStart of 2026).
func ParsePeriod(s string, fiscalStart time.Month) (Period, error) {
	if fiscalStart < time.January || fiscalStart > time.December {
		fiscalStart = DefaultFiscalStart
	}
	in := strings.ToUpper(strings.TrimSpace(s))
	bad := Refused(RefuseNotPeriod, s)
	switch {
	case strings.HasPrefix(in, "FY"):
		rest := in[2:]
		q := 0
		if i := strings.Index(rest, "-Q"); i >= 0 {
			n, err := strconv.Atoi(rest[i+2:])
			if err != nil || n < 1 || n > 4 {
				return Period{}, bad
			}
			q, rest = n, rest[:i]
		}
		y, err := strconv.Atoi(rest)
		if err != nil || y < 1900 || y > 9999 {
			return Period{}, bad
		}
		start := D(y, fiscalStart, 1)
		if q == 0 {
			return PeriodOf(FiscalYear, start, fiscalStart), nil
		}
		return PeriodOf(Quarter, start.AddDate(0, (q-1)*3, 0), fiscalStart), nil
	case strings.Contains(in, "-W"):
		parts := strings.SplitN(in, "-W", 2)
		y, err1 := strconv.Atoi(parts[0])
		w, err2 := strconv.Atoi(parts[1])
		if err1 != nil || err2 != nil || w < 1 || w > 53 || y < 1900 || y > 9999 {
			return Period{}, bad
		}
		// ISO week 1 holds January 4th.
		jan4 := D(y, time.January, 4)
		p := PeriodOf(Week, jan4, fiscalStart)
		p = PeriodOf(Week, p.Start.AddDate(0, 0, 7*(w-1)), fiscalStart)
		if yy, ww := p.Start.ISOWeek(); yy != y || ww != w {
			return Period{}, Refused(RefuseNoWeek, s, y, w)
		}
		return p, nil
	case strings.Contains(in, "-Q"):
		parts := strings.SplitN(in, "-Q", 2)
		y, err1 := strconv.Atoi(parts[0])
		q, err2 := strconv.Atoi(parts[1])
		if err1 != nil || err2 != nil || q < 1 || q > 4 || y < 1900 || y > 9999 {
			return Period{}, bad
		}
		start := D(y, time.Month((q-1)*3+1), 1)
		return Period{Kind: Quarter, Start: start, End: start.AddDate(0, 3, 0), FiscalStart: fiscalStart}, nil
	case len(in) == len("2026-11"):
		t, err := time.Parse("2006-01", in)
		if err != nil {
			return Period{}, bad
		}
		return PeriodOf(Month, t, fiscalStart), nil
	case len(in) == len(DateLayout):
		t, err := ParseDate(in)
		if err != nil {
			return Period{}, bad
		}
		return PeriodOf(Day, t, fiscalStart), nil
	}
	return Period{}, bad
}
