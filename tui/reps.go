package tui

import (
	"context"
	"slices"
	"sort"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/figures"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// The Reps tab (担当者別): each rep's figures for the period, their input
// timeliness, and the team's dependence on individuals (属人化): the share
// of orders won and of revenue from the top rep and from the top 20% of
// reps, beside the 38.5% of BtoB sales organisations that report the
// problem. The dependence is on orders won and revenue, so it counts the
// reps who carry deals: field sales, and anyone else with an opportunity or
// an order won in the period. Inside sales, marketing and customer success
// reps without deals would only dilute "the top 20%" (the screen says
// "reps with deals").

type repsKeys struct {
	Nav                       listNavKeys
	Filter, Prev, Next, Cycle key.Binding
}

func (k repsKeys) ShortHelp() []key.Binding { return []key.Binding{k.Filter, k.Prev, k.Next, k.Cycle} }
func (k repsKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Nav.Up, k.Nav.Down, k.Nav.Top, k.Nav.Page, k.Filter}, {k.Prev, k.Next, k.Cycle}}
}

type repsData struct {
	figures    []model.RepFigures
	timely     map[string]model.Timeliness
	dependence model.Dependence
}

type repsLoadedMsg struct {
	to     *repsScreen
	period model.Period
	data   *repsData
	err    error
}

type repsScreen struct {
	*Common
	keys          repsKeys
	width, height int
	period        model.Period
	data          *repsData
	err           error
	nav           listNav    // the cursor over the reps shown
	filter        listFilter // narrows the table to reps whose name or department has the text
	focusName     string     // a rep to select once the data is loaded (an alert's enter)
}

func newRepsScreen(c *Common) Screen {
	l := c.Lang
	return &repsScreen{Common: c, filter: newListFilter(l), period: model.PeriodOf(model.Month, c.Now(), c.FiscalStart), keys: repsKeys{
		Nav:    newListNavKeys(l),
		Filter: filterKey(l),
		Prev:   key.NewBinding(key.WithKeys("["), key.WithHelp("[", l.T(msgKeyPrevPeriod))),
		Next:   key.NewBinding(key.WithKeys("]"), key.WithHelp("]", l.T(msgKeyNextPeriod))),
		Cycle:  key.NewBinding(key.WithKeys("p"), key.WithHelp("p", l.T(msgKeyCycle))),
	}}
}

func (r *repsScreen) Keys() help.KeyMap {
	if r.filter.typing {
		return r.filter.keys()
	}
	return r.keys
}

// Capturing while the filter is typed, so its letters are not keys.
func (r *repsScreen) Capturing() bool { return r.filter.typing }
func (r *repsScreen) Typing() bool    { return r.filter.typing }

// shown are the reps the filter keeps, in the table's order.
func (r *repsScreen) shown() []model.RepFigures {
	if r.data == nil {
		return nil
	}
	var out []model.RepFigures
	for _, f := range r.data.figures {
		if r.filter.match(f.Name, deptShort(r.Lang, f.Department)) {
			out = append(out, f)
		}
	}
	return out
}

// selectRep puts the cursor on the rep named, clearing a filter that
// hides them.
func (r *repsScreen) selectRep(name string) bool {
	if !slices.ContainsFunc(r.shown(), func(f model.RepFigures) bool { return f.Name == name }) {
		r.filter.clear()
	}
	for i, f := range r.shown() {
		if f.Name == name {
			r.nav.setLen(len(r.shown()))
			r.nav.moveTo(i)
			return true
		}
	}
	return false
}

func (r *repsScreen) SetSize(w, h int) { r.width, r.height = w, h }

// Loading: keys wait in the frame until the first read (early_input.go).
func (r *repsScreen) Loading() bool { return r.data == nil && r.err == nil }
func (r *repsScreen) Init() tea.Cmd { return r.load() }

func (r *repsScreen) load() tea.Cmd {
	st, p, now := r.Store, r.period, r.Now()
	return r.read(r, func(ctx context.Context) tea.Msg {
		d, err := loadReps(ctx, st, p, now.Location())
		return repsLoadedMsg{to: r, period: p, data: d, err: err}
	})
}

