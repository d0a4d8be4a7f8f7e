package tui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"charm.land/lipgloss/v2"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// The Records tab: every record of one kind, newest event first (an
// activity's day, a deal's or lead's created date, the day of an NPS
// answer, a usage check or a campaign, the time an inquiry came in), read
// a page at a time from the store, with e to edit (activities, deals and
// leads: the store has no edit of the customer-success records), d to
// delete (after a y/n question naming the record; the record becomes a
// tombstone), u to undo the last change, whoever made it, and / to narrow
// the list to a rep, an account or customer, a campaign or an id. After an
// edit the cursor stays on the record edited, wherever its new date puts it.

// recordsPageSize is how many records one read brings; the list reads the
// page holding the cursor as it moves.
const recordsPageSize = 200

var recordTabKinds = []model.RecordKind{model.RecordActivity, model.RecordOpportunity, model.RecordLead,
	model.RecordNPS, model.RecordUsage, model.RecordInquiry, model.RecordCampaign}

// recordEditable: the entry form edits these kinds (newEditor); the
// others are deleted and added again.
func recordEditable(k model.RecordKind) bool {
	return k == model.RecordActivity || k == model.RecordOpportunity || k == model.RecordLead
}

type recordsKeys struct {
	Nav                              listNavKeys
	Kind, Edit, Delete, Undo, Filter key.Binding
}

func (k recordsKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Filter, k.Kind, k.Edit, k.Delete, k.Undo}
}
func (k recordsKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Nav.Up, k.Nav.Down, k.Nav.Top, k.Nav.Page, k.Kind}, {k.Filter, k.Edit, k.Delete, k.Undo}}
}

type recordsScreen struct {
	*Common
	keys          recordsKeys
	width, height int
	kind          int // index in recordTabKinds
	nav           listNav
	filter        listFilter
	page          []model.Record // the records from pageStart on
	pageStart     int
	loaded        bool
	seq           int // the load in flight; older answers are dropped
	shown         int // the load whose page is shown
	err           error
	editor        *entryScreen
	confirm       *model.Record // the record a delete waits on y/n for
}

type recordsLoadedMsg struct {
	to      *recordsScreen
	seq     int
	start   int
	cursor  int // where the cursor goes: the kept record's place, or -1 to stay
	records []model.Record
	total   int
	err     error
}

type recordsChangedMsg struct {
	to   *recordsScreen
	text string
	err  error
}

func newRecordsScreen(c *Common) Screen {
	l := c.Lang
	return &recordsScreen{Common: c, filter: newListFilter(c.Lang), keys: recordsKeys{
		Nav:    newListNavKeys(l),
		Kind:   key.NewBinding(key.WithKeys("left", "right", "l"), key.WithHelp("left/right", l.T(msgKeyRecordKind))),
		Edit:   key.NewBinding(key.WithKeys("e"), key.WithHelp("e", l.T(msgKeyEdit))),
		Delete: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", l.T(msgKeyDelete))),
		Undo:   key.NewBinding(key.WithKeys("u"), key.WithHelp("u", l.T(msgKeyUndo))),
		Filter: filterKey(l),
	}}
}

func (r *recordsScreen) Keys() help.KeyMap {
	if r.editor != nil {
		return r.editor.Keys()
	}
	if r.filter.typing {
		return r.filter.keys()
	}
	k := r.keys
	k.Edit.SetEnabled(recordEditable(recordTabKinds[r.kind])) // help lists e only where it edits
	return k
}

func (r *recordsScreen) SetSize(w, h int) {
	r.width, r.height = w, h
	if r.editor != nil {
		r.editor.SetSize(w, h)
	}
}

func (r *recordsScreen) Capturing() bool {
	return r.editor != nil || r.confirm != nil || r.filter.typing
}

// Loading: keys wait in the frame until the first page of a kind has
// been read, while the page a filter or a move past the page asked for is
// read (a filter, enter and e typed at once edit a record the filter
// shows, not the one under the cursor before it), and while the editor
// opened by e reads the reps (5 then e, or e and the new value typed at
// once, edit the record meant). The filter's own text is never held: each
// letter starts a read, and the typist should see the letters at once.
func (r *recordsScreen) Loading() bool {
	return !r.loaded || (r.shown != r.seq && !r.filter.typing) || (r.editor != nil && r.editor.Loading())
}

