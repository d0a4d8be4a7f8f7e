package cli

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// forecastOut is kpit forecast's JSON contract as an outside tool reads it.
type forecastOut struct {
	Won struct {
		Count  int
		Amount float64
	} `json:"won"`
	Commit struct {
		Count  int
		Amount float64
	} `json:"commit"`
	BestCase struct {
		Count  int
		Amount float64
	} `json:"best_case"`
	Pipeline struct {
		Count  int
		Amount float64
	} `json:"pipeline"`
	Omitted struct {
		Count  int
		Amount float64
	} `json:"omitted"`
	LandingLow  float64  `json:"landing_low"`
	LandingHigh float64  `json:"landing_high"`
	Target      *float64 `json:"target"`
	Weighted    float64  `json:"weighted"`
	NoCloseDate struct {
		Count  int
		Amount float64
	} `json:"no_close_date"`
	Changes []struct {
		ID            int64  `json:"id"`
		ForecastAfter string `json:"forecast_after"`
	} `json:"changes"`
}

// forecastDB enters a small team's deals with kpit add, as a user would:
// December 2026 with today the 10th.
func forecastDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "f.db")
	add := func(args ...string) {
		t.Helper()
		args = append([]string{"add", "opportunity", "--db", db, "--create-rep", "--today", "2026-12-10"}, args...)
		if code, _, errOut := runKpit(t, args...); code != 0 {
			t.Fatalf("%v: %s", args, errOut)
		}
	}
	add("--id", "W1", "--rep", "佐藤", "--account", "A社", "--amount", "300万", "--created", "2026-11-01", "--outcome", "won", "--closed", "2026-12-03")
	add("--id", "W2", "--rep", "佐藤", "--account", "B社", "--amount", "100万", "--created", "2026-10-01", "--outcome", "won", "--closed", "2026-11-28")
	add("--id", "L1", "--rep", "鈴木", "--account", "C社", "--amount", "900万", "--created", "2026-10-01", "--outcome", "lost", "--closed", "2026-12-02", "--forecast", "A")
	add("--id", "O1", "--rep", "鈴木", "--account", "D社", "--amount", "500万", "--forecast", "確度A", "--expected-close", "2026-12-20")
	add("--id", "O2", "--rep", "鈴木", "--account", "E社", "--amount", "200万", "--forecast", "commit", "--expected-close", "2027-01-15")
	add("--id", "O3", "--rep", "佐藤", "--account", "F社", "--amount", "400万", "--forecast", "best_case", "--expected-close", "2026-12-25")
	add("--id", "O4", "--rep", "佐藤", "--account", "G社", "--amount", "250万", "--forecast", "C", "--expected-close", "2026-12-31")
	add("--id", "O5", "--rep", "佐藤", "--account", "H社", "--amount", "150万", "--expected-close", "2026-12-15")
	add("--id", "O6", "--rep", "鈴木", "--account", "I社", "--amount", "700万", "--forecast", "omitted", "--expected-close", "2026-12-18")
	add("--id", "O7", "--rep", "鈴木", "--account", "J社", "--amount", "80万", "--forecast", "B")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.SetKGI(context.Background(), model.KGI{NameJA: "売上", NameEN: "Revenue", Metric: model.MetricRevenue,
		Value: 120_000_000, Unit: model.UnitMoney, Per: model.FiscalYear}); err != nil {
		t.Fatal(err)
	}
	return db
}

