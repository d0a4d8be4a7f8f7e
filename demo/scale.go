package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// The scale company (`kpit demo --scale N`) is for measuring kpit at the
// size of a team with years of SFA history (BENCHMARKS.md), not for telling a
// story: N opportunities over five years, five activities each, a lead for
// every five deals, a customer for about one win in five, and a rep for every
// 5,000 deals (at least the demo's twenty). Like the demo it is derived from
// the seed and the day only, so anyone can rebuild the same file.

// MaxScale is the most opportunities --scale accepts: about 10 GB of file,
// far beyond any team kpit is meant for.
const MaxScale = 10_000_000

const (
	scaleHistoryMonths = 60
	scaleDealsPerRep   = 5_000
	scaleActivitiesPer = 5 // activities per opportunity
	scaleDealsPerLead  = 5
	// scaleChunk is how many opportunities (with their activities, leads
	// and customers) are generated at a time, so memory stays flat in N;
	// on PostgreSQL, each chunk is a transaction.
	scaleChunk = 20_000
)

// SeedScale fills the empty database st with the scale company of n
// opportunities as of now (see Seed for now). On a SQLite file it is one
// transaction (Store.BulkBuild), so a failure part way leaves the file
// empty; on PostgreSQL each scaleChunk deals are one.
func SeedScale(ctx context.Context, st *store.Store, seed int64, now time.Time, n int) error {
	return seedScale(ctx, st, seed, now, n, scaleChunk, st.BulkBuild)
}

// seedScale is SeedScale generating chunk deals at a time and writing the
// batches with write.
func seedScale(ctx context.Context, st *store.Store, seed int64, now time.Time, n, chunk int,
	write func(context.Context, func() (store.Batch, bool)) error) error {
	if n < 1 || n > MaxScale {
		return fmt.Errorf("scale %d is not between 1 and %d", n, MaxScale)
	}
	counts, err := st.RecordCounts(ctx)
	if err != nil {
		return err
	}
	if counts.Total() > 0 || counts.Reps > 0 {
		return fmt.Errorf("database %s %w", st.Path(), ErrHasRecords)
	}
	g := newScaleGenerator(seed, now, n)
	if err := write(ctx, g.batches(chunk)); err != nil {
		return fmt.Errorf("seed scale data: %w", err)
	}
	if err := g.goals(ctx, st); err != nil {
		return fmt.Errorf("seed scale goals: %w", err)
	}
	return nil
}

type scaleGenerator struct {
	*generator
	n         int
	days      int // days of history, today included
	accounts  int // size of the account pool: about four deals each
	field     []string
	inside    []string
	mkt       []string
	success   []string
	leadsMade int // leads written so far
	wins      int // won deals so far (every fifth with a known account becomes a customer)
}

func newScaleGenerator(seed int64, now time.Time, n int) *scaleGenerator {
	g := newGenerator(seed, now)
	g.start = model.D(g.today.Year(), g.today.Month(), 1).AddDate(0, -(scaleHistoryMonths - 1), 0)
	days := int(g.today.Sub(g.start).Hours()/24) + 1
	// The goals scale with the volume: the demo's targets are for about 100
	// deals a month.
	g.targetScale = float64(n) / float64(scaleHistoryMonths) / 100
	sg := &scaleGenerator{generator: g, n: n, days: days, accounts: max(50, n/4)}
	reps := max(len(repSpecs), n/scaleDealsPerRep)
	// The demo's mix of departments: 3 marketing, 5 inside sales, 8 field
	// sales, 4 customer success in every 20.
	for i := 0; i < reps; i++ {
		switch k := i % 20; {
		case k < 3:
			sg.mkt = append(sg.mkt, fmt.Sprintf("%s MK%03d", contactNames[i%len(contactNames)], len(sg.mkt)+1))
		case k < 8:
			sg.inside = append(sg.inside, fmt.Sprintf("%s IS%03d", contactNames[i%len(contactNames)], len(sg.inside)+1))
		case k < 16:
			sg.field = append(sg.field, fmt.Sprintf("%s FS%03d", contactNames[i%len(contactNames)], len(sg.field)+1))
		default:
			sg.success = append(sg.success, fmt.Sprintf("%s CS%03d", contactNames[i%len(contactNames)], len(sg.success)+1))
		}
	}
	return sg
}

// batches gives the company chunk deals at a time, oldest first; the
// first batch also holds the reps and the reviews.
func (g *scaleGenerator) batches(chunk int) func() (store.Batch, bool) {
	first := 0
	return func() (store.Batch, bool) {
		if first >= g.n {
			return store.Batch{}, false
		}
		b := g.chunk(first, min(first+chunk, g.n))
		if first == 0 {
			b.Reps = g.repRecords()
			b.Reviews = g.reviews()
		}
		first += chunk
		return b, true
	}
}

func (g *scaleGenerator) repRecords() []model.Rep {
	var out []model.Rep
	for _, d := range []struct {
		dept  model.Department
		names []string
	}{{model.DeptMarketing, g.mkt}, {model.DeptInsideSales, g.inside}, {model.DeptFieldSales, g.field},
		{model.DeptCustomerSuccess, g.success}} {
		for _, name := range d.names {
			out = append(out, model.Rep{Name: name, Department: d.dept, Active: true})
		}
	}
	return out
}

// accountName is account i of the pool: the demo's head and tail words,
// numbered once the 600 pairs are used up.
func (g *scaleGenerator) accountName(i int) string {
	name := accountHeads[i%len(accountHeads)] + accountTails[(i/len(accountHeads))%len(accountTails)]
	if k := i / (len(accountHeads) * len(accountTails)); k > 0 {
		name += fmt.Sprintf("%d", k+1)
	}
	return "株式会社" + name
}

