package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/figures"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

const reviewUsage = "review [--db PATH | --demo] [--period 2026-11|FY2026-Q3|2026-W47] [--lang ja|en] [--theme dark|light|high-contrast]\n" +
	"       kpit review [--db PATH] --export md|json [--id N] [--out FILE] [--lang ja|en]"

// runReview opens the cockpit on the review tab (the weekly review on a
// shared screen), or with --export writes a saved review's minutes.
func runReview(e env) int {
	fs := newFlagSet(e, "review", reviewUsage)
	dbPath := dbFlag(fs)
	langArg := langFlag(fs)
	periodFlag := fs.String("period", "", "the period to review: 2026-11, 2026-Q3 (calendar), FY2026, FY2026-Q1, 2026-W47 (default this month)")
	demoFlag := fs.Bool("demo", false, "open the review on a fresh temporary demo database instead of yours")
	themeArg := themeFlag(fs)
	export := fs.String("export", "", "write the minutes of the last (or --id) saved review as md or json instead of opening the cockpit")
	id := fs.Int64("id", 0, "with --export: the review's `N` (default the last)")
	out := fs.String("out", "", "with --export: write to `FILE` (atomically) instead of stdout")
	if code, stop := parseOnlyFlags(e, fs, e.args); stop {
		return code
	}
	lang, err := e.lang(*langArg)
	if err != nil {
		return fail(e, "review", err)
	}
	if *export == "" {
		switch {
		case *id != 0:
			return fail(e, "review", model.Refused(model.RefuseNeedsExport, "id"))
		case *out != "":
			return fail(e, "review", model.Refused(model.RefuseNeedsExport, "out"))
		}
		theme, err := e.theme(*themeArg)
		if err != nil {
			return fail(e, "review", err)
		}
		return openReview(e, reviewStart{dbPath: *dbPath, demo: *demoFlag, period: *periodFlag, lang: lang, theme: theme})
	}
	if *export != "md" && *export != "json" {
		return fail(e, "review", model.Refused(model.RefuseFlagWant, "export", *export, model.Choices{"md", "json"}))
	}
	if *demoFlag || *periodFlag != "" {
		return fail(e, "review", model.Refused(model.RefuseExportTakesID))
	}
	if *id < 0 {
		return fail(e, "review", model.Refused(model.RefuseReviewNumber, *id))
	}
	st, err := e.openExisting(*dbPath)
	if err != nil {
		return fail(e, "review", err)
	}
	defer st.Close()
	ctx := context.Background()
	rv, err := savedReview(ctx, st, *id)
	if err != nil {
		return fail(e, "review", err)
	}
	cur, err := st.Currency(ctx)
	if err != nil {
		return fail(e, "review", err)
	}
	m := minutes{review: rv, lang: lang, money: catalog.Money{Lang: lang, Currency: cur}}
	write := m.markdown
	if *export == "json" {
		write = m.json
	}
	if *out == "" {
		bw := bufio.NewWriter(e.stdout)
		if err := write(bw); err != nil {
			return fail(e, "review", err)
		}
		if err := bw.Flush(); err != nil {
			return fail(e, "review", err)
		}
		return exitOK
	}
	if err := writeFileAtomic(*out, write); err != nil {
		return fail(e, "review", err)
	}
	return exitOK
}

// reviewStart is how kpit review opens the cockpit.
type reviewStart struct {
	dbPath string
	demo   bool
	period string // as given; "" this month
	lang   catalog.Lang
	theme  string // --theme, else the config file's
}

// savedReview is review id, or the last one when id is 0.
func savedReview(ctx context.Context, st *store.Store, id int64) (model.SavedReview, error) {
	if id != 0 {
		rv, err := st.ReviewByID(ctx, id)
		if errors.Is(err, store.ErrNoReview) {
			return rv, model.Refused(model.RefuseNoSuchReview, id)
		}
		return rv, err
	}
	rv, ok, err := st.LastReview(ctx)
	if err == nil && !ok {
		err = model.Refused(model.RefuseNoReviewYet)
	}
	return rv, err
}

// minutes writes a saved review's minutes.
type minutes struct {
	review model.SavedReview
	lang   catalog.Lang
	money  catalog.Money
}

func (m minutes) name(key string) string {
	for _, k := range m.review.KPIs {
		if k.Key == key {
			return m.lang.Pick(k.NameJA, k.NameEN)
		}
	}
	return key
}

func (m minutes) periodName() string {
	if m.review.Period.Start.IsZero() {
		return "—"
	}
	return m.review.Period.Key()
}

