package tui

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/kpit-dev/kpit/figures"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// novemberSuccess are November 2026's success figures in st, as the
// figures engine makes them from the store's counts at fixedNow.
func novemberSuccess(t *testing.T, st *store.Store) map[string]model.Value {
	t.Helper()
	c, err := st.SuccessCounts(context.Background(), store.SuccessSpan{From: model.D(2026, 11, 1), To: model.D(2026, 12, 1),
		FromAt: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), ToAt: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), AsOf: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	return figures.SuccessFigures(c, 1)
}

// entryMode opens the entry form on mode: up to the record field, then
// left steps back through the kinds (activity is first, the campaign last).
func entryMode(t *testing.T, a *App, lefts int) {
	t.Helper()
	press(t, a, "a", "up")
	arrow(t, a, tea.KeyLeft, lefts)
}

const (
	leftsToCampaign = 1
	leftsToInquiry  = 2
	leftsToUsage    = 3
	leftsToNPS      = 4
)

// fillField moves down to the field and replaces its text.
func fillField(t *testing.T, a *App, downs int, text string) {
	t.Helper()
	for i := 0; i < downs; i++ {
		press(t, a, "down")
	}
	press(t, a, "ctrl+u")
	typeText(t, a, text)
}

// TestEntryNPSAndQuickAddFeedNPS enters ten answers, five through the
// form and five by quick-add lines in both languages, and checks the NPS
// against the answers counted here.
func TestEntryNPSAndQuickAddFeedNPS(t *testing.T) {
	t.Parallel()
	st := entryStore(t)
	a := entryApp(t, st, LangJA)
	form := []int{10, 9, 7, 3, 0}
	for _, s := range form {
		entryMode(t, a, leftsToNPS)
		fillField(t, a, 1, fmt.Sprint(s)) // score
		fillField(t, a, 1, "ACME")        // customer
		press(t, a, "enter")
		if a.overlay != nil {
			t.Fatalf("score %d not saved:\n%s", s, screen(a))
		}
	}
	quick := []string{"NPS 10 @ACME 11/20", "推奨度 9点 @ACME 20日 早い", "nps 8 昨日", "NPS 6 @Beta 対応が遅い", "ＮＰＳ　２"}
	scores := append(append([]int{}, form...), 10, 9, 8, 6, 2)
	press(t, a, ":")
	for _, line := range quick {
		typeText(t, a, line)
		press(t, a, "enter")
		if out := screen(a); strings.Contains(out, LangJA.T(msgQuickCannot, "")) {
			t.Fatalf("%q refused:\n%s", line, out)
		}
	}
	press(t, a, "enter") // an empty line closes the quick-add line
	promoters, detractors := 0, 0
	for _, s := range scores {
		if s >= 9 {
			promoters++
		}
		if s <= 6 {
			detractors++
		}
	}
	want := 100 * float64(promoters-detractors) / float64(len(scores))
	if got := novemberSuccess(t, st)[figures.KeyNPS]; !got.Valid || math.Abs(got.V-want) > 1e-9 {
		t.Errorf("NPS = %+v, want %v from %v", got, want, scores)
	}
}

// TestEntryInquiryFeedsResponseTime enters answered inquiries by the form
// and checks the median against the waits typed.
func TestEntryInquiryFeedsResponseTime(t *testing.T) {
	t.Parallel()
	st := entryStore(t)
	a := entryApp(t, st, LangEN)
	waits := []time.Duration{30 * time.Minute, 5 * time.Hour, 2 * time.Hour}
	for i, w := range waits {
		opened := time.Date(2026, 11, 10+i, 9, 0, 0, 0, fixedNow.Location())
		entryMode(t, a, leftsToInquiry)
		fillField(t, a, 1, "ACME")
		fillField(t, a, 1, opened.Format("2006-01-02 15:04"))
		fillField(t, a, 1, opened.Add(w).Format("2006-01-02 15:04"))
		press(t, a, "enter")
		if a.overlay != nil {
			t.Fatalf("inquiry %d not saved:\n%s", i, screen(a))
		}
	}
	if got := novemberSuccess(t, st)[figures.KeyInquiryResponseTime]; !got.Valid || got.V != 2 {
		t.Errorf("inquiry response time = %+v, want the median wait of 0.5, 5 and 2 hours: 2", got)
	}
}

// TestEntrySuccessRefusals: a score outside 0–10, a word for a score and
// an answer before the inquiry are named under the form, with the text
// kept and nothing written.
func TestEntrySuccessRefusals(t *testing.T) {
	t.Parallel()
	for _, lang := range []Lang{LangJA, LangEN} {
		st := entryStore(t)
		a := entryApp(t, st, lang)
		cases := []struct {
			lefts  int
			fields []string
			want   string
		}{
			{leftsToNPS, []string{"11"}, lang.T(msgFieldScore) + ": " + refusal(lang, model.RefuseNPSRange, []any{11}, "")},
			{leftsToNPS, []string{"９９"}, refusal(lang, model.RefuseNPSRange, []any{99}, "")},
			{leftsToNPS, []string{"good"}, lang.T(msgEntryBadScore, "good")},
			{leftsToNPS, []string{""}, lang.T(msgFieldScore) + ": "},
			{leftsToInquiry, []string{"ACME", "2026-11-20 10:00", "2026-11-20 09:00"}, lang.T(msgFieldAnswered) + ": "},
			{leftsToInquiry, []string{"ACME", "soon"}, lang.T(msgEntryBadMoment, "soon")},
		}
		for _, c := range cases {
			entryMode(t, a, c.lefts)
			for _, v := range c.fields {
				fillField(t, a, 1, v)
			}
			press(t, a, "enter")
			out := screen(a)
			if a.overlay == nil || !strings.Contains(out, c.want) {
				t.Errorf("%s %v: want %q under the form:\n%s", lang, c.fields, c.want, out)
			}
			press(t, a, "esc", "y")
		}
		for k, v := range novemberSuccess(t, st) {
			if v.Valid && (k == figures.KeyNPS || k == figures.KeyInquiryResponseTime) {
				t.Errorf("%s: %s = %+v after refusals only", lang, k, v)
			}
		}
	}
}

// TestGoldenEntrySuccess freezes the form on an NPS answer, a usage check,
// an inquiry and a campaign at 80×24 in both languages (the values shown are the defaults:
// today, now).
func TestGoldenEntrySuccess(t *testing.T) {
	t.Parallel()
	for _, lang := range []Lang{LangJA, LangEN} {
		for _, m := range []struct {
			name  string
			lefts int
		}{{"nps", leftsToNPS}, {"usage", leftsToUsage}, {"inquiry", leftsToInquiry}, {"campaign", leftsToCampaign}} {
			t.Run(fmt.Sprintf("%s_80x24_entry_%s", lang, m.name), func(t *testing.T) {
				st := entryStore(t)
				a := New(Options{Store: st, Lang: lang, Now: func() time.Time { return fixedNow }, NoColor: true})
				run(t, a, a.Init())
				a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
				entryMode(t, a, m.lefts)
				press(t, a, "down")
				out := screen(a)
				checkFits(t, out, 80, 24)
				golden.RequireEqual(t, out)
			})
		}
	}
}
