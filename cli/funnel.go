package cli

import (
	"context"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/figures"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

const funnelUsage = `funnel [--db PATH] [--from YYYY-MM-DD --to YYYY-MM-DD | --period P] [--by department|source|rep] [--today YYYY-MM-DD] [--lang ja|en] --format json|text

The shared funnel (docs/funnel.md): per stage, the leads that first reached it in the range,
the cohort's conversion to the next stage so far, the median and 90th percentile of the hours
it took, and the leads past their stage's hand-off limit.`

// runFunnel prints the funnel of a range.
func runFunnel(e env) int {
	fs := newFlagSet(e, "funnel", funnelUsage)
	dbPath := dbFlag(fs)
	fromFlag := fs.String("from", "", "first day, inclusive (default: no lower bound)")
	toFlag := fs.String("to", "", "last day, inclusive (default: no upper bound)")
	periodFlag := fs.String("period", "", "a whole period instead of --from/--to: 2026-11, 2026-Q3 (calendar), FY2026, FY2026-Q1, 2026-W47")
	by := fs.String("by", "", "also break the funnel down by department, source or rep")
	format := fs.String("format", "text", "json or text")
	todayArg := todayFlag(fs)
	langArg := langFlag(fs)
	if code, stop := parseOnlyFlags(e, fs, e.args); stop {
		return code
	}
	if *format != "json" && *format != "text" {
		return fail(e, "funnel", model.Refused(model.RefuseFlagWant, "format", *format, model.Choices{"json", "text"}))
	}
	if *by != "" && !slices.Contains(store.FunnelGroupings, *by) {
		return fail(e, "funnel", model.Refused(model.RefuseFlagWant, "by", *by, model.Choices(store.FunnelGroupings)))
	}
	lang, err := e.lang(*langArg)
	if err != nil {
		return fail(e, "funnel", err)
	}
	today, err := parseToday(*todayArg)
	if err != nil {
		return fail(e, "funnel", err)
	}
	if *periodFlag != "" && (*fromFlag != "" || *toFlag != "") {
		return fail(e, "funnel", model.Refused(model.RefusePeriodAndRange))
	}
	rng, err := parseRange(*fromFlag, *toFlag)
	if err != nil {
		return fail(e, "funnel", err)
	}
	if err := checkPeriod(*periodFlag); err != nil {
		return fail(e, "funnel", err)
	}
	st, err := e.openExisting(*dbPath)
	if err != nil {
		return fail(e, "funnel", err)
	}
	defer st.Close()
	ctx := context.Background()
	fiscalStart, err := st.FiscalStart(ctx)
	if err != nil {
		return fail(e, "funnel", err)
	}
	if *periodFlag != "" {
		p, err := periodIn(*periodFlag, fiscalStart)
		if err != nil {
			return fail(e, "funnel", err)
		}
		rng = dateRange{from: p.Start, to: p.Last()}
	}
	now := funnelNow(*todayArg, today)
	f, err := figures.ComputeFunnel(ctx, st, figures.Range{From: rng.from, To: rng.to, FiscalStart: fiscalStart},
		now, time.Local, *by)
	if err != nil {
		return fail(e, "funnel", err)
	}
	if *format == "json" {
		return writeIndentedJSON(e, "funnel", funnelJSONOf(f, today))
	}
	writeFunnelText(e, lang, f)
	return exitOK
}

// funnelNow is the moment the funnel is taken at: now, or with --today the
// end of that day in the local zone, so a past day's funnel counts that
// whole day.
func funnelNow(flagValue string, today time.Time) time.Time {
	if flagValue == "" {
		return clock()
	}
	y, m, d := today.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.Local).AddDate(0, 0, 1).Add(-time.Second)
}

// The JSON contract of kpit funnel: stages in funnel order, each with key,
// count, conversion_to_next, median_hours_to_next and p90_hours_to_next;
// overdue with id, stage, owner and hours_over. Other keys are extra.
type funnelJSON struct {
	From    string              `json:"from,omitempty"`
	To      string              `json:"to,omitempty"`
	Today   string              `json:"today"`
	Stages  []funnelStageJSON   `json:"stages"`
	By      string              `json:"by,omitempty"`
	Groups  []funnelGroupJSON   `json:"groups,omitempty"`
	Overdue []funnelOverdueJSON `json:"overdue"`
	// WorstStep is the stage whose step to the next is furthest below its
	// target; null when none is below.
	WorstStep *string `json:"worst_step"`
}

