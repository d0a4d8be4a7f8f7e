package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// funnelDB is three leads of November 2026 with their stage changes, at
// midday so that no time zone moves them out of the month.
func funnelDB(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "f.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	st.SetClock(func() time.Time { return time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC) })
	if _, err := st.AddRep(ctx, model.Rep{Name: "井上", Department: model.DeptInsideSales, Active: true}); err != nil {
		t.Fatal(err)
	}
	ts := func(s string) time.Time { v, _ := time.Parse(time.RFC3339, s); return v }
	for _, l := range []struct {
		created time.Time
		moves   []model.StageMove
	}{
		{model.D(2026, 11, 5), []model.StageMove{{Stage: model.FunnelMQL, At: ts("2026-11-05T12:00:00Z")},
			{Stage: model.FunnelSQL, At: ts("2026-11-06T12:00:00Z")}, {Stage: model.FunnelOpportunity, At: ts("2026-11-09T12:00:00Z")}}},
		{model.D(2026, 11, 6), []model.StageMove{{Stage: model.FunnelMQL, At: ts("2026-11-07T00:00:00Z")}}},
		{model.D(2026, 11, 10), nil},
	} {
		id, err := st.AddLead(ctx, model.Lead{Company: "株式会社テスト", Source: "ads", RepName: "井上", Created: l.created})
		if err != nil {
			t.Fatal(err)
		}
		for i := range l.moves {
			l.moves[i].LeadID = id
		}
		if err := st.MoveStages(ctx, l.moves); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// TestFunnelJSONContract decodes kpit funnel's JSON into the contract's
// keys and checks the figures worked by hand: lead→MQL took 12h and 24h
// (median 18h, p90 12 + 0.9 × 12 = 22.8h), MQL→SQL 24h (one of two), SQL→
// opportunity 72h; nothing won; the lead at MQL since 7 November is past
// its 2 business days.
func TestFunnelJSONContract(t *testing.T) {
	path := funnelDB(t)
	code, out, errOut := kpitRun("funnel", "--db", path, "--from", "2026-11-01", "--to", "2026-11-30", "--today", "2026-11-30", "--format", "json")
	if code != exitOK || errOut != "" {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Stages []struct {
			Key               string   `json:"key"`
			Count             int      `json:"count"`
			ConversionToNext  *float64 `json:"conversion_to_next"`
			MedianHoursToNext *float64 `json:"median_hours_to_next"`
			P90HoursToNext    *float64 `json:"p90_hours_to_next"`
		} `json:"stages"`
		Overdue []struct {
			ID        int64   `json:"id"`
			Stage     string  `json:"stage"`
			Owner     string  `json:"owner"`
			HoursOver float64 `json:"hours_over"`
		} `json:"overdue"`
	}
	dec := json.NewDecoder(bytes.NewReader([]byte(out)))
	if err := dec.Decode(&got); err != nil {
		t.Fatal(err)
	}
	// Every contract key is present, null or not.
	var raw struct {
		Stages  []map[string]json.RawMessage `json:"stages"`
		Overdue []map[string]json.RawMessage `json:"overdue"`
	}
	json.Unmarshal([]byte(out), &raw)
	for _, s := range raw.Stages {
		for _, k := range []string{"key", "count", "conversion_to_next", "median_hours_to_next", "p90_hours_to_next"} {
			if _, ok := s[k]; !ok {
				t.Errorf("stage %s lacks %q", s["key"], k)
			}
		}
	}
	f := func(v float64) *float64 { return &v }
	want := []struct {
		key            string
		count          int
		conv, med, p90 *float64
	}{
		{"lead", 3, f(2.0 / 3), f(18), f(22.8)},
		{"mql", 2, f(0.5), f(24), f(24)},
		{"sql", 1, f(1), f(72), f(72)},
		{"opportunity", 1, f(0), nil, nil},
		{"won", 0, nil, nil, nil},
	}
	if len(got.Stages) != len(want) {
		t.Fatalf("stages = %+v", got.Stages)
	}
	same := func(a, b *float64) bool {
		return a == nil && b == nil || a != nil && b != nil && math.Abs(*a-*b) < 1e-6
	}
	for i, w := range want {
		s := got.Stages[i]
		if s.Key != w.key || s.Count != w.count || !same(s.ConversionToNext, w.conv) || !same(s.MedianHoursToNext, w.med) || !same(s.P90HoursToNext, w.p90) {
			t.Errorf("stage %d = %+v, want %+v", i, s, w)
		}
	}
	if len(got.Overdue) != 1 || got.Overdue[0].Stage != "mql" || got.Overdue[0].Owner != "井上" || got.Overdue[0].HoursOver <= 0 {
		t.Errorf("overdue = %+v", got.Overdue)
	}
}

func TestFunnelBadInput(t *testing.T) {
	path := funnelDB(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--db", path, "--format", "xml"}, `--format "xml"`},
		{[]string{"--db", path, "--by", "team"}, `--by "team"`},
		{[]string{"--db", path, "--period", "2026-11", "--from", "2026-11-01"}, "--period cannot be combined"},
		{[]string{"--db", path, "--from", "2026-02-30"}, `--from: "2026-02-30" is not a date`},
		{[]string{"--db", filepath.Join(t.TempDir(), "none.db")}, "does not exist"},
	} {
		code, out, errOut := kpitRun(append([]string{"funnel"}, c.args...)...)
		if code != exitUsage || out != "" || !strings.Contains(errOut, c.want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("funnel %v: exit %d, %q %q", c.args, code, out, errOut)
		}
	}
}

func TestFunnelTextBothLanguages(t *testing.T) {
	path := funnelDB(t)
	for _, c := range []struct{ lang, want string }{{"ja", "引き渡し期限切れのリード 1件"}, {"en", "1 leads past their hand-off limit"}} {
		code, out, errOut := kpitRun("funnel", "--db", path, "--period", "2026-11", "--today", "2026-11-30", "--lang", c.lang, "--by", "source")
		if code != exitOK || !strings.Contains(out, c.want) {
			t.Errorf("%s: exit %d %s\n%s", c.lang, code, errOut, out)
		}
	}
}
