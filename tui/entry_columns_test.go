package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// The entry form's values start at one column whatever record kind the
// first field shows: cycling the kinds does not move the form sideways.
// The column is read off the rendered lines (where each field's value
// begins after its label), in both languages.
func TestEntryFormColumnKeepsItsPlaceAcrossKinds(t *testing.T) {
	t.Parallel()
	for _, lang := range []Lang{LangEN, LangJA} {
		a := entryApp(t, entryStore(t), lang)
		press(t, a, "a", "up") // the form opens on the activity kind; up is the record kind
		e, ok := a.overlay.(*entryScreen)
		if !ok {
			t.Fatalf("a opened %T", a.overlay)
		}
		column := -1
		seen := map[string]bool{}
		for range entryModes {
			mode := e.mode()
			seen[mode] = true
			lines := strings.Split(ansi.Strip(e.View()), "\n")
			measured := 0
			for i, fl := range e.form.fields {
				mark := "  "
				if i == e.form.focus {
					mark = "> "
				}
				prefix := mark + lang.T(fl.label) + " "
				for _, l := range lines {
					rest, ok := strings.CutPrefix(l, prefix)
					if !ok || strings.TrimSpace(rest) == "" {
						continue
					}
					x := displayWidth(prefix) + len(rest) - len(strings.TrimLeft(rest, " "))
					if column < 0 {
						column = x
					}
					if x != column {
						t.Errorf("%s, %s: %q starts its value at column %d, not %d:\n%s", lang, mode, lang.T(fl.label), x, column, strings.Join(lines, "\n"))
					}
					measured++
					break
				}
			}
			if measured < 2 {
				t.Fatalf("%s, %s: only %d fields found to measure:\n%s", lang, mode, measured, strings.Join(lines, "\n"))
			}
			press(t, a, "right") // the next kind (the kind is the focused field)
		}
		if len(seen) != len(entryModes) {
			t.Fatalf("%s: cycled through %v, not every kind", lang, seen)
		}
	}
}
