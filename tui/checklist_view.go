package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kpit-dev/kpit/model"
)

// Drawing the checklist screen: the header with the score, the scrolling
// list of items and gaps, and the detail lines on the selected row.

// Layout: two header lines, the scrolling list, a blank line and four
// lines of detail on the selected row (the evidence may take two).
const ckDetailLines = 4

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
		lines[i] = clipCell(l, s.width)
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
	cell := padRight("["+label+mark+"]", ckStatusW)
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
		num := padRight(fmt.Sprintf("%2d", r.item), ckNumW)
		var line string
		if !r.gap {
			if it.Group != group {
				group = it.Group
				out = append(out, s.Styles.Bold.Render(s.T(checklistGroupText[group])))
			}
			line = cursor + num + s.statusCell(res) + " " + padRight(s.T(checklistItemText[r.item]), tw)
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
			line = cursor + num + s.statusCell(res) + " " + padRight(s.T(checklistNextStep[it.NextStep]), stepW) + "  " +
				s.Styles.Muted.Render(goTo)
		}
		if i == s.cursor {
			line = s.Styles.Selected.Render(padRight(ansi.Strip(line), s.width))
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
	// The evidence names KPIs and can be long: wrap it over two lines
	// rather than cut it in the middle of a list at 80 columns.
	second := wrapIndented(evidence+s.Styles.Muted.Render("("+suggest+")"), s.width, 0)
	second = append(second, "")[:2]
	third := ""
	if res.Effective != model.AnswerYes {
		third = s.T(msgCkNext, s.T(checklistNextStep[it.NextStep])) + "  " +
			s.Styles.Muted.Render(s.T(msgCkGoTo, s.T(checklistFixText[it.Fix])))
	}
	return []string{first, second[0], second[1], third}
}
