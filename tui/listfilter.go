package tui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// listFilter is the `/` filter of every list and picker (records, reps,
// alerts, open deals, the reps of a form, help): `/` opens a line whose
// text narrows the list as it is typed to the rows with that text in any
// of their words (a name in Japanese or Latin letters, an id, an account),
// ignoring case and full/half width; enter keeps the filter and goes back
// to the list, esc clears it.
type listFilter struct {
	input  lineInput
	typing bool // keys go to the filter's text
	lang   Lang
}

func newListFilter(l Lang) listFilter { return listFilter{lang: l} }

// filterKey is `/`, with its help.
func filterKey(l Lang) key.Binding {
	return key.NewBinding(key.WithKeys("/"), key.WithHelp("/", l.T(msgKeyFilter)))
}

// start opens the filter's line, with the text kept (selected) to change.
func (f *listFilter) start() {
	f.typing = true
	f.input.SelectAll()
}

// value is the filter's text, trimmed; "" keeps every row.
func (f *listFilter) value() string { return strings.TrimSpace(f.input.Value()) }

// clear drops the filter.
func (f *listFilter) clear() { f.input, f.typing = lineInput{}, false }

// update takes a key while typing; it reports whether the filter's text
// changed (the list narrows or widens at once).
func (f *listFilter) update(msg tea.Msg) (changed bool) {
	before := f.value()
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "enter", "down", "up":
			f.typing = false
			return false
		case "esc":
			f.clear()
			return before != ""
		}
	}
	f.input.Update(msg)
	return f.value() != before
}

// match reports whether any of fields contains the filter's text.
func (f *listFilter) match(fields ...string) bool {
	q := foldSearch(f.value())
	if q == "" {
		return true
	}
	for _, s := range fields {
		if strings.Contains(foldSearch(s), q) {
			return true
		}
	}
	return false
}

// line is the filter as drawn above its list: the text being typed with
// the cursor, or the filter in force with how to clear it; "" when none.
func (f *listFilter) line(c *Common, width int) string {
	switch {
	case f.typing:
		return "/ " + f.input.View(true, c.Styles.Selected, max(width-2, 8))
	case f.value() != "":
		return c.Styles.Muted.Render(c.T(msgFilterApplied, f.value()))
	}
	return ""
}

// keys are the filter line's keys, for the footer while typing.
func (f *listFilter) keys() help.KeyMap {
	l := f.lang
	return keyMap{short: []key.Binding{
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", l.T(msgKeyFilterKeep))),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", l.T(msgKeyFilterClear))),
	}}
}