// Typing: the confirmation takes any key as its answer; the editor says.
func (r *recordsScreen) Typing() bool {
	return r.confirm != nil || r.filter.typing || (r.editor != nil && r.editor.Typing())
}

func (r *recordsScreen) Init() tea.Cmd { return r.load(0) }

// load reads the page holding row cursor.
func (r *recordsScreen) load(cursor int) tea.Cmd {
	return r.loadAt(cursor, 0)
}

// loadAt reads the page holding row cursor or, when keep is a record's id,
// the page holding that record wherever it now stands (after an edit moved
// its date), with the cursor on it.
func (r *recordsScreen) loadAt(cursor int, keep int64) tea.Cmd {
	r.seq++
	st, kind, filter, seq := r.Store, recordTabKinds[r.kind], r.filter.value(), r.seq
	return r.read(r, func(ctx context.Context) tea.Msg {
		m := recordsLoadedMsg{to: r, seq: seq, cursor: -1}
		if keep != 0 {
			pos, ok, err := st.RecordPosition(ctx, kind, filter, keep)
			if err != nil {
				m.err = err
				return m
			}
			if ok {
				cursor, m.cursor = pos, pos
			}
		}
		m.start = max(cursor, 0) / recordsPageSize * recordsPageSize
		m.records, m.total, m.err = st.RecordsPage(ctx, store.RecordQuery{Kind: kind, Filter: filter, Offset: m.start, Limit: recordsPageSize})
		return m
	})
}

// detailLine is the record under the cursor in a line: its kind, its
// number and what recordSummary names (the rep hidden while names are).
func (r *recordsScreen) detailLine() string {
	sel := r.selected()
	if sel == nil {
		return ""
	}
	rec := *sel // a copy: the names hidden are the line's, not the page's
	rec.Activity.RepName = r.RepName(rec.Activity.RepName)
	rec.Opportunity.RepName = r.RepName(rec.Opportunity.RepName)
	rec.Lead.RepName = r.RepName(rec.Lead.RepName)
	rec.Usage.RepName = r.RepName(rec.Usage.RepName)
	return recordKindWord(r.Lang, rec.Kind) + " #" + fmt.Sprint(rec.ID()) + "  " + recordSummary(r.Lang, r.Now().Location(), rec)
}

func (r *recordsScreen) selected() *model.Record {
	i := r.nav.cursor - r.pageStart
	if i < 0 || i >= len(r.page) {
		return nil
	}
	return &r.page[i]
}

// selectedID is the id of the record under the cursor, 0 when none.
func (r *recordsScreen) selectedID() int64 {
	if rec := r.selected(); rec != nil {
		return rec.ID()
	}
	return 0
}

// follow reads the page the cursor moved into, if it is not loaded.
func (r *recordsScreen) follow() tea.Cmd {
	if i := r.nav.cursor - r.pageStart; i >= 0 && i < len(r.page) {
		return nil
	}
	return r.load(r.nav.cursor)
}