// day is the i-th of n records spread evenly over the history, oldest first.
func (g *scaleGenerator) day(i, n int) time.Time {
	return g.start.AddDate(0, 0, int(int64(i)*int64(g.days)/int64(n)))
}

// entry is when a record about day d was typed in: office hours that day or,
// one time in twenty, two to six days late; never after now.
func (g *scaleGenerator) entry(d time.Time) time.Time {
	return g.enteredAt(d, 0.05, 0, g.today)
}

// chunk generates opportunities [first, last) with their activities, and
// the leads and customers that fall in the same stretch of days. The
// database was empty, so opportunity i gets the id i+1.
func (g *scaleGenerator) chunk(first, last int) store.Batch {
	var b store.Batch
	b.Opportunities = make([]model.Opportunity, 0, last-first)
	b.Activities = make([]model.Activity, 0, (last-first)*scaleActivitiesPer)
	for i := first; i < last; i++ {
		created := g.day(i, g.n)
		rep := g.field[g.r.IntN(len(g.field))]
		p := products[g.r.IntN(len(products))]
		amount := min(max(p.typicalJP*int64(50+g.r.IntN(101))/100/10_000*10_000, 500_000), 8_000_000)
		o := model.Opportunity{RepName: rep, Account: g.accountName(g.r.IntN(g.accounts)), Product: p.name,
			Created: created, EnteredAt: g.entry(created), AmountMinor: model.Minor(amount), HasAmount: true}
		planned := created.AddDate(0, 0, 14+g.r.IntN(71))
		end := planned
		switch {
		case planned.After(g.today):
			o.Outcome, o.Stage, o.Closed, end = model.OutcomeOpen, openStages[g.r.IntN(len(openStages))], planned, g.today
		case g.chance(0.29):
			o.Outcome, o.Stage, o.Closed = model.OutcomeWon, "受注", planned
		default:
			o.Outcome, o.Stage, o.Closed, o.LostReason = model.OutcomeLost, "失注", planned, g.pick(lostReasons)
		}
		if o.Outcome != model.OutcomeOpen {
			o.UpdatedAt = g.entry(planned)
		}
		b.Opportunities = append(b.Opportunities, o)
		b.Activities = g.touchesOf(b.Activities, o, end, int64(i+1))
		if o.Outcome == model.OutcomeWon {
			if g.wins%5 == 0 {
				b.Customers = append(b.Customers, g.customer(o))
			}
			g.wins++
		}
	}
	// Leads up to this chunk's last deal, so they too come out oldest first.
	for upto := int(int64(last) / scaleDealsPerLead); g.leadsMade < upto; g.leadsMade++ {
		b.Leads = append(b.Leads, g.lead(g.day(g.leadsMade, max(1, g.n/scaleDealsPerLead))))
	}
	return b
}

// touchesOf appends a deal's five activities, linked to it: the first visit
// on the day it was created, an inside-sales call, the proposal and an email
// spread over its life, and on its last day the signing visit, the call that
// lost it or, still open, a meeting.
func (g *scaleGenerator) touchesOf(out []model.Activity, o model.Opportunity, end time.Time, id int64) []model.Activity {
	span := int(end.Sub(o.Created).Hours() / 24)
	last := model.KindMeeting
	switch o.Outcome {
	case model.OutcomeWon:
		last = model.KindVisit
	case model.OutcomeLost:
		last = model.KindCall
	}
	caller := g.inside[g.r.IntN(len(g.inside))]
	for k, t := range []struct {
		kind model.ActivityKind
		rep  string
	}{{model.KindVisit, o.RepName}, {model.KindCall, caller}, {model.KindProposal, o.RepName},
		{model.KindEmail, o.RepName}, {last, o.RepName}} {
		d := o.Created.AddDate(0, 0, span*k/(scaleActivitiesPer-1))
		out = append(out, model.Activity{Date: d, RepName: t.rep, Kind: t.kind, Count: 1, OpportunityID: id,
			Account: o.Account, EnteredAt: g.entry(d)})
	}
	return out
}

// lead is a lead created on d: most owned by inside sales, some captured by
// field sales, one in ten unassigned; its status as in the demo.
func (g *scaleGenerator) lead(d time.Time) model.Lead {
	l := model.Lead{Company: g.accountName(g.r.IntN(g.accounts)), Contact: g.pick(contactNames) + "様",
		Source: g.pick(leadSources), Created: d, EnteredAt: g.entry(d)}
	switch x := g.r.IntN(20); {
	case x < 13:
		l.RepName = g.inside[g.r.IntN(len(g.inside))]
	case x < 18:
		l.RepName, l.Source = g.field[g.r.IntN(len(g.field))], "訪問"
	}
	g.leadStage(&l, d, false)
	return l
}

// customer is the account of a won deal, from its close, with a monthly
// contract value of a twelfth of the deal; one in eight churned after
// three months.
func (g *scaleGenerator) customer(o model.Opportunity) model.Customer {
	c := model.Customer{Name: o.Account, RepName: g.success[g.wins%len(g.success)], Started: o.Closed,
		MRRMinor: model.Minor(int64(o.AmountMinor) / 12 / 1_000 * 1_000), EnteredAt: g.entry(o.Closed)}
	if g.wins%8 == 3 && o.Closed.AddDate(0, 3, 0).Before(g.today) {
		c.Churned = o.Closed.AddDate(0, 3, 0)
	}
	return c
}
