package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
)

// TestGoldenReview renders the review on the demo at 80x24 (plain figures),
// 160x45 and 240x60 (block digits), in both languages, with rep names
// shown and hidden: the summary, the opportunities slide, the pipeline and
// the actions. The figures on them are asserted in TestReviewFigures.
func TestGoldenReview(t *testing.T) {
	for _, lang := range []Lang{LangJA, LangEN} {
		for _, sz := range [][2]int{{80, 24}, {160, 45}, {240, 60}} {
			for _, hidden := range []bool{false, true} {
				a, _ := reviewApp(t, lang, sz[0], sz[1])
				if hidden {
					press(t, a, "h")
				}
				press(t, a, "o", "o") // the two open actions stay open
				r := reviewOf(a)
				names := map[string]int{}
				for i, s := range r.slides() {
					switch {
					case s.kind == slideSummary:
						names["summary"] = i
					case s.key == "opportunities":
						names["opportunities"] = i
					case s.kind == slidePipeline:
						names["pipeline"] = i
					case s.kind == slideActions:
						names["actions"] = i
					}
				}
				for _, slide := range []string{"summary", "opportunities", "pipeline", "actions"} {
					name := fmt.Sprintf("%s_%dx%d_%s", lang, sz[0], sz[1], slide)
					if hidden {
						name += "_hidden"
					}
					t.Run(name, func(t *testing.T) {
						r.slide = names[slide]
						out := screen(a)
						checkFits(t, out, sz[0], sz[1])
						if want := fmt.Sprintf("%d/%d", names[slide]+1, len(r.slides())); !strings.Contains(strings.Split(out, "\n")[1], want) {
							t.Errorf("the header lacks %s", want)
						}
						big := strings.Contains(out, "###")
						if big != (sz[0] >= bigMinWidth && (slide == "summary" || slide == "opportunities")) {
							t.Errorf("block digits shown: %v at %v on %s", big, sz, slide)
						}
						golden.RequireEqual(t, out)
					})
				}
			}
		}
	}
}

// TestReviewFigures checks the figures the review's goldens show against
// the demo's records counted here: November's revenue and opportunities
// to date, and October's opportunities as the last review kept them.
func TestReviewFigures(t *testing.T) {
	a, st := reviewApp(t, LangEN, 80, 24)
	press(t, a, "o", "o")
	in := func(d time.Time, from, to string) bool {
		s := model.FormatDate(d)
		return s >= from && s <= to
	}
	var novRevenue, novOpps, octOpps float64
	err := st.ExportOpportunities(context.Background(), func(o model.Opportunity) error {
		if in(o.Created, "2026-11-01", "2026-11-30") {
			novOpps++
		}
		if in(o.Created, "2026-10-01", "2026-10-31") {
			octOpps++
		}
		if o.Outcome == model.OutcomeWon && in(o.Closed, "2026-11-01", "2026-11-30") {
			novRevenue += float64(o.AmountMinor)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	money := catalog.Money{Lang: LangEN, Currency: model.JPY}
	if want := "Actual " + money.Unit(model.UnitMoney, model.Some(novRevenue)) + "  /  Target ¥83.3M"; !strings.Contains(screen(a), want) {
		t.Errorf("the summary lacks %q:\n%s", want, screen(a))
	}
	r := reviewOf(a)
	for i, s := range r.slides() {
		if s.key == "opportunities" {
			r.slide = i
		}
	}
	out := screen(a)
	for _, want := range []string{fmt.Sprintf("Actual %.0f  /  Target 140", novOpps), fmt.Sprintf("(then %.0f)", octOpps)} {
		if !strings.Contains(out, want) {
			t.Errorf("the opportunities slide lacks %q:\n%s", want, out)
		}
	}
}
