package tui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// Screen is one tab or overlay of the cockpit. Screens use pointer
// receivers: Update returns the screen itself (or a replacement), SetSize
// stores the size of the area the screen may draw in. View returns plain
// lines; the root clips them to that area, so a screen that draws too much
// is cut, never wrapped.
type Screen interface {
	Init() tea.Cmd
	Update(msg tea.Msg) (Screen, tea.Cmd)
	View() string
	SetSize(width, height int)
	// Keys lists the screen's own bindings; `?` help is generated from them.
	Keys() help.KeyMap
}

// capturer is a screen that is taking typed text right now (a what-if value,
// a form field): while Capturing is true the root passes it every key but
// ctrl+c, so q, 1-9, a, : and esc reach the input instead of the frame.
type capturer interface {
	Capturing() bool
}

// quitAsker is a screen that asks something before the cockpit quits (the
// review asks whether to save): while AsksBeforeQuit is true, q goes to it.
type quitAsker interface {
	AsksBeforeQuit() bool
}

// closer is a screen with work running apart from its program (an import
// waiting at its question holds a database connection): App.Close ends it.
type closer interface {
	Close()
}

// typist is a capturing screen that can tell whether a key would be typed
// into text right now. When it is not (a choice field has focus, a line is
// still empty), `?` opens the help over it instead of being typed.
type typist interface {
	Typing() bool
}

// Common is what every screen shares with the root; screens embed *Common.
// It is owned by the root model, which updates Lang-independent parts
// (Styles on a background change, the terminal size) in place.
type Common struct {
	Store       *store.Store
	Lang        Lang
	Styles      *Styles
	Keys        *GlobalKeys
	Now         func() time.Time // the clock; fixed in tests
	FiscalStart time.Month
	Currency    model.Currency // the team's currency: amounts typed in are read in it
	Width       int            // terminal size
	Height      int
	// HideNames hides rep names and per-rep figures on every screen (h),
	// for a screen shared beyond the team; read through RepName.
	HideNames bool
	// ReviewPeriod is the period the review tab opens on; zero: this month.
	ReviewPeriod model.Period
	// Limits bound what the import screen reads (the config file's
	// [limits], every bound set).
	Limits model.Limits
	loads  *loads // runs the screens' reads, the shown screen's first

	keyOverrides KeyOverrides // the config file's [keys], applied by rebind
	me           string       // the user's own rep; read through DefaultRep
	quickLines   []string     // the quick-add lines saved in this session, oldest first (up/down recall them)
}

// RepName is a rep's name as a screen may draw it: a placeholder while
// names are hidden.
func (c *Common) RepName(name string) string {
	if c.HideNames && name != "" {
		return c.T(msgRvHidden)
	}
	return name
}

// Money writes amounts in the cockpit's language and the team's currency.
func (c *Common) Money() catalog.Money { return catalog.Money{Lang: c.Lang, Currency: c.Currency} }

// T renders a catalogue entry in the cockpit's language.
func (c *Common) T(t Text, args ...any) string { return c.Lang.T(t, args...) }

// Messages the frame understands; screens and overlays return them as
// commands (tea.Cmd) to ask the frame for something.

// ReloadMsg asks every screen to load its data again from the store. The
// frame sends it on ctrl+r; an overlay that saved something returns Reload().
type ReloadMsg struct{}

// Reload is a command that reloads every screen.
func Reload() tea.Msg { return ReloadMsg{} }

// SwitchTabMsg asks the frame to show another tab (the checklist jumps to
// the screen that fixes a gap). First, when set, is given to that tab
// before any key typed after the one that asked for it (the KPI the tree
// is to select); Then runs once the tab is shown, or when there is no such
// tab.
type SwitchTabMsg struct {
	ID    TabID
	First tea.Msg
	Then  tea.Cmd
}

// SwitchTab is a command that shows tab id.
func SwitchTab(id TabID) tea.Cmd { return func() tea.Msg { return SwitchTabMsg{ID: id} } }

// OpenOverlayMsg asks the frame to open the overlay of that ID over the
// current tab (the checklist jumps to the pane that fixes a gap); the keys
// typed after the one that asked for it are the overlay's. Then runs once
// it is open, or when there is no such overlay.
type OpenOverlayMsg struct {
	ID   string
	Then tea.Cmd
}

// CloseOverlayMsg asks the frame to close the open overlay (after a save),
// then run Then.
type CloseOverlayMsg struct{ Then tea.Cmd }

// CloseOverlay is a command that closes the open overlay.
func CloseOverlay() tea.Msg { return CloseOverlayMsg{} }

// CloseOverlayThen closes the open overlay and only then runs cmds (a
// reload, the flash saying what was saved). Batched beside CloseOverlay
// they could land first: the flash showed while the form was still open,
// and a key typed on seeing it went to the closing form and was lost.
func CloseOverlayThen(cmds ...tea.Cmd) tea.Cmd {
	then := tea.Batch(cmds...)
	return func() tea.Msg { return CloseOverlayMsg{Then: then} }
}

// BadgeMsg sets the text of the badge at the right of the tab bar (the
// number of open alerts); an empty Text hides it.
type BadgeMsg struct{ Text string }

// FlashMsg shows a one-line message in the footer until the next key.
type FlashMsg struct {
	Text  string
	Error bool
}

// Flash is a command that shows text in the footer.
func Flash(text string, isError bool) tea.Cmd {
	return func() tea.Msg { return FlashMsg{Text: text, Error: isError} }
}

// repList joins rep names for a message, or says they are hidden.
func (c *Common) repList(names []string) string {
	if c.HideNames {
		return c.T(msgRvHidden)
	}
	return strings.Join(names, ", ")
}
