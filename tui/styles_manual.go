package tui

import (
	"context"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// Typed-in values of manual KPIs: a value can be typed in only for a KPI
// marked manual; every other KPI is counted from the records. On the Styles tab up/down select
// a KPI of the shown style and v types its value for the period shown:
// NPS, satisfaction, email open rate and the other figures kpit cannot
// count from records. A KPI counted from the records is refused with a
// line saying so; a manual KPI must be adopted first.

type manualSavedMsg struct {
	name, value string
	period      model.Period
	err         error
}

// selectedKPI is the KPI under the row cursor of the selected style.
func (s *stylesScreen) selectedKPI() (model.KPIEntry, bool) {
	st := s.styles[s.cursor]
	all := st.Rows()
	if len(all) == 0 {
		return model.KPIEntry{}, false
	}
	return all[min(s.row, len(all)-1)], true
}

func (s *stylesScreen) rowCount() int {
	st := s.styles[s.cursor]
	return len(st.Rows())
}

// startValue opens the value line for the selected KPI, or says why not.
func (s *stylesScreen) startValue() tea.Cmd {
	e, ok := s.selectedKPI()
	if !ok || !s.loaded {
		return nil
	}
	name := s.Lang.Pick(e.KPI.NameJA, e.KPI.NameEN)
	switch {
	case e.KPI.Source != model.SourceManual:
		return Flash(s.T(msgManualRecords, name), true)
	case !s.registered[e.KPI.Key]:
		return Flash(s.T(msgManualAdoptFirst, name), true)
	}
	s.typing, s.inputErr = true, ""
	s.input = newLineInput("")
	if v := s.values[e.KPI.Key]; v.Valid {
		s.input = newLineInput(manualText(e.KPI.Unit, v.V))
	}
	return nil
}

// manualText is a stored value as the user would type it (a ratio as a
// percentage).
func manualText(u model.Unit, v float64) string {
	if u == model.UnitRatio {
		v *= 100
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// parseManual reads a typed value in the KPI's unit: a ratio as a
// percentage (42 or 42%), money as kpit reads amounts in the team's
// currency cur (120万, ¥1,200,000, $1,234.56), stored in major units like
// every target, anything else as a plain number.
func parseManual(u model.Unit, text string, cur model.Currency) (float64, bool) {
	text = strings.TrimSpace(text)
	switch u {
	case model.UnitMoney:
		m, err := model.ParseMoney(text, cur)
		return cur.Major(m), err == nil
	case model.UnitRatio:
		v, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSuffix(text, "%"), "％"), 64)
		if err != nil || v < 0 || v > 100 {
			return 0, false
		}
		return v / 100, true
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(text, ",", ""), 64)
	return v, err == nil
}

// updateValue handles a key while the value line is open.
func (s *stylesScreen) updateValue(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		s.input.Update(msg)
		return nil
	}
	switch k.String() {
	case "esc":
		s.typing = false
		return nil
	case "enter":
		e, _ := s.selectedKPI()
		v, ok := parseManual(e.KPI.Unit, s.input.Value(), s.Currency)
		if !ok {
			s.inputErr = s.T(msgManualBad, s.input.Value())
			return nil
		}
		s.typing = false
		return saveManual(s.Store, e.KPI, s.Money(), s.period, v)
	}
	if s.input.Update(msg) {
		s.inputErr = ""
	}
	return nil
}

func saveManual(st *store.Store, k model.KPI, money catalog.Money, p model.Period, v float64) tea.Cmd {
	return func() tea.Msg {
		err := st.SetManualValue(context.Background(), k.Key, p, v)
		return manualSavedMsg{name: money.Lang.Pick(k.NameJA, k.NameEN), value: money.Unit(k.Unit, model.Some(v)), period: p, err: err}
	}
}

func (s *stylesScreen) manualSaved(m manualSavedMsg) tea.Cmd {
	if m.err != nil {
		return Flash(s.T(msgManualFailed, writeErr(s.Lang, m.err)), true)
	}
	return tea.Batch(Reload, Flash(s.T(msgManualSaved, m.name, periodLabel(s.Lang, m.period), m.value), false))
}

// valueLine is the prompt shown while a value is typed.
func (s *stylesScreen) valueLine() []string {
	e, _ := s.selectedKPI()
	prompt := s.Styles.Bold.Render(s.T(msgManualPrompt, s.Lang.Pick(e.KPI.NameJA, e.KPI.NameEN), periodLabel(s.Lang, s.period))) + " "
	out := []string{prompt + s.input.View(true, s.Styles.Selected, max(s.width-lipgloss.Width(prompt), 8))}
	if s.inputErr != "" {
		out = append(out, s.Styles.Error.Render(s.inputErr))
	}
	return append(out, s.Styles.Muted.Render(s.T(msgManualKeys)))
}
