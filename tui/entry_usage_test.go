package tui

import (
	"context"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/figures"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// usageCustomers are the customers of the usage tests, all under contract
// since April and 田中's.
var usageCustomers = []string{"ACME", "Beta", "Gamma", "Delta"}

func usageStore(t *testing.T) *store.Store {
	t.Helper()
	st := entryStore(t)
	ctx := context.Background()
	for _, n := range usageCustomers {
		if _, err := st.AddCustomer(ctx, model.Customer{Name: n, RepName: "田中", Started: model.D(2026, 4, 1)}); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// usageCheck is one check as the test enters it.
type usageCheck struct {
	customer string
	day      string // as typed in the form
	active   bool
}

// enterUsage fills the usage form: customer, day, and the choice stepped
// from its default (in use) to not in use when the check found it so.
func enterUsage(t *testing.T, a *App, c usageCheck) {
	t.Helper()
	entryMode(t, a, leftsToUsage)
	fillField(t, a, 1, c.customer)
	fillField(t, a, 1, c.day)
	if !c.active {
		press(t, a, "down", "right")
	}
	press(t, a, "enter")
}

// TestEntryUsageAndQuickAddFeedUsageRate enters usage checks through the
// form and quick-add lines in both languages, and checks the usage rate
// against the customers counted here whose latest November check found
// them in use.
func TestEntryUsageAndQuickAddFeedUsageRate(t *testing.T) {
	t.Parallel()
	st := usageStore(t)
	a := entryApp(t, st, LangJA)
	type check struct {
		customer string
		day      int // November 2026
		active   bool
	}
	var done []check
	form := []usageCheck{{"ACME", "2026-11-10", true}, {"Beta", "2026-11-12", false}, {"Gamma", "2026-11-05", true},
		{"ACME", "2026-11-20", false}}
	for _, c := range form {
		enterUsage(t, a, c)
		if a.overlay != nil {
			t.Fatalf("%v not saved:\n%s", c, screen(a))
		}
		d, err := time.Parse(time.DateOnly, c.day)
		if err != nil {
			t.Fatal(err)
		}
		done = append(done, check{c.customer, d.Day(), c.active})
	}
	// fixedNow is 26 November: yesterday the 25th.
	quick := []struct {
		line string
		c    check
	}{
		{"利用 @ACME 11/22", check{"ACME", 22, true}},
		{"未利用 @Gamma 昨日", check{"Gamma", 25, false}},
		{"usage @Delta", check{"Delta", 26, true}},
		{"inactive @Beta yesterday", check{"Beta", 25, false}},
		{"ａｃｔｉｖｅ　＠Beta", check{"Beta", 26, true}},
	}
	press(t, a, ":")
	for _, q := range quick {
		typeText(t, a, q.line)
		press(t, a, "enter")
		if out := screen(a); strings.Contains(out, LangJA.T(msgQuickCannot, "")) {
			t.Fatalf("%q refused:\n%s", q.line, out)
		}
		done = append(done, q.c)
	}
	press(t, a, "enter")
	// The latest check of each customer, the later entered on a tie.
	latest := map[string]check{}
	for _, c := range done {
		if l, ok := latest[c.customer]; !ok || c.day >= l.day {
			latest[c.customer] = c
		}
	}
	active := 0
	for _, c := range latest {
		if c.active {
			active++
		}
	}
	want := float64(active) / float64(len(usageCustomers))
	if got := novemberSuccess(t, st)[figures.KeyUsageRate]; !got.Valid || math.Abs(got.V-want) > 1e-9 {
		t.Errorf("usage rate = %+v, want %d of %d = %v from %v", got, active, len(usageCustomers), want, done)
	}
	if want != 0.75 { // latest: ACME yes (22nd), Beta yes (26th), Gamma no (25th), Delta yes: worked by hand
		t.Errorf("the hand count is %v, not 3 of 4", want)
	}
}

// TestEntryUsageRefusals: an unknown customer, a day to come, a missing
// customer and another rep's customer are named under the form, and a
// quick-add line without a customer is refused; nothing is written.
func TestEntryUsageRefusals(t *testing.T) {
	t.Parallel()
	for _, lang := range []Lang{LangJA, LangEN} {
		st := usageStore(t)
		reps, err := st.Reps(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		var rival int64
		for _, r := range reps {
			if r.Name == "鈴木" {
				rival = r.ID
			}
		}
		a := entryApp(t, st.As(model.User{Name: "suzu", Role: model.RoleRep, RepID: rival}), lang)
		cases := []struct {
			c    usageCheck
			want string
		}{
			{usageCheck{"Nobody", "2026-11-20", true}, lang.T(msgFieldCustomer) + ": " +
				refusal(lang, model.RefuseUnknownCustomer, []any{"Nobody", "ACME, Beta, Delta, Gamma"}, "")},
			{usageCheck{"", "2026-11-20", false}, lang.T(msgFieldCustomer) + ": "},
			{usageCheck{"ACME", "2026-11-27", true}, lang.T(msgFieldDate) + ": "},
			{usageCheck{"ACME", "2026-11-20", true}, catalog.Rights(lang, &model.RightsError{User: "suzu", Role: model.RoleRep,
				Area: model.AreaRecords, Rep: "田中"})},
		}
		for _, c := range cases {
			enterUsage(t, a, c.c)
			out := screen(a)
			if a.overlay == nil || !strings.Contains(out, c.want) {
				t.Errorf("%s %v: want %q under the form:\n%s", lang, c.c, c.want, out)
			}
			press(t, a, "esc", "y")
		}
		press(t, a, ":")
		typeText(t, a, "未利用 昨日")
		press(t, a, "enter")
		if out := screen(a); !strings.Contains(out, refusal(lang, model.RefuseQuickCustomerMissing, nil, "")) {
			t.Errorf("%s: a usage line without a customer: want %q:\n%s", lang, refusal(lang, model.RefuseQuickCustomerMissing, nil, ""), out)
		}
		press(t, a, "esc")
		if v := novemberSuccess(t, st)[figures.KeyUsageRate]; !v.Valid || v.V != 0 {
			t.Errorf("%s: usage rate = %+v after refusals only, want 0 of 4", lang, v)
		}
	}
}
