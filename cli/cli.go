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
	summary catalog.Text
	run     func(e env) int
}

func commands() []command {
	return []command{
		{"plan", catalog.SummaryPlan, runPlan},
		{"tree", catalog.SummaryTree, runTree},
		{"forecast", catalog.SummaryForecast, runForecast},
		{"report", catalog.SummaryReport, runReport},
		{"demo", catalog.SummaryDemo, runDemo},
		{"add", catalog.SummaryAdd, runAdd},
		{"rules", catalog.SummaryRules, runRules},
		{"alerts", catalog.SummaryAlerts, runAlerts},
		{"import", catalog.SummaryImport, runImport},
		{"export", catalog.SummaryExport, runExport},
		{"review", catalog.SummaryReview, runReview},
		{"lead", catalog.SummaryLead, runLead},
		{"funnel", catalog.SummaryFunnel, runFunnel},
		{"config", catalog.SummaryConfig, runConfig},
		{"kpi", catalog.SummaryKPI, runKPI},
		{"backup", catalog.SummaryBackup, runBackup},
		{"restore", catalog.SummaryRestore, runRestore},
		{"migrate", catalog.SummaryMigrate, runMigrate},
		{"doctor", catalog.SummaryDoctor, runDoctor},
		{"users", catalog.SummaryUsers, runUsers},
		{"serve", catalog.SummaryServe, runServe},
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
	args = withoutLang(args) // read already (uiLang)
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
	fmt.Fprint(w, e.ui.T(catalog.HelpHead))
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, e.ui.T(c.summary))
	}
	fmt.Fprint(w, e.ui.T(catalog.HelpFoot))
	return exitOK
}

// withoutLang is args without --lang and its value (-lang, --lang=).
func withoutLang(args []string) []string {
	var out []string
	for i := 0; i < len(args); i++ {
		switch a := args[i]; {
		case a == "--lang" || a == "-lang":
			i++
		case strings.HasPrefix(a, "--lang=") || strings.HasPrefix(a, "-lang="):
		default:
			out = append(out, a)
		}
	}
	return out
}

// newFlagSet makes a flag set whose errors are one line naming the flag.
func newFlagSet(e env, name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprint(e.stderr, e.ui.T(catalog.UsageFlags, catalog.UsageText(e.ui, usage)))
		printFlags(e.stderr, e.ui, fs)
	}
	return fs
}

// printFlags is fs.PrintDefaults in language l: in English the flag
// package's own text, in Japanese the same layout with the catalogue's
// descriptions (catalog.FlagHelp) and default values.
func printFlags(w io.Writer, l catalog.Lang, fs *flag.FlagSet) {
	if l != catalog.LangJA {
		out := fs.Output()
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(out)
		return
	}
	fs.VisitAll(func(f *flag.Flag) {
		var b strings.Builder
		fmt.Fprintf(&b, "  -%s", f.Name)
		name, usage := flag.UnquoteUsage(f)
		if name != "" {
			b.WriteString(" " + name)
		}
		if b.Len() <= 4 {
			b.WriteString("\t")
		} else {
			b.WriteString("\n    \t")
		}
		b.WriteString(strings.ReplaceAll(catalog.FlagHelp(l, usage), "\n", "\n    \t"))
		if def, ok := shownDefault(f); ok {
			b.WriteString(l.T(catalog.FlagDefault, def))
		}
		fmt.Fprintln(w, b.String())
	})
}

// shownDefault is a flag's default as -h shows it (quoted for a string),
// or false for a zero default, which the flag package leaves out.
func shownDefault(f *flag.Flag) (string, bool) {
	if g, ok := f.Value.(flag.Getter); ok {
		if _, isString := g.Get().(string); isString {
			return strconv.Quote(f.DefValue), f.DefValue != ""
		}
	}
	switch f.DefValue {
	case "", "0", "false", "0s":
		return "", false
	}
	return f.DefValue, true
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