func loadReps(ctx context.Context, st *store.Store, p model.Period, loc *time.Location) (*repsData, error) {
	groups, err := figures.ByRep(ctx, st, figures.PeriodRange(p))
	if err != nil {
		return nil, err
	}
	d := &repsData{}
	if _, d.timely, err = st.Timeliness(ctx, p.Start, p.End, loc); err != nil {
		return nil, err
	}
	var sellers []model.RepFigures
	for _, gr := range groups {
		rep, c := gr.Rep, gr.Counts
		if rep.ID == 0 || (!rep.Active && len(c) == 0) {
			continue // leads nobody owns are no rep's figures
		}
		f := model.RepFigures{RepID: rep.ID, Name: rep.Name, Department: rep.Department, Counts: c}
		d.figures = append(d.figures, f)
		if rep.Department == model.DeptFieldSales || c[model.MetricOpportunities] > 0 || c[model.MetricOrdersWon] > 0 {
			sellers = append(sellers, f)
		}
	}
	// Biggest revenue first, then name, so the table reads as a ranking.
	sort.SliceStable(d.figures, func(i, j int) bool {
		a, b := d.figures[i].Counts[model.MetricRevenue], d.figures[j].Counts[model.MetricRevenue]
		if a != b {
			return a > b
		}
		return d.figures[i].Name < d.figures[j].Name
	})
	d.dependence = model.MeasureDependence(sellers)
	return d, nil
}

func (r *repsScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case repsLoadedMsg:
		if msg.to == r && msg.period == r.period {
			r.data, r.err = msg.data, msg.err
			r.nav.setLen(len(r.shown()))
			if r.focusName != "" && r.selectRep(r.focusName) {
				r.focusName = ""
			}
		}
	case ReloadMsg:
		return r, r.load()
	case focusRepMsg:
		if !r.selectRep(msg.name) {
			r.focusName = msg.name // not loaded yet
		}
	case tea.MouseWheelMsg:
		r.nav.update(msg, true)
	case tea.MouseClickMsg:
		if msg.Button == tea.MouseLeft {
			r.nav.clicked(msg.Y)
		}
	case tea.KeyPressMsg:
		if r.filter.typing {
			if r.filter.update(msg) {
				r.nav = listNav{}
				r.nav.setLen(len(r.shown()))
			}
			return r, nil
		}
		switch {
		case r.nav.update(msg, true):
		case key.Matches(msg, r.keys.Filter):
			r.filter.start()
		case msg.String() == "esc" && r.filter.value() != "":
			r.filter.clear()
			r.nav.setLen(len(r.shown()))
		case key.Matches(msg, r.keys.Prev, r.keys.Next, r.keys.Cycle):
			if p, ok := r.stepPeriod(msg, r.keys.Prev, r.keys.Next, r.keys.Cycle, r.period); ok {
				r.period = p
				return r, r.load()
			}
			return r, Flash(r.T(msgNoLaterPeriod), true)
		}
	}
	return r, nil
}

// repsColumns are the table's columns; figures are right-aligned and
// every width comes from the content (sizeColumns). When the window is
// narrow the timeliness column goes first, then the department.
func repsColumns(l Lang) []column {
	return []column{
		{title: l.T(msgFieldRep)}, {title: l.T(msgRepsDept)},
		{title: l.T(msgRepsVisits), right: true}, {title: l.T(msgRepsCalls), right: true},
		{title: l.T(msgRepsOpps), right: true}, {title: l.T(msgRepsWon), right: true},
		{title: l.T(msgRepsWinRate), right: true}, {title: l.T(msgRepsRevenue), right: true},
		{title: l.T(msgRepsSameDay), right: true},
	}
}

var repsDropOrder = []int{8, 1, 3}

