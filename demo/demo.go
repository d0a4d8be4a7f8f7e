// Package demo seeds a database with a realistic, made-up Japanese IT/SaaS
// company: twenty reps across the four departments, twelve months of
// leads, opportunities and activities, customers, a KGI for the current
// fiscal year, the new-business KPI tree, its KPIs, KFSs and reviews.
//
// Everything is derived from the seed and the moment it is seeded as of
// (its day, and for today's records its time), so the same inputs give
// byte-identical figures (the cockpit's golden tests rely on it).
//
// The story: the company is behind its ¥1,000,000,000 revenue KGI. Its win
// rate is close to target, deal sizes a little short, and it creates too
// few opportunities: lead→opportunity conversion and leads trail, so the
// gap attribution points at the top of the funnel.
//
// Field-sales activities follow each deal from its first visit to its close
// (linked to the opportunity), so the alerts have a few true examples of
// each kind rather than noise: a handful of open deals nobody has touched
// for one to six weeks, three that slipped past their expected close date,
// late entries mostly from two reps who kept entering late after the
// October review asked for daily entry, and one marketing rep who has not
// entered anything for ten days.
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
	kgiYen            = 1_000_000_000
	targetOpps        = 140
	targetWinRate     = 0.30
	targetAvgDeal     = 2_000_000
	targetLeadToOpp   = 0.40
	targetLeads       = 350
	targetVisits      = 700
	targetLeadCapture = 0.50
	targetOrdersWon   = 42
	historyMonths     = 12
	workdaysPerMonth  = 21
)

// Seed fills the empty database st with the demo company as of now: the
// history ends on now's calendar day (in now's location) and no record is
// entered after now, so a demo started at 07:00 has no record typed in at
// 15:00 that day. It refuses a database that already has records or reps.
func Seed(ctx context.Context, st *store.Store, seed int64, now time.Time) error {
	counts, err := st.RecordCounts(ctx)
	if err != nil {
		return err
	}
	if counts.Total() > 0 || counts.Reps > 0 {
		return fmt.Errorf("database %s %w", st.Path(), ErrHasRecords)
	}
	g := newGenerator(seed, now)
	batch := g.records()
	g.stageMoves(&batch, seed)
	sr := successRand(seed)
	g.shapeSuccess(&batch, sr)
	var whole []store.Review
	batch.Reviews, whole = splitReviews(batch.Reviews)
	if err := st.BulkInsert(ctx, batch); err != nil {
		return fmt.Errorf("seed demo data: %w", err)
	}
	if err := st.BulkInsert(ctx, g.successBatch(batch, sr)); err != nil {
		return fmt.Errorf("seed demo success records: %w", err)
	}
	if err := g.goals(ctx, st); err != nil {
		return fmt.Errorf("seed demo goals: %w", err)
	}
	if err := saveReviews(ctx, st, seed, whole); err != nil {
		return fmt.Errorf("seed demo reviews: %w", err)
	}
	if err := g.stageDefinitions(ctx, st); err != nil {
		return fmt.Errorf("seed demo stage definitions: %w", err)
	}
	return nil
}

// TempDatabase creates a fresh demo database in a new temporary directory
// and returns its path and a function that removes the directory. It never
// touches any other file (this is what `kpit --demo` runs on). now is as
// for Seed.
func TempDatabase(ctx context.Context, seed int64, now time.Time) (path string, cleanup func(), err error) {
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
	err = Seed(ctx, st, seed, now)
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
	seed  int64     // the forecast's ratings draw from their own stream of it (forecast.go)
	now   time.Time // no record is entered after it
	today time.Time // now's calendar day
	start time.Time // first day of the history
	fy    model.Period
	reps  []repSpec
	// reviewed is the day of the review that asked for daily entry: most
	// reps enter late less often after it.
	reviewed time.Time
	// won deals, in the order generated, become customers.
	won []model.Opportunity
	// targetScale multiplies the KGI and the KPIs' volume targets: 1 for
	// the demo, more for the scale company (scale.go).
	targetScale float64
}

