package tui

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// settingsForm edits the input rules (the same settings as `kpit rules`).
// It lives inside the alerts pane (`s` there opens it).
type settingsForm struct {
	*Common
	form   form
	saving bool // enter was pressed; waiting for the store
}

type rulesSavedMsg struct{ from *settingsForm }

type rulesFailedMsg struct {
	from *settingsForm
	err  error
}

func newSettingsForm(c *Common, r model.InputRules) *settingsForm {
	deadlines := []string{"same-day", "next-business-day", "1d", "2d", "3d", "5d", "7d"}
	cur := r.Deadline.String()
	found := false
	for _, d := range deadlines {
		found = found || d == cur
	}
	if !found {
		deadlines = append(deadlines, cur)
	}
	var labels []string
	for _, d := range deadlines {
		pd, _ := model.ParseDeadline(d)
		labels = append(labels, DeadlineWord(c.Lang, pd))
	}
	onOff := "off"
	if r.AlertsOn {
		onOff = "on"
	}
	yearEnd := "off"
	if r.YearEndClosure {
		yearEnd = "on"
	}
	f := form{fields: []formField{
		choiceF("deadline", msgRuleDeadline, deadlines, labels, cur),
		textF("stale_days", msgSetStaleDays, strconv.Itoa(r.StaleDays)),
		textF("future_days", msgSetFutureDays, strconv.Itoa(r.FutureDays)),
		choiceF("alerts", msgRuleAlerts, []string{"on", "off"}, []string{c.T(msgRuleOn), c.T(msgRuleOff)}, onOff),
		textF("require_activity", msgSetReqActivity, requiredText(c.Lang, r.Required[model.RecordActivity])),
		textF("require_opportunity", msgSetReqOpportunity, requiredText(c.Lang, r.Required[model.RecordOpportunity])),
		textF("require_lead", msgSetReqLead, requiredText(c.Lang, r.Required[model.RecordLead])),
		fiscalStartChoice(c.Lang, c.FiscalStart),
		choiceF("year_end", msgRuleYearEnd, []string{"on", "off"}, []string{c.T(msgRuleOn), c.T(msgRuleOff)}, yearEnd),
	}}
	return &settingsForm{Common: c, form: f}
}

// fiscalStartChoice picks the fiscal-year start month, the current one
// selected.
func fiscalStartChoice(l Lang, current time.Month) formField {
	var values, labels []string
	for m := time.January; m <= time.December; m++ {
		values = append(values, strconv.Itoa(int(m)))
		labels = append(labels, monthWord(l, m))
	}
	return choiceF("fiscal_start", msgSetFiscalStart, values, labels, strconv.Itoa(int(current)))
}

// update handles a key; done is true when the form should close (esc).
func (s *settingsForm) update(msg tea.Msg) (cmd tea.Cmd, done bool) {
	switch msg := msg.(type) {
	case rulesFailedMsg:
		if msg.from == s {
			s.saving = false
			s.showError(msg.err)
		}
		return nil, false
	case tea.KeyPressMsg:
		switch msg.String() {
		case "esc":
			return nil, true
		case "enter":
			return s.save(), false
		}
	}
	s.form.update(msg)
	if _, ok := msg.(tea.KeyPressMsg); ok {
		s.form.err = ""
	}
	return nil, false
}

func (s *settingsForm) showError(err error) {
	var fe *model.FieldError
	var ue *store.UnknownRepError
	switch {
	case errors.As(err, &fe):
		label := fe.Field
		if f := s.form.field(fe.Field); f != nil {
			label = s.T(f.label)
			s.form.focusOn(fe.Field)
		}
		s.form.err = label + ": " + fieldRefusal(s.Lang, fe)
	case errors.As(err, &ue):
		s.form.err = s.T(msgEntryUnknownRep, ue.Name, s.repList(ue.Known))
	default:
		s.form.err = s.T(msgEntrySaveFailed, writeErr(s.Lang, err))
	}
}

// save checks every field, then writes all rules in one transaction.
func (s *settingsForm) save() tea.Cmd {
	var u store.RuleUpdate
	d, err := model.ParseDeadline(s.form.get("deadline"))
	if err != nil {
		s.showError(&model.FieldError{Field: "deadline", Msg: catalog.ErrorLine(s.Lang, err)})
		return nil
	}
	u.Deadline = &d
	for _, id := range []string{"stale_days", "future_days"} {
		v := strings.TrimSpace(s.form.get(id))
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > 365 {
			s.showError(&model.FieldError{Field: id, Msg: s.T(msgSetBadDays, v)})
			return nil
		}
		if id == "stale_days" {
			u.StaleDays = &n
		} else {
			u.FutureDays = &n
		}
	}
	on := s.form.get("alerts") == "on"
	u.AlertsOn = &on
	closed := s.form.get("year_end") == "on"
	u.YearEndClosure = &closed
	if m, err := strconv.Atoi(s.form.get("fiscal_start")); err == nil {
		fs := time.Month(m)
		u.FiscalStart = &fs
	}
	u.Required = map[model.RecordKind][]string{}
	for _, k := range []model.RecordKind{model.RecordActivity, model.RecordOpportunity, model.RecordLead} {
		id := "require_" + string(k)
		named, bad, allowed := requiredFields(s.Lang, k, s.form.get(id))
		if bad != "" {
			s.showError(&model.FieldError{Field: id, Msg: s.T(msgSetNotRequirable, bad, allowed)})
			return nil
		}
		_, fields, err := model.ParseRequired(string(k) + "=" + strings.Join(named, ","))
		if err != nil {
			s.showError(&model.FieldError{Field: id, Msg: catalog.ErrorLine(s.Lang, err)})
			return nil
		}
		u.Required[k] = fields
	}
	st := s.Store
	s.saving = true
	return func() tea.Msg {
		if err := st.UpdateRules(context.Background(), u); err != nil {
			return rulesFailedMsg{from: s, err: err}
		}
		return rulesSavedMsg{from: s}
	}
}

func (s *settingsForm) lines() []string {
	out := []string{s.Styles.Title.Render(s.T(msgSetTitle)), ""}
	out = append(out, s.form.lines(s.Common, s.Width-4)...)
	fields := model.RequirableFields()
	out = append(out, "", s.Styles.Muted.Render(s.T(msgSetFieldsHint,
		requiredText(s.Lang, fields[model.RecordActivity]), requiredText(s.Lang, fields[model.RecordOpportunity]),
		requiredText(s.Lang, fields[model.RecordLead]))),
		s.Styles.Muted.Render(s.T(msgRuleHolidays)), s.Styles.Muted.Render(s.T(msgSetKeys)))
	return out
}