// mainCause is the sentence naming the KPI that explained most of the miss.
func (m minutes) mainCause() string {
	rv := m.review
	if rv.MainCause == "" || !rv.MainCauseShare.Valid || len(rv.KPIs) == 0 || !rv.KPIs[0].KGI || !rv.KPIs[0].Status.Missed() {
		return m.lang.T(catalog.ReviewNoMiss)
	}
	return m.lang.T(catalog.ReviewMainCause, m.name(rv.MainCause), catalog.FormatPercent(rv.MainCauseShare))
}

// markdown is the minutes to paste into a meeting note or a chat: the
// KPIs, the main cause, the forecast, the causes and the actions.
func (m minutes) markdown(w io.Writer) error {
	l, rv := m.lang, m.review
	cell := func(s string) string { return strings.ReplaceAll(strings.ReplaceAll(s, "|", `\|`), "\n", " ") }
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", l.T(catalog.ReviewMinutesHead, m.periodName(), model.FormatDate(rv.HeldOn)))
	if !rv.HeldAt.IsZero() {
		fmt.Fprintf(&b, "%s\n\n", l.T(catalog.ReviewHeldAt, rv.HeldAt.Local().Format("2006-01-02 15:04 MST")))
	}
	if rv.Summary != "" {
		fmt.Fprintf(&b, "%s\n\n", l.T(catalog.ReviewSummaryNote, rv.Summary))
	}
	fmt.Fprintf(&b, "## %s\n\n", l.T(catalog.ReviewSecKPIs))
	if len(rv.KPIs) == 0 {
		fmt.Fprintf(&b, "%s\n\n", l.T(catalog.ReviewNoSnapshot))
	} else {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n|---|---:|---:|---:|---|---:|\n",
			l.T(catalog.ReviewColKPI), l.T(catalog.ReviewColActual), l.T(catalog.ReviewColTarget),
			l.T(catalog.ReviewColAchv), l.T(catalog.ReviewColStatus), l.T(catalog.ReviewColShare))
		for _, k := range rv.KPIs {
			name := l.Pick(k.NameJA, k.NameEN)
			if k.KGI {
				name = "**" + name + " (KGI)**"
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", cell(name), m.money.Unit(k.Unit, k.Actual), m.money.Unit(k.Unit, k.Target),
				catalog.FormatPercent(k.Achievement), catalog.StatusWord(l, k.Status), catalog.FormatPercent(k.RootShare))
		}
		fmt.Fprintf(&b, "\n%s\n\n", m.mainCause())
	}
	fmt.Fprintf(&b, "## %s\n\n", l.T(catalog.ReviewSecForecast))
	if fc, ok := figures.ParseForecastSnapshot(rv.Forecast); ok {
		amount := func(v float64) string { return m.money.Unit(model.UnitMoney, model.Some(v)) }
		fmt.Fprintf(&b, "| | %s | %s |\n|---|---:|---:|\n", l.T(catalog.ForecastColCount), l.T(catalog.ForecastColAmount))
		for _, row := range []struct {
			name catalog.Text
			b    figures.SnapshotBucket
		}{{catalog.ForecastWon, fc.Won}, {catalog.ForecastCommit, fc.Commit}, {catalog.ForecastBestCase, fc.BestCase},
			{catalog.ForecastPipeline, fc.Pipeline}, {catalog.ForecastOmitted, fc.Omitted}} {
			fmt.Fprintf(&b, "| %s | %d | %s |\n", l.T(row.name), row.b.Count, amount(row.b.Amount))
		}
		fmt.Fprintf(&b, "\n%s\n", l.T(catalog.ReviewFcLanding, amount(fc.LandingLow), amount(fc.LandingHigh)))
		if fc.Target != nil {
			fmt.Fprintf(&b, "%s\n", l.T(catalog.ReviewFcTarget, amount(*fc.Target)))
		}
		fmt.Fprintf(&b, "%s\n\n", l.T(catalog.ReviewFcWeighted, amount(fc.Weighted)))
	} else {
		fmt.Fprintf(&b, "%s\n\n", l.T(catalog.ReviewNoForecast))
	}
	fmt.Fprintf(&b, "## %s\n\n", l.T(catalog.ReviewSecCauses))
	if len(rv.Notes) == 0 {
		fmt.Fprintf(&b, "%s\n\n", l.T(catalog.ReviewNoNotes))
	} else {
		for _, n := range rv.Notes {
			fmt.Fprintf(&b, "- **%s** [%s] %s\n", cell(m.name(n.KPIKey)), catalog.CauseWord(l, n.Category), cell(n.Text))
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "## %s\n\n", l.T(catalog.ReviewSecActions))
	if len(rv.Actions) == 0 {
		fmt.Fprintf(&b, "%s\n", l.T(catalog.ReviewNoActions))
	} else {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n|---|---|---|---|---|\n", l.T(catalog.ReviewColAction),
			l.T(catalog.ReviewColKPI), l.T(catalog.ReviewColOwner), l.T(catalog.ReviewColDue), l.T(catalog.ReviewColStatus))
		for _, a := range rv.Actions {
			kpi := ""
			if a.KPIKey != "" {
				kpi = m.name(a.KPIKey)
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", cell(a.Text), cell(kpi), cell(a.RepName), model.FormatDate(a.Due),
				catalog.ActionStatusWord(l, a.Status))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// The JSON minutes. The keys are a contract read by other tools.
type jsonMinutes struct {
	ID        int64           `json:"id"`
	Period    string          `json:"period"`
	HeldOn    string          `json:"held_on"`
	HeldAt    string          `json:"held_at,omitempty"`
	Summary   string          `json:"summary"`
	MainCause *jsonMainCause  `json:"main_cause"`
	KPIs      []jsonReviewKPI `json:"kpis"`
	Forecast  json.RawMessage `json:"forecast"`
	Notes     []jsonNote      `json:"notes"`
	Actions   []jsonAction    `json:"actions"`
}

type jsonMainCause struct {
	Key   string  `json:"key"`
	Name  string  `json:"name"`
	Share float64 `json:"share"`
}

type jsonReviewKPI struct {
	Key         string   `json:"key"`
	Name        string   `json:"name"`
	Unit        string   `json:"unit"`
	KGI         bool     `json:"kgi"`
	Main        bool     `json:"main"`
	Actual      *float64 `json:"actual"`
	Target      *float64 `json:"target"`
	Achievement *float64 `json:"achievement"`
	Status      string   `json:"status"`
	GapShare    *float64 `json:"gap_share_of_root"`
}

type jsonNote struct {
	KPI      string `json:"kpi"`
	KPIName  string `json:"kpi_name"`
	Category string `json:"category"`
	Text     string `json:"text"`
}

type jsonAction struct {
	ID     int64  `json:"id"`
	Text   string `json:"text"`
	KPI    string `json:"kpi"`
	Owner  string `json:"owner"`
	Due    string `json:"due"`
	Status string `json:"status"`
}

func ptr(v model.Value) *float64 {
	if !v.Valid {
		return nil
	}
	return &v.V
}

func (m minutes) json(w io.Writer) error {
	rv := m.review
	out := jsonMinutes{ID: rv.ID, Period: m.periodName(), HeldOn: model.FormatDate(rv.HeldOn), Summary: rv.Summary,
		KPIs: []jsonReviewKPI{}, Notes: []jsonNote{}, Actions: []jsonAction{}, Forecast: json.RawMessage("null")}
	if !rv.HeldAt.IsZero() {
		out.HeldAt = rv.HeldAt.UTC().Format(time.RFC3339)
	}
	if rv.MainCause != "" && rv.MainCauseShare.Valid {
		out.MainCause = &jsonMainCause{Key: rv.MainCause, Name: m.name(rv.MainCause), Share: rv.MainCauseShare.V}
	}
	if rv.Forecast != "" && json.Valid([]byte(rv.Forecast)) {
		out.Forecast = json.RawMessage(rv.Forecast)
	}
	for _, k := range rv.KPIs {
		out.KPIs = append(out.KPIs, jsonReviewKPI{Key: k.Key, Name: m.lang.Pick(k.NameJA, k.NameEN), Unit: string(k.Unit),
			KGI: k.KGI, Main: k.Main, Actual: ptr(k.Actual), Target: ptr(k.Target), Achievement: ptr(k.Achievement),
			Status: string(k.Status), GapShare: ptr(k.RootShare)})
	}
	for _, n := range rv.Notes {
		out.Notes = append(out.Notes, jsonNote{KPI: n.KPIKey, KPIName: m.name(n.KPIKey), Category: string(n.Category), Text: n.Text})
	}
	for _, a := range rv.Actions {
		out.Actions = append(out.Actions, jsonAction{ID: a.ID, Text: a.Text, KPI: a.KPIKey, Owner: a.RepName,
			Due: model.FormatDate(a.Due), Status: string(a.Status)})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
