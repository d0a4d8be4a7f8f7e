package model

import (
	"errors"
	"testing"
	"time"
)

// TestParseQuickUsage reads usage checks in both languages: the first word
// says whether the customer was in use, the customer comes after @, the
// day as the other lines write it.
func TestParseQuickUsage(t *testing.T) {
	today := D(2026, time.November, 26)
	ok := []struct {
		line string
		want QuickAdd
	}{
		{"利用 @ACME", QuickAdd{Verb: QuickUsage, Count: 1, Date: today, Account: "ACME", Active: true}},
		{"未利用 @ACME 11/20", QuickAdd{Verb: QuickUsage, Count: 1, Date: D(2026, 11, 20), Account: "ACME"}},
		{"usage @さくら商事", QuickAdd{Verb: QuickUsage, Count: 1, Date: today, Account: "さくら商事", Active: true}},
		{"inactive @ACME yesterday", QuickAdd{Verb: QuickUsage, Count: 1, Date: D(2026, 11, 25), Account: "ACME"}},
		{"ＩＮＡＣＴＩＶＥ　昨日　＠ACME", QuickAdd{Verb: QuickUsage, Count: 1, Date: D(2026, 11, 25), Account: "ACME"}},
		{"Active @ACME 2026-11-02", QuickAdd{Verb: QuickUsage, Count: 1, Date: D(2026, 11, 2), Account: "ACME", Active: true}},
		{"利用中 @ACME 20日", QuickAdd{Verb: QuickUsage, Count: 1, Date: D(2026, 11, 20), Account: "ACME", Active: true}},
	}
	for _, c := range ok {
		got, err := ParseQuickAdd(c.line, quickReps, today, JPY)
		if err != nil {
			t.Errorf("%q: %v", c.line, err)
			continue
		}
		if got != c.want {
			t.Errorf("%q\n got %+v\nwant %+v", c.line, got, c.want)
		}
	}
	bad := []struct {
		line  string
		token string
		code  RefusalCode
	}{
		{"利用", "", RefuseQuickCustomerMissing},
		{"inactive yesterday", "", RefuseQuickCustomerMissing},
		{"usage ACME", "ACME", RefuseQuickUsageWord},
		{"利用 @ACME 田中", "田中", RefuseQuickUsageWord},
		{"usage @ACME @Beta", "@Beta", RefuseQuickSecondCustomer},
		{"usage @ACME today yesterday", "yesterday", RefuseQuickSecondDate},
		{"未利用 @ACME 2026-13-40", "2026-13-40", RefuseQuickBadDate},
	}
	for _, c := range bad {
		_, err := ParseQuickAdd(c.line, quickReps, today, JPY)
		var qe *QuickError
		if !errors.As(err, &qe) || qe.Code != c.code || qe.Token != c.token {
			t.Errorf("%q: %v, want %s on %q", c.line, err, c.code, c.token)
		}
	}
}
