package tui

import (
	"context"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// The alerts pane (`!`): open alerts with their band in words, a cursor
// over them (enter opens the deal, record or rep behind the one selected,
// s snoozes it for some days with a reason, / filters them), the input
// timeliness of the last 30 days beside the reference figures, and the
// input rules, which `s` edits in place on that page (t).

// timelinessWindowDays is how far back the pane measures timeliness.
const timelinessWindowDays = 30

type alertsKeys struct {
	Nav                                         listNavKeys
	Open, Snooze, Filter, Page, Settings, Close key.Binding
}

func (k alertsKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, k.Snooze, k.Filter, k.Page, k.Close}
}
func (k alertsKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Nav.Up, k.Nav.Down, k.Nav.Top, k.Nav.Page}, {k.Open, k.Snooze, k.Filter, k.Page, k.Settings, k.Close}}
}

type alertsData struct {
	alerts []model.Alert
	rules  model.InputRules
	team   model.Timeliness
	perRep map[string]model.Timeliness
}

type alertsLoadedMsg struct {
	to   *alertsScreen
	data *alertsData
	err  error
}

type alertsScreen struct {
	*Common
	keys          alertsKeys
	width, height int
	data          *alertsData
	err           error
	offset        int           // the timeliness page's scroll
	nav           listNav       // the cursor over the alerts shown
	filter        listFilter    // narrows the alerts to a rep, account or rule
	snooze        *alertSnooze  // non-nil while a snooze is typed
	leaving       bool          // enter on an alert asked for the tab it is about
	timeliness    bool          // the second page: timeliness and rules
	settings      *settingsForm // non-nil while the rules are being edited
}

func newAlertsPane(c *Common) Screen {
	l := c.Lang
	return &alertsScreen{Common: c, filter: newListFilter(l), keys: alertsKeys{
		Nav:      newListNavKeys(l),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", l.T(msgKeyAlertOpen))),
		Snooze:   key.NewBinding(key.WithKeys("s"), key.WithHelp("s", l.T(msgKeySnooze))),
		Filter:   filterKey(l),
		Page:     key.NewBinding(key.WithKeys("t"), key.WithHelp("t", l.T(msgKeyTimeliness))),
		Settings: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", l.T(msgKeyRules))),
		Close:    key.NewBinding(key.WithKeys("esc", "q"), key.WithHelp("esc/q", l.T(msgKeyClose))),
	}}
}

