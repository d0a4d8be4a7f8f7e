package tui

import (
	"fmt"
	"strings"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
)

func (s *funnelScreen) View() string {
	if s.defs != nil {
		return s.defs.View()
	}
	l := s.Lang
	head := s.T(msgFunnelTitle, periodLabel(l, s.period))
	lines := []string{s.Styles.Title.Render(head), ""}
	switch {
	case s.err != nil:
		return strings.Join(append(lines, errLine(s.Common, s.err)), "\n")
	case s.f == nil:
		return strings.Join(append(lines, s.T(msgLoading)), "\n")
	}
	if s.list != nil {
		return strings.Join(append(lines[:1], s.listLines(s.height-1)...), "\n")
	}
	lines = append(lines, s.stageLines()...)
	// A young cohort's low rate is not a failure yet: say how many are open.
	if stages, open, reached := s.f.YoungSteps(); len(stages) > 0 {
		young := wrapIndented(catalog.FunnelYoungLine(l, stages, open, reached), s.width, 2)
		for i, line := range young[:min(len(young), 2)] {
			if i == 1 && len(young) > 2 {
				line = clipLine(line+" "+strings.Join(young[2:], " "), s.width)
			}
			lines = append(lines, s.Styles.Muted.Render(line))
		}
	}
	for _, line := range wrapIndented(s.worstSentence(), s.width, 0) {
		lines = append(lines, line)
	}
	// The breakdown takes what it needs up to half of the room left; the
	// overdue leads the rest.
	rest := s.height - len(lines) - 2
	breakdown := s.breakdownLines(max(rest/2, 3))
	lines = append(lines, "")
	lines = append(lines, breakdown...)
	lines = append(lines, "")
	lines = append(lines, s.overdueLines(max(rest-len(breakdown), 2))...)
	if len(lines) > s.height {
		lines = lines[:s.height]
	}
	return strings.Join(lines, "\n")
}

// marked draws a row with the cursor mark when it is selected.
func (s *funnelScreen) marked(row string, on bool) string {
	if on {
		return "> " + s.Styles.Selected.Render(row)
	}
	return "  " + row
}

// stageLines is the table of the five stages.
func (s *funnelScreen) stageLines() []string {
	l := s.Lang
	cols := []column{
		{title: l.T(catalog.FunnelColStage)}, {title: l.T(catalog.FunnelColReached), right: true},
		{title: l.T(catalog.FunnelColConv), right: true}, {title: l.T(catalog.FunnelColTarget), right: true},
		{title: l.T(catalog.FunnelColMedian), right: true}, {title: l.T(catalog.FunnelColP90), right: true},
		{title: l.T(catalog.FunnelColLeak), right: true}, {title: l.T(catalog.FunnelColRecycle), right: true},
		{title: l.T(catalog.FunnelColOwner)}, {title: l.T(catalog.FunnelColLimit)},
	}
	var rows [][]string
	for _, st := range s.f.Steps {
		def := model.StageDefOf(s.f.Defs, st.Stage)
		conv, leak := FormatPercent(st.Conversion), groupThousands(int64(st.Leak))
		if st.Stage.Next() == "" {
			conv, leak = "", ""
		}
		rows = append(rows, []string{catalog.StageWord(l, st.Stage), groupThousands(int64(st.Reached)), conv,
			FormatPercent(st.Target), catalog.FormatHours(l, st.MedianHours), catalog.FormatHours(l, st.P90Hours),
			leak, groupThousands(int64(st.Recycled)), deptShort(l, def.Owner), catalog.LimitWord(l, def.LimitDays)})
	}
	all := sizeColumns(cols, rows)
	keep := fitColumns(all, s.width-2, []int{9, 8, 7, 3})
	shown := pick(all, keep)
	titles := make([]string, len(shown))
	for i, c := range shown {
		titles[i] = c.title
	}
	out := []string{s.Styles.Muted.Render("  " + strings.TrimRight(tableRow(shown, titles), " "))}
	for i, r := range rows {
		out = append(out, s.marked(strings.TrimRight(tableRow(shown, pick(r, keep)), " "), s.cursor == i))
	}
	return out
}

