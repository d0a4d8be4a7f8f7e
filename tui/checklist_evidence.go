package tui

import (
	"strings"

	"github.com/kpit-dev/kpit/model"
)

// evidenceText is what the database shows about an item, in a few words.
func (s *checklistScreen) evidenceText(item int) string {
	e := s.evidence
	names := func(keys []string) string { return s.kpiNames(keys) }
	switch item {
	case 1:
		if !e.HasKGI {
			return s.T(msgEvNoKGI)
		}
		v := s.Money().Unit(e.KGIUnit, model.Some(e.KGIValue))
		if e.KGIDeadline.IsZero() {
			return s.T(msgEvKGINoDeadline, v)
		}
		return s.T(msgEvKGI, v, model.FormatDate(e.KGIDeadline))
	case 2:
		switch {
		case e.TreeRoot == "":
			return s.T(msgEvNoTree)
		case e.HasKGI && e.TreeRoot != e.KGIMetric:
			return s.T(msgEvTreeRoot, s.kpiNames([]string{e.TreeRoot}))
		case len(e.KPIsNotInTree) > 0:
			return s.T(msgEvTreeMissing, len(e.KPIsNotInTree), names(e.KPIsNotInTree))
		}
		return s.T(msgEvTreeAll, e.TreeNodes)
	case 3:
		if e.KPIs == 0 {
			return s.T(msgEvNoKPIs)
		}
		return s.T(msgEvMain, e.MainKPIs)
	case 4:
		if e.KPIs == 0 {
			return s.T(msgEvNoKPIs)
		}
		var parts []string
		if len(e.MissingDeadline) > 0 {
			parts = append(parts, s.T(msgEvNoDeadline, len(e.MissingDeadline), names(e.MissingDeadline)))
		}
		if len(e.MissingTarget) > 0 {
			parts = append(parts, s.T(msgEvNoTarget, len(e.MissingTarget), names(e.MissingTarget)))
		}
		if len(parts) == 0 {
			return s.T(msgEvTargetsAll)
		}
		return strings.Join(parts, "; ")
	case 5:
		if e.KPIs == 0 {
			return s.T(msgEvNoKPIs)
		}
		if len(e.MissingDefinition) > 0 {
			return s.T(msgEvNoDef, len(e.MissingDefinition), names(e.MissingDefinition))
		}
		return s.T(msgEvDefsAll)
	case 6:
		switch {
		case e.Records == 0:
			return s.T(msgEvNoRecords)
		case len(e.ManualKPIs) > 0:
			return s.T(msgEvManual, len(e.ManualKPIs), names(e.ManualKPIs))
		}
		return s.T(msgEvAllRecords, groupThousands(int64(e.Records)))
	case 7:
		switch age := e.RecordAgeDays(); {
		case age < 0:
			return s.T(msgEvNoRecords)
		case age == 0:
			return s.T(msgEvFreshToday)
		default:
			return s.T(msgEvFreshDays, age)
		}
	case 8:
		if len(e.InputRules) == 0 && !e.EntryDeadline {
			return s.T(msgEvRulesNone)
		}
		set := func(b bool) string {
			if b {
				return s.T(msgEvSet)
			}
			return s.T(msgEvUnset)
		}
		deadline := s.T(msgEvUnset)
		if e.EntryDeadline {
			deadline = deadlineRuleWord(s.Lang, e.DeadlineRule)
		}
		return s.T(msgEvRules, deadline, set(e.RequiredFields))
	case 9:
		if !e.AlertsOn {
			return s.T(msgEvAlertsOff)
		}
		return s.T(msgEvAlertsOn, model.LateEntryWindowDays, e.LateEntries, deadlineRuleWord(s.Lang, e.DeadlineRule))
	case 10:
		set := func(b bool) string {
			if b {
				return s.T(msgEvSet)
			}
			return s.T(msgEvUnset)
		}
		return s.T(msgEvFunnel, set(e.MQLDefined), set(e.SQLDefined), groupThousands(int64(e.LeadsWithMQL)), groupThousands(int64(e.LeadsWithSQL)))
	case 11:
		if e.HandoffRuleSet {
			return s.T(msgEvHandoff, e.HandoffRuleDays, groupThousands(int64(e.LeadsStuckAtMQL)))
		}
		return s.T(msgEvNoHandoff, e.HandoffLimitUsed, groupThousands(int64(e.LeadsStuckAtMQL)))
	case 12:
		if e.Reviews == 0 {
			return s.T(msgEvNoReviews)
		}
		out := s.T(msgEvReviews, e.ReviewsLast90Days, model.FormatDate(e.LastReview))
		if e.ReviewCadenceDays > 0 {
			out += s.T(msgEvCadence, e.ReviewCadenceDays)
		}
		return out
	case 13:
		if e.ReviewsWithFigures == 0 {
			return s.T(msgEvNoAnalysis)
		}
		return s.T(msgEvAnalysis, e.ExplainedLastReview, e.MissedLastReview, e.ActionsLastReview, e.OverdueActions)
	case 14:
		if e.KPIRevisions == 0 {
			return s.T(msgEvNoRevisions)
		}
		days := int(e.Now.Sub(e.LastKPIRevision).Hours() / 24)
		return s.T(msgEvRevisions, e.KPIRevisions, max(days, 0))
	}
	return ""
}

// kpiNames names up to three KPIs in the cockpit's language, then "and N more".
func (s *checklistScreen) kpiNames(keys []string) string {
	const shown = 3
	var names []string
	for i, k := range keys {
		if i == shown {
			break
		}
		l, ok := s.evidence.KPINames[k]
		if !ok {
			if def, found := model.KPIDefinition(k); found {
				l = model.KPILabel{JA: def.KPI.NameJA, EN: def.KPI.NameEN}
			}
		}
		name := s.Lang.Pick(l.JA, l.EN)
		if name == "" {
			name = k
		}
		names = append(names, name)
	}
	out := strings.Join(names, s.T(msgListSep))
	if len(keys) > shown {
		out += s.T(msgAndMore, len(keys)-shown)
	}
	return out
}

// deadlineRuleWord is a stored entry deadline ("next-business-day", "3d")
// in words of the catalogue (翌営業日まで, within 3 days); a rule it cannot
// read is shown as stored.
func deadlineRuleWord(l Lang, rule string) string {
	d, err := model.ParseDeadline(rule)
	if err != nil {
		return rule
	}
	return DeadlineWord(l, d)
}
