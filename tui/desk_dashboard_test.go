package tui

import (
	"fmt"
	"strings"
	"testing"
)

// At 80×24, and in a window too short for every row, every KPI of the
// demo is reachable with j: the table scrolls, the selected row is on
// screen with its name, and the heading says where the cursor is once not
// every row fits.
func TestDashboardEveryKPIReachableAt80x24(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang Lang
		h    int
	}{{LangJA, 24}, {LangEN, 24}, {LangJA, 16}, {LangEN, 16}} {
		lang := c.lang
		a := newTestApp(t, lang, 80, c.h)
		d := a.screens[0].(*dashboard)
		g := d.data.goals
		var names []string
		for _, k := range g.KPIs {
			if g.HasKGI && k.Key == g.KGI.Metric {
				continue
			}
			names = append(names, g.name(lang, k.Key))
		}
		if len(names) < 8 {
			t.Fatalf("%s: the demo has %d KPIs besides the KGI, want at least 8", lang, len(names))
		}
		seen := map[string]bool{}
		for i := range names {
			if i > 0 {
				press(t, a, "j")
			}
			for _, l := range strings.Split(screen(a), "\n") {
				if strings.HasPrefix(l, "> ") {
					for _, n := range names {
						if strings.HasPrefix(strings.TrimPrefix(l, "> "), n+" ") {
							seen[n] = true
						}
					}
				}
			}
		}
		for _, n := range names {
			if !seen[n] {
				t.Errorf("%s: %q was never the selected row on screen", lang, n)
			}
		}
		marker := fmt.Sprintf("%d/%d", len(names), len(names))
		if out := screen(a); c.h < 20 && !strings.Contains(out, marker) {
			t.Errorf("%s %d lines: no position marker %s at the last KPI:\n%s", lang, c.h, marker, out)
		}
	}
}
