package importer

import (
	"testing"

	"github.com/kpit-dev/kpit/model"
)

// TestImportForecastColumns: a forecast or 確度 column reads letters,
// English and Japanese names in any case and width, and a number there as a
// probability; a probability column maps by the thresholds; a bad value is
// refused on one line naming the row and column.
func TestImportForecastColumns(t *testing.T) {
	cases := []struct {
		header     string
		cell       string
		thresholds *model.ForecastThresholds
		want       model.ForecastCategory
		refused    string
	}{
		{"forecast", "A", nil, model.ForecastCommit, ""},
		{"Forecast", "b", nil, model.ForecastBestCase, ""},
		{"確度", "確度Ｃ", nil, model.ForecastPipeline, ""},
		{"Forecast Category", "Best Case", nil, model.ForecastBestCase, ""},
		{"forecast", "best_case", nil, model.ForecastBestCase, ""},
		{"ヨミ", "コミット", nil, model.ForecastCommit, ""},
		{"forecast", "OMITTED", nil, model.ForecastOmitted, ""},
		{"forecast", "Pipeline", nil, model.ForecastPipeline, ""},
		{"forecast", "", nil, model.ForecastUnrated, ""},
		// A number in the forecast column is a probability.
		{"確度", "80%", nil, model.ForecastCommit, ""},
		{"確度", "79", nil, model.ForecastBestCase, ""},
		// The probability column by the default thresholds 80/50/20 ...
		{"Probability (%)", "80", nil, model.ForecastCommit, ""},
		{"probability", "50", nil, model.ForecastBestCase, ""},
		{"受注確度", "49.9", nil, model.ForecastPipeline, ""},
		{"probability", "20", nil, model.ForecastPipeline, ""},
		{"probability", "19", nil, model.ForecastOmitted, ""},
		{"probability", "0.9", nil, model.ForecastCommit, ""},
		{"probability", "０", nil, model.ForecastOmitted, ""},
		// ... and by the team's.
		{"probability", "80", &model.ForecastThresholds{Commit: 90, BestCase: 70, Pipeline: 40}, model.ForecastBestCase, ""},
		{"probability", "39", &model.ForecastThresholds{Commit: 90, BestCase: 70, Pipeline: 40}, model.ForecastOmitted, ""},
		{"forecast", "maybe", nil, "", `deals.csv:2: column forecast: "maybe" is not a forecast category (want A, B, C, commit, best case, pipeline, omitted or a probability)`},
		{"probability", "120", nil, "", `deals.csv:2: column probability: "120" is not a probability (want 0 to 100%: 80, 80% or 0.8)`},
		{"probability", "high", nil, "", `deals.csv:2: column probability: "high" is not a probability (want 0 to 100%: 80, 80% or 0.8)`},
	}
	for _, c := range cases {
		b, err := Bind(Opportunities, []string{"id", "owner", "closed", c.header}, nil)
		if err != nil {
			t.Fatal(err)
		}
		conv := newConverter("deals.csv", b, model.D(2026, 11, 26), nil, nil)
		if c.thresholds != nil {
			conv.thresholds = *c.thresholds
		}
		rec, e := conv.convert(2, []string{"D-1", "Sato", "2026-12-10", c.cell})
		if c.refused != "" {
			if e == nil || e.Error() != c.refused {
				t.Errorf("%s=%q: %v, want %q", c.header, c.cell, e, c.refused)
			}
			continue
		}
		if e != nil {
			t.Errorf("%s=%q: %v", c.header, c.cell, e)
			continue
		}
		if rec.opp.Forecast != c.want {
			t.Errorf("%s=%q: %q, want %q", c.header, c.cell, rec.opp.Forecast, c.want)
		}
	}
}
