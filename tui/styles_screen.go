package tui

// newStylesScreen makes the KPI-tables-by-style tab. This placeholder is
// replaced by CHECKLIST's screen (same file, same constructor name).
func newStylesScreen(c *Common) Screen { return newPlaceholder(c, msgTabStyles) }
