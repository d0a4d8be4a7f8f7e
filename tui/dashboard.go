package tui

import (
	"context"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/figures"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// dashKeys are the dashboard's own bindings.
type dashKeys struct {
	Up, Down, Prev, Next, Cycle, SetKGI key.Binding
}

func newDashKeys(l Lang) dashKeys {
	return dashKeys{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("up/k", l.T(msgKeyUp))),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("down/j", l.T(msgKeySelectKPI))),
		Prev:   key.NewBinding(key.WithKeys("["), key.WithHelp("[", l.T(msgKeyPrevPeriod))),
		Next:   key.NewBinding(key.WithKeys("]"), key.WithHelp("]", l.T(msgKeyNextPeriod))),
		Cycle:  key.NewBinding(key.WithKeys("p"), key.WithHelp("p", l.T(msgKeyCycle))),
		SetKGI: key.NewBinding(key.WithKeys("g"), key.WithHelp("g", l.T(msgKeySetKGI))),
	}
}

func (k dashKeys) ShortHelp() []key.Binding { return []key.Binding{k.Down, k.Prev, k.Next, k.Cycle} }
func (k dashKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down}, {k.Prev, k.Next, k.Cycle}, {k.SetKGI}}
}

// dashData is one load of the dashboard: figures for the selected period,
// the same days of the previous period, the fiscal year to date, and the
// trend of every KPI.
type dashData struct {
	goals  *goals
	period model.Period
	today  time.Time
	cur    *figures.Figures // the period's figures
	fy     model.Period
	fyCur  *figures.Figures // the fiscal year's, for the KGI line under a shorter period
	trend  []figures.SeriesPoint
}

type dashLoadedMsg struct {
	seq  int
	data *dashData
	err  error
}

// dashboard is the first tab: the KGI with its pace, the main KPIs against
// target, and the trend of the selected KPI.
type dashboard struct {
	*Common
	keys          dashKeys
	width, height int
	period        model.Period
	selected      int
	seq           int // the load in flight; older answers are dropped
	data          *dashData
	err           error
	kgi           kgiInput // typing a new KGI (g)
}

func newDashboard(c *Common) Screen {
	return &dashboard{
		Common: c,
		keys:   newDashKeys(c.Lang),
		period: model.PeriodOf(model.Month, c.Now(), c.FiscalStart),
	}
}

func (d *dashboard) Init() tea.Cmd { return d.load() }

// Capturing is true while a KGI is being typed.
func (d *dashboard) Capturing() bool   { return d.kgi.editing }
func (d *dashboard) Keys() help.KeyMap { return d.keys }
func (d *dashboard) SetSize(w, h int) {
	d.width, d.height = w, h
	// A smaller window may list fewer rows; keep the selection on one.
	d.selected = min(d.selected, max(len(d.rows())-1, 0))
}

// load reads the figures of the selected period in a command.
func (d *dashboard) load() tea.Cmd {
	d.seq++
	seq, st, p, now, fs := d.seq, d.Store, d.period, d.Now(), d.FiscalStart
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), loadTimeout)
		defer cancel()
		data, err := loadDashboard(ctx, st, p, now, fs)
		return dashLoadedMsg{seq: seq, data: data, err: err}
	}
}

func loadDashboard(ctx context.Context, st *store.Store, p model.Period, now time.Time, fs time.Month) (*dashData, error) {
	cur, err := computeFigures(ctx, st, p, now, figures.Options{})
	if err != nil {
		return nil, err
	}
	d := &dashData{goals: &goals{cur.Goals}, period: p, today: model.Date(now), cur: cur}
	d.fy = model.PeriodOf(model.FiscalYear, p.Start, fs)
	if d.fyCur, err = computeFigures(ctx, st, d.fy, now, figures.Options{}); err != nil {
		return nil, err
	}
	if d.trend, err = figures.Trend(ctx, st, p, trendPeriods(p.Kind), now); err != nil {
		return nil, err
	}
	return d, nil
}

