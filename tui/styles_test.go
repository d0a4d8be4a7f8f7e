package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/kpit-dev/kpit/model"
)

func TestStatusIsAWordWithOrWithoutColour(t *testing.T) {
	t.Parallel()
	words := map[model.Status][2]string{
		model.StatusOnTrack:  {"順調", "On track"},
		model.StatusAtRisk:   {"注意", "At risk"},
		model.StatusOffTrack: {"未達", "Off track"},
		model.StatusUnknown:  {"—", "—"},
	}
	for _, noColor := range []bool{false, true} {
		for _, dark := range []bool{false, true} {
			s := NewStyles(dark, noColor)
			for st, w := range words {
				ja, en := s.Status(LangJA, st), s.Status(LangEN, st)
				if ansi.Strip(ja) != w[0] || ansi.Strip(en) != w[1] {
					t.Errorf("status %s: %q / %q, want %q / %q", st, ansi.Strip(ja), ansi.Strip(en), w[0], w[1])
				}
				// SGR 3x/9x/38 set a foreground colour, 4x/10x/48 a background.
				coloured := strings.Contains(ja, "38;") || strings.Contains(ja, "48;")
				if noColor && coloured {
					t.Errorf("NO_COLOR: status %s rendered with colour: %q", st, ja)
				}
			}
		}
	}
	if s := NewStyles(true, false).Status(LangEN, model.StatusOffTrack); !strings.Contains(s, "38;") {
		t.Errorf("with colour, off track should be coloured: %q", s)
	}
	if NewStyles(true, false).OnTrack.GetForeground() == NewStyles(false, false).OnTrack.GetForeground() {
		t.Error("dark and light backgrounds should get different greens")
	}
}

func TestStatusThresholds(t *testing.T) {
	t.Parallel()
	// The words follow model.StatusOf: 95% and 80% of target at the pace.
	tests := []struct {
		actual, target float64
		want           string
	}{
		{95, 100, "On track"}, {94.9, 100, "At risk"}, {80, 100, "At risk"}, {79.9, 100, "Off track"},
	}
	s := NewStyles(true, true)
	for _, tt := range tests {
		a := model.Achievement(model.Some(tt.actual), model.Some(tt.target), model.HigherIsBetter)
		if got := ansi.Strip(s.Status(LangEN, model.StatusOf(a))); got != tt.want {
			t.Errorf("%v of %v: %q, want %q", tt.actual, tt.target, got, tt.want)
		}
	}
}
