package demo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// Inside sales' and customer success's records (docs/success.md), drawn
// from a stream of their own beside the demo's seed so that the records
// before them stay as they were: which calls connected, the customers'
// onboarding and the churn of recent months, NPS answers, usage checks,
// e-mail campaigns, inquiries, and inside sales' first call on each MQL.
//
// The story: about a third of calls connect; NPS sits around +20; one
// customer in six is not really using the product, and those are the ones
// that churn; inside sales answers most new MQLs within a working day.

// successSalt seeds the generator of these records.
const successSalt = 0x69736373 // "iscs"

// successRand is the stream of the success records.
func successRand(seed int64) *rand.Rand { return rand.New(rand.NewPCG(uint64(seed), successSalt)) }

// shapeSuccess gives the batch's calls their connects and its customers
// their onboarding days and the churn of the at-risk ones, in place.
func (g *generator) shapeSuccess(b *store.Batch, r *rand.Rand) {
	for i := range b.Activities {
		a := &b.Activities[i]
		if a.Kind == model.KindCall {
			a.Connected = int(math.Round(float64(a.Count) * (0.25 + 0.15*r.Float64())))
		}
	}
	for i := range b.Customers {
		c := &b.Customers[i]
		c.OnboardingDue = c.Started.AddDate(0, 0, 30)
		switch x := r.IntN(10); {
		case c.OnboardingDue.After(g.today):
			c.OnboardingDue = time.Time{}
			if x < 5 { // some finish early
				c.Onboarded = workdayOnOrBefore(c.Started.AddDate(0, 0, 10+r.IntN(10)))
				if c.Onboarded.After(g.today) {
					c.Onboarded = time.Time{}
				}
				c.OnboardingDue = c.Started.AddDate(0, 0, 30)
			}
		case x < 7:
			c.Onboarded = c.OnboardingDue.AddDate(0, 0, -r.IntN(12))
		case x < 9:
			c.Onboarded = c.OnboardingDue.AddDate(0, 0, 1+r.IntN(20))
			if c.Onboarded.After(g.today) {
				c.Onboarded = time.Time{}
			}
		}
		// About one customer in seven is at risk; those that have been
		// customers for two months leave during the history.
		if c.Churned.IsZero() && r.IntN(7) == 0 {
			from := c.Started.AddDate(0, 2, 0)
			if from.Before(g.start) {
				from = g.start
			}
			if days := int(g.today.Sub(from).Hours() / 24); days > 0 {
				c.Churned = from.AddDate(0, 0, r.IntN(days))
			}
		}
	}
}

// eveningOf is when a record of day d is entered: with the day's others
// at 18:00 in Japan, or before now on today. It draws nothing, so the
// rest of the data does not depend on it.
func (g *generator) eveningOf(d time.Time) time.Time {
	y, m, dd := d.Date()
	return g.notYet(time.Date(y, m, dd, 18, 0, 0, 0, jst)).UTC()
}

