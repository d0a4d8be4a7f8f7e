package tui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// The checklist diagnosis (チェックリスト診断): the 14 items of domain.md
// section 5 grouped, each with the user's status, the evidence from the
// database and the status the data suggests; the score, compared with the
// previous diagnosis; the gaps grouped by failure pattern with the next
// step for each, and enter on a gap opens the screen that fixes it.

type checklistKeys struct {
	Up, Down, PageUp, PageDown key.Binding
	Cycle, CycleBack           key.Binding
	Yes, Partly, No            key.Binding
	Jump                       key.Binding
}

func newChecklistKeys(l Lang) checklistKeys {
	return checklistKeys{
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("up/k", l.T(msgKeyUp))),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("down/j", l.T(msgKeyDown))),
		PageUp:    key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup/pgdn", l.T(msgKeyCkPage))),
		PageDown:  key.NewBinding(key.WithKeys("pgdown")),
		Cycle:     key.NewBinding(key.WithKeys("space", "right", "l"), key.WithHelp("space/right", l.T(msgKeyCkCycle))),
		CycleBack: key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("left", l.T(msgKeyCkBack))),
		Yes:       key.NewBinding(key.WithKeys("y"), key.WithHelp("y", l.T(msgKeyCkYes))),
		Partly:    key.NewBinding(key.WithKeys("p"), key.WithHelp("p", l.T(msgKeyCkPart))),
		No:        key.NewBinding(key.WithKeys("n"), key.WithHelp("n", l.T(msgKeyCkNo))),
		Jump:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", l.T(msgKeyCkJump))),
	}
}

func (k checklistKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Cycle, k.Yes, k.Partly, k.No, k.Jump}
}

func (k checklistKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.Jump}, {k.Cycle, k.CycleBack, k.Yes, k.Partly, k.No}}
}

// checklistLoadedMsg carries what the screen reads from the store.
type checklistLoadedMsg struct {
	evidence model.Evidence
	history  []model.ChecklistAnswer
	err      error
}

// checklistSavedMsg reports a saved (or failed) answer.
type checklistSavedMsg struct {
	answer model.ChecklistAnswer
	err    error
}

// ckRow is one selectable row: an item, or a gap under its pattern.
type ckRow struct {
	item int
	gap  bool
}

type checklistScreen struct {
	*Common
	keys          checklistKeys
	width, height int

	loaded   bool
	err      error
	evidence model.Evidence
	history  []model.ChecklistAnswer
	answers  map[int]model.Answer
	diag     model.Diagnosis
	prev     *model.Diagnosis // nil when there is no earlier diagnosis
	prevDay  time.Time

	rows   []ckRow
	cursor int // index in rows
	offset int // first list line shown
}

func newChecklistScreen(c *Common) Screen {
	return &checklistScreen{Common: c, keys: newChecklistKeys(c.Lang), answers: map[int]model.Answer{}}
}

func (s *checklistScreen) Init() tea.Cmd { return s.load() }

func (s *checklistScreen) load() tea.Cmd {
	st, now := s.Store, s.Now()
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), loadTimeout)
		defer cancel()
		var m checklistLoadedMsg
		if m.evidence, m.err = st.ChecklistEvidence(ctx, now); m.err != nil {
			return m
		}
		m.history, m.err = st.ChecklistHistory(ctx)
		return m
	}
}

func (s *checklistScreen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.scrollToCursor()
}

func (s *checklistScreen) Keys() help.KeyMap { return s.keys }

func (s *checklistScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case checklistLoadedMsg:
		s.loaded, s.err = true, msg.err
		if msg.err == nil {
			s.evidence, s.history = msg.evidence, msg.history
			s.rediagnose()
		}
		return s, nil
	case ReloadMsg:
		return s, s.load()
	case checklistSavedMsg:
		if msg.err != nil {
			return s, tea.Batch(Flash(s.T(msgCkSaveErr, msg.err.Error()), true), s.load())
		}
		s.history = append(s.history, msg.answer)
		s.rediagnose()
		return s, nil
	case tea.MouseWheelMsg:
		if msg.Mouse().Button == tea.MouseWheelUp {
			s.move(-1)
		} else if msg.Mouse().Button == tea.MouseWheelDown {
			s.move(1)
		}
		return s, nil
	case tea.KeyPressMsg:
		return s, s.handleKey(msg)
	}
	return s, nil
}

