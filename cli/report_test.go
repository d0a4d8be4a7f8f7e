package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

func kpitRun(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = Run(args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

// reportDB is a database of random records, with the records kept in Go
// (after the same deletions and updates) so the tests can count the
// figures themselves.
type reportDB struct {
	path  string
	reps  []model.Rep
	opps  []model.Opportunity
	acts  []model.Activity
	leads []model.Lead
}

func newReportDB(t *testing.T) *reportDB {
	t.Helper()
	path := filepath.Join(t.TempDir(), "r.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(3, 4))
	depts := model.Departments()
	var b store.Batch
	for i := 0; i < 6; i++ {
		b.Reps = append(b.Reps, model.Rep{Name: fmt.Sprintf("営業%d", i), Department: depts[i%4], Active: true})
	}
	day := func() time.Time { return model.D(2026, 1, 1).AddDate(0, 0, r.IntN(300)) }
	for i := 0; i < 300; i++ {
		o := model.Opportunity{RepName: b.Reps[r.IntN(6)].Name, Created: day(), Account: "株式会社X"}
		switch r.IntN(3) {
		case 0:
			o.Outcome = model.OutcomeOpen
		case 1:
			o.Outcome, o.Closed, o.AmountMinor, o.HasAmount = model.OutcomeWon, o.Created.AddDate(0, 0, r.IntN(60)), model.Minor(10_000*(50+r.IntN(500))), true
		default:
			o.Outcome, o.Closed = model.OutcomeLost, o.Created.AddDate(0, 0, r.IntN(60))
		}
		b.Opportunities = append(b.Opportunities, o)
	}
	for i := 0; i < 500; i++ {
		kinds := model.ActivityKinds()
		b.Activities = append(b.Activities, model.Activity{RepName: b.Reps[r.IntN(6)].Name, Date: day(), Kind: kinds[r.IntN(6)], Count: 1 + r.IntN(3)})
	}
	for i := 0; i < 200; i++ {
		l := model.Lead{Created: day(), Company: "リード"}
		if i%5 != 0 {
			l.RepName = b.Reps[r.IntN(6)].Name
		}
		b.Leads = append(b.Leads, l)
	}
	if err := st.BulkInsert(context.Background(), b); err != nil {
		t.Fatal(err)
	}
	reps, err := st.Reps(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	db := &reportDB{path: path, reps: reps, opps: b.Opportunities, acts: b.Activities, leads: b.Leads}
	db.changeBySQL(t)
	return db
}

// changeBySQL deletes and edits records with plain SQL, as another kpit
// would, and mirrors the changes in Go: tombstones, a deal won later with
// a new close date and amount, and a won deal that is reopened.
func (db *reportDB) changeBySQL(t *testing.T) {
	t.Helper()
	raw, err := sql.Open("sqlite", db.path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := raw.Exec(q, args...); err != nil {
			t.Fatal(err)
		}
	}
	const gone = "2026-11-01T00:00:00Z"
	// ids are 1-based positions: BulkInsert wrote a fresh database in order.
	for _, id := range []int{4, 9, 100, 250} {
		exec("UPDATE opportunities SET deleted_at = ? WHERE id = ?", gone, id)
		db.opps[id-1] = model.Opportunity{} // gone: zero dates count nowhere
	}
	for _, id := range []int{1, 2, 300, 499} {
		exec("UPDATE activities SET deleted_at = ? WHERE id = ?", gone, id)
		db.acts[id-1].Count = 0
	}
	for _, id := range []int{5, 150} {
		exec("UPDATE leads SET deleted_at = ? WHERE id = ?", gone, id)
		db.leads[id-1].Created = time.Time{}
	}
	moved := 0
	for i := range db.opps {
		o := &db.opps[i]
		switch {
		case o.Outcome == model.OutcomeOpen && moved < 10:
			o.Outcome, o.Closed, o.AmountMinor = model.OutcomeWon, o.Created.AddDate(0, 0, 33), 4_440_000
			exec("UPDATE opportunities SET outcome = 'won', closed = ?, amount_yen = ? WHERE id = ?", model.FormatDate(o.Closed), int64(o.AmountMinor), i+1)
		case o.Outcome == model.OutcomeWon && moved >= 10 && moved < 15:
			o.Outcome, o.Closed = model.OutcomeOpen, time.Time{}
			exec("UPDATE opportunities SET outcome = 'open', closed = NULL, amount_yen = NULL WHERE id = ?", i+1)
		default:
			continue
		}
		moved++
	}
}

// expect counts the figures of [from, to] (inclusive; zero = open) for the
// records that keep accepts (by rep name, "" for an unowned lead).
func (db *reportDB) expect(from, to time.Time, keep func(string) bool) map[string]float64 {
	in := func(d time.Time) bool {
		return !d.IsZero() && (from.IsZero() || !d.Before(from)) && (to.IsZero() || !d.After(to))
	}
	c := map[string]float64{}
	for _, k := range reportMetrics {
		if isWhole(k) {
			c[k] = 0
		}
	}
	for _, o := range db.opps {
		if !keep(o.RepName) {
			continue
		}
		if in(o.Created) {
			c["opportunities"]++
		}
		if in(o.Closed) && o.Outcome == model.OutcomeWon {
			c["orders_won"]++
			c["revenue"] += float64(o.AmountMinor)
		}
		if in(o.Closed) && o.Outcome == model.OutcomeLost {
			c["orders_lost"]++
		}
	}
	for _, a := range db.acts {
		if keep(a.RepName) && in(a.Date) {
			c[string(a.Kind)+"s"] += float64(a.Count) // visit -> visits, call -> calls …
		}
	}
	for _, l := range db.leads {
		if keep(l.RepName) && in(l.Created) {
			c["leads"]++
		}
	}
	return c
}

// checkMetrics compares a report's metrics object with the counts, and the
// rates with ratios of the counts (null when the denominator is zero).
func checkMetrics(t *testing.T, what string, got map[string]*float64, want map[string]float64) {
	t.Helper()
	for k, v := range want {
		if got[k] == nil || *got[k] != v {
			t.Errorf("%s: %s = %v, want %v", what, k, show(got[k]), v)
		}
	}
	ratio := func(num, den float64) *float64 {
		if den == 0 {
			return nil
		}
		x := num / den
		return &x
	}
	for k, r := range map[string]*float64{
		"win_rate":                 ratio(want["orders_won"], want["orders_won"]+want["orders_lost"]),
		"avg_deal_size":            ratio(want["revenue"], want["orders_won"]),
		"lead_to_opportunity_rate": ratio(want["opportunities"], want["leads"]),
		"lead_capture_rate":        ratio(want["leads"], want["visits"]),
	} {
		if (r == nil) != (got[k] == nil) || (r != nil && math.Abs(*r-*got[k]) > 1e-12) {
			t.Errorf("%s: %s = %v, want %v", what, k, show(got[k]), show(r))
		}
	}
}

func show(p *float64) string {
	if p == nil {
		return "null"
	}
	return strconv.FormatFloat(*p, 'f', -1, 64)
}

type reportOut struct {
	From    *string             `json:"from"`
	To      *string             `json:"to"`
	Period  string              `json:"period"`
	Metrics map[string]*float64 `json:"metrics"`
	Rows    []struct {
		Rep        *string             `json:"rep"`
		Department *string             `json:"department"`
		Month      string              `json:"month"`
		Metrics    map[string]*float64 `json:"metrics"`
	} `json:"rows"`
}

func reportJSON(t *testing.T, args ...string) reportOut {
	t.Helper()
	code, out, errOut := kpitRun(append([]string{"report", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("report %v: exit %d: %s", args, code, errOut)
	}
	var r reportOut
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("report %v: %v\n%s", args, err, out)
	}
	return r
}

func everyone(string) bool { return true }

func TestReportJSONMatchesIndependentCounts(t *testing.T) {
	db := newReportDB(t)
	// A range inside the data, everything, and the range of a month.
	r := reportJSON(t, "--db", db.path, "--from", "2026-03-15", "--to", "2026-06-30")
	if r.From == nil || *r.From != "2026-03-15" || r.To == nil || *r.To != "2026-06-30" {
		t.Fatalf("from/to = %v/%v", r.From, r.To)
	}
	checkMetrics(t, "range", r.Metrics, db.expect(model.D(2026, 3, 15), model.D(2026, 6, 30), everyone))

	r = reportJSON(t, "--db", db.path)
	if r.From != nil || r.To != nil {
		t.Fatalf("no range: from/to = %v/%v, want null", r.From, r.To)
	}
	checkMetrics(t, "all", r.Metrics, db.expect(time.Time{}, time.Time{}, everyone))

	// A single day: both ends inclusive.
	r = reportJSON(t, "--db", db.path, "--from", "2026-05-07", "--to", "2026-05-07")
	checkMetrics(t, "one day", r.Metrics, db.expect(model.D(2026, 5, 7), model.D(2026, 5, 7), everyone))

	// A range with nothing closed: win rate and deal size are null.
	r = reportJSON(t, "--db", db.path, "--from", "2030-01-01", "--to", "2030-01-31")
	if r.Metrics["win_rate"] != nil || r.Metrics["avg_deal_size"] != nil || *r.Metrics["opportunities"] != 0 {
		t.Fatalf("empty range: %v", r.Metrics)
	}

	// --period FY2026 is April 2026 to March 2027 (April start by default).
	r = reportJSON(t, "--db", db.path, "--period", "FY2026")
	if r.Period != "FY2026" || *r.From != "2026-04-01" || *r.To != "2027-03-31" {
		t.Fatalf("FY2026 = %s %s..%s", r.Period, *r.From, *r.To)
	}
	checkMetrics(t, "FY2026", r.Metrics, db.expect(model.D(2026, 4, 1), model.D(2027, 3, 31), everyone))
	r = reportJSON(t, "--db", db.path, "--period", "2026-q3")
	if r.Period != "2026-Q3" || *r.From != "2026-07-01" || *r.To != "2026-09-30" {
		t.Fatalf("2026-Q3 = %s %s..%s", r.Period, *r.From, *r.To)
	}
	checkMetrics(t, "2026-Q3", r.Metrics, db.expect(model.D(2026, 7, 1), model.D(2026, 9, 30), everyone))
	r = reportJSON(t, "--db", db.path, "--period", "2026-W20")
	checkMetrics(t, "2026-W20", r.Metrics, db.expect(model.D(2026, 5, 11), model.D(2026, 5, 17), everyone))
}

func TestReportBreakdowns(t *testing.T) {
	db := newReportDB(t)
	from, to := model.D(2026, 2, 10), model.D(2026, 8, 20)
	args := []string{"--db", db.path, "--from", "2026-02-10", "--to", "2026-08-20"}

	r := reportJSON(t, append(args, "--by", "rep")...)
	if len(r.Rows) != len(db.reps)+1 {
		t.Fatalf("%d rep rows, want %d reps and the unowned leads", len(r.Rows), len(db.reps))
	}
	for _, row := range r.Rows {
		name := ""
		if row.Rep != nil {
			name = *row.Rep
		}
		checkMetrics(t, "rep "+name, row.Metrics, db.expect(from, to, func(n string) bool { return n == name }))
	}

	r = reportJSON(t, append(args, "--by", "department")...)
	for _, row := range r.Rows {
		dept := ""
		if row.Department != nil {
			dept = *row.Department
		}
		checkMetrics(t, "department "+dept, row.Metrics, db.expect(from, to, func(n string) bool {
			for _, rp := range db.reps {
				if rp.Name == n {
					return string(rp.Department) == dept
				}
			}
			return n == "" && dept == ""
		}))
	}

	r = reportJSON(t, append(args, "--by", "month")...)
	months := []string{"2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08"}
	if len(r.Rows) != len(months) {
		t.Fatalf("%d month rows, want %d", len(r.Rows), len(months))
	}
	for i, row := range r.Rows {
		if row.Month != months[i] {
			t.Fatalf("row %d is %s, want %s", i, row.Month, months[i])
		}
		m, _ := time.Parse("2006-01", row.Month)
		lo, hi := m, m.AddDate(0, 1, -1)
		if lo.Before(from) {
			lo = from
		}
		if hi.After(to) {
			hi = to
		}
		checkMetrics(t, "month "+row.Month, row.Metrics, db.expect(lo, hi, everyone))
	}
	checkMetrics(t, "total with breakdown", r.Metrics, db.expect(from, to, everyone))
}

func TestReportCSV(t *testing.T) {
	db := newReportDB(t)
	code, out, errOut := kpitRun("report", "--db", db.path, "--from", "2026-01-01", "--to", "2026-12-31", "--format", "csv")
	if code != 0 {
		t.Fatal(errOut)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(recs) != 2 {
		t.Fatalf("csv: %v, %d records\n%s", err, len(recs), out)
	}
	got := map[string]*float64{}
	for i, h := range recs[0] {
		if v, err := strconv.ParseFloat(recs[1][i], 64); err == nil && h != "from" && h != "to" {
			got[h] = &v
		}
	}
	if recs[1][0] != "2026-01-01" || recs[1][1] != "2026-12-31" {
		t.Fatalf("csv range = %v", recs[1][:2])
	}
	checkMetrics(t, "csv", got, db.expect(model.D(2026, 1, 1), model.D(2026, 12, 31), everyone))

	code, out, _ = kpitRun("report", "--db", db.path, "--from", "2026-03-01", "--to", "2026-04-30", "--format", "csv", "--by", "month")
	recs, _ = csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != 0 || len(recs) != 3 || recs[1][0] != "2026-03" || recs[1][1] != "2026-03-01" || recs[2][2] != "2026-04-30" {
		t.Fatalf("csv by month = %v", recs)
	}
}

func TestReportMarkdown(t *testing.T) {
	db := newReportDB(t)
	code, out, errOut := kpitRun("report", "--db", db.path, "--period", "2026-05", "--format", "md", "--lang", "en", "--by", "department")
	if code != 0 {
		t.Fatal(errOut)
	}
	want := db.expect(model.D(2026, 5, 1), model.D(2026, 5, 31), everyone)
	for _, s := range []string{
		"# KPI report 2026-05\n", "Period: 2026-05-01 - 2026-05-31",
		fmt.Sprintf("| Opportunities | %s |", strconv.Itoa(int(want["opportunities"]))),
		"## By department", "| Field Sales |",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("markdown lacks %q:\n%s", s, out)
		}
	}
	if strings.Contains(out, "KGI") {
		t.Errorf("a verdict without a KGI:\n%s", out)
	}
}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestReportBadInput(t *testing.T) {
	db := newReportDB(t)
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.db")
	os.WriteFile(text, []byte(strings.Repeat("not a database\n", 100)), 0o644)
	missing := filepath.Join(dir, "missing.db")
	before, textBefore := fileSum(t, db.path), fileSum(t, text)

	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--db", db.path, "--from", "2026-02-30", "--to", "2026-03-01"}, `--from: "2026-02-30" is not a date`},
		{[]string{"--db", db.path, "--from", "2026-01-01", "--to", "2026-13-01"}, `--to: "2026-13-01" is not a date`},
		{[]string{"--db", db.path, "--from", "2026-05-01", "--to", "2026-04-30"}, "--from 2026-05-01 is after --to 2026-04-30"},
		{[]string{"--db", db.path, "--format", "xml"}, `--format "xml"`},
		{[]string{"--db", db.path, "--format", "json", "--by", "team"}, `--by "team"`},
		{[]string{"--db", db.path, "--period", "2026-11", "--from", "2026-11-01"}, "--period cannot be combined with --from or --to"},
		{[]string{"--db", db.path, "--period", "2026-Q5"}, `--period: period "2026-Q5"`},
		{[]string{"--db", db.path, "--nope"}, "-nope"},
		{[]string{"--db", db.path, "extra"}, `unexpected argument "extra"`},
		{[]string{"--db", text}, text + ": not a kpit database"},
		{[]string{"--db", missing}, missing + " does not exist"},
	} {
		code, out, errOut := kpitRun(append([]string{"report"}, c.args...)...)
		if code != exitUsage || out != "" || !strings.Contains(errOut, c.want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("report %v: exit %d, stdout %q, stderr %q; want exit 2 and one line with %q", c.args, code, out, errOut, c.want)
		}
	}
	if fileSum(t, db.path) != before || fileSum(t, text) != textBefore {
		t.Fatal("a refused report changed a file")
	}
	for _, p := range []string{missing, text + "-wal", text + "-shm"} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("a refused report created %s", p)
		}
	}
	// The tree command opens files the same way.
	for _, args := range [][]string{{"--db", missing}, {"--db", text}, {"--db", db.path, "--format", "svg"}, {"--db", db.path, "--from", "2026-04-31"}} {
		if code, _, errOut := kpitRun(append([]string{"tree"}, args...)...); code != exitUsage || strings.Count(errOut, "\n") != 1 {
			t.Errorf("tree %v: exit %d, %q", args, code, errOut)
		}
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("tree created the missing database")
	}
}

// TestReportMarkdownKPIsByTheStatusRule: April judged on 15 April is in
// progress, so each KPI is judged by its pace. Worked out by hand from
// treeDB: 10 opportunities in 15 of 30 days run out to 20 against 20 a
// month (on track, though only 50% achieved so far); revenue ¥6,000,000
// runs out to ¥12,000,000 against ¥365,000,000 / 12 (off track).
func TestReportMarkdownKPIsByTheStatusRule(t *testing.T) {
	path := treeDB(t)
	code, out, errOut := kpitRun("report", "--db", path, "--period", "2026-04", "--today", "2026-04-15", "--format", "md", "--lang", "en")
	if code != 0 {
		t.Fatal(errOut)
	}
	money := catalog.Money{Lang: catalog.LangEN, Currency: model.JPY}
	for _, row := range []string{
		"| Opportunities | 10 | 20 | 50.0% | 20 | — | On track |",
		"| Revenue | " + money.Short(model.Some(6_000_000)) + " | " + money.Short(model.Some(365_000_000.0/12)) + " | " +
			catalog.FormatPercent(model.Some(6_000_000/(365_000_000.0/12))) + " | " + money.Short(model.Some(12_000_000)) + " | — | Off track |",
	} {
		if !strings.Contains(out, row) {
			t.Errorf("the KPI table lacks %q:\n%s", row, out)
		}
	}
	// Judged after April, the same month reads what it achieved.
	_, out, _ = kpitRun("report", "--db", path, "--period", "2026-04", "--today", "2026-06-01", "--format", "md", "--lang", "en")
	if !strings.Contains(out, "| Opportunities | 10 | 20 | 50.0% | 10 | — | Off track |") {
		t.Errorf("April judged in June:\n%s", out)
	}
}
