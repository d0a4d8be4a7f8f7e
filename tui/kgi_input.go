package tui

import (
	"context"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// kgiInput is the one-line editor for the KGI on the dashboard (g): the
// revenue goal per fiscal year, which nothing else in the cockpit sets.
// Once the amount reads, the same line asks why it changes, then shows the
// change (old -> new) and asks y/n: a new KGI is a revision from today with
// its reason, and a slip of the keyboard must not become the year's goal.
type kgiInput struct {
	editing bool
	input   lineInput // the amount, then the reason once asking
	amount  string    // the amount as typed, kept while asking
	problem string    // why the text was refused; the text is kept

	asking     bool        // the amount read as kgi; input is the reason
	confirming bool        // the reason is typed; waiting for y/n
	reason     string      // the reason, while confirming
	kgi        model.KGI   // the goal to save, while asking
	old        model.Value // the KGI in force when the editor opened
}

type kgiSavedMsg struct {
	kgi model.KGI
	err error
}

// start opens the editor with the current KGI, if any, selected: typing
// replaces it.
func (k *kgiInput) start(data *dashData) {
	*k = kgiInput{editing: true}
	if data != nil && data.goals.HasKGI {
		k.old = model.Some(data.goals.KGI.Value)
		k.input = newLineInput(strings.ReplaceAll(trimDecimal(data.goals.KGI.Value, 0), ",", ""))
	}
}

// typeKey edits the text; enter checks it, asks the reason, then y saves
// in a command.
func (k *kgiInput) typeKey(c *Common, msg tea.KeyPressMsg) tea.Cmd {
	if k.confirming {
		k.confirming = false
		if msg.String() == "y" || msg.String() == "Y" {
			k.editing, k.asking = false, false
			return saveKGI(c.Store, k.kgi, c.revisionNote(k.reason))
		}
		// Anything else goes back to the amount, as typed, to fix it.
		k.asking, k.input, k.problem = false, newLineInput(k.amount), c.T(msgKGINotSaved)
		return nil
	}
	switch msg.String() {
	case "esc":
		k.editing, k.problem = false, ""
	case "enter":
		if k.asking {
			reason := strings.TrimSpace(k.input.Value())
			if reason == "" {
				k.problem = c.T(msgReasonRequired)
				return nil
			}
			k.reason, k.confirming, k.problem = reason, true, ""
			return nil
		}
		kgi, err := parseKGI(c, k.input.Value())
		if err != nil {
			k.problem = c.T(msgKGIBad, catalog.ErrorLine(c.Lang, err))
			return nil
		}
		k.amount = k.input.Value()
		k.asking, k.kgi, k.input, k.problem = true, kgi, lineInput{}, ""
	default:
		if k.input.Update(msg) {
			k.problem = ""
		}
	}
	return nil
}

// paste adds pasted text to the line being typed.
func (k *kgiInput) paste(msg tea.PasteMsg) {
	if k.editing && !k.confirming {
		k.input.Update(msg)
	}
}

// parseKGI reads an amount of revenue per fiscal year (or per the period
// given: 5000万/月 is ¥600,000,000 a year), due at the end of this fiscal year.
func parseKGI(c *Common, text string) (model.KGI, error) {
	q, err := model.ParseQuantity(text)
	if err != nil {
		return model.KGI{}, err
	}
	if q.Percent || q.Value <= 0 {
		return model.KGI{}, fmt.Errorf("%q is not an amount of revenue", text)
	}
	fy := model.PeriodOf(model.FiscalYear, c.Now(), c.FiscalStart)
	per := model.FiscalYear
	if q.HasPer {
		per = q.Per
	}
	return model.KGI{
		NameJA: LangJA.T(msgKGIName), NameEN: LangEN.T(msgKGIName), Metric: model.MetricRevenue,
		Value: q.Value * per.PerYear(), Unit: model.UnitMoney, Per: model.FiscalYear, Deadline: fy.Last(),
	}, nil
}

// saveKGI records kgi as a revision of the goal, signed with the note.
func saveKGI(st *store.Store, kgi model.KGI, note store.RevisionNote) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), saveTimeout)
		defer cancel()
		return kgiSavedMsg{kgi: kgi, err: st.ReviseKGI(ctx, kgi, note)}
	}
}

// saved reports the save in the footer and reloads every screen.
func (k *kgiInput) saved(c *Common, msg kgiSavedMsg) tea.Cmd {
	if msg.err != nil {
		return Flash(c.T(msgKGISaveErr, writeErr(c.Lang, msg.err)), true)
	}
	return tea.Batch(Reload, Flash(c.T(msgKGISaved, c.Money().Full(model.Some(msg.kgi.Value))), false))
}

// view is the editor while typing, else nothing: the prompt and the text
// on one line (the text scrolls inside the window's width), the refusal
// wrapped under it.
func (k *kgiInput) view(c *Common, width int) []string {
	if !k.editing {
		return nil
	}
	money := c.Money()
	var lines []string
	switch {
	case k.confirming:
		change := c.T(msgChangeOldNew, money.Full(k.old), money.Full(model.Some(k.kgi.Value)))
		lines = wrapIndented(c.T(msgKGIConfirm, change, k.reason), width, 0)
		lines[len(lines)-1] = c.Styles.Bold.Render(lines[len(lines)-1])
	default:
		prompt := c.T(msgKGIPrompt)
		if k.asking {
			prompt = c.T(msgKGIReasonPrompt, money.Full(model.Some(k.kgi.Value)))
		}
		lines = promptLines(c, prompt, &k.input, width)
	}
	if k.problem != "" {
		for _, l := range wrapIndented(k.problem, width, 0) {
			lines = append(lines, c.Styles.Error.Render(l))
		}
	}
	return lines
}

// promptLines draws a prompt and its text field: on one line when the
// prompt leaves the field room for 20 columns, else the prompt wrapped
// over the field's own line. The field never runs off the window.
func promptLines(c *Common, prompt string, in *lineInput, width int) []string {
	if width <= 0 {
		return []string{prompt + in.View(true, c.Styles.Selected, 0)}
	}
	if pw := displayWidth(prompt); width-pw >= 20 {
		return []string{prompt + in.View(true, c.Styles.Selected, width-pw)}
	}
	lines := wrapIndented(strings.TrimRight(prompt, " "), width, 0)
	return append(lines, "  "+in.View(true, c.Styles.Selected, width-2))
}
