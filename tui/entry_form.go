package tui

import (
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
)

// A small form of labelled fields for the entry, edit and settings panes:
// text fields (a lineInput) and choice fields (left/right cycle through
// fixed values) and a picker of open deals (typing narrows it, left/right
// step through what matches). up/down or tab/shift+tab move between fields.
// Typed text is kept whatever happens, so a refused save loses nothing.

type fieldKind int

const (
	textField fieldKind = iota
	choiceField
	pickerField
)

type formField struct {
	id     string
	label  Text
	kind   fieldKind
	input  lineInput
	values []string // choice values
	labels []string // what each choice shows, same length as values
	idx    int
	picker *dealPicker
	// typed choices (the reps) narrow as the user types: filter holds the
	// text, and left/right step through the values whose label contains it.
	typed  bool
	filter lineInput
	// free: a typed choice whose filter matches no value stands for the
	// text typed (a customer the list does not hold, which the store then
	// takes or refuses by name).
	free bool
	// empty is what a choice without values shows (the customers of an
	// empty database).
	empty Text
}

func textF(id string, label Text, value string) formField {
	return formField{id: id, label: label, kind: textField, input: newLineInput(value)}
}

func choiceF(id string, label Text, values, labels []string, selected string) formField {
	f := formField{id: id, label: label, kind: choiceField, values: values, labels: labels}
	for i, v := range values {
		if v == selected {
			f.idx = i
		}
	}
	return f
}

// typedChoiceF is a choice the user can also type into: the reps of a
// form, which may be many. Typing narrows the values to those containing
// the text (any part of the name, ignoring case and width).
func typedChoiceF(id string, label Text, values, labels []string, selected string) formField {
	f := choiceF(id, label, values, labels, selected)
	f.typed = true
	return f
}

// typedChoiceFreeF is a typed choice that also takes a value not in the
// list: the text typed when it matches none.
func typedChoiceFreeF(id string, label Text, values, labels []string, selected string) formField {
	f := typedChoiceF(id, label, values, labels, selected)
	f.free = true
	return f
}

// freeText is the text typed into a free choice when it matches no value,
// else "".
func (f *formField) freeText() string {
	if !f.free {
		return ""
	}
	if q := strings.TrimSpace(f.filter.Value()); q != "" && len(f.matches()) == 0 {
		return q
	}
	return ""
}

// matches are the indices of the values whose label holds the filter.
func (f *formField) matches() []int {
	q := foldSearch(strings.TrimSpace(f.filter.Value()))
	var out []int
	for i, l := range f.labels {
		if q == "" || strings.Contains(foldSearch(l), q) || strings.Contains(foldSearch(f.values[i]), q) {
			out = append(out, i)
		}
	}
	return out
}

// stepChoice moves a choice by dir through the values that match its
// filter (all of them for an untyped choice).
func (f *formField) stepChoice(dir int) {
	m := f.matches()
	if len(m) == 0 {
		return
	}
	at := slices.Index(m, f.idx)
	if at < 0 {
		f.idx = m[0]
		return
	}
	f.idx = m[(at+dir+len(m))%len(m)]
}

func pickerF(id string, label Text, p *dealPicker) formField {
	return formField{id: id, label: label, kind: pickerField, picker: p}
}

// value is the text typed or the choice selected.
func (f *formField) value() string {
	if f.kind == pickerField {
		return f.picker.value()
	}
	if f.kind == choiceField {
		if t := f.freeText(); t != "" {
			return t
		}
		if len(f.values) == 0 {
			return ""
		}
		return f.values[f.idx]
	}
	return f.input.Value()
}

type form struct {
	fields []formField
	focus  int
	err    string // the last refusal, naming the field
	// labelW, when set, is the least width of the label column: a form
	// whose fields change with a choice (the entry form's record kinds)
	// keeps one column, so the values do not move sideways.
	labelW int
}

func (f *form) field(id string) *formField {
	for i := range f.fields {
		if f.fields[i].id == id {
			return &f.fields[i]
		}
	}
	return nil
}

// values are the fields' values by id.
func (f *form) values() map[string]string {
	out := make(map[string]string, len(f.fields))
	for _, fl := range f.fields {
		out[fl.id] = fl.value()
	}
	return out
}

// get is a field's value, "" when the form has no such field.
func (f *form) get(id string) string {
	if fl := f.field(id); fl != nil {
		return fl.value()
	}
	return ""
}

// focusOn moves the cursor to the field with id, if there is one.
func (f *form) focusOn(id string) {
	for i := range f.fields {
		if f.fields[i].id == id {
			f.moveFocus(i)
		}
	}
}

// moveFocus puts the cursor on field i (modulo the number of fields) with
// its text selected, so that typing replaces the value there.
func (f *form) moveFocus(i int) {
	f.focus = i % len(f.fields)
	f.fields[f.focus].input.SelectAll()
}

