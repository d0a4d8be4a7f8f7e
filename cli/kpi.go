package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/kpitree"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

const kpiUsage = `kpi list [--db PATH] [--today YYYY-MM-DD] [--format text|json] [--lang ja|en]
       kpi set KEY [--target V|none] [--deadline YYYY-MM-DD|none] [--definition TEXT] [--formula TEXT]
               [--main|--supporting] --reason TEXT [--from YYYY-MM-DD] [--author NAME] [--today YYYY-MM-DD]
               [--db PATH] [--lang ja|en]
       kpi history KEY [--db PATH] [--format text|json] [--lang ja|en]

A change of a KPI's target, deadline, definition, formula or main/supporting role is a
revision in force from --from (default today) with an author and a reason: ranges that end
before it keep the goals they had. list shows each KPI as in force today; history lists a
KPI's revisions, newest first. --target reads 30%, 140/month, 200万; none removes it.`

// runKPI dispatches kpit kpi list|set|history.
func runKPI(e env) int {
	if len(e.args) == 0 || e.args[0] == "-h" || e.args[0] == "--help" || e.args[0] == "-help" {
		fmt.Fprintf(e.stderr, "Usage: kpit %s\n\nRun 'kpit kpi list -h', 'kpit kpi set -h' or 'kpit kpi history -h' for the flags.\n", kpiUsage)
		if len(e.args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	sub, rest := e.args[0], e.args[1:]
	e.args = rest
	switch sub {
	case "list":
		return runKPIList(e)
	case "set":
		return runKPISet(e)
	case "history":
		return runKPIHistory(e)
	}
	return fail(e, "kpi", model.Refused(model.RefuseUnknownKPICmd, sub))
}

func runKPIList(e env) int {
	fs := newFlagSet(e, "kpi list", kpiUsage)
	db, lang, today, format := dbFlag(fs), langFlag(fs), todayFlag(fs), fs.String("format", "text", "text or json")
	if st, stop := parseOnlyFlags(e, fs, e.args); stop {
		return st
	}
	l, day, err := kpiCommon(e, *lang, *today, *format)
	if err != nil {
		return fail(e, "kpi list", err)
	}
	st, err := e.openExisting(*db)
	if err != nil {
		return fail(e, "kpi list", err)
	}
	defer st.Close()
	ctx := context.Background()
	kpis, err := st.KPIsAsOf(ctx, day)
	if err != nil {
		return fail(e, "kpi list", err)
	}
	revs, err := st.KPIRevisions(ctx)
	if err != nil {
		return fail(e, "kpi list", err)
	}
	money, err := teamMoney(ctx, st, l)
	if err != nil {
		return fail(e, "kpi list", err)
	}
	last := map[string]model.KPIRevision{} // the last recorded of each KPI
	for _, r := range revs {
		last[r.Key] = r
	}
	if *format == "json" {
		out := make([]kpiJSON, len(kpis))
		for i, k := range kpis {
			out[i] = toKPIJSON(k, last[k.Key])
		}
		return writeIndentedJSON(e, "kpi list", out)
	}
	header := []string{l.T(msgKPIColKey), l.T(msgKPIColName), l.T(msgKPIColTarget), l.T(msgKPIColPer),
		l.T(msgKPIColDeadline), l.T(msgKPIColRole), l.T(msgKPIColLastChange)}
	var rows [][]string
	for _, k := range kpis {
		r := last[k.Key]
		rows = append(rows, []string{k.Key, l.Pick(k.NameJA, k.NameEN), targetWord(money, k), perWord(l, k),
			dateWord(k.Deadline), roleWord(l, k.Main), model.FormatDate(r.RecordedAt.Local()) + " " + r.Author})
	}
	writeColumns(e.stdout, header, rows)
	return exitOK
}

// kpiCommon reads the flags the kpi subcommands share: the language, the
// day taken as today and the output format.
func kpiCommon(e env, lang, today, format string) (catalog.Lang, time.Time, error) {
	l, err := e.lang(lang)
	if err != nil {
		return l, time.Time{}, err
	}
	if format != "text" && format != "json" {
		return l, time.Time{}, model.Refused(model.RefuseFlagWant, "format", format, model.Choices{"text", "json"})
	}
	d, err := parseToday(today)
	return l, d, err
}

type kpiSetFlags struct {
	db, lang, target, deadline, definition, formula, reason, from, author string
	main, supporting                                                      bool
}

func runKPISet(e env) int {
	fs := newFlagSet(e, "kpi set", kpiUsage)
	var f kpiSetFlags
	fs.StringVar(&f.db, "db", "", dbUsage)
	fs.StringVar(&f.lang, "lang", "", langUsage)
	todayArg := todayFlag(fs)
	fs.StringVar(&f.target, "target", "", "the target `V`: 30% for a rate, 140/month for a count, 200万 for an amount; none removes it")
	fs.StringVar(&f.deadline, "deadline", "", "the deadline `YYYY-MM-DD`; none removes it")
	fs.StringVar(&f.definition, "definition", "", "the written definition (one line)")
	fs.StringVar(&f.formula, "formula", "", "the formula or data source (one line)")
	fs.BoolVar(&f.main, "main", false, "make it a main KPI")
	fs.BoolVar(&f.supporting, "supporting", false, "make it a supporting KPI")
	fs.StringVar(&f.reason, "reason", "", "why the goal changes (required)")
	fs.StringVar(&f.from, "from", "", "the first `DAY` the change is in force, YYYY-MM-DD (default: today)")
	fs.StringVar(&f.author, "author", "", "who makes the change (default: the OS user)")
	if st, stop := parseFlags(e, fs, flagsFirst(e.args, "main", "supporting")); stop {
		return st
	}
	if fs.NArg() != 1 {
		return fail(e, "kpi set", model.Refused(model.RefuseKPISetWhich))
	}
	key := fs.Arg(0)
	set := setFlagNames(fs)
	l, today, err := kpiCommon(e, f.lang, *todayArg, "text")
	if err != nil {
		return fail(e, "kpi set", err)
	}
	from := today
	if set["from"] {
		if from, err = model.ParseDay(f.from, today); err != nil {
			return fail(e, "kpi set", &model.FlagError{Flag: "from", Err: err})
		}
	}
	if err := checkKPISetFlags(f, set); err != nil {
		return fail(e, "kpi set", err)
	}
	st, err := e.openExisting(f.db)
	if err != nil {
		return fail(e, "kpi set", err)
	}
	defer st.Close()
	st.SetClock(clockOn(today))
	ctx := context.Background()
	cur, ok, err := st.KPIAsOf(ctx, key, from)
	if err != nil {
		return fail(e, "kpi set", err)
	}
	if !ok {
		return fail(e, "kpi set", unknownKPI(ctx, st, key))
	}
	vals, fields, err := kpiSetValues(f, set, cur)
	if err != nil {
		return fail(e, "kpi set", err)
	}
	note := store.RevisionNote{From: from, Author: f.author, Reason: f.reason}
	if err := st.ReviseKPI(ctx, key, vals, fields, note); err != nil {
		return fail(e, "kpi set", err)
	}
	now, _, err := st.KPIAsOf(ctx, key, from)
	if err != nil {
		return fail(e, "kpi set", err)
	}
	money, err := teamMoney(ctx, st, l)
	if err != nil {
		return fail(e, "kpi set", err)
	}
	names := make([]string, len(fields))
	for i, fl := range fields {
		names[i] = fieldWord(money, fl, now)
	}
	fmt.Fprintln(e.stdout, l.T(msgKPISet, key, model.FormatDate(from), strings.Join(names, l.T(msgKPIListSep))))
	return exitOK
}

// checkKPISetFlags refuses what no KPI could take: no reason, nothing to
// change, both roles, a text on more than one line.
func checkKPISetFlags(f kpiSetFlags, set map[string]bool) error {
	if strings.TrimSpace(f.reason) == "" {
		return model.Refused(model.RefuseReasonRequired)
	}
	for name, v := range map[string]string{"reason": f.reason, "author": f.author, "definition": f.definition, "formula": f.formula} {
		if strings.ContainsAny(v, "\r\n") {
			return model.BadFlag(name, model.RefuseOneLine)
		}
	}
	if f.main && f.supporting {
		return model.Refused(model.RefuseMainOrSupporting)
	}
	for _, name := range []string{"target", "deadline", "definition", "formula", "main", "supporting"} {
		if set[name] {
			return nil
		}
	}
	return model.Refused(model.RefuseNothingToChange)
}

// kpiSetValues reads the flags given into the values of a revision of cur
// and the fields it sets.
func kpiSetValues(f kpiSetFlags, set map[string]bool, cur model.KPI) (model.KPI, []model.KPIField, error) {
	var v model.KPI
	var fields []model.KPIField
	if set["target"] {
		fields = append(fields, model.FieldTarget)
		if text := strings.TrimSpace(f.target); !strings.EqualFold(text, "none") {
			var per model.PeriodKind
			if cur.HasTarget {
				per = cur.TargetPer
			}
			t, err := kpitree.ParseTarget(text, cur.Unit, kpitree.KindOf(cur.Key, cur.Unit), per)
			if err != nil {
				return v, nil, &model.FlagError{Flag: "target", Err: err}
			}
			v.Target, v.HasTarget, v.TargetPer = t.Value, true, kpitree.PerOrYear(t.Per)
		}
	}
	if set["deadline"] {
		fields = append(fields, model.FieldDeadline)
		if text := strings.TrimSpace(f.deadline); !strings.EqualFold(text, "none") {
			d, err := model.ParseDate(text)
			if err != nil {
				return v, nil, &model.FlagError{Flag: "deadline", Err: err}
			}
			v.Deadline = d
		}
	}
	if set["definition"] {
		fields, v.Definition = append(fields, model.FieldDefinition), strings.TrimSpace(f.definition)
	}
	if set["formula"] {
		fields, v.Formula = append(fields, model.FieldFormula), strings.TrimSpace(f.formula)
	}
	if set["main"] || set["supporting"] {
		fields, v.Main = append(fields, model.FieldMain), f.main
	}
	return v, fields, nil
}

// unknownKPI is the error for a key no KPI has, naming the keys there are.
func unknownKPI(ctx context.Context, st *store.Store, key string) error {
	kpis, err := st.KPIs(ctx)
	if err != nil {
		return err
	}
	keys := make([]string, len(kpis))
	for i, k := range kpis {
		keys[i] = k.Key
	}
	return model.Refused(model.RefuseUnknownKPI, key, model.Names(keys))
}

func runKPIHistory(e env) int {
	fs := newFlagSet(e, "kpi history", kpiUsage)
	db, lang, format := dbFlag(fs), langFlag(fs), fs.String("format", "text", "text or json")
	if st, stop := parseFlags(e, fs, flagsFirst(e.args)); stop {
		return st
	}
	if fs.NArg() != 1 {
		return fail(e, "kpi history", model.Refused(model.RefuseKPIHistoryWhich))
	}
	key := fs.Arg(0)
	l, _, err := kpiCommon(e, *lang, "", *format)
	if err != nil {
		return fail(e, "kpi history", err)
	}
	st, err := e.openExisting(*db)
	if err != nil {
		return fail(e, "kpi history", err)
	}
	defer st.Close()
	ctx := context.Background()
	k, ok, err := st.KPI(ctx, key)
	if err != nil {
		return fail(e, "kpi history", err)
	}
	if !ok {
		return fail(e, "kpi history", unknownKPI(ctx, st, key))
	}
	hist, err := st.KPIHistory(ctx, key)
	if err != nil {
		return fail(e, "kpi history", err)
	}
	money, err := teamMoney(ctx, st, l)
	if err != nil {
		return fail(e, "kpi history", err)
	}
	if *format == "json" {
		out := make([]revisionJSON, len(hist))
		for i, r := range hist {
			out[i] = toRevisionJSON(r)
		}
		return writeIndentedJSON(e, "kpi history", out)
	}
	fmt.Fprintln(e.stdout, l.T(msgKPIHistoryTitle, key, l.Pick(k.NameJA, k.NameEN), len(hist)))
	header := []string{l.T(msgKPIColFrom), l.T(msgKPIColRecorded), l.T(msgKPIColAuthor), l.T(msgKPIColChanged),
		l.T(msgKPIColTarget), l.T(msgKPIColDeadline), l.T(msgKPIColRole), l.T(msgKPIColReason)}
	var rows [][]string
	for _, r := range hist {
		v := r.KPI
		v.Unit = k.Unit
		changed := make([]string, len(r.Changed))
		for i, f := range r.Changed {
			changed[i] = string(f)
		}
		if len(r.Changed) == len(model.KPIFields) {
			changed = []string{l.T(msgKPIChangedAll)}
		}
		from := model.FormatDate(r.EffectiveFrom)
		if r.EffectiveFrom.IsZero() {
			from = l.T(msgKPIFromBeginning)
		}
		rows = append(rows, []string{from, r.RecordedAt.Local().Format("2006-01-02 15:04"), r.Author,
			strings.Join(changed, ","), targetWord(money, v), dateWord(v.Deadline), roleWord(l, v.Main), r.Reason})
	}
	writeColumns(e.stdout, header, rows)
	return exitOK
}

// teamMoney writes money in l and the database's currency.
func teamMoney(ctx context.Context, st *store.Store, l catalog.Lang) (catalog.Money, error) {
	cur, err := st.Currency(ctx)
	return catalog.Money{Lang: l, Currency: cur}, err
}

// writeColumns writes rows under a header, every column left-aligned and
// measured in display columns, the last one not padded.
func writeColumns(w io.Writer, header []string, rows [][]string) {
	widths := make([]int, len(header))
	for _, r := range append([][]string{header}, rows...) {
		for i, c := range r {
			widths[i] = max(widths[i], lipgloss.Width(c))
		}
	}
	for _, r := range append([][]string{header}, rows...) {
		parts := make([]string, len(r))
		for i, c := range r {
			parts[i] = padRight(c, widths[i])
		}
		fmt.Fprintln(w, strings.TrimRight(strings.Join(parts, "  "), " "))
	}
}
