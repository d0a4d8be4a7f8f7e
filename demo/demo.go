// Package demo seeds a database with a realistic, made-up Japanese IT/SaaS
// company: twenty reps across the four departments, twelve months of
// leads, opportunities and activities, customers, a KGI for the current
// fiscal year, the new-business KPI tree, its KPIs, KFSs and reviews.
//
// Everything is derived from the seed and today's date only, so the same
// inputs give byte-identical figures (the cockpit's golden tests rely on it).
//
// The story: the company is behind its ¥1,000,000,000 revenue KGI. Its win
// rate is close to target, deal sizes a little short, and it creates too
// few opportunities: lead→opportunity conversion and leads trail, so the
// gap attribution points at the top of the funnel. One field-sales rep
// habitually records activities days late.
package demo

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// DefaultSeed is the seed `kpit demo` and `kpit --demo` use unless told.
const DefaultSeed = 1

// ErrHasRecords is returned when asked to seed a database that already
// holds records: demo data never mixes with real data.
var ErrHasRecords = errors.New("already has records; demo data only goes into an empty database")

// jst is the demo company's time zone: entries are made in office hours.
var jst = time.FixedZone("JST", 9*60*60)

// Targets of the demo's KPIs (per month unless said). They imply the KGI:
// 140 × 12 × 30% × ¥2,000,000 = ¥1,008,000,000 a year.
const (
	kgiYen             = 1_000_000_000
	targetOpps         = 140
	targetWinRate      = 0.30
	targetAvgDeal      = 2_000_000
	targetLeadToOpp    = 0.40
	targetLeads        = 350
	targetVisits       = 700
	targetLeadCapture  = 0.50
	targetOrdersWon    = 42
	historyMonths      = 12
	workdaysPerMonth   = 21
	actualVisitsPerDay = 3.5 // per field-sales rep on a workday
)

// Seed fills the empty database st with the demo company as of today (a
// calendar day; its time of day is ignored). It refuses a database that
// already has records or reps.
func Seed(ctx context.Context, st *store.Store, seed int64, today time.Time) error {
	counts, err := st.RecordCounts(ctx)
	if err != nil {
		return err
	}
	if counts.Total() > 0 || counts.Reps > 0 {
		return fmt.Errorf("database %s %w", st.Path(), ErrHasRecords)
	}
	today = model.Date(today)
	g := newGenerator(seed, today)
	batch := g.records()
	if err := st.BulkInsert(ctx, batch); err != nil {
		return fmt.Errorf("seed demo data: %w", err)
	}
	if err := g.goals(ctx, st); err != nil {
		return fmt.Errorf("seed demo goals: %w", err)
	}
	return nil
}

// TempDatabase creates a fresh demo database in a new temporary directory
// and returns its path and a function that removes the directory. It never
// touches any other file (this is what `kpit --demo` runs on).
func TempDatabase(ctx context.Context, seed int64, today time.Time) (path string, cleanup func(), err error) {
	dir, err := os.MkdirTemp("", "kpit-demo-")
	if err != nil {
		return "", nil, fmt.Errorf("create a temporary directory for the demo: %w", err)
	}
	cleanup = func() { os.RemoveAll(dir) }
	path = filepath.Join(dir, "kpit-demo.db")
	st, err := store.Open(path)
	if err != nil {
		cleanup()
		return "", nil, err
	}
	err = Seed(ctx, st, seed, today)
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		cleanup()
		return "", nil, err
	}
	return path, cleanup, nil
}

type generator struct {
	r     *rand.Rand
	today time.Time
	start time.Time // first day of the history
	fy    model.Period
	reps  []repSpec
	// won deals, in the order generated, become customers.
	won []model.Opportunity
}

