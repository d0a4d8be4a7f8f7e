package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/figures"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// reportMetrics is every figure a report carries, in column order: the
// contract's six first, then the activity counts, leads and the other rates.
var reportMetrics = []string{
	model.MetricOpportunities, model.MetricOrdersWon, model.MetricOrdersLost, model.MetricWinRate,
	model.MetricRevenue, model.MetricAvgDealSize,
	model.MetricVisits, model.MetricCalls, model.MetricEmails, model.MetricProposals,
	model.MetricAppointments, model.MetricMeetings, model.MetricLeads,
	model.MetricLeadToOppRate, model.MetricLeadCaptureRate,
}

// runReport prints KPI figures for a range of days:
// `kpit report --db PATH [--from D --to D | --period P] [--by rep|department|month] --format json|csv|md`.
func runReport(e env) int {
	fs := newFlagSet(e, "report",
		"report [--db PATH] [--from YYYY-MM-DD --to YYYY-MM-DD | --period 2026-11|2026-Q3|FY2026|2026-W47] [--by rep|department|month] [--format json|csv|md] [--today YYYY-MM-DD] [--lang ja|en]")
	dbPath := dbFlag(fs)
	fromFlag := fs.String("from", "", "first day, inclusive (default: no lower bound)")
	toFlag := fs.String("to", "", "last day, inclusive (default: no upper bound)")
	periodFlag := fs.String("period", "", "a whole period instead of --from/--to: 2026-11, 2026-Q3 (calendar), FY2026, FY2026-Q1, 2026-W47")
	by := fs.String("by", "", "also break the figures down by rep, department or month")
	format := fs.String("format", "json", "json, csv or md (a table to paste into a meeting note)")
	todayArg := todayFlag(fs)
	langArg := langFlag(fs)
	if code, stop := parseOnlyFlags(e, fs, e.args); stop {
		return code
	}
	switch *format {
	case "json", "csv", "md":
	default:
		return fail(e, "report", model.Refused(model.RefuseFlagWant, "format", *format, model.Choices{"json", "csv", "md"}))
	}
	switch *by {
	case "", "rep", "department", "month":
	default:
		return fail(e, "report", model.Refused(model.RefuseFlagWant, "by", *by, model.Choices{"rep", "department", "month"}))
	}
	lang, err := e.lang(*langArg)
	if err != nil {
		return fail(e, "report", err)
	}
	today, err := parseToday(*todayArg)
	if err != nil {
		return fail(e, "report", err)
	}
	if *periodFlag != "" && (*fromFlag != "" || *toFlag != "") {
		return fail(e, "report", model.Refused(model.RefusePeriodAndRange))
	}
	rng, err := parseRange(*fromFlag, *toFlag)
	if err != nil {
		return fail(e, "report", err)
	}
	if err := checkPeriod(*periodFlag); err != nil {
		return fail(e, "report", err)
	}
	st, err := e.openExisting(*dbPath)
	if err != nil {
		return fail(e, "report", err)
	}
	defer st.Close()
	ctx := context.Background()
	fiscalStart, err := st.FiscalStart(ctx)
	if err != nil {
		return fail(e, "report", err)
	}
	if *periodFlag != "" {
		p, err := periodIn(*periodFlag, fiscalStart)
		if err != nil {
			return fail(e, "report", err)
		}
		rng = dateRange{from: p.Start, to: p.Last()}
	}
	rep, err := buildReport(ctx, st, rng, *by, fiscalStart, today)
	if err != nil {
		return fail(e, "report", err)
	}
	// The period is named as given: 2026-Q3 is a calendar quarter, which
	// model's Key would name as a fiscal one.
	rep.period = strings.ToUpper(strings.TrimSpace(*periodFlag))
	switch *format {
	case "json":
		return writeIndentedJSON(e, "report", rep.json())
	case "csv":
		var buf bytes.Buffer
		if err := rep.writeCSV(&buf); err != nil {
			return fail(e, "report", fmt.Errorf("write CSV: %w", err))
		}
		e.stdout.Write(buf.Bytes())
		return exitOK
	}
	var buf bytes.Buffer
	rep.writeMarkdown(&buf, lang)
	e.stdout.Write(buf.Bytes())
	return exitOK
}

