package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// lineInput is a one-line text field for the entry screens. It keeps its
// text as runes and draws the cursor as a reversed cell, so Japanese text
// (two columns a character, typed through an IME as several runes at once)
// never puts the cursor in the wrong column.
type lineInput struct {
	value []rune
	pos   int
}

func newLineInput(s string) lineInput {
	r := []rune(s)
	return lineInput{value: r, pos: len(r)}
}

func (in *lineInput) Value() string { return string(in.value) }

func (in *lineInput) SetValue(s string) { *in = newLineInput(s) }

// Update edits the text for a key or a paste; it reports whether the
// message was an edit (other keys are left to the caller).
func (in *lineInput) Update(msg tea.Msg) bool {
	switch msg := msg.(type) {
	case tea.PasteMsg:
		in.insert(strings.ReplaceAll(msg.Content, "\n", " "))
		return true
	case tea.KeyPressMsg:
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
			if in.pos > 0 {
				in.value = append(in.value[:in.pos-1], in.value[in.pos:]...)
				in.pos--
			}
		case "delete", "ctrl+d":
			if in.pos < len(in.value) {
				in.value = append(in.value[:in.pos], in.value[in.pos+1:]...)
			}
		case "ctrl+u":
			in.value, in.pos = in.value[in.pos:], 0
		case "ctrl+k":
			in.value = in.value[:in.pos]
		default:
			if msg.Text == "" || msg.Mod&(tea.ModCtrl|tea.ModAlt) != 0 {
				return false
			}
			in.insert(msg.Text)
		}
		return true
	}
	return false
}

func (in *lineInput) insert(s string) {
	r := []rune(s)
	v := make([]rune, 0, len(in.value)+len(r))
	v = append(v, in.value[:in.pos]...)
	v = append(v, r...)
	v = append(v, in.value[in.pos:]...)
	in.value, in.pos = v, in.pos+len(r)
}

// View draws the text, with the cursor when focused. cursor is the style of
// the cursor cell (reverse video).
func (in *lineInput) View(focused bool, cursor lipgloss.Style) string {
	if !focused {
		return string(in.value)
	}
	under := " "
	if in.pos < len(in.value) {
		under = string(in.value[in.pos])
	}
	tail := ""
	if in.pos+1 < len(in.value) {
		tail = string(in.value[in.pos+1:])
	}
	return string(in.value[:in.pos]) + cursor.Render(under) + tail
}
