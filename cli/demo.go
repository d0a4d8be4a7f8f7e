package cli

import "errors"

// runDemo is not built yet; its owner replaces this file.
func runDemo(e env) int { return fail(e, "demo", errors.New("not built yet")) }
