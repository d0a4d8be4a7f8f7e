package tui

import (
	"strings"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// lineInput is the one text field of the cockpit: every form field and
// every prompt (the KGI, a KPI's target, a what-if value, quick-add, the
// filters) edits its text through it, so the same keys work everywhere.
// It keeps its text as runes and draws the cursor as a reversed cell, so
// Japanese text (two columns a character, typed through an IME as several
// runes at once) never puts the cursor in the wrong column.
//
// A value put in before the user types (a default such as count 1, the
// value being changed) starts selected, as a browser selects a field's
// text on focus: the first key typed replaces it, backspace clears it, and
// a movement key keeps it and moves the cursor instead. Typing 3 over a
// prefilled 1 is 3, never 13.
type lineInput struct {
	value    []rune
	pos      int
	selected bool // the whole value is selected: typing replaces it
}

// newLineInput is a field holding s, selected so that typing replaces it.
func newLineInput(s string) lineInput {
	r := []rune(s)
	return lineInput{value: r, pos: len(r), selected: len(r) > 0}
}

func (in *lineInput) Value() string { return string(in.value) }

// SetValue replaces the text; like a prefilled value, it is selected.
func (in *lineInput) SetValue(s string) { *in = newLineInput(s) }

// SelectAll selects the text, so that the next key typed replaces it (a
// form does this when the cursor comes to the field).
func (in *lineInput) SelectAll() {
	in.selected, in.pos = len(in.value) > 0, len(in.value)
}

// Update edits the text for a key or a paste; it reports whether the
// message was an edit or a move (other keys are left to the caller).
// The keys are readline's: ctrl+a/ctrl+e to the start/end, ctrl+u clears
// to the start, ctrl+k to the end, ctrl+w the word before the cursor.
func (in *lineInput) Update(msg tea.Msg) bool {
	switch msg := msg.(type) {
	case tea.PasteMsg:
		in.replaceSelection()
		in.insert(pasteText(msg.Content))
		return true
	case tea.KeyPressMsg:
		wasSelected := in.selected
		in.selected = false
		switch msg.String() {
		case "left", "ctrl+b":
			in.pos = max(in.pos-1, 0)
		case "right", "ctrl+f":
			in.pos = min(in.pos+1, len(in.value))
		case "home", "ctrl+a":
			in.pos = 0
		case "end", "ctrl+e":
			in.pos = len(in.value)
		case "backspace", "ctrl+h":
			switch {
			case wasSelected:
				in.value, in.pos = nil, 0
			case in.pos > 0:
				in.value = append(in.value[:in.pos-1], in.value[in.pos:]...)
				in.pos--
			}
		case "delete", "ctrl+d":
			switch {
			case wasSelected:
				in.value, in.pos = nil, 0
			case in.pos < len(in.value):
				in.value = append(in.value[:in.pos], in.value[in.pos+1:]...)
			}
		case "ctrl+u":
			in.value, in.pos = in.value[in.pos:], 0
			if wasSelected {
				in.value = nil
			}
		case "ctrl+k":
			in.value = in.value[:in.pos]
		case "ctrl+w", "alt+backspace":
			start := in.pos
			for start > 0 && unicode.IsSpace(in.value[start-1]) {
				start--
			}
			for start > 0 && !unicode.IsSpace(in.value[start-1]) {
				start--
			}
			if wasSelected {
				start, in.pos = 0, len(in.value)
			}
			in.value = append(in.value[:start], in.value[in.pos:]...)
			in.pos = start
		default:
			if msg.Text == "" || msg.Mod&(tea.ModCtrl|tea.ModAlt) != 0 {
				in.selected = wasSelected
				return false
			}
			if wasSelected {
				in.value, in.pos = nil, 0
			}
			in.insert(msg.Text)
		}
		return true
	}
	return false
}

// pasteText is pasted text as one line: a line break or a tab is a space,
// and other control characters (an escape sequence copied from a terminal,
// a NUL) are dropped, as a record's fields refuse them (model.CheckText).
func pasteText(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
}

func (in *lineInput) replaceSelection() {
	if in.selected {
		in.value, in.pos, in.selected = nil, 0, false
	}
}

func (in *lineInput) insert(s string) {
	r := []rune(s)
	v := make([]rune, 0, len(in.value)+len(r))
	v = append(v, in.value[:in.pos]...)
	v = append(v, r...)
	v = append(v, in.value[in.pos:]...)
	in.value, in.pos = v, in.pos+len(r)
}

// inputScrollMark marks text scrolled out of the field at either side.
const inputScrollMark = "<"

// View draws the text, with the cursor when focused, in at most width
// columns (0: as wide as the text). Longer text scrolls inside the field:
// the part around the cursor is shown, with "<" where text is hidden on
// the left and ">" on the right, so nothing typed runs off the window.
// cursor is the style of the cursor cell and of a selected value.
func (in *lineInput) View(focused bool, cursor lipgloss.Style, width int) string {
	runes := in.value
	pos := in.pos
	lead, trail := "", ""
	if width > 0 {
		runes, pos, lead, trail = in.window(width)
	}
	if !focused {
		return lead + string(runes) + trail
	}
	if in.selected {
		return lead + cursor.Render(string(runes)) + trail
	}
	under := " "
	if pos < len(runes) {
		under = string(runes[pos])
	}
	tail := ""
	if pos+1 < len(runes) {
		tail = string(runes[pos+1:])
	}
	return lead + string(runes[:pos]) + cursor.Render(under) + tail + trail
}

// window is the part of the text that fits width columns with the cursor
// (one more column at the end) in view, the cursor's index in it, and the
// marks for text hidden on either side.
func (in *lineInput) window(width int) (runes []rune, pos int, lead, trail string) {
	cols := func(r []rune) int { return lipgloss.Width(string(r)) }
	if cols(in.value)+1 <= width {
		return in.value, in.pos, "", ""
	}
	start := 0
	// The cursor's cell and a mark on each side must fit.
	room := max(width-2, 1)
	for start < in.pos && cols(in.value[start:in.pos])+1 > room {
		start++
	}
	end := in.pos
	for end < len(in.value) && cols(in.value[start:end+1])+1 <= room {
		end++
	}
	if start > 0 {
		lead = inputScrollMark
	}
	if end < len(in.value) {
		trail = ">"
	}
	return in.value[start:end], in.pos - start, lead, trail
}
