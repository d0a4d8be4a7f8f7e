package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/kpit-dev/kpit/model"
)

// TestRecordsShowTheSFADealID: a deal imported with the SFA's ID (D-001)
// is listed under that ID, the one the manager knows; a deal entered in
// kpit without one keeps kpit's number.
func TestRecordsShowTheSFADealID(t *testing.T) {
	t.Parallel()
	for _, lang := range []Lang{LangJA, LangEN} {
		st := entryStore(t)
		ctx := context.Background()
		if _, err := st.AddOpportunity(ctx, model.Opportunity{ExternalID: "D-001", RepName: "田中", Account: "ACME株式会社",
			Created: model.D(2026, 11, 2), Outcome: model.OutcomeOpen}); err != nil {
			t.Fatal(err)
		}
		id, err := st.AddOpportunity(ctx, model.Opportunity{RepName: "鈴木", Account: "山田商事",
			Created: model.D(2026, 11, 3), Outcome: model.OutcomeOpen})
		if err != nil {
			t.Fatal(err)
		}
		a := entryApp(t, st, lang)
		press(t, a, "5", "right")
		acme, yamada := lineWith(a, "ACME株式会社"), lineWith(a, "山田商事")
		if f := strings.Fields(acme); len(f) == 0 || f[0] != "D-001" {
			t.Errorf("%s: imported deal row %q does not start with D-001:\n%s", lang, acme, screen(a))
		}
		if f := strings.Fields(yamada); len(f) == 0 || f[0] != fmt.Sprint(id) {
			t.Errorf("%s: kpit's deal row %q does not start with %d", lang, yamada, id)
		}
	}
}
