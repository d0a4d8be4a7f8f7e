package tui

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kpit-dev/kpit/kpitree"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// showTab presses the number key of tab id.
func showTab(t *testing.T, a *App, id TabID) {
	t.Helper()
	for i, td := range a.tabs {
		if td.ID == id {
			press(t, a, string(rune('1'+i)))
			return
		}
	}
	t.Fatalf("no tab %s", id)
}

// assertFits fails when a line of out is wider than w columns.
func assertFits(t *testing.T, out string, w int) {
	t.Helper()
	for i, line := range strings.Split(out, "\n") {
		if lw := lipgloss.Width(line); lw > w {
			t.Errorf("line %d is %d columns wide (window %d): %q", i, lw, w, line)
		}
	}
}

// TestRepsNarrowKeepsWholeReference: at 80 columns the Reps tab's reference
// sentence is wrapped, not cut, and its column titles are capitalised
// alike; in both languages no line is wider than the window.
func TestRepsNarrowKeepsWholeReference(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		lang    Lang
		w       int
		headers []string
	}{
		{LangEN, 80, []string{"Rep", "Dept", "Visits", "Calls", "Opps", "Won", "Win %", "Revenue", "Same day"}},
		{LangJA, 80, []string{"担当者", "部門", "訪問", "架電", "商談", "受注", "受注率", "売上", "当日入力"}},
		{LangEN, 60, nil},
		{LangJA, 40, nil},
	} {
		a := newTestApp(t, tt.lang, tt.w, 24)
		showTab(t, a, TabReps)
		out := screen(a)
		assertFits(t, out, tt.w)
		sentence := tt.lang.T(msgRepsReference, "38.5%")
		var joined []string
		in := false
		for _, line := range strings.Split(out, "\n") {
			line = strings.TrimSpace(line)
			if strings.HasPrefix(line, strings.Fields(sentence)[0]) {
				in = true
			} else if line == "" {
				in = false
			}
			if in {
				joined = append(joined, line)
			}
		}
		sep := " "
		if tt.lang == LangJA {
			sep = ""
		}
		// Japanese wraps inside words: compare without the break points.
		got := strings.ReplaceAll(strings.Join(joined, sep), " ", "")
		if want := strings.ReplaceAll(sentence, " ", ""); got != want {
			t.Errorf("%s %d: reference reads %q, want %q", tt.lang, tt.w, strings.Join(joined, sep), sentence)
		}
		if tt.headers == nil {
			continue
		}
		var header string
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, tt.headers[0]+" ") {
				header = line
			}
		}
		if got := strings.Fields(strings.ReplaceAll(strings.ReplaceAll(header, "Win %", "Win%"), "Same day", "Sameday")); len(got) != len(tt.headers) {
			t.Errorf("%s: header %q, want the columns %q", tt.lang, header, tt.headers)
		}
		for _, h := range tt.headers {
			if !strings.Contains(header, h) {
				t.Errorf("%s: header %q lacks %q", tt.lang, header, h)
			}
		}
	}
}

