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
// Once the amount reads, the same line asks why it changes: a new KGI is a
// revision from today with its reason.
type kgiInput struct {
	editing bool
	text    string // the amount, then the reason once asking
	problem string // why the text was refused; the text is kept

	asking bool      // the amount read as kgi; text is the reason
	kgi    model.KGI // the goal to save, while asking
}

type kgiSavedMsg struct {
	kgi model.KGI
	err error
}

// start opens the editor with the current KGI, if any, to change.
func (k *kgiInput) start(data *dashData) {
	k.editing, k.text, k.problem, k.asking = true, "", "", false
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
		if k.asking {
			reason := strings.TrimSpace(k.text)
			if reason == "" {
				k.problem = c.T(msgReasonRequired)
				return nil
			}
			k.editing, k.asking, k.problem = false, false, ""
			return saveKGI(c.Store, k.kgi, c.revisionNote(reason))
		}
		kgi, err := parseKGI(c, k.text)
		if err != nil {
			k.problem = c.T(msgKGIBad, err.Error())
			return nil
		}
		k.asking, k.kgi, k.text, k.problem = true, kgi, "", ""
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
	return tea.Batch(Reload, Flash(c.T(msgKGISaved, c.Money().Full(model.Some(msg.kgi.Value))), false))
}

// view is the editor line while typing, else nothing.
func (k *kgiInput) view(c *Common) string {
	if !k.editing {
		return ""
	}
	prompt := c.T(msgKGIPrompt)
	if k.asking {
		prompt = c.T(msgKGIReasonPrompt, c.Money().Full(model.Some(k.kgi.Value)))
	}
	line := prompt + c.Styles.Selected.Render(k.text+" ")
	if k.problem != "" {
		line += "  " + c.Styles.Error.Render(k.problem)
	}
	return line
}
