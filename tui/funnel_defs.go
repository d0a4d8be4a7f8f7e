package tui

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// The stage definitions screen, opened from the Funnel tab with d: each
// stage's definition in Japanese and English, its owning department, its
// hand-off limit and its target conversion, as in force today, with the
// selected stage's revisions. Enter edits a stage; saving records a
// revision with its effective date and reason (store.ReviseStageDef), the
// way a KPI's goals are revised.

type defsKeys struct {
	Up, Down, Enter, Back, Tab, ShiftTab, Left, Right key.Binding
}

func (k defsKeys) ShortHelp() []key.Binding { return []key.Binding{k.Up, k.Down, k.Enter, k.Back} }
func (k defsKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Enter, k.Back}, {k.Tab, k.ShiftTab, k.Left, k.Right}}
}

// defsClosedMsg tells the funnel tab the definitions screen closed.
type defsClosedMsg struct{}

type defsLoadedMsg struct {
	to   *defsScreen
	revs []model.StageDefRevision
	err  error
}

type defsSavedMsg struct {
	to    *defsScreen
	stage model.FunnelStage
	err   error
}

// Form fields, in tab order.
const (
	defsFieldJA = iota
	defsFieldEN
	defsFieldOwner
	defsFieldLimit
	defsFieldTarget
	defsFieldFrom
	defsFieldReason
	defsFields
)

type defsForm struct {
	stage  model.FunnelStage
	owner  model.Department
	inputs [defsFields]lineInput // the owner's entry is unused: it is a choice
	focus  int
	err    string
	saving bool // enter was pressed; waiting for the store
}

type defsScreen struct {
	*Common
	keys          defsKeys
	width, height int
	revs          []model.StageDefRevision
	err           error
	loaded        bool // the first read has answered
	cursor        int
	form          *defsForm
}

func newDefsScreen(c *Common) *defsScreen {
	l := c.Lang
	return &defsScreen{Common: c, keys: defsKeys{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("up/k", l.T(msgKeyUp))),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("down/j", l.T(msgKeyDown))),
		Enter:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", l.T(msgKeyOpen))),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", l.T(msgKeyBack))),
		Tab:      key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", l.T(msgKeyDown))),
		ShiftTab: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", l.T(msgKeyUp))),
		Left:     key.NewBinding(key.WithKeys("left"), key.WithHelp("←", l.T(msgDefsFieldOwn))),
		Right:    key.NewBinding(key.WithKeys("right"), key.WithHelp("→", l.T(msgDefsFieldOwn))),
	}}
}

func (d *defsScreen) Keys() help.KeyMap { return d.keys }
func (d *defsScreen) SetSize(w, h int)  { d.width, d.height = w, h }
func (d *defsScreen) Capturing() bool   { return d.form != nil }
func (d *defsScreen) Loading() bool     { return !d.loaded || d.form != nil && d.form.saving }
func (d *defsScreen) Init() tea.Cmd     { return d.load() }
func (d *defsScreen) defs() []model.StageDef {
	return model.StageDefsAsOf(d.revs, model.Date(d.Now()))
}

func (d *defsScreen) load() tea.Cmd {
	st := d.Store
	return d.read(d, func(ctx context.Context) tea.Msg {
		revs, err := st.StageDefRevisions(ctx)
		return defsLoadedMsg{to: d, revs: revs, err: err}
	})
}

func (d *defsScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case defsLoadedMsg:
		if msg.to == d {
			d.revs, d.err, d.loaded = msg.revs, msg.err, true
		}
		return d, nil
	case defsSavedMsg:
		if msg.to != d {
			return d, nil
		}
		if msg.err != nil {
			if d.form != nil {
				d.form.err, d.form.saving = writeErr(d.Lang, msg.err), false
			}
			return d, nil
		}
		d.form = nil
		return d, tea.Batch(Flash(d.T(msgDefsSaved, catalog.StageWord(d.Lang, msg.stage)), false), Reload)
	case ReloadMsg:
		return d, d.load()
	}
	if d.form != nil {
		return d, d.updateForm(msg)
	}
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return d, nil
	}
	stages := model.FunnelStages()
	switch {
	case key.Matches(km, d.keys.Back):
		return d, func() tea.Msg { return defsClosedMsg{} }
	case key.Matches(km, d.keys.Up):
		d.cursor = max(d.cursor-1, 0)
	case key.Matches(km, d.keys.Down):
		d.cursor = min(d.cursor+1, len(stages)-1)
	case key.Matches(km, d.keys.Enter):
		if d.err == nil {
			d.form = d.newForm(model.StageDefOf(d.defs(), stages[d.cursor]))
		}
	}
	return d, nil
}

