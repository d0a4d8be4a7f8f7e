package cli

import "errors"

// runExport is not built yet; its owner replaces this file.
func runExport(e env) int { return fail(e, "export", errors.New("not built yet")) }
