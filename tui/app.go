// Package tui is kpit's cockpit: a Bubble Tea program with tabs across the
// top (dashboard, KPI tree, styles, checklist, ...) and global overlays.
//
// # How the frame works
//
// App is the only tea.Model; it owns one *Common (store, language, styles,
// global keys, clock, fiscal-year start, terminal size) that every screen
// embeds. Key presses and mouse events go to the focused screen (the open
// overlay, else the current tab) after the frame has taken its own keys;
// every other message (data loaded, ReloadMsg, ...) goes to every screen, so
// a screen gets the answer to its own load command even when it is not shown.
// Data is loaded in tea.Cmds that return typed messages; Update never does I/O.
//
// # How to add a tab
//
//  1. Write a screen in its own file, tui/NAME.go: a type with pointer
//     receivers implementing Screen (Init, Update, View, SetSize, Keys) that
//     embeds *Common, and a constructor func newNAME(c *Common) Screen.
//  2. Put its strings in tui/i18n_NAME.go as Text values (see Text).
//  3. Add a TabID constant and one entry to tabDefs in registry.go. The tab
//     bar, the 1-9 keys, the mouse and `?` help follow from that entry.
//
// # How to add an overlay
//
//  1. Write the overlay as a Screen, like a tab (tui/entry.go, tui/import.go).
//     It is drawn in a bordered pane over the body; SetSize gives the inside.
//  2. Add one entry to overlayDefs in registry.go: an id, its key (built
//     for the language, with help text) and its constructor. A new overlay
//     value is made each time it opens.
//  3. It takes every key while open; esc closes it (implement Capturing()
//     bool to receive esc yourself while text is being typed). To close it
//     after a save, return CloseOverlayThen(Reload) so the tabs reload.
//  4. A count for the badge in the tab bar (open alerts) comes from a command
//     in backgroundLoads returning a BadgeMsg.
package tui

