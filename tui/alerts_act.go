package tui

import (
	"context"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/model"
)

// Acting on an alert from the pane: enter opens what it is about (the
// record on the Records tab, the rep on the Reps tab), s snoozes it for a
// number of days with a reason, kept in the store, after which the badge
// and `kpit alerts` leave it out until the days have passed.

// defaultSnoozeDays is the snooze offered: a working week.
const defaultSnoozeDays = 7

// alertSnooze is a snooze being typed: the days, then the reason.
type alertSnooze struct {
	alert   model.Alert
	days    lineInput
	reason  lineInput
	asking  bool // the days read; the reason is being typed
	n       int
	problem string
	saving  bool // enter was pressed on the reason; waiting for the store
}

func newAlertSnooze(al model.Alert) *alertSnooze {
	return &alertSnooze{alert: al, days: newLineInput(strconv.Itoa(defaultSnoozeDays))}
}

type snoozedMsg struct {
	from *alertsScreen
	text string
	err  error
}

// snoozeKey edits the snooze: enter reads the days, then saves with the
// reason; esc drops it.
func (a *alertsScreen) snoozeKey(msg tea.Msg) tea.Cmd {
	sn := a.snooze
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		if sn.asking {
			sn.reason.Update(msg)
		} else {
			sn.days.Update(msg)
		}
		return nil
	}
	switch k.String() {
	case "esc":
		a.snooze = nil
		return nil
	case "enter":
		if !sn.asking {
			n, err := strconv.Atoi(strings.TrimSpace(sn.days.Value()))
			if err != nil || n <= 0 || n > 365 {
				sn.problem = a.T(msgSnoozeBadDays, sn.days.Value())
				return nil
			}
			sn.n, sn.asking, sn.problem = n, true, ""
			return nil
		}
		reason := strings.TrimSpace(sn.reason.Value())
		if reason == "" {
			sn.problem = a.T(msgSnoozeNeedsReason)
			return nil
		}
		st, today, al, n, l := a.Store, model.Date(a.Now()), sn.alert, sn.n, a.Lang
		sn.saving = true
		return func() tea.Msg {
			err := st.Snooze(context.Background(), al, today, n, reason)
			until := model.FormatDate(today.AddDate(0, 0, n))
			return snoozedMsg{from: a, err: err, text: l.T(msgSnoozed, AlertKindWord(l, al.Kind), alertWho(al), until)}
		}
	}
	in := &sn.days
	if sn.asking {
		in = &sn.reason
	}
	if in.Update(k) {
		sn.problem = ""
	}
	return nil
}

// alertWho is what an alert is about, in a few words: the rep, and the
// account when there is one.
func alertWho(al model.Alert) string {
	if al.Subject != "" && al.Subject != al.RepName {
		return al.RepName + " " + al.Subject
	}
	return al.RepName
}

// focusRecordMsg asks the Records tab to show record id of kind under its
// cursor; focusRepMsg asks the Reps tab to select a rep.
type focusRecordMsg struct {
	kind model.RecordKind
	id   int64
}

type focusRepMsg struct{ name string }

// openAlert shows what the alert is about, the pane closed (SwitchTab
// closes it): the deal or the record entered late, an overdue action's
// review, else the rep. The pane counts as loading until then, so the keys
// typed after enter wait for that tab (early_input.go).
func (a *alertsScreen) openAlert(al model.Alert) tea.Cmd {
	a.leaving = true
	if al.Kind == model.AlertOverdueAction { // the review, where actions are settled
		return SwitchTab(TabReview)
	}
	if al.RecordID != 0 && al.RecordKind != "" {
		return tea.Batch(SwitchTab(TabRecords),
			func() tea.Msg { return focusRecordMsg{kind: al.RecordKind, id: al.RecordID} })
	}
	return tea.Batch(SwitchTab(TabReps), func() tea.Msg { return focusRepMsg{name: al.RepName} })
}

// alertRows are the alerts in view, the one under the cursor marked, in
// room lines: each on one line (cut with "..." when wider than the pane),
// then the selected alert whole, wrapped, and the snooze being typed.
func (a *alertsScreen) alertRows(room int) []string {
	shown := a.shown()
	a.nav.setLen(len(shown))
	if len(shown) == 0 {
		if a.filter.value() != "" {
			return []string{a.Styles.Muted.Render(a.T(msgFilterNoMatch, a.filter.value()))}
		}
		return nil
	}
	var detail []string
	if al, ok := a.selected(); ok {
		detail = append(detail, "")
		text := a.nav.marker() + "  " + a.alertLine(al, true)
		if sn := a.snooze; sn != nil && sn.alert == al {
			detail = append(detail, wrapIndented(text, a.width, 0)...)
			detail = append(detail, a.snoozeLines()...)
		} else {
			detail = append(detail, wrapIndented(text, a.width, 0)...)
		}
	}
	start, end := a.nav.window(max(room-len(detail), 1))
	var out []string
	for i := start; i < end; i++ {
		line := a.rowLine(shown[i], a.width-2)
		if i == a.nav.cursor {
			out = append(out, "> "+a.Styles.Selected.Render(line))
		} else {
			out = append(out, "  "+line)
		}
	}
	return append(out, detail...)
}

// rowLine is an alert on one row of width columns. The account gives way
// first, cut with "..." or left out (the selected alert's detail shows
// it), then the rule's name (the sentence says what happened, and the
// summary above counts each rule), so that the days late or stalled in the
// sentence stay in view; what is still too wide is cut with "...".
func (a *alertsScreen) rowLine(al model.Alert, width int) string {
	line := a.alertLine(al, true)
	// A hand-off alert's subject is its stage (MQL), not an account.
	if excess := displayWidth(line) - width; excess > 0 && al.Subject != "" && al.Kind != model.AlertHandoffOverdue {
		short := al
		short.Subject = ""
		switch w := displayWidth(al.Subject) - excess; {
		case al.Kind == model.AlertOverdueAction: // the action is named, however short
			short.Subject = clipLine(al.Subject, max(w, len(clipTail)+2))
		case w >= 2*len(clipTail):
			short.Subject = clipLine(al.Subject, w)
		}
		line = a.alertLine(short, true)
		if displayWidth(line) > width && al.Kind != model.AlertOverdueAction {
			line = a.alertLine(short, false)
		}
	}
	return clipLine(line, width)
}

// alertLine is one alert in words: its band, its rule (when withKind) and
// what it says.
func (a *alertsScreen) alertLine(al model.Alert, withKind bool) string {
	band := a.Styles.AtRisk.Render(a.T(msgBandYellow))
	if al.Severity == model.SeverityCritical {
		band = a.Styles.OffTrack.Render(a.T(msgBandRed))
	}
	kind := ""
	if withKind {
		kind = AlertKindWord(a.Lang, al.Kind) + ": "
	}
	return "[" + band + "] " + kind + AlertText(a.Lang, a.masked(al))
}

// snoozeLines are the snooze's prompt and its refusal.
func (a *alertsScreen) snoozeLines() []string {
	sn := a.snooze
	var out []string
	if sn.asking {
		out = append(out, wrapIndented(a.T(msgSnoozeDays)+strconv.Itoa(sn.n), a.width, 0)...)
		out = append(out, promptLines(a.Common, a.T(msgSnoozeReason), &sn.reason, a.width)...)
	} else {
		out = append(out, promptLines(a.Common, a.T(msgSnoozeDays), &sn.days, a.width)...)
	}
	if sn.problem != "" {
		for _, l := range wrapIndented(sn.problem, a.width, 0) {
			out = append(out, a.Styles.Error.Render(l))
		}
	}
	return out
}
