package tui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/config"
	"github.com/kpit-dev/kpit/model"
)

// Styles holds every style of the cockpit, built in one place from the
// theme, the terminal's background (tea.BackgroundColorMsg) and NO_COLOR.
// Screens never build colours of their own.
type Styles struct {
	NoColor bool
	Theme   string // config.ThemeDark, ThemeLight, ThemeHighContrast or "" (the terminal's)

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

// NewStyles builds the styles for a dark or light background, as the
// terminal reports it (no theme chosen). With noColor (NO_COLOR set) no
// colour is used at all: emphasis is bold, underline and reverse video only.
func NewStyles(isDark, noColor bool) *Styles {
	return NewThemeStyles(config.ThemeAuto, isDark, noColor)
}

// NewThemeStyles builds the styles of a theme. dark and light are kpit's
// palette for that background whatever the terminal reports; high-contrast
// is for a projector or a bright room: the terminal's own foreground for
// text that is secondary elsewhere, saturated status colours, bold and
// thick borders, still chosen from the background; "" follows the terminal.
func NewThemeStyles(theme string, isDark, noColor bool) *Styles {
	switch theme {
	case config.ThemeDark:
		isDark = true
	case config.ThemeLight:
		isDark = false
	}
	s := &Styles{NoColor: noColor, Theme: theme}
	highContrast := theme == config.ThemeHighContrast
	border := lipgloss.NormalBorder()
	if highContrast {
		border = lipgloss.ThickBorder()
	}
	plain := lipgloss.NewStyle()
	s.Bold = plain.Bold(true)
	s.Title = plain.Bold(true)
	s.Muted = plain
	s.Selected = plain.Reverse(true)
	s.TabActive = plain.Bold(true).Reverse(true).Padding(0, 1)
	s.TabIdle = plain.Padding(0, 1)
	s.Badge = plain.Bold(true)
	s.Error = plain.Bold(true)
	s.Pane = plain.Border(border).Padding(0, 1)
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
	if highContrast {
		highContrastColours(s, c)
		return s
	}
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

// highContrastColours colours the high-contrast theme: pure black or white
// for text (no grey, which a projector washes out), one saturated accent,
// status colours far apart in lightness as well as hue, and the word always
// bold so a status never rests on colour alone.
func highContrastColours(s *Styles, c func(light, dark string) color.Color) {
	plain := lipgloss.NewStyle()
	text := c("#000000", "#FFFFFF")
	accent := c("#0000B0", "#FFFF00")
	onAccent := c("#FFFFFF", "#000000")
	green := c("#005A00", "#00FF5F")
	amber := c("#7A3D00", "#FFAF00")
	red := c("#B00000", "#FF5F5F")
	s.Title = plain.Bold(true).Underline(true).Foreground(accent)
	s.Muted = plain.Foreground(text)
	s.Bold = plain.Bold(true).Foreground(text)
	s.Selected = plain.Bold(true).Foreground(onAccent).Background(accent)
	s.TabActive = plain.Bold(true).Padding(0, 1).Foreground(onAccent).Background(accent)
	s.TabIdle = plain.Padding(0, 1).Foreground(text)
	s.Badge = plain.Bold(true).Foreground(red)
	s.Error = plain.Bold(true).Foreground(red)
	s.Pane = s.Pane.BorderForeground(accent)
	s.Chart = plain.Bold(true).Foreground(accent)
	big := plain.Background(accent)
	s.Big = &big
	s.OnTrack = plain.Bold(true).Foreground(green)
	s.AtRisk = plain.Bold(true).Foreground(amber)
	s.OffTrack = plain.Bold(true).Underline(true).Foreground(red)
	key := plain.Bold(true).Foreground(accent)
	s.Help = help.Styles{
		ShortKey: key, ShortDesc: plain.Foreground(text), ShortSeparator: plain.Foreground(text), Ellipsis: plain.Foreground(text),
		FullKey: key, FullDesc: plain.Foreground(text), FullSeparator: plain.Foreground(text),
	}
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