// Keys are the pane's, or the rules form's while it is open (the same
// keys as the entry form).
func (a *alertsScreen) Keys() help.KeyMap {
	switch {
	case a.settings != nil:
		return newEntryKeys(a.Lang)
	case a.filter.typing:
		return a.filter.keys()
	case a.snooze != nil:
		return keyMap{short: []key.Binding{
			key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", a.T(msgKeySave))),
			key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", a.T(msgKeyCancel)))}}
	case a.timeliness:
		k := a.keys
		return keyMap{short: []key.Binding{k.Nav.Down, k.Page, k.Settings, k.Close}, full: [][]key.Binding{{k.Nav.Up, k.Nav.Down, k.Page, k.Settings, k.Close}}}
	}
	return a.keys
}
func (a *alertsScreen) SetSize(w, h int) { a.width, a.height = w, h }

// Loading: keys wait in the frame until the first read (early_input.go):
// ! then t at once shows the timely-entry reference. They wait too while a
// snooze or the rules are saved: a second enter would save them again, and
// the keys after it are for the pane once the form has closed; and once
// enter on an alert has asked for its tab, they are that tab's.
func (a *alertsScreen) Loading() bool {
	return a.data == nil && a.err == nil || a.snooze != nil && a.snooze.saving || a.settings != nil && a.settings.saving ||
		a.leaving
}

// Capturing is true while the rules form, a snooze or the filter is
// typed, so its esc and typed digits reach it, and while a filter is in
// force, so that esc clears it before it closes the pane.
func (a *alertsScreen) Capturing() bool {
	return a.settings != nil || a.snooze != nil || a.filter.typing || a.filter.value() != ""
}

// Typing: `?` shows the rules form's keys unless a text field has focus.
func (a *alertsScreen) Typing() bool {
	return (a.settings != nil && a.settings.form.typing()) || a.snooze != nil || a.filter.typing
}

func (a *alertsScreen) Init() tea.Cmd { return a.load() }

func (a *alertsScreen) load() tea.Cmd {
	st, now := a.Store, a.Now()
	return a.read(a, func(ctx context.Context) tea.Msg {
		d, err := loadAlerts(ctx, st, now)
		return alertsLoadedMsg{to: a, data: d, err: err}
	})
}

func loadAlerts(ctx context.Context, st *store.Store, now time.Time) (*alertsData, error) {
	d := &alertsData{}
	var err error
	if d.alerts, d.rules, err = st.Alerts(ctx, now, now.Location()); err != nil {
		return nil, err
	}
	today := model.Date(now)
	d.team, d.perRep, err = st.Timeliness(ctx, today.AddDate(0, 0, 1-timelinessWindowDays), today.AddDate(0, 0, 1), now.Location())
	return d, err
}

// alertBadge counts open alerts for the tab bar.
func alertBadge(c *Common) tea.Cmd {
	st, now, l := c.Store, c.Now(), c.Lang
	return c.read("alert badge", func(ctx context.Context) tea.Msg {
		alerts, _, err := st.Alerts(ctx, now, now.Location())
		if err != nil || len(alerts) == 0 {
			return BadgeMsg{}
		}
		return BadgeMsg{Text: l.T(msgAlertBadge, len(alerts))}
	})
}

func (a *alertsScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case alertsLoadedMsg:
		if msg.to == a {
			a.data, a.err = msg.data, msg.err
			a.nav.setLen(len(a.shown()))
		}
		return a, nil
	case snoozedMsg:
		if msg.from != a {
			return a, nil
		}
		if msg.err != nil {
			if a.snooze != nil {
				a.snooze.problem, a.snooze.saving = a.T(msgSnoozeFailed, failure(a.Lang, msg.err)), false
			}
			return a, nil
		}
		a.snooze = nil
		return a, tea.Batch(Reload, Flash(msg.text, false))
	case ReloadMsg:
		return a, a.load()
	case rulesSavedMsg:
		if a.settings != nil && msg.from == a.settings {
			a.settings = nil
			return a, tea.Batch(Reload, Flash(a.T(msgSetSaved), false))
		}
		return a, nil
	}
	if a.settings != nil {
		cmd, done := a.settings.update(msg)
		if done {
			a.settings = nil
		}
		return a, cmd
	}
	if a.snooze != nil {
		return a, a.snoozeKey(msg)
	}
	if a.filter.typing {
		if a.filter.update(msg) {
			a.nav = listNav{}
			a.nav.setLen(len(a.shown()))
		}
		return a, nil
	}
	if a.timeliness {
		return a, a.timelinessKey(msg)
	}
	if a.nav.update(msg, true) {
		return a, nil
	}
	if c, ok := msg.(tea.MouseClickMsg); ok && c.Button == tea.MouseLeft {
		a.nav.clicked(c.Y) // a click on an alert selects it
		return a, nil
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return a, nil
	}
	switch {
	case k.String() == "esc" && a.filter.value() != "":
		a.filter.clear()
		a.nav.setLen(len(a.shown()))
	case key.Matches(k, a.keys.Filter):
		a.filter.start()
	case key.Matches(k, a.keys.Open):
		if al, ok := a.selected(); ok {
			return a, a.openAlert(al)
		}
	case key.Matches(k, a.keys.Snooze):
		if al, ok := a.selected(); ok {
			a.snooze = newAlertSnooze(al)
		}
	case key.Matches(k, a.keys.Page):
		a.timeliness, a.offset = true, 0
	case key.Matches(k, a.keys.Close):
		return a, CloseOverlay
	}
	return a, nil
}

// timelinessKey handles a key on the timeliness and rules page.
func (a *alertsScreen) timelinessKey(msg tea.Msg) tea.Cmd {
	if w, ok := msg.(tea.MouseWheelMsg); ok {
		msg = tea.KeyPressMsg{Code: map[bool]rune{true: tea.KeyUp, false: tea.KeyDown}[w.Button == tea.MouseWheelUp]}
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch {
	case key.Matches(k, a.keys.Nav.Down):
		a.offset++
	case key.Matches(k, a.keys.Nav.Up):
		a.offset = max(a.offset-1, 0)
	case key.Matches(k, a.keys.Page):
		a.timeliness, a.offset = false, 0
	case key.Matches(k, a.keys.Settings):
		if a.data != nil {
			a.settings = newSettingsForm(a.Common, a.data.rules)
		}
	case key.Matches(k, a.keys.Close):
		return CloseOverlay
	}
	return nil
}

// shown are the open alerts the filter keeps, in the pane's order.
func (a *alertsScreen) shown() []model.Alert {
	if a.data == nil {
		return nil
	}
	var out []model.Alert
	for _, al := range a.data.alerts {
		// The filter matches what the pane shows: while names are hidden,
		// a rep's name would otherwise pick out that rep's alerts.
		m := a.masked(al)
		if a.filter.match(m.RepName, m.Subject, AlertKindWord(a.Lang, al.Kind), AlertText(a.Lang, m)) {
			out = append(out, al)
		}
	}
	return out
}

// selected is the alert under the cursor.
func (a *alertsScreen) selected() (model.Alert, bool) {
	shown := a.shown()
	if a.nav.cursor < 0 || a.nav.cursor >= len(shown) {
		return model.Alert{}, false
	}
	return shown[a.nav.cursor], true
}

func (a *alertsScreen) View() string {
	if a.settings != nil {
		return strings.Join(a.settings.lines(), "\n")
	}
	switch {
	case a.err != nil:
		return a.Styles.Error.Render(a.T(msgLoadErr, failure(a.Lang, a.err)))
	case a.data == nil:
		return a.T(msgLoading)
	}
	d := a.data
	var head []string
	switch {
	case !d.rules.AlertsOn:
		head = append(head, a.Styles.Title.Render(a.T(msgAlertsOff)))
	case len(d.alerts) == 0:
		head = append(head, a.Styles.Title.Render(a.T(msgAlertsNone)))
	default:
		head = append(head, a.Styles.Title.Render(a.T(msgAlertsTitle, len(d.alerts))))
		head = append(head, packParts(a.summaryParts(), "  ", a.width)...)
	}
	head = append(head, "")
	var body []string
	if a.timeliness {
		body = append(body, a.Styles.Title.Render(a.T(msgTimelyTitle, timelinessWindowDays)))
		perRep := d.perRep
		if a.HideNames {
			perRep = nil // the team's line only
		}
		body = append(body, TimelinessLines(a.Lang, d.team, perRep)...)
		body = append(body, "", a.Styles.Title.Render(a.T(msgRulesTitle)))
		body = append(body, RulesLines(a.Lang, d.rules)...)
		body = wrapLines(body, a.width)
	} else {
		timely := packParts([]string{
			a.T(msgAlertsTimelyLine, FormatPercent(d.team.SameDayShare()), FormatPercent(model.Some(model.RefEnteredImmediately))),
			a.T(msgAlertsDeadline, DeadlineWord(a.Lang, d.rules.Deadline)),
		}, "  ", a.width)
		for _, l := range timely {
			body = append(body, a.Styles.Muted.Render(l))
		}
		if f := a.filter.line(a.Common, a.width); f != "" {
			body = append(body, f)
		}
		a.nav.top = len(head) + len(body) // the line of the first row, for clicks
		return strings.Join(append(head, append(body, a.alertRows(a.height-len(head)-len(body))...)...), "\n")
	}
	if a.height > 0 {
		a.offset = min(a.offset, max(len(body)-(a.height-len(head)), 0))
	}
	return strings.Join(append(head, body[min(a.offset, len(body)):]...), "\n")
}

// packParts lays out parts separated by sep on as few lines of at most
// width columns as they fit, never splitting a part; a part wider than the
// line is clipped.
func packParts(parts []string, sep string, width int) []string {
	var lines []string
	cur := ""
	for _, p := range parts {
		switch {
		case cur == "":
			cur = p
		case width <= 0 || ansi.StringWidth(cur+sep+p) <= width:
			cur += sep + p
		default:
			lines = append(lines, clipLine(cur, width))
			cur = p
		}
	}
	if cur != "" {
		lines = append(lines, clipLine(cur, width))
	}
	return lines
}

// wrapLines wraps each line wider than width at spaces (or, in Japanese
// without spaces, at a character boundary), indenting the continuation.
func wrapLines(lines []string, width int) []string {
	if width <= 4 {
		return lines
	}
	var out []string
	for _, l := range lines {
		if ansi.StringWidth(l) <= width {
			out = append(out, l)
			continue
		}
		first, rest, _ := strings.Cut(ansi.Wrap(l, width, " "), "\n")
		out = append(out, first)
		for _, r := range strings.Split(ansi.Wrap(strings.ReplaceAll(rest, "\n", " "), width-2, " "), "\n") {
			out = append(out, "  "+r)
		}
	}
	return out
}

// summaryParts counts the open alerts by rule and band, one part per rule.
func (a *alertsScreen) summaryParts() []string {
	type count struct{ red, yellow int }
	by := map[model.AlertKind]*count{}
	var order []model.AlertKind
	for _, al := range a.data.alerts {
		c, ok := by[al.Kind]
		if !ok {
			c = &count{}
			by[al.Kind] = c
			order = append(order, al.Kind)
		}
		if al.Severity == model.SeverityCritical {
			c.red++
		} else {
			c.yellow++
		}
	}
	var parts []string
	for _, k := range order {
		c := by[k]
		parts = append(parts, a.T(msgAlertsSummary, AlertKindWord(a.Lang, k), c.red+c.yellow, c.red, c.yellow))
	}
	return parts
}

// masked is al with its rep's name hidden while names are hidden (h); a
// silent rep's alert is about the rep, named in its subject too.
func (a *alertsScreen) masked(al model.Alert) model.Alert {
	if al.Kind == model.AlertStaleRep {
		al.Subject = a.RepName(al.Subject)
	}
	al.RepName = a.RepName(al.RepName)
	return al
}