// TestRecordsKindNotCut: every activity kind shown on the Records tab is
// its whole word, in both languages and at 80 and 120 columns, and no line
// is wider than the window (down to 40).
func TestRecordsKindNotCut(t *testing.T) {
	t.Parallel() // reads the shared demo file or a copy of its own
	for _, lang := range []Lang{LangEN, LangJA} {
		for _, w := range []int{40, 80, 120} {
			a := newTestApp(t, lang, w, 40)
			showTab(t, a, TabRecords)
			out := screen(a)
			assertFits(t, out, w)
			var rs *recordsScreen
			for _, s := range a.screens {
				if r, ok := s.(*recordsScreen); ok {
					rs = r
				}
			}
			if w < 80 {
				continue
			}
			lines := strings.Split(out, "\n")
			checked := 0
			for _, rec := range rs.page {
				if rec.Kind != model.RecordActivity {
					continue
				}
				// The row of this record starts with its id (right-aligned).
				id := " " + strconv.FormatInt(rec.Activity.ID, 10) + " "
				for _, line := range lines {
					if strings.HasPrefix(" "+strings.TrimLeft(line, " "), id) {
						if label := activityKindLabel(lang, rec.Activity.Kind); !strings.Contains(line, " "+label+" ") {
							t.Errorf("%s %d: row %q lacks the kind %q whole", lang, w, line, label)
						}
						checked++
					}
				}
			}
			if checked < 10 {
				t.Errorf("%s %d: only %d rows checked", lang, w, checked)
			}
		}
	}
	// The opportunities at 80 columns keep the account readable (16 columns
	// or its whole name), dropping the entry and creation dates instead.
	a := newTestApp(t, LangEN, 80, 30)
	showTab(t, a, TabRecords)
	_, cmd := a.Update(tea.KeyPressMsg{Code: tea.KeyRight})
	run(t, a, cmd)
	out := screen(a)
	assertFits(t, out, 80)
	if !strings.Contains(out, "Account") || strings.Contains(out, "Entered") {
		t.Errorf("opportunities at 80 columns:\n%s", out)
	}
}

// TestHelpOverOverlay: `?` in an overlay lists that overlay's own keys (from
// its key map), not the tab keys, and esc goes back to the overlay.
func TestHelpOverOverlay(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		open string
		want []string // help texts of the overlay's keys
	}{
		{"a", []string{"enter", msgKeySave.EN, "left/right", msgKeyChoose.EN}},
		{"!", []string{"t", msgKeyTimeliness.EN, "s", msgKeyRules.EN}},
		{":", nil},
		{"i", nil},
	} {
		a := newTestApp(t, LangEN, 80, 24)
		press(t, a, tt.open)
		pane := screen(a)
		keys := a.focused().Keys().FullHelp()
		press(t, a, "?")
		out := screen(a)
		if !strings.Contains(out, msgKeyHelp.EN) || strings.Contains(out, msgKeyTabs.EN) {
			t.Fatalf("%s then ?: want the overlay's help without the tab keys:\n%s", tt.open, out)
		}
		// Every key of the overlay's map is listed with its help text.
		for _, g := range keys {
			for _, b := range g {
				if !strings.Contains(out, b.Help().Key) || !strings.Contains(out, b.Help().Desc) {
					t.Errorf("%s: help lacks %q %q:\n%s", tt.open, b.Help().Key, b.Help().Desc, out)
				}
			}
		}
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: help lacks %q", tt.open, w)
			}
		}
		press(t, a, "esc")
		if got := screen(a); got != pane {
			t.Errorf("%s: esc from the help does not return to the overlay:\n%s", tt.open, got)
		}
	}
	// In a text field `?` is typed, not help.
	a := newTestApp(t, LangEN, 80, 24)
	press(t, a, ":", "v", "?")
	if out := screen(a); strings.Contains(out, msgHelpCloseTip.EN) || !strings.Contains(out, "v?") {
		t.Errorf("? in the quick-add line after text should be typed:\n%s", out)
	}
}

