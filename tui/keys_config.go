package tui

import (
	"reflect"
	"sort"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
)

// KeyOverrides rebinds actions, as the config file's [keys] table says:
// an action's name maps to the keys that replace its default keys. A frame
// key is named alone ("quit", "help", "next_tab"), an overlay's opening key
// by the overlay ("quick_add"), a screen's own key by its screen and field
// ("dashboard.set_kgi", "tree.what_if"). KeyActions lists them all.
//
// The overrides are applied in one place, here: every key struct is a
// struct of key.Binding fields, and rebind replaces the keys (and the help
// that shows them) of the fields named in the table. A field tagged
// `rebind:"-"` keeps its keys (the 1-9 tab keys are read by position).
type KeyOverrides map[string][]string

// keyed is a screen whose key struct can be rebound: keyStruct returns a
// pointer to it.
type keyed interface{ keyStruct() any }

func (s *dashboard) keyStruct() any       { return &s.keys }
func (s *treeScreen) keyStruct() any      { return &s.keys }
func (s *stylesScreen) keyStruct() any    { return &s.keys }
func (s *checklistScreen) keyStruct() any { return &s.keys }
func (s *recordsScreen) keyStruct() any   { return &s.keys }
func (s *repsScreen) keyStruct() any      { return &s.keys }
func (s *reviewScreen) keyStruct() any    { return &s.keys }
func (s *alertsScreen) keyStruct() any    { return &s.keys }
func (s *entryScreen) keyStruct() any     { return &s.keys }
func (s *quickScreen) keyStruct() any     { return &s.keys }
func (s *importScreen) keyStruct() any    { return &s.keys }

var bindingType = reflect.TypeOf(key.Binding{})

// rebind applies the overrides to the key.Binding fields of the struct km
// points to; scope is the screen's name ("" for the frame's keys).
func (o KeyOverrides) rebind(scope string, km any) {
	if len(o) == 0 {
		return
	}
	eachBinding(km, func(field string, b *key.Binding) {
		keys, ok := o[actionName(scope, field)]
		if !ok {
			return
		}
		b.SetKeys(keys...)
		b.SetHelp(strings.Join(keys, "/"), b.Help().Desc)
	})
}

// rebindScreen applies the overrides to a screen's keys, if it has any.
func (o KeyOverrides) rebindScreen(scope string, s Screen) {
	if k, ok := s.(keyed); ok {
		o.rebind(scope, k.keyStruct())
	}
}

// overlayKey is an overlay's opening key, rebound.
func (c *Common) overlayKey(o overlayDef) key.Binding {
	b := o.Key(c.Lang)
	if keys, ok := c.keyOverrides[scopeName(o.ID)]; ok {
		b.SetKeys(keys...)
		b.SetHelp(strings.Join(keys, "/"), b.Help().Desc)
	}
	return b
}

// DefaultRep is the user's own rep (the config file's me), "" when not set:
// the rep the entry form and quick-add start on.
func (c *Common) DefaultRep() string { return c.me }

// eachBinding calls f with every rebindable key.Binding field of *km.
func eachBinding(km any, f func(field string, b *key.Binding)) {
	v := reflect.ValueOf(km).Elem()
	t := v.Type()
	for i := range t.NumField() {
		sf := t.Field(i)
		if sf.Type != bindingType || !sf.IsExported() || sf.Tag.Get("rebind") == "-" {
			continue
		}
		f(sf.Name, v.Field(i).Addr().Interface().(*key.Binding))
	}
}

// actionName is "scope.field_name" in snake case, or the field alone for
// the frame's keys.
func actionName(scope, field string) string {
	var b strings.Builder
	runes := []rune(field)
	for i, r := range runes {
		if unicode.IsUpper(r) {
			// A new word starts at an upper-case letter that follows a
			// lower-case one or begins a word after an acronym (KGIName).
			if i > 0 && (unicode.IsLower(runes[i-1]) || (i+1 < len(runes) && unicode.IsLower(runes[i+1]) && unicode.IsUpper(runes[i-1]))) {
				b.WriteByte('_')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	if scope == "" {
		return b.String()
	}
	return scope + "." + b.String()
}

// scopeName is a tab's or overlay's id as an action scope.
func scopeName(id string) string { return strings.ReplaceAll(id, "-", "_") }

// KeyAction is an action [keys] can rebind and its default keys.
type KeyAction struct {
	Name string
	Keys []string
}

// KeyActions lists every action the config file's [keys] can rebind,
// sorted by name: the frame's, each overlay's opening key, and each tab's
// and overlay's own keys.
func KeyActions() []KeyAction {
	a := New(Options{Lang: LangEN, NoColor: true}) // no store: nothing is loaded
	var out []KeyAction
	add := func(scope string, km any) {
		eachBinding(km, func(field string, b *key.Binding) {
			out = append(out, KeyAction{Name: actionName(scope, field), Keys: b.Keys()})
		})
	}
	add("", a.common.Keys)
	for i, t := range a.tabs {
		if k, ok := a.screens[i].(keyed); ok {
			add(scopeName(string(t.ID)), k.keyStruct())
		}
	}
	for _, o := range a.overlays {
		out = append(out, KeyAction{Name: scopeName(o.ID), Keys: o.Key(LangEN).Keys()})
		if k, ok := o.New(a.common).(keyed); ok {
			add(scopeName(o.ID), k.keyStruct())
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
