package tui

import (
	"context"
	"errors"
	"strconv"
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

// The line stays open after a save for the next one (enter on an empty
// line closes it); up/down recall the session's saved lines; tab completes
// the word being typed: a verb, a rep, or after @ an account.

type quickKeys struct{ Save, Cancel, History, Complete key.Binding }

func (k quickKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Save, k.History, k.Complete, k.Cancel}
}
func (k quickKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

type quickScreen struct {
	*Common
	keys          quickKeys
	width, height int
	input         lineInput
	reps          []string
	accounts      []string
	loaded        bool // the reps and accounts have been read (or failed to)
	err           string
	saved         string // what the last save wrote
	saving        bool
	closing       bool // esc or enter on an empty line: the frame is asked to close the pane
	recall        int  // index into quickLines while recalling; len(quickLines) when typing a new line
}

type quickRepsMsg struct {
	to       *quickScreen
	reps     []string
	accounts []string
	err      error
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
	return &quickScreen{Common: c, recall: len(c.quickLines), keys: quickKeys{
		Save:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", c.T(msgKeySaveQuick))),
		Cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", c.T(msgKeyClose))),
		History:  key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("up/down", c.T(msgKeyQuickHistory))),
		Complete: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", c.T(msgKeyComplete))),
	}}
}

func (q *quickScreen) Keys() help.KeyMap { return q.keys }
func (q *quickScreen) SetSize(w, h int)  { q.width, q.height = w, h }
func (q *quickScreen) Capturing() bool   { return true }

// Loading: a line typed or pasted with the : that opened the pane waits
// in the frame until the reps are read (early_input.go), so it is read
// against them, not refused for an unknown rep; the next line, typed while
// the one before is saved, waits for the pane to be cleared for it; the
// keys typed after the one that closes the pane wait for the tab under it.
func (q *quickScreen) Loading() bool { return !q.loaded || q.saving || q.closing }

// Typing: `?` on the empty line shows the help; after that it is text.
func (q *quickScreen) Typing() bool { return q.input.Value() != "" }

func (q *quickScreen) Init() tea.Cmd {
	st := q.Store
	return func() tea.Msg {
		m := quickRepsMsg{to: q}
		if m.reps, m.err = st.RepNames(context.Background()); m.err == nil {
			m.accounts, m.err = st.AccountNames(context.Background(), 2000)
		}
		return m
	}
}

func (q *quickScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case quickRepsMsg:
		if msg.to == q {
			q.reps, q.accounts, q.loaded = msg.reps, msg.accounts, true
			if msg.err != nil {
				q.err = q.T(msgLoadErr, failure(q.Lang, msg.err))
			}
		}
	case quickSavedMsg:
		if msg.from == q {
			// Stay open for the next line; enter on an empty line closes.
			q.saving, q.saved, q.err = false, msg.text, ""
			q.quickLines = append(q.quickLines, q.input.Value())
			q.input, q.recall = lineInput{}, len(q.quickLines)
			return q, Reload
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
			q.closing = true
			return q, CloseOverlay
		case "enter":
			if strings.TrimSpace(q.input.Value()) == "" {
				q.closing = true
				return q, CloseOverlay
			}
			return q, q.save()
		case "up", "down":
			q.recallLine(map[string]int{"up": -1, "down": 1}[msg.String()])
			return q, nil
		case "tab":
			q.complete()
			return q, nil
		}
		if q.input.Update(msg) {
			q.err, q.saved = "", ""
		}
	case tea.PasteMsg:
		q.input.Update(msg)
	}
	return q, nil
}

// recallLine shows the session's line before (dir -1) or after (dir 1)
// the one shown; after the newest comes an empty line.
func (q *quickScreen) recallLine(dir int) {
	q.recall = min(max(q.recall+dir, 0), len(q.quickLines))
	if q.recall == len(q.quickLines) {
		q.input = lineInput{}
		return
	}
	q.input = newLineInput(q.quickLines[q.recall])
	q.input.Update(tea.KeyPressMsg{Code: tea.KeyEnd}) // recalled to change, not to replace
}

// complete finishes the word before the cursor: the verb when it is the
// first word, an account after @, else a rep; with several candidates it
// fills in what they share and lists them.
func (q *quickScreen) complete() {
	line := q.input.Value()
	start := strings.LastIndexAny(line, " \t") + 1
	word := line[start:]
	var pool []string
	prefix := ""
	switch {
	case strings.HasPrefix(word, "@"):
		pool, prefix, word = q.accounts, "@", word[1:]
	case start == 0:
		pool = model.QuickVerbWords()
	default:
		pool = q.reps
	}
	var hits []string
	for _, c := range pool {
		if strings.HasPrefix(foldSearch(c), foldSearch(word)) {
			hits = append(hits, c)
		}
	}
	if len(hits) == 0 {
		return
	}
	common := hits[0]
	for _, h := range hits[1:] {
		for !strings.HasPrefix(h, common) {
			r := []rune(common)
			common = string(r[:len(r)-1])
		}
	}
	if len(hits) == 1 {
		common += " "
		q.err = ""
	} else {
		q.err = q.T(msgQuickCandidates, strings.Join(hits[:min(len(hits), 12)], ", "))
	}
	if len([]rune(common)) >= len([]rune(word)) {
		q.input = newLineInput(line[:start] + prefix + common)
		q.input.Update(tea.KeyPressMsg{Code: tea.KeyEnd})
	}
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
	return q.T(msgEntrySaveFailed, writeErr(q.Lang, err))
}