type funnelStageJSON struct {
	Key               string   `json:"key"`
	Count             int      `json:"count"`
	ConversionToNext  *float64 `json:"conversion_to_next"`
	MedianHoursToNext *float64 `json:"median_hours_to_next"`
	P90HoursToNext    *float64 `json:"p90_hours_to_next"`
	Converted         int      `json:"converted"`
	Leak              int      `json:"leak"`
	Recycled          int      `json:"recycled"`
	Owner             string   `json:"owner,omitempty"`
	LimitBusinessDays int      `json:"limit_business_days"`
	TargetConversion  *float64 `json:"target_conversion"`
	// StillOpen is the cohort's leads still at the stage; Young says the
	// cohort has not had its step's usual time (figures.FunnelStep). Set
	// on the whole funnel's stages but the last, not on groups.
	StillOpen *int  `json:"still_open,omitempty"`
	Young     *bool `json:"young,omitempty"`
}

type funnelGroupJSON struct {
	Key    string            `json:"key"`
	Stages []funnelStageJSON `json:"stages"`
}

type funnelOverdueJSON struct {
	ID         int64   `json:"id"`
	Stage      string  `json:"stage"`
	Owner      string  `json:"owner"`
	HoursOver  float64 `json:"hours_over"`
	Department string  `json:"department"`
	Company    string  `json:"company"`
	Since      string  `json:"since"`
	Due        string  `json:"due"`
}

func funnelJSONOf(f *figures.Funnel, today time.Time) funnelJSON {
	out := funnelJSON{Today: model.FormatDate(today), By: f.By, Stages: funnelStagesJSON(f.Steps, f.Defs),
		Overdue: []funnelOverdueJSON{}}
	for i, s := range f.Steps {
		if s.Stage.Next() != "" {
			open, young := s.Open, s.Young
			out.Stages[i].StillOpen, out.Stages[i].Young = &open, &young
		}
	}
	if !f.Range.From.IsZero() {
		out.From = model.FormatDate(f.Range.From)
	}
	if !f.Range.To.IsZero() {
		out.To = model.FormatDate(f.Range.To)
	}
	for _, g := range f.Groups {
		out.Groups = append(out.Groups, funnelGroupJSON{Key: g.Key, Stages: funnelStagesJSON(g.Steps, f.Defs)})
	}
	for _, o := range f.Overdue {
		owner := o.RepName
		if owner == "" {
			owner = string(o.Owner)
		}
		out.Overdue = append(out.Overdue, funnelOverdueJSON{ID: o.LeadID, Stage: string(o.Stage), Owner: owner,
			HoursOver: roundTo(o.HoursOver, 2), Department: string(o.Owner), Company: o.Company,
			Since: o.Since.UTC().Format(time.RFC3339), Due: o.Due.UTC().Format(time.RFC3339)})
	}
	if f.Worst >= 0 {
		k := string(f.Steps[f.Worst].Stage)
		out.WorstStep = &k
	}
	return out
}

func funnelStagesJSON(steps []figures.FunnelStep, defs []model.StageDef) []funnelStageJSON {
	out := make([]funnelStageJSON, 0, len(steps))
	for _, s := range steps {
		def := model.StageDefOf(defs, s.Stage)
		out = append(out, funnelStageJSON{Key: string(s.Stage), Count: s.Reached,
			ConversionToNext: valuePtr(s.Conversion, 6), MedianHoursToNext: valuePtr(s.MedianHours, 4),
			P90HoursToNext: valuePtr(s.P90Hours, 4), Converted: s.Converted, Leak: s.Leak, Recycled: s.Recycled,
			Owner: string(def.Owner), LimitBusinessDays: def.LimitDays, TargetConversion: valuePtr(s.Target, 6)})
	}
	return out
}