import (
	"os"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// Minimum terminal size; below it the frame says the window is too small.
const (
	MinWidth  = 40
	MinHeight = 12
)

// Options configure the cockpit.
type Options struct {
	Store       *store.Store
	Lang        Lang
	Now         func() time.Time // nil: time.Now
	FiscalStart time.Month       // 0: April
	Currency    model.Currency   // the team's currency; zero: JPY
	NoColor     bool             // NO_COLOR is set
	// Theme is config.ThemeDark, ThemeLight or ThemeHighContrast (--theme,
	// else the config file); "": dark or light from the terminal.
	Theme string
	// Keys rebinds actions (the config file's [keys]; see KeyActions).
	Keys KeyOverrides
	// Me is the user's own rep (the config file's me): the rep the entry
	// form and quick-add start on; read it through Common.DefaultRep.
	Me string
	// StartTab is the tab shown first (kpit review opens on the review);
	// "": the first.
	StartTab TabID
	// ReviewPeriod is the period the review opens on; zero: this month.
	ReviewPeriod model.Period
	// Limits are the config file's [limits]: the import screen reads a
	// file within them, as kpit import does; a zero bound is
	// model.DefaultLimits'.
	Limits model.Limits
	// Poll is how often the cockpit asks the store whether another
	// process wrote, to refresh the shown screen (live.go); 0: never.
	Poll time.Duration
}

// App is the root model of the cockpit.
type App struct {
	common   *Common
	tabs     []tabDef
	screens  []Screen
	active   int
	overlays []overlayDef
	overlay  Screen // nil when none is open
	help     help.Model
	showHelp bool
	// helpFilter narrows the help to the keys whose key or words hold
	// its text (/ in the help).
	helpFilter listFilter
	badge      string
	flash      FlashMsg
	live       live
	// early holds the keys typed for a screen still loading (early_input.go).
	early earlyInput
	// replaying is set while a kept key is applied: it goes where it
	// would have gone had it come now, not back into the queue.
	replaying bool
}

// New builds the cockpit on an open store.
func New(o Options) *App {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.FiscalStart < time.January || o.FiscalStart > time.December {
		o.FiscalStart = model.DefaultFiscalStart
	}
	if o.Lang == "" {
		o.Lang = LangEN
	}
	if o.Currency.Code == "" {
		o.Currency = model.JPY
	}
	c := &Common{
		Store:       o.Store,
		Lang:        o.Lang,
		Styles:      NewThemeStyles(o.Theme, true, o.NoColor),
		Keys:        newGlobalKeys(o.Lang),
		Now:         o.Now,
		FiscalStart: o.FiscalStart,
		Currency:    o.Currency,

		ReviewPeriod: o.ReviewPeriod,
		Limits:       o.Limits.Or(model.DefaultLimits()),
		loads:        newLoads(o.Now),
		keyOverrides: o.Keys,
		me:           o.Me,
	}
	c.keyOverrides.rebind("", c.Keys)
	a := &App{common: c, helpFilter: newListFilter(c.Lang), tabs: tabDefs(), overlays: overlayDefs(), help: help.New(), live: live{poll: o.Poll}}
	a.help.Styles = c.Styles.Help
	// help's defaults (• and …) are ambiguous-width glyphs, two columns on
	// many Japanese terminals.
	a.help.ShortSeparator, a.help.Ellipsis = "  ", "..."
	for _, t := range a.tabs {
		s := t.New(c)
		c.keyOverrides.rebindScreen(scopeName(string(t.ID)), s)
		a.screens = append(a.screens, s)
	}
	for i, t := range a.tabs {
		if t.ID == o.StartTab {
			a.active = i
		}
	}
	a.live.stale = make([]bool, len(a.screens))
	a.live.unread = make([]bool, len(a.screens))
	a.showScreens()
	return a
}

// NoColorFromEnv reports whether NO_COLOR asks for no colour (any non-empty value).
func NoColorFromEnv() bool { return os.Getenv("NO_COLOR") != "" }

// Init loads the shown tab's data (the other tabs load theirs once it has
// its own, see prefetch) and asks for the background colour.
// Close ends what the screens still have running once the program has
// stopped: an import waiting at its question drops its staged rows and
// gives its connection back. kpit serve runs many cockpits in one process,
// so a session that ends mid-question must not keep them.
func (a *App) Close() {
	for _, s := range append([]Screen{a.overlay}, a.screens...) {
		if c, ok := s.(closer); ok {
			c.Close()
		}
	}
}

func (a *App) Init() tea.Cmd {
	// The data version is asked first, so a write made while the screens
	// read is one the next poll sees.
	cmds := []tea.Cmd{a.checkVersion(), tea.RequestBackgroundColor}
	for i, s := range a.screens {
		if i == a.active {
			cmds = append(cmds, s.Init())
		} else {
			a.live.unread[i] = true
		}
	}
	cmds = append(cmds, a.backgroundCmds()...)
	return tea.Batch(cmds...)
}

func (a *App) backgroundCmds() []tea.Cmd {
	var cmds []tea.Cmd
	for _, load := range backgroundLoads() {
		cmds = append(cmds, load(a.common))
	}
	return cmds
}

// Update routes a message: the frame's own keys first, then the focused
// screen for input, every screen for anything else.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := a.update(msg)
	if more := a.early.replay(a.focused, a.replayed); more != nil {
		cmd = tea.Batch(cmd, more)
	}
	a.showScreens()
	if more := a.prefetch(); more != nil {
		cmd = tea.Batch(cmd, more)
	}
	return m, cmd
}

