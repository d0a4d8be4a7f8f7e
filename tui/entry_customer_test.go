package tui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// recordsOf are the records of kind in st, newest first, as the Records
// tab reads them.
func recordsOf(t *testing.T, st *store.Store, kind model.RecordKind) []model.Record {
	t.Helper()
	recs, _, err := st.RecordsPage(context.Background(), store.RecordQuery{Kind: kind, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// The usage form's customer is picked from the customers, in name order:
// right steps to the next one, typing narrows to those holding the text,
// and the check is recorded on the customer picked.
func TestEntryUsageCustomerPicker(t *testing.T) {
	t.Parallel()
	st := usageStore(t)
	a := entryApp(t, st, LangEN)
	names := slices.Sorted(slices.Values(usageCustomers)) // ACME, Beta, Delta, Gamma
	entryMode(t, a, leftsToUsage)
	press(t, a, "down")
	if !strings.Contains(screen(a), "< "+names[0]+" >") || !strings.Contains(screen(a), fmt.Sprintf("(%d of %d)", len(names), len(names))) {
		t.Fatalf("the picker does not start on %s of %d:\n%s", names[0], len(names), screen(a))
	}
	press(t, a, "right", "right")
	press(t, a, "enter")
	if recs := recordsOf(t, st, model.RecordUsage); len(recs) != 1 || recs[0].Usage.Account != names[2] {
		t.Fatalf("two steps right recorded %+v; want a check of %s", recs, names[2])
	}
	entryMode(t, a, leftsToUsage)
	press(t, a, "down")
	typeText(t, a, "mm") // only Gamma holds it
	if view := screen(a); !strings.Contains(view, "< Gamma >") || !strings.Contains(view, "(1 of 4)") {
		t.Fatalf("typing mm:\n%s", view)
	}
	press(t, a, "enter")
	if recs := recordsOf(t, st, model.RecordUsage); len(recs) != 2 || recs[0].Usage.Account != "Gamma" {
		t.Fatalf("after mm: %+v; want a check of Gamma", recs)
	}
}

// A rep of a team is offered their own customers only: a usage check of
// another's is refused by the store (docs/teams.md).
func TestEntryUsagePickerOffersOwnCustomers(t *testing.T) {
	t.Parallel()
	st := usageStore(t) // every customer 田中's
	ctx := context.Background()
	if _, err := st.AddCustomer(ctx, model.Customer{Name: "Omega", RepName: "鈴木", Started: model.D(2026, 4, 1)}); err != nil {
		t.Fatal(err)
	}
	reps, err := st.Reps(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var suzuki int64
	for _, r := range reps {
		if r.Name == "鈴木" {
			suzuki = r.ID
		}
	}
	a := entryApp(t, st.As(model.User{Name: "suzu", Role: model.RoleRep, RepID: suzuki}), LangJA)
	entryMode(t, a, leftsToUsage)
	press(t, a, "down")
	if view := screen(a); !strings.Contains(view, "< Omega >") || !strings.Contains(view, "(1/1)") {
		t.Fatalf("鈴木's picker:\n%s", view)
	}
	press(t, a, "enter")
	if recs := recordsOf(t, st, model.RecordUsage); len(recs) != 1 || recs[0].Usage.Account != "Omega" || recs[0].Usage.RepName != "鈴木" {
		t.Fatalf("recorded %+v; want a check of Omega", recs)
	}
}

// An NPS answer names no customer until one is picked; a name the list
// does not hold is taken as typed (an answer may come from anyone).
func TestEntryNPSCustomerPicker(t *testing.T) {
	t.Parallel()
	st := usageStore(t)
	a := entryApp(t, st, LangEN)
	for _, c := range []struct {
		keys  []string
		typed string
		want  string
	}{
		{nil, "", ""},
		{[]string{"right"}, "", "ACME"},
		{nil, "elta", "Delta"},
		{nil, "Trial Co", "Trial Co"},
	} {
		entryMode(t, a, leftsToNPS)
		fillField(t, a, 1, "9")
		press(t, a, "down")
		press(t, a, c.keys...)
		if c.typed != "" {
			typeText(t, a, c.typed)
		}
		if view := screen(a); c.want != "" && !strings.Contains(view, "< "+c.want+" >") {
			t.Errorf("%v %q: the field does not show %s:\n%s", c.keys, c.typed, c.want, view)
		}
		press(t, a, "enter")
		if recs := recordsOf(t, st, model.RecordNPS); len(recs) == 0 || recs[0].NPS.Account != c.want {
			t.Fatalf("%v %q: newest answer %+v; want customer %q", c.keys, c.typed, recs, c.want)
		}
	}
}

// An e-mail campaign comes in by the form as by kpit add campaign: its
// figures reach the open rate's counts; a count that is not a number and
// more opened than sent are refused on their field, nothing written.
func TestEntryCampaign(t *testing.T) {
	t.Parallel()
	for _, lang := range []Lang{LangJA, LangEN} {
		st := entryStore(t)
		a := entryApp(t, st, lang)
		for _, c := range []struct {
			fields []string // name, date, sent, opened
			want   string
		}{
			{[]string{"11月号", "2026-11-20", "1200", "abc"}, refusal(lang, model.RefuseNotWhole, []any{"abc"}, "")},
			{[]string{"11月号", "2026-11-20", "100", "120"}, lang.T(msgFieldOpens) + ": "},
			{[]string{"", "2026-11-20", "100", "20"}, lang.T(msgFieldCampaignName) + ": "},
		} {
			entryMode(t, a, leftsToCampaign)
			for _, v := range c.fields {
				fillField(t, a, 1, v)
			}
			press(t, a, "enter")
			if out := screen(a); a.overlay == nil || !strings.Contains(out, c.want) {
				t.Errorf("%s %v: want %q under the form:\n%s", lang, c.fields, c.want, out)
			}
			press(t, a, "esc", "y")
		}
		entryMode(t, a, leftsToCampaign)
		for _, v := range []string{"11月号", "2026-11-20", "1200", "480"} {
			fillField(t, a, 1, v)
		}
		press(t, a, "enter")
		if a.overlay != nil {
			t.Fatalf("%s: campaign not saved:\n%s", lang, screen(a))
		}
		c := novemberCounts(t, st)
		if c.Sent != 1200 || c.Opened != 480 {
			t.Errorf("%s: November's campaigns sent %d, opened %d; want 1200, 480", lang, c.Sent, c.Opened)
		}
	}
}

// novemberCounts are the success counts of November 2026 at fixedNow.
func novemberCounts(t *testing.T, st *store.Store) store.SuccessCounts {
	t.Helper()
	c, err := st.SuccessCounts(context.Background(), store.SuccessSpan{From: model.D(2026, 11, 1), To: model.D(2026, 12, 1), AsOf: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	return c
}