func (d *dashboard) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case dashLoadedMsg:
		if msg.seq == d.seq {
			d.data, d.err = msg.data, msg.err
			if d.data != nil {
				d.selected = min(d.selected, max(len(d.rows())-1, 0))
			}
		}
	case ReloadMsg:
		return d, d.load()
	case tea.MouseWheelMsg:
		switch msg.Mouse().Button {
		case tea.MouseWheelUp:
			d.selected = max(d.selected-1, 0)
		case tea.MouseWheelDown:
			d.selected = min(d.selected+1, max(len(d.rows())-1, 0))
		}
	case tea.PasteMsg:
		d.kgi.paste(msg)
	case kgiSavedMsg:
		return d, d.kgi.saved(d.Common, msg)
	case tea.KeyPressMsg:
		if d.kgi.editing {
			return d, d.kgi.typeKey(d.Common, msg)
		}
		switch {
		case key.Matches(msg, d.keys.SetKGI):
			d.kgi.start(d.data)
		case key.Matches(msg, d.keys.Up):
			d.selected = max(d.selected-1, 0)
		case key.Matches(msg, d.keys.Down):
			d.selected = min(d.selected+1, max(len(d.rows())-1, 0))
		case key.Matches(msg, d.keys.Prev, d.keys.Next, d.keys.Cycle):
			if p, ok := d.stepPeriod(msg, d.keys.Prev, d.keys.Next, d.keys.Cycle, d.period); ok {
				d.period = p
				return d, d.load()
			}
		}
	}
	return d, nil
}

// Period is the period the dashboard shows.
func (d *dashboard) Period() model.Period { return d.period }

// rows are the KPI keys shown as rows: the main KPIs first, then, when the
// window has room for them and a chart, the supporting ones; every KPI when
// none is marked main, else the tree's nodes. Never the KGI itself, which
// has its own lines.
func (d *dashboard) rows() []string {
	if d.data == nil {
		return nil
	}
	g := d.data.goals
	var main, rest []string
	for _, k := range g.KPIs {
		switch {
		case g.HasKGI && k.Key == g.KGI.Metric:
		case k.Main:
			main = append(main, k.Key)
		default:
			rest = append(rest, k.Key)
		}
	}
	if len(main) == 0 && len(rest) == 0 && g.Tree != nil {
		rest = g.Tree.Keys()[1:]
	}
	// Header (up to 6 lines), blank, table heading, rows, blank, chart (8+).
	if len(main) == 0 || d.height >= 17+len(main)+len(rest) {
		return append(main, rest...)
	}
	return main
}

func (d *dashboard) View() string {
	switch {
	case d.err != nil:
		return errLine(d.Common, d.err)
	case d.data == nil:
		return d.Styles.Muted.Render(d.T(msgLoading))
	}
	var out []string
	out = append(out, d.headerLines()...)
	out = append(out, d.kgi.view(d.Common, d.width)...)
	out = append(out, "")
	table := d.tableLines()
	tableW := 0
	for _, l := range table {
		tableW = max(tableW, lipgloss.Width(l))
	}
	// A wide window (a shared screen in a review) puts the chart beside
	// the table; otherwise it goes under it.
	if chartW := d.width - tableW - 4; chartW >= 60 {
		chart := d.chartLines(min(chartW, 110), min(max(d.height-len(out), 5), 24))
		block := lipgloss.JoinHorizontal(lipgloss.Top, strings.Join(table, "\n"), "    ", strings.Join(chart, "\n"))
		return strings.Join(append(out, block), "\n")
	}
	out = append(out, table...)
	if left := d.height - len(out) - 1; left >= 5 {
		out = append(out, "")
		out = append(out, d.chartLines(min(d.width, 110), min(left, 20))...)
	}
	return strings.Join(out, "\n")
}

