package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/figures"
	"github.com/kpit-dev/kpit/model"
)

// Sizes of the presentation: block digits from a window of 120x35 (a
// shared screen), twice as wide from 160x45.
const (
	bigMinWidth, bigMinHeight      = 120, 35
	wideMinWidth, wideMinHeight    = 160, 45
	reviewChartMin, reviewChartMax = 6, 22
)

func (r *reviewScreen) View() string {
	switch {
	case r.err != nil:
		return errLine(r.Common, r.err)
	case r.data == nil:
		return r.Styles.Muted.Render(r.T(msgLoading))
	}
	head := r.headerLine()
	var foot []string
	switch {
	case r.form != nil:
		foot = append([]string{""}, r.form.view(r.Common, r.nameOf(r.form.kpi), r.ownerName)...)
	case r.quitting:
		foot = []string{"", r.Styles.Error.Render(r.T(msgRvSaveAsk))}
	default:
		foot = []string{r.Styles.Muted.Render(r.T(msgRvDraft, len(r.notes), len(r.actions)))}
	}
	room := r.height - 1 - len(foot)
	var body []string
	switch {
	case r.asking():
		body = r.askLines()
	case r.history != nil:
		body = r.history.view(r)
	default:
		body = r.slideLines(room)
	}
	// A line wider than the window ends in "...", never cut mid-word.
	for i := range body {
		body[i] = clipLine(body[i], r.width)
	}
	for i := range foot {
		foot[i] = clipLine(foot[i], r.width)
	}
	if len(body) > room {
		body = body[:max(room, 0)]
	}
	for len(body) < room {
		body = append(body, "")
	}
	return strings.Join(append(append([]string{head}, body...), foot...), "\n")
}

// headerLine: the period and the slide's place (3/9), always shown.
func (r *reviewScreen) headerLine() string {
	p := r.period
	left := r.Styles.Title.Render(r.T(msgRvTitle, periodLabel(r.Lang, p), periodKindName(r.Lang, p.Kind)))
	right := fmt.Sprintf("%d/%d", min(r.slide, len(r.slides())-1)+1, len(r.slides()))
	if r.HideNames {
		right = r.Styles.Muted.Render(r.T(msgRvNamesHidden)) + "  " + right
	}
	gap := max(r.width-lipgloss.Width(left)-lipgloss.Width(right), 2)
	return left + strings.Repeat(" ", gap) + r.Styles.Bold.Render(right)
}

func (r *reviewScreen) nameOf(key string) string {
	if key == "" {
		return ""
	}
	return r.data.goals.name(r.Lang, key)
}

func (r *reviewScreen) ownerName(i int) string {
	if i < 0 || i >= len(r.data.reps) {
		return ""
	}
	return r.RepName(r.data.reps[i].Name)
}

// bigScale is the block digits' cell width for the window: 0 for plain
// figures.
func (r *reviewScreen) bigScale() int {
	switch {
	case r.Width >= wideMinWidth && r.Height >= wideMinHeight:
		return 2
	case r.Width >= bigMinWidth && r.Height >= bigMinHeight:
		return 1
	}
	return 0
}

// slideLines are the shown slide's lines for a body of room lines.
func (r *reviewScreen) slideLines(room int) []string {
	s := r.current()
	switch s.kind {
	case slideSummary:
		return r.summaryLines()
	case slideKPI:
		return r.kpiLines(s.key)
	case slidePipeline:
		return r.pipelineLines(room)
	}
	return r.actionLines()
}

