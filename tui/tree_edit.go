package tui

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/kpitree"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// The detail pane edits the selected KPI's target, deadline (checklist
// item 4), definition and formula (item 5): one line typed, checked on
// enter and saved through store.UpsertKPI, which records a revision.

// kpiField is the part of a KPI the detail pane edits.
type kpiField int

const (
	fieldTarget kpiField = iota + 1
	fieldDeadline
	fieldDefinition
	fieldFormula
)

// kpiEdit is the editor of the detail pane: the value on one line, then
// the reason for the change on a second (a change of a goal is a revision
// that says why), then the change, old -> new, to confirm with y.
type kpiEdit struct {
	field   kpiField
	key     string
	old     string // the value when the editor opened, as typed back
	text    lineInput
	problem string // why the text was refused; the text is kept
	saving  bool   // y was pressed; waiting for the store

	asking     bool      // the value is checked; the reason is being typed
	change     kpiChange // the checked value, while asking
	reason     lineInput
	confirming bool // the reason is typed; waiting for y/n
}

// typed is the line being typed: the value, or the reason once asked.
func (e *kpiEdit) typed() *lineInput {
	if e.asking {
		return &e.reason
	}
	return &e.text
}

// kpiChange is a checked edit, ready to apply to the stored KPI.
type kpiChange struct {
	field    kpiField
	target   kpitree.Target
	clear    bool // an empty text removes the target or deadline
	deadline time.Time
	text     string // definition or formula
}

type kpiEditSavedMsg struct {
	key   string
	field kpiField
	err   error
}

// startEdit opens the editor on the node under the cursor with its
// current value, to change. The KGI is set on the dashboard, not here.
func (s *treeScreen) startEdit(f kpiField) {
	n := s.current()
	if n == nil {
		return
	}
	g := s.data.goals
	if n.Parent == nil && g.HasKGI && g.KGI.Metric == n.Key {
		s.note = s.T(msgEditKGI)
		return
	}
	kpi, _ := g.KPI(n.Key)
	e := &kpiEdit{field: f, key: n.Key}
	stored := s.storedKPI(n.Key)
	switch f {
	case fieldTarget:
		if stored != nil && stored.HasTarget {
			e.old = targetText(n, *stored)
		}
	case fieldDeadline:
		if stored != nil && !stored.Deadline.IsZero() {
			e.old = model.FormatDate(stored.Deadline)
		}
	case fieldDefinition:
		if stored != nil {
			e.old = stored.Definition
		}
	case fieldFormula:
		if stored != nil {
			e.old = stored.Formula
		} else {
			e.old = kpi.Formula
		}
	}
	e.text = newLineInput(e.old) // selected: typing replaces it
	s.edit, s.note = e, ""
}

// storedKPI is key's KPI as stored, nil when it is not stored.
func (s *treeScreen) storedKPI(key string) *model.KPI {
	for i, k := range s.data.goals.KPIs {
		if k.Key == key {
			return &s.data.goals.KPIs[i]
		}
	}
	return nil
}

// targetText writes a stored target the way it is typed back: 30% for a
// rate, 140/month for a flow, 200000 for a level.
func targetText(n *kpitree.Node, k model.KPI) string {
	if n.Unit == model.UnitRatio {
		return strconv.FormatFloat(k.Target*100, 'g', 10, 64) + "%"
	}
	v := strconv.FormatFloat(k.Target, 'f', -1, 64)
	if n.Kind == kpitree.Flow {
		v += "/" + string(kpitree.PerOrYear(k.TargetPer))
	}
	return v
}

