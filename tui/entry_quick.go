package tui

import (
	"context"
	"errors"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// The quick-add line (`:`): one line such as `visit 3 田中 2026-11-20` or
// `won 1200万 ACME 鈴木` (model.ParseQuickAdd reads it). What it cannot
// read, or what the store refuses, is explained under the line, which keeps
// the text for fixing.

type quickKeys struct{ Save, Cancel key.Binding }

func (k quickKeys) ShortHelp() []key.Binding  { return []key.Binding{k.Save, k.Cancel} }
func (k quickKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

type quickScreen struct {
	*Common
	keys          quickKeys
	width, height int
	input         lineInput
	reps          []string
	err           string
	saving        bool
}

type quickRepsMsg struct {
	to   *quickScreen
	reps []string
	err  error
}

type quickSavedMsg struct {
	from *quickScreen
	text string
}

type quickFailedMsg struct {
	from *quickScreen
	err  error
}

func newQuickAdd(c *Common) Screen {
	return &quickScreen{Common: c, keys: quickKeys{
		Save:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", c.T(msgKeySave))),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", c.T(msgKeyCancel))),
	}}
}

func (q *quickScreen) Keys() help.KeyMap { return q.keys }
func (q *quickScreen) SetSize(w, h int)  { q.width, q.height = w, h }
func (q *quickScreen) Capturing() bool   { return true }

// Typing: `?` on the empty line shows the help; after that it is text.
func (q *quickScreen) Typing() bool { return q.input.Value() != "" }

func (q *quickScreen) Init() tea.Cmd {
	st := q.Store
	return func() tea.Msg {
		reps, err := st.RepNames(context.Background())
		return quickRepsMsg{to: q, reps: reps, err: err}
	}
}

func (q *quickScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case quickRepsMsg:
		if msg.to == q {
			q.reps = msg.reps
			if msg.err != nil {
				q.err = q.T(msgLoadErr, failure(q.Lang, msg.err))
			}
		}
	case quickSavedMsg:
		if msg.from == q {
			q.saving = false
			return q, tea.Batch(CloseOverlay, Reload, Flash(msg.text, false))
		}
	case quickFailedMsg:
		if msg.from == q {
			q.saving = false
			q.err = q.describe(msg.err)
		}
	case tea.KeyPressMsg:
		if q.saving {
			return q, nil
		}
		switch msg.String() {
		case "esc":
			return q, CloseOverlay
		case "enter":
			return q, q.save()
		}
		if q.input.Update(msg) {
			q.err = ""
		}
	case tea.PasteMsg:
		q.input.Update(msg)
	}
	return q, nil
}

// describe words a refusal in the cockpit's language, naming the token or
// the field at fault.
func (q *quickScreen) describe(err error) string {
	var qe *model.QuickError
	var fe *model.FieldError
	var ue *store.UnknownRepError
	switch {
	case errors.As(err, &qe) && qe.Token != "":
		return q.T(msgQuickBadToken, qe.Token, refusal(q.Lang, qe.Code, qe.Args, qe.Msg))
	case errors.As(err, &qe):
		return q.T(msgQuickCannot, refusal(q.Lang, qe.Code, qe.Args, qe.Msg))
	case errors.As(err, &ue):
		return q.T(msgEntryUnknownRep, ue.Name, q.repList(ue.Known))
	case errors.As(err, &fe):
		return q.T(msgQuickCannot, fieldLabel(q.Lang, fe.Field)+": "+fieldRefusal(q.Lang, fe))
	}
	return q.T(msgEntrySaveFailed, err.Error())
}

func (q *quickScreen) save() tea.Cmd {
	today := model.Date(q.Now())
	p, err := model.ParseQuickAdd(q.input.Value(), q.reps, today, q.Currency)
	if err != nil {
		q.err = q.describe(err)
		return nil
	}
	q.saving = true
	st, money := q.Store, q.Money()
	return func() tea.Msg {
		text, err := applyQuick(context.Background(), st, money, p)
		if err != nil {
			return quickFailedMsg{from: q, err: err}
		}
		return quickSavedMsg{from: q, text: text}
	}
}