func (d *defsScreen) newForm(def model.StageDef) *defsForm {
	f := &defsForm{stage: def.Stage, owner: def.Owner}
	target := ""
	if def.TargetRate.Valid {
		target = catalog.TrimDecimal(def.TargetRate.V*100, 1)
	}
	for i, v := range []string{def.DefinitionJA, def.DefinitionEN, "", strconv.Itoa(def.LimitDays), target,
		model.FormatDate(d.Now()), ""} {
		f.inputs[i] = newLineInput(v)
	}
	return f
}

func (d *defsScreen) updateForm(msg tea.Msg) tea.Cmd {
	f := d.form
	if km, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(km, d.keys.Back):
			d.form = nil
			return nil
		case key.Matches(km, d.keys.Tab), key.Matches(km, d.keys.Down):
			f.focus = (f.focus + 1) % defsFields
			f.inputs[f.focus].SelectAll()
			return nil
		case key.Matches(km, d.keys.ShiftTab), key.Matches(km, d.keys.Up):
			f.focus = (f.focus + defsFields - 1) % defsFields
			f.inputs[f.focus].SelectAll()
			return nil
		case key.Matches(km, d.keys.Enter):
			return d.save()
		case f.focus == defsFieldOwner && key.Matches(km, d.keys.Left, d.keys.Right):
			depts := model.Departments()
			i := 0
			for j, x := range depts {
				if x == f.owner {
					i = j
				}
			}
			step := 1
			if key.Matches(km, d.keys.Left) {
				step = len(depts) - 1
			}
			f.owner = depts[(i+step)%len(depts)]
			return nil
		}
	}
	if f.focus != defsFieldOwner {
		f.inputs[f.focus].Update(msg)
	}
	return nil
}

// save reads the form and records the revision; a bad field is one line
// on the form and nothing is written.
func (d *defsScreen) save() tea.Cmd {
	f := d.form
	val := func(i int) string { return strings.TrimSpace(f.inputs[i].Value()) }
	def := model.StageDef{Stage: f.stage, DefinitionJA: val(defsFieldJA), DefinitionEN: val(defsFieldEN), Owner: f.owner}
	limit, err := strconv.Atoi(val(defsFieldLimit))
	if err != nil {
		f.err = d.T(msgDefsBadNumber, d.T(msgDefsFieldLim))
		return nil
	}
	def.LimitDays = limit
	if t := strings.TrimSuffix(val(defsFieldTarget), "%"); t != "" {
		v, err := strconv.ParseFloat(t, 64)
		if err != nil {
			f.err = d.T(msgDefsBadNumber, d.T(msgDefsFieldTgt))
			return nil
		}
		def.TargetRate = model.Some(v / 100)
	}
	from, err := model.ParseDate(val(defsFieldFrom))
	if err != nil {
		f.err = d.T(msgDefsBadDate)
		return nil
	}
	if err := model.CheckStageDef(def); err != nil {
		f.err = failure(d.Lang, err)
		return nil
	}
	if model.StageDefOf(model.StageDefsAsOf(d.revs, from), def.Stage) == def {
		f.err = d.T(msgDefsNoChange)
		return nil
	}
	reason := val(defsFieldReason)
	if reason == "" {
		f.err = d.T(msgDefsNeedWhy)
		return nil
	}
	st, note := d.Store, store.RevisionNote{From: from, Author: d.Store.Author(), Reason: reason}
	f.saving = true
	return func() tea.Msg {
		return defsSavedMsg{to: d, stage: def.Stage, err: st.ReviseStageDef(context.Background(), def, note)}
	}
}

