package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
	"github.com/kpit-dev/kpit/tui"
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
		"report [--db PATH] [--from YYYY-MM-DD --to YYYY-MM-DD | --period 2026-11|2026-Q3|FY2026|2026-W47] [--by rep|department|month] [--format json|csv|md] [--lang ja|en]")
	dbPath := dbFlag(fs)
	fromFlag := fs.String("from", "", "first day, inclusive (default: no lower bound)")
	toFlag := fs.String("to", "", "last day, inclusive (default: no upper bound)")
	periodFlag := fs.String("period", "", "a whole period instead of --from/--to: 2026-11, 2026-Q3 (calendar), FY2026, FY2026-Q1, 2026-W47")
	by := fs.String("by", "", "also break the figures down by rep, department or month")
	format := fs.String("format", "json", "json, csv or md (a table to paste into a meeting note)")
	langArg := langFlag(fs)
	if code, stop := parseOnlyFlags(e, fs, e.args); stop {
		return code
	}
	switch *format {
	case "json", "csv", "md":
	default:
		return fail(e, "report", fmt.Errorf("--format %q: want json, csv or md", *format))
	}
	switch *by {
	case "", "rep", "department", "month":
	default:
		return fail(e, "report", fmt.Errorf("--by %q: want rep, department or month", *by))
	}
	lang, err := tui.DetectLang(*langArg, nil)
	if err != nil {
		return fail(e, "report", err)
	}
	if *periodFlag != "" && (*fromFlag != "" || *toFlag != "") {
		return fail(e, "report", errors.New("--period cannot be combined with --from or --to; give one or the other"))
	}
	rng, err := parseRange(*fromFlag, *toFlag)
	if err != nil {
		return fail(e, "report", err)
	}
	if *periodFlag != "" {
		// Check the form before touching the database; the fiscal start
		// month comes from the database below.
		if _, err := model.ParsePeriod(*periodFlag, model.DefaultFiscalStart); err != nil {
			return fail(e, "report", fmt.Errorf("--period: %w", err))
		}
	}
	st, err := openExisting(*dbPath)
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
		p, err := model.ParsePeriod(*periodFlag, fiscalStart)
		if err != nil {
			return fail(e, "report", fmt.Errorf("--period: %w", err))
		}
		rng = dateRange{from: p.Start, to: p.Last()}
	}
	rep, err := buildReport(ctx, st, rng, *by, fiscalStart)
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
	rep.writeMarkdown(ctx, &buf, st, lang, fiscalStart)
	e.stdout.Write(buf.Bytes())
	return exitOK
}

// dateRange is a range of days, both inclusive; a zero end is open.
type dateRange struct{ from, to time.Time }

// filter is the store filter for the range (the store's To is exclusive).
func (r dateRange) filter() store.Filter {
	f := store.Filter{From: r.from}
	if !r.to.IsZero() {
		f.To = r.to.AddDate(0, 0, 1)
	}
	return f
}

// parseRange reads --from and --to strictly (2026-02-30 is refused) and
// checks that from is not after to.
func parseRange(from, to string) (dateRange, error) {
	var r dateRange
	var err error
	if from != "" {
		if r.from, err = model.ParseDate(from); err != nil {
			return r, fmt.Errorf("--from: %w", err)
		}
	}
	if to != "" {
		if r.to, err = model.ParseDate(to); err != nil {
			return r, fmt.Errorf("--to: %w", err)
		}
	}
	if !r.from.IsZero() && !r.to.IsZero() && r.from.After(r.to) {
		return r, fmt.Errorf("--from %s is after --to %s", from, to)
	}
	return r, nil
}

// report is the figures of a range, with an optional breakdown.
type report struct {
	rng    dateRange
	period string // --period as given, "" without
	total  model.Counts
	by     string
	rows   []reportRow
}

type reportRow struct {
	label  string    // rep name, department key or month 2026-04
	from   time.Time // a month's own days (within the range); zero for the others
	to     time.Time
	repID  int64
	dept   model.Department
	counts model.Counts
}

