package tui

import (
	"context"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/figures"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// The review tab (レビュー): the team's weekly review and ヨミ会 on a
// shared screen, as slides: a summary, one slide per main KPI, the
// pipeline and the actions. It opens by asking where the last review's
// open actions stand; the edit keys act only on the causes and actions of
// the slide shown; q asks whether to save the review (docs/review.md).

// reviewKeys are the review's own bindings.
type reviewKeys struct {
	Next, Prev, Note, Action, Status, Up, Down, History key.Binding
}

func newReviewKeys(l Lang) reviewKeys {
	return reviewKeys{
		Next:    key.NewBinding(key.WithKeys("right", "space", "l", "pgdown"), key.WithHelp("right/space", l.T(msgKeyRvNext))),
		Prev:    key.NewBinding(key.WithKeys("left", "pgup"), key.WithHelp("left", l.T(msgKeyRvPrev))),
		Note:    key.NewBinding(key.WithKeys("n"), key.WithHelp("n", l.T(msgKeyRvNote))),
		Action:  key.NewBinding(key.WithKeys("A"), key.WithHelp("A", l.T(msgKeyRvAction))),
		Status:  key.NewBinding(key.WithKeys("s"), key.WithHelp("s", l.T(msgKeyRvStatus))),
		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("up/k", l.T(msgKeyUp))),
		Down:    key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("down/j", l.T(msgKeyDown))),
		History: key.NewBinding(key.WithKeys("H"), key.WithHelp("H", l.T(msgKeyRvHistory))),
	}
}

func (k reviewKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Next, k.Prev, k.Note, k.Action, k.History}
}
func (k reviewKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Next, k.Prev}, {k.Note, k.Action, k.Status, k.Up, k.Down}, {k.History}}
}

// reviewData is one load of the review.
type reviewData struct {
	goals   *goals
	period  model.Period
	today   time.Time
	figs    *figures.Figures
	trend   []figures.SeriesPoint
	last    model.SavedReview // the newest saved review, for the change since it
	hasLast bool
	open    []model.ReviewAction // actions still open: asked about first
	reps    []model.Rep
	history []model.SavedReview // newest first, without their details
	// forecast is the period's pipeline forecast (ヨミ); moved the deals
	// whose category or expected close changed since the last review.
	forecast *figures.ForecastFigures
	moved    []model.ForecastChange
}

type reviewLoadedMsg struct {
	seq  int
	data *reviewData
	err  error
}

type reviewSavedMsg struct {
	id  int64
	err error
}

// slideKind is what a slide shows.
type slideKind int

const (
	slideSummary slideKind = iota
	slideKPI
	slidePipeline
	slideActions
)

type slide struct {
	kind slideKind
	key  string // the KPI of a KPI slide
}

// reviewScreen is the review tab.
type reviewScreen struct {
	*Common
	keys          reviewKeys
	width, height int
	period        model.Period
	seq           int
	data          *reviewData
	err           error
	slide         int

	// The review in progress, saved only when q is answered y.
	asked    bool                 // the open actions' statuses were asked for
	ask      int                  // the open action being asked about
	carried  []model.ReviewAction // the open actions, with the status given now
	notes    []model.ReviewNote
	actions  []model.ReviewAction // new actions
	cursor   int                  // the action selected on the actions slide
	form     *reviewForm          // a cause or an action being typed
	quitting bool                 // asking whether to save
	saving   bool

	history *reviewHistory // the list of past reviews, when open
}

func newReviewScreen(c *Common) Screen {
	p := c.ReviewPeriod
	if p.Start.IsZero() {
		p = model.PeriodOf(model.Month, c.Now(), c.FiscalStart)
	}
	return &reviewScreen{Common: c, keys: newReviewKeys(c.Lang), period: p}
}

func (r *reviewScreen) Init() tea.Cmd     { return r.load() }
func (r *reviewScreen) Keys() help.KeyMap { return r.keys }
func (r *reviewScreen) SetSize(w, h int)  { r.width, r.height = w, h }

// Capturing is true while a cause or an action is typed or the save
// question is open. While an open action's status is asked for, the
// frame's keys still work (another tab, h, q).
func (r *reviewScreen) Capturing() bool {
	return r.form != nil || r.quitting
}

// Loading: keys typed before the review has loaded (`kpit review` then
// the right arrow at once), or while the two reviews picked for a
// comparison are read, wait in the frame (early_input.go).
func (r *reviewScreen) Loading() bool {
	return r.data == nil && r.err == nil || r.history != nil && r.history.reading()
}

