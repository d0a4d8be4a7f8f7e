package tui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
)

// Styles holds every style of the cockpit, built in one place from the
// terminal's background (tea.BackgroundColorMsg) and NO_COLOR. Screens never
// build colours of their own.
type Styles struct {
	NoColor bool

	Title     lipgloss.Style // screen headings
	Muted     lipgloss.Style // secondary text
	Bold      lipgloss.Style
	Selected  lipgloss.Style // the cursor row
	TabActive lipgloss.Style
	TabIdle   lipgloss.Style
	Badge     lipgloss.Style
	Error     lipgloss.Style
	Pane      lipgloss.Style // a bordered detail pane or overlay
	Chart     lipgloss.Style
	// Big is a lit cell of the block digits; nil draws them as '#'.
	Big *lipgloss.Style

	OnTrack  lipgloss.Style
	AtRisk   lipgloss.Style
	OffTrack lipgloss.Style

	Help help.Styles
}

// NewStyles builds the styles for a dark or light background. With noColor
// (NO_COLOR set) no colour is used at all: emphasis is bold, underline and
// reverse video only.
func NewStyles(isDark, noColor bool) *Styles {
	s := &Styles{NoColor: noColor}
	plain := lipgloss.NewStyle()
	s.Bold = plain.Bold(true)
	s.Title = plain.Bold(true)
	s.Muted = plain
	s.Selected = plain.Reverse(true)
	s.TabActive = plain.Bold(true).Reverse(true).Padding(0, 1)
	s.TabIdle = plain.Padding(0, 1)
	s.Badge = plain.Bold(true)
	s.Error = plain.Bold(true)
	s.Pane = plain.Border(lipgloss.NormalBorder()).Padding(0, 1)
	s.Chart = plain
	s.OnTrack, s.AtRisk, s.OffTrack = plain, plain.Bold(true), plain.Bold(true).Underline(true)
	s.Help = help.Styles{
		ShortKey: plain.Bold(true), ShortDesc: plain, ShortSeparator: plain, Ellipsis: plain,
		FullKey: plain.Bold(true), FullDesc: plain, FullSeparator: plain,
	}
	if noColor {
		return s
	}
	ld := lipgloss.LightDark(isDark)
	c := func(light, dark string) color.Color { return ld(lipgloss.Color(light), lipgloss.Color(dark)) }
	accent := c("#5A3FC0", "#B7A6FF")
	muted := c("#6B6B6B", "#9A9A9A")
	green := c("#1B7F3B", "#5FD787")
	amber := c("#9A6700", "#FFD75F")
	red := c("#B3261E", "#FF7A70")
	s.Title = s.Title.Foreground(accent)
	s.Muted = s.Muted.Foreground(muted)
	s.Selected = plain.Reverse(true)
	s.TabActive = plain.Bold(true).Padding(0, 1).Foreground(c("#FFFFFF", "#1A1A1A")).Background(accent)
	s.TabIdle = s.TabIdle.Foreground(muted)
	s.Badge = s.Badge.Foreground(red)
	s.Error = s.Error.Foreground(red)
	s.Pane = s.Pane.BorderForeground(accent)
	s.Chart = s.Chart.Foreground(accent)
	big := plain.Background(accent)
	s.Big = &big
	s.OnTrack = plain.Foreground(green)
	s.AtRisk = plain.Bold(true).Foreground(amber)
	s.OffTrack = plain.Bold(true).Foreground(red)
	s.Help = help.DefaultStyles(isDark)
	return s
}

// Status renders a status as its word in its colour: the word is always
// there, so colour is never the only signal.
func (s *Styles) Status(l Lang, st model.Status) string {
	style := s.Muted
	switch st {
	case model.StatusOnTrack:
		style = s.OnTrack
	case model.StatusAtRisk:
		style = s.AtRisk
	case model.StatusOffTrack:
		style = s.OffTrack
	}
	return style.Render(StatusWord(l, st))
}

// StatusWord is a status as its plain word (catalog.StatusWord).
func StatusWord(l Lang, st model.Status) string { return catalog.StatusWord(l, st) }
