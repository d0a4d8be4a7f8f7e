package tui

import (
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
)

// tabHit is where one tab sits in the tab bar: columns [from, to).
type tabHit struct {
	index    int
	from, to int
}

// tabLayout renders each tab as "1 Title", the active one highlighted, and
// says where each sits. When the titles do not fit beside the badge, the bar
// first tightens ("1Title", one space between tabs); if that is still too
// wide, tabs take their short titles from the right, then shrink to their
// number from the right, the active one always keeping its full title, so
// the bar never wraps and every tab keeps a name as long as one fits.
func (a *App) tabLayout() ([]string, []tabHit) {
	c := a.common
	const (
		numberOnly = iota
		shortTitle
		fullTitle
	)
	level := make([]int, len(a.tabs))
	for i := range level {
		level[i] = fullTitle
	}
	tight := false
	render := func() ([]string, int) {
		parts := make([]string, len(a.tabs))
		total := lipgloss.Width(a.badgeView())
		for i, t := range a.tabs {
			st, text := c.Styles.TabIdle, strconv.Itoa(i+1)
			if i == a.active {
				st = c.Styles.TabActive
			}
			if tight {
				st = st.UnsetPaddingRight()
			}
			title := ""
			switch level[i] {
			case fullTitle:
				title = c.T(t.Title)
			case shortTitle:
				title = c.T(t.Short)
			}
			if title != "" && !tight {
				text += " "
			}
			parts[i] = st.Render(text + title)
			total += lipgloss.Width(parts[i])
		}
		return parts, total
	}
	parts, total := render()
	if total > c.Width {
		tight = true
		parts, total = render()
	}
	for _, to := range []int{shortTitle, numberOnly} {
		for i := len(a.tabs) - 1; i >= 0 && total > c.Width; i-- {
			if i != a.active && level[i] > to {
				level[i] = to
				parts, total = render()
			}
		}
	}
	hits := make([]tabHit, len(parts))
	x := 0
	for i, p := range parts {
		w := lipgloss.Width(p)
		hits[i] = tabHit{index: i, from: x, to: x + w}
		x += w
	}
	return parts, hits
}

func (a *App) badgeView() string {
	if a.badge == "" {
		return ""
	}
	return " " + a.common.Styles.Badge.Render(a.badge)
}

// tabBar draws the tabs with the badge (open alerts) at the right.
func (a *App) tabBar() string {
	parts, _ := a.tabLayout()
	bar := strings.Join(parts, "")
	if badge := a.badgeView(); badge != "" {
		if gap := a.common.Width - lipgloss.Width(bar) - lipgloss.Width(badge); gap > 0 {
			bar += strings.Repeat(" ", gap)
		}
		bar += badge
	}
	return fit(bar, a.common.Width, 1)
}

// tabAt is the index of the tab at column x of the tab bar, or -1.
func (a *App) tabAt(x int) int {
	_, hits := a.tabLayout()
	for _, h := range hits {
		if x >= h.from && x < h.to {
			return h.index
		}
	}
	return -1
}

// onBadge reports whether column x of the tab bar is on the alerts badge
// (drawn at the right end).
func (a *App) onBadge(x int) bool {
	b := a.badgeView()
	return b != "" && x >= a.common.Width-lipgloss.Width(b) && x < a.common.Width
}
