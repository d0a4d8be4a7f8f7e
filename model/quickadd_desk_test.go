package model

import (
	"testing"
	"time"
)

// Short dates are the latest such day not after today; @ gives an account
// and # a deal on any kind of line.
func TestQuickAddShortDatesAccountAndDeal(t *testing.T) {
	today := D(2026, 11, 26)
	reps := []string{"田中 一郎", "鈴木"}
	for _, c := range []struct {
		line    string
		day     time.Time
		account string
		deal    string
	}{
		{"訪問 3 田中 11/20", D(2026, 11, 20), "", ""},
		{"訪問 田中 11/29", D(2025, 11, 29), "", ""}, // 29 November is still to come this year
		{"visit 田中 20日", D(2026, 11, 20), "", ""},
		{"visit 田中 29日", D(2026, 10, 29), "", ""}, // this month's 29th is still to come
		{"訪問 3 田中 昨日 @ACME", D(2026, 11, 25), "ACME", ""},
		{"call 田中 #D-001", today, "", "D-001"},
		{"won 100万 鈴木 #D-001", today, "", "D-001"},
		{"won 100万 鈴木 @ACME", today, "ACME", ""},
	} {
		q, err := ParseQuickAdd(c.line, reps, today, JPY)
		if err != nil {
			t.Errorf("%q: %v", c.line, err)
			continue
		}
		if !q.Date.Equal(c.day) || q.Account != c.account || q.DealRef != c.deal {
			t.Errorf("%q: day %s account %q deal %q, want %s %q %q", c.line, FormatDate(q.Date), q.Account, q.DealRef,
				FormatDate(c.day), c.account, c.deal)
		}
	}
	for _, bad := range []string{"visit 田中 2/30", "visit 田中 31日 11/20", "lead ABC #D-1"} {
		if _, err := ParseQuickAdd(bad, reps, today, JPY); err == nil {
			t.Errorf("%q was accepted", bad)
		}
	}
}
