package tui

import (
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
)

// reviewForm is the small form of the review: a cause on a missed KPI
// (category and text) or an action (owner, due day, text). Choices move
// with left/right, tab moves between fields, enter records into the review
// in progress (nothing is written until the review is saved), esc cancels.
type reviewForm struct {
	kind      formKind
	kpi       string
	field     int
	category  int    // index in model.CauseCategories
	owner     int    // index in the loaded reps
	due       string // as typed: 2026-12-04, today, 今日 ...
	text      string
	problem   string
	cancelled bool
}

type formKind int

const (
	formNote formKind = iota
	formAction
)

func newNoteForm(kpi string) *reviewForm {
	return &reviewForm{kind: formNote, kpi: kpi, field: 1}
}

// newActionForm starts an action due a week from today.
func newActionForm(kpi string, today time.Time) *reviewForm {
	return &reviewForm{kind: formAction, kpi: kpi, due: model.FormatDate(today.AddDate(0, 0, 7)), field: 2}
}

// fields is how many fields the form has; the last is the text.
func (f *reviewForm) fields() int {
	if f.kind == formNote {
		return 2
	}
	return 3
}

// typing reports whether the focused field takes typed text.
func (f *reviewForm) typing() bool {
	return f.field == f.fields()-1 || (f.kind == formAction && f.field == 1)
}

// input is the text field in focus, nil on a choice.
func (f *reviewForm) input() *string {
	switch {
	case f.field == f.fields()-1:
		return &f.text
	case f.kind == formAction && f.field == 1:
		return &f.due
	}
	return nil
}

func (f *reviewForm) paste(s string) {
	if in := f.input(); in != nil {
		*in += strings.ReplaceAll(s, "\n", " ")
	}
}

// key handles one key; done is true when the form is finished (recorded
// or cancelled), problem says why enter was refused.
func (f *reviewForm) key(c *Common, msg tea.KeyPressMsg, reps int) (done bool, problem string) {
	choices := 0
	if f.field == 0 {
		choices = len(model.CauseCategories())
		if f.kind == formAction {
			choices = reps
		}
	}
	pick := &f.category
	if f.kind == formAction {
		pick = &f.owner
	}
	switch msg.String() {
	case "esc":
		f.cancelled = true
		return true, ""
	case "tab", "down":
		f.field = (f.field + 1) % f.fields()
	case "shift+tab", "up":
		f.field = (f.field + f.fields() - 1) % f.fields()
	case "left":
		if choices > 0 {
			*pick = (*pick + choices - 1) % choices
		}
	case "right":
		if choices > 0 {
			*pick = (*pick + 1) % choices
		}
	case "backspace":
		if in := f.input(); in != nil {
			if r := []rune(*in); len(r) > 0 {
				*in = string(r[:len(r)-1])
			}
		}
	case "enter":
		if strings.TrimSpace(f.text) == "" {
			return false, c.T(msgRvNeedText)
		}
		if f.kind == formAction {
			if _, err := model.ParseDay(f.due, c.Now()); err != nil {
				return false, c.T(msgRvBadDue, catalog.ErrorLine(c.Lang, err))
			}
		}
		f.text = strings.TrimSpace(f.text)
		return true, ""
	default:
		if in := f.input(); in != nil {
			*in += msg.Text
		}
	}
	f.problem = ""
	return false, ""
}

// view draws the form: a title and one line per field, the focused one
// marked.
func (f *reviewForm) view(c *Common, kpiName string, repName func(int) string) []string {
	s := c.Styles
	var lines []string
	field := func(i int, label, value string, choice bool) {
		mark := "  "
		if i == f.field {
			mark = "> "
			if choice {
				value = "< " + value + " >"
			} else {
				value = s.Selected.Render(value + " ")
			}
		}
		lines = append(lines, mark+padRight(label, 8)+" "+value)
	}
	if f.kind == formNote {
		lines = append(lines, s.Title.Render(c.T(msgRvNoteTitle, kpiName)))
		field(0, c.T(msgRvCategory), catalog.CauseWord(c.Lang, model.CauseCategories()[f.category]), true)
		field(1, c.T(msgRvText), f.text, false)
	} else {
		title := c.T(msgRvActionTitle)
		if kpiName != "" {
			title += " (" + kpiName + ")"
		}
		lines = append(lines, s.Title.Render(title))
		field(0, c.T(msgRvOwner), repName(f.owner), true)
		field(1, c.T(msgRvDue), f.due, false)
		field(2, c.T(msgRvText), f.text, false)
	}
	if f.problem != "" {
		lines = append(lines, s.Error.Render(f.problem))
	}
	return append(lines, s.Muted.Render(c.T(msgRvFormKeys)))
}
