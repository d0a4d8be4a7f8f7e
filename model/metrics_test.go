package model

import "testing"

func TestCountsMetrics(t *testing.T) {
	m := Counts{MetricOrdersWon: 3, MetricOrdersLost: 7, MetricRevenue: 6_000_000, MetricLeads: 40, MetricOpportunities: 10,
		MetricVisits: 200, "custom": 5}.Metrics()
	for k, want := range map[string]float64{
		MetricWinRate:         3.0 / 10,
		MetricAvgDealSize:     2_000_000,
		MetricLeadToOppRate:   10.0 / 40,
		MetricLeadCaptureRate: 40.0 / 200,
		MetricCalls:           0, // a base metric with no records is zero, not missing
		"custom":              5,
	} {
		if v := m[k]; !v.Valid || v.V != want {
			t.Errorf("%s = %+v, want %v", k, v, want)
		}
	}
	// Every ratio over zero is undefined.
	empty := Counts{}.Metrics()
	for _, k := range []string{MetricWinRate, MetricAvgDealSize, MetricLeadToOppRate, MetricLeadCaptureRate} {
		if empty[k].Valid {
			t.Errorf("%s over zero = %v, want undefined", k, empty[k].V)
		}
	}
	if v := empty[MetricRevenue]; !v.Valid || v.V != 0 {
		t.Errorf("revenue with no records = %+v, want 0", v)
	}
	if Ratio(1, 0).Valid || Ratio(0, 4) != Some(0) {
		t.Error("Ratio")
	}
}

func TestActivityMetric(t *testing.T) {
	seen := map[string]bool{}
	for _, k := range ActivityKinds() {
		m := ActivityMetric(k)
		if seen[m] || m == string(k) {
			t.Errorf("kind %s counts towards %q", k, m)
		}
		seen[m] = true
	}
	if ActivityMetric(KindVisit) != MetricVisits || ActivityMetric(KindMeeting) != MetricMeetings {
		t.Error("visit and meeting metrics")
	}
}