// editKey handles a key while the editor is open: enter checks the text
// and saves it in a command, esc leaves it.
func (s *treeScreen) editKey(msg tea.KeyPressMsg) tea.Cmd {
	e := s.edit
	if e.saving {
		return nil
	}
	if e.confirming {
		e.confirming = false
		if k := msg.String(); k == "y" || k == "Y" {
			e.problem, e.saving = "", true
			return saveKPIChange(s.Store, e.key, e.change, s.revisionNote(strings.TrimSpace(e.reason.Value())))
		}
		// Anything else goes back to the value, as typed, to fix it.
		e.asking, e.reason, e.problem = false, lineInput{}, s.T(msgEditNotSaved)
		return nil
	}
	switch k := msg.String(); {
	case k == "esc":
		s.edit = nil
	case k == "enter" && !e.asking:
		ch, err := s.checkEdit(e)
		if err != nil {
			e.problem = err.Error()
			return nil
		}
		e.problem, e.asking, e.change = "", true, ch
	case k == "enter":
		if strings.TrimSpace(e.reason.Value()) == "" {
			e.problem = s.T(msgReasonRequired)
			return nil
		}
		e.problem, e.confirming = "", true
	default:
		if e.typed().Update(msg) {
			e.problem = ""
		}
	}
	return nil
}

// checkEdit reads the typed text for its field; the error is the line
// the user sees, naming the field and the value.
func (s *treeScreen) checkEdit(e *kpiEdit) (kpiChange, error) {
	text := strings.TrimSpace(e.text.Value())
	ch := kpiChange{field: e.field, clear: text == ""}
	switch e.field {
	case fieldTarget:
		if ch.clear {
			return ch, nil
		}
		t, err := s.parseTarget(e.key, text)
		if err != nil {
			return ch, errors.New(s.T(msgEditBadTarget, catalog.ErrorLine(s.Lang, err)))
		}
		ch.target = t
	case fieldDeadline:
		if ch.clear {
			return ch, nil
		}
		d, err := model.ParseDate(text)
		if err != nil {
			return ch, errors.New(s.T(msgEditBadDeadline, catalog.ErrorLine(s.Lang, err)))
		}
		ch.deadline = d
	default:
		ch.text = text
	}
	return ch, nil
}

// parseTarget reads a target for key by kpitree.ParseTarget (per its
// current period when none is typed), a refusal worded in the UI language.
func (s *treeScreen) parseTarget(key, text string) (kpitree.Target, error) {
	n := s.tree().Node(key)
	var per model.PeriodKind
	if k := s.storedKPI(key); k != nil && k.HasTarget {
		per = k.TargetPer
	}
	t, err := kpitree.ParseTarget(text, n.Unit, n.Kind, per)
	var te *kpitree.TargetError
	if errors.As(err, &te) {
		msg := map[kpitree.TargetProblem]Text{kpitree.TargetNegative: msgEditNegative, kpitree.TargetRateOver100: msgEditRateOver,
			kpitree.TargetRateWithPeriod: msgEditRatePer, kpitree.TargetPercentNotRate: msgEditNotRate,
			kpitree.TargetLevelWithPeriod: msgEditLevelPer}[te.Problem]
		return t, errors.New(s.T(msg, text))
	}
	return t, err
}

// saveKPIChange applies ch to key's KPI as in force on the note's day (the
// catalogue's when it is not stored yet) and saves it: a revision from that
// day, signed with the note.
func saveKPIChange(st *store.Store, key string, ch kpiChange, note store.RevisionNote) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), saveTimeout)
		defer cancel()
		kpi, ok, err := st.KPIAsOf(ctx, key, note.From)
		if err != nil {
			return kpiEditSavedMsg{key: key, field: ch.field, err: err}
		}
		if !ok {
			kpi = model.KPI{Key: key}
			if e, known := model.KPIDefinition(key); known {
				kpi = e.KPI
			}
		}
		switch ch.field {
		case fieldTarget:
			kpi.HasTarget, kpi.Target = !ch.clear, 0
			if !ch.clear {
				kpi.Target, kpi.TargetPer = ch.target.Value, kpitree.PerOrYear(ch.target.Per)
			}
		case fieldDeadline:
			kpi.Deadline = ch.deadline
		case fieldDefinition:
			kpi.Definition = ch.text
		case fieldFormula:
			kpi.Formula = ch.text
		}
		return kpiEditSavedMsg{key: key, field: ch.field, err: st.SaveKPI(ctx, kpi, note)}
	}
}

