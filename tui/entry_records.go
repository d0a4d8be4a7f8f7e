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

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// The Records tab: the most recent records of one kind, newest first, with
// e to edit, d to delete (after a y/n question; the record becomes a
// tombstone) and u to undo the last change, whoever made it.

const recentLimit = 200

var recordTabKinds = []model.RecordKind{model.RecordActivity, model.RecordOpportunity, model.RecordLead}

type recordsKeys struct {
	Up, Down, Kind, Edit, Delete, Undo key.Binding
}

func (k recordsKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Kind, k.Edit, k.Delete, k.Undo}
}
func (k recordsKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Kind}, {k.Edit, k.Delete, k.Undo}}
}

type recordsScreen struct {
	*Common
	keys          recordsKeys
	width, height int
	kind          int // index in recordTabKinds
	records       []model.Record
	err           error
	cursor        int
	offset        int
	editor        *entryScreen
	confirm       *model.Record // the record a delete waits on y/n for
}

type recordsLoadedMsg struct {
	to      *recordsScreen
	kind    model.RecordKind
	records []model.Record
	err     error
}

type recordsChangedMsg struct {
	to   *recordsScreen
	text string
	err  error
}

func newRecordsScreen(c *Common) Screen {
	l := c.Lang
	return &recordsScreen{Common: c, keys: recordsKeys{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("up/k", l.T(msgKeyUp))),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("down/j", l.T(msgKeyDown))),
		Kind:   key.NewBinding(key.WithKeys("left", "right", "l"), key.WithHelp("left/right", l.T(msgKeyRecordKind))),
		Edit:   key.NewBinding(key.WithKeys("e"), key.WithHelp("e", l.T(msgKeyEdit))),
		Delete: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", l.T(msgKeyDelete))),
		Undo:   key.NewBinding(key.WithKeys("u"), key.WithHelp("u", l.T(msgKeyUndo))),
	}}
}

func (r *recordsScreen) Keys() help.KeyMap {
	if r.editor != nil {
		return r.editor.Keys()
	}
	return r.keys
}

func (r *recordsScreen) SetSize(w, h int) {
	r.width, r.height = w, h
	if r.editor != nil {
		r.editor.SetSize(w, h)
	}
}

func (r *recordsScreen) Capturing() bool { return r.editor != nil || r.confirm != nil }

// Typing: the confirmation takes any key as its answer; the editor says.
func (r *recordsScreen) Typing() bool {
	return r.confirm != nil || (r.editor != nil && r.editor.Typing())
}

func (r *recordsScreen) Init() tea.Cmd { return r.load() }

func (r *recordsScreen) load() tea.Cmd {
	st, kind := r.Store, recordTabKinds[r.kind]
	return func() tea.Msg {
		recs, err := st.Recent(context.Background(), kind, recentLimit)
		return recordsLoadedMsg{to: r, kind: kind, records: recs, err: err}
	}
}

func (r *recordsScreen) selected() *model.Record {
	if r.cursor < 0 || r.cursor >= len(r.records) {
		return nil
	}
	return &r.records[r.cursor]
}

func (r *recordsScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case recordsLoadedMsg:
		if msg.to == r && msg.kind == recordTabKinds[r.kind] {
			r.records, r.err = msg.records, msg.err
			r.cursor = min(r.cursor, max(len(r.records)-1, 0))
		}
		return r, nil
	case recordsChangedMsg:
		if msg.to != r {
			return r, nil
		}
		if msg.err != nil {
			text := r.T(msgEntrySaveFailed, msg.err.Error())
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
	case ReloadMsg:
		return r, r.load()
	}
	if r.editor != nil {
		_, cmd := r.editor.Update(msg)
		return r, cmd
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
	case key.Matches(k, r.keys.Up):
		r.cursor = max(r.cursor-1, 0)
	case key.Matches(k, r.keys.Down):
		r.cursor = min(r.cursor+1, max(len(r.records)-1, 0))
	case key.Matches(k, r.keys.Kind):
		step := 1
		if k.String() == "left" {
			step = len(recordTabKinds) - 1
		}
		r.kind = (r.kind + step) % len(recordTabKinds)
		r.records, r.cursor, r.offset = nil, 0, 0
		return r, r.load()
	case key.Matches(k, r.keys.Edit):
		if rec := r.selected(); rec != nil {
			r.editor = newEditor(r.Common, *rec)
			r.editor.SetSize(r.width, r.height)
			return r, r.editor.Init()
		}
	case key.Matches(k, r.keys.Delete):
		if rec := r.selected(); rec != nil {
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

func (r *recordsScreen) View() string {
	if r.editor != nil {
		return r.editor.View()
	}
	kind := recordTabKinds[r.kind]
	var tabs []string
	for i, k := range recordTabKinds {
		w := recordKindWord(r.Lang, k)
		if i == r.kind {
			w = r.Styles.Selected.Render(" " + w + " ")
		} else {
			w = " " + w + " "
		}
		tabs = append(tabs, w)
	}
	lines := []string{r.Styles.Title.Render(r.T(msgRecordsTitle)) + "  " + strings.Join(tabs, " "), ""}
	if r.err != nil {
		return strings.Join(append(lines, r.Styles.Error.Render(r.T(msgLoadErr, failure(r.Lang, r.err)))), "\n")
	}
	if len(r.records) == 0 {
		return strings.Join(append(lines, r.Styles.Muted.Render(r.T(msgRecordsNone))), "\n")
	}
	header, table := r.table(kind)
	lines = append(lines, r.Styles.Muted.Render(header))
	bottom := []string{""}
	if r.confirm != nil {
		bottom = []string{r.Styles.Error.Render(r.T(msgRecordsConfirm, recordKindWord(r.Lang, r.confirm.Kind), r.confirm.ID()))}
	}
	rows := max(r.height-len(lines)-len(bottom), 1)
	if r.cursor < r.offset {
		r.offset = r.cursor
	}
	if r.cursor >= r.offset+rows {
		r.offset = r.cursor - rows + 1
	}
	for i := r.offset; i < len(r.records) && i < r.offset+rows; i++ {
		row := table[i]
		if i == r.cursor {
			row = r.Styles.Selected.Render(row)
		}
		lines = append(lines, row)
	}
	for len(lines) < r.height-len(bottom) {
		lines = append(lines, "")
	}
	return strings.Join(append(lines, bottom...), "\n")
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
			{title: l.T(msgFieldAmount), right: true}, {title: l.T(msgFieldClosed)}, {title: l.T(msgRecordsEntered)}}, 3, []int{8, 1, 0, 7, 5, 4}
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
	cells := make([][]string, len(r.records))
	for i, rec := range r.records {
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
		return []string{fmt.Sprint(a.ID), model.FormatDate(a.Date), a.RepName, activityKindLabel(l, a.Kind),
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
		return []string{id, model.FormatDate(o.Created), o.RepName, o.Account, o.Stage, l.T(outcome), amount,
			model.FormatDate(o.Closed), stamp(o.EnteredAt)}
	}
	ld := rec.Lead
	return []string{fmt.Sprint(ld.ID), model.FormatDate(ld.Created), ld.Company, ld.Contact, ld.Source, leadStatusLabel(l, string(ld.Status)),
		ld.RepName, stamp(ld.EnteredAt)}
}
