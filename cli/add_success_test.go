package cli

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/figures"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// successDB is an empty kpit file with two customers under contract all
// November 2026, ACME and Beta, for the customer-success records.
func successDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "cs.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	for _, name := range []string{"ACME", "Beta"} {
		if _, err := st.AddCustomer(ctx, model.Customer{Name: name, Started: model.D(2026, 1, 1), MRRMinor: 100000}); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// novemberFigures are the success figures of November 2026 in path, as
// the figures engine makes them from the store's counts, read at testNow.
func novemberFigures(t *testing.T, path string) map[string]model.Value {
	t.Helper()
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	from, to := model.D(2026, 11, 1), model.D(2026, 12, 1)
	c, err := st.SuccessCounts(context.Background(), store.SuccessSpan{From: from, To: to,
		FromAt: time.Date(2026, 11, 1, 0, 0, 0, 0, time.Local), ToAt: time.Date(2026, 12, 1, 0, 0, 0, 0, time.Local), AsOf: testNow})
	if err != nil {
		t.Fatal(err)
	}
	return figures.SuccessFigures(c, 1)
}

func closeTo(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// TestAddSuccessRecordsFeedTheFigures enters each kind by kpit add and
// checks the figures against counts made here from the values entered.
func TestAddSuccessRecordsFeedTheFigures(t *testing.T) {
	db := successDB(t)
	run := func(args ...string) {
		t.Helper()
		if code, _, errOut := kpitRun(append(args, "--db", db)...); code != 0 {
			t.Fatalf("kpit %s: exit %d: %s", strings.Join(args, " "), code, errOut)
		}
	}
	// Ten answers, one of them typed with full-width digits.
	scores := []int{10, 10, 9, 9, 9, 8, 7, 6, 2, 0}
	for i, s := range scores {
		score := fmt.Sprint(s)
		if i == 0 {
			score = "１０"
		}
		run("add", "nps", "--score", score, "--customer", "ACME", "--date", fmt.Sprintf("2026-11-%02d", i+1), "--comment", "ok")
	}
	// An answer in October is not November's.
	run("add", "nps", "--score", "0", "--date", "2026-10-31")
	promoters, detractors := 0, 0
	for _, s := range scores {
		switch {
		case s >= 9:
			promoters++
		case s <= 6:
			detractors++
		}
	}
	wantNPS := 100 * float64(promoters-detractors) / float64(len(scores)) // (5 − 3) ÷ 10 = +20

	campaigns := [][2]int{{1000, 230}, {500, 120}}
	sent, opened := 0, 0
	for i, c := range campaigns {
		run("add", "campaign", "--name", fmt.Sprintf("n%d", i), "--sent", fmt.Sprint(c[0]), "--opened", fmt.Sprint(c[1]), "--date", "2026-11-10")
		sent, opened = sent+c[0], opened+c[1]
	}

	// Waits of 1, 2.5 and 4 hours: the median is 2.5. One still waits.
	waits := []time.Duration{time.Hour, 150 * time.Minute, 4 * time.Hour}
	for i, w := range waits {
		opened := time.Date(2026, 11, 5+i, 10, 0, 0, 0, time.Local)
		run("add", "inquiry", "--customer", "ACME", "--opened", opened.Format("2006-01-02 15:04"),
			"--answered", opened.Add(w).Format("2006-01-02T15:04"))
	}
	run("add", "inquiry", "--opened", "2026-11-20 09:00")
	sorted := append([]time.Duration(nil), waits...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	wantHours := sorted[len(sorted)/2].Hours()

	// ACME's last check says active, Beta's not: one customer of two.
	run("add", "usage", "--customer", "ACME", "--active", "no", "--date", "2026-11-02")
	run("add", "usage", "--customer", "ACME", "--active", "利用", "--date", "2026-11-20")
	run("add", "usage", "--customer", "Beta", "--active", "no", "--date", "2026-11-21")

	got := novemberFigures(t, db)
	checks := []struct {
		key  string
		want float64
	}{
		{figures.KeyNPS, wantNPS},
		{figures.KeyEmailOpenRate, float64(opened) / float64(sent)},
		{figures.KeyInquiryResponseTime, wantHours},
		{figures.KeyUsageRate, 1.0 / 2},
	}
	for _, c := range checks {
		if v := got[c.key]; !v.Valid || !closeTo(v.V, c.want) {
			t.Errorf("%s = %+v, want %v", c.key, v, c.want)
		}
	}
}

// TestAddSuccessRefusals: a bad value is one line naming the record and
// the flag, exit 2, and nothing is written.
func TestAddSuccessRefusals(t *testing.T) {
	db := successDB(t)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"add", "nps", "--score", "11"}, "NPS answer: --score: 11 is not an NPS score"},
		{[]string{"add", "nps", "--score", "-1"}, "--score: -1 is not an NPS score"},
		{[]string{"add", "nps", "--score", "nine"}, "--score: \"nine\" is not a whole number"},
		{[]string{"add", "nps"}, "--score: required"},
		{[]string{"add", "nps", "--score", "9", "--date", "2026-11-27"}, "--date: 2026-11-27 is in the future"},
		{[]string{"add", "nps", "--score", "9", "--comment", "a\x07b"}, "--comment:"},
		{[]string{"add", "nps", "--score", "11", "--lang", "ja"}, "NPS回答: --score: 11 はNPSの点数ではありません"},
		{[]string{"add", "inquiry", "--opened", "2026-11-20 10:00", "--answered", "2026-11-20 09:59"}, "inquiry: --answered:"},
		{[]string{"add", "inquiry", "--answered", "2026-11-20 09:59"}, "--opened: required"},
		{[]string{"add", "inquiry", "--opened", "soon"}, "--opened: \"soon\" is not a time"},
		{[]string{"add", "campaign", "--name", "x", "--sent", "10", "--opened", "11"}, "e-mail campaign: --opened: 11 opened is more than the 10 sent"},
		{[]string{"add", "campaign", "--name", "x", "--sent", "-5", "--opened", "0"}, "--sent:"},
		{[]string{"add", "campaign", "--sent", "10", "--opened", "1"}, "--name: required"},
		{[]string{"add", "usage", "--customer", "Nobody"}, "usage check: --customer: no customer named \"Nobody\" (known: ACME, Beta)"},
		{[]string{"add", "usage", "--customer", "ACME", "--active", "maybe"}, "--active: \"maybe\" is not yes or no"},
	}
	before := novemberFigures(t, db)
	for _, c := range cases {
		code, out, errOut := kpitRun(append(c.args, "--db", db)...)
		lines := strings.Split(strings.TrimSpace(errOut), "\n")
		if code != 2 || out != "" || len(lines) != 1 || !strings.Contains(errOut, c.want) {
			t.Errorf("kpit %s: exit %d, stdout %q, stderr %q; want exit 2 and one line with %q", strings.Join(c.args, " "), code, out, errOut, c.want)
		}
	}
	after := novemberFigures(t, db)
	for k, v := range before {
		if after[k] != v {
			t.Errorf("%s changed from %+v to %+v: a refusal wrote something", k, v, after[k])
		}
	}
}

// TestAddNPSIsJournaled: an answer entered by kpit add is undone like any
// record, and the figure goes with it.
func TestAddNPSIsJournaled(t *testing.T) {
	db := successDB(t)
	if code, _, errOut := kpitRun("add", "nps", "--score", "3", "--date", "2026-11-20", "--db", db); code != 0 {
		t.Fatal(errOut)
	}
	if v := novemberFigures(t, db)[figures.KeyNPS]; !v.Valid || v.V != -100 {
		t.Fatalf("NPS of one 3 = %+v, want -100", v)
	}
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	c, err := st.Undo(context.Background())
	st.Close()
	if err != nil || c.Kind != model.RecordNPS || c.Action != "insert" {
		t.Fatalf("undo = %+v, %v; want the NPS answer's insert", c, err)
	}
	if v := novemberFigures(t, db)[figures.KeyNPS]; v.Valid {
		t.Errorf("NPS after undo = %+v, want none", v)
	}
}
