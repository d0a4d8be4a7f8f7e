package figures

import (
	"context"
	"time"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// The KPIs of inside sales and customer success (docs/success.md) that the
// roll-up cannot give: the MQL→SQL cohort conversion (the funnel's own
// figure), the response time to a new MQL, the e-mail open rate, churn of
// customers and of monthly contract value, LTV, NPS, onboarding
// completion, usage and inquiry response time. The calling funnel's rates
// (connect, appointment, meeting set) are ratios of roll-up counts
// (model.Counts.Metrics).

// Keys of the figures successValues gives.
const (
	KeyMQLToSQLRate        = "mql_to_sql_rate"
	KeyResponseTime        = "response_time"
	KeyEmailOpenRate       = "email_open_rate"
	KeyChurnRate           = "churn_rate"
	KeyRevenueChurnRate    = "revenue_churn_rate"
	KeyMonthlyChurnRate    = "monthly_churn_rate"
	KeyAvgMRR              = "avg_mrr"
	KeyLTV                 = "ltv"
	KeyNPS                 = "nps"
	KeyOnboardingRate      = "onboarding_completion_rate"
	KeyUsageRate           = "usage_rate"
	KeyInquiryResponseTime = "inquiry_response_time"
)

// SuccessKeys are the keys successValues gives: the MQL→SQL rate from
// the funnel's cohorts, the rest (successCountKeys) from the success
// counts.
var SuccessKeys = append([]string{KeyMQLToSQLRate}, successCountKeys...)

// successCountKeys are the keys SuccessFigures gives.
var successCountKeys = []string{KeyResponseTime, KeyEmailOpenRate, KeyChurnRate, KeyRevenueChurnRate,
	KeyMonthlyChurnRate, KeyAvgMRR, KeyLTV, KeyNPS, KeyOnboardingRate, KeyUsageRate, KeyInquiryResponseTime}

// SuccessReader is what the success figures read. *store.Store is one.
type SuccessReader interface {
	SuccessCounts(ctx context.Context, span store.SuccessSpan) (store.SuccessCounts, error)
	FunnelCohorts(ctx context.Context, from, to, asOf time.Time, by string) ([]store.StageCohort, error)
}

// successValues computes the success figures of rng at now that need
// asks for: the counts' figures when need.success, the MQL→SQL rate when
// need.cohorts, each a read of its own. The range's days are days in
// now's location, as the funnel tab reads them. Amounts are in minor
// units.
func successValues(ctx context.Context, r SuccessReader, rng Range, now time.Time, need wants) (map[string]model.Value, error) {
	fromAt, toAt := funnelSpan(rng, now, now.Location())
	m := map[string]model.Value{}
	if need.success {
		f := rng.Filter()
		c, err := r.SuccessCounts(ctx, store.SuccessSpan{From: f.From, To: f.To, FromAt: fromAt, ToAt: toAt, AsOf: now})
		if err != nil {
			return nil, err
		}
		m = SuccessFigures(c, MonthsIn(rng))
	}
	if !need.cohorts {
		return m, nil
	}
	cohorts, err := r.FunnelCohorts(ctx, fromAt, toAt, now, "")
	if err != nil {
		return nil, err
	}
	for _, st := range funnelSteps(cohorts, nil) {
		if st.Stage == model.FunnelMQL {
			m[KeyMQLToSQLRate] = st.Conversion
		}
	}
	return m, nil
}

// SuccessFigures turns the counts of a range of months months long into
// the figures (docs/success.md):
//
//	churn rate          = customers lost ÷ customers at the start
//	revenue churn rate  = MRR lost ÷ MRR at the start
//	monthly churn rate  = 1 − (1 − churn rate)^(1 / months)
//	average MRR         = MRR ÷ customers, at the end
//	LTV                 = average MRR × (1 ÷ monthly churn rate)
//	NPS                 = % promoters − % detractors, in points
//	onboarding          = done by the due day ÷ due in the range
//	usage rate          = actively using ÷ customers at the end
//	open rate           = opened ÷ sent
//	response times      = medians, in hours
func SuccessFigures(c store.SuccessCounts, months float64) map[string]model.Value {
	churn := model.Ratio(float64(c.Lost), float64(c.AtStart))
	monthly := model.MonthlyChurn(churn, months)
	avgMRR := model.Ratio(float64(c.MRRAtEnd), float64(c.AtEnd))
	return map[string]model.Value{
		KeyChurnRate:           churn,
		KeyRevenueChurnRate:    model.Ratio(float64(c.MRRLost), float64(c.MRRAtStart)),
		KeyMonthlyChurnRate:    monthly,
		KeyAvgMRR:              avgMRR,
		KeyLTV:                 model.LTV(avgMRR, monthly),
		KeyNPS:                 model.NPS(c.Promoters, c.Detractors, c.NPSAnswers),
		KeyOnboardingRate:      model.Ratio(float64(c.OnboardedOnTime), float64(c.OnboardingDue)),
		KeyUsageRate:           model.Ratio(float64(c.UsageActive), float64(c.AtEnd)),
		KeyEmailOpenRate:       model.Ratio(float64(c.Opened), float64(c.Sent)),
		KeyResponseTime:        medianHours(c.ResponseSeconds),
		KeyInquiryResponseTime: medianHours(c.InquirySeconds),
	}
}

// medianHours is the median of durations in seconds, in hours, by the
// funnel's percentile rule (model.Percentile); None for no durations.
func medianHours(seconds []float64) model.Value {
	return model.Percentiles(hoursOf(seconds), 0.5)[0]
}

// MonthsIn is how many months rng spans: 1, 3 or 12 for a whole month,
// fiscal quarter or fiscal year, else its days over the average month
// (365.25 ÷ 12 days); 0 for an open range. Monthly churn is read from it.
func MonthsIn(rng Range) float64 {
	if rng.From.IsZero() || rng.To.IsZero() {
		return 0 // an open range has no length to spread churn over
	}
	if p, ok := rng.Period(); ok {
		switch p.Kind {
		case model.Month:
			return 1
		case model.Quarter:
			return 3
		case model.FiscalYear:
			return 12
		}
	}
	return float64(rng.Days()) * 12 / 365.25
}
