package cli

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"
)

func runKpit(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Run(args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

// planOut is the part of the JSON contract the tests read.
type planOut struct {
	KGITarget    float64  `json:"kgi_target"`
	ImpliedKGI   *float64 `json:"implied_kgi"`
	ImpliedRatio *float64 `json:"implied_ratio"`
	ReachesKGI   bool     `json:"reaches_kgi"`
	Unset        []string `json:"unset"`
	Nodes        []struct {
		Key      string   `json:"key"`
		NameJA   string   `json:"name_ja"`
		Value    *float64 `json:"value"`
		PerMonth *float64 `json:"per_month"`
		Used     bool     `json:"used"`
	} `json:"nodes"`
	Required map[string]struct {
		Value    *float64 `json:"value"`
		PerYear  *float64 `json:"per_year"`
		PerMonth *float64 `json:"per_month"`
		PerWeek  *float64 `json:"per_week"`
		Whole    *struct {
			PerMonth *float64 `json:"per_month"`
		} `json:"whole"`
		Feasible bool `json:"feasible"`
	} `json:"required"`
}

func planJSONOf(t *testing.T, args ...string) planOut {
	t.Helper()
	code, stdout, stderr := runKpit(t, append([]string{"plan", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var p planOut
	dec := json.NewDecoder(strings.NewReader(stdout))
	if err := dec.Decode(&p); err != nil {
		t.Fatalf("decode %q: %v", stdout, err)
	}
	if dec.More() {
		t.Fatalf("more than one JSON value in %q", stdout)
	}
	return p
}

func approx(t *testing.T, what string, got *float64, want, tol float64) {
	t.Helper()
	if got == nil {
		t.Errorf("%s = null, want %v", what, want)
		return
	}
	if math.Abs(*got-want) > tol {
		t.Errorf("%s = %v, want %v", what, *got, want)
	}
}

// kpit plan's JSON contract on the worked example of docs/kpi-tree.md.
func TestPlanJSONWorkedExample(t *testing.T) {
	p := planJSONOf(t, "--kgi", "1000000000", "--set", "opportunities=50/month", "--set", "win_rate=30%", "--set", "avg_deal_size=2000000")
	if p.KGITarget != 1e9 {
		t.Errorf("kgi_target = %v", p.KGITarget)
	}
	approx(t, "implied_kgi", p.ImpliedKGI, 50*12*0.30*2e6, 1e-3)
	approx(t, "implied_ratio", p.ImpliedRatio, 0.36, 1e-12)
	if p.ReachesKGI {
		t.Error("reaches_kgi = true at 36%")
	}
	opp := p.Required["opportunities"]
	approx(t, "required.opportunities.per_year", opp.PerYear, 1e9/2e6/0.3, 1e-6)      // 1,666.67
	approx(t, "required.opportunities.per_month", opp.PerMonth, 1e9/2e6/0.3/12, 1e-6) // 138.89
	approx(t, "required.opportunities.per_week", opp.PerWeek, 1e9/2e6/0.3/52, 1e-6)
	if opp.Whole == nil {
		t.Fatal("required.opportunities.whole missing")
	}
	approx(t, "required.opportunities.whole.per_month", opp.Whole.PerMonth, 139, 0)
	approx(t, "required.win_rate.value", p.Required["win_rate"].Value, 1e9/(600*2e6), 1e-9) // 0.8333
	approx(t, "required.avg_deal_size.value", p.Required["avg_deal_size"].Value, 5555556, 0)
	for _, k := range []string{"opportunities", "win_rate", "avg_deal_size"} {
		if !p.Required[k].Feasible {
			t.Errorf("required.%s.feasible = false", k)
		}
	}
	if _, ok := p.Required["visits"]; ok {
		t.Error("visits is under the set opportunities and should not be an input")
	}
	for _, n := range p.Nodes {
		switch n.Key {
		case "orders_won":
			approx(t, "orders_won per month", n.PerMonth, 50*0.3, 1e-9)
		case "leads", "visits":
			if n.Used || n.Value != nil {
				t.Errorf("%s: used %v value %v, want unused and null below a set node", n.Key, n.Used, n.Value)
			}
		}
	}
}

// Japanese multipliers, commas and periods give the same figures; a monthly
// KGI puts flows per month.
func TestPlanJSONFormsAndPeriods(t *testing.T) {
	a := planJSONOf(t, "--kgi", "10億", "--set", "opportunities=600", "--set", "win_rate=0.3", "--set", "avg_deal_size=200万")
	approx(t, "implied_ratio", a.ImpliedRatio, 0.36, 1e-12)
	b := planJSONOf(t, "--kgi", "1億/quarter", "--set", "opportunities=150/quarter", "--set", "win_rate=30%", "--set", "avg_deal_size=2,000,000")
	approx(t, "implied per quarter", b.ImpliedKGI, 150*0.3*2e6, 1e-3)                          // 90,000,000
	approx(t, "ratio per quarter", b.ImpliedRatio, 150*0.3*2e6/1e8, 1e-12)                     // 0.9
	approx(t, "required per month", b.Required["opportunities"].PerMonth, 1e8/2e6/0.3/3, 1e-9) // 55.6
	// From visits up: 100 visits a week × 52 × 50% × 20% × 30% × ¥2,000,000.
	c := planJSONOf(t, "--kgi", "10億", "--set", "visits=100/week", "--set", "lead_capture_rate=50%",
		"--set", "lead_to_opportunity_rate=20%", "--set", "win_rate=30%", "--set", "avg_deal_size=200万")
	approx(t, "implied from visits", c.ImpliedKGI, 100*52*0.5*0.2*0.3*2e6, 1e-3)
	approx(t, "required visits per week", c.Required["visits"].PerWeek, 1e9/(0.5*0.2*0.3*2e6)/52, 1e-6)
	// A rate that would have to pass 100% is out of reach.
	if c.Required["lead_capture_rate"].Feasible {
		t.Errorf("lead_capture_rate would need %v: want infeasible", *c.Required["lead_capture_rate"].Value)
	}
}

// Unset leaves leave the dependent figures null, never a crash.
func TestPlanJSONUnset(t *testing.T) {
	p := planJSONOf(t, "--kgi", "10億", "--set", "win_rate=30%", "--set", "avg_deal_size=200万")
	if p.ImpliedKGI != nil || p.ImpliedRatio != nil {
		t.Errorf("implied = %v, ratio %v; want null", p.ImpliedKGI, p.ImpliedRatio)
	}
	if strings.Join(p.Unset, ",") != "visits,lead_capture_rate,lead_to_opportunity_rate" {
		t.Errorf("unset = %v", p.Unset)
	}
	if r := p.Required["visits"]; r.Value != nil || r.PerMonth != nil || r.Feasible {
		t.Errorf("required visits = %+v, want null and infeasible", r)
	}
	if r := p.Required["win_rate"]; r.Value != nil {
		t.Errorf("required win_rate = %v, want null while opportunities are unknown", *r.Value)
	}
}

func TestPlanText(t *testing.T) {
	args := []string{"plan", "--kgi", "10億", "--set", "opportunities=50/month", "--set", "win_rate=30%", "--set", "avg_deal_size=200万"}
	code, out, stderr := runKpit(t, append(args, "--lang", "en")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"36.0% of the KGI", "cannot reach it", "138.9 per month (139 rounded up)", "83.3%", "¥5,555,556", "¥360,000,000"} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = runKpit(t, append(args, "--lang", "ja")...)
	for _, want := range []string{"KGIの36.0%", "届きません", "138.9/月", "商談数", "受注率", "顧客単価"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("Japanese text lacks %q:\n%s", want, out)
		}
	}
	// Figures beyond 10^15 are refused at the door, naming the flag, so no
	// product of them can overflow into Inf or a wrapped-round yen amount.
	for _, bad := range [][]string{{"--kgi", "10億", "--set", "opportunities=1" + strings.Repeat("0", 200)},
		{"--kgi", "99999999999999999999999999999", "--set", "opportunities=50/month"}} {
		code, out, errOut := runKpit(t, append([]string{"plan", "--lang", "en"}, bad...)...)
		if code != 2 || out != "" || !strings.Contains(errOut, "too large") || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", bad, code, out, errOut)
		}
	}
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "ja_JP.UTF-8")
	if _, out, _ = runKpit(t, args...); !strings.Contains(out, "届きません") {
		t.Errorf("LANG=ja_JP gave:\n%s", out)
	}
}

func TestPlanBadInput(t *testing.T) {
	ok := []string{"--kgi", "10億", "--set", "win_rate=30%"}
	for _, tc := range []struct {
		args []string
		want string // in the one line on stderr
	}{
		{[]string{"--kgi", "10億", "--set", "nope=5"}, `unknown node "nope" (valid: revenue, orders_won`},
		{[]string{"--kgi", "10億", "--set", "win_rate=150%"}, "above 100%"},
		{[]string{"--kgi", "10億", "--set", "win_rate=30"}, "above 100%"},
		{[]string{"--kgi", "10億", "--set", "visits=-5"}, "negative"},
		{[]string{"--kgi", "10億", "--set", "avg_deal_size=-1"}, "negative"},
		{[]string{"--kgi", "10億", "--set", "win_rate"}, "want NODE=VALUE"},
		{[]string{"--kgi", "abc"}, `--kgi "abc"`},
		{[]string{"--kgi", "-5"}, "above zero"},
		{[]string{"--kgi", "30%"}, "not a percentage"},
		{[]string{"--set", "win_rate=30%"}, "--kgi is required"},
		{append(ok, "--format", "xml"), `--format "xml"`},
		{append(ok, "--lang", "fr"), `--lang "fr"`},
		{[]string{"--kgi", "10億", "--set", "win_rate=30%/month"}, "drop the /month"},
		{[]string{"--kgi", "10億", "--set", "avg_deal_size=200万/month"}, "drop the /month"},
		{[]string{"--kgi", "10億", "--set", "visits=30%"}, "not a percentage"},
		{[]string{"--kgi", "10億", "--set", "visits=2,00"}, "thousands separator"},
		{[]string{"--kgi", "10億", "--set", "visits=5/fortnight"}, "unknown period"},
		{[]string{"--kgi", "10億", "--set", "win_rate=30%", "--set", "win_rate=20%"}, "set twice"},
		{[]string{"--kgi", "10億", "--set", "leads=100", "--set", "visits=5"}, "leads is set too"},
		{append(ok, "--bogus"), "-bogus"},
		{append(ok, "extra"), `unexpected argument "extra"`},
	} {
		code, stdout, stderr := runKpit(t, append([]string{"plan"}, tc.args...)...)
		if code != 2 || stdout != "" || !strings.Contains(stderr, tc.want) ||
			strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, "kpit plan: ") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and one line with %q", tc.args, code, stdout, stderr, tc.want)
		}
	}
}