func (r *recordsScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case recordsLoadedMsg:
		if msg.to == r && msg.seq == r.seq {
			r.loaded, r.err, r.shown = true, msg.err, msg.seq
			r.page, r.pageStart = msg.records, msg.start
			r.nav.setLen(msg.total)
			if msg.cursor >= 0 {
				r.nav.moveTo(msg.cursor)
			}
			if r.err == nil && r.selected() == nil && r.nav.n > 0 {
				return r, r.load(r.nav.cursor) // the list shrank under the cursor
			}
		}
		return r, nil
	case recordsChangedMsg:
		if msg.to != r {
			return r, nil
		}
		if msg.err != nil {
			text := r.T(msgEntrySaveFailed, writeErr(r.Lang, msg.err))
			if errors.Is(msg.err, store.ErrNothingToUndo) {
				text = r.T(msgRecordsNothingToUndo)
			}
			return r, Flash(text, true)
		}
		return r, tea.Batch(Reload, Flash(msg.text, false))
	case entrySavedMsg:
		if r.editor != nil && msg.from == r.editor {
			r.editor = nil
			return r, tea.Batch(Reload, Flash(msg.text, false))
		}
		return r, nil
	case entryCancelledMsg:
		if r.editor != nil && msg.from == r.editor {
			r.editor = nil
		}
		return r, nil
	case focusRecordMsg:
		for i, k := range recordTabKinds {
			if k == msg.kind {
				r.kind, r.editor, r.confirm = i, nil, nil
				r.filter.clear()
				r.page, r.pageStart, r.nav = nil, 0, listNav{}
				return r, r.loadAt(0, msg.id)
			}
		}
		return r, nil
	case ReloadMsg:
		// The record under the cursor stays under it, wherever it moved.
		return r, r.loadAt(r.nav.cursor, r.selectedID())
	}
	if r.editor != nil {
		_, cmd := r.editor.Update(msg)
		return r, cmd
	}
	if r.filter.typing {
		if changed := r.filter.update(msg); changed {
			r.nav.moveTo(0)
			return r, r.load(0)
		}
		return r, nil
	}
	if r.confirm == nil && r.nav.update(msg, true) {
		return r, r.follow()
	}
	if c, ok := msg.(tea.MouseClickMsg); ok && r.confirm == nil && c.Button == tea.MouseLeft {
		r.nav.clicked(c.Y)
		return r, r.follow()
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return r, nil
	}
	if r.confirm != nil {
		rec := *r.confirm
		r.confirm = nil
		if k.String() == "y" || k.String() == "Y" {
			return r, r.delete(rec)
		}
		return r, Flash(r.T(msgRecordsKept), false)
	}
	switch {
	case key.Matches(k, r.keys.Filter):
		r.filter.start()
	case k.String() == "esc" && r.filter.value() != "":
		r.filter.clear()
		return r, r.loadAt(0, r.selectedID())
	case key.Matches(k, r.keys.Kind):
		step := 1
		if k.String() == "left" {
			step = len(recordTabKinds) - 1
		}
		r.kind = (r.kind + step) % len(recordTabKinds)
		r.page, r.pageStart, r.loaded, r.nav = nil, 0, false, listNav{}
		return r, r.load(0)
	case key.Matches(k, r.keys.Edit) && !recordEditable(recordTabKinds[r.kind]):
		if rec := r.selected(); rec != nil {
			return r, Flash(r.T(msgRecordsNoEdit, recordKindWord(r.Lang, rec.Kind)), false)
		}
	case key.Matches(k, r.keys.Edit):
		if rec := r.selected(); rec != nil {
			r.editor = newEditor(r.Common, *rec)
			r.editor.SetSize(r.width, r.height)
			return r, r.editor.Init()
		}
	case key.Matches(k, r.keys.Delete):
		if rec := r.selected(); rec != nil {
			// A delete the store would refuse after the y is refused
			// before the question, by the same rule (model.User.MayRecord).
			if err := r.Store.User().MayRecord(rec.Rep()); err != nil {
				return r, Flash(r.T(msgEntrySaveFailed, writeErr(r.Lang, err)), true)
			}
			c := *rec
			r.confirm = &c
		}
	case key.Matches(k, r.keys.Undo):
		return r, r.undo()
	}
	return r, nil
}

func (r *recordsScreen) delete(rec model.Record) tea.Cmd {
	st, l := r.Store, r.Lang
	return func() tea.Msg {
		err := st.Delete(context.Background(), rec.Kind, rec.ID())
		return recordsChangedMsg{to: r, err: err, text: l.T(msgRecordsDeleted, recordKindWord(l, rec.Kind), rec.ID())}
	}
}

func (r *recordsScreen) undo() tea.Cmd {
	st, l := r.Store, r.Lang
	return func() tea.Msg {
		c, err := st.Undo(context.Background())
		if err != nil {
			return recordsChangedMsg{to: r, err: err}
		}
		what := map[string]Text{"insert": msgUndoInsert, "update": msgUndoUpdate, "delete": msgUndoDelete}[c.Action]
		return recordsChangedMsg{to: r, text: l.T(what, recordKindWord(l, c.Kind), c.RowID)}
	}
}

