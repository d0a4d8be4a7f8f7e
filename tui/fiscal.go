package tui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/catalog"
)

// The fiscal-year start month (default April) is a setting, edited in the
// rules form (`!` then `s`) and by `kpit rules --fiscal-start N`. The frame
// reads it at start and on every reload (ctrl+r, or after the form saves);
// when it changed, every tab is built again so its periods (quarters, the
// fiscal year) follow the new calendar.

// fiscalStartMsg carries the stored fiscal-year start month.
type fiscalStartMsg struct{ month time.Month }

// loadFiscalStart reads the setting for the frame. A bad stored value
// keeps the month in use (kpit rules reports it).
func loadFiscalStart(c *Common) tea.Cmd {
	st := c.Store
	return func() tea.Msg {
		m, err := st.FiscalStart(context.Background())
		if err != nil {
			return nil
		}
		return fiscalStartMsg{month: m}
	}
}

// setFiscalStart switches the cockpit to a new fiscal-year start, rebuilding
// the tabs (keeping the one shown) and loading their data.
func (a *App) setFiscalStart(m time.Month) tea.Cmd {
	c := a.common
	if m == c.FiscalStart || m < time.January || m > time.December {
		return nil
	}
	c.FiscalStart = m
	bw, bh := a.bodySize()
	var cmds []tea.Cmd
	for i, t := range a.tabs {
		a.screens[i] = t.New(c)
		a.screens[i].SetSize(bw, bh)
		cmds = append(cmds, a.screens[i].Init())
	}
	return tea.Batch(cmds...)
}

func monthWord(l Lang, m time.Month) string { return catalog.MonthWord(l, m) }
