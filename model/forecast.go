package model

import (
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/width"
)

// The pipeline forecast (ヨミ): every open deal is rated by how sure its rep
// is that it closes on its expected close date (on an open deal the closed
// column, see ValidateOpportunity). docs/forecast.md explains the
// categories, the weights and the probability thresholds.

// ForecastCategory is an open deal's rating in the forecast.
type ForecastCategory string

const (
	// ForecastUnrated is a deal no one has rated yet; the forecast counts
	// it as pipeline and says how many there are.
	ForecastUnrated  ForecastCategory = ""
	ForecastCommit   ForecastCategory = "commit"    // 確度A: will close in its period
	ForecastBestCase ForecastCategory = "best_case" // 確度B: can close with work
	ForecastPipeline ForecastCategory = "pipeline"  // 確度C: possible, not yet likely
	ForecastOmitted  ForecastCategory = "omitted"   // left out of the forecast
)

// ForecastCategories lists the categories, surest first.
func ForecastCategories() []ForecastCategory {
	return []ForecastCategory{ForecastCommit, ForecastBestCase, ForecastPipeline, ForecastOmitted}
}

// Valid reports whether c is one of the four categories or unrated.
func (c ForecastCategory) Valid() bool {
	switch c {
	case ForecastUnrated, ForecastCommit, ForecastBestCase, ForecastPipeline, ForecastOmitted:
		return true
	}
	return false
}

// Letter is the category as a Japanese team writes it: A, B, C, or "-"
// for omitted and "" for unrated.
func (c ForecastCategory) Letter() string {
	switch c {
	case ForecastCommit:
		return "A"
	case ForecastBestCase:
		return "B"
	case ForecastPipeline:
		return "C"
	case ForecastOmitted:
		return "-"
	}
	return ""
}

// forecastWords are the words a category is read from, as ForecastKey
// writes them: the letters, the English names in any case and spacing,
// and Japanese.
var forecastWords = map[string]ForecastCategory{
	"a": ForecastCommit, "確度a": ForecastCommit, "commit": ForecastCommit, "コミット": ForecastCommit, "ヨミa": ForecastCommit,
	"b": ForecastBestCase, "確度b": ForecastBestCase, "bestcase": ForecastBestCase, "best": ForecastBestCase,
	"ベストケース": ForecastBestCase, "ヨミb": ForecastBestCase,
	"c": ForecastPipeline, "確度c": ForecastPipeline, "pipeline": ForecastPipeline, "パイプライン": ForecastPipeline,
	"ヨミc":     ForecastPipeline,
	"omitted": ForecastOmitted, "omit": ForecastOmitted, "除外": ForecastOmitted, "対象外": ForecastOmitted,
	"-": ForecastOmitted,
}

// forecastKey is s as forecast words are matched: width-folded, lower case,
// without spaces, hyphens (but a lone "-") or underscores.
func forecastKey(s string) string {
	s = strings.TrimSpace(s)
	if s == "-" || s == "－" {
		return "-"
	}
	return StageKey(s)
}

// ParseForecast reads a category: A/B/C, 確度A…, commit, best case
// (best_case, Best-Case), pipeline, omitted, or their Japanese names; any
// case, full or half width. An empty string is unrated.
func ParseForecast(s string) (ForecastCategory, error) {
	k := forecastKey(s)
	if k == "" {
		return ForecastUnrated, nil
	}
	if c, ok := forecastWords[k]; ok {
		return c, nil
	}
	return ForecastUnrated, Refuse("forecast", RefuseUnknownForecast, s)
}

// ForecastWord reports whether s reads as a category (ParseForecast), for
// parsers that try a token as one thing after another. An empty s is not one.
func ForecastWord(s string) (ForecastCategory, bool) {
	if forecastKey(s) == "" {
		return ForecastUnrated, false
	}
	c, err := ParseForecast(s)
	return c, err == nil
}

// ForecastThresholds map a win probability (in percent) to a category: at
// least Commit is commit, at least BestCase best case, at least Pipeline
// pipeline, below it omitted.
type ForecastThresholds struct {
	Commit, BestCase, Pipeline float64
}

// DefaultForecastThresholds are the thresholds until a team sets its own
// (docs/forecast.md).
var DefaultForecastThresholds = ForecastThresholds{Commit: 80, BestCase: 50, Pipeline: 20}

// Category is the category of a win probability of pct percent.
func (t ForecastThresholds) Category(pct float64) ForecastCategory {
	switch {
	case pct >= t.Commit:
		return ForecastCommit
	case pct >= t.BestCase:
		return ForecastBestCase
	case pct >= t.Pipeline:
		return ForecastPipeline
	}
	return ForecastOmitted
}

