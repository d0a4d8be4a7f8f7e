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

// TestParseMoment reads times as kpit lead move, kpit add inquiry and the
// entry form take them.
func TestParseMoment(t *testing.T) {
	jst := time.FixedZone("JST", 9*3600)
	now := time.Date(2026, 11, 26, 10, 0, 0, 0, jst)
	for _, c := range []struct {
		in   string
		want time.Time
	}{
		{"now", now},
		{"", now},
		{"2026-11-20 10:30", time.Date(2026, 11, 20, 10, 30, 0, 0, jst)},
		{"２０２６－１１－２０Ｔ１０：３０", time.Date(2026, 11, 20, 10, 30, 0, 0, jst)},
		{"2026-11-20", time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)},
		{"2026-11-20T01:30:00Z", time.Date(2026, 11, 20, 1, 30, 0, 0, time.UTC)},
	} {
		got, err := ParseMoment(c.in, now)
		if err != nil || !got.Equal(c.want) {
			t.Errorf("ParseMoment(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{"soon", "0000-01-10T00:00:00Z", "2026-11-20 25:00", "11/20 10:30"} {
		if got, err := ParseMoment(bad, now); err == nil {
			t.Errorf("ParseMoment(%q) = %v, want a refusal", bad, got)
		}
	}
}
