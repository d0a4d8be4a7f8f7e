package cli

import "errors"

// Commands not built yet. Each helper replaces its stub with a file of its own.
var errNotYet = errors.New("not built yet")

func runPlan(e env) int    { return fail(e, "plan", errNotYet) }
func runTree(e env) int    { return fail(e, "tree", errNotYet) }
func runReport(e env) int  { return fail(e, "report", errNotYet) }
func runDemo(e env) int    { return fail(e, "demo", errNotYet) }
func runAdd(e env) int     { return fail(e, "add", errNotYet) }
func runRules(e env) int   { return fail(e, "rules", errNotYet) }
func runAlerts(e env) int  { return fail(e, "alerts", errNotYet) }
func runImport(e env) int  { return fail(e, "import", errNotYet) }
func runExport(e env) int  { return fail(e, "export", errNotYet) }
func runCockpit(e env) int { return fail(e, "", errNotYet) }
