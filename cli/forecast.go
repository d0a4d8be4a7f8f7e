package cli

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/figures"
	"github.com/kpit-dev/kpit/model"
)

// runForecast prints the pipeline forecast (ヨミ) of a period, as the
// figures engine makes it (docs/forecast.md):
// `kpit forecast [--db PATH] [--period P] [--today D] [--since D] [--lang ja|en] --format json|text`.
func runForecast(e env) int {
	fs := newFlagSet(e, "forecast",
		"forecast [--db PATH] [--period 2026-11|2026-Q3|FY2026|FY2026-Q1|2026-W47] [--today YYYY-MM-DD] [--since YYYY-MM-DD] [--format json|text] [--lang ja|en]")
	dbPath := dbFlag(fs)
	periodFlag := fs.String("period", "", "the period: 2026-11, 2026-Q3 (calendar), FY2026, FY2026-Q1, 2026-W47 (default: today's month)")
	sinceFlag := fs.String("since", "", "also list the deals whose category, expected close or outcome changed from this day on (YYYY-MM-DD)")
	format := fs.String("format", "text", "text or json")
	todayArg := todayFlag(fs)
	langArg := langFlag(fs)
	if code, stop := parseOnlyFlags(e, fs, e.args); stop {
		return code
	}
	if *format != "text" && *format != "json" {
		return fail(e, "forecast", model.Refused(model.RefuseFlagWant, "format", *format, model.Choices{"text", "json"}))
	}
	lang, err := e.lang(*langArg)
	if err != nil {
		return fail(e, "forecast", err)
	}
	today, err := parseToday(*todayArg)
	if err != nil {
		return fail(e, "forecast", err)
	}
	var since time.Time
	if *sinceFlag != "" {
		if since, err = model.ParseDate(*sinceFlag); err != nil {
			return fail(e, "forecast", &model.FlagError{Flag: "since", Err: err})
		}
	}
	if err := checkPeriod(*periodFlag); err != nil {
		return fail(e, "forecast", err)
	}
	st, err := e.openExisting(*dbPath)
	if err != nil {
		return fail(e, "forecast", err)
	}
	defer st.Close()
	ctx := context.Background()
	fiscalStart, err := st.FiscalStart(ctx)
	if err != nil {
		return fail(e, "forecast", err)
	}
	p := model.PeriodOf(model.Month, today, fiscalStart)
	name := p.Key()
	if *periodFlag != "" {
		if p, err = periodIn(*periodFlag, fiscalStart); err != nil {
			return fail(e, "forecast", err)
		}
		// Named as given: 2026-Q3 is a calendar quarter, which Key would
		// name as a fiscal one.
		name = strings.ToUpper(strings.TrimSpace(*periodFlag))
	}
	ff, err := figures.Forecast(ctx, st, figures.PeriodRange(p), today)
	if err != nil {
		return fail(e, "forecast", err)
	}
	out := forecastOutput{name: name, ff: ff}
	if *sinceFlag != "" {
		out.since = since
		if out.changes, err = figures.ForecastChanges(ctx, st, since); err != nil {
			return fail(e, "forecast", err)
		}
	}
	if *format == "json" {
		return writeIndentedJSON(e, "forecast", out.json())
	}
	out.writeText(e.stdout, lang)
	return exitOK
}

// noCloseShown is how many open deals without an expected close date the
// text lists.
const noCloseShown = 20

// forecastOutput is what kpit forecast prints.
type forecastOutput struct {
	name    string // the period as named
	ff      *figures.ForecastFigures
	since   time.Time // zero: no changes asked for
	changes []model.ForecastChange
}

type bucketJSON struct {
	Count  int     `json:"count"`
	Amount float64 `json:"amount"`
}

type forecastDealJSON struct {
	ID            int64    `json:"id"`
	ExternalID    string   `json:"external_id"`
	Account       string   `json:"account"`
	Rep           string   `json:"rep"`
	Stage         string   `json:"stage"`
	Forecast      string   `json:"forecast"` // "" when unrated
	ExpectedClose *string  `json:"expected_close"`
	Amount        *float64 `json:"amount"`
}