func newGenerator(seed int64, now time.Time) *generator {
	today := model.Date(now)
	start := model.D(today.Year(), today.Month(), 1).AddDate(0, -(historyMonths - 1), 0)
	return &generator{
		r:           rand.New(rand.NewPCG(uint64(seed), 0x6b706974)), // "kpit"
		seed:        seed,
		now:         now,
		today:       today,
		start:       start,
		fy:          model.PeriodOf(model.FiscalYear, today, model.DefaultFiscalStart),
		reps:        repSpecs,
		reviewed:    reviewDay(today, entryReview),
		targetScale: 1,
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

// The chance a record entered on time was typed in the next business day,
// in a daily batch, rather than the same day: the reps who enter late also
// batch more.
const (
	batchEntry      = 0.15
	latecomersBatch = 0.35
)

// enteredAt is when a record about day d was typed in: office hours the
// same day, with probability batch the next business day, or with
// probability late two to six days after; never after until, nor after
// g.now (see notYet).
func (g *generator) enteredAt(d time.Time, late, batch float64, until time.Time) time.Time {
	day := d
	switch {
	case g.chance(late):
		day = d.AddDate(0, 0, 2+g.r.IntN(5))
	case g.chance(batch):
		day = model.AddBusinessDays(d, 1)
	}
	if day.After(until) {
		day = until
	}
	y, m, dd := day.Date()
	local := time.Date(y, m, dd, 9+g.r.IntN(10), g.r.IntN(60), g.r.IntN(60), 0, jst)
	return g.notYet(local).UTC()
}

// notYet moves an entry time later than g.now back to before it, on the
// same day: into [lo, now), where lo is the later of the entry day's
// midnight in JST and of today's midnight in now's location, so the
// record still counts as entered on its day in either. The spot is
// derived from the drawn time, not from a new draw, so the rest of the
// data is the same whatever the time of day.
func (g *generator) notYet(t time.Time) time.Time {
	if !t.After(g.now) {
		return t
	}
	y, m, d := t.In(jst).Date()
	lo := time.Date(y, m, d, 0, 0, 0, 0, jst)
	ny, nm, nd := g.now.Date()
	if mid := time.Date(ny, nm, nd, 0, 0, 0, 0, g.now.Location()); mid.After(lo) {
		lo = mid
	}
	span := g.now.Sub(lo).Truncate(time.Second)
	if span <= 0 {
		return g.now
	}
	return lo.Add(t.Sub(lo) % span)
}

// entered is when rep r typed in a record about day d.
func (g *generator) entered(r repSpec, d time.Time) time.Time {
	late, batch := r.late, batchEntry
	if !d.Before(g.reviewed) {
		late = r.lateAfter
	}
	if r.late >= 0.1 {
		batch = latecomersBatch
	}
	return g.enteredAt(d, late, batch, g.lastDay(r))
}

// lastDay is the last day rep r entered anything: today, or for the silent
// rep the workday silentDays before today.
func (g *generator) lastDay(r repSpec) time.Time {
	if r.silentDays == 0 {
		return g.today
	}
	return workdayOnOrBefore(g.today.AddDate(0, 0, -r.silentDays))
}

// unassignedLate is the chance a lead nobody owns was entered late.
func (g *generator) unassignedLate(d time.Time) float64 {
	if d.Before(g.reviewed) {
		return 0.03
	}
	return 0.005
}

func (g *generator) account() string {
	head, tail := g.pick(accountHeads), g.pick(accountTails)
	if g.r.IntN(3) == 0 {
		return head + tail + "株式会社"
	}
	return "株式会社" + head + tail
}

func isWorkday(d time.Time) bool { return d.Weekday() != time.Saturday && d.Weekday() != time.Sunday }

func workdayOnOrAfter(d time.Time) time.Time {
	for !isWorkday(d) {
		d = d.AddDate(0, 0, 1)
	}
	return d
}

func workdayOnOrBefore(d time.Time) time.Time {
	for !isWorkday(d) {
		d = d.AddDate(0, 0, -1)
	}
	return d
}

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
//
// Activities name their deal by its id. Seed only writes into a database
// without reps, so its opportunities table is empty (every opportunity
// names a rep, and foreign keys are enforced): the deals get the ids 1, 2,
// ... in the order of b.Opportunities.
func (g *generator) records() store.Batch {
	var b store.Batch
	for _, r := range g.reps {
		b.Reps = append(b.Reps, model.Rep{Name: r.name, Department: r.dept, Active: true})
	}
	deals := g.deals()
	g.rate(deals)
	for _, dl := range deals {
		b.Opportunities = append(b.Opportunities, dl.opp)
	}
	for d := g.start; !d.After(g.today); d = d.AddDate(0, 0, 1) {
		if !isWorkday(d) {
			continue
		}
		b.Activities = append(b.Activities, g.activities(d)...)
		b.Leads = append(b.Leads, g.leads(d)...)
	}
	for i, dl := range deals {
		b.Activities = append(b.Activities, g.touches(dl, int64(i+1))...)
	}
	b.Customers = g.customers()
	b.Reviews = g.reviews()
	return b
}

// activity appends one activity row when the day's count is positive.
// These are the activities of the day not tied to a deal: field sales'
// prospecting visits and calls, inside sales' and marketing's outreach,
// customer success's work with customers. A silent rep records nothing
// after their last day.
func (g *generator) activity(out []model.Activity, r repSpec, d time.Time, kind model.ActivityKind, mean float64) []model.Activity {
	return g.activityOf(out, r, d, kind, mean, kind == model.KindVisit)
}

// activityOf is activity with the account drawn or not.
func (g *generator) activityOf(out []model.Activity, r repSpec, d time.Time, kind model.ActivityKind, mean float64, account bool) []model.Activity {
	n := g.vary(mean * r.skill * g.growth(d))
	if n <= 0 || d.After(g.lastDay(r)) {
		return out
	}
	a := model.Activity{Date: d, RepName: r.name, Kind: kind, Count: n, EnteredAt: g.entered(r, d)}
	if account {
		a.Account = g.account()
	}
	return append(out, a)
}

// Field sales' means per workday for work outside the deals (prospecting).
// The deals' touches (see touches) add about two visits a workday per rep
// and bring all of its proposals; with customer success's visits the company
// makes some 700 visits a month (target 700).
const (
	prospectingVisits = 1.1
	prospectingCalls  = 3.8
	prospectingEmails = 7
)

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
			out = g.activity(out, r, d, model.KindVisit, prospectingVisits)
			out = g.activity(out, r, d, model.KindCall, prospectingCalls)
			out = g.activity(out, r, d, model.KindEmail, prospectingEmails)
		case model.DeptCustomerSuccess:
			out = g.activity(out, r, d, model.KindVisit, 0.7)
			out = g.activity(out, r, d, model.KindCall, 7)
			out = g.activity(out, r, d, model.KindEmail, 15)
			// Their meetings with customers are visits, a meeting activity
			// being a meeting inside sales sets (docs/success.md); drawn
			// without an account, as the meetings they once were, so the
			// demo's other records stay as they were.
			out = g.activityOf(out, r, d, model.KindVisit, 0.8, false)
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
		switch x := g.r.IntN(20); {
		case x < 13:
			r := is[g.r.IntN(len(is))]
			l.RepName, l.EnteredAt = r.name, g.entered(r, d)
		case x < 18:
			r := fs[g.r.IntN(len(fs))]
			l.RepName, l.EnteredAt, l.Source = r.name, g.entered(r, d), "訪問"
		default:
			l.EnteredAt = g.enteredAt(d, g.unassignedLate(d), batchEntry, g.today)
		}
		g.leadStage(&l, d, int(g.today.Sub(d).Hours()/24) < 3)
		out = append(out, l)
	}
	return out
}

