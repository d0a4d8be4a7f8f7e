package tui

func newTreeScreen(c *Common) Screen { return newPlaceholder(c, msgTabTree) }