func (a *App) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.resize(msg.Width, msg.Height)
		return a, nil
	case tea.BackgroundColorMsg:
		*a.common.Styles = *NewThemeStyles(a.common.Styles.Theme, msg.IsDark(), a.common.Styles.NoColor)
		a.help.Styles = a.common.Styles.Help
		return a, nil
	case tea.KeyPressMsg:
		return a.handleKey(msg)
	case tea.MouseClickMsg:
		m := msg.Mouse()
		if m.Y == 0 && m.Button == tea.MouseLeft && a.overlay == nil {
			if a.onBadge(m.X) {
				for _, o := range a.overlays {
					if o.ID == "alerts" {
						return a, a.openOverlay(o)
					}
				}
			}
			return a, a.switchTo(a.tabAt(m.X))
		}
		// The screen sees the click in its own lines: the body starts
		// under the tab bar.
		if a.overlay == nil && m.Y >= 1 {
			m.Y--
			return a, a.updateFocused(tea.MouseClickMsg(m))
		}
		if a.overlay != nil && !a.showHelp {
			// An overlay sees the click inside its pane, which fills the
			// body: under the tab bar, the border and the padding.
			m.X, m.Y = m.X-overlayInsetX, m.Y-overlayInsetY
			return a, a.updateFocused(tea.MouseClickMsg(m))
		}
		return a, a.updateFocused(msg)
	case tea.PasteMsg:
		return a, a.toFocused(msg)
	case tea.MouseMsg:
		return a, a.updateFocused(msg)
	case SwitchTabMsg:
		for i, t := range a.tabs {
			if t.ID == msg.ID {
				// The keys typed after the one that asked for the tab are its,
				// after First.
				a.early.handOver(a.focused(), a.screens[i])
				a.overlay = nil
				cmds := []tea.Cmd{a.switchTo(i)}
				if msg.First != nil {
					var cmd tea.Cmd
					a.screens[i], cmd = a.screens[i].Update(msg.First)
					cmds = append(cmds, cmd)
				}
				return a, tea.Batch(append(cmds, msg.Then)...)
			}
		}
		return a, msg.Then
	case OpenOverlayMsg:
		for _, o := range a.overlays {
			if o.ID == msg.ID {
				from := a.focused()
				cmd := a.openOverlay(o)
				a.early.handOver(from, a.overlay)
				return a, tea.Batch(cmd, msg.Then)
			}
		}
		return a, msg.Then
	case CloseOverlayMsg:
		a.early.handOver(a.overlay, a.screens[a.active])
		a.overlay = nil
		return a, msg.Then
	case BadgeMsg:
		a.badge = msg.Text
		return a, nil
	case fiscalStartMsg:
		return a, a.setFiscalStart(msg.month)
	case currencyMsg:
		a.common.Currency = msg.cur
		return a, nil
	case FlashMsg:
		a.flash = msg
		return a, nil
	case ReloadMsg:
		clear(a.live.stale)
		clear(a.live.unread)
		return a, tea.Batch(append(a.broadcast(msg), a.backgroundCmds()...)...)
	case pollMsg:
		return a, a.checkVersion()
	case dataVersionMsg:
		return a, a.dataVersion(msg)
	}
	return a, tea.Batch(a.broadcast(msg)...)
}