// leadStage draws how far a lead created on day d got: new, MQL, SQL,
// converted or disqualified, with its MQL and SQL days (never after today).
// A lead younger than three days is still new. The demo and the scale
// company share it, so their funnels read alike.
func (g *generator) leadStage(l *model.Lead, d time.Time, young bool) {
	switch x := g.r.IntN(100); {
	case young || x < 15:
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
}

// deal is one opportunity with the plan of its life: it was worked on from
// its creation to end (its close day, today, or the day it stalled), and
// was meant to close on planned.
type deal struct {
	rep     repSpec
	opp     model.Opportunity
	planned time.Time
	end     time.Time
	stalled bool
}

// deals: about 100 a month (target 140) owned by field sales, planned to
// close 2–12 weeks after creation with a win rate near 29%. Those planned
// after today are still open, with the planned day as their expected close
// date. Three recently due are kept open past that date (they slipped), and
// seven open ones stopped being worked on one to six weeks ago (stalled).
func (g *generator) deals() []*deal {
	fs := g.repsIn(model.DeptFieldSales)
	var out []*deal
	for d := g.start; !d.After(g.today); d = d.AddDate(0, 0, 1) {
		if !isWorkday(d) {
			continue
		}
		n := g.vary(100.0 / workdaysPerMonth * g.growth(d))
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
				EnteredAt: g.entered(r, d), AmountMinor: model.Minor(amount), HasAmount: true}
			dl := &deal{rep: r, opp: o, planned: workdayOnOrAfter(d.AddDate(0, 0, 14+g.r.IntN(71)))}
			switch {
			case dl.planned.After(g.today):
				g.keepOpen(dl, g.today)
			case g.chance(0.29 * math.Sqrt(r.skill)):
				dl.close(model.OutcomeWon, "受注", "")
			default:
				dl.close(model.OutcomeLost, "失注", g.pick(lostReasons))
			}
			if dl.opp.Outcome != model.OutcomeOpen {
				dl.opp.UpdatedAt = g.entered(r, dl.planned)
			}
			out = append(out, dl)
		}
	}
	g.slip(out)
	g.stall(out)
	for _, dl := range out {
		if dl.opp.Outcome == model.OutcomeWon {
			g.won = append(g.won, dl.opp)
		}
	}
	return out
}