// String writes the thresholds as ParseForecastThresholds reads them.
func (t ForecastThresholds) String() string {
	return formatList([]float64{t.Commit, t.BestCase, t.Pipeline})
}

// ParseForecastThresholds reads three percentages, commit first:
// "80,50,20". Each is 0 to 100, and each lower than the one before.
func ParseForecastThresholds(s string) (ForecastThresholds, error) {
	v, err := parseList(s, 3, 100)
	if err != nil {
		return ForecastThresholds{}, Refused(RefuseThresholdsList, s, err)
	}
	if !(v[0] > v[1] && v[1] > v[2]) {
		return ForecastThresholds{}, Refused(RefuseThresholdsOrder, s)
	}
	return ForecastThresholds{Commit: v[0], BestCase: v[1], Pipeline: v[2]}, nil
}

// ParseProbability reads a win probability as a percentage: "80", "80%",
// "８０％", or a fraction with a decimal point at most 1 ("0.8" is 80%;
// "1" without a point is 1%).
func ParseProbability(s string) (float64, error) {
	in := strings.TrimSpace(width.Narrow.String(s))
	pct := strings.HasSuffix(in, "%")
	in = strings.TrimSpace(strings.TrimSuffix(in, "%"))
	v, err := strconv.ParseFloat(in, 64)
	if err != nil || v != v {
		return 0, Refused(RefuseProbabilityNumber, s)
	}
	if !pct && strings.Contains(in, ".") && v <= 1 {
		v *= 100
	}
	if v < 0 || v > 100 {
		return 0, Refused(RefuseProbabilityRange, s)
	}
	return v, nil
}

// ForecastWeights are the share of each category's amount the weighted
// forecast counts (0 to 1). Unrated deals take Pipeline's weight.
type ForecastWeights struct {
	Commit, BestCase, Pipeline, Omitted float64
}

// DefaultForecastWeights are the weights until a team sets its own
// (docs/forecast.md).
var DefaultForecastWeights = ForecastWeights{Commit: 0.9, BestCase: 0.5, Pipeline: 0.2, Omitted: 0}

// Of is the weight of category c.
func (w ForecastWeights) Of(c ForecastCategory) float64 {
	switch c {
	case ForecastCommit:
		return w.Commit
	case ForecastBestCase:
		return w.BestCase
	case ForecastOmitted:
		return w.Omitted
	}
	return w.Pipeline
}

// String writes the weights as ParseForecastWeights reads them.
func (w ForecastWeights) String() string {
	return formatList([]float64{w.Commit, w.BestCase, w.Pipeline, w.Omitted})
}

// ParseForecastWeights reads four weights, commit, best case, pipeline,
// omitted: "0.9,0.5,0.2,0". Each is 0 to 1.
func ParseForecastWeights(s string) (ForecastWeights, error) {
	v, err := parseList(s, 4, 1)
	if err != nil {
		return ForecastWeights{}, Refused(RefuseWeightsList, s, err)
	}
	return ForecastWeights{Commit: v[0], BestCase: v[1], Pipeline: v[2], Omitted: v[3]}, nil
}

// parseList reads n comma-separated numbers from 0 to most.
func parseList(s string, n int, most float64) ([]float64, error) {
	parts := strings.Split(width.Narrow.String(s), ",")
	if len(parts) != n {
		return nil, Refused(RefuseListLength, len(parts), n)
	}
	out := make([]float64, n)
	for i, p := range parts {
		v, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || v != v {
			return nil, Refused(RefuseListNotNumber, strings.TrimSpace(p))
		}
		if v < 0 || v > most {
			return nil, Refused(RefuseListRange, strings.TrimSpace(p), strconv.FormatFloat(most, 'f', -1, 64))
		}
		out[i] = v
	}
	return out, nil
}

func formatList(v []float64) string {
	parts := make([]string, len(v))
	for i, x := range v {
		parts[i] = strconv.FormatFloat(x, 'f', -1, 64)
	}
	return strings.Join(parts, ",")
}

// ForecastChange is a change to an open deal's place in the forecast: its
// category, its expected close date or its outcome, as recorded at At.
// A deal entered since the time asked about comes as New, with no Before.
type ForecastChange struct {
	OpportunityID int64
	Account       string
	RepName       string
	AmountMinor   Minor
	HasAmount     bool
	At            time.Time
	New           bool
	// Before and After are the category, expected close (zero: none) and
	// outcome around the change.
	ForecastBefore, ForecastAfter ForecastCategory
	CloseBefore, CloseAfter       time.Time
	OutcomeBefore, OutcomeAfter   Outcome
}