func (a *App) handleKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := a.common.Keys
	a.flash = FlashMsg{}
	if msg.String() == "ctrl+c" {
		return a, tea.Quit
	}
	// A key typed behind keys kept for a loading screen waits behind them,
	// a tab's number or an overlay's key too: a kept key may open a prompt
	// that takes it as text (g, then 8億 on the dashboard while it loads).
	if !a.replaying && msg.String() != "esc" && a.early.pending(a.focused()) {
		a.early.keep(a.focused(), msg)
		return a, nil
	}
	if a.showHelp {
		switch {
		case a.helpFilter.typing:
			a.helpFilter.update(msg)
		case msg.String() == "esc" && a.helpFilter.value() != "":
			a.helpFilter.clear()
		case key.Matches(msg, k.Help, k.Back, k.Quit):
			// q closes the help like any overlay; only a tab's q quits.
			a.showHelp = false
			a.helpFilter.clear()
		case msg.String() == "/":
			a.helpFilter.start()
		}
		return a, nil
	}
	if a.capturing() {
		if t, ok := a.focused().(typist); ok && !t.Typing() && key.Matches(msg, k.Help) {
			a.showHelp = true
			return a, nil
		}
		return a, a.toFocused(msg)
	}
	if a.overlay != nil {
		switch {
		case key.Matches(msg, k.Back, k.Quit):
			// q closes the pane as esc does; only a tab's q quits.
			a.overlay = nil
			return a, nil
		case key.Matches(msg, k.Help):
			a.showHelp = true
			return a, nil
		}
		return a, a.toFocused(msg)
	}
	switch {
	case key.Matches(msg, k.Quit):
		if q, ok := a.focused().(quitAsker); ok && q.AsksBeforeQuit() {
			return a, a.updateFocused(msg)
		}
		return a, tea.Quit
	case key.Matches(msg, k.HideNames):
		a.common.HideNames = !a.common.HideNames
		return a, nil
	case key.Matches(msg, k.Help):
		a.showHelp = true
		return a, nil
	case key.Matches(msg, k.Reload):
		return a, tea.Batch(Reload, Flash(a.common.T(msgReloaded), false))
	case key.Matches(msg, k.NextTab):
		return a, a.switchTo((a.active + 1) % len(a.screens))
	case key.Matches(msg, k.PrevTab):
		return a, a.switchTo((a.active + len(a.screens) - 1) % len(a.screens))
	case key.Matches(msg, k.Tabs):
		if n := int(msg.Code - '1'); n >= 0 && n < len(a.screens) {
			return a, a.switchTo(n)
		}
		return a, nil
	}
	for _, o := range a.overlays {
		if key.Matches(msg, a.common.overlayKey(o)) {
			return a, a.openOverlay(o)
		}
	}
	return a, a.toFocused(msg)
}

// openOverlay opens overlay o over the current tab.
func (a *App) openOverlay(o overlayDef) tea.Cmd {
	a.overlay = o.New(a.common)
	a.common.keyOverrides.rebindScreen(scopeName(o.ID), a.overlay)
	w, h := a.overlaySize()
	a.overlay.SetSize(w, h)
	return a.overlay.Init()
}

// capturing reports whether the focused screen is taking typed text.
func (a *App) capturing() bool {
	c, ok := a.focused().(capturer)
	return ok && c.Capturing()
}

func (a *App) focused() Screen {
	if a.overlay != nil {
		return a.overlay
	}
	return a.screens[a.active]
}

// toFocused passes a key or a paste to the focused screen, or keeps it
// while that screen loads (early_input.go). esc is never kept: it acts at
// once (the entry form closes while it loads) and the kept keys are
// dropped with it.
func (a *App) toFocused(msg tea.Msg) tea.Cmd {
	s := a.focused()
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "esc" {
		a.early.drop()
		return a.updateFocused(msg)
	}
	if !a.replaying && (a.early.pending(s) || loading(s)) {
		a.early.keep(s, msg)
		return nil
	}
	return a.updateFocused(msg)
}

// replayed applies a kept key or paste as if it came now: a key through
// the frame (a tab's number switches tabs, g on the dashboard opens the
// KGI prompt), a paste to the focused screen.
func (a *App) replayed(msg tea.Msg) tea.Cmd {
	a.replaying = true
	defer func() { a.replaying = false }()
	if k, ok := msg.(tea.KeyPressMsg); ok {
		_, cmd := a.handleKey(k)
		return cmd
	}
	return a.toFocused(msg)
}

func (a *App) updateFocused(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	if a.overlay != nil {
		a.overlay, cmd = a.overlay.Update(msg)
		return cmd
	}
	a.screens[a.active], cmd = a.screens[a.active].Update(msg)
	return cmd
}

func (a *App) broadcast(msg tea.Msg) []tea.Cmd {
	var cmds []tea.Cmd
	for i := range a.screens {
		var cmd tea.Cmd
		a.screens[i], cmd = a.screens[i].Update(msg)
		cmds = append(cmds, cmd)
	}
	if a.overlay != nil {
		var cmd tea.Cmd
		a.overlay, cmd = a.overlay.Update(msg)
		cmds = append(cmds, cmd)
	}
	return cmds
}