func newGenerator(seed int64, today time.Time) *generator {
	start := model.D(today.Year(), today.Month(), 1).AddDate(0, -(historyMonths - 1), 0)
	return &generator{
		r:     rand.New(rand.NewPCG(uint64(seed), 0x6b706974)), // "kpit"
		today: today,
		start: start,
		fy:    model.PeriodOf(model.FiscalYear, today, model.DefaultFiscalStart),
		reps:  repSpecs,
	}
}

// chance is true with probability p.
func (g *generator) chance(p float64) bool { return g.r.Float64() < p }

// vary returns mean spread evenly over ±40%, rounded to a whole number.
func (g *generator) vary(mean float64) int {
	return int(math.Round(mean * float64(60+g.r.IntN(81)) / 100))
}

func (g *generator) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }

// growth is a gentle ramp over the history (the team is improving), about
// 1 on average.
func (g *generator) growth(d time.Time) float64 {
	months := (d.Year()-g.start.Year())*12 + int(d.Month()) - int(g.start.Month())
	return 0.94 + 0.01*float64(months)
}

// enteredAt is when a record about day d was typed in: office hours the
// same day, or, with probability late, two to six days after (never after
// today).
func (g *generator) enteredAt(d time.Time, late float64) time.Time {
	day := d
	if g.chance(late) {
		day = d.AddDate(0, 0, 2+g.r.IntN(5))
		if day.After(g.today) {
			day = g.today
		}
	}
	y, m, dd := day.Date()
	local := time.Date(y, m, dd, 9+g.r.IntN(10), g.r.IntN(60), g.r.IntN(60), 0, jst)
	return local.UTC()
}

func (g *generator) account() string {
	head, tail := g.pick(accountHeads), g.pick(accountTails)
	if g.r.IntN(3) == 0 {
		return head + tail + "株式会社"
	}
	return "株式会社" + head + tail
}

func isWorkday(d time.Time) bool { return d.Weekday() != time.Saturday && d.Weekday() != time.Sunday }

// weightedRep picks a rep with a chance in proportion to their skill.
func (g *generator) weightedRep(reps []repSpec) repSpec {
	total := 0
	for _, r := range reps {
		total += int(r.skill * 100)
	}
	x := g.r.IntN(total)
	for _, r := range reps {
		x -= int(r.skill * 100)
		if x < 0 {
			return r
		}
	}
	return reps[len(reps)-1]
}

func (g *generator) repsIn(dept model.Department) []repSpec {
	var out []repSpec
	for _, r := range g.reps {
		if r.dept == dept {
			out = append(out, r)
		}
	}
	return out
}

// records generates the people and the twelve months of records.
func (g *generator) records() store.Batch {
	var b store.Batch
	for _, r := range g.reps {
		b.Reps = append(b.Reps, model.Rep{Name: r.name, Department: r.dept, Active: true})
	}
	for d := g.start; !d.After(g.today); d = d.AddDate(0, 0, 1) {
		if !isWorkday(d) {
			continue
		}
		b.Activities = append(b.Activities, g.activities(d)...)
		b.Leads = append(b.Leads, g.leads(d)...)
		b.Opportunities = append(b.Opportunities, g.opportunities(d)...)
	}
	b.Customers = g.customers()
	b.Reviews = g.reviews()
	return b
}

// activity appends one activity row when the day's count is positive.
func (g *generator) activity(out []model.Activity, r repSpec, d time.Time, kind model.ActivityKind, mean float64) []model.Activity {
	n := g.vary(mean * r.skill * g.growth(d))
	if n <= 0 {
		return out
	}
	a := model.Activity{Date: d, RepName: r.name, Kind: kind, Count: n, EnteredAt: g.enteredAt(d, r.lateEntry)}
	if kind == model.KindVisit || kind == model.KindProposal {
		a.Account = g.account()
	}
	return append(out, a)
}

