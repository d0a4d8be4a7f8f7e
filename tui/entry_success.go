package tui

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// The entry form's customer-success records (docs/success.md): an answer
// to the NPS question, a usage check of a customer, a customer's inquiry
// and an e-mail campaign's figures, as `kpit add` takes them. None has a
// rep: a usage check is its customer's, and the store refuses one of a
// customer not the user's. The customer is picked from the customers
// (typing narrows them, as the rep picker does), or typed whole.

// Entry modes of the customer-success records.
const (
	modeNPS      = "nps"
	modeUsage    = "usage"
	modeInquiry  = "inquiry"
	modeCampaign = "campaign"
)

// momentLayout is how the form shows a moment: in the cockpit's clock's
// zone to the minute, which model.ParseMoment reads back in that zone.
const momentLayout = "2006-01-02 15:04"

// successFields are the fields of a customer-success record, the day and
// the moment defaulting to today and now.
func (e *entryScreen) successFields(mode string) []formField {
	switch mode {
	case modeUsage:
		return []formField{e.customerChoice(false), textF("date", msgFieldDate, e.today()), activeChoice(e.Lang, "yes")}
	case modeInquiry:
		return []formField{e.customerChoice(true), textF("opened", msgFieldOpened, e.Now().Format(momentLayout)),
			textF("answered", msgFieldAnswered, "")}
	case modeCampaign:
		return []formField{textF("name", msgFieldCampaignName, ""), textF("date", msgFieldDate, e.today()), textF("sent", msgFieldSent, ""),
			textF("opened", msgFieldOpens, "")}
	}
	return []formField{textF("score", msgFieldScore, ""), e.customerChoice(true), textF("date", msgFieldDate, e.today()),
		textF("comment", msgFieldComment, "")}
}

// customerChoice picks a customer as repChoice picks a rep, typing
// narrowing the names; a name the list does not hold can be typed whole
// (the store refuses a usage check of an unknown customer, naming the
// known ones). A usage check offers the customers the user may record
// (a rep of a team: their own, model.User.MayRecord); an NPS answer and an
// inquiry (optional) may name none.
func (e *entryScreen) customerChoice(optional bool) formField {
	var names []string
	if optional {
		names = append(names, "")
	}
	for _, c := range e.customers {
		if optional || e.Store.User().MayRecord(c.RepID, c.RepName) == nil {
			names = append(names, c.Name)
		}
	}
	labels := slices.Clone(names)
	if optional {
		labels[0] = e.T(msgEntryNoRep)
	}
	f := typedChoiceFreeF("customer", msgFieldCustomer, names, labels, "")
	f.empty = msgEntryNoCustomers
	return f
}

// moment reads a time field (model.ParseMoment: a local time, a day, now).
func (e *entryScreen) moment(id string) (time.Time, error) {
	v := strings.TrimSpace(e.form.get(id))
	t, err := model.ParseMoment(v, e.Now())
	if err != nil {
		return t, e.parseErr(id, msgEntryBadMoment, v)
	}
	return t, nil
}

func (e *entryScreen) prepareNPS() (writeFn, error) {
	v := strings.TrimSpace(e.form.get("score"))
	if v == "" {
		return nil, model.Refuse("score", model.RefuseRequired)
	}
	n, err := model.ParseWhole(v)
	if err != nil {
		return nil, e.parseErr("score", msgEntryBadScore, v)
	}
	day, err := e.day("date")
	if err != nil {
		return nil, err
	}
	a := model.NPSAnswer{Score: n, Date: day, Account: strings.TrimSpace(e.form.get("customer")),
		Comment: strings.TrimSpace(e.form.get("comment"))}
	if err := model.CheckNPSAnswer(a); err != nil {
		return nil, err
	}
	return func(ctx context.Context, st *store.Store) (string, error) {
		id, err := st.AddNPSAnswer(ctx, a)
		if err != nil {
			return "", err
		}
		return e.T(msgEntryAddedNPS, id, a.Score, orNone(e.Lang, a.Account), model.FormatDate(a.Date)), nil
	}, nil
}

// activeChoice is a usage check's answer, in catalog.UsageActive's words.
func activeChoice(l Lang, selected string) formField {
	return choiceF("active", msgFieldActive, []string{"yes", "no"}, []string{l.T(catalog.UsageActive), l.T(catalog.UsageInactive)}, selected)
}

