package tui

import (
	"image/color"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/kpit-dev/kpit/config"
	"github.com/kpit-dev/kpit/model"
)

func rgb(c color.Color) [3]uint32 {
	if c == nil {
		return [3]uint32{}
	}
	r, g, b, _ := c.RGBA()
	return [3]uint32{r >> 8, g >> 8, b >> 8}
}

// The cockpit opened with the high-contrast theme draws in it, and keeps it
// when the terminal reports its background: on a dark one the tab bar's
// active tab is black on yellow (SGR 38;2;0;0;0 and 48;2;255;255;0), the
// status words bold in saturated colours, and panes have thick borders.
func TestHighContrastThemeIsApplied(t *testing.T) {
	t.Parallel()
	a := New(Options{Store: openDemo(t), Lang: LangEN, Now: func() time.Time { return fixedNow }, Theme: config.ThemeHighContrast})
	run(t, a, a.Init())
	a.Update(tea.BackgroundColorMsg{Color: lipgloss.Color("#000000")})
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	out := a.Render()
	if !strings.Contains(out, "48;2;255;255;0") {
		t.Errorf("no yellow accent on the dark background in the high-contrast cockpit:\n%q", out[:min(len(out), 400)])
	}
	s := a.common.Styles
	if s.Theme != config.ThemeHighContrast {
		t.Fatalf("theme %q after the background was reported", s.Theme)
	}
	if got := rgb(s.Muted.GetForeground()); got != [3]uint32{255, 255, 255} {
		t.Errorf("secondary text %v on a dark background, want white (no grey on a projector)", got)
	}
	for st, style := range map[model.Status]lipgloss.Style{model.StatusOnTrack: s.OnTrack, model.StatusAtRisk: s.AtRisk, model.StatusOffTrack: s.OffTrack} {
		if !style.GetBold() {
			t.Errorf("status %s is not bold", st)
		}
	}
	if s.Pane.GetBorderStyle() != lipgloss.ThickBorder() {
		t.Error("panes should have thick borders")
	}

	// On a light background the same theme is black text and a dark blue accent.
	a.Update(tea.BackgroundColorMsg{Color: lipgloss.Color("#FFFFFF")})
	if got := rgb(a.common.Styles.Muted.GetForeground()); got != [3]uint32{0, 0, 0} {
		t.Errorf("secondary text %v on a light background, want black", got)
	}
	if got := rgb(a.common.Styles.TabActive.GetBackground()); got != [3]uint32{0, 0, 0xB0} {
		t.Errorf("active tab %v on a light background, want dark blue", got)
	}
}

// dark and light pick kpit's palette whatever the terminal reports; no
// theme follows the terminal; NO_COLOR beats every theme.
func TestThemeChoosesThePalette(t *testing.T) {
	t.Parallel()
	darkGreen, lightGreen := rgb(NewStyles(true, false).OnTrack.GetForeground()), rgb(NewStyles(false, false).OnTrack.GetForeground())
	tests := []struct {
		theme  string
		isDark bool
		want   [3]uint32
	}{
		{config.ThemeDark, false, darkGreen},
		{config.ThemeLight, true, lightGreen},
		{config.ThemeAuto, true, darkGreen},
		{config.ThemeAuto, false, lightGreen},
	}
	for _, tc := range tests {
		if got := rgb(NewThemeStyles(tc.theme, tc.isDark, false).OnTrack.GetForeground()); got != tc.want {
			t.Errorf("theme %q on a dark background %v: on-track %v, want %v", tc.theme, tc.isDark, got, tc.want)
		}
	}
	for _, theme := range config.Themes {
		s := NewThemeStyles(theme, true, true)
		if s.OnTrack.GetForeground() != nil && rgb(s.OnTrack.GetForeground()) != [3]uint32{} {
			t.Errorf("NO_COLOR with theme %s: on-track has a colour", theme)
		}
		if st := s.Status(LangEN, model.StatusOffTrack); strings.Contains(st, "38;") {
			t.Errorf("NO_COLOR with theme %s: %q", theme, st)
		}
	}
}