// recordSummary names a record for a question about it: its date, rep and
// account (company for a lead, customer or campaign name for the
// customer-success records; an inquiry's time in loc), so a delete is
// never asked by id alone.
func recordSummary(l Lang, loc *time.Location, rec model.Record) string {
	var parts []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	switch rec.Kind {
	case model.RecordActivity:
		a := rec.Activity
		add(model.FormatDate(a.Date))
		add(activityKindLabel(l, a.Kind) + " " + fmt.Sprint(a.Count))
		add(a.RepName)
		add(a.Account)
	case model.RecordOpportunity:
		o := rec.Opportunity
		add(model.FormatDate(o.Created))
		add(o.RepName)
		add(o.Account)
		add(o.ExternalID)
	case model.RecordLead:
		ld := rec.Lead
		add(model.FormatDate(ld.Created))
		add(ld.RepName)
		add(ld.Company)
		add(ld.Contact)
	case model.RecordNPS:
		a := rec.NPS
		add(model.FormatDate(a.Date))
		add(l.T(msgRecordsScoreValue, a.Score))
		add(a.Account)
	case model.RecordUsage:
		u := rec.Usage
		add(model.FormatDate(u.Date))
		add(u.Account)
		add(usageWord(l, u.Active))
	case model.RecordInquiry:
		q := rec.Inquiry
		add(q.Opened.In(loc).Format(momentLayout))
		add(q.Account)
	case model.RecordCampaign:
		c := rec.Campaign
		add(model.FormatDate(c.Date))
		add(c.Name)
	}
	return strings.Join(parts, ", ")
}

func (r *recordsScreen) View() string {
	if r.editor != nil {
		return r.editor.View()
	}
	kind := recordTabKinds[r.kind]
	head := r.Styles.Title.Render(r.T(msgRecordsTitle)) + "  "
	marker := ""
	if m := r.nav.marker(); m != "" {
		marker = "  " + r.Styles.Muted.Render(m)
	}
	title := head + r.kindTabs(r.width-lipgloss.Width(head+marker)) + marker
	lines := []string{title, r.filter.line(r.Common, r.width)}
	if r.err != nil {
		return strings.Join(append(lines, r.Styles.Error.Render(r.T(msgLoadErr, failure(r.Lang, r.err)))), "\n")
	}
	if r.nav.n == 0 {
		if !r.loaded {
			return strings.Join(append(lines, r.Styles.Muted.Render(r.T(msgLoading))), "\n")
		}
		if r.filter.value() != "" {
			return strings.Join(append(lines, r.Styles.Muted.Render(r.T(msgFilterNoMatch, r.filter.value()))), "\n")
		}
		return strings.Join(append(lines, r.Styles.Muted.Render(r.T(msgRecordsNone))), "\n")
	}
	header, table := r.table(kind)
	lines = append(lines, r.Styles.Muted.Render(header))
	// Under the list, the record under the cursor whole: its account or
	// company may be cut short in the table.
	bottom := []string{r.Styles.Muted.Render(clipLine(r.detailLine(), r.width))}
	if r.confirm != nil {
		q := r.T(msgRecordsConfirm, recordKindWord(r.Lang, r.confirm.Kind), r.confirm.ID(), recordSummary(r.Lang, r.Now().Location(), *r.confirm))
		bottom = nil
		for _, l := range wrapIndented(q, r.width, 0) {
			bottom = append(bottom, r.Styles.Error.Render(l))
		}
	}
	r.nav.top = len(lines)
	start, end := r.nav.window(max(r.height-len(lines)-len(bottom), 1))
	for i := start; i < end; i++ {
		row := ""
		if j := i - r.pageStart; j >= 0 && j < len(table) {
			row = table[j]
		} else {
			row = r.Styles.Muted.Render(r.T(msgLoading))
		}
		if i == r.nav.cursor {
			row = r.Styles.Selected.Render(row)
		}
		lines = append(lines, row)
	}
	for len(lines) < r.height-len(bottom) {
		lines = append(lines, "")
	}
	return strings.Join(append(lines, bottom...), "\n")
}