func (s *checklistScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if !s.loaded || s.err != nil || len(s.rows) == 0 {
		return nil
	}
	k := s.keys
	row := s.rows[s.cursor]
	switch {
	case key.Matches(msg, k.Up):
		s.move(-1)
	case key.Matches(msg, k.Down):
		s.move(1)
	case key.Matches(msg, k.PageUp):
		s.move(-max(s.listHeight()-1, 1))
	case key.Matches(msg, k.PageDown):
		s.move(max(s.listHeight()-1, 1))
	case key.Matches(msg, k.Cycle):
		return s.answer(row.item, s.current(row.item).Next())
	case key.Matches(msg, k.CycleBack):
		return s.answer(row.item, s.current(row.item).Prev())
	case key.Matches(msg, k.Yes):
		return s.answer(row.item, model.AnswerYes)
	case key.Matches(msg, k.Partly):
		return s.answer(row.item, model.AnswerPartly)
	case key.Matches(msg, k.No):
		return s.answer(row.item, model.AnswerNo)
	case key.Matches(msg, k.Jump):
		return s.jump(row.item)
	}
	return nil
}

// current is the status a toggle starts from: the user's answer, else what
// the diagnosis counts (the data's suggestion).
func (s *checklistScreen) current(item int) model.Answer {
	if a, ok := s.answers[item]; ok {
		return a
	}
	return s.diag.Items[item-1].Effective
}

// answer records a status at once on screen and saves it in a command, with
// its time, as a new row of the answer history.
func (s *checklistScreen) answer(item int, a model.Answer) tea.Cmd {
	ans := model.ChecklistAnswer{Item: item, Status: a, AnsweredAt: s.Now()}
	s.answers[item] = a
	s.diag = model.Diagnose(s.answers, s.evidence)
	s.buildRows(item, s.rows[s.cursor].gap)
	st := s.Store
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), store.BusyTimeout)
		defer cancel()
		return checklistSavedMsg{answer: ans, err: st.SaveChecklistAnswer(ctx, ans)}
	}
}

// rediagnose recomputes the current and the previous diagnosis from the
// history. The previous one is the answers as they stood at the end of the
// last earlier day with answers; its unanswered items are scored with
// today's evidence, as the current ones are.
func (s *checklistScreen) rediagnose() {
	var keepItem int
	var keepGap bool
	if s.cursor < len(s.rows) {
		keepItem, keepGap = s.rows[s.cursor].item, s.rows[s.cursor].gap
	}
	s.answers = model.AnswersAsOf(s.history, s.Now())
	s.diag = model.Diagnose(s.answers, s.evidence)
	s.prev = nil
	if day, ok := model.PreviousDiagnosisDay(s.history); ok {
		d := model.Diagnose(model.AnswersAsOf(s.history, day.AddDate(0, 0, 1).Add(-time.Nanosecond)), s.evidence)
		s.prev, s.prevDay = &d, day
	}
	s.buildRows(keepItem, keepGap)
}

// buildRows lists the selectable rows (items, then gaps) and puts the
// cursor back on the row it was on, or on the item when its gap is gone.
func (s *checklistScreen) buildRows(item int, gap bool) {
	s.rows = s.rows[:0]
	for _, it := range model.ChecklistItems() {
		s.rows = append(s.rows, ckRow{item: it.Number})
	}
	for _, pg := range s.diag.Gaps {
		for _, g := range pg.Gaps {
			s.rows = append(s.rows, ckRow{item: g.Item.Number, gap: true})
		}
	}
	s.cursor = 0
	for i, r := range s.rows {
		if r.item == item && r.gap == gap {
			s.cursor = i
		}
	}
	if gap && s.cursor == 0 && item > 1 {
		s.cursor = item - 1
	}
	s.scrollToCursor()
}