// figurePair is a figure's actual and target: in block digits side by side
// under their labels when the window is large, else one plain line.
func (r *reviewScreen) figurePair(f figures.Figure) []string {
	m := r.Money()
	actual, target := m.Unit(f.Unit, f.Actual), m.Unit(f.Unit, f.Target)
	scale := r.bigScale()
	if scale > 0 && bigWidth(actual, scale)+bigWidth(target, scale)+8 > r.width {
		scale = 1
	}
	if scale == 0 || bigWidth(actual, scale)+bigWidth(target, scale)+8 > r.width {
		return []string{r.Styles.Bold.Render(r.T(msgRvActual)) + " " + actual + "  /  " +
			r.Styles.Bold.Render(r.T(msgRvTarget)) + " " + target}
	}
	left := append([]string{r.Styles.Bold.Render(r.T(msgRvActual))}, bigText(actual, scale, r.Styles.Big)...)
	right := append([]string{r.Styles.Bold.Render(r.T(msgRvTarget))}, bigText(target, scale, r.Styles.Big)...)
	block := lipgloss.JoinHorizontal(lipgloss.Top, strings.Join(left, "\n"), "        ", strings.Join(right, "\n"))
	return strings.Split(block, "\n")
}

// standing is the achievement, the pace and the status in word and colour.
func (r *reviewScreen) standing(f figures.Figure) string {
	return r.T(msgRvAchv, FormatPercent(f.Achievement)) + "  " +
		r.T(msgRvPace, r.Money().Pace(f.Unit, f.Pace), FormatPercent(f.PaceAchievement)) + "  " +
		r.Styles.Status(r.Lang, f.Status)
}

// kgiMissed reports whether the KGI is off track or at risk: only then
// does a share of its miss mean something to the room (a KGI 1.5% short
// splits into shares of thousands of percent).
func (r *reviewScreen) kgiMissed() bool {
	g := r.data.goals
	return g.HasKGI && missed(r.data.figs.Get(g.KGI.Metric))
}

// mainCauseLine names the KPI that explains most of the KGI's miss.
func (r *reviewScreen) mainCauseLine() string {
	figs := r.data.figs
	if figs.MainCause == "" || !figs.MainCauseShare.Valid || !r.kgiMissed() {
		return r.T(catalog.ReviewNoMiss)
	}
	return r.T(catalog.ReviewMainCause, r.nameOf(figs.MainCause), FormatPercent(figs.MainCauseShare))
}

func (r *reviewScreen) summaryLines() []string {
	d, s := r.data, r.Styles
	out := []string{s.Bold.Render(r.T(msgRvSlideSummary)), ""}
	g := d.goals
	if !g.HasKGI {
		out = append(out, s.Muted.Render(r.T(msgRvNoKGI)))
	} else {
		f := d.figs.Get(g.KGI.Metric)
		out = append(out, s.Bold.Render(r.T(msgDashKGI, g.name(r.Lang, g.KGI.Metric))))
		out = append(out, r.figurePair(f)...)
		out = append(out, r.standing(f), "", s.Bold.Render(r.mainCauseLine()))
	}
	overdue := 0
	for _, a := range d.open {
		if a.Overdue(d.today) {
			overdue++
		}
	}
	out = append(out, r.T(msgRvOpenActions, len(d.open), overdue), "")
	keys := g.ReviewKeys()
	if len(keys) == 0 {
		return append(out, s.Muted.Render(r.T(msgRvNoKPIs)))
	}
	out = append(out, s.Bold.Render(r.T(msgRvKPIs)))
	cols := []column{{title: r.T(msgColKPI), width: 24}, {title: r.T(msgColActual), width: 10, right: true},
		{title: r.T(msgColTarget), width: 10, right: true}, {title: r.T(msgColAchievement), width: 7, right: true},
		{title: r.T(msgColStatus), width: 9}}
	out = append(out, "  "+s.Bold.Render(tableRow(cols, []string{cols[0].title, cols[1].title, cols[2].title, cols[3].title, cols[4].title})))
	for _, k := range keys {
		f := d.figs.Get(k)
		out = append(out, "  "+tableRow(cols, []string{r.nameOf(k), r.Money().Unit(f.Unit, f.Actual), r.Money().Unit(f.Unit, f.Target),
			FormatPercent(f.Achievement), s.Status(r.Lang, f.Status)}))
	}
	return out
}

