package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/demo"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
	"github.com/kpit-dev/kpit/tui"
)

const cockpitUsage = `kpit [--db PATH] [--lang ja|en] [--theme dark|light|high-contrast]
       kpit --demo [--lang ja|en] [--theme dark|light|high-contrast]

Opens the cockpit: dashboard, KPI tree, KPI tables by style, checklist.
--demo opens it on a fresh demo database in a temporary directory, removed
on exit; your own database is not touched.`

// runCockpit opens the full-screen cockpit on the user's database or, with
// --demo, on a throw-away demo database.
func runCockpit(e env) int {
	fs := flag.NewFlagSet("kpit", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dbPath := dbFlag(fs)
	langArg := langFlag(fs)
	demoFlag := fs.Bool("demo", false, "open a fresh temporary demo database instead of yours")
	themeArg := themeFlag(fs)
	err := fs.Parse(e.args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(e.stdout, e.uiLang().T(catalog.UsageCockpit, catalog.UsageText(e.uiLang(), cockpitUsage)))
		printFlags(e.stdout, e.uiLang(), fs)
		return exitOK
	}
	if err != nil {
		return fail(e, "", flagRefusal(err, "kpit help"))
	}
	if fs.NArg() > 0 {
		return fail(e, "", model.Refused(model.RefuseUnexpectedWord, fs.Arg(0)))
	}
	if *demoFlag && *dbPath != "" {
		return fail(e, "", model.Refused(model.RefuseDemoAndDB))
	}
	lang, err := e.lang(*langArg)
	if err != nil {
		return fail(e, "", err)
	}
	theme, err := e.theme(*themeArg)
	if err != nil {
		return fail(e, "", err)
	}
	ctx := context.Background()

	if *demoFlag {
		if !interactive(e) {
			return noTerminal(e)
		}
		path, cleanup, err := demo.TempDatabase(ctx, demo.DefaultSeed, clock())
		if err != nil {
			return fail(e, "--demo", err)
		}
		defer cleanup()
		return openCockpit(e, path, lang, cockpitStart{theme: theme})
	}

	path, err := e.dbPath(*dbPath)
	if err != nil {
		return fail(e, "", err)
	}
	// A file that exists is checked before the terminal, so a wrong file is
	// named even where no terminal is attached; a new file is only created
	// when the cockpit can actually run (an empty file is a new one).
	if info, statErr := os.Stat(path); statErr == nil && (info.IsDir() || info.Size() > 0) {
		st, err := e.openOwner(path)
		if err != nil {
			return fail(e, "", err)
		}
		st.Close()
	}
	if !interactive(e) {
		return noTerminal(e)
	}
	return openCockpit(e, path, lang, cockpitStart{theme: theme})
}

// cockpitStart is where the cockpit opens: a tab and, for the review, its
// period as given ("" this month).
type cockpitStart struct {
	tab    tui.TabID
	period string
	theme  string // --theme, else the config file's; "" the terminal's
}

// openReview is kpit review: the cockpit opened on the review tab, on the
// user's database (which must exist) or a fresh demo.
func openReview(e env, s reviewStart) int {
	if s.demo && s.dbPath != "" {
		return fail(e, "review", model.Refused(model.RefuseDemoAndDB))
	}
	if err := checkPeriod(s.period); err != nil {
		return fail(e, "review", err)
	}
	start := cockpitStart{tab: tui.TabReview, period: s.period, theme: s.theme}
	if s.demo {
		if !interactive(e) {
			return noTerminal(e)
		}
		path, cleanup, err := demo.TempDatabase(context.Background(), demo.DefaultSeed, clock())
		if err != nil {
			return fail(e, "review --demo", err)
		}
		defer cleanup()
		return openCockpit(e, path, s.lang, start)
	}
	st, err := e.openExisting(s.dbPath)
	if err != nil {
		return fail(e, "review", err)
	}
	path := st.Path()
	st.Close()
	if !interactive(e) {
		return noTerminal(e)
	}
	return openCockpit(e, path, s.lang, start)
}

// interactive reports whether stdin and stdout are both terminals.
func interactive(e env) bool {
	in, ok1 := e.stdin.(*os.File)
	out, ok2 := e.stdout.(*os.File)
	return ok1 && ok2 && term.IsTerminal(in.Fd()) && term.IsTerminal(out.Fd())
}

func noTerminal(e env) int {
	return fail(e, "", model.Refused(model.RefuseNoTerminal))
}

// openCockpit runs the cockpit on the database at path until the user quits.
func openCockpit(e env, path string, lang catalog.Lang, start cockpitStart) int {
	st, err := e.actAs(e.open(path))
	if err != nil {
		return fail(e, "", err)
	}
	defer st.Close()
	st.SetLimits(e.config.Limits) // a record the cockpit writes is bounded as kpit add bounds it
	app, err := newCockpit(st, lang, cockpitOptions{start: start, keys: e.config.Keys, me: e.config.Me, limits: e.config.Limits, noColor: tui.NoColorFromEnv()})
	if err != nil {
		return fail(e, "", err)
	}
	p := tea.NewProgram(app, tea.WithInput(e.stdin), tea.WithOutput(e.stdout))
	// Bubble Tea quits on SIGTERM; a closed terminal (SIGHUP) must quit the
	// same way, so the deferred clean-up (the demo's temporary files) runs.
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	go func() {
		if _, ok := <-hup; ok {
			p.Quit()
		}
	}()
	_, err = p.Run()
	endCockpit(app)
	switch {
	case errors.Is(err, tea.ErrInterrupted):
		return 130 // ctrl+c reached us as a signal, as in a shell
	case err != nil:
		return fail(e, "", model.Refused(model.RefuseCockpitFailed, err))
	}
	return exitOK
}

// endCockpit ends what the cockpit's screens still have running once its
// program has stopped (tui.App.Close): an import left at its question.
func endCockpit(m tea.Model) {
	if c, ok := m.(interface{ Close() }); ok {
		c.Close()
	}
}

// cockpitOptions is what a cockpit opens with besides its store and
// language: the local terminal's (openCockpit) or an SSH session's (serve).
type cockpitOptions struct {
	start   cockpitStart
	keys    tui.KeyOverrides
	me      string       // the user's own rep
	limits  model.Limits // the config file's [limits], for the import screen
	noColor bool
	now     func() time.Time // nil: the wall clock
}

// newCockpit is the cockpit's root model on st, read from the file's
// fiscal year and currency; the review's --period (checked in form before
// the file was opened, checkPeriod) is placed in that fiscal year.
func newCockpit(st *store.Store, lang catalog.Lang, o cockpitOptions) (tea.Model, error) {
	ctx := context.Background()
	fiscalStart, err := st.FiscalStart(ctx)
	if err != nil {
		return nil, err
	}
	var period model.Period // zero: this month
	if o.start.period != "" {
		if period, err = periodIn(o.start.period, fiscalStart); err != nil {
			return nil, err
		}
	}
	cur, err := st.Currency(ctx)
	if err != nil {
		return nil, err
	}
	return tui.New(tui.Options{Store: st, Lang: lang, Now: o.now, FiscalStart: fiscalStart, Currency: cur, NoColor: o.noColor,
		Theme: o.start.theme, Keys: o.keys, Me: o.me, Limits: o.limits, StartTab: o.start.tab, ReviewPeriod: period, Poll: tui.LivePoll}), nil
}

// keyActions lists the actions the config file's [keys] can rebind and
// their default keys: they are the cockpit's key structs (tui.KeyActions).
func keyActions() (names []string, defaults map[string][]string) {
	defaults = map[string][]string{}
	for _, a := range tui.KeyActions() {
		names = append(names, a.Name)
		defaults[a.Name] = a.Keys
	}
	return names, defaults
}
