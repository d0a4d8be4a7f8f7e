package cli

import (
	"context"
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

	"github.com/kpit-dev/kpit/kpitree"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// usdDeals is a US CRM export of won deals with cents written the ways such
// exports write them, and the sum of their cents counted here from the
// digits, not through kpit's parser.
func usdDeals(t *testing.T, n int) (csvText string, cents map[string]int64, total int64) {
	t.Helper()
	r := rand.New(rand.NewPCG(8, 7))
	var b strings.Builder
	b.WriteString("Deal ID,Sales Rep,Account,Deal Stage,Created Date,Close Date,Close Value\n")
	cents = map[string]int64{}
	for i := range n {
		dollars, c := r.Int64N(250_000), r.Int64N(100)
		id := fmt.Sprintf("US-%03d", i)
		var amount string
		switch i % 5 {
		case 0:
			amount = fmt.Sprintf("%d.%02d", dollars, c) // 1234.56
		case 1:
			amount = "\"$" + groupThousands(dollars) + fmt.Sprintf(".%02d\"", c) // "$1,234.56"
		case 2:
			c -= c % 10
			amount = fmt.Sprintf("%d.%d", dollars, c/10) // 1234.5
		case 3:
			c = 0
			amount = strconv.FormatInt(dollars, 10) // whole dollars
		default:
			amount = fmt.Sprintf("\"USD %s.%02d\"", groupThousands(dollars), c) // "USD 1,234.56"
		}
		cents[id] = dollars*100 + c
		total += dollars*100 + c
		fmt.Fprintf(&b, "%s,Rep %d,Account %d,Won,2025-12-01,2026-%02d-%02d,%s\n", id, i%7, i, 1+i%12, 1+i%28, amount)
	}
	return b.String(), cents, total
}

// groupThousands writes 1234567 as 1,234,567.
func groupThousands(v int64) string {
	s := strconv.FormatInt(v, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

const usdMap = "id=Deal ID,owner=Sales Rep,account=Account,stage=Deal Stage,created=Created Date,closed=Close Date,amount=Close Value"

// TestCurrencyUSDRoundTrip: a 500-row US export with cents imports whole
// into a USD file, every amount stored exactly in cents, and the export
// writes the dollars back with two decimals that import again to the same
// cents. The same file is refused whole by a JPY file.
func TestCurrencyUSDRoundTrip(t *testing.T) {
	dir := t.TempDir()
	text, cents, total := usdDeals(t, 500)
	file := writeTemp(t, "us_deals.csv", []byte(text))

	// In yen the first row with cents is refused, naming the column and
	// value, and nothing is written.
	jpy := filepath.Join(dir, "jpy.db")
	code, _, errOut := runKpit(t, "import", "opportunities", file, "--db", jpy, "--map", usdMap)
	first := fmt.Sprintf(`us_deals.csv:2: column Close Value: "%d.%02d" has a fraction of a yen`, cents["US-000"]/100, cents["US-000"]%100)
	if code == 0 || !strings.Contains(errOut, first) || strings.Count(errOut, "\n") != 1 {
		t.Fatalf("JPY import of cents: %d %q", code, errOut)
	}
	if n := query(t, jpy, `SELECT count(*) FROM opportunities`); n != 0 {
		t.Fatalf("JPY import left %d rows", n)
	}

	usd := filepath.Join(dir, "usd.db")
	if code, out, errOut := runKpit(t, "rules", "--db", usd, "--currency", "usd", "--lang", "en"); code != 0 || !strings.Contains(out, "Currency          USD ($, 2 decimals)\n") {
		t.Fatalf("rules --currency usd: %d %q %q", code, out, errOut)
	}
	code, out, errOut := runKpit(t, "import", "opportunities", file, "--db", usd, "--map", usdMap)
	if code != 0 || !strings.HasPrefix(out, "inserted 500, updated 0, unchanged 0, skipped 0;") {
		t.Fatalf("USD import: %d %q %q", code, out, errOut)
	}
	if got := query(t, usd, `SELECT sum(amount_yen) FROM opportunities WHERE outcome = 'won'`); got != total {
		t.Errorf("stored cents %d, want %d", got, total)
	}
	if got := query(t, usd, `SELECT sum(value) FROM rollup_daily WHERE metric = 'revenue'`); got != total {
		t.Errorf("revenue roll-up %d cents, want %d", got, total)
	}
	for _, id := range []string{"US-000", "US-001", "US-002", "US-003", "US-004", "US-499"} {
		if got := query(t, usd, `SELECT amount_yen FROM opportunities WHERE external_id = ?`, id); got != cents[id] {
			t.Errorf("%s: stored %d cents, want %d", id, got, cents[id])
		}
	}

	// The report gives the same money in dollars: JSON numbers with the
	// currency named, CSV with two decimals, the meeting table to the cent.
	code, out, errOut = runKpit(t, "report", "--db", usd, "--from", "2026-01-01", "--to", "2026-12-31", "--today", "2027-01-15")
	var rep struct {
		Currency string             `json:"currency"`
		Metrics  map[string]float64 `json:"metrics"`
	}
	if err := json.Unmarshal([]byte(out), &rep); code != 0 || err != nil {
		t.Fatalf("report: %d %v %q", code, err, errOut)
	}
	dollars := fmt.Sprintf("%d.%02d", total/100, total%100)
	if rep.Currency != "USD" || strconv.FormatFloat(rep.Metrics["revenue"], 'f', 2, 64) != dollars || rep.Metrics["orders_won"] != 500 {
		t.Errorf("report JSON: %s revenue %v, %v won; want USD %s, 500", rep.Currency, rep.Metrics["revenue"], rep.Metrics["orders_won"], dollars)
	}
	if avg := rep.Metrics["avg_deal_size"]; math.Abs(avg-float64(total)/100/500) > 1e-6 {
		t.Errorf("average deal size %v, want %v", avg, float64(total)/100/500)
	}
	_, out, _ = runKpit(t, "report", "--db", usd, "--from", "2026-01-01", "--to", "2026-12-31", "--today", "2027-01-15", "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 2 || rows[0][6] != "revenue" || rows[1][6] != dollars {
		t.Errorf("report CSV: %v %v; want revenue %s", rows, err, dollars)
	}
	_, out, _ = runKpit(t, "report", "--db", usd, "--from", "2026-01-01", "--to", "2026-12-31", "--today", "2027-01-15", "--format", "md", "--lang", "en")
	if want := fmt.Sprintf("| Revenue | $%s.%02d |", groupThousands(total/100), total%100); !strings.Contains(out, want) {
		t.Errorf("report md lacks %q:\n%s", want, out)
	}

	// The export writes dollars with two decimals, each the CSV's cents.
	exported := filepath.Join(dir, "export.csv")
	if code, _, errOut := runKpit(t, "export", "opportunities", "--db", usd, "--out", exported, "--no-bom"); code != 0 {
		t.Fatalf("export: %d %q", code, errOut)
	}
	f, err := os.Open(exported)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil || len(recs) != 501 || recs[0][8] != "amount" {
		t.Fatalf("export: %d rows, header %v, %v", len(recs), recs[0], err)
	}
	for _, rec := range recs[1:] {
		c := cents[rec[0]]
		if want := fmt.Sprintf("%d.%02d", c/100, c%100); rec[8] != want {
			t.Errorf("%s: exported %q, want %q", rec[0], rec[8], want)
		}
	}
	// JSON: dollars as numbers, and the currency named.
	_, js, _ := runKpit(t, "export", "opportunities", "--db", usd, "--format", "json")
	var objs []map[string]any
	if err := json.Unmarshal([]byte(js), &objs); err != nil || len(objs) != 500 {
		t.Fatalf("json export: %v, %d objects", err, len(objs))
	}
	for _, o := range objs[:5] {
		c := cents[o["id"].(string)]
		if o["currency"] != "USD" || o["amount"] != float64(c)/100 {
			t.Errorf("json %v: want amount %v and currency USD", o, float64(c)/100)
		}
	}

	// The export imports into another USD file to the same cents, and
	// exports again to the same bytes.
	again := filepath.Join(dir, "again.db")
	runKpit(t, "rules", "--db", again, "--currency", "USD")
	if code, _, errOut := runKpit(t, "import", "opportunities", exported, "--db", again); code != 0 {
		t.Fatalf("re-import: %d %q", code, errOut)
	}
	if got := query(t, again, `SELECT sum(amount_yen) FROM opportunities`); got != total {
		t.Errorf("re-imported cents %d, want %d", got, total)
	}
	second := filepath.Join(dir, "second.csv")
	runKpit(t, "export", "opportunities", "--db", again, "--out", second, "--no-bom")
	a, _ := os.ReadFile(exported)
	b, _ := os.ReadFile(second)
	if string(a) != string(b) {
		t.Error("the second export differs from the first")
	}

	// The file holds dollars now: another currency is refused, one line
	// naming the flag, and the currency stays.
	code, _, errOut = runKpit(t, "rules", "--db", usd, "--currency", "EUR")
	if code != exitUsage || !strings.HasPrefix(errOut, "kpit rules: --currency: this file already holds opportunity amounts in USD;") || strings.Count(errOut, "\n") != 1 {
		t.Errorf("EUR on a USD file with amounts: %d %q", code, errOut)
	}
	if _, out, _ := runKpit(t, "rules", "--db", usd, "--lang", "en"); !strings.Contains(out, "Currency          USD") {
		t.Errorf("after the refusal: %q", out)
	}
}

// Bad input is one line naming the flag and value, with a non-zero exit
// and nothing written.
func TestCurrencyRefusals(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "k.db")
	code, _, errOut := runKpit(t, "rules", "--db", db, "--currency", "XYZ")
	if code != exitUsage || errOut != "kpit rules: --currency: unknown currency \"XYZ\" (known: JPY, USD, EUR, GBP, AUD, CAD, SGD, KRW)\n" {
		t.Errorf("unknown code: %d %q", code, errOut)
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("an unknown currency created the database")
	}
	runKpit(t, "rules", "--db", db, "--currency", "USD")
	code, _, errOut = runKpit(t, "add", "opportunity", "--db", db, "--create-rep", "--id", "D-bad", "--rep", "Smith",
		"--account", "Acme", "--amount", "12.345")
	if code != exitUsage || errOut != "kpit add opportunity: --amount: \"12.345\" has more than 2 decimals for USD (write 1234.56 or $1,234.56: USD has 2 decimals)\n" {
		t.Errorf("12.345 for USD: %d %q", code, errOut)
	}
	code, out, errOut := runKpit(t, "add", "opportunity", "--db", db, "--create-rep", "--id", "D-ok", "--rep", "Smith", "--account", "Acme", "--amount", "$1,234.56")
	if code != 0 || out != "added opportunity D-ok: Acme, Smith, open, 1234.56 USD\n" {
		t.Fatalf("$1,234.56 for USD: %d %q %q", code, out, errOut)
	}
	if got := query(t, db, `SELECT sum(amount_yen) FROM opportunities`); got != 123456 {
		t.Errorf("stored %d, want 123456 cents (the refused deal left out)", got)
	}
}

// TestCurrencyTree: kpit tree on a USD file gives money in dollars, JSON
// with the currency named and text with the dollar sign, in both languages.
// Three wins of $1,000.01, $2,000.02 and $3,000.03 in April against a KGI
// of $365,000 a year: $6,000.06 against a twelfth of it.
func TestCurrencyTree(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "usd.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	usd, _ := model.CurrencyFor("USD")
	if err := st.UpdateRules(ctx, store.RuleUpdate{Currency: &usd}); err != nil {
		t.Fatal(err)
	}
	b := store.Batch{Reps: []model.Rep{{Name: "Smith", Department: model.DeptFieldSales}}}
	for i := range 3 {
		b.Opportunities = append(b.Opportunities, model.Opportunity{RepName: "Smith", Created: model.D(2026, 4, 1),
			Outcome: model.OutcomeWon, Closed: model.D(2026, 4, 10+i), AmountMinor: model.Minor(100_001 * (i + 1)), HasAmount: true})
	}
	if err := st.BulkInsert(ctx, b); err != nil {
		t.Fatal(err)
	}
	if err := st.ReplaceTree(ctx, kpitree.Template(model.StyleNewBusiness)); err != nil {
		t.Fatal(err)
	}
	if err := st.SetKGI(ctx, model.KGI{Metric: model.MetricRevenue, Value: 365_000, Per: model.FiscalYear}); err != nil {
		t.Fatal(err)
	}
	if err := st.UpsertKPI(ctx, model.KPI{Key: model.MetricAvgDealSize, Unit: model.UnitMoney, Target: 2_500, HasTarget: true}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if _, out, errOut := runKpit(t, "kpi", "list", "--db", path, "--lang", "en"); !strings.Contains(out, "$2,500") {
		t.Errorf("kpi list lacks the $2,500 deal-size target: %q %q", out, errOut)
	}

	args := []string{"tree", "--db", path, "--from", "2026-04-01", "--to", "2026-04-30", "--today", "2026-06-01"}
	code, out, errOut := runKpit(t, append(args, "--format", "json")...)
	var tree struct {
		Currency string `json:"currency"`
		Nodes    []struct {
			Key    string   `json:"key"`
			Actual *float64 `json:"actual"`
		} `json:"nodes"`
	}
	if err := json.Unmarshal([]byte(out), &tree); code != 0 || err != nil {
		t.Fatalf("tree: %d %v %q", code, err, errOut)
	}
	actual := map[string]float64{}
	for _, n := range tree.Nodes {
		if n.Actual != nil {
			actual[n.Key] = *n.Actual
		}
	}
	if tree.Currency != "USD" || math.Abs(actual["revenue"]-6000.06) > 1e-9 || math.Abs(actual["avg_deal_size"]-2000.02) > 1e-9 {
		t.Errorf("tree JSON: %s revenue %v, deal size %v; want USD 6000.06 and 2000.02", tree.Currency, actual["revenue"], actual["avg_deal_size"])
	}
	for _, lang := range []string{"en", "ja"} {
		_, out, _ := runKpit(t, append(args, "--lang", lang)...)
		// $365,000 / 12 = $30,416.67, shown short.
		if !strings.Contains(out, "$6,000.06") || !strings.Contains(out, "$30.4K") || strings.Contains(out, "¥") {
			t.Errorf("tree text (%s) lacks $6,000.06 and $30.4K or shows ¥:\n%s", lang, out)
		}
	}
}
