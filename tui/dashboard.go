package tui

func newDashboard(c *Common) Screen { return newPlaceholder(c, msgTabDashboard) }