func deptShort(l Lang, d model.Department) string {
	switch d {
	case model.DeptMarketing:
		return l.T(msgDeptMarketing)
	case model.DeptInsideSales:
		return l.T(msgDeptInsideSales)
	case model.DeptCustomerSuccess:
		return l.T(msgDeptCustomerSuccess)
	}
	return l.T(msgDeptFieldSales)
}

func (r *repsScreen) View() string {
	l := r.Lang
	title := r.Styles.Title.Render(r.T(msgRepsTitle, periodLabel(l, r.period)))
	if m := r.nav.marker(); m != "" {
		title += "  " + r.Styles.Muted.Render(m)
	}
	lines := []string{title, ""}
	switch {
	case r.err != nil:
		return strings.Join(append(lines, errLine(r.Common, r.err)), "\n")
	case r.data == nil:
		return strings.Join(append(lines, r.T(msgLoading)), "\n")
	case len(r.data.figures) == 0:
		return strings.Join(append(lines, r.T(msgNoData)), "\n")
	}
	lines = append(lines, r.dependenceLines()...)
	if r.HideNames {
		// Per-rep figures name the rep as surely as the name does.
		return strings.Join(append(lines, "", r.Styles.Muted.Render(r.T(msgRepsHidden))), "\n")
	}
	if f := r.filter.line(r.Common, r.width); f != "" {
		lines = append(lines, f)
	}
	var rows [][]string
	for _, f := range r.shown() {
		m := f.Counts.Metrics()
		t := r.data.timely[f.Name]
		rows = append(rows, []string{f.Name, deptShort(l, f.Department), FormatCount(m[model.MetricVisits]),
			FormatCount(m[model.MetricCalls]), FormatCount(m[model.MetricOpportunities]), FormatCount(m[model.MetricOrdersWon]),
			FormatPercent(m[model.MetricWinRate]), r.Money().Short(m[model.MetricRevenue]), FormatPercent(t.SameDayShare())})
	}
	all := sizeColumns(repsColumns(l), rows)
	for i := range all {
		if all[i].right {
			all[i].width++ // two spaces between figures read better than one
		}
	}
	keep := fitColumns(all, r.width, repsDropOrder)
	shown := pick(all, keep)
	titles := make([]string, len(shown))
	for i, c := range shown {
		titles[i] = c.title
	}
	lines = append(lines, "", r.Styles.Muted.Render(strings.TrimRight(tableRow(shown, titles), " ")))
	if len(rows) == 0 {
		return strings.Join(append(lines, r.Styles.Muted.Render(r.T(msgFilterNoMatch, r.filter.value()))), "\n")
	}
	r.nav.setLen(len(rows))
	r.nav.top = len(lines)
	start, end := r.nav.window(max(r.height-len(lines), 1))
	for i := start; i < end; i++ {
		row := strings.TrimRight(tableRow(shown, pick(rows[i], keep)), " ")
		if i == r.nav.cursor {
			row = r.Styles.Selected.Render(row)
		}
		lines = append(lines, row)
	}
	return strings.Join(lines, "\n")
}

// dependenceLines say how much rests on the top rep and the top 20%.
func (r *repsScreen) dependenceLines() []string {
	d := r.data.dependence
	out := []string{r.Styles.Bold.Render(r.T(msgRepsDependence))}
	if !d.TopRepWonShare.Valid && !d.TopRepRevenueShare.Valid {
		out = append(out, "  "+r.T(msgRepsNoWins))
	} else {
		out = append(out,
			"  "+r.T(msgRepsTopRep, r.RepName(d.TopRepByWon), FormatPercent(d.TopRepWonShare), r.RepName(d.TopRepByRevenue), FormatPercent(d.TopRepRevenueShare)),
			"  "+r.T(msgRepsTopN, d.TopN, d.Reps, FormatPercent(d.TopNWonShare), FormatPercent(d.TopNRevenueShare)))
	}
	for _, line := range wrapIndented(r.T(msgRepsReference, FormatPercent(model.Some(model.RefPersonDependence))), r.width, 2) {
		out = append(out, r.Styles.Muted.Render(line))
	}
	return out
}
