package tui

import (
	"context"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/figures"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// reviewHistory is the list of past reviews (H on the review): enter picks
// a review, and two picked are compared side by side, KPI by KPI.
type reviewHistory struct {
	cursor int
	picked []int64
	a, b   *model.SavedReview // the two compared, once read
	err    error
}

type reviewCompareMsg struct {
	a, b model.SavedReview
	err  error
}

func (h *reviewHistory) key(r *reviewScreen, msg tea.KeyPressMsg) tea.Cmd {
	list := r.data.history
	switch msg.String() {
	case "esc":
		if h.a != nil || h.err != nil {
			h.a, h.b, h.err, h.picked = nil, nil, nil, nil
			return nil
		}
		r.history = nil
	case "up", "k":
		h.cursor = max(h.cursor-1, 0)
	case "down", "j":
		h.cursor = min(h.cursor+1, max(len(list)-1, 0))
	case "enter":
		if h.a != nil || h.cursor >= len(list) {
			return nil
		}
		id := list[h.cursor].ID
		for i, p := range h.picked {
			if p == id {
				h.picked = append(h.picked[:i], h.picked[i+1:]...)
				return nil
			}
		}
		h.picked = append(h.picked, id)
		if len(h.picked) == 2 {
			return readCompared(r.Store, h.picked[0], h.picked[1])
		}
	}
	return nil
}

// reading reports whether the two reviews picked are being read: the
// keys typed meanwhile are for the comparison, not for the list under it.
func (h *reviewHistory) reading() bool { return len(h.picked) == 2 && h.a == nil && h.err == nil }

func readCompared(st *store.Store, a, b int64) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background() // reads have no deadline (loads.go)
		ra, err := st.ReviewByID(ctx, a)
		if err != nil {
			return reviewCompareMsg{err: err}
		}
		rb, err := st.ReviewByID(ctx, b)
		// The older on the left.
		if rb.HeldOn.Before(ra.HeldOn) || (rb.HeldOn.Equal(ra.HeldOn) && rb.ID < ra.ID) {
			ra, rb = rb, ra
		}
		return reviewCompareMsg{a: ra, b: rb, err: err}
	}
}

func (h *reviewHistory) compared(msg reviewCompareMsg) {
	if msg.err != nil {
		h.err = msg.err
		return
	}
	h.a, h.b = &msg.a, &msg.b
}

func (h *reviewHistory) view(r *reviewScreen) []string {
	s := r.Styles
	if h.err != nil {
		return []string{errLine(r.Common, h.err)}
	}
	if h.a != nil {
		return h.compareView(r)
	}
	out := []string{s.Bold.Render(r.T(msgRvHistory)), ""}
	list := r.data.history
	if len(list) == 0 {
		return append(out, s.Muted.Render(r.T(msgRvHistoryNone)))
	}
	for i, rv := range list {
		mark := "  "
		for _, p := range h.picked {
			if p == rv.ID {
				mark = "* "
			}
		}
		period := "—"
		if !rv.Period.Start.IsZero() {
			period = periodLabel(r.Lang, rv.Period)
		}
		line := mark + model.FormatDate(rv.HeldOn) + "  " + period
		if rv.Summary != "" {
			line += "  " + rv.Summary
		}
		line = padRight(line, max(r.width-2, 10))
		if i == h.cursor {
			out = append(out, "> "+s.Selected.Render(line))
		} else {
			out = append(out, "  "+line)
		}
	}
	return append(out, "", s.Muted.Render(r.T(msgRvHistoryTip)))
}

// compareView puts two saved reviews side by side, KPI by KPI: each one's
// actual and status, and the change from the older to the newer.
func (h *reviewHistory) compareView(r *reviewScreen) []string {
	s := r.Styles
	a, b := *h.a, *h.b
	label := func(rv model.SavedReview) string { return model.FormatDate(rv.HeldOn) }
	out := []string{s.Bold.Render(r.T(msgRvCompare, label(a), label(b))), ""}
	if len(a.KPIs) == 0 || len(b.KPIs) == 0 {
		return append(out, s.Muted.Render(r.T(catalog.ReviewNoSnapshot)))
	}
	cols := []column{{title: r.T(msgColKPI), width: 22},
		{title: label(a), width: 10, right: true}, {title: "", width: 9},
		{title: label(b), width: 10, right: true}, {title: "", width: 9},
		{title: r.T(msgRvChange), width: 8, right: true}}
	out = append(out, "  "+s.Bold.Render(tableRow(cols, []string{cols[0].title, cols[1].title, "", cols[3].title, "", cols[5].title})))
	m := r.Money()
	for _, kb := range b.KPIs {
		ka, ok := a.KPI(kb.Key)
		av, ast := "—", ""
		change := model.None
		if ok {
			av, ast = m.Unit(ka.Unit, ka.Actual), s.Status(r.Lang, ka.Status)
			change = figures.ChangeBetween(kb.Unit, ka.Actual, kb.Actual)
		}
		out = append(out, "  "+tableRow(cols, []string{r.Lang.Pick(kb.NameJA, kb.NameEN), av, ast,
			m.Unit(kb.Unit, kb.Actual), s.Status(r.Lang, kb.Status), catalog.FormatChangeOf(r.Lang, kb.Unit, change)}))
	}
	return append(out, "", s.Muted.Render(strings.TrimSpace(r.T(msgKeyBack)+": esc")))
}