// TestForecastJSONContract reads the JSON as an outside tool would and
// holds it to the figures worked out by hand from the deals entered above.
func TestForecastJSONContract(t *testing.T) {
	db := forecastDB(t)
	code, out, errOut := runKpit(t, "forecast", "--db", db, "--period", "2026-12", "--today", "2026-12-10", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"won", "commit", "best_case", "pipeline", "omitted", "landing_low", "landing_high", "target"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("key %q missing", k)
		}
	}
	var f forecastOut
	if err := json.Unmarshal([]byte(out), &f); err != nil {
		t.Fatal(err)
	}
	// Won in December: W1 only (W2 closed in November, L1 was lost).
	// Commit: O1 (O2 closes in January). Best case: O3 (O7 has no date).
	// Pipeline: O4 and the unrated O5. Omitted: O6.
	type b = struct {
		Count  int
		Amount float64
	}
	for name, got := range map[string]b{"won": f.Won, "commit": f.Commit, "best_case": f.BestCase, "pipeline": f.Pipeline,
		"omitted": f.Omitted, "no_close_date": f.NoCloseDate} {
		want := map[string]b{"won": {1, 3_000_000}, "commit": {1, 5_000_000}, "best_case": {1, 4_000_000},
			"pipeline": {2, 4_000_000}, "omitted": {1, 7_000_000}, "no_close_date": {1, 800_000}}[name]
		if got != want {
			t.Errorf("%s = %+v, want %+v", name, got, want)
		}
	}
	if f.LandingLow != 8_000_000 || f.LandingHigh != 12_000_000 {
		t.Errorf("landing = %v .. %v, want 8,000,000 .. 12,000,000", f.LandingLow, f.LandingHigh)
	}
	// ¥120,000,000 a year is ¥10,000,000 a month.
	if f.Target == nil || *f.Target != 10_000_000 {
		t.Errorf("target = %v, want 10,000,000", f.Target)
	}
	// 3,000,000 + 0.9×5,000,000 + 0.5×4,000,000 + 0.2×4,000,000 + 0×7,000,000.
	if f.Weighted != 10_300_000 {
		t.Errorf("weighted = %v, want 10,300,000", f.Weighted)
	}
}

// TestForecastChangesAndText: a category changed with kpit add after the
// --since day is listed; the text names the figures in both languages.
func TestForecastChangesAndText(t *testing.T) {
	db := forecastDB(t)
	if code, _, errOut := runKpit(t, "add", "opportunity", "--db", db, "--today", "2026-12-12", "--id", "O3", "--forecast", "A"); code != 0 {
		t.Fatal(errOut)
	}
	_, out, _ := runKpit(t, "forecast", "--db", db, "--period", "2026-12", "--today", "2026-12-12", "--since", "2026-12-11", "--format", "json")
	var f forecastOut
	if err := json.Unmarshal([]byte(out), &f); err != nil {
		t.Fatal(err)
	}
	if len(f.Changes) != 1 || f.Changes[0].ForecastAfter != "commit" {
		t.Errorf("changes = %+v, want O3 to commit", f.Changes)
	}
	if f.Commit.Amount != 9_000_000 || f.BestCase.Count != 0 {
		t.Errorf("after the change commit %+v, best case %+v", f.Commit, f.BestCase)
	}
	for lang, words := range map[string][]string{
		"ja": {"確度A (コミット)", "¥9,000,000", "着地見込み: ¥12,000,000", "目標: ¥10,000,000", "上回る", "完了予定日のない商談: 1件", "B -> A", "J社"},
		"en": {"Commit (A)", "¥9,000,000", "Landing: ¥12,000,000", "Target: ¥10,000,000", "above the target", "without an expected close date: 1", "B -> A"},
	} {
		code, text, errOut := runKpit(t, "forecast", "--db", db, "--period", "2026-12", "--today", "2026-12-12", "--since", "2026-12-11", "--lang", lang)
		if code != 0 {
			t.Fatalf("%s: %s", lang, errOut)
		}
		for _, w := range words {
			if !strings.Contains(text, w) {
				t.Errorf("%s text lacks %q:\n%s", lang, w, text)
			}
		}
	}
}

