package model

import (
	"errors"
	"testing"
	"time"
)

func TestParseForecast(t *testing.T) {
	for in, want := range map[string]ForecastCategory{
		"A": ForecastCommit, "a": ForecastCommit, "Ａ": ForecastCommit, "確度A": ForecastCommit, "確度Ａ": ForecastCommit,
		"commit": ForecastCommit, "COMMIT": ForecastCommit, "コミット": ForecastCommit, "ヨミA": ForecastCommit,
		"B": ForecastBestCase, "best case": ForecastBestCase, "Best-Case": ForecastBestCase, "best_case": ForecastBestCase,
		"BestCase": ForecastBestCase, "ベストケース": ForecastBestCase, "確度B": ForecastBestCase,
		"C": ForecastPipeline, "pipeline": ForecastPipeline, "Pipeline": ForecastPipeline, "パイプライン": ForecastPipeline,
		"omitted": ForecastOmitted, "Omitted": ForecastOmitted, "除外": ForecastOmitted, "対象外": ForecastOmitted, "-": ForecastOmitted,
		"": ForecastUnrated, "  ": ForecastUnrated,
	} {
		got, err := ParseForecast(in)
		if err != nil || got != want {
			t.Errorf("ParseForecast(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"D", "maybe", "80", "確度D", "commitment"} {
		_, err := ParseForecast(in)
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != "forecast" || fe.Code != RefuseUnknownForecast {
			t.Errorf("ParseForecast(%q) = %v, want a refusal of the forecast field", in, err)
		}
	}
}

func TestForecastThresholds(t *testing.T) {
	th, err := ParseForecastThresholds("90, 60 ,30")
	if err != nil || th != (ForecastThresholds{90, 60, 30}) {
		t.Fatalf("parse = %+v, %v", th, err)
	}
	for pct, want := range map[float64]ForecastCategory{100: ForecastCommit, 90: ForecastCommit, 89.9: ForecastBestCase,
		60: ForecastBestCase, 59: ForecastPipeline, 30: ForecastPipeline, 29.99: ForecastOmitted, 0: ForecastOmitted} {
		if got := th.Category(pct); got != want {
			t.Errorf("%v%% = %q, want %q", pct, got, want)
		}
	}
	if DefaultForecastThresholds.Category(80) != ForecastCommit || DefaultForecastThresholds.Category(19) != ForecastOmitted {
		t.Error("the defaults are not 80/50/20")
	}
	for _, bad := range []string{"80,50", "80,50,20,10", "50,80,20", "80,80,20", "120,50,20", "80,x,20", "-1,-2,-3", ""} {
		if _, err := ParseForecastThresholds(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	if s := th.String(); s != "90,60,30" {
		t.Errorf("String = %q", s)
	}
}

func TestForecastWeights(t *testing.T) {
	w, err := ParseForecastWeights("1,0.6,0.25,0")
	if err != nil || w != (ForecastWeights{1, 0.6, 0.25, 0}) {
		t.Fatalf("parse = %+v, %v", w, err)
	}
	if w.Of(ForecastUnrated) != 0.25 || w.Of(ForecastBestCase) != 0.6 {
		t.Errorf("Of: unrated %v, best case %v", w.Of(ForecastUnrated), w.Of(ForecastBestCase))
	}
	for _, bad := range []string{"1,0.5,0.2", "1.5,0.5,0.2,0", "0.9,0.5,0.2,-0.1", "a,b,c,d"} {
		if _, err := ParseForecastWeights(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestParseProbability(t *testing.T) {
	for in, want := range map[string]float64{"80": 80, "80%": 80, "８０％": 80, "0.8": 80, "1": 1, "1.0": 100, "0": 0, "100": 100, "12.5": 12.5} {
		got, err := ParseProbability(in)
		if err != nil || got != want {
			t.Errorf("ParseProbability(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "high", "101", "-5", "NaN", "1e3"} {
		if _, err := ParseProbability(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestQuickAddForecast(t *testing.T) {
	today := D(2026, time.November, 26)
	tests := []struct {
		line     string
		forecast ForecastCategory
		close    time.Time
		account  string
	}{
		{"opp ACME 鈴木 500万 確度A 完了予定:2026-12-20", ForecastCommit, D(2026, 12, 20), "ACME"},
		{"案件 ACME 鈴木 B close:2026-12-1", ForecastBestCase, D(2026, 12, 1), "ACME"},
		{"opp commit ACME 鈴木", ForecastCommit, time.Time{}, "ACME"},
		{"opp ACME 鈴木 best_case 予定：2027/1/15", ForecastBestCase, D(2027, 1, 15), "ACME"},
		{"opp ACME 鈴木 ヨミC", ForecastPipeline, time.Time{}, "ACME"},
		{"opp ACME 鈴木 対象外", ForecastOmitted, time.Time{}, "ACME"},
		// A lower-case single letter stays a word: here the account.
		{"opp a 鈴木", ForecastUnrated, time.Time{}, "a"},
	}
	for _, tc := range tests {
		q, err := ParseQuickAdd(tc.line, quickReps, today, JPY)
		if err != nil {
			t.Errorf("%q: %v", tc.line, err)
			continue
		}
		if q.Forecast != tc.forecast || !q.ExpectedClose.Equal(tc.close) || q.Account != tc.account || !q.Date.Equal(today) {
			t.Errorf("%q = forecast %q close %v account %q date %v", tc.line, q.Forecast, q.ExpectedClose, q.Account, q.Date)
		}
	}
	for line, code := range map[string]RefusalCode{
		"opp ACME 鈴木 A commit":                          RefuseQuickSecondForecast,
		"opp ACME 鈴木 close:2026-12-40":                  RefuseQuickBadDate,
		"opp ACME 鈴木 close:2026-12-01 close:2026-12-02": RefuseQuickSecondDate,
	} {
		_, err := ParseQuickAdd(line, quickReps, today, JPY)
		var qe *QuickError
		if !errors.As(err, &qe) || qe.Code != code {
			t.Errorf("%q: %v, want %s", line, err, code)
		}
	}
	// Forecast words mean nothing to other verbs: there they stay words.
	if q, err := ParseQuickAdd("lost ACME 鈴木 commit", quickReps, today, JPY); err != nil || q.Forecast != "" || q.LostReason != "commit" {
		t.Errorf("lost with a forecast word = %+v, %v", q, err)
	}
}

// FuzzForecastInput: whatever a cell or a flag holds, a category read is
// one of the five, a probability lies in 0–100, thresholds read are
// strictly falling, and none of them panics.
func FuzzForecastInput(f *testing.F) {
	for _, s := range []string{"A", "確度Ｂ", "best case", "-", "80%", "0.8", "８０％", "90,60,30", "1,0.5,0.2,0", "NaN", "1e400", ",,"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if c, err := ParseForecast(s); err == nil && !c.Valid() {
			t.Fatalf("%q read as %q", s, c)
		}
		if p, err := ParseProbability(s); err == nil && !(p >= 0 && p <= 100) {
			t.Fatalf("%q read as %v%%", s, p)
		}
		if th, err := ParseForecastThresholds(s); err == nil && !(th.Commit > th.BestCase && th.BestCase > th.Pipeline && th.Pipeline >= 0 && th.Commit <= 100) {
			t.Fatalf("%q read as %+v", s, th)
		}
		if w, err := ParseForecastWeights(s); err == nil {
			for _, x := range []float64{w.Commit, w.BestCase, w.Pipeline, w.Omitted} {
				if !(x >= 0 && x <= 1) {
					t.Fatalf("%q read as %+v", s, w)
				}
			}
		}
	})
}