// dateRange is a range of days, both inclusive; a zero end is open.
type dateRange struct{ from, to time.Time }

// parseRange reads --from and --to strictly (2026-02-30 is refused) and
// checks that from is not after to.
func parseRange(from, to string) (dateRange, error) {
	var r dateRange
	var err error
	if from != "" {
		if r.from, err = model.ParseDate(from); err != nil {
			return r, &model.FlagError{Flag: "from", Err: err}
		}
	}
	if to != "" {
		if r.to, err = model.ParseDate(to); err != nil {
			return r, &model.FlagError{Flag: "to", Err: err}
		}
	}
	if !r.from.IsZero() && !r.to.IsZero() && r.from.After(r.to) {
		return r, model.Refused(model.RefuseFromAfterTo, from, to)
	}
	return r, nil
}

// report is the figures of a range, with an optional breakdown.
type report struct {
	rng    dateRange
	period string         // --period as given, "" without
	cur    model.Currency // the team's: every amount is in its major units
	total  model.Counts
	by     string
	rows   []figures.Group
	// kpis are the figures engine's figures of every KPI over the range
	// (its open ends closed by the records' first day and today); nil
	// without a KPI or a KGI.
	kpis *figures.Figures
}

func buildReport(ctx context.Context, st *store.Store, rng dateRange, by string, fiscalStart time.Month, today time.Time) (*report, error) {
	f := figures.Range{From: rng.from, To: rng.to, FiscalStart: fiscalStart}
	total, cur, err := figures.Total(ctx, st, f)
	if err != nil {
		return nil, err
	}
	r := &report{rng: rng, cur: cur, total: total, by: by}
	switch by {
	case "rep":
		r.rows, err = figures.ByRep(ctx, st, f)
	case "department":
		r.rows, err = figures.ByDepartment(ctx, st, f)
	case "month":
		if f.From.IsZero() || f.To.IsZero() {
			first, last, err := st.DayRange(ctx)
			if err != nil {
				return nil, err
			}
			if first.IsZero() { // no records at all: no months
				break
			}
			if f.From.IsZero() {
				f.From = first
			}
			if f.To.IsZero() {
				f.To = last
			}
		}
		r.rows, err = figures.ByMonth(ctx, st, f)
	}
	if err != nil {
		return nil, err
	}
	if r.kpis, err = reportKPIs(ctx, st, rng, fiscalStart, today); err != nil {
		return nil, err
	}
	return r, nil
}

// reportKPIs are the KPI figures over the range; an open start is the
// records' first day, an open end today (or the last record's day when
// that is later).
func reportKPIs(ctx context.Context, st *store.Store, rng dateRange, fiscalStart time.Month, today time.Time) (*figures.Figures, error) {
	f := figures.Range{From: rng.from, To: rng.to, FiscalStart: fiscalStart}
	if f.From.IsZero() || f.To.IsZero() {
		first, last, err := st.DayRange(ctx)
		if err != nil {
			return nil, err
		}
		if f.From.IsZero() {
			f.From = first
			if first.IsZero() {
				f.From = today
			}
		}
		if f.To.IsZero() {
			f.To = today
			if last.After(today) {
				f.To = last
			}
		}
	}
	if f.From.After(f.To) {
		return nil, nil
	}
	figs, err := figures.Compute(ctx, st, f, today)
	if err != nil {
		return nil, err
	}
	if len(figs.ByKey) == 0 {
		return nil, nil
	}
	return figs, nil
}