func (s *checklistScreen) move(d int) {
	if len(s.rows) == 0 {
		return
	}
	s.cursor = min(max(s.cursor+d, 0), len(s.rows)-1)
	s.scrollToCursor()
}

// jump opens the screen that fixes item's gap: its tab when there is one,
// else the overlay of that name (by pressing its key for the user), else
// the nearest tab that exists.
func (s *checklistScreen) jump(item int) tea.Cmd {
	it, _ := model.ChecklistItemByNumber(item)
	name := s.T(checklistFixText[it.Fix])
	for _, t := range tabDefs() {
		if string(t.ID) == it.Fix {
			return tea.Batch(SwitchTab(t.ID), Flash(s.T(msgCkJumped, name), false))
		}
	}
	// The input rules are edited in the alerts pane until a settings
	// screen of their own exists.
	overlayIDs := map[string][]string{model.FixSettings: {"settings", "rules", "alerts"}}[it.Fix]
	if overlayIDs == nil {
		overlayIDs = []string{it.Fix}
	}
	for _, o := range overlayDefs() {
		if !slices.Contains(overlayIDs, o.ID) {
			continue
		}
		if keys := o.Key(s.Lang).Keys(); len(keys) > 0 && len([]rune(keys[0])) == 1 {
			r := []rune(keys[0])[0]
			return func() tea.Msg { return tea.KeyPressMsg{Code: r, Text: keys[0]} }
		}
	}
	nearest := TabDashboard
	if it.Fix == model.FixReview || it.Fix == model.FixFunnel {
		nearest = TabTree // reviews and the funnel read the tree's figures
	}
	for _, t := range tabDefs() {
		if t.ID == nearest {
			return tea.Batch(SwitchTab(t.ID), Flash(s.T(msgCkNoScreen, name, s.T(t.Title)), false))
		}
	}
	return nil
}

// Layout: two header lines, the scrolling list, a blank line and three
// lines of detail on the selected row.
const ckDetailLines = 3

func (s *checklistScreen) listHeight() int { return max(s.height-2-1-ckDetailLines, 1) }

// lineOf is the list line of row i.
func (s *checklistScreen) lineOf(i int) int {
	line := 0
	group := model.ChecklistGroup("")
	pattern := model.FailurePattern(0)
	for j, r := range s.rows {
		if !r.gap {
			if it, _ := model.ChecklistItemByNumber(r.item); it.Group != group {
				group = it.Group
				line++
			}
		} else {
			if j == 0 || !s.rows[j-1].gap {
				line += 2 // blank line and the gaps heading
			}
			if it, _ := model.ChecklistItemByNumber(r.item); it.Pattern != pattern {
				pattern = it.Pattern
				line++
			}
		}
		if j == i {
			return line
		}
		line++
	}
	return line
}

func (s *checklistScreen) scrollToCursor() {
	if len(s.rows) == 0 {
		return
	}
	h := s.listHeight()
	line := s.lineOf(s.cursor)
	// Show the headings right above the row along with it.
	top := 0
	if s.cursor > 0 {
		top = s.lineOf(s.cursor-1) + 1
	}
	if top < s.offset {
		s.offset = top
	}
	if line >= s.offset+h {
		s.offset = line - h + 1
	}
	s.offset = max(s.offset, 0)
}

func (s *checklistScreen) View() string {
	if !s.loaded {
		return s.Styles.Muted.Render(s.T(msgLoading))
	}
	if s.err != nil {
		return errLine(s.Common, s.err)
	}
	lines := []string{s.headerLine(), s.Styles.Muted.Render(s.summaryLine())}
	list := s.listLines()
	h := s.listHeight()
	end := min(s.offset+h, len(list))
	shown := list[min(s.offset, end):end]
	for len(shown) < h {
		shown = append(shown, "")
	}
	lines = append(lines, shown...)
	lines = append(lines, "")
	lines = append(lines, s.detailLines()...)
	for i, l := range lines {
		if lipgloss.Width(l) > s.width {
			lines[i] = ansi.Truncate(l, s.width, "")
		}
	}
	return strings.Join(lines, "\n")
}