func (r *reviewScreen) kpiLines(k string) []string {
	d, s := r.data, r.Styles
	f := d.figs.Get(k)
	out := []string{s.Bold.Render(r.nameOf(k)), ""}
	out = append(out, r.figurePair(f)...)
	out = append(out, r.standing(f), r.sinceLine(k, f))
	if missed(f) {
		if f.RootShare.Valid && r.kgiMissed() {
			out = append(out, s.Bold.Render(r.T(msgRvRootShare, FormatPercent(f.RootShare))))
		}
		if b, share := d.figs.Branch(k); b != "" {
			out = append(out, r.T(msgRvBranch, r.nameOf(b), FormatPercent(share)))
		}
	}
	out = append(out, r.notesOn(k)...)
	left := r.height - 1 - 1 - len(out) - 1
	if left >= reviewChartMin {
		out = append(out, "")
		out = append(out, trendLines(r.Common, d.goals, d.trend, r.period.Kind, k, min(r.width-2, 200), min(left, reviewChartMax))...)
	}
	return out
}

// sinceLine is the change since the last saved review that kept this KPI.
func (r *reviewScreen) sinceLine(k string, f figures.Figure) string {
	d := r.data
	then, ok := d.last.KPI(k)
	if !d.hasLast || !ok {
		return r.Styles.Muted.Render(r.T(msgRvNoLast))
	}
	return r.T(msgRvSince, model.FormatDate(d.last.HeldOn), periodLabel(r.Lang, d.last.Period),
		catalog.FormatChangeOf(r.Lang, f.Unit, f.ChangeSince(then.Actual)), r.Money().Unit(then.Unit, then.Actual))
}

// notesOn are the causes and actions recorded on KPI k in this review.
func (r *reviewScreen) notesOn(k string) []string {
	var out []string
	for _, n := range r.notes {
		if n.KPIKey == k {
			if len(out) == 0 {
				out = append(out, "", r.Styles.Bold.Render(r.T(msgRvCauses)))
			}
			out = append(out, "  ["+catalog.CauseWord(r.Lang, n.Category)+"] "+n.Text)
		}
	}
	first := true
	for _, a := range r.allActions() {
		if a.KPIKey == k {
			if first {
				out = append(out, "", r.Styles.Bold.Render(r.T(msgRvActionsOn)))
				first = false
			}
			out = append(out, "  "+r.actionText(*a))
		}
	}
	return out
}

func (r *reviewScreen) actionText(a model.ReviewAction) string {
	status := "[" + catalog.ActionStatusWord(r.Lang, a.Status) + "]"
	if a.Overdue(r.data.today) { // first, so a narrow window never cuts it off
		status += " " + r.Styles.OffTrack.Render(r.T(catalog.ReviewOverdue))
	}
	return r.T(msgRvActionRow, status, a.Text, r.RepName(a.RepName), model.FormatDate(a.Due))
}