func (e *entryScreen) prepareUsage() (writeFn, error) {
	day, err := e.day("date")
	if err != nil {
		return nil, err
	}
	u := model.Usage{Account: strings.TrimSpace(e.form.get("customer")), Date: day, Active: e.form.get("active") == "yes"}
	if err := model.CheckUsage(u); err != nil {
		return nil, err
	}
	return func(ctx context.Context, st *store.Store) (string, error) {
		id, err := st.AddUsage(ctx, u)
		if err != nil {
			return "", err
		}
		return usageText(e.Lang, id, u), nil
	}, nil
}

// usageText says back a usage check the form or a quick-add line recorded,
// in the words of `kpit add usage`.
func usageText(l Lang, id int64, u model.Usage) string {
	return l.T(catalog.AddedUsage, id, u.Account, usageWord(l, u.Active), model.FormatDate(u.Date))
}

// usageWord is a usage check's answer: 利用あり or 利用なし.
func usageWord(l Lang, active bool) string {
	if active {
		return l.T(catalog.UsageActive)
	}
	return l.T(catalog.UsageInactive)
}

func (e *entryScreen) prepareInquiry() (writeFn, error) {
	q := model.Inquiry{Account: strings.TrimSpace(e.form.get("customer"))}
	if strings.TrimSpace(e.form.get("opened")) == "" {
		return nil, model.Refuse("opened", model.RefuseRequired)
	}
	var err error
	if q.Opened, err = e.moment("opened"); err != nil {
		return nil, err
	}
	if strings.TrimSpace(e.form.get("answered")) != "" {
		if q.Answered, err = e.moment("answered"); err != nil {
			return nil, err
		}
	}
	if err := model.CheckInquiry(q); err != nil {
		return nil, err
	}
	return func(ctx context.Context, st *store.Store) (string, error) {
		id, err := st.AddInquiry(ctx, q)
		if err != nil {
			return "", err
		}
		answer := e.T(catalog.InquiryWaiting)
		if !q.Answered.IsZero() {
			answer = e.T(catalog.InquiryAnswered, q.Answered.In(e.Now().Location()).Format(momentLayout))
		}
		return e.T(msgEntryAddedInquiry, id, orNone(e.Lang, q.Account), q.Opened.In(e.Now().Location()).Format(momentLayout), answer), nil
	}, nil
}

func (e *entryScreen) prepareCampaign() (writeFn, error) {
	c := model.Campaign{Name: strings.TrimSpace(e.form.get("name"))}
	if c.Name == "" {
		return nil, model.Refuse("name", model.RefuseRequired)
	}
	for _, f := range []struct {
		id string
		to *int
	}{{"sent", &c.Sent}, {"opened", &c.Opened}} {
		v := strings.TrimSpace(e.form.get(f.id))
		if v == "" {
			return nil, model.Refuse(f.id, model.RefuseRequired)
		}
		n, err := model.ParseWhole(v)
		if err != nil {
			return nil, model.Refuse(f.id, model.RefuseNotWhole, v)
		}
		*f.to = n
	}
	var err error
	if c.Date, err = e.day("date"); err != nil {
		return nil, err
	}
	if err := model.CheckCampaign(c); err != nil {
		return nil, err
	}
	return func(ctx context.Context, st *store.Store) (string, error) {
		id, err := st.AddCampaign(ctx, c)
		if err != nil {
			return "", err
		}
		return e.T(catalog.AddedCampaign, id, c.Name, model.FormatDate(c.Date), c.Sent, c.Opened), nil
	}, nil
}

// orNone is a name, or the form's word for none.
func orNone(l Lang, s string) string {
	if s == "" {
		return l.T(msgEntryNoRep)
	}
	return s
}

// quickNPSText says back an NPS answer a quick-add line recorded.
func quickNPSText(l Lang, id int64, p model.QuickAdd) string {
	s := l.T(msgEntryAddedNPS, id, p.Score, orNone(l, p.Account), model.FormatDate(p.Date))
	if p.Comment != "" {
		s += " " + l.T(msgQuickComment, p.Comment)
	}
	return s
}