func ckScore(v float64) string { return trimDecimal(v, 1) }

func (s *checklistScreen) headerLine() string {
	d := s.diag
	out := s.Styles.Title.Render(s.T(msgCkTitle)) + "   " + s.Styles.Bold.Render(s.T(msgCkScore, ckScore(d.Score), d.Percent()))
	if s.prev != nil {
		out += "   " + s.Styles.Muted.Render(s.T(msgCkPrevious, model.FormatDate(s.prevDay), ckScore(s.prev.Score), s.prev.Percent()))
	} else {
		out += "   " + s.Styles.Muted.Render(s.T(msgCkFirst))
	}
	return out
}

func (s *checklistScreen) summaryLine() string {
	out := s.T(msgCkAnsweredOn, s.diag.Answered)
	if n := s.diag.GapCount(); n > 0 {
		out += "   " + s.T(msgCkGaps, n)
	} else {
		out += "   " + s.T(msgCkNoGaps)
	}
	return out
}

// Column widths of a row: cursor, number, status, item text.
const (
	ckNumW    = 3
	ckStatusW = 9 // "[いいえ?]" is 9 columns
)

// ckEvidenceFrom is the width from which the evidence has a column of its
// own; below it the evidence shows only in the detail lines, so the items
// read in full.
const ckEvidenceFrom = 100

// textWidth is the width of the item (or next step) column.
func (s *checklistScreen) textWidth() int {
	if s.width < ckEvidenceFrom {
		return max(s.width-2-ckNumW-ckStatusW-1, 10)
	}
	return 44
}

func (s *checklistScreen) statusCell(r model.ItemResult) string {
	a := r.Answer
	mark := ""
	if a == model.AnswerNone {
		a, mark = r.Suggested, "?"
	}
	label := s.T(checklistAnswerText[a])
	if a == model.AnswerNone {
		mark = ""
	}
	cell := ckCell("["+label+mark+"]", ckStatusW)
	switch {
	case r.Answer == model.AnswerNone:
		return s.Styles.Muted.Render(cell)
	case a == model.AnswerYes:
		return s.Styles.OnTrack.Render(cell)
	case a == model.AnswerPartly:
		return s.Styles.AtRisk.Render(cell)
	}
	return s.Styles.OffTrack.Render(cell)
}

func (s *checklistScreen) listLines() []string {
	var out []string
	tw := s.textWidth()
	group := model.ChecklistGroup("")
	pattern := model.FailurePattern(0)
	for i, r := range s.rows {
		it, _ := model.ChecklistItemByNumber(r.item)
		res := s.diag.Items[r.item-1]
		cursor := "  "
		if i == s.cursor {
			cursor = "> "
		}
		num := ckCell(fmt.Sprintf("%2d", r.item), ckNumW)
		var line string
		if !r.gap {
			if it.Group != group {
				group = it.Group
				out = append(out, s.Styles.Bold.Render(s.T(checklistGroupText[group])))
			}
			line = cursor + num + s.statusCell(res) + " " + ckCell(s.T(checklistItemText[r.item]), tw)
			if s.width >= ckEvidenceFrom {
				line += "  " + s.Styles.Muted.Render(s.evidenceText(r.item))
			}
		} else {
			if i == 0 || !s.rows[i-1].gap {
				out = append(out, "", s.Styles.Title.Render(s.T(msgCkGaps, s.diag.GapCount())))
			}
			if it.Pattern != pattern {
				pattern = it.Pattern
				out = append(out, s.Styles.Bold.Render(s.T(msgCkPattern, int(pattern), s.T(checklistPatternText[pattern]))))
			}
			goTo := s.T(msgCkGoTo, s.T(checklistFixText[it.Fix]))
			stepW := tw + 12
			if s.width < ckEvidenceFrom {
				stepW = max(tw-2-lipgloss.Width(goTo), 10)
			}
			line = cursor + num + s.statusCell(res) + " " + ckCell(s.T(checklistNextStep[it.NextStep]), stepW) + "  " +
				s.Styles.Muted.Render(goTo)
		}
		if i == s.cursor {
			line = s.Styles.Selected.Render(ckCell(ansi.Strip(line), s.width))
		}
		out = append(out, line)
	}
	return out
}

