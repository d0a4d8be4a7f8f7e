package cli

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// octoberByHand counts October 2026 from the raw records.
func octoberByHand(t *testing.T, path string) (opps, won, lost, revenue float64) {
	t.Helper()
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	in := func(d string) bool { return d >= "2026-10-01" && d <= "2026-10-31" }
	err = st.ExportOpportunities(context.Background(), func(o model.Opportunity) error {
		if in(model.FormatDate(o.Created)) {
			opps++
		}
		if in(model.FormatDate(o.Closed)) {
			switch o.Outcome {
			case model.OutcomeWon:
				won++
				revenue += float64(o.AmountMinor)
			case model.OutcomeLost:
				lost++
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return opps, won, lost, revenue
}

// TestReviewMinutesJSON decodes the minutes of the demo's last review and
// compares its figures with October counted from the records, and its
// causes and actions with what the demo agreed.
func TestReviewMinutesJSON(t *testing.T) {
	path := demoCopy(t) // the demo of 2026-11-26: its last saved review looked at October 2026
	code, out, errOut := kpitRun("review", "--db", path, "--export", "json", "--lang", "en")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var m struct {
		Period string `json:"period"`
		HeldOn string `json:"held_on"`
		KPIs   []struct {
			Key    string   `json:"key"`
			Actual *float64 `json:"actual"`
			Target *float64 `json:"target"`
			Status string   `json:"status"`
			KGI    bool     `json:"kgi"`
		} `json:"kpis"`
		Forecast json.RawMessage `json:"forecast"`
		Notes    []struct {
			KPI      string `json:"kpi"`
			Category string `json:"category"`
			Text     string `json:"text"`
		} `json:"notes"`
		Actions []struct {
			Text   string `json:"text"`
			Owner  string `json:"owner"`
			Due    string `json:"due"`
			Status string `json:"status"`
		} `json:"actions"`
	}
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	if m.Period != "2026-10" || m.HeldOn != "2026-11-10" {
		t.Errorf("period %s held %s; want 2026-10 held 2026-11-10 (the second Tuesday)", m.Period, m.HeldOn)
	}
	opps, won, lost, revenue := octoberByHand(t, path)
	want := map[string]float64{"revenue": revenue, "opportunities": opps, "orders_won": won, "win_rate": won / (won + lost)}
	got := map[string]float64{}
	for _, k := range m.KPIs {
		if k.Actual != nil {
			got[k.Key] = *k.Actual
		}
	}
	for k, v := range want {
		if math.Abs(got[k]-v) > 1e-9*math.Max(1, v) {
			t.Errorf("%s = %v, October's records give %v", k, got[k], v)
		}
	}
	if len(m.KPIs) == 0 || !m.KPIs[0].KGI || m.KPIs[0].Target == nil || math.Abs(*m.KPIs[0].Target-1e9/12) > 1 {
		t.Errorf("the first KPI is not the KGI with ¥1B/12: %+v", m.KPIs[0])
	}
	// Revenue 98.5% of target is on track (95% and up).
	if r := revenue / (1e9 / 12); (r >= model.OnTrackAt) != (m.KPIs[0].Status == "on_track") {
		t.Errorf("revenue at %.3f of target has status %s", r, m.KPIs[0].Status)
	}
	if string(m.Forecast) != "null" {
		t.Errorf("forecast = %s; the demo's past reviews kept none", m.Forecast)
	}
	if len(m.Notes) != 2 || m.Notes[0].Category != "volume" || m.Notes[1].Category != "deal_size" {
		t.Errorf("notes = %+v", m.Notes)
	}
	statuses := map[string]string{}
	for _, a := range m.Actions {
		if a.Owner == "" || a.Due == "" {
			t.Errorf("action without owner or due day: %+v", a)
		}
		statuses[a.Text] = a.Status
	}
	if len(m.Actions) != 4 || statuses["MQL の基準を再定義して共有する"] != "open" || statuses["上位プランの提案を必須にする"] != "dropped" ||
		statuses["商談は当日中に入力する (週次で確認)"] != "done" || statuses["IS→FS の引き渡し基準を見直す"] != "open" {
		t.Errorf("actions = %+v", m.Actions)
	}
}

// TestReviewMinutesMarkdown checks the Markdown minutes for their
// sections and for October's revenue and opportunities counted by hand,
// and that --out writes the same text.
func TestReviewMinutesMarkdown(t *testing.T) {
	path := demoCopy(t) // the demo of 2026-11-26: its last saved review looked at October 2026
	code, out, errOut := kpitRun("review", "--db", path, "--export", "md", "--lang", "en")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"# KPI review minutes 2026-10 (2026-11-10)", "## KPIs", "## Forecast", "## Causes", "## Actions",
		"| Action | KPI | Owner | Due | Status |", "2026-11-06 | open |",
		// October's revenue was on track (98.5%): no miss to pin on a KPI.
		"No miss to explain"} {
		if !strings.Contains(out, want) {
			t.Errorf("the minutes lack %q:\n%s", want, out)
		}
	}
	opps, _, _, revenue := octoberByHand(t, path)
	money := catalog.Money{Lang: catalog.LangEN, Currency: model.JPY}
	row := "| **Revenue (KGI)** | " + money.Unit(model.UnitMoney, model.Some(revenue)) + " | ¥83.3M |"
	if !strings.Contains(out, row) {
		t.Errorf("the minutes lack the KGI row %q:\n%s", row, out)
	}
	if !strings.Contains(out, "| Opportunities | "+catalog.GroupThousands(int64(opps))+" | 140 |") {
		t.Errorf("the minutes lack October's %v opportunities:\n%s", opps, out)
	}
	file := filepath.Join(t.TempDir(), "minutes.md")
	if code, _, errOut := kpitRun("review", "--db", path, "--export", "md", "--lang", "en", "--out", file); code != 0 {
		t.Fatalf("--out: exit %d: %s", code, errOut)
	}
	if b, err := os.ReadFile(file); err != nil || string(b) != out {
		t.Errorf("--out wrote %q, %v; want what stdout got", b, err)
	}
}

// TestReviewExportRefusals: bad flags are one line and exit 2, and nothing
// is written.
func TestReviewExportRefusals(t *testing.T) {
	path := demoCopy(t) // the demo of 2026-11-26: its last saved review looked at October 2026
	dir := t.TempDir()
	for _, args := range [][]string{
		{"--export", "xml"},
		{"--export", "md", "--id", "99"},
		{"--export", "md", "--id", "-1"},
		{"--export", "md", "--period", "2026-11"},
		{"--id", "2"},
		{"--export", "json", "--out", filepath.Join(dir, "no", "such", "dir", "m.json")},
	} {
		code, out, errOut := kpitRun(append([]string{"review", "--db", path}, args...)...)
		if code != 2 || out != "" || strings.Count(strings.TrimSpace(errOut), "\n") != 0 || errOut == "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and one line", args, code, out, errOut)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("refusals left files: %v", entries)
	}
	if code, _, errOut := kpitRun("review", "--db", filepath.Join(dir, "none.db"), "--export", "md"); code != 2 || !strings.Contains(errOut, "does not exist") {
		t.Errorf("a missing database: exit %d %q", code, errOut)
	}
	// The review itself needs a terminal, and a period it can read.
	for _, args := range [][]string{{"--db", path}, {"--demo"}, {"--db", path, "--period", "2026-13"}, {"--demo", "--db", path}} {
		code, out, errOut := kpitRun(append([]string{"review"}, args...)...)
		if code != 2 || out != "" || strings.Count(strings.TrimSpace(errOut), "\n") != 0 || errOut == "" {
			t.Errorf("review %v: exit %d, stdout %q, stderr %q; want exit 2 and one line", args, code, out, errOut)
		}
	}
}
