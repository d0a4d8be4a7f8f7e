package tui

import (
	"context"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// kgiInput is the one-line editor for the KGI on the dashboard (g): the
// revenue goal per fiscal year, which nothing else in the cockpit sets.
type kgiInput struct {
	editing bool
	text    string
	problem string // why the text was refused; the text is kept
}

type kgiSavedMsg struct {
	kgi model.KGI
	err error
}

// start opens the editor with the current KGI, if any, to change.
func (k *kgiInput) start(data *dashData) {
	k.editing, k.text, k.problem = true, "", ""
	if data != nil && data.goals.HasKGI {
		k.text = trimDecimal(data.goals.KGI.Value, 0)
		k.text = strings.ReplaceAll(k.text, ",", "")
	}
}

// typeKey edits the text; enter checks it and saves in a command.
func (k *kgiInput) typeKey(c *Common, msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "esc":
		k.editing, k.problem = false, ""
	case "backspace":
		if r := []rune(k.text); len(r) > 0 {
			k.text = string(r[:len(r)-1])
		}
	case "enter":
		kgi, err := parseKGI(c, k.text)
		if err != nil {
			k.problem = c.T(msgKGIBad, err.Error())
			return nil
		}
		k.editing, k.problem = false, ""
		return saveKGI(c.Store, kgi, c.revisionNote(""))
	default:
		k.text += msg.Text
	}
	return nil
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
		ctx, cancel := context.WithTimeout(context.Background(), loadTimeout)
		defer cancel()
		return kgiSavedMsg{kgi: kgi, err: st.ReviseKGI(ctx, kgi, note)}
	}
}

// saved reports the save in the footer and reloads every screen.
func (k *kgiInput) saved(c *Common, msg kgiSavedMsg) tea.Cmd {
	if msg.err != nil {
		return Flash(c.T(msgKGISaveErr, msg.err.Error()), true)
	}
	return tea.Batch(Reload, Flash(c.T(msgKGISaved, FormatYenFull(model.Some(msg.kgi.Value))), false))
}

// view is the editor line while typing, else nothing.
func (k *kgiInput) view(c *Common) string {
	if !k.editing {
		return ""
	}
	line := c.T(msgKGIPrompt) + c.Styles.Selected.Render(k.text+" ")
	if k.problem != "" {
		line += "  " + c.Styles.Error.Render(k.problem)
	}
	return line
}
