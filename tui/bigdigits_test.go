package tui

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
)

// TestBigText: every row of a figure in block digits is as wide as the
// others, measured in display columns; a character without a glyph (万,
// M) sits on the bottom row; a cell is scale columns wide.
func TestBigText(t *testing.T) {
	for _, s := range []string{"¥5,507万", "¥55.1M", "30.1%", "$1.97M", "140", "-12.5%"} {
		for _, scale := range []int{1, 2} {
			rows := bigText(s, scale, nil)
			if len(rows) != bigRows {
				t.Fatalf("%q: %d rows", s, len(rows))
			}
			w := lipgloss.Width(rows[0])
			for i, r := range rows {
				if lipgloss.Width(r) != w {
					t.Errorf("%q x%d: row %d is %d columns, row 1 %d", s, scale, i+1, lipgloss.Width(r), w)
				}
			}
			if bigWidth(s, scale) != w {
				t.Errorf("%q x%d: bigWidth %d, rows %d", s, scale, bigWidth(s, scale), w)
			}
		}
	}
	// "14": 1 is .#./##./.#./.#./### and 4 is #.#/#.#/###/..#/..#, one column apart.
	want := []string{" #  # #", "##  # #", " #  ###", " #    #", "###   #"}
	if got := bigText("14", 1, nil); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("14 =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := bigText("1万", 2, nil); !strings.HasSuffix(got[bigRows-1], "万") || strings.Contains(got[0], "万") {
		t.Errorf("万 not on the bottom row: %q", got)
	}
	if w := bigWidth("1万", 2); w != 3*2+1+2 {
		t.Errorf("1万 at x2 is %d columns, want 9", w)
	}
}
