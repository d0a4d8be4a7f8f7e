package cli

import "errors"

// runTree is not built yet; its owner replaces this file.
func runTree(e env) int { return fail(e, "tree", errors.New("not built yet")) }
