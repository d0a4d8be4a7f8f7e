package demo

import (
	"math/rand/v2"

	"github.com/kpit-dev/kpit/model"
)

// The demo's pipeline forecast (ヨミ, docs/forecast.md): every open deal is
// rated as its rep would rate it, from how far it has come. The ratings
// draw from their own generator, seeded from the demo's seed, so the rest
// of the demo (docs/reference-figures.md) is the same record for record
// whatever they draw.
//
//   - 交渉 (negotiation): mostly commit, else best case;
//   - 見積提示 (quote sent): commit, best case or pipeline;
//   - 提案 (proposal): best case or pipeline;
//   - earlier: pipeline, or not rated yet;
//   - a deal that slipped past its date: best case or pipeline; one that
//     stalled: omitted or pipeline.
//
// Every open deal keeps its expected close date (the demo's tests hold the
// pipeline to that); only the categories are added.

// forecastStream is the ratings' generator for seed.
func forecastStream(seed int64) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed), 0x796f6d69)) // "yomi"
}

// rate gives the open deals their categories.
func (g *generator) rate(deals []*deal) {
	r := forecastStream(g.seed)
	pick := func(weights ...float64) int {
		x := r.Float64()
		for i, w := range weights {
			if x < w {
				return i
			}
			x -= w
		}
		return len(weights) - 1
	}
	for _, dl := range deals {
		o := &dl.opp
		if o.Outcome != model.OutcomeOpen {
			continue
		}
		switch {
		case dl.stalled:
			o.Forecast = []model.ForecastCategory{model.ForecastOmitted, model.ForecastPipeline}[pick(0.5, 0.5)]
		case !dl.planned.After(g.today):
			o.Forecast = []model.ForecastCategory{model.ForecastBestCase, model.ForecastPipeline}[pick(0.5, 0.5)]
		case o.Stage == openStages[4]:
			o.Forecast = []model.ForecastCategory{model.ForecastCommit, model.ForecastBestCase}[pick(0.7, 0.3)]
		case o.Stage == openStages[3]:
			o.Forecast = []model.ForecastCategory{model.ForecastCommit, model.ForecastBestCase, model.ForecastPipeline}[pick(0.3, 0.5, 0.2)]
		case o.Stage == openStages[2]:
			o.Forecast = []model.ForecastCategory{model.ForecastBestCase, model.ForecastPipeline}[pick(0.4, 0.6)]
		default:
			o.Forecast = []model.ForecastCategory{model.ForecastPipeline, model.ForecastUnrated}[pick(0.7, 0.3)]
		}
	}
}
