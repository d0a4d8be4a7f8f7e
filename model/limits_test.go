package model

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestTrimTextAndBlank(t *testing.T) {
	for in, want := range map[string]string{
		"\u200b":                "",
		"\ufeff":                "",
		"\u00a0\u3000 \u2060":   "",
		"\u200bACME\u00a0":      "ACME",
		" 株式会社\u200dABC\u200b ": "株式会社\u200dABC", // a joiner inside stays
		"a b":                   "a b",
	} {
		if got := TrimText(in); got != want {
			t.Errorf("TrimText(%q) = %q, want %q", in, got, want)
		}
		if Blank(in) != (want == "") {
			t.Errorf("Blank(%q) = %v", in, Blank(in))
		}
	}
}

func TestCheckText(t *testing.T) {
	for _, tc := range []struct {
		in   string
		max  int
		code RefusalCode // "" when taken
		args []any
	}{
		{"AC\x00ME", 0, RefuseControlChar, []any{"U+0000", 3}},
		{"田中\x1b[31m", 0, RefuseControlChar, []any{"U+001B", 3}},
		{"x\u0085", 0, RefuseControlChar, []any{"U+0085", 2}},
		{"line\r\nline\tend", 0, "", nil},
		{strings.Repeat("あ", 11), 10, RefuseTooLong, []any{Count{N: 11, Noun: CountCharacter}, Count{N: 10, Noun: CountNumber}, LimitTextChars}},
		{strings.Repeat("あ", 10), 10, "", nil},
		{strings.Repeat("あ", 100_000), 0, "", nil},
	} {
		err := CheckText("account", tc.in, tc.max)
		var fe *FieldError
		switch {
		case tc.code == "" && err != nil:
			t.Errorf("%.20q refused: %v", tc.in, err)
		case tc.code != "" && (!errors.As(err, &fe) || fe.Code != tc.code || fe.Field != "account" || !sameArgs(fe.Args, tc.args)):
			t.Errorf("%.20q: %v, want %s %v", tc.in, err, tc.code, tc.args)
		}
	}
}

func sameArgs(a, b []any) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Every door's record check refuses control characters; the Validate
// functions bound a field's length by the rules' TextChars (the default's
// when unset), so a raised limit is the one applied.
func TestRecordsCheckTheirText(t *testing.T) {
	today := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	a := Activity{Kind: "visit", Count: 1, RepName: "田中", Date: today, Account: "AC\x00ME"}
	if err := CheckActivity(a); err == nil || !strings.HasPrefix(err.Error(), "account: a control character (U+0000)") {
		t.Errorf("CheckActivity: %v", err)
	}
	a.Account, a.Note = "ACME", strings.Repeat("x", DefaultLimits().TextChars+1)
	if err := CheckActivity(a); err != nil {
		t.Errorf("CheckActivity bounds no length: %v", err)
	}
	rules := DefaultInputRules()
	if err := ValidateActivity(a, rules, today); err == nil || !strings.Contains(err.Error(), "raise text_chars under [limits]") {
		t.Errorf("ValidateActivity, default limit: %v", err)
	}
	rules.TextChars = DefaultLimits().TextChars + 1
	if err := ValidateActivity(a, rules, today); err != nil {
		t.Errorf("ValidateActivity, raised limit: %v", err)
	}
	o := Opportunity{ExternalID: "D\x07", RepName: "田中", Outcome: OutcomeOpen, Created: today}
	if err := CheckOpportunity(o); err == nil || !strings.HasPrefix(err.Error(), "id: ") {
		t.Errorf("CheckOpportunity: %v", err)
	}
	if err := CheckLead(Lead{Company: "\u200b", Contact: "\ufeff", Status: LeadNew}); err == nil {
		t.Error("a lead of invisible company and contact was taken")
	}
	if err := CheckCustomer(Customer{Name: "\u00a0"}); err == nil {
		t.Error("a customer named by an NBSP was taken")
	}
}

func TestLimitsOrAndSet(t *testing.T) {
	var l Limits
	for i, k := range LimitKeys() {
		if !l.Set(k, int64(i+1)) {
			t.Errorf("Set(%s) refused", k)
		}
	}
	if l != (Limits{1, 2, 3, 4, 5, 6}) {
		t.Errorf("set %+v", l)
	}
	if l.Set("cells", 1) {
		t.Error("an unknown key was set")
	}
	if got := (Limits{Rows: 7}).Or(DefaultLimits()); got.Rows != 7 || got.Columns != DefaultLimits().Columns {
		t.Errorf("Or: %+v", got)
	}
}

// Each Validate function refuses a record's text field once for each
// rule: a control character first (its Check function), then a length past
// the rules' TextChars, for every kind of record and field.
func TestValidateTextRulesInOrder(t *testing.T) {
	today := D(2026, 11, 26)
	rules := InputRules{TextChars: 5}
	for _, tc := range []struct {
		name     string
		validate func(text string) error
	}{
		{"activity note", func(s string) error {
			return ValidateActivity(Activity{RepName: "a", Kind: KindVisit, Count: 1, Date: today, Note: s}, rules, today)
		}},
		{"opportunity account", func(s string) error {
			return ValidateOpportunity(Opportunity{RepName: "a", Account: s, Created: today, Outcome: OutcomeOpen}, rules, today)
		}},
		{"lead company", func(s string) error {
			return ValidateLead(Lead{Company: s, Created: today, Status: LeadNew}, rules, today)
		}},
		{"customer name", func(s string) error {
			return ValidateCustomer(Customer{Name: s, Started: today}, rules, today)
		}},
	} {
		if err := tc.validate("abc"); err != nil {
			t.Errorf("%s: a short clean value refused: %v", tc.name, err)
		}
		var fe *FieldError
		if err := tc.validate("a\x00bcdefgh"); !errors.As(err, &fe) || fe.Code != RefuseControlChar {
			t.Errorf("%s: a long value with a NUL: %v, want the control character refused first", tc.name, err)
		}
		if err := tc.validate("abcdefgh"); !errors.As(err, &fe) || fe.Code != RefuseTooLong {
			t.Errorf("%s: eight characters under TextChars 5: %v, want too long", tc.name, err)
		}
	}
}