// metricsJSON writes every report metric: counts as integers, revenue in
// major units of cur (an integer for JPY, to the cent for USD), rates and
// averages as numbers, undefined ones as null.
func metricsJSON(c model.Counts, cur model.Currency) map[string]any {
	m := c.Metrics()
	out := make(map[string]any, len(reportMetrics))
	for _, k := range reportMetrics {
		v := m[k]
		switch {
		case !v.Valid || math.IsNaN(v.V) || math.IsInf(v.V, 0):
			out[k] = nil
		case k == model.MetricRevenue && cur.Decimals > 0:
			out[k] = math.Round(v.V*cur.PerMajor()) / cur.PerMajor()
		case isWhole(k):
			out[k] = int64(math.Round(v.V))
		default:
			out[k] = v.V
		}
	}
	return out
}

// isWhole says whether a metric is a whole count or a sum of money (whole
// in a currency without decimals).
func isWhole(key string) bool {
	switch key {
	case model.MetricWinRate, model.MetricAvgDealSize, model.MetricLeadToOppRate, model.MetricLeadCaptureRate:
		return false
	}
	return true
}

func jsonDate(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return model.FormatDate(t)
}

func (r *report) json() map[string]any {
	out := map[string]any{
		"from":     jsonDate(r.rng.from),
		"to":       jsonDate(r.rng.to),
		"metrics":  metricsJSON(r.total, r.cur),
		"currency": r.cur.Code,
		"kpis":     r.kpisJSON(),
	}
	if r.period != "" {
		out["period"] = r.period
	}
	if r.kpis != nil {
		out["today"] = model.FormatDate(r.kpis.Today)
		out["state"] = stateWord(r.kpis.State)
		out["judged_on"] = model.FormatDate(r.kpis.Range.JudgedOn(r.kpis.Today))
	}
	if r.by != "" {
		rows := make([]map[string]any, 0, len(r.rows))
		for _, row := range r.rows {
			j := map[string]any{"metrics": metricsJSON(row.Counts, r.cur)}
			switch r.by {
			case "rep":
				j["rep"], j["department"] = nullIfEmpty(row.Rep.Name), nullIfEmpty(string(row.Department))
				if row.Rep.ID != 0 {
					j["rep_id"] = row.Rep.ID
				} else {
					j["rep_id"] = nil
				}
			case "department":
				j["department"] = nullIfEmpty(string(row.Department))
			case "month":
				j["month"], j["from"], j["to"] = row.Month.Key(), jsonDate(row.Range.From), jsonDate(row.Range.To)
			}
			rows = append(rows, j)
		}
		out["by"], out["rows"] = r.by, rows
	}
	return out
}

// kpiKeys are the keys of the KPIs a report shows: the tree's nodes from
// the KGI down, then the KPIs not on it.
func kpiKeys(f *figures.Figures) []string {
	var keys []string
	seen := map[string]bool{}
	if t := f.Goals.Tree; t != nil {
		for _, n := range t.Nodes() {
			keys, seen[n.Key] = append(keys, n.Key), true
		}
	}
	for _, k := range f.Goals.KPIs {
		if !seen[k.Key] {
			keys, seen[k.Key] = append(keys, k.Key), true
		}
	}
	if g := f.Goals; g.HasKGI && !seen[g.KGI.Metric] {
		keys = append([]string{g.KGI.Metric}, keys...)
	}
	return keys
}

// kpisJSON is every KPI's figures over the range, with pace and status.
func (r *report) kpisJSON() []map[string]any {
	out := []map[string]any{}
	if r.kpis == nil {
		return out
	}
	for _, k := range kpiKeys(r.kpis) {
		f := r.kpis.Get(k)
		ja, en := r.kpis.Goals.Names(k)
		out = append(out, map[string]any{
			"key": k, "name_ja": ja, "name_en": en, "unit": string(f.Unit),
			"actual": jsonNum(f.Actual), "target": jsonNum(f.Target), "achievement": jsonNum(f.Achievement),
			"pace": jsonNum(f.Pace), "pace_achievement": jsonNum(f.PaceAchievement),
			"previous": jsonNum(f.Previous), "change": jsonNum(f.Change()), "status": string(f.Status),
		})
	}
	return out
}

