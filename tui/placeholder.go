package tui

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
)

// placeholderScreen stands in for a tab whose screen is not built yet: it
// shows the tab's title and says so.
type placeholderScreen struct {
	*Common
	title         Text
	width, height int
}

func newPlaceholder(c *Common, title Text) *placeholderScreen {
	return &placeholderScreen{Common: c, title: title}
}

func (s *placeholderScreen) Init() tea.Cmd                    { return nil }
func (s *placeholderScreen) Update(tea.Msg) (Screen, tea.Cmd) { return s, nil }
func (s *placeholderScreen) SetSize(w, h int)                 { s.width, s.height = w, h }
func (s *placeholderScreen) Keys() help.KeyMap                { return keyMap{} }
func (s *placeholderScreen) View() string {
	return s.Styles.Title.Render(s.T(s.title)) + "\n\n" + s.Styles.Muted.Render(s.T(msgComingUp))
}
