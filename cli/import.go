package cli

import "errors"

// runImport is not built yet; its owner replaces this file.
func runImport(e env) int { return fail(e, "import", errors.New("not built yet")) }