func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// csvValue writes a metric for CSV: plain digits, a dot for decimals
// (revenue with the currency's), and an empty cell when undefined.
func csvValue(key string, v model.Value, cur model.Currency) string {
	if !v.Valid || math.IsNaN(v.V) || math.IsInf(v.V, 0) {
		return ""
	}
	if key == model.MetricRevenue && cur.Decimals > 0 {
		return strconv.FormatFloat(v.V, 'f', cur.Decimals, 64)
	}
	if isWhole(key) {
		return strconv.FormatInt(int64(math.Round(v.V)), 10)
	}
	return strconv.FormatFloat(v.V, 'f', -1, 64)
}

// writeCSV writes one row for the whole range, or, with a breakdown, one
// row per rep, department or month; columns are the report's metrics.
func (r *report) writeCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	var head []string
	switch r.by {
	case "rep":
		head = []string{"rep", "department"}
	case "department":
		head = []string{"department"}
	case "month":
		head = []string{"month"}
	}
	head = append(head, "from", "to")
	head = append(head, reportMetrics...)
	if err := cw.Write(head); err != nil {
		return err
	}
	line := func(lead []string, from, to time.Time, c model.Counts) error {
		m := c.Metrics()
		rec := append(lead, model.FormatDate(from), model.FormatDate(to))
		for _, k := range reportMetrics {
			rec = append(rec, csvValue(k, m[k], r.cur))
		}
		return cw.Write(rec)
	}
	if r.by == "" {
		if err := line(nil, r.rng.from, r.rng.to, r.total); err != nil {
			return err
		}
	}
	for _, row := range r.rows {
		var lead []string
		from, to := r.rng.from, r.rng.to
		switch r.by {
		case "rep":
			lead = []string{row.Rep.Name, string(row.Department)}
		case "department":
			lead = []string{string(row.Department)}
		case "month":
			lead = []string{row.Month.Key()}
			from, to = row.Range.From, row.Range.To
		}
		if err := line(lead, from, to, row.Counts); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// metricLabel names a metric for people: the catalogue's name, else the
// name of a base count the catalogue does not define as a KPI.
func metricLabel(l catalog.Lang, key string) string {
	if e, ok := model.KPIDefinition(key); ok {
		return l.Pick(e.KPI.NameJA, e.KPI.NameEN)
	}
	switch key {
	case model.MetricEmails:
		return l.T(catalog.ReportEmails)
	case model.MetricOrdersLost:
		return l.T(catalog.ReportOrdersLost)
	}
	return key
}

// mdValue writes a metric for a meeting note: money in full (¥ to the yen,
// $ to the cent), counts with separators, rates as percentages, "-" when
// undefined.
func mdValue(money catalog.Money, key string, v model.Value) string {
	if !v.Valid {
		return "-"
	}
	switch key {
	case model.MetricRevenue, model.MetricAvgDealSize:
		return money.Full(v)
	case model.MetricWinRate, model.MetricLeadToOppRate, model.MetricLeadCaptureRate:
		return catalog.FormatPercent(v)
	}
	return catalog.FormatCount(v)
}

// mdCell escapes a table cell.
func mdCell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

func (r *report) rangeText(l catalog.Lang) string {
	from, to := model.FormatDate(r.rng.from), model.FormatDate(r.rng.to)
	switch {
	case from == "" && to == "":
		return l.T(catalog.ReportAllRecords)
	case from == "":
		return l.T(catalog.ReportUpTo, to)
	case to == "":
		return l.T(catalog.ReportFrom, from)
	}
	return from + " - " + to
}

// writeKPITable writes every KPI with a target over the range: actual,
// target in force, achievement, pace, change against the previous
// comparable range and status, as the figures engine makes them.
func (r *report) writeKPITable(w io.Writer, money catalog.Money) {
	f := r.kpis
	if f == nil {
		return
	}
	l := money.Lang
	var rows []string
	for _, k := range kpiKeys(f) {
		x := f.Get(k)
		if !x.Target.Valid {
			continue
		}
		change := catalog.FormatChangeOf(l, x.Unit, x.Change())
		rows = append(rows, fmt.Sprintf("| %s | %s | %s | %s | %s | %s | %s |", mdCell(l.Pick(f.Goals.Names(k))),
			money.Unit(x.Unit, x.Actual), money.Unit(x.Unit, x.Target), catalog.FormatPercent(x.Achievement),
			money.Pace(x.Unit, x.Pace), change, catalog.StatusWord(l, x.Status)))
	}
	if len(rows) == 0 {
		return
	}
	fmt.Fprintf(w, "## %s\n\n| %s | %s | %s | %s | %s | %s | %s |\n|---|---:|---:|---:|---:|---:|---|\n", l.T(catalog.ReportKPIs),
		l.T(catalog.ReportColKPI), l.T(catalog.ReportColActual), l.T(catalog.ReportColTarget), l.T(catalog.ReportColAchv),
		l.T(catalog.ReportColPace), l.T(catalog.ReportColChange), l.T(catalog.ReportColStatus))
	fmt.Fprintf(w, "%s\n\n", strings.Join(rows, "\n"))
}

// writeMarkdown writes a report to paste into a meeting note: a title, the
// period, the figures, the breakdown and, when a KGI is set and the range
// is bounded, the tree's verdict on it.
func (r *report) writeMarkdown(w io.Writer, l catalog.Lang) {
	money := catalog.Money{Lang: l, Currency: r.cur}
	title := l.T(catalog.ReportTitle)
	if r.period != "" {
		title += " " + r.period
	}
	fmt.Fprintf(w, "# %s\n\n", title)
	fmt.Fprintf(w, "%s: %s\n\n", l.T(catalog.ReportPeriod), r.rangeText(l))

	if f := r.kpis; f != nil && !r.rng.from.IsZero() && !r.rng.to.IsZero() && f.Goals.Tree != nil {
		ev := &treeEval{Figures: f, tree: f.Goals.Tree}
		if v := ev.verdict(l); v != "" {
			fmt.Fprintf(w, "**%s**: %s\n\n", l.T(catalog.ReportKGI), v)
		}
	}

	r.writeKPITable(w, money)

	m := r.total.Metrics()
	fmt.Fprintf(w, "| %s | %s |\n|---|---:|\n", l.T(catalog.ReportMetric), l.T(catalog.ReportValue))
	for _, k := range reportMetrics {
		fmt.Fprintf(w, "| %s | %s |\n", mdCell(metricLabel(l, k)), mdValue(money, k, m[k]))
	}
	if r.by == "" {
		return
	}
	cols := []string{model.MetricOpportunities, model.MetricOrdersWon, model.MetricWinRate, model.MetricRevenue,
		model.MetricAvgDealSize, model.MetricVisits, model.MetricLeads}
	heading := map[string][2]catalog.Text{"rep": {catalog.ReportByRep, catalog.ReportColRep},
		"department": {catalog.ReportByDept, catalog.ReportColDept}, "month": {catalog.ReportByMonth, catalog.ReportColMonth}}[r.by]
	fmt.Fprintf(w, "\n## %s\n\n| %s |", l.T(heading[0]), l.T(heading[1]))
	for _, k := range cols {
		fmt.Fprintf(w, " %s |", mdCell(metricLabel(l, k)))
	}
	fmt.Fprintf(w, "\n|---|%s\n", strings.Repeat("---:|", len(cols)))
	rows := append([]figures.Group(nil), r.rows...)
	if r.by == "rep" {
		// Best first: a meeting reads the ranking.
		sort.SliceStable(rows, func(i, j int) bool { return rows[i].Counts[model.MetricRevenue] > rows[j].Counts[model.MetricRevenue] })
	}
	for _, row := range rows {
		var label string
		switch {
		case r.by == "month":
			label = row.Month.Key()
		case r.by == "rep" && row.Rep.ID != 0:
			label = row.Rep.Name
		default:
			label = catalog.DeptWord(l, row.Department)
		}
		rm := row.Counts.Metrics()
		fmt.Fprintf(w, "| %s |", mdCell(label))
		for _, k := range cols {
			fmt.Fprintf(w, " %s |", mdValue(money, k, rm[k]))
		}
		fmt.Fprintln(w)
	}
}