// switchTo shows tab i; a tab whose data changed while it was hidden
// reads it again now.
func (a *App) switchTo(i int) tea.Cmd {
	if i < 0 || i >= len(a.screens) {
		return nil
	}
	a.active = i
	a.showHelp = false
	if a.live.unread[i] {
		a.live.unread[i], a.live.stale[i] = false, false
		return a.screens[i].Init()
	}
	if !a.live.stale[i] {
		return nil
	}
	a.live.stale[i] = false
	var cmd tea.Cmd
	a.screens[i], cmd = a.screens[i].Update(ReloadMsg{})
	return cmd
}

// bodySize is the area under the tab bar and above the footer.
func (a *App) bodySize() (int, int) {
	return max(a.common.Width, 0), max(a.common.Height-2, 0)
}

// overlayInsetX and overlayInsetY are where the inside of the overlay pane
// starts on the screen: after the border and the padding, under the tab
// bar and the border (Render draws the pane over the whole body).
const overlayInsetX, overlayInsetY = 2, 2

// overlaySize is the inside of the overlay pane (border and padding off).
func (a *App) overlaySize() (int, int) {
	w, h := a.bodySize()
	return max(w-4, 0), max(h-2, 0)
}

func (a *App) resize(w, h int) {
	a.common.Width, a.common.Height = max(w, 0), max(h, 0)
	bw, bh := a.bodySize()
	for _, s := range a.screens {
		s.SetSize(bw, bh)
	}
	if a.overlay != nil {
		a.overlay.SetSize(a.overlaySize())
	}
	a.help.SetWidth(bw)
}

