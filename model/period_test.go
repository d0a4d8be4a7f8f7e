package model

import (
	"testing"
	"time"
)

func TestFiscalYearBoundary(t *testing.T) {
	// With an April start, the last day of March and the first of April are
	// in different fiscal years.
	mar31, apr1 := D(2026, time.March, 31), D(2026, time.April, 1)
	if FiscalYearNumber(mar31, time.April) != 2025 || FiscalYearNumber(apr1, time.April) != 2026 {
		t.Errorf("FY of 2026-03-31 = %d, of 2026-04-01 = %d", FiscalYearNumber(mar31, time.April), FiscalYearNumber(apr1, time.April))
	}
	a, b := PeriodOf(FiscalYear, mar31, time.April), PeriodOf(FiscalYear, apr1, time.April)
	if a.Key() != "FY2025" || b.Key() != "FY2026" || a.End != b.Start || !b.Start.Equal(apr1) {
		t.Errorf("fiscal years %v and %v", a, b)
	}
	if a.Contains(apr1) || !a.Contains(mar31) || !b.Contains(apr1) || b.Contains(mar31) {
		t.Error("Contains across the boundary")
	}
	if !a.Last().Equal(mar31) || b.Days() != 365 || PeriodOf(FiscalYear, D(2027, 6, 1), time.April).Days() != 366 {
		t.Errorf("last %v days %d", a.Last(), b.Days())
	}
	// A January start is the calendar year; a bad month falls back to April.
	if FiscalYearNumber(mar31, time.January) != 2026 || PeriodOf(FiscalYear, mar31, 13).Key() != "FY2025" {
		t.Error("other fiscal starts")
	}
	// Times of day and zones do not move the day.
	late := time.Date(2026, 3, 31, 23, 59, 0, 0, time.FixedZone("JST", 9*3600))
	if !PeriodOf(FiscalYear, late, time.April).Contains(late) || FiscalYearNumber(late, time.April) != 2025 {
		t.Error("a late evening in JST changed fiscal year")
	}
}

func TestPeriodOfKinds(t *testing.T) {
	thu := D(2026, time.November, 26)
	w := PeriodOf(Week, thu, time.April)
	if w.Start.Weekday() != time.Monday || w.Days() != 7 || !w.Contains(thu) || w.Key() != "2026-W48" {
		t.Errorf("week %v %s", w.Start, w.Key())
	}
	if m := PeriodOf(Month, thu, time.April); m.Key() != "2026-11" || m.Days() != 30 {
		t.Errorf("month %s %d", m.Key(), m.Days())
	}
	for _, tc := range []struct {
		day        time.Time
		key        string
		start, end time.Time
	}{
		{D(2026, 4, 1), "FY2026-Q1", D(2026, 4, 1), D(2026, 7, 1)},
		{D(2026, 12, 31), "FY2026-Q3", D(2026, 10, 1), D(2027, 1, 1)},
		{D(2027, 2, 15), "FY2026-Q4", D(2027, 1, 1), D(2027, 4, 1)},
		{D(2027, 3, 31), "FY2026-Q4", D(2027, 1, 1), D(2027, 4, 1)},
	} {
		q := PeriodOf(Quarter, tc.day, time.April)
		if q.Key() != tc.key || !q.Start.Equal(tc.start) || !q.End.Equal(tc.end) {
			t.Errorf("quarter of %v = %s %v–%v, want %s", tc.day, q.Key(), q.Start, q.End, tc.key)
		}
	}
	if d := PeriodOf(Day, thu, time.April); d.Days() != 1 || d.Key() != "2026-11-26" {
		t.Errorf("day %v", d)
	}
	// Next and Prev step one period and meet end to end.
	for _, k := range []PeriodKind{Day, Week, Month, Quarter, FiscalYear} {
		p := PeriodOf(k, thu, time.April)
		if n := p.Next(); !n.Start.Equal(p.End) || n.Kind != k || !n.Prev().Start.Equal(p.Start) {
			t.Errorf("%s: next %v prev %v", k, n, n.Prev())
		}
	}
}

