package tui

import (
	"context"
	"strings"
	"testing"
)

// The rules form switches the year-end closure: the last field, after the fiscal start, on by
// default; right turns it off and enter stores it, and the rules page
// then says off.
func TestSettingsYearEndClosure(t *testing.T) {
	t.Parallel()
	for _, lang := range []Lang{LangJA, LangEN} {
		st := entryStore(t)
		ctx := context.Background()
		a := entryApp(t, st, lang)
		press(t, a, "!", "t")
		if out := screen(a); !strings.Contains(out, lang.T(msgRuleYearEnd)) || !strings.Contains(out, lang.T(msgRuleYearEndOn)) {
			t.Fatalf("%s: rules page without the closure:\n%s", lang, out)
		}
		press(t, a, "s")
		if out := screen(a); !strings.Contains(out, lang.T(msgRuleYearEnd)) {
			t.Fatalf("%s: form without the closure:\n%s", lang, out)
		}
		for range 8 { // deadline, stale, future, alerts, three required lists, fiscal start
			press(t, a, "down")
		}
		press(t, a, "right", "enter")
		r, err := st.InputRules(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if r.YearEndClosure {
			t.Fatalf("%s: closure still on after switching it off in the form", lang)
		}
		if !r.AlertsOn || r.StaleDays != 7 {
			t.Fatalf("%s: other rules changed: %+v", lang, r)
		}
		if out := screen(a); strings.Contains(out, lang.T(msgRuleYearEndOn)) {
			t.Fatalf("%s: rules page still says on:\n%s", lang, out)
		}
	}
}
