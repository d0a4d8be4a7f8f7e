package cli

import "errors"

// runCockpit is not built yet; its owner replaces this file.
func runCockpit(e env) int { return fail(e, "cockpit", errors.New("not built yet")) }