// kindTabs are the kinds to switch between, the one shown highlighted,
// within width cells: when all do not fit, the run of kinds around the
// one shown that does, with < or > where more lie beyond.
func (r *recordsScreen) kindTabs(width int) string {
	tab := func(i int) string {
		w := " " + recordKindWord(r.Lang, recordTabKinds[i]) + " "
		if i == r.kind {
			return r.Styles.Selected.Render(w)
		}
		return w
	}
	line := func(lo, hi int) string {
		var tabs []string
		for i := lo; i < hi; i++ {
			tabs = append(tabs, tab(i))
		}
		s := strings.Join(tabs, " ")
		if lo > 0 {
			s = "< " + s
		}
		if hi < len(recordTabKinds) {
			s += " >"
		}
		return s
	}
	lo, hi := r.kind, r.kind+1
	for grown := true; grown; {
		grown = false
		if hi < len(recordTabKinds) && lipgloss.Width(line(lo, hi+1)) <= width {
			hi, grown = hi+1, true
		} else if lo > 0 && lipgloss.Width(line(lo-1, hi)) <= width {
			lo, grown = lo-1, true
		}
	}
	return line(lo, hi)
}

// recordColumns are the columns of one kind's table. Widths come from the
// content (sizeColumns); flex is the free-text column (account, company)
// that gives up room first when the window is narrow, and drop lists the
// columns to leave out, in order, when that is not enough.
func recordColumns(l Lang, kind model.RecordKind) (cols []column, flex int, drop []int) {
	switch kind {
	case model.RecordActivity:
		return []column{{title: "#", right: true}, {title: l.T(msgFieldDate)}, {title: l.T(msgFieldRep)},
			{title: l.T(msgFieldKind)}, {title: l.T(msgFieldCount), right: true}, {title: l.T(msgFieldAccount)},
			{title: l.T(msgRecordsEntered)}}, 5, []int{6, 0, 4, 1}
	case model.RecordOpportunity:
		return []column{{title: "#", right: true}, {title: l.T(msgFieldCreated)}, {title: l.T(msgFieldRep)},
			{title: l.T(msgFieldAccount)}, {title: l.T(msgFieldStage)}, {title: l.T(msgFieldOutcome)},
			{title: l.T(msgFieldForecast)}, {title: l.T(msgFieldAmount), right: true}, {title: l.T(msgFieldClosed)},
			{title: l.T(msgRecordsEntered)}}, 3, []int{9, 1, 0, 8, 6, 5, 4}
	case model.RecordNPS:
		return []column{{title: "#", right: true}, {title: l.T(msgFieldDate)}, {title: l.T(msgRecordsScore), right: true},
			{title: l.T(msgFieldCustomer)}, {title: l.T(msgFieldComment)}, {title: l.T(msgRecordsEntered)}}, 4, []int{5, 0, 3}
	case model.RecordUsage:
		return []column{{title: "#", right: true}, {title: l.T(msgFieldDate)}, {title: l.T(msgFieldCustomer)},
			{title: l.T(msgFieldActive)}, {title: l.T(msgFieldRep)}, {title: l.T(msgRecordsEntered)}}, 2, []int{5, 0, 4}
	case model.RecordInquiry:
		return []column{{title: "#", right: true}, {title: l.T(msgFieldOpened)}, {title: l.T(msgFieldCustomer)},
			{title: l.T(msgFieldAnswered)}, {title: l.T(msgRecordsEntered)}}, 2, []int{4, 0}
	case model.RecordCampaign:
		return []column{{title: "#", right: true}, {title: l.T(msgFieldDate)}, {title: l.T(msgFieldCampaignName)},
				{title: l.T(msgFieldSent), right: true}, {title: l.T(msgFieldOpens), right: true}, {title: l.T(msgRecordsEntered)}},
			2, []int{5, 0}
	}
	return []column{{title: "#", right: true}, {title: l.T(msgFieldCreated)}, {title: l.T(msgFieldCompany)},
		{title: l.T(msgFieldContact)}, {title: l.T(msgFieldSource)}, {title: l.T(msgFieldStatus)},
		{title: l.T(msgFieldRep)}, {title: l.T(msgRecordsEntered)}}, 2, []int{7, 1, 0, 4, 3, 6}
}

// minFlexWidth is the narrowest the account or company column gets before
// whole columns are dropped.
const minFlexWidth = 16