func (g *generator) activities(d time.Time) []model.Activity {
	var out []model.Activity
	for _, r := range g.reps {
		switch r.dept {
		case model.DeptMarketing:
			out = g.activity(out, r, d, model.KindEmail, 12)
			out = g.activity(out, r, d, model.KindCall, 2)
		case model.DeptInsideSales:
			out = g.activity(out, r, d, model.KindCall, 24)
			out = g.activity(out, r, d, model.KindEmail, 28)
			out = g.activity(out, r, d, model.KindAppointment, 1.6)
			out = g.activity(out, r, d, model.KindMeeting, 1.2)
		case model.DeptFieldSales:
			out = g.activity(out, r, d, model.KindVisit, actualVisitsPerDay)
			out = g.activity(out, r, d, model.KindProposal, 0.6)
			out = g.activity(out, r, d, model.KindCall, 5)
			out = g.activity(out, r, d, model.KindEmail, 8)
		case model.DeptCustomerSuccess:
			out = g.activity(out, r, d, model.KindVisit, 0.7)
			out = g.activity(out, r, d, model.KindCall, 7)
			out = g.activity(out, r, d, model.KindEmail, 15)
			out = g.activity(out, r, d, model.KindMeeting, 0.8)
		}
	}
	return out
}

// leads: about 300 a month (target 350), most handed to inside sales, some
// captured by field sales on visits, a few never assigned.
func (g *generator) leads(d time.Time) []model.Lead {
	is, fs := g.repsIn(model.DeptInsideSales), g.repsIn(model.DeptFieldSales)
	n := g.vary(300.0 / workdaysPerMonth * g.growth(d))
	out := make([]model.Lead, 0, n)
	for i := 0; i < n; i++ {
		l := model.Lead{Company: g.account(), Contact: g.pick(contactNames) + "様", Source: g.pick(leadSources), Created: d}
		late := 0.05
		switch x := g.r.IntN(20); {
		case x < 13:
			r := is[g.r.IntN(len(is))]
			l.RepName, late = r.name, r.lateEntry
		case x < 18:
			r := fs[g.r.IntN(len(fs))]
			l.RepName, late, l.Source = r.name, r.lateEntry, "訪問"
		}
		l.EnteredAt = g.enteredAt(d, late)
		age := int(g.today.Sub(d).Hours() / 24)
		switch x := g.r.IntN(100); {
		case age < 3 || x < 15:
			l.Status = model.LeadNew
		case x < 27:
			l.Status, l.MQLOn = model.LeadMQL, d.AddDate(0, 0, g.r.IntN(3))
		case x < 40:
			l.Status, l.MQLOn = model.LeadSQL, d.AddDate(0, 0, g.r.IntN(3))
			l.SQLOn = l.MQLOn.AddDate(0, 0, 1+g.r.IntN(6))
		case x < 75:
			l.Status, l.MQLOn = model.LeadConverted, d.AddDate(0, 0, g.r.IntN(3))
			l.SQLOn = l.MQLOn.AddDate(0, 0, 1+g.r.IntN(6))
		default:
			l.Status = model.LeadDisqualified
		}
		if l.MQLOn.After(g.today) {
			l.MQLOn = g.today
		}
		if l.SQLOn.After(g.today) {
			l.SQLOn = g.today
		}
		out = append(out, l)
	}
	return out
}