// worstSentence names the step furthest below its target.
func (s *funnelScreen) worstSentence() string {
	l := s.Lang
	if s.f.Worst >= 0 {
		st := s.f.Steps[s.f.Worst]
		return catalog.FunnelWorstSentence(l, st.Stage, st.Conversion, st.Target, st.Shortfall)
	}
	for _, d := range s.f.Defs {
		if d.TargetRate.Valid {
			return l.T(catalog.FunnelNoWorst)
		}
	}
	return l.T(catalog.FunnelNoTargets)
}

// breakdownLines is the breakdown: per group the leads reaching each stage
// and the conversion of each step, in at most n lines.
func (s *funnelScreen) breakdownLines(n int) []string {
	l := s.Lang
	if s.by == "" {
		return []string{s.Styles.Muted.Render(s.T(msgFunnelNoBy))}
	}
	out := []string{s.Styles.Bold.Render(s.T(msgFunnelBreakdown, catalog.FunnelByWord(l, s.by)))}
	stages := model.LeadStages()
	cols := []column{{title: s.T(msgFunnelGroup)}}
	for i, st := range stages {
		title := catalog.StageWord(l, st)
		if i == s.col {
			title = "[" + title + "]"
		}
		cols = append(cols, column{title: title, right: true})
	}
	for _, st := range stages[:len(stages)-1] {
		cols = append(cols, column{title: catalog.StepWord(l, st), right: true})
	}
	var rows [][]string
	for _, g := range s.f.Groups {
		name := catalog.FunnelGroupWord(l, s.by, g.Key)
		if s.by == "rep" {
			name = s.RepName(name)
		}
		r := []string{clipLine(name, 18)}
		for _, st := range g.Steps {
			r = append(r, groupThousands(int64(st.Reached)))
		}
		for _, st := range g.Steps[:len(g.Steps)-1] {
			r = append(r, FormatPercent(st.Conversion))
		}
		rows = append(rows, r)
	}
	all := sizeColumns(cols, rows)
	all[0].width = min(all[0].width, 18)
	keep := fitColumns(all, s.width-2, []int{9, 8, 7, 6})
	shown := pick(all, keep)
	titles := make([]string, len(shown))
	for i, c := range shown {
		titles[i] = c.title
	}
	out = append(out, s.Styles.Muted.Render("  "+strings.TrimRight(tableRow(shown, titles), " ")))
	base := len(stages)
	// Keep the cursor's group in view.
	first := 0
	if s.cursor >= base && s.cursor-base >= n-2 {
		first = s.cursor - base - (n - 3)
	}
	for i := first; i < len(rows) && len(out) < n; i++ {
		out = append(out, s.marked(strings.TrimRight(tableRow(shown, pick(rows[i], keep)), " "), s.cursor == base+i))
	}
	return out
}

// overdueLines lists the leads past their limit, most overdue first, in at
// most n lines.
func (s *funnelScreen) overdueLines(n int) []string {
	l := s.Lang
	if len(s.f.Overdue) == 0 {
		return []string{s.T(msgFunnelNoOverdue)}
	}
	out := []string{s.Styles.Bold.Render(s.T(msgFunnelOverdue, groupThousands(int64(len(s.f.Overdue)))))}
	room := n - 1
	if len(s.f.Overdue) > room {
		room-- // the "more" line
	}
	for _, o := range s.f.Overdue[:min(max(room, 0), len(s.f.Overdue))] {
		owner := s.RepName(o.RepName)
		if owner == "" {
			owner = deptShort(l, o.Owner)
		}
		line := fmt.Sprintf("  #%d %s  %s  %s  %s", o.LeadID, o.Company, catalog.StageWord(l, o.Stage),
			catalog.FormatHours(l, model.Some(o.HoursOver)), owner)
		out = append(out, clipLine(line, s.width))
	}
	if more := len(s.f.Overdue) - (len(out) - 1); more > 0 {
		out = append(out, s.Styles.Muted.Render("  "+s.T(msgFunnelMore, groupThousands(int64(more)))))
	}
	return out
}