// View draws the tab bar, the body (the screen, the overlay or the help)
// and the footer.
func (a *App) View() tea.View {
	v := tea.NewView(a.Render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "kpit"
	return v
}

// Render is the cockpit's content as text (what View shows), for tests and
// benchmarks.
func (a *App) Render() string {
	c := a.common
	if c.Width == 0 || c.Height == 0 {
		return ""
	}
	if c.Width < MinWidth || c.Height < MinHeight {
		msg := lipgloss.NewStyle().Width(c.Width).Render(c.T(msgTooSmall, MinWidth, MinHeight))
		return fit(msg, c.Width, c.Height)
	}
	bw, bh := a.bodySize()
	var body string
	switch {
	case a.showHelp:
		body = a.helpView()
	case a.overlay != nil:
		// The pane takes the whole body, whatever its content: a pane that
		// followed its widest line would change width as a list scrolled
		// or a form cycled its values.
		pane := c.Styles.Pane.Render(padLines(fit(a.overlay.View(), bw-4, bh-2), bw-4))
		body = lipgloss.Place(bw, bh, lipgloss.Center, lipgloss.Center, pane)
	default:
		body = a.screens[a.active].View()
	}
	return strings.Join([]string{
		a.tabBar(),
		fit(body, bw, bh),
		fit(a.footer(), c.Width, 1),
	}, "\n")
}

func (a *App) footer() string {
	c := a.common
	if a.flash.Text != "" {
		if a.flash.Error {
			return c.Styles.Error.Render(a.flash.Text)
		}
		return c.Styles.Bold.Render(a.flash.Text)
	}
	// ? and q always show at the right, after a slow read's progress; the
	// screen's keys get what is left, and when they all fit, the time the
	// data was read goes before ? too.
	right := a.help.ShortHelpView([]key.Binding{c.Keys.Help, c.Keys.Quit})
	// The keys that work from every tab go before ? when the screen's own
	// keys still fit whole beside them.
	if g := a.globalKeys(); g != "" {
		all := a.help
		all.SetWidth(0)
		withG := g + a.help.ShortSeparator + right
		if lipgloss.Width(all.ShortHelpView(a.focused().Keys().ShortHelp()))+2+lipgloss.Width(withG) <= c.Width {
			right = withG
		}
	}
	marker, busy := a.readMarker()
	if busy {
		right = marker + a.help.ShortSeparator + right
	}
	if a.showHelp {
		return right
	}
	room := max(c.Width-lipgloss.Width(right)-2, 0)
	h := a.help
	h.SetWidth(room)
	keys := a.focused().Keys().ShortHelp()
	left := h.ShortHelpView(keys)
	// Too wide: leave out whole keys from the end, never a key without
	// its words ("w" alone reads as a key that does nothing).
	for n := len(keys) - 1; n > 0 && lipgloss.Width(left) > room; n-- {
		left = h.ShortHelpView(keys[:n]) + h.ShortSeparator + h.Ellipsis
		if lipgloss.Width(left) > room { // ? help lists the rest
			left = h.ShortHelpView(keys[:n])
		}
	}
	if lipgloss.Width(left) > room {
		left = ansi.Truncate(left, room, "")
	}
	if !busy && marker != "" && left == h.ShortHelpView(keys) {
		withMarker := marker + a.help.ShortSeparator + right
		if lipgloss.Width(left)+2+lipgloss.Width(withMarker) <= c.Width {
			right = withMarker
		}
	}
	gap := max(c.Width-lipgloss.Width(left)-lipgloss.Width(right), 2)
	return left + strings.Repeat(" ", gap) + right
}

// globalKeys are the keys of the overlays that open from any tab (a : !
// i), written compactly for the footer's right side; "" over an overlay,
// the help or text being typed, where they do not work.
func (a *App) globalKeys() string {
	if a.overlay != nil || a.showHelp || a.capturing() {
		return ""
	}
	var keys []string
	for _, o := range a.overlays {
		keys = append(keys, a.help.Styles.ShortKey.Render(a.common.overlayKey(o).Help().Key))
	}
	return strings.Join(keys, " ")
}

// helpView lists every key: the frame's, the overlays', then the screen's,
// one column per group, flowing onto further rows when the window is narrow
// (bubbles/help would drop the columns that do not fit). Over an overlay it
// lists the overlay's own keys, with only the frame keys that work there.
func (a *App) helpView() string {
	c := a.common
	global := c.Keys.bindings()
	if a.overlay != nil {
		global = []key.Binding{c.Keys.Back, c.Keys.Help}
	} else {
		for _, o := range a.overlays {
			global = append(global, c.overlayKey(o))
		}
	}
	var groups [][]key.Binding
	for _, g := range append([][]key.Binding{global}, a.focused().Keys().FullHelp()...) {
		var kept []key.Binding
		for _, b := range g {
			if a.helpFilter.match(b.Help().Key, b.Help().Desc) {
				kept = append(kept, b)
			}
		}
		if len(kept) > 0 {
			groups = append(groups, kept)
		}
	}
	title := c.Styles.Title.Render(c.T(msgKeyHelp)) + "  " + c.Styles.Muted.Render(c.T(msgHelpCloseTip))
	if f := a.helpFilter.line(c, c.Width); f != "" {
		title += "\n" + f
	}
	var rows []string
	var row []string
	rowW := 0
	h := a.help
	h.SetWidth(0) // measure each column whole
	for _, g := range groups {
		col := h.FullHelpView([][]key.Binding{g})
		w := lipgloss.Width(col) + 4
		if len(row) > 0 && rowW+w > c.Width {
			rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
			row, rowW = nil, 0
		}
		row = append(row, lipgloss.NewStyle().PaddingRight(4).Render(col))
		rowW += w
	}
	if len(row) > 0 {
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
	}
	return title + "\n\n" + strings.Join(rows, "\n\n")
}

// fit cuts s to at most w columns per line and exactly h lines, never
// splitting a wide character and marking a cut line with "...", so a screen
// can never push the frame around nor end a line in half a word.
func fit(s string, w, h int) string {
	if h <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		lines[i] = clipCell(l, w)
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}
