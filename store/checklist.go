package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// Checklist answers and the evidence the database gives for the 14 items
// of the operations checklist (docs/checklist.md).

// answerTimeLayout writes answered_at with a fixed-width fraction so that
// the text sorts in time order (RFC3339Nano drops trailing zeros, and
// "10:00:00Z" sorts after "10:00:00.5Z").
const answerTimeLayout = "2006-01-02T15:04:05.000000000Z"

// SaveChecklistAnswer records an answer. Answers are history: a new answer
// to an item is a new row, so an earlier diagnosis can be compared with a
// later one.
func (s *Store) SaveChecklistAnswer(ctx context.Context, a model.ChecklistAnswer) error {
	if a.Item < 1 || a.Item > model.ChecklistItemCount {
		return fmt.Errorf("checklist answer: item %d is not 1-%d", a.Item, model.ChecklistItemCount)
	}
	if !a.Status.Valid() {
		return fmt.Errorf("checklist answer for item %d: status %q is not yes, partly or no", a.Item, a.Status)
	}
	if a.AnsweredAt.IsZero() {
		a.AnsweredAt = s.now()
	}
	return s.tx(ctx, model.AreaTargets, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO checklist_answers (item, status, answered_at) VALUES (?, ?, ?)`,
			a.Item, string(a.Status), a.AnsweredAt.UTC().Format(answerTimeLayout))
		if err != nil {
			return fmt.Errorf("save checklist answer for item %d: %w", a.Item, describe(err))
		}
		return nil
	})
}

// ChecklistAnswers is the latest answer per item given at or before asOf.
func (s *Store) ChecklistAnswers(ctx context.Context, asOf time.Time) (map[int]model.Answer, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT item, status FROM checklist_answers a
		WHERE id = (SELECT id FROM checklist_answers b WHERE b.item = a.item AND b.answered_at <= ?1
			ORDER BY b.answered_at DESC, b.id DESC LIMIT 1)`,
		asOf.UTC().Format(answerTimeLayout))
	if err != nil {
		return nil, fmt.Errorf("read checklist answers: %w", describe(err))
	}
	defer rows.Close()
	out := map[int]model.Answer{}
	for rows.Next() {
		var item int
		var status string
		if err := rows.Scan(&item, &status); err != nil {
			return nil, fmt.Errorf("read checklist answers: %w", describe(err))
		}
		out[item] = model.Answer(status)
	}
	return out, describe(rows.Err())
}