type forecastChangeJSON struct {
	ID             int64    `json:"id"`
	Account        string   `json:"account"`
	Rep            string   `json:"rep"`
	Amount         *float64 `json:"amount"`
	At             string   `json:"at"`
	New            bool     `json:"new"`
	ForecastBefore string   `json:"forecast_before"`
	ForecastAfter  string   `json:"forecast_after"`
	CloseBefore    *string  `json:"expected_close_before"`
	CloseAfter     *string  `json:"expected_close_after"`
	OutcomeBefore  string   `json:"outcome_before"`
	OutcomeAfter   string   `json:"outcome_after"`
}

// forecastJSON is the contract of kpit forecast --format json: won,
// commit, best_case, pipeline, omitted, landing_low, landing_high and
// target are checked by outside tools; the rest may grow.
type forecastJSON struct {
	Period      string               `json:"period"`
	From        string               `json:"from"`
	To          string               `json:"to"`
	Today       string               `json:"today"`
	Currency    string               `json:"currency"` // every amount is in its major units
	Won         bucketJSON           `json:"won"`
	Commit      bucketJSON           `json:"commit"`
	BestCase    bucketJSON           `json:"best_case"`
	Pipeline    bucketJSON           `json:"pipeline"`
	Omitted     bucketJSON           `json:"omitted"`
	Unrated     bucketJSON           `json:"unrated"`       // the part of pipeline no one has rated
	NoCloseDate bucketJSON           `json:"no_close_date"` // open deals in no period
	LandingLow  float64              `json:"landing_low"`
	LandingHigh float64              `json:"landing_high"`
	Target      *float64             `json:"target"` // null without a revenue target
	GapLow      *float64             `json:"gap_low"`
	GapHigh     *float64             `json:"gap_high"`
	Weighted    float64              `json:"weighted"`
	Weights     map[string]float64   `json:"weights"`
	Deals       []forecastDealJSON   `json:"deals"`
	NoClose     []forecastDealJSON   `json:"no_close_deals"`
	Since       *string              `json:"since,omitempty"`
	Changes     []forecastChangeJSON `json:"changes,omitempty"`
}

func bucketOut(b figures.Bucket) bucketJSON { return bucketJSON{Count: b.Count, Amount: b.Amount} }

// amountOut is a stored amount in major units, null without one.
func amountOut(m model.Minor, has bool, cur model.Currency) *float64 {
	if !has {
		return nil
	}
	v := float64(m) / cur.PerMajor()
	return &v
}

func dateOut(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := model.FormatDate(t)
	return &s
}

func dealsOut(deals []model.Opportunity, cur model.Currency) []forecastDealJSON {
	out := make([]forecastDealJSON, 0, len(deals))
	for _, o := range deals {
		out = append(out, forecastDealJSON{ID: o.ID, ExternalID: o.ExternalID, Account: o.Account, Rep: o.RepName,
			Stage: o.Stage, Forecast: string(o.Forecast), ExpectedClose: dateOut(o.Closed),
			Amount: amountOut(o.AmountMinor, o.HasAmount, cur)})
	}
	return out
}

func (f forecastOutput) json() forecastJSON {
	ff := f.ff
	w := ff.Weights
	out := forecastJSON{Period: f.name, From: model.FormatDate(ff.Range.From), To: model.FormatDate(ff.Range.To),
		Today: model.FormatDate(ff.Today), Currency: ff.Currency.Code,
		Won: bucketOut(ff.Won), Commit: bucketOut(ff.Commit), BestCase: bucketOut(ff.BestCase),
		Pipeline: bucketOut(ff.Pipeline), Omitted: bucketOut(ff.Omitted), Unrated: bucketOut(ff.Unrated),
		NoCloseDate: bucketOut(ff.NoCloseDate), LandingLow: ff.LandingLow, LandingHigh: ff.LandingHigh,
		Target: jsonNum(ff.Target), GapLow: jsonNum(ff.GapLow), GapHigh: jsonNum(ff.GapHigh), Weighted: ff.Weighted,
		Weights: map[string]float64{"commit": w.Commit, "best_case": w.BestCase, "pipeline": w.Pipeline, "omitted": w.Omitted},
		Deals:   dealsOut(ff.Deals, ff.Currency), NoClose: dealsOut(ff.NoClose, ff.Currency)}
	if !f.since.IsZero() {
		out.Since = dateOut(f.since)
		out.Changes = []forecastChangeJSON{}
		for _, c := range f.changes {
			out.Changes = append(out.Changes, forecastChangeJSON{ID: c.OpportunityID, Account: c.Account, Rep: c.RepName,
				Amount: amountOut(c.AmountMinor, c.HasAmount, ff.Currency), At: c.At.UTC().Format(time.RFC3339), New: c.New,
				ForecastBefore: string(c.ForecastBefore), ForecastAfter: string(c.ForecastAfter),
				CloseBefore: dateOut(c.CloseBefore), CloseAfter: dateOut(c.CloseAfter),
				OutcomeBefore: string(c.OutcomeBefore), OutcomeAfter: string(c.OutcomeAfter)})
		}
	}
	return out
}

