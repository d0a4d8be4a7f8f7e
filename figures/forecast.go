package figures

import (
	"context"
	"sort"
	"time"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// The pipeline forecast (ヨミ) of a range, as docs/forecast.md explains it:
// what is won so far, and the open deals whose expected close date lies in
// the range by category. Won is the engine's own revenue and orders won
// over the range (deals closed won on a day of it, model.CloseDeal), so
// the forecast and the KGI's actual never disagree. An open deal no one has
// rated counts as pipeline; one without an expected close date lies in no
// range and is counted apart, for the team to fix.

// ForecastReader is what Forecast reads; *store.Store is one.
type ForecastReader interface {
	Reader
	OpenDealsClosing(ctx context.Context, f store.Filter) ([]model.Opportunity, error)
	OpenDealsWithoutClose(ctx context.Context, f store.Filter) ([]model.Opportunity, error)
	ForecastSettings(ctx context.Context) (model.ForecastThresholds, model.ForecastWeights, error)
}

// Bucket is a number of deals and their amount in major units of the
// team's currency (a deal without an amount counts with none).
type Bucket struct {
	Count  int
	Amount float64
}

func (b *Bucket) add(o model.Opportunity, cur model.Currency) {
	b.Count++
	if o.HasAmount {
		b.Amount += float64(o.AmountMinor) / cur.PerMajor()
	}
}

// ForecastFigures is the forecast of one range on one day.
type ForecastFigures struct {
	Range    Range
	Today    time.Time
	Currency model.Currency

	Won Bucket // deals won on a day of the range: orders won and revenue
	// The open deals whose expected close date lies in the range, by
	// category; Pipeline holds the unrated ones too.
	Commit, BestCase, Pipeline, Omitted Bucket
	Unrated                             Bucket // the part of Pipeline no one has rated
	// NoCloseDate is every open deal without an expected close date (in no
	// range's buckets, whatever the range).
	NoCloseDate Bucket

	LandingLow  float64 // won + commit
	LandingHigh float64 // won + commit + best case
	// Weighted is won plus each category's amount times its weight.
	Weighted float64
	Weights  model.ForecastWeights

	// Target is the revenue target in force over the range (Goals.Targets:
	// the KGI's when the KGI is revenue); undefined when none is set.
	Target model.Value
	// GapLow and GapHigh are what each end of the landing lacks of the
	// target (negative: above it); undefined without a target.
	GapLow, GapHigh model.Value

	// Deals are the open deals of the buckets, surest first, then by
	// expected close date; NoClose the open deals without one.
	Deals   []model.Opportunity
	NoClose []model.Opportunity
}

// Bucket is the bucket of category c (unrated: Unrated).
func (f *ForecastFigures) Bucket(c model.ForecastCategory) Bucket {
	switch c {
	case model.ForecastCommit:
		return f.Commit
	case model.ForecastBestCase:
		return f.BestCase
	case model.ForecastPipeline:
		return f.Pipeline
	case model.ForecastOmitted:
		return f.Omitted
	}
	return f.Unrated
}

// Forecast is the pipeline forecast of rng on day today for the team.
func Forecast(ctx context.Context, r ForecastReader, rng Range, today time.Time) (*ForecastFigures, error) {
	today = model.Date(today)
	ff := &ForecastFigures{Range: rng, Today: today}
	var err error
	if ff.Currency, err = r.Currency(ctx); err != nil {
		return nil, err
	}
	if _, ff.Weights, err = r.ForecastSettings(ctx); err != nil {
		return nil, err
	}
	counts, err := r.Counts(ctx, rng.Filter())
	if err != nil {
		return nil, err
	}
	counts = majorCounts(counts, ff.Currency)
	ff.Won = Bucket{Count: int(counts[model.MetricOrdersWon]), Amount: counts[model.MetricRevenue]}

	if ff.Deals, err = r.OpenDealsClosing(ctx, rng.Filter()); err != nil {
		return nil, err
	}
	weighted := 0.0
	for _, o := range ff.Deals {
		switch o.Forecast {
		case model.ForecastCommit:
			ff.Commit.add(o, ff.Currency)
		case model.ForecastBestCase:
			ff.BestCase.add(o, ff.Currency)
		case model.ForecastOmitted:
			ff.Omitted.add(o, ff.Currency)
		default:
			ff.Pipeline.add(o, ff.Currency)
			if o.Forecast == model.ForecastUnrated {
				ff.Unrated.add(o, ff.Currency)
			}
		}
		if o.HasAmount {
			weighted += ff.Weights.Of(o.Forecast) * float64(o.AmountMinor) / ff.Currency.PerMajor()
		}
	}
	sortForecastDeals(ff.Deals)
	if ff.NoClose, err = r.OpenDealsWithoutClose(ctx, store.Filter{}); err != nil {
		return nil, err
	}
	for _, o := range ff.NoClose {
		ff.NoCloseDate.add(o, ff.Currency)
	}

	ff.LandingLow = ff.Won.Amount + ff.Commit.Amount
	ff.LandingHigh = ff.LandingLow + ff.BestCase.Amount
	ff.Weighted = ff.Won.Amount + weighted

	g, err := LoadGoals(ctx, r, rng.JudgedOn(today))
	if err != nil {
		return nil, err
	}
	ff.Target = g.Targets(rng)[model.MetricRevenue]
	if ff.Target.Valid {
		ff.GapLow = model.Some(ff.Target.V - ff.LandingLow)
		ff.GapHigh = model.Some(ff.Target.V - ff.LandingHigh)
	}
	return ff, nil
}

// forecastRank orders categories surest first, unrated with pipeline.
func forecastRank(c model.ForecastCategory) int {
	switch c {
	case model.ForecastCommit:
		return 0
	case model.ForecastBestCase:
		return 1
	case model.ForecastPipeline:
		return 2
	case model.ForecastUnrated:
		return 3
	}
	return 4
}

func sortForecastDeals(deals []model.Opportunity) {
	sort.SliceStable(deals, func(i, j int) bool {
		a, b := deals[i], deals[j]
		if ra, rb := forecastRank(a.Forecast), forecastRank(b.Forecast); ra != rb {
			return ra < rb
		}
		if !a.Closed.Equal(b.Closed) {
			return a.Closed.Before(b.Closed)
		}
		return a.ID < b.ID
	})
}

// ForecastChangeReader is what ForecastChanges reads; *store.Store is one.
type ForecastChangeReader interface {
	ForecastChangesSince(ctx context.Context, since time.Time) ([]model.ForecastChange, error)
}

// ForecastChanges lists the deals whose category, expected close date or
// outcome changed at or after since (the last review), and the open deals
// entered since, oldest first: what a review walks through before the
// buckets. Amounts are in minor units, as stored.
func ForecastChanges(ctx context.Context, r ForecastChangeReader, since time.Time) ([]model.ForecastChange, error) {
	return r.ForecastChangesSince(ctx, since)
}
