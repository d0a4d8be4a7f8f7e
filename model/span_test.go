package model

import (
	"testing"
	"time"
)

func TestWholePeriod(t *testing.T) {
	cases := []struct {
		from, to time.Time
		kind     PeriodKind
		ok       bool
	}{
		{D(2026, 11, 1), D(2026, 11, 30), Month, true},
		{D(2026, 11, 23), D(2026, 11, 29), Week, true}, // Monday to Sunday
		{D(2026, 10, 1), D(2026, 12, 31), Quarter, true},
		{D(2026, 4, 1), D(2027, 3, 31), FiscalYear, true},
		{D(2026, 11, 26), D(2026, 11, 26), Day, true},
		{D(2026, 11, 1), D(2026, 11, 15), "", false},
		{D(2026, 11, 1), D(2026, 12, 31), "", false},
		{D(2026, 1, 1), D(2026, 12, 31), "", false}, // not a fiscal year with an April start
	}
	for _, c := range cases {
		p, ok := WholePeriod(c.from, c.to, time.April)
		if ok != c.ok || (ok && p.Kind != c.kind) {
			t.Errorf("%s..%s: %v %v, want %v %v", FormatDate(c.from), FormatDate(c.to), p.Kind, ok, c.kind, c.ok)
		}
	}
	if p, ok := WholePeriod(D(2026, 1, 1), D(2026, 12, 31), time.January); !ok || p.Kind != FiscalYear {
		t.Errorf("calendar year with a January start: %v %v", p.Kind, ok)
	}
	if n := DaysBetween(D(2026, 11, 1), D(2026, 11, 30)); n != 30 {
		t.Errorf("November has %d days", n)
	}
	if n := DaysBetween(D(2026, 11, 2), D(2026, 11, 1)); n != 0 {
		t.Errorf("a backwards range has %d days", n)
	}
}