// writeText writes the forecast for a ヨミ会: the buckets, the landing
// against the target, the weighted forecast, the deals and what moved.
func (f forecastOutput) writeText(w io.Writer, l catalog.Lang) {
	ff := f.ff
	money := catalog.Money{Lang: l, Currency: ff.Currency}
	full := func(x float64) string { return money.Full(model.Some(x)) }
	weight := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	fmt.Fprintln(w, l.T(catalog.ForecastTitle, f.name, model.FormatDate(ff.Range.From), model.FormatDate(ff.Range.To),
		model.FormatDate(ff.Today)))
	fmt.Fprintln(w)
	row := func(name string, b figures.Bucket, wt string) []string {
		return []string{name, strconv.Itoa(b.Count), full(b.Amount), wt}
	}
	rows := [][]string{
		row(l.T(catalog.ForecastWon), ff.Won, ""),
		row(catalog.ForecastName(l, model.ForecastCommit), ff.Commit, weight(ff.Weights.Commit)),
		row(catalog.ForecastName(l, model.ForecastBestCase), ff.BestCase, weight(ff.Weights.BestCase)),
		row(catalog.ForecastName(l, model.ForecastPipeline), ff.Pipeline, weight(ff.Weights.Pipeline)),
	}
	if ff.Unrated.Count > 0 {
		rows = append(rows, row(l.T(catalog.ForecastOfUnrated), ff.Unrated, ""))
	}
	rows = append(rows, row(catalog.ForecastName(l, model.ForecastOmitted), ff.Omitted, weight(ff.Weights.Omitted)))
	writeTable(w, []string{l.T(catalog.ForecastColCategory), l.T(catalog.ForecastColCount), l.T(catalog.ForecastColAmount),
		l.T(catalog.ForecastColWeight)}, rows)
	fmt.Fprintln(w)
	fmt.Fprintln(w, l.T(catalog.ForecastLanding, full(ff.LandingLow), full(ff.LandingHigh)))
	if ff.Target.Valid {
		fmt.Fprintln(w, l.T(catalog.ForecastTarget, full(ff.Target.V)))
		for _, end := range []struct {
			word catalog.Text
			gap  model.Value
		}{{catalog.ForecastLowEnd, ff.GapLow}, {catalog.ForecastHighEnd, ff.GapHigh}} {
			if end.gap.V > 0 {
				fmt.Fprintln(w, "  "+l.T(catalog.ForecastShort, l.T(end.word), full(end.gap.V)))
			} else {
				fmt.Fprintln(w, "  "+l.T(catalog.ForecastAbove, l.T(end.word), full(-end.gap.V)))
			}
		}
	} else {
		fmt.Fprintln(w, l.T(catalog.ForecastNoTarget))
	}
	fmt.Fprintln(w, l.T(catalog.ForecastWeighted, full(ff.Weighted), weight(ff.Weights.Commit), weight(ff.Weights.BestCase),
		weight(ff.Weights.Pipeline), weight(ff.Weights.Omitted)))
	header := []string{l.T(catalog.ForecastColGrade), l.T(catalog.ForecastColClose), l.T(catalog.ForecastColRep),
		l.T(catalog.ForecastColAccount), l.T(catalog.ForecastColAmount), l.T(catalog.ForecastColID)}
	dealRows := func(deals []model.Opportunity) [][]string {
		var rows [][]string
		for _, o := range deals {
			rows = append(rows, []string{forecastGrade(l, o.Forecast), closeWord(l, o.Closed), o.RepName, o.Account,
				dealAmount(money, o.AmountMinor, o.HasAmount), "#" + strconv.FormatInt(o.ID, 10)})
		}
		return rows
	}
	fmt.Fprintln(w)
	if len(ff.Deals) == 0 {
		fmt.Fprintln(w, l.T(catalog.ForecastNoDeals))
	} else {
		fmt.Fprintln(w, l.T(catalog.ForecastDeals))
		writeTableAligned(w, header, dealRows(ff.Deals), "llllrr")
	}
	if ff.NoCloseDate.Count > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, l.T(catalog.ForecastNoClose, ff.NoCloseDate.Count, full(ff.NoCloseDate.Amount)))
		// An import without close dates can leave thousands: the first
		// ones show what to fix, the JSON lists them all.
		shown := ff.NoClose[:min(len(ff.NoClose), noCloseShown)]
		writeTableAligned(w, header, dealRows(shown), "llllrr")
		if more := len(ff.NoClose) - len(shown); more > 0 {
			fmt.Fprintln(w, l.T(catalog.ForecastMore, more))
		}
	}
	if f.since.IsZero() {
		return
	}
	fmt.Fprintln(w)
	day := model.FormatDate(f.since)
	if len(f.changes) == 0 {
		fmt.Fprintln(w, l.T(catalog.ForecastNoChanges, day))
		return
	}
	fmt.Fprintln(w, l.T(catalog.ForecastChanged, day))
	var rows2 [][]string
	for _, c := range f.changes {
		rows2 = append(rows2, []string{c.At.Local().Format("2006-01-02 15:04"), c.RepName, c.Account,
			dealAmount(money, c.AmountMinor, c.HasAmount), "#" + strconv.FormatInt(c.OpportunityID, 10), changeWords(l, c)})
	}
	writeTableAligned(w, []string{l.T(catalog.ForecastColWhen), l.T(catalog.ForecastColRep), l.T(catalog.ForecastColAccount),
		l.T(catalog.ForecastColAmount), l.T(catalog.ForecastColID), l.T(catalog.ForecastColChange)}, rows2, "lllrrl")
}

