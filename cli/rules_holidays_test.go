package cli

import (
	"context"
	"strings"
	"testing"

	"github.com/kpit-dev/kpit/store"
)

// TestRulesYearEndClosure: --year-end-closure on|off is stored as
// rule.year_end_closure and shown with the rules; a bad value is refused
// in one line naming the flag, nothing written.
func TestRulesYearEndClosure(t *testing.T) {
	db := newEntryDB(t)
	stored := func() bool {
		t.Helper()
		st, err := store.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		r, err := st.InputRules(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return r.YearEndClosure
	}
	code, out, _ := kpitRun("rules", "--db", db, "--lang", "en")
	if code != 0 || !strings.Contains(out, "Year-end closure  on (12/29-1/3 are not business days) (default)") ||
		!strings.Contains(out, "Japanese public holidays") || !stored() {
		t.Fatalf("default: %d %q", code, out)
	}
	code, out, errOut := kpitRun("rules", "--db", db, "--lang", "ja", "--year-end-closure", "off")
	if code != 0 || !strings.Contains(out, "年末年始休業") || !strings.Contains(out, "オフ") || stored() {
		t.Fatalf("--year-end-closure off: %d %q %q", code, out, errOut)
	}
	for _, bad := range []string{"maybe", ""} {
		code, _, errOut := kpitRun("rules", "--db", db, "--year-end-closure", bad, "--stale-days", "3")
		if code != 2 || !strings.Contains(errOut, "--year-end-closure:") || strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
			t.Errorf("--year-end-closure %q: %d %q", bad, code, errOut)
		}
	}
	if stored() {
		t.Error("a refused value changed the closure")
	}
	if code, _, errOut := kpitRun("rules", "--db", db, "--year-end-closure", "on"); code != 0 || !stored() {
		t.Errorf("--year-end-closure on: %d %q", code, errOut)
	}
}