// headerLines: the period, then the KGI's progress and pace in the period
// and, for a shorter period, over the fiscal year to date.
func (d *dashboard) headerLines() []string {
	data, s := d.data, d.Styles
	p := data.period
	head := s.Title.Render(d.T(msgDashPeriod, periodLabel(d.Lang, p), periodKindName(d.Lang, p.Kind)))
	if data.cur.State == figures.InProgress {
		head += "  " + s.Muted.Render(d.T(msgDashElapsed, data.cur.Elapsed, p.Days()))
	}
	lines := []string{head}
	g := data.goals
	if !g.HasKGI {
		return append(lines, s.Muted.Render(d.T(msgDashNoKGI)))
	}
	lines = append(lines, d.kgiLines(d.T(msgDashKGI, g.name(d.Lang, g.KGI.Metric)), data.cur)...)
	if p.Kind != model.FiscalYear {
		fy := d.T(msgDashFYToDate, periodLabel(d.Lang, data.fy))
		lines = append(lines, d.kgiLines(fy, data.fyCur)...)
	}
	return lines
}

// kgiLines is the KGI's actual against its target in force over period
// p, a bar, and the pace: the run-rate projection to the end of the
// period, which judges a period in progress.
func (d *dashboard) kgiLines(label string, figs *figures.Figures) []string {
	f := figs.Get(d.data.goals.KGI.Metric)
	line1 := d.Styles.Bold.Render(label) + "  " +
		d.T(msgDashOfTarget, d.Money().Unit(f.Unit, f.Actual), d.Money().Unit(f.Unit, f.Target), FormatPercent(f.Achievement))
	barW := min(30, max(d.width/3, 10))
	ratio := 0.0
	if f.Achievement.Valid {
		ratio = f.Achievement.V
	}
	line2 := "  " + progressBar(ratio, barW) + "  " +
		d.T(msgDashPace, d.Money().Pace(f.Unit, f.Pace), FormatPercent(f.PaceAchievement)) + "  " +
		d.Styles.Status(d.Lang, f.Status)
	return []string{line1, line2}
}

func (d *dashboard) changeTitle() string {
	switch d.period.Kind {
	case model.Week:
		return d.T(msgColChangeWeek)
	case model.Month:
		return d.T(msgColChangeMonth)
	case model.Quarter:
		return d.T(msgColChangeQtr)
	}
	return d.T(msgColChangeYear)
}

// tableLines is one row per KPI: actual, target scaled to the period,
// achievement, forecast, change and status (word and colour).
func (d *dashboard) tableLines() []string {
	keys := d.rows()
	if len(keys) == 0 {
		return []string{d.Styles.Muted.Render(d.T(msgDashNoKPIs))}
	}
	g := d.data.goals
	nameW := displayWidth(d.T(msgColKPI))
	for _, k := range keys {
		nameW = max(nameW, displayWidth(g.name(d.Lang, k)))
	}
	nameW = min(nameW, 24, max(d.width-2-20, 10))
	cols := []column{
		{title: d.T(msgColKPI), width: nameW},
		{title: d.T(msgColActual), width: 9, right: true},
		{title: d.T(msgColTarget), width: 9, right: true},
		{title: d.T(msgColAchievement), width: 7, right: true},
		{title: d.T(msgColForecast), width: 9, right: true},
		{title: d.changeTitle(), width: 8, right: true},
		{title: d.T(msgColStatus), width: 9},
	}
	keep := fitColumns(cols, d.width-2, []int{4, 5, 2, 3})
	kept := pick(cols, keep)
	titles := make([]string, len(cols))
	for i, c := range cols {
		titles[i] = c.title
	}
	lines := []string{"  " + d.Styles.Bold.Render(tableRow(kept, pick(titles, keep)))}
	for i, k := range keys {
		f := d.data.cur.Get(k)
		cells := []string{
			g.name(d.Lang, k),
			d.Money().Unit(f.Unit, f.Actual),
			d.Money().Unit(f.Unit, f.Target),
			FormatPercent(f.Achievement),
			d.Money().Pace(f.Unit, f.Pace),
			catalog.FormatChangeOf(d.Lang, f.Unit, f.Change()),
			d.Styles.Status(d.Lang, f.Status),
		}
		row := tableRow(kept, pick(cells, keep))
		if i == d.selected {
			lines = append(lines, "> "+d.Styles.Selected.Render(row))
		} else {
			lines = append(lines, "  "+row)
		}
	}
	return lines
}
