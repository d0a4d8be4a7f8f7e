package demo

import (
	"context"
	"math/rand/v2"
	"time"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// The demo company's shared funnel (docs/funnel.md). Its leads' MQL and SQL
// days come from the records; here the stage changes after them: a
// converted lead's move to an opportunity a few days after SQL and, for
// about three in ten, its win; some SQLs recycled back to Inside Sales
// (half of them accepted again later); some MQLs that waited a month sent
// back to nurture; MQLs and SQLs that stalled long past their hand-off
// limit closed out (disqualified or sent back to nurture), as a team does,
// so the leads waiting past a limit are a few recent ones. It draws from
// its own generator, so the records and every figure drawn before it stay
// as they were (a closed-out lead's status is disqualified).

// funnelSalt seeds the funnel's own generator beside the demo's seed.
const funnelSalt = 0x66756e6c // "funl"

// stageMoves draws the stage changes of b's leads into b.LeadStages.
func (g *generator) stageMoves(b *store.Batch, seed int64) {
	r := rand.New(rand.NewPCG(uint64(seed), funnelSalt))
	is, fs := g.repsIn(model.DeptInsideSales), g.repsIn(model.DeptFieldSales)
	// A time on a working day's office hours in Japan (09:00-18:00 JST).
	at := func(day time.Time) time.Time {
		return model.DayStart(day).Add(time.Duration(r.IntN(9*3600)) * time.Second)
	}
	after := func(t time.Time, minDays, maxDays int) time.Time {
		return at(model.Date(t).AddDate(0, 0, minDays+r.IntN(maxDays-minDays+1)))
	}
	b.LeadStages = map[int][]model.StageMove{}
	for i, l := range b.Leads {
		var moves []model.StageMove
		move := func(st model.FunnelStage, t time.Time, rep string, recycle bool) bool {
			if t.After(g.now) {
				return false
			}
			moves = append(moves, model.StageMove{Stage: st, At: t, RepName: rep, Recycle: recycle})
			return true
		}
		// Where the lead stands after its moves, and since when.
		stage, since := model.FunnelStage(""), time.Time{}
		switch l.Status {
		case model.LeadConverted:
			seller := fs[r.IntN(len(fs))].name
			opp := after(l.SQLOn, 1, 8)
			if move(model.FunnelOpportunity, opp, seller, false) && r.Float64() < 0.3 {
				move(model.FunnelWon, after(opp, 14, 70), seller, false)
			}
		case model.LeadSQL:
			stage, since = model.FunnelSQL, model.DayStart(l.SQLOn)
			if r.Float64() < 0.25 {
				caller := is[r.IntN(len(is))].name
				back := after(l.SQLOn, 2, 10)
				if move(model.FunnelMQL, back, caller, true) {
					stage, since = model.FunnelMQL, back
					if again := after(back, 3, 15); r.Float64() < 0.5 && move(model.FunnelSQL, again, caller, false) {
						stage, since = model.FunnelSQL, again
					}
				}
			}
		case model.LeadMQL:
			stage, since = model.FunnelMQL, model.DayStart(l.MQLOn)
			if g.today.Sub(l.MQLOn) > 30*24*time.Hour && r.Float64() < 0.3 {
				if back := after(l.MQLOn, 5, 20); move(model.FunnelLead, back, is[r.IntN(len(is))].name, true) {
					stage = model.FunnelLead
				}
			}
		}
		// A team closes out what stalls rather than let it wait for ever:
		// Inside Sales disqualifies an MQL nobody could qualify within six
		// days, and an SQL that no seller took on within twelve is sent back
		// to nurture or disqualified. What is left waiting past its
		// hand-off limit is a few recent leads.
		switch {
		case stage == model.FunnelMQL && g.now.Sub(since) > 6*24*time.Hour:
			b.Leads[i].Status = model.LeadDisqualified
		case stage == model.FunnelSQL && g.now.Sub(since) > 12*24*time.Hour:
			if back := after(since, 12, 16); r.Float64() < 0.4 && move(model.FunnelLead, back, is[r.IntN(len(is))].name, true) {
				break
			}
			b.Leads[i].Status = model.LeadDisqualified
		}
		if len(moves) > 0 {
			b.LeadStages[i] = moves
		}
	}
}

// stageDefinitions writes the team's stage definitions and targets, agreed
// at the start of the history: MQL written down, SQL not yet.
func (g *generator) stageDefinitions(ctx context.Context, st *store.Store) error {
	note := store.RevisionNote{From: g.start, Author: "高橋 直樹", Reason: "マーケティング・IS・FSで共通のリード定義を策定"}
	defs := model.DefaultStageDefs()
	set := func(s model.FunnelStage, ja, en string, target float64) model.StageDef {
		d := model.StageDefOf(defs, s)
		if ja != "" {
			d.DefinitionJA, d.DefinitionEN = ja, en
		}
		d.TargetRate = model.Some(target)
		return d
	}
	for _, d := range []model.StageDef{
		set(model.FunnelLead, "", "", 0.6),
		set(model.FunnelMQL, "スコア50点以上、または資料請求かつ従業員50名以上の企業のリード",
			"A score of 50 or more, or a download from a company of 50 or more staff", 0.75),
		// SQL is left unwritten: the checklist's item 10 has a gap to show,
		// and the stage definitions screen is where it is closed.
		set(model.FunnelSQL, "", "", 0.8),
		set(model.FunnelOpportunity, "", "", 0.3),
	} {
		if err := st.ReviseStageDef(ctx, d, note); err != nil {
			return err
		}
	}
	return nil
}