// edited reports a save: the editor closes and every screen reloads (the
// checklist's evidence with it); a failure keeps the text to retry.
func (s *treeScreen) edited(msg kpiEditSavedMsg) tea.Cmd {
	if msg.err != nil {
		if s.edit != nil {
			s.edit.saving, s.edit.problem = false, s.T(msgEditSaveFailed, writeErr(s.Lang, msg.err))
		}
		return nil
	}
	s.edit = nil
	return tea.Batch(Reload, Flash(s.T(msgEditSaved, s.T(fieldName(msg.field)), s.data.goals.name(s.Lang, msg.key)), false))
}

func fieldName(f kpiField) Text {
	switch f {
	case fieldTarget:
		return msgKeyEditTarget
	case fieldDeadline:
		return msgKeyEditDeadline
	case fieldDefinition:
		return msgKeyEditDef
	}
	return msgKeyEditFormula
}

// editLines are the editor's prompt and text, and the refusal under it.
func (s *treeScreen) editLines() []string {
	e := s.edit
	if e == nil {
		if s.note != "" {
			return []string{"", s.Styles.Error.Render(s.note)}
		}
		return nil
	}
	prompt := map[kpiField]Text{fieldTarget: msgEditPromptTarget, fieldDeadline: msgEditPromptDeadline,
		fieldDefinition: msgEditPromptDef, fieldFormula: msgEditPromptFormula}[e.field]
	out := []string{""}
	w := s.width
	switch {
	case e.confirming:
		old, typed := e.old, strings.TrimSpace(e.text.Value())
		if old == "" {
			old = s.T(msgEditNone)
		}
		if typed == "" {
			typed = s.T(msgEditNone)
		}
		change := s.T(msgChangeOldNew, old, typed)
		lines := wrapIndented(s.T(msgEditConfirm, s.T(fieldName(e.field)), change, strings.TrimSpace(e.reason.Value())), w, 0)
		lines[len(lines)-1] = s.Styles.Bold.Render(lines[len(lines)-1])
		out = append(out, lines...)
	case e.asking:
		out = append(out, wrapIndented(s.T(prompt)+e.text.Value(), w, 0)...)
		out = append(out, promptLines(s.Common, s.T(msgReasonPrompt), &e.reason, w)...)
	default:
		out = append(out, promptLines(s.Common, s.T(prompt), &e.text, w)...)
	}
	if e.problem != "" {
		for _, l := range wrapIndented(e.problem, w, 0) {
			out = append(out, s.Styles.Error.Render(l))
		}
	}
	return out
}

// deadlineLine is the detail pane's deadline: the stored date, or a
// warning that there is none (checklist item 4).
func (s *treeScreen) deadlineLine(key string, label func(Text) string) string {
	if k := s.storedKPI(key); k != nil && !k.Deadline.IsZero() {
		return label(msgDetailDeadline) + " " + model.FormatDate(k.Deadline)
	}
	return label(msgDetailDeadline) + " " + s.Styles.AtRisk.Render(s.T(msgDetailNoDeadline))
}

// kpiFocusMsg asks the tree to select the first of keys in display order
// and open its detail pane: the checklist's jump for items 4 and 5.
type kpiFocusMsg struct{ keys []string }

// FocusKPI is the message that selects the first of keys on the tree, nil
// for no key.
func FocusKPI(keys []string) tea.Msg {
	if len(keys) == 0 {
		return nil
	}
	return kpiFocusMsg{keys: keys}
}

// focus selects the first node of keys in display order, opening the
// collapsed nodes above it. Asked before the tree has been read, it does
// so once it has.
func (s *treeScreen) focus(keys []string) {
	t := s.tree()
	if t == nil {
		s.focusLater = keys
		return
	}
	s.focusLater = nil
	want := map[string]bool{}
	for _, k := range keys {
		want[k] = true
	}
	var found *kpitree.Node
	var walk func(n *kpitree.Node)
	walk = func(n *kpitree.Node) {
		if found != nil {
			return
		}
		if want[n.Key] {
			found = n
			return
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(t.Root())
	if found == nil {
		return
	}
	for a := found.Parent; a != nil; a = a.Parent {
		delete(s.collapsed, a.Key)
	}
	for i, n := range s.visibleNodes() {
		if n == found {
			s.cursor = i
		}
	}
	s.whatIf, s.editing, s.confirm, s.edit = false, false, false, nil
	s.detail = true
}
