package tui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// TestEmptyDatabase opens the cockpit on a new, empty database, as a new
// user does: every screen says what is missing instead of failing, and
// no figure reads NaN.
func TestEmptyDatabase(t *testing.T) {
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
		out := screen(a)
		for _, w := range []string{lang.T(msgDashNoKGI), lang.T(msgDashNoKPIs)} {
			if !strings.Contains(out, w) {
				t.Errorf("%s dashboard lacks %q:\n%s", lang, w, out)
			}
		}
		press(t, a, "2")
		if out := screen(a); !strings.Contains(out, lang.T(msgTreeNoTree)) {
			t.Errorf("%s tree lacks the no-tree message:\n%s", lang, out)
		}
		// Keys on empty screens do nothing harmful.
		press(t, a, "enter", "w", "+", "e", "5", "enter", "esc", "space", "[", "p", "1", "down", "up", "[", "]")
		for i := range a.screens {
			a.switchTo(i)
			if out := screen(a); strings.Contains(out, "NaN") || strings.Contains(out, "Inf") {
				t.Errorf("%s tab %d shows NaN or Inf:\n%s", lang, i, out)
			}
		}
	}
}

func TestSetKGIFromTheDashboard(t *testing.T) {
	t.Parallel()
	st, err := store.Open(filepath.Join(t.TempDir(), "new.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a := New(Options{Store: st, Lang: LangJA, Now: func() time.Time { return fixedNow }, NoColor: true})
	run(t, a, a.Init())
	a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	d := a.screens[0].(*dashboard)
	press(t, a, "g", "a", "b", "c", "enter")
	if !d.Capturing() || !strings.Contains(screen(a), "KGIを読めません") || d.kgi.input.Value() != "abc" {
		t.Fatalf("a bad KGI should be explained and kept:\n%s", screen(a))
	}
	press(t, a, "backspace", "backspace", "backspace")
	for _, r := range "5000万/月" {
		press(t, a, string(r))
	}
	press(t, a, "enter")
	// The amount reads; the line now asks why. No reason, no save.
	press(t, a, "enter")
	if !d.Capturing() || !strings.Contains(screen(a), "理由を入力してください") {
		t.Fatalf("an empty reason should be asked for again:\n%s", screen(a))
	}
	if _, ok, _ := st.KGI(context.Background()); ok {
		t.Fatal("a KGI was stored without a reason")
	}
	typeText(t, a, "初年度の目標")
	press(t, a, "enter")
	// The change is shown before it is saved; y saves it.
	if out := screen(a); !strings.Contains(out, "¥600,000,000") || !strings.Contains(out, "(y/n)") {
		t.Fatalf("the KGI should be shown and confirmed before it is saved:\n%s", out)
	}
	if _, ok, _ := st.KGI(context.Background()); ok {
		t.Fatal("a KGI was stored before y")
	}
	press(t, a, "y")
	kgi, ok, err := st.KGI(context.Background())
	if err != nil || !ok {
		t.Fatalf("no KGI stored: %v %v", ok, err)
	}
	// ¥50,000,000 a month is ¥600,000,000 a fiscal year, due 31 March 2027.
	if kgi.Value != 600_000_000 || kgi.Per != model.FiscalYear || kgi.Metric != model.MetricRevenue ||
		!kgi.Deadline.Equal(model.D(2027, 3, 31)) {
		t.Fatalf("stored KGI %+v", kgi)
	}
	out := screen(a)
	if !strings.Contains(out, "¥600,000,000") || !strings.Contains(out, "目標 ¥5,000万") {
		t.Errorf("dashboard after saving the KGI:\n%s", out)
	}
	press(t, a, "g", "esc")
	if d.Capturing() {
		t.Error("esc should close the KGI editor")
	}
}