// forecastGrade is a category as a column of the deal list: A, B, C, -,
// or the word for unrated.
func forecastGrade(l catalog.Lang, c model.ForecastCategory) string {
	if c == model.ForecastUnrated {
		return l.T(catalog.ForecastUnrated)
	}
	return c.Letter()
}

func dealAmount(m catalog.Money, a model.Minor, has bool) string {
	if !has {
		return catalog.Undefined
	}
	return m.Amount(a)
}

// changeWords is what moved in a change: "B -> A", "2026-11-25 -> 2026-12-05",
// "open -> won", or new with its category.
func changeWords(l catalog.Lang, c model.ForecastChange) string {
	if c.New {
		return l.T(catalog.ForecastChangeNew) + " " + forecastGrade(l, c.ForecastAfter)
	}
	var parts []string
	if c.ForecastBefore != c.ForecastAfter {
		parts = append(parts, forecastGrade(l, c.ForecastBefore)+" -> "+forecastGrade(l, c.ForecastAfter))
	}
	if !c.CloseBefore.Equal(c.CloseAfter) {
		parts = append(parts, closeWord(l, c.CloseBefore)+" -> "+closeWord(l, c.CloseAfter))
	}
	if c.OutcomeBefore != c.OutcomeAfter {
		parts = append(parts, catalog.OutcomeWord(l, c.OutcomeBefore)+" -> "+catalog.OutcomeWord(l, c.OutcomeAfter))
	}
	return strings.Join(parts, ", ")
}

func closeWord(l catalog.Lang, t time.Time) string {
	if t.IsZero() {
		return l.T(catalog.ForecastNoDate)
	}
	return model.FormatDate(t)
}