func (d *defsScreen) View() string {
	l := d.Lang
	lines := []string{d.Styles.Title.Render(d.T(msgDefsTitle, model.FormatDate(d.Now()))), ""}
	if d.err != nil {
		return strings.Join(append(lines, errLine(d.Common, d.err)), "\n")
	}
	if d.form != nil {
		return strings.Join(append(lines, d.formLines()...), "\n")
	}
	defs := d.defs()
	nameW := 0
	for _, s := range model.FunnelStages() {
		nameW = max(nameW, displayWidth(catalog.StageWord(l, s)))
	}
	for i, def := range defs {
		text := l.Pick(def.DefinitionJA, def.DefinitionEN)
		if strings.TrimSpace(text) == "" {
			text = d.T(msgDefsUndefined)
		}
		row := fmt.Sprintf("%s  %s  %s  %s  %s", padRight(catalog.StageWord(l, def.Stage), nameW),
			padRight(deptShort(l, def.Owner), 10), padRight(catalog.LimitWord(l, def.LimitDays), 10),
			padLeft(FormatPercent(def.TargetRate), 6), text)
		row = clipLine(row, d.width-2)
		if i == d.cursor {
			lines = append(lines, "> "+d.Styles.Selected.Render(row))
		} else {
			lines = append(lines, "  "+row)
		}
	}
	lines = append(lines, "")
	for _, line := range wrapIndented(d.T(msgDefsHint), d.width, 0) {
		lines = append(lines, d.Styles.Muted.Render(line))
	}
	lines = append(lines, "", d.Styles.Bold.Render(d.T(msgDefsHistory)))
	stage := model.FunnelStages()[d.cursor]
	var hist []string
	for i := len(d.revs) - 1; i >= 0; i-- {
		r := d.revs[i]
		if r.Def.Stage != stage {
			continue
		}
		from := model.FormatDate(r.EffectiveFrom)
		if r.EffectiveFrom.IsZero() {
			from = "-"
		}
		hist = append(hist, clipLine("  "+d.T(msgDefsRevLine, from, r.Author, r.Reason,
			r.RecordedAt.In(d.Now().Location()).Format("2006-01-02 15:04")), d.width))
	}
	if len(hist) == 0 {
		hist = []string{"  " + d.T(msgDefsNoHistory)}
	}
	lines = append(lines, hist...)
	if len(lines) > d.height {
		lines = lines[:d.height]
	}
	return strings.Join(lines, "\n")
}

func (d *defsScreen) formLines() []string {
	f, l := d.form, d.Lang
	out := []string{d.Styles.Bold.Render(d.T(msgDefsEditTitle, catalog.StageWord(l, f.stage))), ""}
	labels := []Text{msgDefsFieldJA, msgDefsFieldEN, msgDefsFieldOwn, msgDefsFieldLim, msgDefsFieldTgt, msgDefsFieldFrom, msgDefsFieldWhy}
	labelW := 0
	for _, t := range labels {
		labelW = max(labelW, displayWidth(d.T(t)))
	}
	valueW := max(d.width-labelW-6, 10)
	for i, t := range labels {
		focused := f.focus == i
		var val string
		if i == defsFieldOwner {
			val = deptShort(l, f.owner)
			if focused {
				val = "< " + d.Styles.Selected.Render(val) + " >"
			}
		} else {
			val = f.inputs[i].View(focused, d.Styles.Selected, valueW)
		}
		mark := "  "
		if focused {
			mark = "> "
		}
		out = append(out, mark+padRight(d.T(t), labelW)+"  "+val)
	}
	out = append(out, "")
	if f.err != "" {
		out = append(out, d.Styles.Error.Render(clipLine(f.err, d.width)))
	}
	for _, line := range wrapIndented(d.T(msgDefsSaveHint), d.width, 0) {
		out = append(out, d.Styles.Muted.Render(line))
	}
	return out
}
