package model

// Metric keys: the names of the figures kpit aggregates from records. Base
// metrics are counts or sums the store keeps; derived metrics are ratios of
// base metrics. They double as KPI keys and tree node keys.
const (
	MetricVisits        = "visits"
	MetricCalls         = "calls"
	MetricEmails        = "emails"
	MetricProposals     = "proposals"
	MetricAppointments  = "appointments"
	MetricMeetings      = "meetings"
	MetricLeads         = "leads"
	MetricOpportunities = "opportunities"
	MetricOrdersWon     = "orders_won"
	MetricOrdersLost    = "orders_lost"
	MetricRevenue       = "revenue"
	MetricConnects      = "connects" // calls that reached the person

	MetricWinRate         = "win_rate"
	MetricAvgDealSize     = "avg_deal_size"
	MetricLeadToOppRate   = "lead_to_opportunity_rate"
	MetricLeadCaptureRate = "lead_capture_rate"
	MetricConnectRate     = "connect_rate"
	MetricAppointmentRate = "appointment_rate"
	MetricMeetingSetRate  = "meeting_set_rate"
)

// ActivityMetric is the base metric an activity kind counts towards.
func ActivityMetric(k ActivityKind) string {
	switch k {
	case KindVisit:
		return MetricVisits
	case KindCall:
		return MetricCalls
	case KindEmail:
		return MetricEmails
	case KindProposal:
		return MetricProposals
	case KindAppointment:
		return MetricAppointments
	case KindMeeting:
		return MetricMeetings
	}
	return string(k)
}

// Value is a figure that may be undefined: a rate whose denominator is zero
// has no value, which is shown as "—", never as 0, NaN or Inf.
type Value struct {
	V     float64
	Valid bool
}

// Some is a defined value.
func Some(v float64) Value { return Value{V: v, Valid: true} }

// None is the undefined value.
var None = Value{}

// Ratio is num/den, undefined when den is zero.
func Ratio(num, den float64) Value {
	if den == 0 {
		return None
	}
	return Some(num / den)
}

// Counts holds base metrics summed over a period (revenue in minor units of
// the team's currency: whole yen, cents).
type Counts map[string]float64

// Metrics returns every base and derived metric from counts, the derived
// ones as ratios that are undefined when their denominator is zero
// (docs/kpi-definitions.md).
func (c Counts) Metrics() map[string]Value {
	out := make(map[string]Value, len(c)+4)
	for k, v := range c {
		out[k] = Some(v)
	}
	for _, k := range []string{MetricVisits, MetricCalls, MetricEmails, MetricProposals, MetricAppointments,
		MetricMeetings, MetricLeads, MetricOpportunities, MetricOrdersWon, MetricOrdersLost, MetricRevenue, MetricConnects} {
		if _, ok := out[k]; !ok {
			out[k] = Some(0)
		}
	}
	won, lost := c[MetricOrdersWon], c[MetricOrdersLost]
	out[MetricWinRate] = Ratio(won, won+lost)
	out[MetricAvgDealSize] = Ratio(c[MetricRevenue], won)
	out[MetricLeadToOppRate] = Ratio(c[MetricOpportunities], c[MetricLeads])
	out[MetricLeadCaptureRate] = Ratio(c[MetricLeads], c[MetricVisits])
	// Inside sales' calling funnel (docs/success.md): calls that connected,
	// appointments won per call, meetings set per appointment.
	out[MetricConnectRate] = Ratio(c[MetricConnects], c[MetricCalls])
	out[MetricAppointmentRate] = Ratio(c[MetricAppointments], c[MetricCalls])
	out[MetricMeetingSetRate] = Ratio(c[MetricMeetings], c[MetricAppointments])
	return out
}
