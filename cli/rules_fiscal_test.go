package cli

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/store"
)

// TestRulesFiscalStart: --fiscal-start stores the month the cockpit and the
// reports read; a month outside 1-12 is refused naming the flag, and the
// stored month stays as it was.
func TestRulesFiscalStart(t *testing.T) {
	db := newEntryDB(t)
	stored := func() time.Month {
		t.Helper()
		st, err := store.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		m, err := st.FiscalStart(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	code, out, _ := kpitRun("rules", "--db", db, "--lang", "en")
	if code != 0 || !strings.Contains(out, "Fiscal year       starts in April (default)") || stored() != time.April {
		t.Fatalf("default: %d %q", code, out)
	}
	code, out, errOut := kpitRun("rules", "--db", db, "--lang", "ja", "--fiscal-start", "10")
	if code != 0 || !strings.Contains(out, "10月始まり") || stored() != time.October {
		t.Fatalf("--fiscal-start 10: %d %q %q", code, out, errOut)
	}
	for _, bad := range []string{"0", "13", "April", ""} {
		code, _, errOut := kpitRun("rules", "--db", db, "--fiscal-start", bad)
		if code != 2 || !strings.Contains(errOut, "--fiscal-start:") || strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
			t.Errorf("--fiscal-start %q: %d %q", bad, code, errOut)
		}
	}
	if m := stored(); m != time.October {
		t.Errorf("after refusals the fiscal start is %v, want October", m)
	}
}
