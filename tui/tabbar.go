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
// first tightens ("1Title", one space between tabs), which keeps every title
// of six Japanese tabs at 80 columns; if that is still too wide, tabs shrink
// to their number from the right, the active one last, so the bar never
// wraps and the first tabs keep their titles longest.
func (a *App) tabLayout() ([]string, []tabHit) {
	c := a.common
	full := make([]bool, len(a.tabs))
	for i := range full {
		full[i] = true
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
			if full[i] && tight {
				text += c.T(t.Title)
			} else if full[i] {
				text += " " + c.T(t.Title)
			}
			parts[i] = st.Render(text)
			total += lipgloss.Width(parts[i])
		}
		return parts, total
	}
	parts, total := render()
	if total > c.Width {
		tight = true
		parts, total = render()
	}
	for i := len(a.tabs) - 1; i >= 0 && total > c.Width; i-- {
		if i != a.active {
			full[i] = false
			parts, total = render()
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
