package tui

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"charm.land/lipgloss/v2"

	"github.com/kpit-dev/kpit/model"
)

// TestAlertsPaneFitsTheWindow opens the alerts pane on the demo data at
// 80×24 and 120×40 in both languages: no line is wider than the window, no
// character is cut in half, the summary carries the whole late-entry count
// (the demo has 3 late entries on the golden day, all yellow), and a long
// alert line ends in "..." where it was cut.
func TestAlertsPaneFitsTheWindow(t *testing.T) {
	lateEntry := regexp.MustCompile(`[0-9]+日遅れて入力|entered [0-9]+ day\(s\) late`)
	t.Parallel()
	for _, lang := range []Lang{LangJA, LangEN} {
		for _, sz := range [][2]int{{80, 24}, {120, 40}} {
			w, h := sz[0], sz[1]
			a := newTestApp(t, lang, w, h)
			press(t, a, "!")
			late := lang.T(msgAlertsSummary, lang.T(msgRuleLate), 3, 0, 3)
			for page, key := range []string{"", "t"} {
				if key != "" {
					press(t, a, key)
				}
				out := screen(a)
				checkFits(t, out, w, h)
				if !utf8.ValidString(out) || strings.ContainsRune(out, utf8.RuneError) {
					t.Errorf("%s %dx%d page %d: a character was cut:\n%s", lang, w, h, page, out)
				}
				if !strings.Contains(out, late) {
					t.Errorf("%s %dx%d page %d: summary lacks %q:\n%s", lang, w, h, page, late, out)
				}
			}
			press(t, a, "t")
			// Scroll to the end: the late entries come last.
			for range 20 {
				press(t, a, "down")
			}
			out := screen(a)
			lines := 0 // rows of the list, not the selected alert's detail under it
			for _, l := range strings.Split(out, "\n") {
				// At 80 columns a row may give up the rule's name: the
				// sentence says it was entered late.
				if (strings.Contains(l, "│   [") || strings.Contains(l, "│ > [")) && strings.Contains(l, "["+lang.T(msgBandYellow)+"] ") &&
					(strings.Contains(l, lang.T(msgRuleLate)+":") || lateEntry.MatchString(l)) {
					lines++
				}
			}
			if lines != 3 {
				t.Errorf("%s %dx%d: %d late-entry lines at the end of the list, want 3:\n%s", lang, w, h, lines, out)
			}
		}
	}
}

func TestClipLineCutsAtACharacter(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		in   string
		w    int
		want string
	}{
		{"abcdef", 6, "abcdef"},
		{"abcdefg", 6, "abc..."},
		{"株式会社光陽", 12, "株式会社光陽"},
		{"株式会社光陽", 10, "株式会..."}, // 6 columns of Japanese and the 3 of "...": one column left blank
		{"株式会社光陽", 9, "株式会..."},
		{"ab株式会社", 8, "ab株..."},
	} {
		got := clipLine(tt.in, tt.w)
		if got != tt.want || lipgloss.Width(got) > tt.w {
			t.Errorf("clipLine(%q, %d) = %q (width %d), want %q", tt.in, tt.w, got, lipgloss.Width(got), tt.want)
		}
	}
	if got := packParts([]string{"aaaa", "bbbb", "cc"}, "  ", 10); !slices.Equal(got, []string{"aaaa  bbbb", "cc"}) {
		t.Errorf("packParts = %q", got)
	}
}

// TestAlertTextNamesTheActivityKind: a late activity without an account is
// named by its kind in the user's language, never by the raw kind.
func TestAlertTextNamesTheActivityKind(t *testing.T) {
	t.Parallel()
	al := model.Alert{Kind: model.AlertLateEntry, Severity: model.SeverityWarning, RepName: "林 和也",
		RecordKind: model.RecordActivity, RecordID: 12, ActivityKind: model.KindCall,
		Day: model.D(2026, 11, 16), Due: model.D(2026, 11, 17), Days: 3}
	ja := AlertText(LangJA, al)
	if !strings.HasPrefix(ja, "架電 #12 (林 和也): 3日遅れ") || strings.Contains(ja, "call") {
		t.Errorf("ja: %q", ja)
	}
	en := AlertText(LangEN, al)
	if !strings.HasPrefix(en, "call #12 (林 和也): entered 3 day(s) late") {
		t.Errorf("en: %q", en)
	}
	al.Subject = "ACME"
	if ja := AlertText(LangJA, al); !strings.HasPrefix(ja, "架電 #12 (林 和也, ACME):") {
		t.Errorf("ja with account: %q", ja)
	}
}

// TestDemoAlertsUseTheCatalogue: on the demo data every late activity's
// line starts with its kind from the catalogue.
func TestDemoAlertsUseTheCatalogue(t *testing.T) {
	t.Parallel()
	st := openDemo(t)
	alerts, _, err := st.Alerts(context.Background(), fixedNow, fixedNow.Location())
	if err != nil {
		t.Fatal(err)
	}
	for _, al := range alerts {
		if al.Kind != model.AlertLateEntry || al.RecordKind != model.RecordActivity {
			continue
		}
		if al.ActivityKind == "" {
			t.Fatalf("late activity without its kind: %+v", al)
		}
		if ja := AlertText(LangJA, al); !strings.HasPrefix(ja, activityKindLabel(LangJA, al.ActivityKind)+" #") {
			t.Errorf("ja: %q", ja)
		}
	}
}

// TestAlertRowsKeepTheirDays: a row of the alerts list too wide for the
// pane gives up the account first, then the rule's name, so the days
// late, stalled or overdue stay in view (the whole alert is under the list); a hand-off row keeps
// its number of leads. An overdue review action keeps its name first.
func TestAlertRowsKeepTheirDays(t *testing.T) {
	t.Parallel()
	days := regexp.MustCompile(`[0-9]+ ?(日|day|件が|leads)`)
	for _, c := range []struct {
		lang Lang
		w, h int
	}{{LangJA, 80, 24}, {LangJA, 120, 40}, {LangEN, 80, 24}, {LangEN, 120, 40}} {
		a := newTestApp(t, c.lang, c.w, c.h)
		press(t, a, "!")
		for range 20 { // down the whole list
			rows := 0
			for _, l := range strings.Split(screen(a), "\n") {
				if !strings.Contains(l, "│ > [") && !strings.Contains(l, "│   [") {
					continue
				}
				rows++
				// An overdue action's row names the action first; at 80
				// columns its days may not fit after it.
				if !days.MatchString(l) && !strings.Contains(l, AlertKindWord(c.lang, model.AlertOverdueAction)) {
					t.Errorf("%s %dx%d: a row without its days: %q", c.lang, c.w, c.h, l)
				}
			}
			if rows < 5 {
				t.Fatalf("%s %dx%d: %d rows:\n%s", c.lang, c.w, c.h, rows, screen(a))
			}
			press(t, a, "down")
		}
	}
}