// pipelineLines: the forecast (ヨミ) of the period: what is won, the open
// deals closing in it by category, the landing range against the target,
// the weighted forecast and the deals that moved since the last review,
// as many as room lines hold, then how many more there are.
func (r *reviewScreen) pipelineLines(room int) []string {
	d, s, m := r.data, r.Styles, r.Money()
	ff := d.forecast
	out := []string{s.Bold.Render(r.T(msgRvSlidePipeline)), ""}
	amount := func(v float64) string { return m.Unit(model.UnitMoney, model.Some(v)) }
	cols := []column{{title: "", width: 22}, {title: r.T(catalog.ForecastColCount), width: 6, right: true}, {title: r.T(catalog.ForecastColAmount), width: 12, right: true}}
	out = append(out, "  "+s.Bold.Render(tableRow(cols, []string{"", cols[1].title, cols[2].title})))
	rows := []struct {
		name Text
		b    figures.Bucket
	}{{catalog.ForecastWon, ff.Won}, {catalog.ForecastCommit, ff.Commit}, {catalog.ForecastBestCase, ff.BestCase}, {catalog.ForecastPipeline, ff.Pipeline}, {catalog.ForecastOmitted, ff.Omitted}}
	for _, row := range rows {
		out = append(out, "  "+tableRow(cols, []string{r.T(row.name), FormatCount(model.Some(float64(row.b.Count))), amount(row.b.Amount)}))
	}
	out = append(out, "")
	landing := r.T(catalog.ReviewFcLanding, amount(ff.LandingLow), amount(ff.LandingHigh))
	if ff.Target.Valid {
		landing += "  " + r.T(msgRvAgainst, m.Unit(model.UnitMoney, ff.Target))
	}
	out = append(out, s.Bold.Render(landing), r.T(catalog.ReviewFcWeighted, amount(ff.Weighted)))
	if ff.Commit.Count+ff.BestCase.Count+ff.Omitted.Count == 0 && ff.Unrated.Count == ff.Pipeline.Count {
		out = append(out, "", s.Muted.Render(r.T(catalog.ReviewNoForecast)))
	}
	if !d.hasLast || d.last.HeldAt.IsZero() {
		return out
	}
	out = append(out, "", s.Bold.Render(r.T(msgRvMoved, model.FormatDate(d.last.HeldOn), len(d.moved))))
	moved, more := d.moved, 0
	if free := room - len(out); len(moved) > free {
		keep := max(free-1, 0) // one line says how many more
		moved, more = moved[:keep], len(moved)-keep
	}
	for _, c := range moved {
		line := "  " + c.Account + "  " + r.RepName(c.RepName) + "  " + m.Amount(c.AmountMinor)
		switch {
		case c.New:
			line += "  " + r.T(msgRvMovedNew)
		default:
			if c.ForecastBefore != c.ForecastAfter {
				line += "  " + c.ForecastBefore.Letter() + "->" + c.ForecastAfter.Letter()
			}
			if !c.CloseBefore.Equal(c.CloseAfter) {
				line += "  " + model.FormatDate(c.CloseBefore) + "->" + model.FormatDate(c.CloseAfter)
			}
		}
		out = append(out, line)
	}
	if more > 0 {
		out = append(out, "  "+s.Muted.Render(r.T(msgRvMovedMore, more)))
	}
	return out
}

// actionLines lists the actions carried in and the new ones; s changes
// the selected one's status.
func (r *reviewScreen) actionLines() []string {
	s := r.Styles
	out := []string{s.Bold.Render(r.T(msgRvSlideActions)), ""}
	all := r.allActions()
	if len(all) == 0 {
		return append(out, s.Muted.Render(r.T(catalog.ReviewNoActions)))
	}
	for i, a := range all {
		line := r.actionText(*a)
		if a.KPIKey != "" {
			line += "  (" + r.nameOf(a.KPIKey) + ")"
		}
		if i == min(r.cursor, len(all)-1) {
			out = append(out, "> "+s.Selected.Render(line))
		} else {
			out = append(out, "  "+line)
		}
	}
	return out
}

// askLines asks where the open action stands before the review begins.
func (r *reviewScreen) askLines() []string {
	s := r.Styles
	a := r.carried[r.ask]
	out := []string{s.Bold.Render(r.T(msgRvAskTitle, r.ask+1, len(r.carried))), "", r.T(msgRvAskIntro), ""}
	out = append(out, "  "+s.Bold.Render(a.Text))
	out = append(out, "  "+r.T(msgRvOwner)+" "+r.RepName(a.RepName)+"  "+r.T(msgRvDue)+" "+model.FormatDate(a.Due))
	if a.Overdue(r.data.today) {
		out = append(out, "  "+s.OffTrack.Render(r.T(catalog.ReviewOverdue)))
	}
	if a.KPIKey != "" {
		out = append(out, "  "+r.nameOf(a.KPIKey))
	}
	return append(out, "", s.Bold.Render(r.T(msgRvAskKeys)))
}
