package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"

	"github.com/charmbracelet/x/term"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/importer"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

const importUsage = `import KIND FILE [--db PATH] [--map FIELD=COLUMN,...] [--won VALUE[,VALUE]] [--lost VALUE[,VALUE]]
       [--profile NAME] [--save-profile NAME] [--sheet NAME] [--encoding auto|utf-8|cp932] [--dry-run] [--skip-invalid]
       [--today YYYY-MM-DD]

KIND is opportunities, activities, leads, customers, reps, nps, usage, inquiries or campaigns;
FILE is .csv, .tsv or .xlsx.
Flags may come before or after KIND FILE. The import is all or nothing: the first invalid
row stops it with FILE:LINE: column COLUMN: what is wrong, and the database stays as it was.
Records are matched by id, so importing the same file again updates and adds nothing.
A --dry-run works on a copy in memory: it creates and changes no file.`

type importFlags struct {
	db, mapping, won, lost, profile, saveProfile, sheet, encoding, today string
	dryRun, skipInvalid                                                  bool
}

func runImport(e env) int {
	fs := newFlagSet(e, "import", importUsage)
	var f importFlags
	fs.StringVar(&f.db, "db", "", dbUsage)
	fs.StringVar(&f.mapping, "map", "", "bind fields to columns: `FIELD=COLUMN,...`")
	fs.StringVar(&f.won, "won", "", "stage `VALUES` meaning won, comma-separated (default: Won, Closed Won, 受注)")
	fs.StringVar(&f.lost, "lost", "", "stage `VALUES` meaning lost, comma-separated (default: Lost, Closed Lost, 失注)")
	fs.StringVar(&f.profile, "profile", "", "read kind, mapping, won/lost, encoding and sheet from the saved profile `NAME`")
	fs.StringVar(&f.saveProfile, "save-profile", "", "after a successful import, save how the file was read as profile `NAME`")
	fs.StringVar(&f.sheet, "sheet", "", "the .xlsx sheet `NAME` (default: the first sheet)")
	fs.StringVar(&f.encoding, "encoding", "auto", "text encoding: auto, utf-8 or cp932")
	fs.BoolVar(&f.dryRun, "dry-run", false, "validate and print the summary without writing (no file is created or changed)")
	fs.StringVar(&f.today, "today", "", "the import `DAY` (YYYY-MM-DD): an open deal's created date when the file and kpit have none (default: the clock's)")
	fs.BoolVar(&f.skipInvalid, "skip-invalid", false, "report invalid rows on stderr and import the rest")
	fs.Usage = func() {
		fmt.Fprint(e.stderr, e.ui.T(catalog.UsageFlags, catalog.UsageText(e.ui, importUsage)))
		printFlags(e.stderr, e.ui, fs)
		fmt.Fprint(e.stderr, e.ui.T(catalog.ImportExamples, fieldList()))
	}
	if st, stop := parseFlags(e, fs, flagsFirst(e.args, "dry-run", "skip-invalid")); stop {
		return st
	}
	set := map[string]bool{}
	fs.Visit(func(fl *flag.Flag) { set[fl.Name] = true })

	today, err := parseToday(f.today)
	if err != nil {
		return fail(e, "import", err)
	}
	path, err := e.dbPath(f.db)
	if err != nil {
		return fail(e, "import", err)
	}
	// A new database file is made only once the command line, the profile
	// and the file's header have been read without a fault: until then the
	// import is planned on an empty database in memory, so a refused import
	// leaves no file behind.
	fresh := !f.dryRun && !fileExists(path)
	st, err := e.openForImport(path, f.dryRun || fresh)
	if !f.dryRun && !fresh {
		st, err = e.actAs(st, err) // a new file has no users yet: it is made by its owner
	}
	if err != nil {
		return fail(e, "import", err)
	}
	defer func() {
		if st != nil {
			st.Close()
		}
	}()
	st.SetClock(clockOn(today))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	plan, err := planImport(ctx, st, fs.Args(), f, set)
	if err != nil {
		return fail(e, "import", err)
	}
	l, kind := e.uiLang(), plan.profile.Kind
	// importFail words a refusal of the file, its header or a row as the
	// cockpit's import screen does.
	importFail := func(err error) int { return failLine(e, "import", catalog.ImportErrorLine(l, kind, err, nil)) }
	src, err := importer.Open(plan.file, importer.OpenOptions{Encoding: plan.profile.Encoding, Sheet: plan.profile.Sheet, Limits: e.config.Limits})
	if err != nil {
		return importFail(err)
	}
	defer src.Close()
	b, err := importer.Bind(kind, src.Header(), plan.profile.Map)
	var dup *importer.DuplicateHeaderError
	if errors.As(err, &dup) {
		return failLine(e, "import", l.T(catalog.ImportInHeader, plan.file, catalog.ImportErrorLine(l, kind, err, nil)))
	}
	if err != nil {
		return fail(e, "import", err)
	}
	if err := b.Complete(plan.file); err != nil {
		return fail(e, "import", err)
	}
	if fresh {
		st.Close()
		if st, err = e.actAs(e.open(path)); err != nil {
			return fail(e, "import", err)
		}
		st.SetClock(clockOn(today))
	}
	thresholds, _, err := st.ForecastSettings(ctx) // a probability maps to a category by them
	if err != nil {
		return fail(e, "import", err)
	}
	cur, err := st.Currency(ctx) // amounts are read in the team's currency
	if err != nil {
		return fail(e, "import", err)
	}
	opt := importer.Options{
		File: plan.file, Today: today, Won: plan.profile.Won, Lost: plan.profile.Lost, SkipInvalid: f.skipInvalid, Currency: cur,
		ForecastThresholds: &thresholds, Limits: e.config.Limits,
		OnInvalid: func(re *importer.RowError) { fmt.Fprintln(e.stderr, catalog.ImportErrorLine(l, kind, re, nil)) },
	}
	// On a terminal, one line overwritten in place shows the rows read,
	// then the records written (a large file takes seconds).
	line := newStatusLine(e.stderr)
	if line != nil {
		opt.OnProgress = func(rows int, fraction float64) { line.show(catalog.ImportProgressLine(l, rows, fraction)) }
		opt.OnMove = func(done, total int64) { line.show(catalog.ImportMovingLine(l, done, total)) }
	}
	begin := func(ctx context.Context) (importer.Session, error) { return st.BeginImport(ctx) }
	decide := importer.Write
	if f.dryRun {
		decide = importer.DryRun
	}
	defer lessGC()()
	sum, _, err := importer.Import(ctx, src, b, begin, opt, decide)
	line.clear()
	var re *importer.RowError
	if errors.As(err, &re) {
		fmt.Fprintln(e.stderr, catalog.ImportErrorLine(l, kind, re, nil))
		return exitFail
	}
	if errors.Is(err, context.Canceled) {
		return fail(e, "import", model.Refused(model.RefuseImportInterrupted))
	}
	if err != nil {
		return importFail(st.Explain(err))
	}
	fmt.Fprintln(e.stdout, catalog.ImportSummary(l, sum))
	if plan.profile.Kind == importer.Opportunities {
		fmt.Fprintln(e.stdout, catalog.ImportCreatedFromClose(l, sum))
		fmt.Fprintln(e.stdout, catalog.ImportReadAsOpenLine(l, sum))
	}
	if f.dryRun {
		fmt.Fprintln(e.stdout, l.T(catalog.ImportDryRun))
		return exitOK
	}
	if f.saveProfile != "" {
		p := plan.profile
		p.Map = b.Mapping()
		if err := st.SaveImportProfile(ctx, f.saveProfile, string(p.Kind), p.Spec()); err != nil {
			return fail(e, "import", err)
		}
		fmt.Fprintln(e.stdout, l.T(catalog.ImportProfileSaved, f.saveProfile, f.saveProfile))
	}
	return exitOK
}