// table lays out the loaded records: every column as wide as its widest
// cell; when that is too wide for the window, the least needed columns are
// dropped until the table fits with the free-text column at minFlexWidth,
// and that column then gets what is left.
func (r *recordsScreen) table(kind model.RecordKind) (header string, rows []string) {
	all, flex, drop := recordColumns(r.Lang, kind)
	cells := make([][]string, len(r.page))
	for i, rec := range r.page {
		cells[i] = r.cells(rec)
	}
	all = sizeColumns(all, cells)
	full := all[flex].width
	all[flex].width = min(full, minFlexWidth)
	keep := fitColumns(all, r.width, drop)
	others := 0
	for _, i := range keep {
		if i != flex {
			others += all[i].width + 1
		}
	}
	all[flex].width = max(min(full, r.width-others), all[flex].width)
	shown := pick(all, keep)
	titles := make([]string, len(shown))
	for i, c := range shown {
		titles[i] = c.title
	}
	header = strings.TrimRight(tableRow(shown, titles), " ")
	for _, c := range cells {
		rows = append(rows, strings.TrimRight(tableRow(shown, pick(c, keep)), " "))
	}
	return header, rows
}

// cells are one record's values, in the order of recordColumns.
func (r *recordsScreen) cells(rec model.Record) []string {
	l := r.Lang
	stamp := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.In(r.Now().Location()).Format("2006-01-02 15:04")
	}
	switch rec.Kind {
	case model.RecordActivity:
		a := rec.Activity
		return []string{fmt.Sprint(a.ID), model.FormatDate(a.Date), r.RepName(a.RepName), activityKindLabel(l, a.Kind),
			fmt.Sprint(a.Count), a.Account, stamp(a.EnteredAt)}
	case model.RecordOpportunity:
		o := rec.Opportunity
		amount := ""
		if o.HasAmount {
			amount = r.Money().Amount(o.AmountMinor)
		}
		outcome := map[model.Outcome]Text{model.OutcomeOpen: msgOutcomeOpen, model.OutcomeWon: msgOutcomeWon, model.OutcomeLost: msgOutcomeLost}[o.Outcome]
		id := fmt.Sprint(o.ID)
		if o.ExternalID != "" {
			id = o.ExternalID // the deal's ID in the SFA it was imported from
		}
		grade := "" // an open deal's forecast category as a team writes it: A, B, C, -
		if o.Outcome == model.OutcomeOpen {
			grade = o.Forecast.Letter()
		}
		return []string{id, model.FormatDate(o.Created), r.RepName(o.RepName), o.Account, o.Stage, l.T(outcome), grade, amount,
			model.FormatDate(o.Closed), stamp(o.EnteredAt)}
	case model.RecordNPS:
		a := rec.NPS
		return []string{fmt.Sprint(a.ID), model.FormatDate(a.Date), fmt.Sprint(a.Score), a.Account, a.Comment, stamp(a.EnteredAt)}
	case model.RecordUsage:
		u := rec.Usage
		return []string{fmt.Sprint(u.ID), model.FormatDate(u.Date), u.Account, usageWord(l, u.Active), r.RepName(u.RepName),
			stamp(u.EnteredAt)}
	case model.RecordInquiry:
		q := rec.Inquiry
		answered := l.T(catalog.InquiryWaiting)
		if !q.Answered.IsZero() {
			answered = stamp(q.Answered)
		}
		return []string{fmt.Sprint(q.ID), stamp(q.Opened), q.Account, answered, stamp(q.EnteredAt)}
	case model.RecordCampaign:
		c := rec.Campaign
		return []string{fmt.Sprint(c.ID), model.FormatDate(c.Date), c.Name, catalog.GroupThousands(int64(c.Sent)),
			catalog.GroupThousands(int64(c.Opened)), stamp(c.EnteredAt)}
	}
	ld := rec.Lead
	return []string{fmt.Sprint(ld.ID), model.FormatDate(ld.Created), ld.Company, ld.Contact, ld.Source, leadStatusLabel(l, string(ld.Status)),
		r.RepName(ld.RepName), stamp(ld.EnteredAt)}
}
