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
	Up, Down, Ends, Page, Prev, Next, Cycle, SetKGI key.Binding
}

func newDashKeys(l Lang) dashKeys {
	nav := newListNavKeys(l)
	return dashKeys{
		Up:   nav.Up,
		Down: key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("down/j", l.T(msgKeySelectKPI))),
		// g sets the KGI here: home and end go to the first and last KPI.
		Ends:   key.NewBinding(key.WithKeys("home", "end"), key.WithHelp("home/end", l.T(msgKeyTopBottom))),
		Page:   nav.Page,
		Prev:   key.NewBinding(key.WithKeys("["), key.WithHelp("[", l.T(msgKeyPrevPeriod))),
		Next:   key.NewBinding(key.WithKeys("]"), key.WithHelp("]", l.T(msgKeyNextPeriod))),
		Cycle:  key.NewBinding(key.WithKeys("p"), key.WithHelp("p", l.T(msgKeyCycle))),
		SetKGI: key.NewBinding(key.WithKeys("g"), key.WithHelp("g", l.T(msgKeySetKGI))),
	}
}

func (k dashKeys) ShortHelp() []key.Binding { return []key.Binding{k.Down, k.Prev, k.Next, k.Cycle} }
func (k dashKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Ends, k.Page}, {k.Prev, k.Next, k.Cycle}, {k.SetKGI}}
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
	nav           listNav // the KPI rows; the selected one is charted
	seq           int     // the load in flight; older answers are dropped
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
func (d *dashboard) Capturing() bool { return d.kgi.editing }

// Loading: keys wait in the frame until the first read (early_input.go).
func (d *dashboard) Loading() bool     { return d.data == nil && d.err == nil }
func (d *dashboard) Keys() help.KeyMap { return d.keys }
func (d *dashboard) SetSize(w, h int) {
	d.width, d.height = w, h
}

// load reads the figures of the selected period in a command.
func (d *dashboard) load() tea.Cmd {
	d.seq++
	seq, st, p, now, fs := d.seq, d.Store, d.period, d.Now(), d.FiscalStart
	return d.read(d, func(ctx context.Context) tea.Msg {
		data, err := loadDashboard(ctx, st, p, now, fs)
		return dashLoadedMsg{seq: seq, data: data, err: err}
	})
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
			d.nav.setLen(len(d.rows()))
		}
	case ReloadMsg:
		return d, d.load()
	case tea.MouseWheelMsg:
		d.nav.update(msg, false)
	case tea.MouseClickMsg:
		if msg.Button == tea.MouseLeft {
			d.nav.clicked(msg.Y)
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
		case d.nav.update(msg, false):
		case key.Matches(msg, d.keys.Prev, d.keys.Next, d.keys.Cycle):
			if p, ok := d.stepPeriod(msg, d.keys.Prev, d.keys.Next, d.keys.Cycle, d.period); ok {
				d.period = p
				return d, d.load()
			}
			return d, Flash(d.T(msgNoLaterPeriod), true)
		}
	}
	return d, nil
}

// Period is the period the dashboard shows.
func (d *dashboard) Period() model.Period { return d.period }

// rows are the KPI keys listed: the main KPIs first, then the supporting
// ones; the tree's nodes when no KPI is stored. Never the KGI itself, which
// has its own lines. The table scrolls over them when the window is short.
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
	return append(main, rest...)
}

// chartMinLines is the least room the chart under the table takes: a
// blank line, the caption and a plot of four lines.
const chartMinLines = 7

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
	// The table's rows: every KPI when the window has room for them and the
	// chart, else as many as leave the chart its room (at least three), and
	// the table scrolls.
	room := d.height - len(out) - 1
	tableRows := len(d.rows())
	wide := d.width-d.tableWidth()-4 >= 60
	if !wide && room-tableRows < chartMinLines {
		tableRows = max(room-chartMinLines, 3)
	}
	if wide {
		tableRows = max(room, 3)
	}
	d.nav.top = len(out) + 1 // under the table's heading
	table := d.tableLines(tableRows)
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

// tableWidth is the columns the KPI table takes.
func (d *dashboard) tableWidth() int {
	_, kept := d.tableColumns()
	w := 2
	for _, c := range kept {
		w += c.width + 1
	}
	return w
}

// tableColumns are the KPI table's columns and those that fit the window.
func (d *dashboard) tableColumns() (cols, kept []column) {
	g := d.data.goals
	keys := d.rows()
	nameW := displayWidth(d.T(msgColKPI))
	for _, k := range keys {
		nameW = max(nameW, displayWidth(g.name(d.Lang, k)))
	}
	nameW = min(nameW, 24, max(d.width-2-20, 10))
	cols = []column{
		{title: d.T(msgColKPI), width: nameW},
		{title: d.T(msgColActual), width: 9, right: true},
		{title: d.T(msgColTarget), width: 9, right: true},
		{title: d.T(msgColAchievement), width: 7, right: true},
		{title: d.T(msgColForecast), width: 9, right: true},
		{title: d.changeTitle(), width: 8, right: true},
		{title: d.T(msgColStatus), width: 9},
	}
	return cols, pick(cols, fitColumns(cols, d.width-2, []int{4, 5, 2, 3}))
}

// tableLines is one row per KPI in view (rows at most, scrolled to the
// selected one): actual, target scaled to the period, achievement,
// forecast, change and status (word and colour). When not every KPI is in
// view, the heading says which are (3/8).
func (d *dashboard) tableLines(rows int) []string {
	keys := d.rows()
	if len(keys) == 0 {
		return []string{d.Styles.Muted.Render(d.T(msgDashNoKPIs))}
	}
	g := d.data.goals
	cols, _ := d.tableColumns()
	keep := fitColumns(cols, d.width-2, []int{4, 5, 2, 3})
	kept := pick(cols, keep)
	titles := make([]string, len(cols))
	for i, c := range cols {
		titles[i] = c.title
	}
	d.nav.setLen(len(keys))
	if rows < len(keys) {
		rows = max(rows-1, 1) // the marker's line
	}
	start, end := d.nav.window(rows)
	lines := []string{"  " + d.Styles.Bold.Render(tableRow(kept, pick(titles, keep)))}

	for i := start; i < end; i++ {
		k := keys[i]
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
		if i == d.nav.cursor {
			lines = append(lines, "> "+d.Styles.Selected.Render(row))
		} else {
			lines = append(lines, "  "+row)
		}
	}
	if end-start < len(keys) {
		lines = append(lines, "  "+d.Styles.Muted.Render(d.nav.marker()))
	}
	return lines
}
