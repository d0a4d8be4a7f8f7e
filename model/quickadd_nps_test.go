package model

import (
	"errors"
	"testing"
	"time"
)

// TestParseQuickNPS reads NPS answers in both languages: the score, the
// customer after @, the short dates, and the rest as the comment.
func TestParseQuickNPS(t *testing.T) {
	today := D(2026, time.November, 26)
	ok := []struct {
		line string
		want QuickAdd
	}{
		{"NPS 9 @ACME", QuickAdd{Verb: QuickNPS, Count: 1, Date: today, Account: "ACME", Score: 9, HasScore: true}},
		{"nps 0", QuickAdd{Verb: QuickNPS, Count: 1, Date: today, Score: 0, HasScore: true}},
		{"ＮＰＳ　１０　＠ACME　11/29", QuickAdd{Verb: QuickNPS, Count: 1, Date: D(2025, 11, 29), Account: "ACME", Score: 10, HasScore: true}},
		{"推奨度 7点 @さくら商事 20日 対応が 早い", QuickAdd{Verb: QuickNPS, Count: 1, Date: D(2026, 11, 20), Account: "さくら商事",
			Score: 7, HasScore: true, Comment: "対応が 早い"}},
		// A rep's name is no rep here: an answer has none.
		{"NPS 8 昨日 田中さん 良い", QuickAdd{Verb: QuickNPS, Count: 1, Date: D(2026, 11, 25), Score: 8, HasScore: true, Comment: "田中さん 良い"}},
		{"NPS 6 2026-11-02 5 stars", QuickAdd{Verb: QuickNPS, Count: 1, Date: D(2026, 11, 2), Score: 6, HasScore: true, Comment: "5 stars"}},
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
		{"NPS 11 @ACME", "11", RefuseNPSRange},
		{"NPS -1", "-1", RefuseNPSRange},
		{"NPS @ACME", "", RefuseQuickScoreMissing},
		{"NPS 9 @A @B", "@B", RefuseQuickSecondCustomer},
		{"NPS 9 11/29 12/01", "12/01", RefuseQuickSecondDate},
		{"NPS 9 2/30", "2/30", RefuseQuickBadDate},
	}
	for _, c := range bad {
		_, err := ParseQuickAdd(c.line, quickReps, today, JPY)
		var qe *QuickError
		if !errors.As(err, &qe) || qe.Code != c.code || qe.Token != c.token {
			t.Errorf("%q: %v, want %s on %q", c.line, err, c.code, c.token)
		}
	}
}