func buildReport(ctx context.Context, st *store.Store, rng dateRange, by string, fiscalStart time.Month) (*report, error) {
	f := rng.filter()
	total, err := st.Counts(ctx, f)
	if err != nil {
		return nil, err
	}
	r := &report{rng: rng, total: total, by: by}
	switch by {
	case "rep":
		reps, err := st.Reps(ctx)
		if err != nil {
			return nil, err
		}
		byRep, err := st.CountsByRep(ctx, f)
		if err != nil {
			return nil, err
		}
		for _, rp := range reps {
			r.rows = append(r.rows, reportRow{label: rp.Name, repID: rp.ID, dept: rp.Department, counts: byRep[rp.ID]})
		}
		if c, ok := byRep[0]; ok { // leads nobody owns
			r.rows = append(r.rows, reportRow{label: "", counts: c})
		}
	case "department":
		byDept, err := st.CountsByDepartment(ctx, f)
		if err != nil {
			return nil, err
		}
		for _, d := range model.Departments() {
			r.rows = append(r.rows, reportRow{label: string(d), dept: d, counts: byDept[d]})
		}
		if c, ok := byDept[""]; ok {
			r.rows = append(r.rows, reportRow{label: "", counts: c})
		}
	case "month":
		from, to := rng.from, rng.to
		if from.IsZero() || to.IsZero() {
			first, last, err := st.DayRange(ctx)
			if err != nil {
				return nil, err
			}
			if first.IsZero() { // no records at all: no months
				break
			}
			if from.IsZero() {
				from = first
			}
			if to.IsZero() {
				to = last
			}
		}
		if from.After(to) {
			break
		}
		last := model.PeriodOf(model.Month, to, fiscalStart)
		n := (to.Year()-from.Year())*12 + int(to.Month()) - int(from.Month()) + 1
		series, err := st.Series(ctx, model.Month, last, n, f)
		if err != nil {
			return nil, err
		}
		for _, pc := range series {
			row := reportRow{label: pc.Period.Key(), from: pc.Period.Start, to: pc.Period.Last(), counts: pc.Counts}
			if row.from.Before(from) {
				row.from = from
			}
			if row.to.After(to) {
				row.to = to
			}
			r.rows = append(r.rows, row)
		}
	}
	for i := range r.rows {
		if r.rows[i].counts == nil {
			r.rows[i].counts = model.Counts{}
		}
	}
	return r, nil
}

// metricsJSON writes every report metric: counts and yen as integers,
// rates and averages as numbers, undefined ones as null.
func metricsJSON(c model.Counts) map[string]any {
	m := c.Metrics()
	out := make(map[string]any, len(reportMetrics))
	for _, k := range reportMetrics {
		v := m[k]
		switch {
		case !v.Valid || math.IsNaN(v.V) || math.IsInf(v.V, 0):
			out[k] = nil
		case isWhole(k):
			out[k] = int64(math.Round(v.V))
		default:
			out[k] = v.V
		}
	}
	return out
}

// isWhole says whether a metric is a whole count or a sum of yen.
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
		"from":    jsonDate(r.rng.from),
		"to":      jsonDate(r.rng.to),
		"metrics": metricsJSON(r.total),
	}
	if r.period != "" {
		out["period"] = r.period
	}
	if r.by != "" {
		rows := make([]map[string]any, 0, len(r.rows))
		for _, row := range r.rows {
			j := map[string]any{"metrics": metricsJSON(row.counts)}
			switch r.by {
			case "rep":
				j["rep"], j["department"] = nullIfEmpty(row.label), nullIfEmpty(string(row.dept))
				if row.repID != 0 {
					j["rep_id"] = row.repID
				} else {
					j["rep_id"] = nil
				}
			case "department":
				j["department"] = nullIfEmpty(row.label)
			case "month":
				j["month"], j["from"], j["to"] = row.label, jsonDate(row.from), jsonDate(row.to)
			}
			rows = append(rows, j)
		}
		out["by"], out["rows"] = r.by, rows
	}
	return out
}

