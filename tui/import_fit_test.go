package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// At 80x24 the Japanese import screen shows the mapping under Japanese
// field labels (the * of a required one kept) and the preview's rows
// inside the window; at 40x12 it does not panic and stays inside too.
func TestImportScreenFitsAt80x24InJapanese(t *testing.T) {
	t.Parallel()
	a, _, file := importFixture(t, LangJA)
	a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	press(t, a, "i")
	typeText(t, a, file)
	press(t, a, "enter")
	view := screen(a)
	lines := strings.Split(view, "\n")
	if len(lines) > 24 {
		t.Fatalf("%d lines in a 24-line window:\n%s", len(lines), view)
	}
	for _, l := range lines {
		if w := ansi.StringWidth(l); w > 80 {
			t.Errorf("line %d columns wide: %q", w, l)
		}
	}
	for _, want := range []string{"商談ID*", "担当者*", "取引先", "フェーズ"} {
		if !strings.Contains(view, want) {
			t.Errorf("field label %q missing:\n%s", want, view)
		}
	}
	if strings.Contains(view, "owner*") || strings.Contains(view, "id*") {
		t.Errorf("English field names in the Japanese mapping:\n%s", view)
	}
	// The fixture's three rows: D-1, D-2 and D-3 each start a preview row.
	rows := 0
	for _, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(strings.Trim(l, "│ ")), "D-") && !strings.Contains(l, "<-") {
			rows++
		}
	}
	if rows < 3 {
		t.Errorf("%d preview rows shown, want 3:\n%s", rows, view)
	}
	// The window of fields follows the cursor down to the last field.
	for range 13 { // the kind, then 13 fields: the 13th down is the last

		press(t, a, "down")
	}
	if view := screen(a); !strings.Contains(view, "部署") {
		t.Errorf("the last field (部署) is out of sight with the cursor on it:\n%s", view)
	}
	a.Update(tea.WindowSizeMsg{Width: 40, Height: 12})
	view = screen(a)
	if n := len(strings.Split(view, "\n")); n > 12 {
		t.Errorf("%d lines at 40x12:\n%s", n, view)
	}
}
