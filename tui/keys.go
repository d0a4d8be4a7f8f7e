package tui

import (
	"charm.land/bubbles/v2/key"
)

// GlobalKeys are the bindings the frame handles on every screen.
type GlobalKeys struct {
	Tabs    key.Binding `rebind:"-"` // 1-9, read by position
	NextTab key.Binding
	PrevTab key.Binding
	Help    key.Binding
	Quit    key.Binding
	Back    key.Binding
	Reload  key.Binding
	// HideNames hides rep names on every screen until pressed again.
	HideNames key.Binding
}

func newGlobalKeys(l Lang) *GlobalKeys {
	return &GlobalKeys{
		Tabs:    key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1-9", l.T(msgKeyTabs))),
		NextTab: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", l.T(msgKeyNextTab))),
		PrevTab: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", l.T(msgKeyPrevTab))),
		Help:    key.NewBinding(key.WithKeys("?"), key.WithHelp("?", l.T(msgKeyHelp))),
		Quit:    key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", l.T(msgKeyQuit))),
		Back:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", l.T(msgKeyBack))),
		Reload:  key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", l.T(msgKeyReload))),

		HideNames: key.NewBinding(key.WithKeys("h"), key.WithHelp("h", l.T(msgKeyHideNames))),
	}
}

// bindings lists the global keys for the help view.
func (k *GlobalKeys) bindings() []key.Binding {
	return []key.Binding{k.Tabs, k.NextTab, k.PrevTab, k.Back, k.Reload, k.HideNames, k.Help, k.Quit}
}

// keyMap is a help.KeyMap made of plain lists, for screens whose keys are
// built once per language.
type keyMap struct {
	short []key.Binding
	full  [][]key.Binding
}

func (k keyMap) ShortHelp() []key.Binding  { return k.short }
func (k keyMap) FullHelp() [][]key.Binding { return k.full }
