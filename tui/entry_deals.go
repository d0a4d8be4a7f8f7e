package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"

	"github.com/kpit-dev/kpit/model"
)

// dealPicker is the entry form's choice of an open deal: every open deal in
// the store, narrowed as the user types to those whose id, account or rep
// contains the text (ignoring case and full/half width). left/right step
// through the matches. The search keys are folded once, when the deals load
// (in the loading command, off the screen's path), so a keystroke over
// 100,000 deals is one substring test per deal. A nil picker is one still
// loading.
type dealPicker struct {
	deals  []model.OpenDeal
	keys   []string // folded "external id, account, rep" per deal
	filter lineInput
	match  []int // indices into deals of the deals matching the filter
	cur    int   // index into match
}

func newDealPicker(deals []model.OpenDeal) *dealPicker {
	p := &dealPicker{deals: deals, keys: make([]string, len(deals))}
	// Accounts and reps repeat across deals: each is folded once.
	folded := map[string]string{}
	fold := func(s string) string {
		f, ok := folded[s]
		if !ok {
			f = foldSearch(s)
			folded[s] = f
		}
		return f
	}
	for i, d := range deals {
		p.keys[i] = foldSearch(d.ExternalID) + "\x00" + fold(d.Account) + "\x00" + fold(d.RepName)
	}
	p.refilter()
	return p
}

// foldSearch is text as the picker compares it: width-folded (ｶﾞ becomes
// ガ once composed, Ａ becomes A) and lower case.
func foldSearch(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	return strings.ToLower(norm.NFC.String(width.Fold.String(s)))
}

func (p *dealPicker) refilter() {
	q := foldSearch(strings.TrimSpace(p.filter.Value()))
	p.match, p.cur = p.match[:0], 0
	for i, k := range p.keys {
		if q == "" || strings.Contains(k, q) {
			p.match = append(p.match, i)
		}
	}
}

// selected is the deal under the cursor; ok is false when nothing matches
// or the deals are still loading.
func (p *dealPicker) selected() (d model.OpenDeal, ok bool) {
	if p == nil || len(p.match) == 0 {
		return d, false
	}
	return p.deals[p.match[p.cur]], true
}

func (p *dealPicker) step(by int) {
	if p == nil {
		return
	}
	if n := len(p.match); n > 0 {
		p.cur = (p.cur + by + n) % n
	}
}

// value is the chosen deal's id as text, "" when none.
func (p *dealPicker) value() string {
	if d, ok := p.selected(); ok {
		return fmt.Sprint(d.ID)
	}
	return ""
}

func dealLabel(c *Common, d model.OpenDeal) string {
	name := d.Account
	if d.ExternalID != "" {
		name = d.ExternalID + " " + name
	}
	return fmt.Sprintf("#%d %s (%s)", d.ID, name, c.RepName(d.RepName))
}

// view draws the chosen deal and, when focused, the filter with how many
// deals match it.
func (p *dealPicker) view(c *Common, focused bool, width int) string {
	if p == nil {
		return c.T(msgLoading)
	}
	d, ok := p.selected()
	label := c.T(msgEntryDealNoMatch)
	if ok {
		label = dealLabel(c, d)
	}
	if !focused {
		return clipCell(label, width)
	}
	return "< " + c.Styles.Selected.Render(clipCell(label, width-4)) + " >"
}

// filterLine is the picker's filter and its count of matches, drawn on a
// line of its own under the deal so that nothing moves as the deals cycle.
func (p *dealPicker) filterLine(c *Common) string {
	if p == nil {
		return ""
	}
	return c.T(msgEntryDealFilter, p.filter.View(true, c.Styles.Selected, 20), len(p.match), len(p.deals))
}

// typed edits the filter; it reports whether the filter changed.
func (p *dealPicker) typed(msg tea.Msg) bool {
	if p == nil || !p.filter.Update(msg) {
		return false
	}
	p.refilter()
	return true
}
