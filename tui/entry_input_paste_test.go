package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// A paste into a field is one line of text: line breaks and tabs become
// spaces, a NUL and an escape sequence's ESC are dropped.
func TestPasteIsCleanOneLine(t *testing.T) {
	var in lineInput
	in.Update(tea.PasteMsg{Content: "AC\x00ME\tK.K.\nTokyo\x1b[31m"})
	if got, want := in.Value(), "ACME K.K. Tokyo[31m"; got != want {
		t.Errorf("pasted %q, want %q", got, want)
	}
}