func (q *quickScreen) save() tea.Cmd {
	today := model.Date(q.Now())
	p, err := model.ParseQuickAdd(q.input.Value(), q.reps, today, q.Currency)
	var qe *model.QuickError
	if me := q.DefaultRep(); err != nil && me != "" && errors.As(err, &qe) && qe.Code == model.RefuseQuickRepMissing {
		// No rep on the line: the user's own (the config file's me).
		p, err = model.ParseQuickAdd(q.input.Value()+" "+me, q.reps, today, q.Currency)
	}
	if err != nil {
		q.err = q.describe(err)
		return nil
	}
	q.saving = true
	st, money, name := q.Store, q.Money(), q.RepName
	return func() tea.Msg {
		text, err := applyQuick(context.Background(), st, money, name, p)
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
// The confirmation names reps through name (hidden while names are, h).
func applyQuick(ctx context.Context, st *store.Store, money catalog.Money, name func(string) string, p model.QuickAdd) (string, error) {
	l := money.Lang
	dealText := func(o model.Opportunity) string {
		o.RepName = name(o.RepName)
		return quickDealText(money, o)
	}
	switch p.Verb {
	case model.QuickActivity:
		a := model.Activity{Kind: p.Kind, Count: p.Count, Date: p.Date, RepName: p.RepName, Account: p.Account}
		if p.DealRef != "" {
			o, err := quickDeal(ctx, st, p.DealRef)
			if err != nil {
				return "", err
			}
			a.OpportunityID = o.ID
			if a.Account == "" {
				a.Account = o.Account
			}
		}
		id, err := st.AddActivity(ctx, a)
		if err != nil {
			return "", err
		}
		rememberLast(ctx, st, p.RepName, string(p.Kind))
		return l.T(msgEntryAddedActivity, id, activityKindLabel(l, p.Kind), p.Count, name(p.RepName), model.FormatDate(p.Date)), nil
	case model.QuickLead:
		id, err := st.AddLead(ctx, model.Lead{Company: p.Account, Contact: p.Contact, RepName: p.RepName, Created: p.Date,
			Status: model.LeadNew})
		if err != nil {
			return "", err
		}
		shown := p
		shown.RepName = name(p.RepName)
		return l.T(msgQuickAddedLead, id, quickLeadText(shown)), nil
	case model.QuickNPS:
		a := model.NPSAnswer{Score: p.Score, Date: p.Date, Account: p.Account, Comment: p.Comment}
		id, err := st.AddNPSAnswer(ctx, a)
		if err != nil {
			return "", err
		}
		return quickNPSText(l, id, p), nil
	case model.QuickUsage:
		u := model.Usage{Account: p.Account, Date: p.Date, Active: p.Active}
		id, err := st.AddUsage(ctx, u)
		if err != nil {
			return "", err
		}
		return usageText(l, id, u), nil
	case model.QuickOpp:
		o := model.Opportunity{RepName: p.RepName, Account: p.Account, Created: p.Date, AmountMinor: p.AmountMinor,
			HasAmount: p.HasAmount, Outcome: model.OutcomeOpen, Forecast: p.Forecast, Closed: p.ExpectedClose, ExternalID: p.DealRef}
		id, err := st.AddOpportunity(ctx, o)
		if err != nil {
			return "", err
		}
		rememberLast(ctx, st, p.RepName, "")
		return l.T(msgQuickAddedDeal, id, dealText(o)), nil
	}
	outcome := model.OutcomeWon
	if p.Verb == model.QuickLost {
		outcome = model.OutcomeLost
	}
	var o model.Opportunity
	var found bool
	var err error
	if p.DealRef != "" {
		o, err = quickDeal(ctx, st, p.DealRef)
		found = err == nil
	} else {
		o, found, err = st.OpenOpportunityFor(ctx, p.Account, p.RepName)
	}
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
		return l.T(msgQuickUpdatedDeal, o.ID, dealText(o)), nil
	}
	id, err := st.AddOpportunity(ctx, o)
	if err != nil {
		return "", err
	}
	return l.T(msgQuickAddedDeal, id, dealText(o)), nil
}

// quickDeal is the deal a #ref names: its id in the SFA it came from
// (#D-001), else kpit's own number (#42).
func quickDeal(ctx context.Context, st *store.Store, ref string) (model.Opportunity, error) {
	o, ok, err := st.OpportunityByExternalID(ctx, ref)
	if err != nil || ok {
		return o, err
	}
	id, perr := strconv.ParseInt(ref, 10, 64)
	if perr != nil {
		return o, &model.FieldError{Field: "opportunity", Msg: "no deal #" + ref}
	}
	return st.Opportunity(ctx, id)
}

func (q *quickScreen) View() string {
	lines := []string{
		q.Styles.Title.Render(q.T(msgQuickTitle)),
		"",
		": " + q.input.View(true, q.Styles.Selected, q.width-2),
	}
	switch {
	case q.err != "":
		// The refusal lists the words (and reps) it knows: wrap it, never
		// cut it nor break a name in two.
		for _, l := range wrapNames(q.err, q.width, q.reps) {
			lines = append(lines, q.Styles.Error.Render(l))
		}
	case q.saved != "":
		for _, l := range wrapIndented(q.T(msgQuickSavedNext, q.saved), q.width, 0) {
			lines = append(lines, q.Styles.Bold.Render(l))
		}
	default:
		lines = append(lines, "")
	}
	lines = append(lines, "")
	for _, help := range []string{q.T(msgQuickExamples), q.T(msgQuickKinds)} {
		for _, l := range strings.Split(help, "\n") {
			for _, w := range wrapIndented(l, q.width, 0) {
				lines = append(lines, q.Styles.Muted.Render(w))
			}
		}
	}
	if len(q.reps) > 0 && !q.HideNames {
		for _, l := range wrapNames(q.T(msgQuickReps, strings.Join(q.reps, ", ")), q.width, q.reps) {
			lines = append(lines, q.Styles.Muted.Render(l))
		}
	}
	return strings.Join(lines, "\n")
}