// applyQuick writes a parsed line. won and lost close the newest open deal
// on the account (the rep's own first) or, when there is none, record a
// deal closed that day, by model.CloseDeal's rule (a new deal is created on
// its close day; a close before the open deal's creation is refused).
func applyQuick(ctx context.Context, st *store.Store, money catalog.Money, p model.QuickAdd) (string, error) {
	l := money.Lang
	switch p.Verb {
	case model.QuickActivity:
		a := model.Activity{Kind: p.Kind, Count: p.Count, Date: p.Date, RepName: p.RepName}
		id, err := st.AddActivity(ctx, a)
		if err != nil {
			return "", err
		}
		rememberLast(ctx, st, p.RepName, string(p.Kind))
		return l.T(msgEntryAddedActivity, id, activityKindLabel(l, p.Kind), p.Count, p.RepName, model.FormatDate(p.Date)), nil
	case model.QuickLead:
		id, err := st.AddLead(ctx, model.Lead{Company: p.Account, Contact: p.Contact, RepName: p.RepName, Created: p.Date,
			Status: model.LeadNew})
		if err != nil {
			return "", err
		}
		return l.T(msgQuickAddedLead, id, quickLeadText(p)), nil
	case model.QuickOpp:
		o := model.Opportunity{RepName: p.RepName, Account: p.Account, Created: p.Date, AmountMinor: p.AmountMinor,
			HasAmount: p.HasAmount, Outcome: model.OutcomeOpen, Forecast: p.Forecast, Closed: p.ExpectedClose}
		id, err := st.AddOpportunity(ctx, o)
		if err != nil {
			return "", err
		}
		rememberLast(ctx, st, p.RepName, "")
		return l.T(msgQuickAddedDeal, id, quickDealText(money, o)), nil
	}
	outcome := model.OutcomeWon
	if p.Verb == model.QuickLost {
		outcome = model.OutcomeLost
	}
	o, found, err := st.OpenOpportunityFor(ctx, p.Account, p.RepName)
	if err != nil {
		return "", err
	}
	if !found {
		o = model.Opportunity{RepName: p.RepName, Account: p.Account}
	}
	o, err = model.CloseDeal(o, model.Closing{Outcome: outcome, On: p.Date, AmountMinor: p.AmountMinor, HasAmount: p.HasAmount,
		LostReason: p.LostReason})
	if err != nil {
		return "", err
	}
	if found {
		if err := st.UpdateOpportunity(ctx, o); err != nil {
			return "", err
		}
		return l.T(msgQuickUpdatedDeal, o.ID, quickDealText(money, o)), nil
	}
	id, err := st.AddOpportunity(ctx, o)
	if err != nil {
		return "", err
	}
	return l.T(msgQuickAddedDeal, id, quickDealText(money, o)), nil
}

func (q *quickScreen) View() string {
	lines := []string{
		q.Styles.Title.Render(q.T(msgQuickTitle)),
		"",
		": " + q.input.View(true, q.Styles.Selected, q.width-2),
	}
	if q.err != "" {
		// The refusal lists the words it knows: wrap it, never cut it.
		for _, l := range wrapIndented(q.err, q.width, 0) {
			lines = append(lines, q.Styles.Error.Render(l))
		}
	} else {
		lines = append(lines, "")
	}
	lines = append(lines, "", q.Styles.Muted.Render(q.T(msgQuickExamples)), q.Styles.Muted.Render(q.T(msgQuickKinds)))
	if len(q.reps) > 0 && !q.HideNames {
		lines = append(lines, q.Styles.Muted.Render(q.T(msgQuickReps, strings.Join(q.reps, ", "))))
	}
	return strings.Join(lines, "\n")
}