// Typing is true while text is typed into a form.
func (r *reviewScreen) Typing() bool { return r.form != nil && r.form.typing() }

// AsksBeforeQuit: q on the review asks whether to save it.
func (r *reviewScreen) AsksBeforeQuit() bool { return r.data != nil && !r.saving }

// asking reports whether the screen is still asking about open actions.
func (r *reviewScreen) asking() bool {
	return r.data != nil && !r.asked && r.ask < len(r.carried)
}

func (r *reviewScreen) load() tea.Cmd {
	r.seq++
	seq, st, p, now := r.seq, r.Store, r.period, r.Now()
	return r.read(r, func(ctx context.Context) tea.Msg {
		data, err := loadReview(ctx, st, p, now)
		return reviewLoadedMsg{seq: seq, data: data, err: err}
	})
}

func loadReview(ctx context.Context, st *store.Store, p model.Period, now time.Time) (*reviewData, error) {
	figs, err := computeFigures(ctx, st, p, now, figures.Options{})
	if err != nil {
		return nil, err
	}
	d := &reviewData{goals: &goals{figs.Goals}, period: p, today: model.Date(now), figs: figs}
	if d.trend, err = figures.Trend(ctx, st, p, trendPeriods(p.Kind), now); err != nil {
		return nil, err
	}
	if d.last, d.hasLast, err = st.LastReview(ctx); err != nil {
		return nil, err
	}
	if d.open, err = st.OpenActions(ctx); err != nil {
		return nil, err
	}
	if d.reps, err = st.Reps(ctx); err != nil {
		return nil, err
	}
	if d.history, err = st.Reviews(ctx); err != nil {
		return nil, err
	}
	if d.forecast, err = figures.Forecast(ctx, st, figures.PeriodRange(p), now); err != nil {
		return nil, err
	}
	if d.hasLast && !d.last.HeldAt.IsZero() {
		if d.moved, err = figures.ForecastChanges(ctx, st, d.last.HeldAt); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// slides are the slides in order: the summary, each main KPI, the
// pipeline, the actions.
func (r *reviewScreen) slides() []slide {
	out := []slide{{kind: slideSummary}}
	if r.data != nil {
		for _, k := range r.data.goals.ReviewKeys() {
			out = append(out, slide{kind: slideKPI, key: k})
		}
	}
	return append(out, slide{kind: slidePipeline}, slide{kind: slideActions})
}

func (r *reviewScreen) current() slide {
	s := r.slides()
	return s[min(r.slide, len(s)-1)]
}

func (r *reviewScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case reviewLoadedMsg:
		if msg.seq == r.seq {
			first := r.data == nil
			r.data, r.err = msg.data, msg.err
			if r.data != nil && first {
				r.carried = append([]model.ReviewAction(nil), r.data.open...)
				r.asked = len(r.carried) == 0
			}
		}
	case ReloadMsg:
		return r, r.load()
	case reviewCompareMsg:
		if r.history != nil {
			r.history.compared(msg)
		}
	case reviewSavedMsg:
		r.saving = false
		if msg.err != nil {
			return r, Flash(r.T(msgRvSaveErr, writeErr(r.Lang, msg.err)), true)
		}
		return r, tea.Sequence(Flash(r.T(msgRvSaved, msg.id), false), tea.Quit)
	case tea.PasteMsg:
		if r.form != nil {
			r.form.paste(msg.Content)
		}
	case tea.KeyPressMsg:
		return r, r.key(msg)
	}
	return r, nil
}

func (r *reviewScreen) key(msg tea.KeyPressMsg) tea.Cmd {
	if r.data == nil {
		return nil
	}
	switch {
	case r.quitting:
		return r.answerQuit(msg)
	case r.form != nil:
		return r.typeForm(msg)
	case key.Matches(msg, r.Common.Keys.Quit): // the frame sends quit here (AsksBeforeQuit)
		r.quitting = true
		return nil
	case r.asking():
		r.answerAsk(msg)
		return nil
	case r.history != nil:
		return r.history.key(r, msg)
	}
	n := len(r.slides())
	switch {
	case key.Matches(msg, r.keys.Next):
		r.slide = min(r.slide+1, n-1)
	case key.Matches(msg, r.keys.Prev):
		r.slide = max(r.slide-1, 0)
	case key.Matches(msg, r.keys.History):
		r.history = &reviewHistory{}
	case key.Matches(msg, r.keys.Note):
		return r.startNote()
	case key.Matches(msg, r.keys.Action):
		return r.startAction()
	case key.Matches(msg, r.keys.Up):
		r.cursor = max(r.cursor-1, 0)
	case key.Matches(msg, r.keys.Down):
		r.cursor = min(r.cursor+1, max(len(r.allActions())-1, 0))
	case key.Matches(msg, r.keys.Status):
		r.cycleStatus()
	}
	return nil
}

// answerAsk records the status of the open action being asked about.
func (r *reviewScreen) answerAsk(msg tea.KeyPressMsg) {
	st, ok := map[string]model.ActionStatus{"d": model.ActionDone, "o": model.ActionOpen, "x": model.ActionDropped}[msg.String()]
	if !ok {
		return
	}
	r.carried[r.ask].Status = st
	r.ask++
	if r.ask >= len(r.carried) {
		r.asked = true
	}
}

// answerQuit: y saves the review and quits, n quits without saving, esc
// stays.
func (r *reviewScreen) answerQuit(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "y":
		r.quitting, r.saving = false, true
		return saveReview(r.Store, r.draft())
	case "n":
		r.quitting = false
		return tea.Quit
	case "esc":
		r.quitting = false
	}
	return nil
}

