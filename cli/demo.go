package cli

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/demo"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// runDemo creates a demo database: `kpit demo --db PATH [--seed N] [--today YYYY-MM-DD] [--scale N]`.
func runDemo(e env) int {
	fs := newFlagSet(e, "demo", "demo --db PATH [--seed N] [--today YYYY-MM-DD] [--scale N]")
	dbPath := dbFlag(fs)
	seed := fs.Int64("seed", demo.DefaultSeed, "seed of the made-up data: the same seed and day give the same figures")
	todayFlag := fs.String("today", "", "the day the demo company's history ends (default: today)")
	scaleFlag := fs.String("scale", "", fmt.Sprintf("instead of the demo, a company of N opportunities over five years for measuring speed (1 to %d)", demo.MaxScale))
	if code, stop := parseOnlyFlags(e, fs, e.args); stop {
		return code
	}
	scale, err := parseScale(*scaleFlag)
	if err != nil {
		return fail(e, "demo", err)
	}
	// The demo is seeded as of now: today's records are entered no later
	// than the clock says. A --today other than today ends the history at
	// the close of that day.
	now := clock()
	if *todayFlag != "" {
		t, err := model.ParseDate(*todayFlag)
		if err != nil {
			return fail(e, "demo", &model.FlagError{Flag: "today", Err: err})
		}
		if !t.Equal(model.Date(now)) {
			now = time.Date(t.Year(), t.Month(), t.Day(), 23, 59, 59, 0, time.Local)
		}
	}
	path, err := e.dbPath(*dbPath)
	if err != nil {
		return fail(e, "demo", err)
	}
	st, err := e.open(path)
	if err != nil {
		return fail(e, "demo", err)
	}
	// The store's name for the file: a postgres:// URL without its password.
	shown := st.Path()
	ctx := context.Background()
	if scale > 0 {
		err = demo.SeedScale(ctx, st, *seed, now, scale)
	} else {
		err = demo.Seed(ctx, st, *seed, now)
	}
	var summary string
	if err == nil {
		summary, err = demoSummary(ctx, e.uiLang(), st)
	}
	st.Close()
	if err != nil {
		// A file is never removed, not even one this command made: another
		// kpit may have written to it meanwhile.
		return fail(e, "demo", err)
	}
	l := e.uiLang()
	fmt.Fprintln(e.stdout, l.T(catalog.DemoWritten, shown, *seed, model.FormatDate(model.Date(now))))
	fmt.Fprintln(e.stdout, summary)
	fmt.Fprintln(e.stdout, l.T(catalog.DemoOpen, shown))
	return exitOK
}

// parseScale reads --scale: empty is the demo (0), else a whole number of
// opportunities from 1 to demo.MaxScale.
func parseScale(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > demo.MaxScale {
		return 0, model.Refused(model.RefuseDemoScale, s, demo.MaxScale)
	}
	return n, nil
}

// demoSummary is one line on what the demo made: its people, records and
// KGI.
func demoSummary(ctx context.Context, l catalog.Lang, st *store.Store) (string, error) {
	c, err := st.RecordCounts(ctx)
	if err != nil {
		return "", err
	}
	open := 0
	if err := st.ExportOpportunities(ctx, func(o model.Opportunity) error {
		if o.Outcome == model.OutcomeOpen {
			open++
		}
		return nil
	}); err != nil {
		return "", err
	}
	kgi, _, err := st.KGI(ctx)
	if err != nil {
		return "", err
	}
	n := func(v int) string { return catalog.FormatCount(model.Some(float64(v))) }
	return l.T(catalog.DemoCompany, n(c.Reps), n(c.Opportunities), n(open), n(c.Activities), n(c.Leads), n(c.Customers),
		l.Pick(kgi.NameJA, strings.ToLower(kgi.NameEN)), catalog.FormatYenFull(model.Some(kgi.Value)), model.FormatDate(kgi.Deadline)), nil
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