// statusLine is one line of stderr overwritten in place while a long step
// runs, or nil when stderr is not a terminal: a script or a test reading
// the output sees none.
type statusLine struct{ w io.Writer }

func newStatusLine(w io.Writer) *statusLine {
	if f, ok := w.(*os.File); ok && term.IsTerminal(f.Fd()) {
		return &statusLine{w: w}
	}
	return nil
}

// show replaces the line with text.
func (s *statusLine) show(text string) { fmt.Fprint(s.w, "\r"+text+"\033[K") }

// clear empties the line, so that what follows starts on a clean one.
func (s *statusLine) clear() {
	if s != nil {
		fmt.Fprint(s.w, "\r\033[K")
	}
}

// lessGC lets the heap grow 4x between collections during an import and
// returns the function that restores the setting. An import's live heap is
// a few MB, so the default collects very often for nothing (about 7% of
// the CPU time of a 1M-row import).
func lessGC() func() {
	old := debug.SetGCPercent(400)
	return func() { debug.SetGCPercent(old) }
}

// importPlan is what to import and how, after the profile and the flags
// given explicitly (which win) are merged.
type importPlan struct {
	file    string
	profile importer.Profile
}

func planImport(ctx context.Context, st *store.Store, args []string, f importFlags, set map[string]bool) (importPlan, error) {
	var p importer.Profile
	if set["profile"] {
		_, spec, ok, err := st.ImportProfile(ctx, f.profile)
		if err != nil {
			return importPlan{}, err
		}
		if !ok {
			names, _ := st.ImportProfileNames(ctx)
			return importPlan{}, model.Refused(model.RefuseNoProfile, f.profile, model.Names(names))
		}
		if p, err = importer.ParseProfile(f.profile, spec); err != nil {
			return importPlan{}, err
		}
	}
	var file string
	switch {
	case len(args) == 2:
		k, err := importer.ParseImportKind(args[0])
		if err != nil {
			return importPlan{}, err
		}
		if set["profile"] && k != p.Kind {
			return importPlan{}, model.Refused(model.RefuseProfileKind, f.profile, p.Kind, k)
		}
		p.Kind, file = k, args[1]
	case len(args) == 1 && set["profile"]:
		file = args[0]
	default:
		return importPlan{}, model.Refused(model.RefuseImportWhat)
	}
	if set["map"] {
		m, err := importer.ParseMapping(p.Kind, f.mapping)
		if err != nil {
			return importPlan{}, err
		}
		if p.Map == nil {
			p.Map = importer.Mapping{}
		}
		for field, col := range m {
			p.Map[field] = col
		}
	}
	if set["won"] || set["lost"] {
		p.Won, p.Lost = splitList(f.won), splitList(f.lost)
	}
	if set["encoding"] || p.Encoding == "" {
		p.Encoding = f.encoding
	}
	if set["sheet"] {
		p.Sheet = f.sheet
	}
	return importPlan{file: file, profile: p}, nil
}