// successBatch is the second batch: the records that name leads and
// customers by the ids the first batch gave them (1, 2, … in its order,
// the database being empty before it).
func (g *generator) successBatch(first store.Batch, r *rand.Rand) store.Batch {
	var b store.Batch
	is := g.repsIn(model.DeptInsideSales)
	// Inside sales' first call on each MQL, in office hours (the MQL is
	// at 09:00 in Japan): mostly the same day, one in five a few days on.
	for i, l := range first.Leads {
		if l.MQLOn.IsZero() || l.RepName == "" {
			continue
		}
		rep := l.RepName
		if !g.inDept(rep, model.DeptInsideSales) {
			rep = is[r.IntN(len(is))].name
		}
		lag := time.Duration(1800+r.IntN(6*3600)) * time.Second
		if r.IntN(5) == 0 {
			lag += time.Duration(1+r.IntN(3)) * 24 * time.Hour
		}
		at := model.DayStart(l.MQLOn).Add(lag)
		day := model.Date(at.In(jst))
		if day.After(g.today) {
			continue
		}
		// A call due later today is made by now: the same calls whatever
		// the hour the demo is seeded at, none in the future.
		at = g.notYet(at)
		entered := at.Add(5 * time.Minute)
		if entered.After(g.now) {
			entered = at
		}
		b.Activities = append(b.Activities, model.Activity{Kind: model.KindCall, Count: 1, Connected: r.IntN(2),
			Date: day, At: at, LeadID: int64(i + 1), RepName: rep, EnteredAt: entered})
	}
	for m := g.start; !m.After(g.today); m = m.AddDate(0, 1, 0) {
		// Two campaigns a month, on the 5th and the 20th.
		for k, day := range []int{5, 20} {
			d := model.D(m.Year(), m.Month(), day)
			if d.After(g.today) {
				continue
			}
			sent := 2000 + r.IntN(3000)
			b.Campaigns = append(b.Campaigns, model.Campaign{Name: fmt.Sprintf("%s-%d", m.Format("2006-01"), k+1),
				Date: d, Sent: sent, Opened: sent * (18 + r.IntN(12)) / 100, EnteredAt: g.eveningOf(d)})
		}
		end := m.AddDate(0, 1, -1)
		if end.After(g.today) {
			end = g.today
		}
		for id, c := range first.Customers {
			if c.Started.After(end) || (!c.Churned.IsZero() && !c.Churned.After(m)) {
				continue // not under contract that month
			}
			atRisk := !c.Churned.IsZero()
			// A usage check mid-month; the customers that will churn mostly
			// have stopped using the product.
			day := m.AddDate(0, 0, 14)
			if day.After(g.today) {
				day = g.today
			}
			active := r.Float64() < 0.9
			if atRisk {
				active = r.Float64() < 0.3
			}
			b.Usage = append(b.Usage, model.Usage{CustomerID: int64(id + 1), Date: day, Active: active, EnteredAt: g.eveningOf(day)})
			// About one customer in five answers the NPS question a month.
			if r.IntN(5) == 0 {
				score := npsScore(r, atRisk)
				day := m.AddDate(0, 0, r.IntN(end.Day()))
				b.NPSAnswers = append(b.NPSAnswers, model.NPSAnswer{Account: c.Name, Score: score, Date: day,
					EnteredAt: g.eveningOf(day)})
			}
			// And one in four asks something.
			if r.IntN(4) == 0 {
				opened := model.DayStart(m.AddDate(0, 0, r.IntN(end.Day()))).Add(time.Duration(r.IntN(9*3600)) * time.Second)
				q := model.Inquiry{Account: c.Name, Opened: opened,
					Answered: opened.Add(time.Duration(600+r.IntN(20*3600)) * time.Second)}
				if q.Answered.After(g.now) {
					q.Answered = time.Time{}
				}
				// Copied from the help desk a few minutes after it came in.
				if q.EnteredAt = opened.Add(5 * time.Minute); q.EnteredAt.After(g.now) {
					q.EnteredAt = opened
				}
				if !q.Opened.After(g.now) {
					b.Inquiries = append(b.Inquiries, q)
				}
			}
		}
	}
	return b
}

// npsScore draws one answer: promoters about 45%, detractors 25%, fewer
// promoters among customers about to leave.
func npsScore(r *rand.Rand, atRisk bool) int {
	x := r.IntN(100)
	if atRisk {
		x -= 40
	}
	switch {
	case x >= 55:
		return 9 + r.IntN(2)
	case x >= 25:
		return 7 + r.IntN(2)
	case x >= 0:
		return 3 + r.IntN(4)
	}
	return r.IntN(3)
}

// inDept says whether the rep named name is in department d.
func (g *generator) inDept(name string, d model.Department) bool {
	for _, r := range g.reps {
		if r.name == name {
			return r.dept == d
		}
	}
	return false
}
