// Package cli is kpit's command line: it parses flags, opens the store and
// hands over to the engine, the importer or the cockpit. Every error a user
// can cause ends as one line on stderr and a non-zero exit status.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/config"
	"github.com/kpit-dev/kpit/model"
)

// Exit statuses.
const (
	exitOK    = 0
	exitFail  = 1 // the command ran and found something wrong (alerts open)
	exitUsage = 2 // bad input or an error
)

// env is what every command gets: its arguments and the standard streams.
type env struct {
	args   []string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	// config is the user's config file (zero when there is none or it is
	// bad); flags and $KPIT_DB beat it.
	config config.Config
	// as is --as NAME: every store the command opens writes as that user
	// of the team, with their rights (actAs).
	as string
	// ui is the language of the lines about the command's input and its
	// errors (fail, parseFlags): the command line's --lang, else the
	// config's or the locale's (uiLang).
	ui catalog.Lang
}

// command is one subcommand. Adding a command is one entry in commands().
type command struct {
	name    string
	summary string
	run     func(e env) int
}

func commands() []command {
	return []command{
		{"plan", "what the KPIs as set imply for the KGI, and what each would need (stateless)", runPlan},
		{"tree", "the stored KPI tree with actual, target, achievement and gap share", runTree},
		{"forecast", "the pipeline forecast (ヨミ) of a period: won, commit, best case, pipeline, landing range", runForecast},
		{"report", "KPI figures for a date range or period as json, csv or md", runReport},
		{"demo", "create a demo database with a realistic sales team", runDemo},
		{"add", "add an activity, opportunity or lead from the command line", runAdd},
		{"rules", "show or set the input rules (deadline, required fields, staleness)", runRules},
		{"alerts", "late entries, stale reps and stalled deals; exit 1 when any is open", runAlerts},
		{"import", "import opportunities, activities, leads, customers, reps or customer-success records from CSV/TSV/XLSX", runImport},
		{"export", "export records as csv, xlsx or json", runExport},
		{"review", "the weekly review on a shared screen (the cockpit's review tab), or a saved review's minutes", runReview},
		{"lead", "move a lead to another funnel stage (lead move ID --to STAGE), with its time and rep", runLead},
		{"funnel", "the shared funnel: stage counts, cohort conversion, time to next stage, overdue hand-offs", runFunnel},
		{"config", "where the config file is read from, what it sets, the key actions it can rebind", runConfig},
		{"kpi", "list the KPIs, set a goal with a reason and an effective date, show a KPI's history", runKPI},
		{"backup", "write a consistent, checked copy of the database while kpit keeps running", runBackup},
		{"restore", "put a backup in place of the database, keeping the replaced file beside it", runRestore},
		{"migrate", "copy every record, revision, review and setting to a new database: a file to PostgreSQL, or back", runMigrate},
		{"doctor", "check the database (integrity, foreign keys, roll-up, schema, WAL); --repair rebuilds the roll-up", runDoctor},
		{"users", "the team's people: add, list or remove a person's SSH key and role (rep, lead, admin)", runUsers},
		{"serve", "serve the cockpit over SSH: each person with their own key, language and rights", runServe},
	}
}

// Run runs kpit with the given arguments (without the program name) and
// returns the exit status.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := env{args: args, stdin: stdin, stdout: stdout, stderr: stderr}
	e.config = loadConfig(stderr)
	var ok bool
	if args, e.as, ok = asFlag(args); !ok {
		fmt.Fprintln(stderr, "kpit: --as: want a user's NAME (kpit users list shows them)")
		return exitUsage
	}
	e.args = args
	e.ui = uiLang(e, args)
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name := args[0]
		if name == "help" {
			return help(e, args[1:])
		}
		for _, c := range commands() {
			if c.name == name {
				e.args = args[1:]
				return c.run(e)
			}
		}
		fmt.Fprintf(stderr, "kpit: %s\n", catalog.ErrorLine(e.ui, model.Refused(model.RefuseUnknownCommand, name)))
		return exitUsage
	}
	return runCockpit(e)
}

func help(e env, args []string) int {
	if len(args) > 0 {
		for _, c := range commands() {
			if c.name == args[0] {
				e.args = []string{"-h"}
				e.stderr = e.stdout
				c.run(e)
				return exitOK
			}
		}
		fmt.Fprintf(e.stderr, "kpit: %s\n", catalog.ErrorLine(e.ui, model.Refused(model.RefuseUnknownCommand, args[0])))
		return exitUsage
	}
	w := e.stdout
	fmt.Fprintln(w, "kpit: a terminal KPI cockpit for sales teams")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage:")
	fmt.Fprintln(w, "  kpit [--db PATH] [--lang ja|en]   open the cockpit on your database")
	fmt.Fprintln(w, "  kpit --demo [--lang ja|en]        open the cockpit on a fresh demo database")
	fmt.Fprintln(w, "  kpit COMMAND [flags]              run one command")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	cs := commands()
	for _, c := range cs {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'kpit help COMMAND' or 'kpit COMMAND -h' for a command's flags.")
	fmt.Fprintln(w, "The database is --db PATH, else $KPIT_DB, else $XDG_DATA_HOME/kpit/kpit.db (~/.local/share/kpit/kpit.db).")
	fmt.Fprintln(w, "--as NAME, with any command, writes as that user of the team, with their rights (kpit users).")
	return exitOK
}

// newFlagSet makes a flag set whose errors are one line naming the flag.
func newFlagSet(e env, name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprint(e.stderr, e.ui.T(catalog.UsageFlags, usage))
		fs.PrintDefaults()
	}
	return fs
}