// openForImport opens the database, creating it: importing is a way to
// start one. In memory (a dry run, or the planning of an import into a new
// file) it opens a copy in memory instead, which creates and changes no
// file.
func (e env) openForImport(path string, inMemory bool) (*store.Store, error) {
	if inMemory {
		return store.OpenScratch(path)
	}
	return e.openOwner(path)
}

func splitList(s string) []string {
	var out []string
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

func fieldList() string {
	var b strings.Builder
	for _, k := range importer.ImportKinds() {
		var names []string
		for _, fl := range importer.Fields(k) {
			n := fl.Name
			if fl.Required {
				n += "*"
			}
			names = append(names, n)
		}
		fmt.Fprintf(&b, "  %-14s %s\n", string(k)+":", strings.Join(names, ", "))
	}
	return b.String()
}

// flagsFirst moves flags (and their values) ahead of the positional
// arguments, since the flag package stops at the first positional one:
// "kpit import opportunities deals.csv --dry-run" works as expected.
// boolFlags take no value; "--" ends the flags.
func flagsFirst(args []string, boolFlags ...string) []string {
	isBool := map[string]bool{"h": true, "help": true}
	for _, b := range boolFlags {
		isBool[b] = true
	}
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			pos = append(pos, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") || isBool[name] {
			continue
		}
		if i+1 < len(args) {
			flags = append(flags, args[i+1])
			i++
		}
	}
	return append(append(flags, "--"), pos...)
}
