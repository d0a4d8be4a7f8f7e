package cli

import "errors"

// runPlan is not built yet; its owner replaces this file.
func runPlan(e env) int { return fail(e, "plan", errors.New("not built yet")) }
