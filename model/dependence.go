package model

import (
	"math"
	"sort"
)

// RepFigures are one rep's results for a period, for the per-rep view.
type RepFigures struct {
	RepID      int64
	Name       string
	Department Department
	Counts     Counts
}

// Dependence measures how much of the team's result rests on few people
// (属人化): the share of orders won and of revenue from the top rep and from
// the top 20% of reps (at least one rep). Shares are undefined when the team
// won nothing.
type Dependence struct {
	Reps               int
	TopN               int // how many reps make the top 20%
	TopRepByWon        string
	TopRepByRevenue    string
	TopRepWonShare     Value
	TopRepRevenueShare Value
	TopNWonShare       Value
	TopNRevenueShare   Value
}

// MeasureDependence ranks the reps separately by orders won and by revenue.
func MeasureDependence(reps []RepFigures) Dependence {
	d := Dependence{Reps: len(reps)}
	if len(reps) == 0 {
		return d
	}
	d.TopN = int(math.Ceil(0.2 * float64(len(reps))))
	d.TopRepByWon, d.TopRepWonShare, d.TopNWonShare = topShares(reps, MetricOrdersWon, d.TopN)
	d.TopRepByRevenue, d.TopRepRevenueShare, d.TopNRevenueShare = topShares(reps, MetricRevenue, d.TopN)
	return d
}

func topShares(reps []RepFigures, metric string, n int) (string, Value, Value) {
	vals := make([]RepFigures, len(reps))
	copy(vals, reps)
	sort.SliceStable(vals, func(i, j int) bool { return vals[i].Counts[metric] > vals[j].Counts[metric] })
	total, top := 0.0, 0.0
	for i, r := range vals {
		total += r.Counts[metric]
		if i < n {
			top += r.Counts[metric]
		}
	}
	if total == 0 {
		return "", None, None
	}
	return vals[0].Name, Ratio(vals[0].Counts[metric], total), Ratio(top, total)
}