func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// csvValue writes a metric for CSV: plain digits, a dot for decimals, and
// an empty cell when undefined.
func csvValue(key string, v model.Value) string {
	if !v.Valid || math.IsNaN(v.V) || math.IsInf(v.V, 0) {
		return ""
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
			rec = append(rec, csvValue(k, m[k]))
		}
		return cw.Write(rec)
	}
	if r.by == "" {
		if err := line(nil, r.rng.from, r.rng.to, r.total); err != nil {
			return err
		}
	}
	for _, row := range r.rows {
		lead := []string{row.label}
		if r.by == "rep" {
			lead = append(lead, string(row.dept))
		}
		from, to := r.rng.from, r.rng.to
		if r.by == "month" {
			from, to = row.from, row.to
		}
		if err := line(lead, from, to, row.counts); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// metricLabel names a metric for people: the catalogue's name, else the
// name of a base count the catalogue does not define as a KPI.
func metricLabel(l tui.Lang, key string) string {
	if e, ok := model.KPIDefinition(key); ok {
		return l.Pick(e.KPI.NameJA, e.KPI.NameEN)
	}
	names := map[string][2]string{
		model.MetricEmails:     {"メール数", "Emails"},
		model.MetricOrdersLost: {"失注件数", "Orders lost"},
	}
	if n, ok := names[key]; ok {
		return l.Pick(n[0], n[1])
	}
	return key
}

func deptLabel(l tui.Lang, d model.Department) string {
	switch d {
	case model.DeptMarketing:
		return l.Pick("マーケティング", "Marketing")
	case model.DeptInsideSales:
		return l.Pick("インサイドセールス", "Inside Sales")
	case model.DeptFieldSales:
		return l.Pick("フィールドセールス", "Field Sales")
	case model.DeptCustomerSuccess:
		return l.Pick("カスタマーサクセス", "Customer Success")
	}
	return l.Pick("(担当なし)", "(unassigned)")
}

// mdValue writes a metric for a meeting note: yen to the yen, counts with
// separators, rates as percentages, "-" when undefined.
func mdValue(key string, v model.Value) string {
	if !v.Valid {
		return "-"
	}
	switch key {
	case model.MetricRevenue, model.MetricAvgDealSize:
		return tui.FormatYenFull(v)
	case model.MetricWinRate, model.MetricLeadToOppRate, model.MetricLeadCaptureRate:
		return tui.FormatPercent(v)
	}
	return tui.FormatCount(v)
}

// mdCell escapes a table cell.
func mdCell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

func (r *report) rangeText(l tui.Lang) string {
	from, to := model.FormatDate(r.rng.from), model.FormatDate(r.rng.to)
	switch {
	case from == "" && to == "":
		return l.Pick("全期間", "all records")
	case from == "":
		return l.Pick(to+" まで", "up to "+to)
	case to == "":
		return l.Pick(from+" から", "from "+from)
	}
	return from + " - " + to
}

// writeMarkdown writes a report to paste into a meeting note: a title, the
// period, the figures, the breakdown and, when a KGI is set and the range
// is bounded, the tree's verdict on it.
func (r *report) writeMarkdown(ctx context.Context, w io.Writer, st *store.Store, l tui.Lang, fiscalStart time.Month) {
	title := l.Pick("KPIレポート", "KPI report")
	if r.period != "" {
		title += " " + r.period
	}
	fmt.Fprintf(w, "# %s\n\n", title)
	fmt.Fprintf(w, "%s: %s\n\n", l.Pick("期間", "Period"), r.rangeText(l))

	// The verdict judges the days that have passed: a fiscal year still
	// under way is measured to date against its pro-rated target.
	if from, to := r.rng.from, r.rng.to; !from.IsZero() && !to.IsZero() {
		label := l.Pick("KGIの状況", "KGI")
		if today := model.Date(time.Now()); to.After(today) && !from.After(today) {
			to = today
			label = l.Pick("KGIの状況 ("+model.FormatDate(today)+" 時点)", "KGI to date ("+model.FormatDate(today)+")")
		}
		if ev, err := evaluateTree(ctx, st, from, to, fiscalStart); err == nil {
			if v := ev.verdict(l); v != "" {
				fmt.Fprintf(w, "**%s**: %s\n\n", label, v)
			}
		}
	}

	m := r.total.Metrics()
	fmt.Fprintf(w, "| %s | %s |\n|---|---:|\n", l.Pick("指標", "Metric"), l.Pick("値", "Value"))
	for _, k := range reportMetrics {
		fmt.Fprintf(w, "| %s | %s |\n", mdCell(metricLabel(l, k)), mdValue(k, m[k]))
	}
	if r.by == "" {
		return
	}
	cols := []string{model.MetricOpportunities, model.MetricOrdersWon, model.MetricWinRate, model.MetricRevenue,
		model.MetricAvgDealSize, model.MetricVisits, model.MetricLeads}
	heading := map[string][2]string{"rep": {"担当者別", "By rep"}, "department": {"部門別", "By department"}, "month": {"月別", "By month"}}[r.by]
	first := map[string][2]string{"rep": {"担当者", "Rep"}, "department": {"部門", "Department"}, "month": {"月", "Month"}}[r.by]
	fmt.Fprintf(w, "\n## %s\n\n| %s |", l.Pick(heading[0], heading[1]), l.Pick(first[0], first[1]))
	for _, k := range cols {
		fmt.Fprintf(w, " %s |", mdCell(metricLabel(l, k)))
	}
	fmt.Fprintf(w, "\n|---|%s\n", strings.Repeat("---:|", len(cols)))
	rows := append([]reportRow(nil), r.rows...)
	if r.by == "rep" {
		// Best first: a meeting reads the ranking.
		sort.SliceStable(rows, func(i, j int) bool { return rows[i].counts[model.MetricRevenue] > rows[j].counts[model.MetricRevenue] })
	}
	for _, row := range rows {
		label := row.label
		switch {
		case r.by == "department" || (r.by == "rep" && label == ""):
			label = deptLabel(l, row.dept)
		}
		rm := row.counts.Metrics()
		fmt.Fprintf(w, "| %s |", mdCell(label))
		for _, k := range cols {
			fmt.Fprintf(w, " %s |", mdValue(k, rm[k]))
		}
		fmt.Fprintln(w)
	}
}