// draft is the review as it stands, ready to save.
func (r *reviewScreen) draft() model.ReviewDraft {
	figs := r.data.figs
	return model.ReviewDraft{
		Period: r.period, HeldAt: r.Now(), KPIs: figs.Snapshot(),
		MainCause: figs.MainCause, MainCauseShare: figs.MainCauseShare, Forecast: r.data.forecast.Snapshot().JSON(),
		Notes: r.notes, NewActions: r.actions, Carried: r.carried,
	}
}

func saveReview(st *store.Store, d model.ReviewDraft) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), saveTimeout)
		defer cancel()
		id, err := st.SaveReview(ctx, d)
		return reviewSavedMsg{id: id, err: err}
	}
}

// allActions are the actions the actions slide lists: those carried in,
// then the new ones.
func (r *reviewScreen) allActions() []*model.ReviewAction {
	var out []*model.ReviewAction
	for i := range r.carried {
		out = append(out, &r.carried[i])
	}
	for i := range r.actions {
		out = append(out, &r.actions[i])
	}
	return out
}

// cycleStatus changes the selected action's status, on the actions slide
// only.
func (r *reviewScreen) cycleStatus() {
	if r.current().kind != slideActions {
		return
	}
	all := r.allActions()
	if r.cursor < len(all) {
		all[r.cursor].Status = all[r.cursor].Status.Next()
	}
}

// missed reports whether a KPI is off track or at risk.
func missed(f figures.Figure) bool { return f.Status.Missed() }

// startNote opens the cause form on a missed KPI's slide.
func (r *reviewScreen) startNote() tea.Cmd {
	s := r.current()
	if s.kind != slideKPI || !missed(r.data.figs.Get(s.key)) {
		return Flash(r.T(msgRvNotMissed), true)
	}
	r.form = newNoteForm(s.key)
	return nil
}

// startAction opens the action form; an action added on a KPI's slide is
// that KPI's.
func (r *reviewScreen) startAction() tea.Cmd {
	if len(r.data.reps) == 0 {
		return Flash(r.T(msgRvNoReps), true)
	}
	s := r.current()
	r.form = newActionForm(s.key, r.data.today)
	return nil
}

// typeForm passes a key to the open form and records what it returns.
func (r *reviewScreen) typeForm(msg tea.KeyPressMsg) tea.Cmd {
	done, problem := r.form.key(r.Common, msg, len(r.data.reps))
	if problem != "" {
		r.form.problem = problem
		return nil
	}
	if !done {
		return nil
	}
	if r.form.cancelled {
		r.form = nil
		return nil
	}
	f := r.form
	r.form = nil
	if f.kind == formNote {
		r.notes = append(r.notes, model.ReviewNote{KPIKey: f.kpi, Category: model.CauseCategories()[f.category], Text: f.text})
		return nil
	}
	rep := r.data.reps[f.owner]
	due, _ := model.ParseDay(f.due, r.data.today)
	r.actions = append(r.actions, model.ReviewAction{KPIKey: f.kpi, Text: f.text, RepID: rep.ID, RepName: rep.Name,
		Due: due, Status: model.ActionOpen})
	return nil
}
