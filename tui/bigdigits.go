package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// Block digits for a figure read across a room (the review on a shared
// screen). Each glyph is five rows of cells, '#' on and '.' off; a cell
// drawn on is a coloured space where colour is allowed and '#' where it
// is not, never a block character, whose width is ambiguous on Japanese
// terminals. Characters without a glyph (万, 億, M, k, pt) are written
// as they are on the bottom row, like a unit after the figure.
const bigRows = 5

var bigGlyphs = map[rune][bigRows]string{
	'0': {"###", "#.#", "#.#", "#.#", "###"},
	'1': {".#.", "##.", ".#.", ".#.", "###"},
	'2': {"###", "..#", "###", "#..", "###"},
	'3': {"###", "..#", "###", "..#", "###"},
	'4': {"#.#", "#.#", "###", "..#", "..#"},
	'5': {"###", "#..", "###", "..#", "###"},
	'6': {"###", "#..", "###", "#.#", "###"},
	'7': {"###", "..#", "..#", "..#", "..#"},
	'8': {"###", "#.#", "###", "#.#", "###"},
	'9': {"###", "#.#", "###", "..#", "###"},
	',': {".", ".", ".", "#", "#"},
	'.': {".", ".", ".", ".", "#"},
	'%': {"#.#", "..#", ".#.", "#..", "#.#"},
	'¥': {"#.#", ".#.", "###", ".#.", ".#."},
	'$': {".##", "#..", ".#.", "..#", "##."},
	'-': {"...", "...", "###", "...", "..."},
	'+': {"...", ".#.", "###", ".#.", "..."},
	'/': {"..#", "..#", ".#.", "#..", "#.."},
	' ': {".", ".", ".", ".", "."},
}

// bigText draws s in block digits, each cell scale columns wide, glyphs
// one column apart; on is the style of a lit cell (nil draws '#').
func bigText(s string, scale int, on *lipgloss.Style) []string {
	rows := make([]string, bigRows)
	first := true
	for _, r := range s {
		g, ok := bigGlyphs[r]
		if !first {
			for i := range rows {
				rows[i] += " "
			}
		}
		first = false
		if !ok {
			// No glyph: the character itself on the bottom row.
			w := lipgloss.Width(string(r))
			for i := 0; i < bigRows-1; i++ {
				rows[i] += strings.Repeat(" ", w)
			}
			rows[bigRows-1] += string(r)
			continue
		}
		for i, line := range g {
			rows[i] += bigCells(line, scale, on)
		}
	}
	return rows
}

// bigCells draws one row of a glyph.
func bigCells(line string, scale int, on *lipgloss.Style) string {
	var b strings.Builder
	for i := 0; i < len(line); {
		j := i
		for j < len(line) && line[j] == line[i] {
			j++
		}
		n := (j - i) * scale
		if line[i] == '#' {
			if on == nil {
				b.WriteString(strings.Repeat("#", n))
			} else {
				b.WriteString(on.Render(strings.Repeat(" ", n)))
			}
		} else {
			b.WriteString(strings.Repeat(" ", n))
		}
		i = j
	}
	return b.String()
}

// bigWidth is how many columns bigText(s, scale) takes.
func bigWidth(s string, scale int) int {
	return lipgloss.Width(bigText(s, scale, nil)[bigRows-1])
}