// ChecklistHistory is every answer ever given, oldest first.
func (s *Store) ChecklistHistory(ctx context.Context) ([]model.ChecklistAnswer, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT item, status, answered_at FROM checklist_answers ORDER BY answered_at, id`)
	if err != nil {
		return nil, fmt.Errorf("read checklist history: %w", describe(err))
	}
	defer rows.Close()
	var out []model.ChecklistAnswer
	for rows.Next() {
		var a model.ChecklistAnswer
		var status, at string
		if err := rows.Scan(&a.Item, &status, &at); err != nil {
			return nil, fmt.Errorf("read checklist history: %w", describe(err))
		}
		a.Status, a.AnsweredAt = model.Answer(status), parseTime(at)
		out = append(out, a)
	}
	return out, describe(rows.Err())
}

// ChecklistEvidence computes what the database shows about each checklist
// item at time now.
func (s *Store) ChecklistEvidence(ctx context.Context, now time.Time) (model.Evidence, error) {
	e := model.Evidence{Now: now, KPINames: map[string]model.KPILabel{}}
	for _, step := range []struct {
		what string
		run  func(context.Context, *model.Evidence) error
	}{
		{"KGI", s.kgiEvidence},
		{"KPIs", s.kpiEvidence},
		{"tree", s.treeEvidence},
		{"records", s.recordEvidence},
		{"input rules", s.ruleEvidence},
		{"leads", s.leadEvidence},
		{"reviews", s.reviewEvidence},
		{"review analysis", s.analysisEvidence},
		{"KPI revisions", s.revisionEvidence},
	} {
		if err := step.run(ctx, &e); err != nil {
			return model.Evidence{}, fmt.Errorf("checklist evidence (%s): %w", step.what, describe(err))
		}
	}
	return e, nil
}

func (s *Store) kgiEvidence(ctx context.Context, e *model.Evidence) error {
	k, ok, err := s.KGIAsOf(ctx, e.Now)
	if err != nil || !ok {
		return err
	}
	e.HasKGI, e.KGIMetric, e.KGIValue, e.KGIUnit, e.KGIDeadline = true, k.Metric, k.Value, k.Unit, k.Deadline
	return nil
}

// kpiEvidence reads the KPIs as in force on the day of the diagnosis.
func (s *Store) kpiEvidence(ctx context.Context, e *model.Evidence) error {
	kpis, err := s.KPIsAsOf(ctx, e.Now)
	if err != nil {
		return err
	}
	sort.Slice(kpis, func(i, j int) bool { return kpis[i].Key < kpis[j].Key })
	for _, k := range kpis {
		e.KPIs++
		e.KPINames[k.Key] = model.KPILabel{JA: k.NameJA, EN: k.NameEN}
		if k.Main {
			e.MainKPIs++
		}
		if !k.HasTarget {
			e.MissingTarget = append(e.MissingTarget, k.Key)
		}
		if k.Deadline.IsZero() {
			e.MissingDeadline = append(e.MissingDeadline, k.Key)
		}
		if strings.TrimSpace(k.Definition) == "" && strings.TrimSpace(k.Formula) == "" {
			e.MissingDefinition = append(e.MissingDefinition, k.Key)
		}
		if k.Source == model.SourceManual {
			e.ManualKPIs = append(e.ManualKPIs, k.Key)
		}
	}
	return nil
}

// treeEvidence finds the root (the KGI's node when it is a root) and the
// KPIs that are not reachable from it.
func (s *Store) treeEvidence(ctx context.Context, e *model.Evidence) error {
	err := s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM tree_nodes),
		coalesce((SELECT key FROM tree_nodes WHERE parent_key IS NULL ORDER BY key = ?1 DESC, position, key LIMIT 1), '')`,
		e.KGIMetric).Scan(&e.TreeNodes, &e.TreeRoot)
	if err != nil {
		return err
	}
	rows, err := s.db.QueryContext(ctx, `WITH RECURSIVE reach(key) AS (
			SELECT key FROM tree_nodes WHERE key = ?1
			UNION SELECT n.key FROM tree_nodes n JOIN reach r ON n.parent_key = r.key)
		SELECT key FROM kpis WHERE key NOT IN (SELECT key FROM reach) ORDER BY key`, e.TreeRoot)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var key string
		if err := rows.Scan(&key); err != nil {
			return err
		}
		e.KPIsNotInTree = append(e.KPIsNotInTree, key)
	}
	return rows.Err()
}