func (dl *deal) close(outcome model.Outcome, stage, lostReason string) {
	dl.opp.Outcome, dl.opp.Stage, dl.opp.LostReason = outcome, stage, lostReason
	dl.opp.Closed, dl.end = dl.planned, dl.planned
}

// keepOpen makes dl an open deal worked on until end, at the stage its
// progress towards the planned close has reached by then; the amount is
// known from the proposal stage on.
func (g *generator) keepOpen(dl *deal, end time.Time) {
	o := &dl.opp
	o.Outcome, o.LostReason, o.UpdatedAt = model.OutcomeOpen, "", time.Time{}
	o.Closed, dl.end = dl.planned, end
	i := len(openStages) - 1
	if span := dl.planned.Sub(o.Created); end.Before(dl.planned) && span > 0 {
		i = int(float64(len(openStages)) * float64(end.Sub(o.Created)) / float64(span))
	}
	i = min(max(i, 0), len(openStages)-1)
	o.Stage = openStages[i]
	o.HasAmount = i >= 2
	if !o.HasAmount {
		o.AmountMinor = 0
	}
}

// slip keeps three deals that were due in the last three weeks open: their
// expected close date has passed.
func (g *generator) slip(deals []*deal) {
	var due []*deal
	for _, dl := range deals {
		if dl.opp.Outcome != model.OutcomeOpen && !dl.planned.Before(g.today.AddDate(0, 0, -21)) &&
			!dl.planned.After(g.today.AddDate(0, 0, -3)) {
			due = append(due, dl)
		}
	}
	g.r.Shuffle(len(due), func(i, j int) { due[i], due[j] = due[j], due[i] })
	for _, dl := range due[:min(3, len(due))] {
		g.keepOpen(dl, g.today)
	}
}

// stall stops work on seven open deals: five for one to four weeks, two
// for over thirty days. Each was created at least ten days before it
// stalled, so even an entry typed in late is older than the stall.
func (g *generator) stall(deals []*deal) {
	for _, days := range []int{7 + g.r.IntN(4), 9 + g.r.IntN(5), 12 + g.r.IntN(6), 16 + g.r.IntN(6), 21 + g.r.IntN(7),
		31 + g.r.IntN(8), 38 + g.r.IntN(10)} {
		cut := workdayOnOrBefore(g.today.AddDate(0, 0, -days))
		var open []*deal
		for _, dl := range deals {
			if dl.opp.Outcome == model.OutcomeOpen && !dl.stalled && dl.planned.After(g.today) &&
				!dl.opp.Created.After(cut.AddDate(0, 0, -10)) {
				open = append(open, dl)
			}
		}
		if len(open) == 0 {
			continue
		}
		dl := open[g.r.IntN(len(open))]
		g.keepOpen(dl, cut)
		dl.stalled = true
	}
}