func TestForecastBadInput(t *testing.T) {
	db := forecastDB(t)
	for _, args := range [][]string{
		{"--period", "2026-13"},
		{"--format", "csv"},
		{"--today", "2026-02-30"},
		{"--since", "yesterday-ish"},
		{"--lang", "fr"},
	} {
		code, out, errOut := runKpit(t, append([]string{"forecast", "--db", db}, args...)...)
		if code != exitUsage || out != "" || strings.Count(strings.TrimSpace(errOut), "\n") != 0 || !strings.HasPrefix(errOut, "kpit forecast: ") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
	code, _, errOut := runKpit(t, "add", "opportunity", "--db", db, "--id", "O1", "--forecast", "D")
	if code != exitUsage || !strings.Contains(errOut, `--forecast: unknown forecast category "D"`) {
		t.Errorf("--forecast D: exit %d, %q", code, errOut)
	}
}

// TestImportForecastByThresholds imports a probability column after the
// team set its own thresholds, then updates without the column: the
// categories are kept.
func TestImportForecastByThresholds(t *testing.T) {
	db := forecastDB(t)
	if code, _, errOut := runKpit(t, "rules", "--db", db, "--forecast-thresholds", "90,60,30"); code != 0 {
		t.Fatal(errOut)
	}
	csv := "id,owner,account,closed,amount,Probability (%)\nP1,佐藤,K社,2026-12-20,1000000,85\nP2,佐藤,L社,2026-12-21,1000000,95%\nP3,佐藤,M社,2026-12-22,1000000,0.3\n"
	if code, _, errOut := runKpit(t, "import", "opportunities", writeTemp(t, "p.csv", []byte(csv)), "--db", db, "--today", "2026-12-10"); code != 0 {
		t.Fatal(errOut)
	}
	again := "id,owner,account,closed,amount\nP1,佐藤,K社,2026-12-20,1200000\n"
	if code, _, errOut := runKpit(t, "import", "opportunities", writeTemp(t, "q.csv", []byte(again)), "--db", db, "--today", "2026-12-10"); code != 0 {
		t.Fatal(errOut)
	}
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for id, want := range map[string]model.ForecastCategory{"P1": model.ForecastBestCase, "P2": model.ForecastCommit, "P3": model.ForecastPipeline} {
		o, ok, err := st.OpportunityByExternalID(context.Background(), id)
		if err != nil || !ok || o.Forecast != want {
			t.Errorf("%s = %q (%v, %v), want %q", id, o.Forecast, ok, err, want)
		}
	}
	bad := "id,owner,account,closed,確度\nP9,佐藤,N社,2026-12-20,たぶん\n"
	code, _, errOut := runKpit(t, "import", "opportunities", writeTemp(t, "r.csv", []byte(bad)), "--db", db, "--today", "2026-12-10")
	if code == 0 || !strings.Contains(errOut, `r.csv:2: column 確度: "たぶん" is not a forecast category`) {
		t.Errorf("bad category: exit %d, %q", code, errOut)
	}
}

// TestForecastTextCapsUndatedDeals: the text lists the first open deals
// without an expected close date and counts the rest; the JSON lists all.
func TestForecastTextCapsUndatedDeals(t *testing.T) {
	db := forecastDB(t)
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	for i := range noCloseShown + 2 {
		o := model.Opportunity{RepName: "佐藤", Account: "X" + strings.Repeat("x", i), Outcome: model.OutcomeOpen, Created: model.D(2026, 11, 1)}
		if _, err := st.AddOpportunity(context.Background(), o); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	// With J社 from forecastDB: noCloseShown + 3 undated, 3 not listed.
	_, text, _ := runKpit(t, "forecast", "--db", db, "--period", "2026-12", "--today", "2026-12-10", "--lang", "en")
	if !strings.Contains(text, "and 3 more") || strings.Contains(text, "X"+strings.Repeat("x", noCloseShown+1)) {
		t.Errorf("text:\n%s", text)
	}
	_, out, _ := runKpit(t, "forecast", "--db", db, "--period", "2026-12", "--today", "2026-12-10", "--format", "json")
	var f struct {
		NoClose []struct{ ID int64 } `json:"no_close_deals"`
	}
	if err := json.Unmarshal([]byte(out), &f); err != nil || len(f.NoClose) != noCloseShown+3 {
		t.Errorf("JSON lists %d undated deals, %v", len(f.NoClose), err)
	}
}
