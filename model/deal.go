package model

import (
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/width"
)

// Closing a deal (受注・失注) follows one rule whichever way it comes in: the
// entry form, quick-add, `kpit add` and the importer all call CloseDeal, and
// every one of them saves an opportunity only once CheckOpportunity accepts it.
// The rule, as a sales manager reads the pipeline:
//
//   - A deal closes on a day. A person entering it gets today by default (the
//     form's close field, quick-add's date, `kpit add`'s --closed); a file row
//     must carry its close date.
//   - A won deal has an amount above zero and no lost reason; a lost deal may
//     have no amount.
//   - A deal with no created date was, as far as anyone can tell, created on
//     the day it closed: it takes its close date. A close date before a known
//     created date is refused, never mended by moving either date: one of the
//     two is wrong and only the person entering it knows which.
//   - The stage: a stage given with the closing (typed in the form, --stage,
//     the file's stage cell) is kept. Otherwise a stage that already reads as
//     the outcome (受注, Won, Closed-Won...) stays, and any other becomes
//     StageWon or StageLost. The stored stage is data, not a label, so it is
//     the same word whatever the screen's language, and the importer's default
//     won/lost words read it back as the same outcome.
//   - Closing a deal that is already closed (won turned lost, a corrected
//     close day) follows the same rule.

// The stage words a deal closed without a stage of its own is given.
const (
	StageWon  = "受注"
	StageLost = "失注"
)

// Stage values read as won and lost when no other words are given (the
// importer's defaults), matched with StageKey.
var (
	DefaultWonStages  = []string{"won", "closed won", StageWon}
	DefaultLostStages = []string{"lost", "closed lost", StageLost}
)

// StageKey is a stage value as stage words are matched: width-folded, lower
// case, without spaces, hyphens or underscores, so "Closed-Won",
// "closed_won", "ＣＬＯＳＥＤ　ＷＯＮ" and "Closed Won" are one value.
func StageKey(s string) string {
	s = strings.ToLower(width.Fold.String(s))
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '_' || unicode.Is(unicode.Pd, r) {
			return -1
		}
		return r
	}, s)
}

// StageReadsAs reports whether stage is one of words, matched with StageKey.
func StageReadsAs(stage string, words []string) bool {
	k := StageKey(stage)
	if k == "" {
		return false
	}
	for _, w := range words {
		if StageKey(w) == k {
			return true
		}
	}
	return false
}

// Closing is what closing a deal says: the outcome, the close day, and what
// else was given with it. Empty fields change nothing.
type Closing struct {
	Outcome     Outcome
	On          time.Time // the close day
	Stage       string    // a stage given with the closing; "" applies the rule
	AmountMinor Minor
	HasAmount   bool // the amount replaces the deal's
	LostReason  string
}

// CloseDeal closes o as c says (see the rule above) and checks the result
// with CheckOpportunity. o is the deal as stored, or a new one; a Closing
// whose outcome is open changes nothing but what it gives.
func CloseDeal(o Opportunity, c Closing) (Opportunity, error) {
	if !c.Outcome.Valid() {
		return o, fieldErr("outcome", RefuseUnknownOutcome, c.Outcome)
	}
	o.Outcome = c.Outcome
	if c.HasAmount {
		o.AmountMinor, o.HasAmount = c.AmountMinor, true
	}
	if c.LostReason != "" {
		o.LostReason = c.LostReason
	}
	if o.Outcome == OutcomeWon {
		o.LostReason = ""
	}
	if stage := strings.TrimSpace(c.Stage); stage != "" {
		o.Stage = stage
	}
	if o.Outcome == OutcomeOpen {
		return o, CheckOpportunity(o)
	}
	o.Closed = Date(c.On)
	if c.On.IsZero() {
		o.Closed = time.Time{}
	}
	if strings.TrimSpace(c.Stage) == "" {
		word, words := StageWon, DefaultWonStages
		if o.Outcome == OutcomeLost {
			word, words = StageLost, DefaultLostStages
		}
		if !StageReadsAs(o.Stage, words) {
			o.Stage = word
		}
	}
	if o.Created.IsZero() {
		o.Created = o.Closed
	}
	return o, CheckOpportunity(o)
}

// DefaultCreated is the created date of an open deal that came without one:
// today, or its expected close date when that is earlier, so that a deal's
// close date is never before its creation. (A closed deal takes its close
// date: CloseDeal.)
func DefaultCreated(o Opportunity, today time.Time) time.Time {
	if !o.Closed.IsZero() && o.Closed.Before(Date(today)) {
		return o.Closed
	}
	return Date(today)
}

// OpenDeal is an open deal as a picker lists it: enough to find it by its
// id, account or rep and to prefill its closing, not the whole record.
type OpenDeal struct {
	ID          int64
	ExternalID  string
	Account     string
	RepName     string
	Stage       string
	AmountMinor Minor
	HasAmount   bool
}
