package tui

// newChecklistScreen makes the checklist-diagnosis tab. This placeholder is
// replaced by CHECKLIST's screen (same file, same constructor name).
func newChecklistScreen(c *Common) Screen { return newPlaceholder(c, msgTabChecklist) }
