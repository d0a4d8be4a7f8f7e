package tui

import (
	"regexp"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Cells are measured in display columns (lipgloss.Width), so a Japanese
// label two columns per character lines up with ASCII figures, and cut
// with clipLine, which never splits a wide character and marks the cut
// with "...": a name cut short never passes for another (株式会社ブルーオー
// is not a company).

// padRight left-aligns s in w columns, cutting it when too wide.
func padRight(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = clipCell(s, w)
	return s + strings.Repeat(" ", w-lipgloss.Width(s))
}

// padLeft right-aligns s in w columns, cutting it when too wide.
func padLeft(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = clipCell(s, w)
	return strings.Repeat(" ", w-lipgloss.Width(s)) + s
}

// clipTail marks a line cut at the pane's edge (ASCII, one column each).
const clipTail = "..."

// clipLine cuts a line wider than width columns at a character boundary
// (a Japanese character is never split) and marks the cut with "...".
// width <= 0 means no limit.
func clipLine(s string, width int) string {
	if width <= 0 || ansi.StringWidth(s) <= width {
		return s
	}
	return ansi.Truncate(s, width, clipTail)
}

// clipCell cuts a cell wider than w as clipLine does; a cell too narrow to
// hold "..." and a character is cut bare.
// Spaces past w (a padded line) are dropped, not marked.
func clipCell(s string, w int) string {
	switch {
	case lipgloss.Width(s) <= w:
		return s
	case w <= len(clipTail) || lipgloss.Width(strings.TrimRight(ansi.Strip(s), " ")) <= w:
		return ansi.Truncate(s, w, "")
	}
	return clipLine(s, w)
}

// padLines pads every line of s to w columns (cutting a wider one), so a
// block keeps one width whatever it holds.
func padLines(s string, w int) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = padRight(l, w)
	}
	return strings.Join(lines, "\n")
}

// column is one column of a text table.
type column struct {
	title string
	width int
	right bool // right-aligned (figures)
}

// tableRow joins cells into one line, each padded to its column, one space
// apart.
func tableRow(cols []column, cells []string) string {
	var b strings.Builder
	for i, c := range cols {
		if i > 0 {
			b.WriteByte(' ')
		}
		cell := ""
		if i < len(cells) {
			cell = cells[i]
		}
		if c.right {
			b.WriteString(padLeft(cell, c.width))
		} else {
			b.WriteString(padRight(cell, c.width))
		}
	}
	return b.String()
}

// fitColumns drops columns from the end of drop order until the table fits
// in width; it returns the indexes of the columns kept, in order.
func fitColumns(cols []column, width int, dropOrder []int) []int {
	keep := make([]bool, len(cols))
	for i := range keep {
		keep[i] = true
	}
	total := func() int {
		t, n := 0, 0
		for i, c := range cols {
			if keep[i] {
				t += c.width
				n++
			}
		}
		return t + max(n-1, 0)
	}
	for _, d := range dropOrder {
		if total() <= width {
			break
		}
		keep[d] = false
	}
	var out []int
	for i, k := range keep {
		if k {
			out = append(out, i)
		}
	}
	return out
}

// pick selects the given indexes of xs.
func pick[T any](xs []T, idx []int) []T {
	out := make([]T, 0, len(idx))
	for _, i := range idx {
		if i < len(xs) {
			out = append(out, xs[i])
		}
	}
	return out
}

// progressBar draws a bar of w columns in ASCII, filled to ratio (0..1,
// clamped): [#####-----]. Block glyphs are ambiguous-width in Japanese
// terminals, so the bar stays ASCII.
func progressBar(ratio float64, w int) string {
	if w < 3 {
		return ""
	}
	inner := w - 2
	if ratio < 0 || ratio != ratio {
		ratio = 0
	}
	if ratio > 1 {
		ratio = 1
	}
	n := int(ratio*float64(inner) + 0.5)
	return "[" + strings.Repeat("#", n) + strings.Repeat("-", inner-n) + "]"
}

// displayWidth is the number of columns s takes.
func displayWidth(s string) int { return lipgloss.Width(s) }

// sizeColumns widens each column to its widest cell or title, measured in
// display columns, so a Japanese label or a long kind word is never cut
// when the window has room for it.
func sizeColumns(cols []column, rows [][]string) []column {
	out := make([]column, len(cols))
	for i, c := range cols {
		c.width = max(c.width, lipgloss.Width(c.title))
		for _, r := range rows {
			if i < len(r) {
				c.width = max(c.width, lipgloss.Width(r[i]))
			}
		}
		out[i] = c
	}
	return out
}

// wrapIndented wraps s to w columns (breaking at spaces where it can, inside
// a word of Japanese text where it must) and indents every line by indent
// spaces, so a sentence is never cut at the window's edge.
func wrapIndented(s string, w, indent int) []string {
	pad := strings.Repeat(" ", indent)
	if w-indent < 10 {
		return []string{pad + s}
	}
	var out []string
	// ansi.Wrap breaks after any hyphen: the hyphens of a date or a
	// number range are hidden from it so that 2026-11-16 stays whole.
	s = digitHyphen.ReplaceAllString(s, "${1}"+keptHyphen+"${2}")
	for _, line := range strings.Split(ansi.Wrap(s, w-indent, ""), "\n") {
		out = append(out, pad+strings.ReplaceAll(strings.TrimRight(line, " "), keptHyphen, "-"))
	}
	return out
}

// digitHyphen is a hyphen between digits; keptHyphen stands in for it
// while a line is wrapped (a private-use character, one column wide).
var digitHyphen = regexp.MustCompile(`(\d)-(\d)`)

const keptHyphen = "\ue000"

// wrapNames wraps s as wrapIndented does but never between the words of
// one of names ("山田 健" stays on one line).
func wrapNames(s string, w int, names []string) []string {
	const nbsp = "\u00a0" // ansi.Wrap does not break there
	var pairs []string
	for _, n := range names {
		if strings.Contains(n, " ") {
			pairs = append(pairs, n, strings.ReplaceAll(n, " ", nbsp))
		}
	}
	lines := wrapIndented(strings.NewReplacer(pairs...).Replace(s), w, 0)
	for i, l := range lines {
		lines[i] = strings.ReplaceAll(l, nbsp, " ")
	}
	return lines
}
