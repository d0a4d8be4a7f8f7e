package tui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/store"
)

// TestEmptyDashboardSaysWhereKPIsComeFrom: a first-time user's dashboard
// says "no KPIs" and names the tab that adds them, as the tree does.
func TestEmptyDashboardSaysWhereKPIsComeFrom(t *testing.T) {
	t.Parallel()
	st, err := store.Open(filepath.Join(t.TempDir(), "new.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, lang := range []Lang{LangJA, LangEN} {
		a := New(Options{Store: st, Lang: lang, Now: func() time.Time { return fixedNow }, NoColor: true})
		run(t, a, a.Init())
		a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		line := lineWith(a, lang.T(msgDashNoKPIs))
		if !strings.Contains(line, lang.T(msgTabStyles)) {
			t.Errorf("%s: the empty dashboard %q does not name the %s tab", lang, line, lang.T(msgTabStyles))
		}
	}
}