func TestParsePeriod(t *testing.T) {
	for _, tc := range []struct {
		in         string
		kind       PeriodKind
		start, end time.Time
	}{
		{"2026-11-20", Day, D(2026, 11, 20), D(2026, 11, 21)},
		{"2026-W47", Week, D(2026, 11, 16), D(2026, 11, 23)},
		{"2026-w01", Week, D(2025, 12, 29), D(2026, 1, 5)}, // ISO week 1 holds 4 January
		{"2026-W53", Week, D(2026, 12, 28), D(2027, 1, 4)}, // 2026 starts on a Thursday: it has 53 weeks
		{"2026-11", Month, D(2026, 11, 1), D(2026, 12, 1)},
		{"2026-02", Month, D(2026, 2, 1), D(2026, 3, 1)},
		{"2026-Q3", Quarter, D(2026, 7, 1), D(2026, 10, 1)}, // calendar quarter
		{"FY2026-Q1", Quarter, D(2026, 4, 1), D(2026, 7, 1)},
		{"FY2026-Q3", Quarter, D(2026, 10, 1), D(2027, 1, 1)}, // October–December 2026
		{"fy2026-q4", Quarter, D(2027, 1, 1), D(2027, 4, 1)},
		{"FY2026", FiscalYear, D(2026, 4, 1), D(2027, 4, 1)},
		{" FY2025 ", FiscalYear, D(2025, 4, 1), D(2026, 4, 1)},
	} {
		p, err := ParsePeriod(tc.in, time.April)
		if err != nil || p.Kind != tc.kind || !p.Start.Equal(tc.start) || !p.End.Equal(tc.end) {
			t.Errorf("ParsePeriod(%q) = %v %v–%v, %v; want %s %v–%v", tc.in, p.Kind, p.Start, p.End, err, tc.kind, tc.start, tc.end)
		}
	}
	for _, bad := range []string{"", "abc", "2025-W53", "2027-W53", "2026-W00", "2026-W54", "2026-13", "2026-00",
		"2026-02-30", "2026-1-5", "FY2026-Q5", "FY2026-Q0", "FY26", "FY", "2026-Q5", "2026-Q0", "FY10000", "2026/11"} {
		if p, err := ParsePeriod(bad, time.April); err == nil {
			t.Errorf("ParsePeriod(%q) = %v, want an error", bad, p)
		}
	}
	// Keys read back as the same period, for every kind.
	for _, k := range []PeriodKind{Day, Week, Month, Quarter, FiscalYear} {
		for _, day := range []time.Time{D(2026, 1, 1), D(2026, 3, 31), D(2026, 4, 1), D(2026, 12, 31), D(2027, 1, 3)} {
			p := PeriodOf(k, day, time.April)
			back, err := ParsePeriod(p.Key(), time.April)
			if err != nil || !back.Start.Equal(p.Start) || !back.End.Equal(p.End) || back.Kind != k {
				t.Errorf("%s of %v: key %s reads back as %v, %v", k, day, p.Key(), back, err)
			}
		}
	}
	// A fiscal year starting in October.
	if p, err := ParsePeriod("FY2026-Q2", time.October); err != nil || !p.Start.Equal(D(2027, 1, 1)) {
		t.Errorf("FY2026-Q2 with an October start = %v, %v", p.Start, err)
	}
}

func TestParseDate(t *testing.T) {
	if d, err := ParseDate(" 2026-02-28 "); err != nil || !d.Equal(D(2026, 2, 28)) {
		t.Errorf("ParseDate = %v, %v", d, err)
	}
	for _, bad := range []string{"2026-02-29", "2026-2-28", "28/02/2026", "", "9999-12-31", "0001-01-01", "1899-12-31", "3000-01-01"} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) accepted", bad)
		}
	}
	if FormatDate(time.Time{}) != "" || FormatDate(D(2026, 4, 1)) != "2026-04-01" {
		t.Error("FormatDate")
	}
}

func TestPerYear(t *testing.T) {
	for k, want := range map[PeriodKind]float64{Day: 365, Week: 52, Month: 12, Quarter: 4, FiscalYear: 1} {
		if k.PerYear() != want || !k.Valid() {
			t.Errorf("%s: %v", k, k.PerYear())
		}
	}
	if PeriodKind("fortnight").Valid() {
		t.Error("unknown kind valid")
	}
}
