package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// TabID names a tab, for SwitchTab.
type TabID string

const (
	TabDashboard TabID = "dashboard"
	TabTree      TabID = "tree"
	TabStyles    TabID = "styles"
	TabChecklist TabID = "checklist"
	TabRecords   TabID = "records"
	TabReps      TabID = "reps"
	TabReview    TabID = "review"
	TabFunnel    TabID = "funnel"
)

// tabDef is one tab: its id, its title in the tab bar, the short title the
// bar falls back to when the window is narrow, and how to make its screen.
// Keys 1-9 follow the order of this list.
type tabDef struct {
	ID    TabID
	Title Text
	Short Text
	New   func(c *Common) Screen
}

// tabDefs is the one list of tabs. Adding a tab is one entry here.
func tabDefs() []tabDef {
	return []tabDef{
		{TabDashboard, msgTabDashboard, msgTabDashboardShort, newDashboard},
		{TabTree, msgTabTree, msgTabTreeShort, newTreeScreen},
		{TabStyles, msgTabStyles, msgTabStylesShort, newStylesScreen},
		{TabChecklist, msgTabChecklist, msgTabChecklistShort, newChecklistScreen},
		{TabRecords, msgTabRecords, msgTabRecords, newRecordsScreen},
		{TabReps, msgTabReps, msgTabReps, newRepsScreen},
		{TabReview, msgTabReview, msgTabReview, newReviewScreen},
		{TabFunnel, msgTabFunnel, msgTabFunnel, newFunnelScreen},
	}
}

// overlayDef is one global overlay: a modal pane opened by a key from any
// screen (the entry form, the quick-add line, the import screen, the alerts
// pane, settings). While open it takes every key; esc closes it unless it
// is capturing text (see capturer), and it can close itself with
// CloseOverlay.
type overlayDef struct {
	ID  string
	Key func(l Lang) key.Binding
	New func(c *Common) Screen
}

// overlayDefs is the one list of overlays. Adding an overlay is one entry here.
func overlayDefs() []overlayDef {
	return []overlayDef{
		{"entry", func(l Lang) key.Binding {
			return key.NewBinding(key.WithKeys("a"), key.WithHelp("a", l.T(msgKeyAdd)))
		}, newEntry},
		{"quick-add", func(l Lang) key.Binding {
			return key.NewBinding(key.WithKeys(":"), key.WithHelp(":", l.T(msgKeyQuickAdd)))
		}, newQuickAdd},
		{"alerts", func(l Lang) key.Binding {
			return key.NewBinding(key.WithKeys("!"), key.WithHelp("!", l.T(msgKeyAlerts)))
		}, newAlertsPane},
		{"import", func(l Lang) key.Binding {
			return key.NewBinding(key.WithKeys("i"), key.WithHelp("i", l.T(msgKeyImport)))
		}, newImport},
	}
}

// backgroundLoads are commands the frame runs at start and on every reload
// whatever tab is shown, e.g. counting open alerts for the badge (they
// return a BadgeMsg). Adding one is one entry here.
func backgroundLoads() []func(c *Common) tea.Cmd {
	return []func(c *Common) tea.Cmd{alertBadge, loadFiscalStart, loadCurrency}
}