// valuePtr is a figure for JSON, rounded to prec decimals: null when undefined.
func valuePtr(v model.Value, prec int) *float64 {
	if !v.Valid {
		return nil
	}
	x := roundTo(v.V, prec)
	return &x
}

func writeFunnelText(e env, l catalog.Lang, f *figures.Funnel) {
	w := e.stdout
	fmt.Fprintln(w, l.T(catalog.FunnelTitle))
	writeFunnelTable(e, l, f.Steps, f.Defs)
	if stages, open, reached := f.YoungSteps(); len(stages) > 0 {
		young := catalog.FunnelYoungLine(l, stages, open, reached)
		fmt.Fprintln(w, young)
	}
	switch {
	case f.Worst >= 0:
		s := f.Steps[f.Worst]
		fmt.Fprintln(w, catalog.FunnelWorstSentence(l, s.Stage, s.Conversion, s.Target, s.Shortfall))
	case hasTargets(f.Defs):
		fmt.Fprintln(w, l.T(catalog.FunnelNoWorst))
	default:
		fmt.Fprintln(w, l.T(catalog.FunnelNoTargets))
	}
	if f.By != "" {
		fmt.Fprintln(w)
		fmt.Fprintln(w, catalog.FunnelByWord(l, f.By))
		for _, g := range f.Groups {
			fmt.Fprintln(w, "# "+catalog.FunnelGroupWord(l, f.By, g.Key))
			writeFunnelTable(e, l, g.Steps, f.Defs)
		}
	}
	fmt.Fprintln(w)
	if len(f.Overdue) == 0 {
		fmt.Fprintln(w, l.T(catalog.FunnelNoOverdue))
		return
	}
	fmt.Fprintln(w, l.T(catalog.FunnelOverdue, len(f.Overdue)))
	shown := f.Overdue
	if len(shown) > funnelTextOverdue {
		shown = shown[:funnelTextOverdue]
	}
	for _, o := range shown {
		owner := o.RepName
		if owner == "" {
			owner = catalog.DeptWord(l, o.Owner)
		}
		fmt.Fprintln(w, "  "+l.T(catalog.FunnelOverdueRow, o.LeadID, o.Company, catalog.StageWord(l, o.Stage),
			catalog.FormatHours(l, model.Some(o.HoursOver)), owner))
	}
	if more := len(f.Overdue) - len(shown); more > 0 {
		fmt.Fprintln(w, "  "+l.T(catalog.FunnelOverdueMore, more))
	}
}

// funnelTextOverdue is how many overdue leads the text lists, most overdue
// first; the JSON lists them all.
const funnelTextOverdue = 20

func writeFunnelTable(e env, l catalog.Lang, steps []figures.FunnelStep, defs []model.StageDef) {
	header := []string{l.T(catalog.FunnelColStage), l.T(catalog.FunnelColReached),
		l.T(catalog.FunnelColConv), l.T(catalog.FunnelColTarget), l.T(catalog.FunnelColMedian), l.T(catalog.FunnelColP90),
		l.T(catalog.FunnelColLeak), l.T(catalog.FunnelColRecycle), l.T(catalog.FunnelColOwner), l.T(catalog.FunnelColLimit)}
	var rows [][]string
	for _, s := range steps {
		def := model.StageDefOf(defs, s.Stage)
		rows = append(rows, []string{catalog.StageWord(l, s.Stage), fmt.Sprint(s.Reached),
			catalog.FormatPercent(s.Conversion), catalog.FormatPercent(s.Target), catalog.FormatHours(l, s.MedianHours),
			catalog.FormatHours(l, s.P90Hours), fmt.Sprint(s.Leak), fmt.Sprint(s.Recycled),
			catalog.DeptWord(l, def.Owner), catalog.LimitWord(l, def.LimitDays)})
	}
	writeColumns(e.stdout, header, rows)
}

func hasTargets(defs []model.StageDef) bool {
	for _, d := range defs {
		if d.TargetRate.Valid {
			return true
		}
	}
	return false
}

// roundTo rounds v to prec decimals, so JSON carries no float noise.
func roundTo(v float64, prec int) float64 {
	p := math.Pow(10, float64(prec))
	return math.Round(v*p) / p
}
