package tui

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// The entry form (`a` from any screen): an activity, a new opportunity, a
// change to an open opportunity (stage, won with amount, lost with reason)
// or a lead. The defaults make the usual entry two keys, `a` then enter:
// an activity of the last kind, by the last rep, count 1, today. The same
// form edits a record from the recent-records list.

// Settings that remember the last entry, for the defaults.
const (
	settingLastRep  = "entry.last_rep"
	settingLastKind = "entry.last_kind"
)

// Entry modes: the first field of a new entry.
const (
	modeActivity = "activity"
	modeOpp      = "opportunity"
	modeClose    = "close" // stage change, won or lost on an open deal
	modeLead     = "lead"
)

type entryKeys struct {
	Save, Cancel, Move, Choose key.Binding
}

func newEntryKeys(l Lang) entryKeys {
	return entryKeys{
		Save:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", l.T(msgKeySave))),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", l.T(msgKeyCancel))),
		Move:   key.NewBinding(key.WithKeys("up", "down", "tab"), key.WithHelp("up/down", l.T(msgKeyField))),
		Choose: key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("left/right", l.T(msgKeyChoose))),
	}
}

func (k entryKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Save, k.Move, k.Choose, k.Cancel}
}
func (k entryKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// entryScreen is the form. Embedded in the records tab for edits, it
// reports back with entrySavedMsg / entryCancelledMsg instead of closing
// the overlay.
type entryScreen struct {
	*Common
	keys          entryKeys
	width, height int
	embedded      bool
	edit          *model.Record // the record being edited; nil for a new entry
	form          form
	reps          []string
	customers     []model.Customer // the live customers by name, for the customer pickers
	deals         *dealPicker      // every open deal, for the update mode; nil while loading
	dealsErr      error
	lastRep       string
	lastKind      string
	loaded        bool
	loadErr       error
	saving        bool
	closing       bool // saved or dropped: the frame is asked to close the overlay
	// pristine is the form's values as built (by field id); a form that
	// differs asks before esc or q drops it (dropping: the question is up).
	pristine map[string]string
	dropping bool
}

type entryLoadedMsg struct {
	to        *entryScreen
	reps      []string
	customers []model.Customer
	lastRep   string
	lastKind  string
	err       error
}

// entryDealsMsg brings the open deals, loaded apart so that the form (an
// activity, usually) is ready before a large pipeline is read.
type entryDealsMsg struct {
	to    *entryScreen
	deals *dealPicker
	err   error
}

type entrySavedMsg struct {
	from *entryScreen
	text string
}

type entryFailedMsg struct {
	from *entryScreen
	err  error
}

type entryCancelledMsg struct{ from *entryScreen }

func newEntry(c *Common) Screen { return &entryScreen{Common: c, keys: newEntryKeys(c.Lang)} }

// newEditor is the form for changing an existing record.
func newEditor(c *Common, r model.Record) *entryScreen {
	return &entryScreen{Common: c, keys: newEntryKeys(c.Lang), embedded: true, edit: &r}
}

// Keys are the form's, or the answers while it asks before dropping what
// was typed.
func (e *entryScreen) Keys() help.KeyMap {
	if e.dropping {
		return keyMap{short: []key.Binding{
			key.NewBinding(key.WithKeys("y"), key.WithHelp("y", e.T(msgKeyDrop))),
			key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n", e.T(msgKeyBackToForm)))}}
	}
	return e.keys
}
func (e *entryScreen) SetSize(w, h int) { e.width, e.height = w, h }
func (e *entryScreen) Capturing() bool  { return true }
func (e *entryScreen) Typing() bool     { return e.dropping || e.form.typing() }

// Loading: the keys typed before the form has read the reps wait in the
// frame (early_input.go), so a and enter at once save the usual entry; so
// do those typed into the closing of a deal before the open deals are
// read (its picker is nil until then), which would narrow or step nothing,
// and those typed while the entry is saved and the form closes: they are
// for the form again if the save fails, else for the tab under it.
func (e *entryScreen) Loading() bool {
	return !e.loaded || e.saving || e.closing ||
		e.loadErr == nil && e.mode() == modeClose && e.deals == nil && e.dealsErr == nil
}

func (e *entryScreen) Init() tea.Cmd {
	st := e.Store
	load := func() tea.Msg {
		ctx := context.Background()
		m := entryLoadedMsg{to: e}
		if m.reps, m.err = st.RepNames(ctx); m.err != nil {
			return m
		}
		m.lastRep, _, m.err = st.Setting(ctx, settingLastRep)
		if m.err == nil {
			m.lastKind, _, m.err = st.Setting(ctx, settingLastKind)
		}
		if m.err == nil && e.edit == nil {
			m.customers, m.err = st.CustomerNames(ctx)
		}
		return m
	}
	if e.edit != nil {
		return load
	}
	loadDeals := func() tea.Msg {
		deals, err := st.OpenDeals(context.Background())
		return entryDealsMsg{to: e, deals: newDealPicker(deals), err: err}
	}
	return tea.Batch(load, loadDeals)
}

func (e *entryScreen) today() string { return model.FormatDate(model.Date(e.Now())) }

// defaultRep is the last rep used when still known, else the user's own
// rep (the config file's me) when known, else the first rep.
func (e *entryScreen) defaultRep() string {
	for _, want := range []string{e.lastRep, e.DefaultRep()} {
		for _, r := range e.reps {
			if want != "" && r == want {
				return r
			}
		}
	}
	if len(e.reps) > 0 {
		return e.reps[0]
	}
	return ""
}

func (e *entryScreen) repChoice(selected string, optional bool) formField {
	values := append([]string{}, e.reps...)
	labels := append([]string{}, e.reps...)
	// A record of a rep who has left keeps its rep when edited.
	if selected != "" && !slices.Contains(values, selected) {
		values, labels = append(values, selected), append(labels, selected)
	}
	if optional {
		values = append([]string{""}, values...)
		labels = append([]string{e.T(msgEntryNoRep)}, labels...)
	}
	return typedChoiceF("rep", msgFieldRep, values, labels, selected)
}

func (e *entryScreen) kindChoice(selected string) formField {
	var values, labels []string
	for _, k := range model.ActivityKinds() {
		values = append(values, string(k))
		labels = append(labels, activityKindLabel(e.Lang, k))
	}
	return choiceF("kind", msgFieldKind, values, labels, selected)
}

func (e *entryScreen) modeChoice(selected string) formField {
	return choiceF("mode", msgFieldRecord, entryModes,
		[]string{e.T(msgModeActivity), e.T(msgModeOpp), e.T(msgModeClose), e.T(msgModeLead), e.T(msgModeNPS), e.T(msgModeUsage), e.T(msgModeInquiry),
			e.T(msgModeCampaign)}, selected)
}

func outcomeChoice(l Lang, selected string) formField {
	return choiceF("outcome", msgFieldOutcome, []string{"open", "won", "lost"},
		[]string{l.T(msgOutcomeOpen), l.T(msgOutcomeWon), l.T(msgOutcomeLost)}, selected)
}

// forecastChoice picks a deal's forecast category (docs/forecast.md),
// unrated first.
func forecastChoice(l Lang, selected model.ForecastCategory) formField {
	values := []string{string(model.ForecastUnrated)}
	for _, c := range model.ForecastCategories() {
		values = append(values, string(c))
	}
	labels := make([]string, len(values))
	for i, v := range values {
		labels[i] = catalog.ForecastName(l, model.ForecastCategory(v))
	}
	return choiceF("forecast", msgFieldForecast, values, labels, string(selected))
}

var leadStatuses = []string{"new", "mql", "sql", "converted", "disqualified"}

func statusChoice(l Lang, selected string) formField {
	labels := make([]string, len(leadStatuses))
	for i, v := range leadStatuses {
		labels[i] = leadStatusLabel(l, v)
	}
	return choiceF("status", msgFieldStatus, leadStatuses, labels, selected)
}

// leadStatusLabel names a lead's status in the cockpit's language (MQL and
// SQL are the words Japanese teams use too).
func leadStatusLabel(l Lang, status string) string {
	switch status {
	case "new":
		return l.T(msgLeadNew)
	case "mql", "sql":
		return strings.ToUpper(status)
	case "converted":
		return l.T(msgLeadConverted)
	case "disqualified":
		return l.T(msgLeadDisqualified)
	}
	return status
}

func yenText(y model.Minor, ok bool) string {
	if !ok {
		return ""
	}
	return strconv.FormatInt(int64(y), 10)
}

// build lays out the fields of a mode, keeping rep and date values typed so
// far when the mode changes. The label column is as wide as the widest
// label of every mode, so cycling the modes does not shift the form.
func (e *entryScreen) build(mode string) {
	rep, day := e.defaultRep(), e.today()
	if f := e.form.field("rep"); f != nil && f.value() != "" {
		rep = f.value()
	}
	labelW := 0
	for _, m := range entryModes {
		for _, fl := range e.modeFields(m, rep, day) {
			labelW = max(labelW, displayWidth(e.T(fl.label)))
		}
	}
	e.form = form{fields: e.modeFields(mode, rep, day), labelW: labelW}
	e.pristine = e.form.values()
	if mode == modeClose {
		e.fillFromDeal()
	}
}

// entryModes are the modes of a new entry, in the order the first field
// cycles through them.
var entryModes = []string{modeActivity, modeOpp, modeClose, modeLead, modeNPS, modeUsage, modeInquiry, modeCampaign}

// modeFields are the fields of a new entry in mode, the mode choice first.
func (e *entryScreen) modeFields(mode, rep, day string) []formField {
	kind := e.lastKind
	if !model.ActivityKind(kind).Valid() {
		kind = string(model.KindVisit)
	}
	var fs []formField
	switch mode {
	case modeOpp:
		fs = []formField{e.repChoice(rep, false), textF("account", msgFieldAccount, ""), textF("amount", msgFieldAmount, ""),
			textF("stage", msgFieldStage, ""), textF("created", msgFieldCreated, day), textF("closed", msgFieldExpectedClose, ""),
			forecastChoice(e.Lang, model.ForecastUnrated)}
	case modeClose:
		fs = []formField{pickerF("deal", msgFieldDeal, e.deals), outcomeChoice(e.Lang, "won"), textF("amount", msgFieldAmount, ""), textF("stage", msgFieldStage, ""),
			textF("lost_reason", msgFieldLostReason, ""), textF("closed", msgFieldClosed, day)}
	case modeLead:
		fs = []formField{textF("company", msgFieldCompany, ""), textF("contact", msgFieldContact, ""), textF("source", msgFieldSource, ""),
			e.repChoice("", true), textF("created", msgFieldCreated, day), statusChoice(e.Lang, "new")}
	case modeNPS, modeUsage, modeInquiry, modeCampaign:
		fs = e.successFields(mode)
	default:
		fs = []formField{e.kindChoice(kind), e.repChoice(rep, false), textF("count", msgFieldCount, "1"),
			textF("connected", msgFieldConnected, "0"),
			textF("date", msgFieldDate, day), textF("account", msgFieldAccount, ""), textF("note", msgFieldNote, "")}
	}
	return append([]formField{e.modeChoice(mode)}, fs...)
}

// fillFromDeal copies the chosen open deal's amount and stage into the form.
func (e *entryScreen) fillFromDeal() {
	d, _ := e.deals.selected()
	e.form.field("amount").input.SetValue(yenText(d.AmountMinor, d.HasAmount))
	e.form.field("stage").input.SetValue(d.Stage)
	// The deal's own values are not the user's to lose.
	e.pristine["amount"], e.pristine["stage"] = e.form.get("amount"), e.form.get("stage")
}

// buildEdit lays out the fields of the record being edited.
func (e *entryScreen) buildEdit() {
	r := *e.edit
	var fs []formField
	switch r.Kind {
	case model.RecordActivity:
		a := r.Activity
		fs = []formField{e.kindChoice(string(a.Kind)), e.repChoice(a.RepName, false), textF("count", msgFieldCount, strconv.Itoa(a.Count)),
			textF("connected", msgFieldConnected, strconv.Itoa(a.Connected)),
			textF("date", msgFieldDate, model.FormatDate(a.Date)), textF("account", msgFieldAccount, a.Account), textF("note", msgFieldNote, a.Note)}
	case model.RecordOpportunity:
		o := r.Opportunity
		fs = []formField{e.repChoice(o.RepName, false), textF("account", msgFieldAccount, o.Account),
			textF("amount", msgFieldAmount, yenText(o.AmountMinor, o.HasAmount)), textF("stage", msgFieldStage, o.Stage),
			textF("created", msgFieldCreated, model.FormatDate(o.Created)), textF("closed", msgFieldClosed, model.FormatDate(o.Closed)),
			outcomeChoice(e.Lang, string(o.Outcome)), textF("lost_reason", msgFieldLostReason, o.LostReason),
			forecastChoice(e.Lang, o.Forecast)}
	case model.RecordLead:
		l := r.Lead
		fs = []formField{textF("company", msgFieldCompany, l.Company), textF("contact", msgFieldContact, l.Contact),
			textF("source", msgFieldSource, l.Source), e.repChoice(l.RepName, true), textF("created", msgFieldCreated, model.FormatDate(l.Created)),
			statusChoice(e.Lang, string(l.Status))}
	}
	e.form = form{fields: fs}
	e.pristine = e.form.values()
}

// changed reports whether the user has typed a value into the form since
// it was built. A choice stepped with left/right is not counted: choosing
// it again is one key, retyping a value is not.
func (e *entryScreen) changed() bool {
	for _, fl := range e.form.fields {
		if fl.kind == textField && fl.value() != e.pristine[fl.id] {
			return true
		}
	}
	return false
}

func (e *entryScreen) mode() string {
	if e.edit != nil {
		return string(e.edit.Kind)
	}
	return e.form.get("mode")
}

func (e *entryScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case entryLoadedMsg:
		if msg.to != e {
			return e, nil
		}
		e.loaded, e.loadErr = true, msg.err
		e.reps, e.lastRep, e.lastKind, e.customers = msg.reps, msg.lastRep, msg.lastKind, msg.customers
		if e.edit != nil {
			e.buildEdit()
		} else {
			e.build(modeActivity)
			e.form.focus = 1
		}
		return e, nil
	case entryDealsMsg:
		if msg.to != e {
			return e, nil
		}
		e.deals, e.dealsErr = msg.deals, msg.err
		if f := e.form.field("deal"); f != nil {
			f.picker = e.deals
			e.fillFromDeal()
		}
		return e, nil
	case entrySavedMsg:
		if msg.from != e {
			return e, nil
		}
		e.saving = false
		if e.embedded {
			return e, nil
		}
		e.closing = true
		return e, CloseOverlayThen(Reload, Flash(msg.text, false))
	case entryFailedMsg:
		if msg.from != e {
			return e, nil
		}
		e.saving = false
		e.showError(msg.err)
		return e, nil
	case tea.KeyPressMsg:
		if !e.loaded || e.loadErr != nil || e.saving {
			if msg.String() == "esc" {
				return e, e.cancel()
			}
			return e, nil
		}
		if e.dropping {
			switch msg.String() {
			case "y":
				e.dropping = false
				return e, e.cancel()
			case "n", "esc":
				e.dropping = false
			}
			return e, nil
		}
		switch {
		case msg.String() == "esc" || (!e.form.typing() && key.Matches(msg, e.Common.Keys.Quit)):
			// q closes the form like any pane, unless a field takes it
			// as a letter; either asks first when something would be lost.
			if e.changed() {
				e.dropping = true
				return e, nil
			}
			return e, e.cancel()
		case msg.String() == "enter":
			return e, e.save()
		}
		focused := e.form.fields[e.form.focus].id
		if e.form.update(msg) {
			switch focused {
			case "mode":
				e.build(e.form.get("mode"))
			case "deal":
				e.fillFromDeal()
			}
		}
		e.form.err = ""
		return e, nil
	case tea.PasteMsg:
		if e.loaded && e.loadErr == nil && !e.saving {
			e.form.update(msg)
		}
	}
	return e, nil
}

func (e *entryScreen) cancel() tea.Cmd {
	if e.embedded {
		return func() tea.Msg { return entryCancelledMsg{from: e} }
	}
	e.closing = true
	return CloseOverlay
}

// showError puts a refusal under the form, naming the field by its label,
// and moves the cursor there. What was typed stays.
func (e *entryScreen) showError(err error) {
	var fe *model.FieldError
	var ue *store.UnknownRepError
	switch {
	case errors.As(err, &ue):
		e.form.err = e.T(msgFieldRep) + ": " + e.T(msgEntryUnknownRep, ue.Name, e.repList(ue.Known))
		e.form.focusOn("rep")
	case errors.As(err, &fe):
		label := fe.Field
		if f := e.form.field(fe.Field); f != nil {
			label = e.T(f.label)
			e.form.focusOn(fe.Field)
		} else if fe.Field == "date" || fe.Field == "created" {
			e.form.focusOn("date")
		}
		e.form.err = label + ": " + fieldRefusal(e.Lang, fe)
	default:
		e.form.err = e.T(msgEntrySaveFailed, failure(e.Lang, err))
	}
}

// parseErr is a refusal of one field's text, before anything is written.
func (e *entryScreen) parseErr(id string, msg Text, value string) error {
	return &model.FieldError{Field: id, Msg: e.T(msg, value)}
}

func (e *entryScreen) day(id string) (time.Time, error) {
	v := strings.TrimSpace(e.form.get(id))
	d, err := model.ParseDay(v, model.Date(e.Now()))
	if err != nil {
		return d, e.parseErr(id, msgEntryBadDate, v)
	}
	return d, nil
}

func (e *entryScreen) optionalDay(id string) (time.Time, error) {
	if strings.TrimSpace(e.form.get(id)) == "" {
		return time.Time{}, nil
	}
	return e.day(id)
}

func (e *entryScreen) amount() (model.Minor, bool, error) {
	v := strings.TrimSpace(e.form.get("amount"))
	if v == "" {
		return 0, false, nil
	}
	y, err := model.ParseMoney(v, e.Currency)
	if (err != nil || y < 0) && e.Currency.Code != model.JPY.Code {
		// Another currency's examples: its decimals, its symbol.
		return 0, false, &model.FieldError{Field: "amount",
			Msg: e.T(msgEntryBadAmountIn, v, e.Currency.Code, e.Currency.Decimals, e.Currency.Symbol)}
	}
	if err != nil || y < 0 {
		return 0, false, e.parseErr("amount", msgEntryBadAmount, v)
	}
	return y, true, nil
}

// save checks the fields and writes in a command; a refusal stays on the
// form with everything typed.
func (e *entryScreen) save() tea.Cmd {
	write, err := e.prepare()
	if err != nil {
		e.showError(err)
		return nil
	}
	e.saving = true
	st := e.Store
	return func() tea.Msg {
		text, err := write(context.Background(), st)
		if err != nil {
			return entryFailedMsg{from: e, err: err}
		}
		return entrySavedMsg{from: e, text: text}
	}
}

type writeFn func(ctx context.Context, st *store.Store) (string, error)

// prepare reads the form into a record and returns the write to run.
func (e *entryScreen) prepare() (writeFn, error) {
	switch e.mode() {
	case modeActivity:
		return e.prepareActivity()
	case modeOpp:
		return e.prepareOpportunity()
	case modeClose:
		return e.prepareClose()
	case modeNPS:
		return e.prepareNPS()
	case modeUsage:
		return e.prepareUsage()
	case modeInquiry:
		return e.prepareInquiry()
	case modeCampaign:
		return e.prepareCampaign()
	default:
		return e.prepareLead()
	}
}

func (e *entryScreen) prepareActivity() (writeFn, error) {
	n, err := model.ParseWhole(e.form.get("count"))
	if err != nil {
		return nil, e.parseErr("count", msgEntryBadCount, e.form.get("count"))
	}
	connected := 0
	if v := e.form.get("connected"); !model.Blank(v) {
		if connected, err = model.ParseWhole(v); err != nil {
			return nil, e.parseErr("connected", msgEntryBadConnected, v)
		}
	}
	day, err := e.day("date")
	if err != nil {
		return nil, err
	}
	var a model.Activity
	if e.edit != nil {
		// An edit changes the form's fields only: the deal, the lead it
		// works and the moment it happened stay as stored. The rep is the
		// form's by name (the store resolves a name only without an id).
		a = e.edit.Activity
		a.RepID = 0
	}
	a.Kind, a.RepName, a.Count, a.Connected, a.Date = model.ActivityKind(e.form.get("kind")), e.form.get("rep"), n, connected, day
	a.Account, a.Note = strings.TrimSpace(e.form.get("account")), strings.TrimSpace(e.form.get("note"))
	if e.edit != nil {
		return func(ctx context.Context, st *store.Store) (string, error) {
			return e.T(msgEntryUpdated, e.T(msgKindActivity), a.ID), st.UpdateActivity(ctx, a)
		}, nil
	}
	return func(ctx context.Context, st *store.Store) (string, error) {
		id, err := st.AddActivity(ctx, a)
		if err != nil {
			return "", err
		}
		rememberLast(ctx, st, a.RepName, string(a.Kind))
		return e.T(msgEntryAddedActivity, id, activityKindLabel(e.Lang, a.Kind), a.Count, e.RepName(a.RepName), model.FormatDate(a.Date)), nil
	}, nil
}

// rememberLast keeps the rep and kind for the next entry's defaults; a
// failure only loses the default.
func rememberLast(ctx context.Context, st *store.Store, rep, kind string) {
	if rep != "" {
		st.SetSetting(ctx, settingLastRep, rep)
	}
	if kind != "" {
		st.SetSetting(ctx, settingLastKind, kind)
	}
}

func (e *entryScreen) prepareOpportunity() (writeFn, error) {
	amt, hasAmt, err := e.amount()
	if err != nil {
		return nil, err
	}
	created, err := e.optionalDay("created")
	if err != nil {
		return nil, err
	}
	closed, err := e.optionalDay("closed")
	if err != nil {
		return nil, err
	}
	o := model.Opportunity{RepName: e.form.get("rep"), Account: strings.TrimSpace(e.form.get("account")),
		Stage: strings.TrimSpace(e.form.get("stage")), Created: created, Closed: closed, AmountMinor: amt, HasAmount: hasAmt,
		Outcome: model.OutcomeOpen, LostReason: strings.TrimSpace(e.form.get("lost_reason")),
		Forecast: model.ForecastCategory(e.form.get("forecast"))}
	if e.edit != nil {
		old := e.edit.Opportunity
		o.ID, o.ExternalID, o.Product = old.ID, old.ExternalID, old.Product
		c := model.Closing{Outcome: model.Outcome(e.form.get("outcome")), On: closed}
		if o.Stage != strings.TrimSpace(old.Stage) {
			c.Stage = o.Stage // typed: kept
		} else {
			o.Stage = old.Stage
		}
		if o, err = model.CloseDeal(o, c); err != nil {
			return nil, err
		}
		return func(ctx context.Context, st *store.Store) (string, error) {
			return e.T(msgEntryUpdated, e.T(msgKindOpportunity), o.ID), st.UpdateOpportunity(ctx, o)
		}, nil
	}
	if o.Created.IsZero() {
		o.Created = model.DefaultCreated(o, model.Date(e.Now()))
	}
	return func(ctx context.Context, st *store.Store) (string, error) {
		id, err := st.AddOpportunity(ctx, o)
		if err != nil {
			return "", err
		}
		rememberLast(ctx, st, o.RepName, "")
		return e.T(msgEntryAddedOpp, id, o.Account, e.RepName(o.RepName)), nil
	}, nil
}

// prepareClose closes (or moves on) the open deal picked: model.CloseDeal
// on the deal as stored, with the form's amount, lost reason and close day;
// a stage the user changed is kept, an untouched one follows the rule.
func (e *entryScreen) prepareClose() (writeFn, error) {
	picked, ok := e.deals.selected()
	if !ok {
		return nil, &model.FieldError{Field: "deal", Msg: e.T(msgEntryNoOpenDeal)}
	}
	amt, hasAmt, err := e.amount()
	if err != nil {
		return nil, err
	}
	closed, err := e.day("closed")
	if err != nil {
		return nil, err
	}
	c := model.Closing{Outcome: model.Outcome(e.form.get("outcome")), On: closed}
	if typed := strings.TrimSpace(e.form.get("stage")); typed != strings.TrimSpace(picked.Stage) {
		c.Stage = typed
	}
	lostReason := strings.TrimSpace(e.form.get("lost_reason"))
	return func(ctx context.Context, st *store.Store) (string, error) {
		o, err := st.Opportunity(ctx, picked.ID)
		if err != nil {
			return "", err
		}
		o.AmountMinor, o.HasAmount, o.LostReason = amt, hasAmt, lostReason
		if o, err = model.CloseDeal(o, c); err != nil {
			return "", err
		}
		if err := st.UpdateOpportunity(ctx, o); err != nil {
			return "", err
		}
		return e.T(msgEntryUpdated, e.T(msgKindOpportunity), o.ID), nil
	}, nil
}

func (e *entryScreen) prepareLead() (writeFn, error) {
	created, err := e.day("created")
	if err != nil {
		return nil, err
	}
	l := model.Lead{Company: strings.TrimSpace(e.form.get("company")), Contact: strings.TrimSpace(e.form.get("contact")),
		Source: strings.TrimSpace(e.form.get("source")), RepName: e.form.get("rep"), Created: created,
		Status: model.LeadStatus(e.form.get("status"))}
	if e.edit != nil {
		old := e.edit.Lead
		l.ID, l.ExternalID, l.MQLOn, l.SQLOn = old.ID, old.ExternalID, old.MQLOn, old.SQLOn
		return func(ctx context.Context, st *store.Store) (string, error) {
			return e.T(msgEntryUpdated, e.T(msgKindLead), l.ID), st.UpdateLead(ctx, l)
		}, nil
	}
	return func(ctx context.Context, st *store.Store) (string, error) {
		id, err := st.AddLead(ctx, l)
		if err != nil {
			return "", err
		}
		return e.T(msgEntryAddedLead, id, strings.TrimSpace(l.Company+" "+l.Contact)), nil
	}, nil
}

func (e *entryScreen) View() string {
	title := e.T(msgEntryTitle)
	if e.edit != nil {
		title = e.T(msgEntryEditTitle, recordKindWord(e.Lang, e.edit.Kind), e.edit.ID())
	}
	lines := []string{e.Styles.Title.Render(title), ""}
	switch {
	case !e.loaded:
		lines = append(lines, e.T(msgLoading))
	case e.loadErr != nil:
		lines = append(lines, e.Styles.Error.Render(e.T(msgLoadErr, failure(e.Lang, e.loadErr))))
	case len(e.reps) == 0:
		lines = append(lines, e.T(msgEntryNoReps))
	default:
		lines = append(lines, e.form.lines(e.Common, e.width)...)
		switch {
		case e.mode() != modeClose:
		case e.dealsErr != nil:
			lines = append(lines, "", e.Styles.Error.Render(e.T(msgLoadErr, e.dealsErr.Error())))
		case e.deals != nil && len(e.deals.deals) == 0:
			lines = append(lines, "", e.Styles.Muted.Render(e.T(msgEntryNoOpenDeal)))
		}
		if e.dropping {
			lines = append(lines, "", e.Styles.Error.Render(e.T(msgEntryDropAsk)))
		} else {
			lines = append(lines, "", e.Styles.Muted.Render(e.T(msgEntryHint)))
		}
	}
	return strings.Join(lines, "\n")
}

func activityKindLabel(l Lang, k model.ActivityKind) string { return catalog.ActivityKindWord(l, k) }