// TestFiscalStartSetting: the rules form sets the fiscal-year start; it is
// stored, and the tabs count quarters from it after the save (and after
// ctrl+r when another program changed it).
func TestFiscalStartSetting(t *testing.T) {
	t.Parallel()
	st, err := store.Open(copyDemo(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	a := New(Options{Store: st, Lang: LangEN, Now: func() time.Time { return fixedNow }, NoColor: true})
	run(t, a, a.Init())
	a.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	key := func(k tea.KeyPressMsg) {
		_, cmd := a.Update(k)
		run(t, a, cmd)
	}
	quarterTitle := func() string {
		showTab(t, a, TabReps)
		press(t, a, "p") // month -> quarter
		return strings.Split(screen(a), "\n")[1]
	}
	// April start: November 2026 is in the third quarter of FY2026.
	if got := quarterTitle(); !strings.Contains(got, "FY2026 Q3") {
		t.Fatalf("April start: %q", got)
	}
	press(t, a, "!", "t", "s") // the rules are edited from the timeliness page
	for range 7 {
		press(t, a, "down")
	}
	if out := screen(a); !strings.Contains(out, "> "+msgSetFiscalStart.EN) || !strings.Contains(out, "April") {
		t.Fatalf("the form's last field is the fiscal start:\n%s", out)
	}
	for range 3 { // April -> January
		key(tea.KeyPressMsg{Code: tea.KeyLeft})
	}
	press(t, a, "enter", "esc") // save, then close the alerts pane
	if m, err := st.FiscalStart(ctx); err != nil || m != time.January {
		t.Fatalf("stored fiscal start %v %v, want January", m, err)
	}
	// January start: November is in the fourth quarter.
	if got := quarterTitle(); !strings.Contains(got, "FY2026 Q4") {
		t.Errorf("January start: %q", got)
	}
	// Another program sets October; ctrl+r picks it up: November is then in
	// the first quarter.
	if err := st.SetFiscalStart(ctx, time.October); err != nil {
		t.Fatal(err)
	}
	press(t, a, "ctrl+r")
	if got := quarterTitle(); !strings.Contains(got, "Q1") {
		t.Errorf("October start after ctrl+r: %q", got)
	}
}

// TestTreeAfterAdoptingAStyle: adopting a style whose tree has its own root
// (customer success: LTV) keeps the KPI tree tab on the KGI's tree, which
// it used to refuse to draw ("two roots"), and names the other tree.
func TestTreeAfterAdoptingAStyle(t *testing.T) {
	t.Parallel()
	st, err := store.Open(copyDemo(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var cs model.Style
	for _, s := range model.Styles() {
		if s.Key == model.StyleCustomerSuccess {
			cs = s
		}
	}
	if err := st.AdoptKPIs(context.Background(), styleKPIs(cs), kpitree.Template(cs.Key)); err != nil {
		t.Fatal(err)
	}
	a := New(Options{Store: st, Lang: LangEN, Now: func() time.Time { return fixedNow }, NoColor: true})
	run(t, a, a.Init())
	a.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	showTab(t, a, TabTree)
	out := screen(a)
	for _, want := range []string{"Revenue (KGI)", "Average deal size", "not under the KGI: the trees of LTV"} {
		if !strings.Contains(out, want) {
			t.Errorf("tree tab lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "two roots") {
		t.Errorf("tree tab:\n%s", out)
	}
}

// TestManualKPIValue: on the Styles tab, v types this period's value of a
// manual KPI (stored, then shown); a KPI counted from the records is
// refused with a line saying so, and an unreadable value is kept on screen
// with nothing written.
func TestManualKPIValue(t *testing.T) {
	t.Parallel()
	st, err := store.Open(copyDemo(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	var cs model.Style // route sales: its satisfaction and complaint rate are typed in
	for _, s := range model.Styles() {
		if s.Key == model.StyleRoute {
			cs = s
		}
	}
	if err := st.AdoptKPIs(ctx, styleKPIs(cs), kpitree.Template(cs.Key)); err != nil {
		t.Fatal(err)
	}
	a := New(Options{Store: st, Lang: LangEN, Now: func() time.Time { return fixedNow }, NoColor: true})
	run(t, a, a.Init())
	a.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	key := func(k tea.KeyPressMsg) {
		_, cmd := a.Update(k)
		run(t, a, cmd)
	}
	typeText := func(s string) {
		for _, r := range s {
			press(t, a, string(r))
		}
	}
	nov := model.PeriodOf(model.Month, fixedNow, time.April)
	showTab(t, a, TabStyles)
	// New business, first row: new leads come from the records.
	press(t, a, "v")
	if out := screen(a); !strings.Contains(out, "New leads comes from the records") {
		t.Fatalf("records-fed KPI not refused:\n%s", out)
	}
	key(tea.KeyPressMsg{Code: tea.KeyRight})         // route sales
	press(t, a, "down", "down", "down", "down", "v") // customer satisfaction
	typeText("abc")
	press(t, a, "enter")
	if out := screen(a); !strings.Contains(out, `"abc" is not a number`) || !strings.Contains(out, "Customer satisfaction for Nov 2026: abc") {
		t.Fatalf("bad value:\n%s", out)
	}
	if v, _ := st.ManualValue(ctx, "customer_satisfaction", nov); v.Valid {
		t.Fatalf("a refused value was stored: %v", v)
	}
	for range 3 {
		press(t, a, "backspace")
	}
	typeText("42")
	press(t, a, "enter")
	if v, err := st.ManualValue(ctx, "customer_satisfaction", nov); err != nil || !v.Valid || v.V != 42 {
		t.Fatalf("customer satisfaction stored %v %v, want 42", v, err)
	}
	// A rate is typed in percent: 85% is stored as 0.85 and shown as 85.0%.
	press(t, a, "down", "v")
	typeText("85%")
	press(t, a, "enter")
	if v, _ := st.ManualValue(ctx, "complaint_rate", nov); !v.Valid || v.V != 0.85 {
		t.Fatalf("complaint rate stored %v, want 0.85", v)
	}
	out := screen(a)
	for _, want := range []string{"Customer satisfaction                               42", "85.0%"} {
		if !strings.Contains(out, want) {
			t.Errorf("styles tab lacks %q:\n%s", want, out)
		}
	}
}

// TestImportProgressBar: the import's progress is a bubbles/progress bar in
// ASCII (no ambiguous-width block glyphs), filled in proportion, with the
// percentage, within the pane; no colour under NO_COLOR.
func TestImportProgressBar(t *testing.T) {
	t.Parallel()
	for _, noColor := range []bool{true, false} {
		c := &Common{Lang: LangEN, Styles: NewStyles(true, noColor), Now: func() time.Time { return fixedNow }}
		s := newImport(c).(*importScreen)
		s.SetSize(60, 20)
		s.step, s.fraction, s.file = importStepRun, 0.25, "deals.csv"
		out := s.View()
		var bar string
		for _, line := range strings.Split(out, "\n") {
			if strings.Contains(line, "#") {
				bar = line
			}
		}
		if noColor && strings.Contains(bar, "\x1b") {
			t.Errorf("NO_COLOR: escape sequences in the bar %q", bar)
		}
		if !noColor && !strings.Contains(bar, "\x1b") {
			t.Errorf("colour: a plain bar %q", bar)
		}
		bar = ansi.Strip(bar)
		hashes, dashes := strings.Count(bar, "#"), strings.Count(bar, "-")
		if lipgloss.Width(bar) > 60 || !strings.HasSuffix(bar, "25%") || hashes == 0 ||
			hashes*3 != dashes && hashes*3 != dashes+1 && hashes*3 != dashes-1 {
			t.Errorf("noColor %v: bar %q (%d #, %d -)", noColor, bar, hashes, dashes)
		}
		for _, r := range bar {
			if r > 0x7e {
				t.Errorf("non-ASCII %q in the bar %q", r, bar)
			}
		}
	}
}

// TestTreeDetailFooter: the detail pane's footer and help list the key that
// closes it, not the tree's keys that do nothing there.
func TestTreeDetailFooter(t *testing.T) {
	t.Parallel()
	a := newTestApp(t, LangEN, 80, 24)
	showTab(t, a, TabTree)
	press(t, a, "enter")
	lines := strings.Split(screen(a), "\n")
	footer := lines[len(lines)-1]
	if !strings.Contains(footer, "esc/enter "+msgKeyBack.EN) || strings.Contains(footer, msgKeyWhatIf.EN) {
		t.Errorf("detail footer %q", footer)
	}
	press(t, a, "esc")
	if out := screen(a); !strings.Contains(out, msgKeyWhatIf.EN) {
		t.Errorf("esc does not close the detail pane:\n%s", out)
	}
}