// parseOnlyFlags is parseFlags for a command that takes no arguments besides
// its flags: a stray word stops it with one line naming the word.
func parseOnlyFlags(e env, fs *flag.FlagSet, args []string) (int, bool) {
	if code, stop := parseFlags(e, fs, args); stop {
		return code, true
	}
	if fs.NArg() > 0 {
		return fail(e, fs.Name(), model.Refused(model.RefuseUnexpectedArg, fs.Arg(0), fs.Name())), true
	}
	return 0, false
}

// parseFlags parses args into fs. It returns (status, true) when the command
// should stop: -h was asked for (status 0) or a flag was bad (status 2, with
// one line naming the flag printed, flagRefusal). Every command takes
// --lang, the language of that line (uiLang); a command that prints no
// words of its own takes it for that alone.
func parseFlags(e env, fs *flag.FlagSet, args []string) (int, bool) {
	if fs.Lookup("lang") == nil {
		langFlag(fs)
	}
	// The flag package prints the usage on every error; hold it back so a
	// bad flag is one line, and print it only when -h was asked for.
	usage := fs.Usage
	fs.Usage = func() {}
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	fs.SetOutput(e.stderr)
	fs.Usage = usage
	if errors.Is(err, flag.ErrHelp) {
		fs.Usage()
		return exitOK, true
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "kpit %s: %s\n", fs.Name(), catalog.ErrorLine(e.ui, flagRefusal(err, "kpit "+fs.Name()+" -h")))
		return exitUsage, true
	}
	return 0, false
}

// fail prints one line, "kpit CMD: ..." ("kpit: ..." for cmd ""), and
// returns the usage/error status. The line is
// worded in the command's language (catalog.ErrorLine): a refusal of a
// flag's value, of a write the user's rights (--as) do not allow, of a
// busy or missing database; an error the catalogue does not know prints
// as it came.
func fail(e env, cmd string, err error) int {
	return failLine(e, cmd, catalog.ErrorLine(e.uiLang(), err))
}

// failLine prints a refusal already worded, as fail does.
func failLine(e env, cmd, line string) int {
	if cmd != "" {
		cmd = " " + cmd
	}
	fmt.Fprintf(e.stderr, "kpit%s: %s\n", cmd, line)
	return exitUsage
}

// uiLang is e.ui, or for an env made without Run the config's or the
// locale's language.
func (e env) uiLang() catalog.Lang {
	if e.ui != "" {
		return e.ui
	}
	l, _ := e.lang("")
	return l
}

// uiLang is the language a command line asks for: the value of its first
// --lang (or -lang, --lang=) before "--" when it is ja or en, else the
// config's or the locale's. The command parses --lang again for its own
// output; this is read first so that a line about a bad flag, which stops
// the parsing, is in that language too.
func uiLang(e env, args []string) catalog.Lang {
	for i, a := range args {
		if a == "--" {
			break
		}
		v, ok := "", false
		switch {
		case a == "--lang" || a == "-lang":
			if i+1 < len(args) {
				v, ok = args[i+1], true
			}
		case strings.HasPrefix(a, "--lang=") || strings.HasPrefix(a, "-lang="):
			v, ok = a[strings.IndexByte(a, '=')+1:], true
		}
		if !ok {
			continue
		}
		if l, err := catalog.ParseLang(v); err == nil {
			return l
		}
		break
	}
	l, _ := e.lang("")
	return l
}

// flagRefusal is an error of the flag package as a refusal the catalogue
// words (its messages are fixed English sentences), with the command that
// shows the flags (help: kpit report -h); one it does not know stays as
// it was, with that pointer.
func flagRefusal(err error, help string) error {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		return model.Refused(model.RefuseFlagUndefined, name, help)
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		return model.Refused(model.RefuseFlagNeedsValue, name, help)
	}
	if arg, ok := strings.CutPrefix(msg, "bad flag syntax: "); ok {
		return model.Refused(model.RefuseFlagSyntax, arg, help)
	}
	// invalid value "x" for flag -n: parse error
	// invalid boolean value "x" for -n: parse error
	for _, lead := range []string{"invalid value ", "invalid boolean value "} {
		rest, ok := strings.CutPrefix(msg, lead)
		if !ok {
			continue
		}
		quoted, err := strconv.QuotedPrefix(rest)
		if err != nil {
			break
		}
		value, _ := strconv.Unquote(quoted)
		rest = strings.TrimPrefix(strings.TrimPrefix(rest[len(quoted):], " for flag -"), " for -")
		if name, _, ok := strings.Cut(rest, ":"); ok {
			return model.Refused(model.RefuseFlagValue, value, name, help)
		}
	}
	return fmt.Errorf("%w (see 'kpit %s -h')", err, help)
}