// touches are the activities of a deal's life, linked to it (id): the
// first visit on the day it was created, then a visit, call or email
// every three to eight days, a proposal around half-way, and on the
// close day the signing visit or the call that lost it. An open deal that is
// still worked on has a touch in the last few days; a stalled one's last
// touch is the day it stalled.
func (g *generator) touches(dl *deal, id int64) []model.Activity {
	o := dl.opp
	var out []model.Activity
	add := func(d time.Time, kind model.ActivityKind) {
		out = append(out, model.Activity{Date: d, RepName: dl.rep.name, Kind: kind, Count: 1, OpportunityID: id,
			Account: o.Account, EnteredAt: g.entered(dl.rep, d)})
	}
	lifeDays := int(dl.planned.Sub(o.Created).Hours() / 24)
	proposeOn := o.Created.AddDate(0, 0, lifeDays*2/5+g.r.IntN(lifeDays/5+1))
	proposed := false
	add(o.Created, model.KindVisit)
	last := o.Created
	for d := workdayOnOrAfter(o.Created.AddDate(0, 0, 3+g.r.IntN(6))); d.Before(dl.end); d = workdayOnOrAfter(d.AddDate(0, 0, 3+g.r.IntN(6))) {
		// Else a visit, 45 in 100: a meeting held with the customer is a
		// visit, meeting activities being the meetings inside sales sets
		// (docs/success.md).
		kind := model.KindVisit
		switch x := g.r.IntN(100); {
		case !proposed && !d.Before(proposeOn):
			kind, proposed = model.KindProposal, true
		case x >= 35 && x < 65:
			kind = model.KindCall
		case x >= 65 && x < 90:
			kind = model.KindEmail
		}
		add(d, kind)
		last = d
	}
	switch {
	case dl.opp.Outcome == model.OutcomeWon:
		add(dl.end, model.KindVisit)
	case dl.opp.Outcome == model.OutcomeLost:
		add(dl.end, model.KindCall)
	case dl.stalled:
		if dl.end.After(last) {
			add(dl.end, model.KindEmail)
		}
	case last.Before(g.today.AddDate(0, 0, -4)):
		add(workdayOnOrBefore(g.today.AddDate(0, 0, -g.r.IntN(3))), model.KindCall)
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
			MRRMinor: model.Minor((60 + g.r.IntN(200)) * 1_000), EnteredAt: g.enteredAt(started, 0, batchEntry, g.today)}
		if i%8 == 3 { // about one in eight has left during the history
			c.Churned = g.start.AddDate(0, 0, g.r.IntN(int(g.today.Sub(g.start).Hours()/24)))
		}
		out = append(out, c)
	}
	for i, o := range g.won {
		c := model.Customer{Name: o.Account, RepName: cs[i%len(cs)].name, Started: o.Closed,
			MRRMinor: model.Minor(int64(o.AmountMinor) / 12 / 1_000 * 1_000), EnteredAt: g.enteredAt(o.Closed, g.unassignedLate(o.Closed), batchEntry, g.today)}
		if i%40 == 7 && o.Closed.AddDate(0, 3, 0).Before(g.today) {
			c.Churned = o.Closed.AddDate(0, 3, 0)
		}
		out = append(out, c)
	}
	return out
}

// reviewNotes are the notes of the last six monthly KPI reviews, oldest
// first; the one at entryReview asked for daily entry.
var reviewNotes = []string{
	"商談数が目標に届かず。IS→FSの引き渡し基準を見直す。",
	"受注率は目標水準。提案書テンプレートを全員で共有。",
	"リード獲得率が低下。展示会リードのフォローを48時間以内に。",
	"平均単価がやや不足。上位プランの提案を必須化。",
	"入力遅れが目立つ担当者あり。日次入力を徹底。",
	"商談化率の改善策:MQL基準を再定義する。",
}

const entryReview = 4

// reviewDay is the day of review i (0 to 5): the second Tuesday of the
// month 5-i months before today's. Review 4 is last month's, always past.
func reviewDay(today time.Time, i int) time.Time {
	d := model.D(today.Year(), today.Month(), 1).AddDate(0, i-5, 0)
	for d.Weekday() != time.Tuesday {
		d = d.AddDate(0, 0, 1)
	}
	return d.AddDate(0, 0, 7)
}

// reviews: a KPI review on the second Tuesday of each of the last six
// months that has already come.
func (g *generator) reviews() []store.Review {
	var out []store.Review
	for i, notes := range reviewNotes {
		if d := reviewDay(g.today, i); !d.After(g.today) {
			out = append(out, store.Review{HeldOn: d, Notes: notes})
		}
	}
	return out
}