// opportunities: about 100 a month (target 140) owned by field sales,
// closing 2–12 weeks after creation with a win rate near 29%.
func (g *generator) opportunities(d time.Time) []model.Opportunity {
	fs := g.repsIn(model.DeptFieldSales)
	n := g.vary(100.0 / workdaysPerMonth * g.growth(d))
	out := make([]model.Opportunity, 0, n)
	for i := 0; i < n; i++ {
		// Better reps get more deals and win more of them.
		r := g.weightedRep(fs)
		p := products[g.r.IntN(len(products))]
		amount := p.typicalJP * int64(50+g.r.IntN(101)) / 100
		if g.chance(0.08) {
			amount *= 2
		}
		amount = min(max(amount/10_000*10_000, 500_000), 8_000_000)
		o := model.Opportunity{RepName: r.name, Account: g.account(), Product: p.name, Created: d,
			EnteredAt: g.enteredAt(d, r.lateEntry), AmountYen: model.Yen(amount)}
		closeOn := d.AddDate(0, 0, 14+g.r.IntN(71))
		stalled := g.chance(0.03)
		switch {
		case closeOn.After(g.today) || stalled:
			o.Outcome = model.OutcomeOpen
			o.Stage = openStages[g.r.IntN(len(openStages))]
			if g.chance(0.1) {
				o.Stage = openStages[0]
			}
			o.HasAmount = o.Stage != openStages[0] && o.Stage != openStages[1]
		case g.chance(0.29 * math.Sqrt(r.skill)):
			o.Outcome, o.Stage, o.Closed, o.HasAmount = model.OutcomeWon, "受注", closeOn, true
		default:
			o.Outcome, o.Stage, o.Closed, o.HasAmount = model.OutcomeLost, "失注", closeOn, true
			o.LostReason = g.pick(lostReasons)
		}
		if !o.HasAmount {
			o.AmountYen = 0
		}
		if o.Outcome != model.OutcomeOpen {
			o.UpdatedAt = g.enteredAt(o.Closed, r.lateEntry)
		}
		if o.Outcome == model.OutcomeWon {
			g.won = append(g.won, o)
		}
		out = append(out, o)
	}
	return out
}

// customers: accounts from before the history plus this year's wins, with
// a monthly contract value of a twelfth of the deal; a few churned.
func (g *generator) customers() []model.Customer {
	cs := g.repsIn(model.DeptCustomerSuccess)
	var out []model.Customer
	for i := 0; i < 45; i++ {
		started := g.start.AddDate(0, -1-g.r.IntN(36), -g.r.IntN(28))
		c := model.Customer{Name: g.account(), RepName: cs[i%len(cs)].name, Started: started,
			MRRYen: model.Yen((60 + g.r.IntN(200)) * 1_000), EnteredAt: g.enteredAt(started, 0)}
		if i%8 == 3 { // about one in eight has left during the history
			c.Churned = g.start.AddDate(0, 0, g.r.IntN(int(g.today.Sub(g.start).Hours()/24)))
		}
		out = append(out, c)
	}
	for i, o := range g.won {
		c := model.Customer{Name: o.Account, RepName: cs[i%len(cs)].name, Started: o.Closed,
			MRRYen: model.Yen(int64(o.AmountYen) / 12 / 1_000 * 1_000), EnteredAt: g.enteredAt(o.Closed, 0.05)}
		if i%40 == 7 && o.Closed.AddDate(0, 3, 0).Before(g.today) {
			c.Churned = o.Closed.AddDate(0, 3, 0)
		}
		out = append(out, c)
	}
	return out
}

// reviews: a KPI review on the second Tuesday of each of the last six
// months that has already come.
func (g *generator) reviews() []store.Review {
	notes := []string{
		"商談数が目標に届かず。IS→FSの引き渡し基準を見直す。",
		"受注率は目標水準。提案書テンプレートを全員で共有。",
		"リード獲得率が低下。展示会リードのフォローを48時間以内に。",
		"平均単価がやや不足。上位プランの提案を必須化。",
		"入力遅れが目立つ担当者あり。日次入力を徹底。",
		"商談化率の改善策:MQL基準を再定義する。",
	}
	var out []store.Review
	first := model.D(g.today.Year(), g.today.Month(), 1).AddDate(0, -5, 0)
	for i := 0; i < 6; i++ {
		m := first.AddDate(0, i, 0)
		d := m
		for d.Weekday() != time.Tuesday {
			d = d.AddDate(0, 0, 1)
		}
		d = d.AddDate(0, 0, 7)
		if d.After(g.today) {
			continue
		}
		out = append(out, store.Review{HeldOn: d, Notes: notes[i%len(notes)]})
	}
	return out
}