func (s *Store) recordEvidence(ctx context.Context, e *model.Evidence) error {
	var newest sql.NullString
	// The newest entry walks each entered_at index from the top to the
	// first live row (max() with a WHERE would read every row). The live
	// rows are counted by the write path (live_counts, schema 11).
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT coalesce(sum(n), 0) FROM live_counts),
		nullif(`+s.greatest()+`(coalesce((SELECT entered_at FROM activities WHERE deleted_at IS NULL AND `+pendingActivities+` ORDER BY entered_at DESC LIMIT 1), ''),
			coalesce((SELECT entered_at FROM opportunities WHERE deleted_at IS NULL AND `+pendingOpportunities+` ORDER BY entered_at DESC LIMIT 1), ''),
			coalesce((SELECT entered_at FROM leads WHERE deleted_at IS NULL ORDER BY entered_at DESC LIMIT 1), ''),
			coalesce((SELECT entered_at FROM customers WHERE deleted_at IS NULL ORDER BY entered_at DESC LIMIT 1), '')), '')`).Scan(&e.Records, &newest)
	if err != nil {
		return err
	}
	if newest.Valid {
		e.NewestRecord = parseTime(newest.String)
	}
	return nil
}

// ruleEvidence reads the input rules (settings rule.*, see rules.go) and
// counts the late entries the alert rules report right now. Alerts are on
// unless switched off, as the alert rules have them; the team's time zone
// is that of e.Now.
func (s *Store) ruleEvidence(ctx context.Context, e *model.Evidence) error {
	rows, err := s.db.QueryContext(ctx, `SELECT key FROM settings WHERE key >= 'rule.' AND key < 'rule/' ORDER BY key`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			rows.Close()
			return err
		}
		e.InputRules = append(e.InputRules, strings.TrimPrefix(k, "rule."))
		if k == RuleDeadline {
			e.EntryDeadline = true
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rules, err := s.InputRules(ctx)
	if err != nil {
		return err
	}
	for _, fields := range rules.Required {
		if len(fields) > 0 {
			e.RequiredFields = true
		}
	}
	e.AlertsOn, e.DeadlineRule = rules.AlertsOn, rules.Deadline.String()
	// A deadline is always in force, the default one (next business day)
	// too: item 9 counts late entries against it, so item 8 counts it as
	// a rule (docs/checklist.md).
	e.EntryDeadline = true
	if !rules.AlertsOn {
		return nil
	}
	// Only the late-entry rule matters here, so only entry facts are read
	// (as Alerts reads them); stale reps and stalled deals are not.
	in := model.AlertInput{Now: e.Now, Loc: e.Now.Location(), Rules: rules}
	since := e.Now.AddDate(0, 0, -model.LateEntryWindowDays-1)
	if in.Entries, err = s.entryFacts(ctx, "entered_at", formatTime(since), "9999"); err != nil {
		return err
	}
	for _, a := range model.EvaluateAlerts(in) {
		if a.Kind == model.AlertLateEntry {
			e.LateEntries++
		}
	}
	return nil
}

// leadEvidence reads items 10 and 11 from the stage definitions in force
// (docs/funnel.md): whether MQL and SQL are written down, whether the team
// set its hand-off rules (a revision of either stage), and how many leads
// wait at MQL past Inside Sales' limit.
// leadCountsSQL counts the live leads from the write path's count, and
// those with each stage day from an index of them alone (migration 27):
// no read of every lead.
const leadCountsSQL = `SELECT coalesce((SELECT n FROM live_counts WHERE record = 'leads'), 0),
	(SELECT count(*) FROM leads WHERE mql_on IS NOT NULL AND deleted_at IS NULL),
	(SELECT count(*) FROM leads WHERE sql_on IS NOT NULL AND deleted_at IS NULL)`

func (s *Store) leadEvidence(ctx context.Context, e *model.Evidence) error {
	revs, err := s.StageDefRevisions(ctx)
	if err != nil {
		return err
	}
	defs := model.StageDefsAsOf(revs, model.Date(e.Now))
	mql, sqlDef := model.StageDefOf(defs, model.FunnelMQL), model.StageDefOf(defs, model.FunnelSQL)
	e.MQLDefined, e.SQLDefined = mql.Defined(), sqlDef.Defined()
	for _, r := range revs {
		if r.Def.Stage == model.FunnelMQL || r.Def.Stage == model.FunnelSQL {
			e.HandoffRuleSet = true
		}
	}
	if e.HandoffRuleSet {
		e.HandoffRuleDays = mql.LimitDays
	}
	e.HandoffLimitUsed = mql.LimitDays
	// Counted per stage, not listed: at a million deals some 50,000 leads
	// wait past their limits (StageOverdue equals OverdueLeads counted).
	overdue, err := s.StageOverdue(ctx, defs, e.Now, e.Now.Location())
	if err != nil {
		return err
	}
	for _, o := range overdue {
		if o.Worst.Stage == model.FunnelMQL {
			e.LeadsStuckAtMQL += o.Count
		}
	}
	return s.db.QueryRowContext(ctx, leadCountsSQL).Scan(&e.Leads, &e.LeadsWithMQL, &e.LeadsWithSQL)
}

func (s *Store) reviewEvidence(ctx context.Context, e *model.Evidence) error {
	rows, err := s.db.QueryContext(ctx, `SELECT held_on FROM reviews ORDER BY held_on`)
	if err != nil {
		return err
	}
	defer rows.Close()
	var days []time.Time
	for rows.Next() {
		var d string
		if err := rows.Scan(&d); err != nil {
			return err
		}
		t, err := time.Parse(model.DateLayout, d)
		if err != nil {
			continue
		}
		days = append(days, t)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	e.Reviews = len(days)
	cut := model.Date(e.Now).AddDate(0, 0, -90)
	var gaps []float64
	for i, d := range days {
		if !d.Before(cut) && !d.After(model.Date(e.Now)) {
			e.ReviewsLast90Days++
		}
		if i > 0 {
			gaps = append(gaps, d.Sub(days[i-1]).Hours()/24)
		}
	}
	if len(days) > 0 {
		e.LastReview = days[len(days)-1]
	}
	if len(gaps) > 0 {
		sort.Float64s(gaps)
		m := len(gaps) / 2
		e.ReviewCadenceDays = gaps[m]
		if len(gaps)%2 == 0 {
			e.ReviewCadenceDays = (gaps[m-1] + gaps[m]) / 2
		}
	}
	return nil
}

// analysisEvidence reads the last review that kept its figures: its
// missed KPIs (the KGI aside), how many of them have a cause, the actions
// agreed in it, and every action open past its due day.
func (s *Store) analysisEvidence(ctx context.Context, e *model.Evidence) error {
	var last sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT r.id FROM reviews r WHERE EXISTS (SELECT 1 FROM review_kpis k WHERE k.review_id = r.id)
		ORDER BY r.held_on DESC, r.id DESC LIMIT 1`).Scan(&last)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if err := s.db.QueryRowContext(ctx, `SELECT count(DISTINCT review_id) FROM review_kpis`).Scan(&e.ReviewsWithFigures); err != nil {
		return err
	}
	if last.Valid {
		if err := s.db.QueryRowContext(ctx, `SELECT count(*),
			coalesce(sum(CASE WHEN EXISTS (SELECT 1 FROM review_notes n WHERE n.review_id = k.review_id AND n.kpi_key = k.kpi_key)
				THEN 1 ELSE 0 END), 0)
			FROM review_kpis k WHERE k.review_id = ? AND k.kgi = 0 AND k.status IN ('off_track', 'at_risk')`, last.Int64).
			Scan(&e.MissedLastReview, &e.ExplainedLastReview); err != nil {
			return err
		}
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM review_actions WHERE review_id = ?`, last.Int64).
			Scan(&e.ActionsLastReview); err != nil {
			return err
		}
	}
	return s.db.QueryRowContext(ctx, `SELECT count(*) FROM review_actions WHERE status = 'open' AND due < ?`,
		model.FormatDate(model.Date(e.Now))).Scan(&e.OverdueActions)
}

// revisionEvidence counts the revisions of KPIs (item 14 asks whether the
// KPIs are revisited) and finds when the last was recorded.
func (s *Store) revisionEvidence(ctx context.Context, e *model.Evidence) error {
	rows, err := s.db.QueryContext(ctx, `SELECT recorded_at FROM kpi_revisions`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var at string
		if err := rows.Scan(&at); err != nil {
			return err
		}
		e.KPIRevisions++
		if t := parseTime(at); t.After(e.LastKPIRevision) {
			e.LastKPIRevision = t
		}
	}
	return rows.Err()
}

// settingTrue reads an on/off setting (rule.alerts uses it too).
func settingTrue(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "on", "true", "1", "yes":
		return true
	}
	return false
}
