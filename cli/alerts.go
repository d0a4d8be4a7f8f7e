package cli

import "errors"

// runAlerts is not built yet; its owner replaces this file.
func runAlerts(e env) int { return fail(e, "alerts", errors.New("not built yet")) }