// listLines is the list of the leads behind the selected figure, drawn
// from the screen's second line in at most n lines.
func (s *funnelScreen) listLines(n int) []string {
	l, lst := s.Lang, s.list
	scope := ""
	if lst.group != "" || s.by != "" && lst.group == "" && s.cursor >= len(model.LeadStages()) {
		scope = catalog.FunnelGroupWord(l, s.by, lst.group)
	}
	title := s.T(msgFunnelLeadsTitle, catalog.StageWord(l, lst.stage), len(lst.leads), scope)
	if l == LangEN {
		title = s.T(msgFunnelLeadsTitle, len(lst.leads), catalog.StageWord(l, lst.stage), scope)
	}
	shownLeads := lst.shown(s.Common)
	lst.nav.setLen(len(shownLeads))
	title = s.Styles.Bold.Render(strings.TrimRight(title, " "))
	if m := lst.nav.marker(); m != "" {
		title += "  " + s.Styles.Muted.Render(m)
	}
	out := []string{title}
	switch {
	case lst.err != nil:
		return append(out, errLine(s.Common, lst.err))
	case lst.leads == nil:
		return append(out, s.T(msgLoading))
	case len(lst.leads) == 0:
		return append(out, s.T(msgFunnelNoLeads))
	}
	if len(lst.leads) == funnelLeadsLimit {
		out = append(out, s.Styles.Muted.Render(s.T(msgFunnelLeadsMax, funnelLeadsLimit)))
	}
	if f := lst.filter.line(s.Common, s.width); f != "" {
		out = append(out, f)
	}
	cols := []column{{title: s.T(msgFunnelColLead), right: true}, {title: s.T(msgFunnelColCompany)},
		{title: s.T(msgFunnelColSource)}, {title: s.T(msgFunnelColRep)}, {title: s.T(msgFunnelColReached)},
		{title: s.T(msgFunnelColNext)}}
	var rows [][]string
	loc := s.Now().Location()
	for _, fl := range shownLeads {
		next := s.T(msgFunnelNotYet)
		if lst.stage.Next() == "" {
			next = ""
		} else if !fl.Next.IsZero() {
			next = catalog.FormatHours(l, model.Some(fl.Next.Sub(fl.Reached).Hours()))
		}
		rows = append(rows, []string{fmt.Sprint(fl.ID), clipLine(fl.Company, 24), fl.Source, s.RepName(fl.RepName),
			fl.Reached.In(loc).Format("2006-01-02 15:04"), next})
	}
	all := sizeColumns(cols, rows)
	keep := fitColumns(all, s.width-2, []int{2, 3})
	shown := pick(all, keep)
	titles := make([]string, len(shown))
	for i, c := range shown {
		titles[i] = c.title
	}
	out = append(out, s.Styles.Muted.Render("  "+strings.TrimRight(tableRow(shown, titles), " ")))
	if len(rows) == 0 {
		return append(out, s.Styles.Muted.Render(s.T(msgFilterNoMatch, lst.filter.value())))
	}
	var question []string
	if s.move != nil {
		question = s.moveLines()
	}
	// The cursor's lead stays in view above the question.
	lst.nav.top = 1 + len(out) // under the screen's title line
	start, end := lst.nav.window(max(n-len(out)-len(question), 1))
	for i := start; i < end; i++ {
		out = append(out, s.marked(strings.TrimRight(tableRow(shown, pick(rows[i], keep)), " "), i == lst.nav.cursor))
	}
	return append(out, question...)
}