// detailLines describe the selected row in full: the item, its evidence
// and what the data suggests, or for a gap the next step.
func (s *checklistScreen) detailLines() []string {
	if len(s.rows) == 0 {
		return make([]string, ckDetailLines)
	}
	r := s.rows[s.cursor]
	it, _ := model.ChecklistItemByNumber(r.item)
	res := s.diag.Items[r.item-1]
	suggest := s.T(msgCkNoSuggest)
	if res.Suggested != model.AnswerNone {
		suggest = s.T(msgCkSuggested, s.T(checklistAnswerText[res.Suggested]))
	}
	first := s.Styles.Bold.Render(fmt.Sprintf("%d. %s", r.item, s.T(checklistItemText[r.item])))
	evidence := s.evidenceText(r.item)
	if evidence != "" {
		evidence += "  "
	}
	second := evidence + s.Styles.Muted.Render("("+suggest+")")
	third := ""
	if res.Effective != model.AnswerYes {
		third = s.T(msgCkNext, s.T(checklistNextStep[it.NextStep])) + "  " +
			s.Styles.Muted.Render(s.T(msgCkGoTo, s.T(checklistFixText[it.Fix])))
	}
	return []string{first, second, third}
}

// evidenceText is what the database shows about an item, in a few words.
func (s *checklistScreen) evidenceText(item int) string {
	e := s.evidence
	names := func(keys []string) string { return s.kpiNames(keys) }
	switch item {
	case 1:
		if !e.HasKGI {
			return s.T(msgEvNoKGI)
		}
		v := FormatUnit(s.Lang, e.KGIUnit, model.Some(e.KGIValue))
		if e.KGIDeadline.IsZero() {
			return s.T(msgEvKGINoDeadline, v)
		}
		return s.T(msgEvKGI, v, model.FormatDate(e.KGIDeadline))
	case 2:
		switch {
		case e.TreeRoot == "":
			return s.T(msgEvNoTree)
		case e.HasKGI && e.TreeRoot != e.KGIMetric:
			return s.T(msgEvTreeRoot, s.kpiNames([]string{e.TreeRoot}))
		case len(e.KPIsNotInTree) > 0:
			return s.T(msgEvTreeMissing, len(e.KPIsNotInTree), names(e.KPIsNotInTree))
		}
		return s.T(msgEvTreeAll, e.TreeNodes)
	case 3:
		if e.KPIs == 0 {
			return s.T(msgEvNoKPIs)
		}
		return s.T(msgEvMain, e.MainKPIs)
	case 4:
		if e.KPIs == 0 {
			return s.T(msgEvNoKPIs)
		}
		var parts []string
		if len(e.MissingDeadline) > 0 {
			parts = append(parts, s.T(msgEvNoDeadline, len(e.MissingDeadline), names(e.MissingDeadline)))
		}
		if len(e.MissingTarget) > 0 {
			parts = append(parts, s.T(msgEvNoTarget, len(e.MissingTarget), names(e.MissingTarget)))
		}
		if len(parts) == 0 {
			return s.T(msgEvTargetsAll)
		}
		return strings.Join(parts, "; ")
	case 5:
		if e.KPIs == 0 {
			return s.T(msgEvNoKPIs)
		}
		if len(e.MissingDefinition) > 0 {
			return s.T(msgEvNoDef, len(e.MissingDefinition), names(e.MissingDefinition))
		}
		return s.T(msgEvDefsAll)
	case 6:
		switch {
		case e.Records == 0:
			return s.T(msgEvNoRecords)
		case len(e.ManualKPIs) > 0:
			return s.T(msgEvManual, len(e.ManualKPIs), names(e.ManualKPIs))
		}
		return s.T(msgEvAllRecords, groupThousands(int64(e.Records)))
	case 7:
		switch age := e.RecordAgeDays(); {
		case age < 0:
			return s.T(msgEvNoRecords)
		case age == 0:
			return s.T(msgEvFreshToday)
		default:
			return s.T(msgEvFreshDays, age)
		}
	case 8:
		if len(e.InputRules) == 0 {
			return s.T(msgEvRulesNone)
		}
		set := func(b bool) string {
			if b {
				return s.T(msgEvSet)
			}
			return s.T(msgEvUnset)
		}
		deadline := s.T(msgEvUnset)
		if e.EntryDeadline {
			deadline = e.DeadlineRule
		}
		return s.T(msgEvRules, deadline, set(e.RequiredFields))
	case 9:
		if !e.AlertsOn {
			return s.T(msgEvAlertsOff)
		}
		return s.T(msgEvAlertsOn, model.LateEntryWindowDays, e.LateEntries, e.DeadlineRule)
	case 10:
		set := func(b bool) string {
			if b {
				return s.T(msgEvSet)
			}
			return s.T(msgEvUnset)
		}
		return s.T(msgEvFunnel, set(e.MQLDefined), set(e.SQLDefined), groupThousands(int64(e.LeadsWithMQL)), groupThousands(int64(e.LeadsWithSQL)))
	case 11:
		if e.HandoffRuleSet {
			return s.T(msgEvHandoff, e.HandoffRuleDays, groupThousands(int64(e.LeadsStuckAtMQL)))
		}
		return s.T(msgEvNoHandoff, e.HandoffLimitUsed, groupThousands(int64(e.LeadsStuckAtMQL)))
	case 12:
		if e.Reviews == 0 {
			return s.T(msgEvNoReviews)
		}
		out := s.T(msgEvReviews, e.ReviewsLast90Days, model.FormatDate(e.LastReview))
		if e.ReviewCadenceDays > 0 {
			out += s.T(msgEvCadence, e.ReviewCadenceDays)
		}
		return out
	case 14:
		if e.KPIRevisions == 0 {
			return s.T(msgEvNoRevisions)
		}
		days := int(e.Now.Sub(e.LastKPIRevision).Hours() / 24)
		return s.T(msgEvRevisions, e.KPIRevisions, max(days, 0))
	}
	return ""
}

// kpiNames names up to three KPIs in the cockpit's language, then "and N more".
func (s *checklistScreen) kpiNames(keys []string) string {
	const shown = 3
	var names []string
	for i, k := range keys {
		if i == shown {
			break
		}
		l, ok := s.evidence.KPINames[k]
		if !ok {
			if def, found := model.KPIDefinition(k); found {
				l = model.KPILabel{JA: def.KPI.NameJA, EN: def.KPI.NameEN}
			}
		}
		name := s.Lang.Pick(l.JA, l.EN)
		if name == "" {
			name = k
		}
		names = append(names, name)
	}
	out := strings.Join(names, s.T(msgListSep))
	if len(keys) > shown {
		out += s.T(msgAndMore, len(keys)-shown)
	}
	return out
}

// ckCell fits s to exactly w columns: cut (with "...") when wider, padded
// with spaces when narrower. Width is measured as the terminal shows it, so
// Japanese text takes two columns a character.
func ckCell(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if lipgloss.Width(s) > w {
		if w <= 3 {
			return ansi.Truncate(s, w, "")
		}
		s = ansi.Truncate(s, w, "...")
	}
	if pad := w - lipgloss.Width(s); pad > 0 {
		s += strings.Repeat(" ", pad)
	}
	return s
}
