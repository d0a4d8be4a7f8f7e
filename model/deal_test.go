package model

import (
	"errors"
	"testing"
	"time"
)

func TestStageKeyMatchesWrittenVariants(t *testing.T) {
	for _, s := range []string{"Closed Won", "Closed-Won", "closed_won", "CLOSED  WON", "ＣＬＯＳＥＤ　ＷＯＮ", " closed–won ", "closedwon"} {
		if !StageReadsAs(s, DefaultWonStages) {
			t.Errorf("%q does not read as won", s)
		}
		if StageReadsAs(s, DefaultLostStages) {
			t.Errorf("%q reads as lost", s)
		}
	}
	for _, s := range []string{"", "Closed", "Won later", "受注見込み", "クローズ"} {
		if StageReadsAs(s, DefaultWonStages) || StageReadsAs(s, DefaultLostStages) {
			t.Errorf("%q reads as closed", s)
		}
	}
	// The katakana long vowel is a letter, not a hyphen.
	if StageKey("クローズ") != "クローズ" {
		t.Errorf("StageKey(クローズ) = %q", StageKey("クローズ"))
	}
}

func TestCloseDeal(t *testing.T) {
	nov := func(d int) time.Time { return D(2026, 11, d) }
	open := Opportunity{RepName: "鈴木", Account: "ACME", Stage: "提案", Created: nov(2), Outcome: OutcomeOpen}
	noCreated := open
	noCreated.Created = time.Time{}
	wonAlready := open
	wonAlready.Stage, wonAlready.Outcome, wonAlready.Closed, wonAlready.AmountMinor, wonAlready.HasAmount = "Closed-Won", OutcomeWon, nov(10), 5, true
	cases := []struct {
		name    string
		deal    Opportunity
		c       Closing
		field   string // refused on this field; "" accepted
		stage   string
		created time.Time
		amount  Minor
	}{
		{"won with the stage untouched", open, Closing{Outcome: OutcomeWon, On: nov(20), AmountMinor: 100, HasAmount: true}, "", StageWon, nov(2), 100},
		{"lost with the stage untouched", open, Closing{Outcome: OutcomeLost, On: nov(20)}, "", StageLost, nov(2), 0},
		{"won with a typed stage", open, Closing{Outcome: OutcomeWon, On: nov(20), Stage: " 契約締結 ", AmountMinor: 100, HasAmount: true}, "", "契約締結", nov(2), 100},
		{"a stage already saying won stays", wonAlready, Closing{Outcome: OutcomeWon, On: nov(12)}, "", "Closed-Won", nov(2), 5},
		{"won turned lost", wonAlready, Closing{Outcome: OutcomeLost, On: nov(12)}, "", StageLost, nov(2), 5},
		{"no created date takes the close date", noCreated, Closing{Outcome: OutcomeWon, On: nov(20), AmountMinor: 100, HasAmount: true}, "", StageWon, nov(20), 100},
		{"closed on the created day", open, Closing{Outcome: OutcomeLost, On: nov(2)}, "", StageLost, nov(2), 0},
		{"closed before created is refused, not moved", open, Closing{Outcome: OutcomeWon, On: nov(1), AmountMinor: 100, HasAmount: true}, "closed", "", time.Time{}, 0},
		{"won without an amount", open, Closing{Outcome: OutcomeWon, On: nov(20)}, "amount", "", time.Time{}, 0},
		{"won at zero yen", open, Closing{Outcome: OutcomeWon, On: nov(20), HasAmount: true}, "amount", "", time.Time{}, 0},
		{"won without a day", open, Closing{Outcome: OutcomeWon, AmountMinor: 100, HasAmount: true}, "closed", "", time.Time{}, 0},
		{"an unknown outcome", open, Closing{Outcome: "maybe", On: nov(20)}, "outcome", "", time.Time{}, 0},
	}
	for _, c := range cases {
		got, err := CloseDeal(c.deal, c.c)
		if c.field != "" {
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != c.field {
				t.Errorf("%s: %v, want a refusal of %s", c.name, err, c.field)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if got.Outcome != c.c.Outcome || !got.Closed.Equal(c.c.On) || got.Stage != c.stage || !got.Created.Equal(c.created) || got.AmountMinor != c.amount {
			t.Errorf("%s: %s closed %s stage %q created %s ¥%d; want %s %s %q %s ¥%d", c.name, got.Outcome, FormatDate(got.Closed),
				got.Stage, FormatDate(got.Created), got.AmountMinor, c.c.Outcome, FormatDate(c.c.On), c.stage, FormatDate(c.created), c.amount)
		}
	}
}

func TestCloseDealClearsTheLostReasonOfAWin(t *testing.T) {
	o := Opportunity{RepName: "鈴木", Created: D(2026, 11, 2), Outcome: OutcomeLost, Closed: D(2026, 11, 5), LostReason: "価格"}
	got, err := CloseDeal(o, Closing{Outcome: OutcomeWon, On: D(2026, 11, 9), AmountMinor: 1, HasAmount: true})
	if err != nil || got.LostReason != "" {
		t.Fatalf("%+v %v", got, err)
	}
}

func TestDefaultCreated(t *testing.T) {
	today := D(2026, 11, 30)
	for _, c := range []struct{ closed, want time.Time }{
		{time.Time{}, today},
		{D(2027, 1, 31), today},
		{today, today},
		{D(2026, 10, 1), D(2026, 10, 1)},
	} {
		if got := DefaultCreated(Opportunity{Closed: c.closed}, today.Add(15*time.Hour)); !got.Equal(c.want) {
			t.Errorf("expected close %s: created %s, want %s", FormatDate(c.closed), FormatDate(got), FormatDate(c.want))
		}
	}
}