// update handles movement, choices and typing; it reports whether the
// focused choice or picker changed (a caller may rebuild the form on that).
func (f *form) update(msg tea.Msg) (choiceChanged bool) {
	if len(f.fields) == 0 {
		return false
	}
	cur := &f.fields[f.focus]
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "up", "shift+tab":
			f.moveFocus(f.focus + len(f.fields) - 1)
			return false
		case "down", "tab":
			f.moveFocus(f.focus + 1)
			return false
		}
		// A list narrows as soon as the user types; `/`, which opens the
		// filter on every other list, is taken as that start, not as text.
		if (cur.kind == pickerField || cur.typed) && k.String() == "/" && f.listFilterEmpty() {
			return false
		}
		if cur.kind == pickerField {
			switch k.String() {
			case "left":
				cur.picker.step(-1)
				return true
			case "right":
				cur.picker.step(1)
				return true
			}
		}
		if cur.kind == choiceField && cur.typed && (len(cur.values) > 0 || cur.free) {
			switch k.String() {
			case "left":
				cur.stepChoice(-1)
				return true
			case "right":
				cur.stepChoice(1)
				return true
			}
			if cur.filter.Update(msg) {
				if m := cur.matches(); len(m) > 0 && !slices.Contains(m, cur.idx) {
					cur.idx = m[0]
					return true
				}
			}
			return false
		}
		if cur.kind == choiceField && len(cur.values) > 0 {
			switch k.String() {
			case "left", "h":
				cur.idx = (cur.idx + len(cur.values) - 1) % len(cur.values)
				return true
			case "right", "l", "space":
				cur.idx = (cur.idx + 1) % len(cur.values)
				return true
			}
			return false
		}
	}
	switch cur.kind {
	case textField:
		cur.input.Update(msg)
	case pickerField:
		return cur.picker.typed(msg)
	}
	return false
}

// lines draws the form: one line a field, the focused one marked with ">".
// width is the columns the form may draw in; a long value scrolls inside
// its field.
func (f *form) lines(c *Common, width int) []string {
	labelW := f.labelW
	for _, fl := range f.fields {
		labelW = max(labelW, displayWidth(c.T(fl.label)))
	}
	var out []string
	filterLine := ""
	valueW := 0
	if width > 0 {
		valueW = max(width-labelW-4, 8)
	}
	for i, fl := range f.fields {
		focused := i == f.focus
		mark := "  "
		if focused {
			mark = "> "
		}
		var val, under string // under: a line under the field, the filter of a list
		switch fl.kind {
		case pickerField:
			val = fl.picker.view(c, focused, valueW)
			if focused {
				under = fl.picker.filterLine(c)
			}
		case choiceField:
			if len(fl.labels) > 0 {
				val = fl.labels[fl.idx]
			}
			if t := fl.freeText(); t != "" {
				val = t
			} else if len(fl.values) == 0 && fl.empty.EN != "" {
				val = c.Styles.Muted.Render(c.T(fl.empty))
			}
			if fl.id == "rep" {
				val = c.RepName(val)
			}
			if focused {
				val = "< " + c.Styles.Selected.Render(val) + " >"
				if fl.typed {
					under = c.T(msgChoiceFilter, fl.filter.View(true, c.Styles.Selected, 16), len(fl.matches()), len(fl.values))
				}
			}
		default:
			val = fl.input.View(focused, c.Styles.Selected, valueW)
		}
		label := padRight(c.T(fl.label), labelW)
		if focused {
			label = c.Styles.Bold.Render(label)
		}
		out = append(out, mark+label+"  "+val)
		if under != "" {
			filterLine = strings.Repeat(" ", len(mark)+labelW+2) + under
		}
	}
	// The filter of the focused list has a line of its own under the
	// fields, there whether or not a list is focused, so that neither a
	// column nor a line moves as the user goes through the fields.
	if f.hasList() {
		out = append(out, filterLine)
	}
	if f.err != "" {
		// A refusal names what it wants: it wraps, never cut.
		out = append(out, "")
		for _, l := range wrapIndented(f.err, width, 0) {
			out = append(out, c.Styles.Error.Render(l))
		}
	}
	return out
}

// listFilterEmpty reports whether the focused list's filter has no text.
func (f *form) listFilterEmpty() bool {
	cur := &f.fields[f.focus]
	if cur.kind == pickerField {
		return cur.picker == nil || cur.picker.filter.Value() == ""
	}
	return cur.filter.Value() == ""
}

// hasList reports whether a field of the form is a list narrowed by typing.
func (f *form) hasList() bool {
	for _, fl := range f.fields {
		if fl.kind == pickerField || fl.typed {
			return true
		}
	}
	return false
}

// typing reports whether the focused field takes typed text.
func (f *form) typing() bool {
	if f.focus < 0 || f.focus >= len(f.fields) {
		return false
	}
	fl := f.fields[f.focus]
	return fl.kind != choiceField || (fl.typed && fl.filter.Value() != "")
}
