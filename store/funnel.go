package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// The shared funnel's records (docs/funnel.md): stage_history, the
// lead_funnel table the schema's trigger derives from it, and the stage
// definitions' revisions.

// stageColumn is the lead_funnel column of a lead stage's first reach.
var stageColumn = map[model.FunnelStage]string{
	model.FunnelLead: "lead_s", model.FunnelMQL: "mql_s", model.FunnelSQL: "sql_s",
	model.FunnelOpportunity: "opportunity_s", model.FunnelWon: "won_s",
}

// FunnelGroupings are the breakdowns of the funnel: the lead's source, its
// owner, the owner's department.
var FunnelGroupings = []string{"department", "source", "rep"}

// funnelGroupKey is the SQL of a breakdown's key over leads l and reps r.
func funnelGroupKey(by string) (string, error) {
	switch by {
	case "":
		return "", nil
	case "source":
		return "l.source", nil
	case "rep":
		return "coalesce(r.name, '')", nil
	case "department":
		return "coalesce(r.department, '')", nil
	}
	return "", fmt.Errorf("unknown funnel breakdown %q (want department, source or rep)", by)
}

// StageCohort is the leads of one group that first reached a stage in a
// range: how many, and for those that had reached the next stage by the
// cut-off, the seconds it took (unsorted).
type StageCohort struct {
	Group       string
	Stage       model.FunnelStage
	Reached     int
	LagsSeconds []float64
	// Open is how many stand at the stage still at asOf, neither moved on
	// nor disqualified (0 for the last stage).
	Open int
}

// FunnelCohorts reads, per lead stage and group, the leads that first
// reached the stage in [from, to) and how long those that reached the next
// stage by asOf took. by is "" or one of FunnelGroupings.
//
// The lags come back as one group_concat per stage and group rather than a
// row each: at a fiscal year of 500,000 leads the rows' round trips through
// database/sql cost more than the scans (BENCHMARKS.md).
func (s *Store) FunnelCohorts(ctx context.Context, from, to, asOf time.Time, by string) ([]StageCohort, error) {
	key, err := funnelGroupKey(by)
	if err != nil {
		return nil, err
	}
	if by == "" {
		return s.funnelTotals(ctx, from, to, asOf)
	}
	var out []StageCohort
	for _, st := range model.LeadStages() {
		c := stageColumn[st]
		lag, open, args := "NULL", "0", []any{from.Unix(), to.Unix()}
		if next := st.Next(); next != "" {
			n := stageColumn[next]
			lag = s.listAgg(fmt.Sprintf("CASE WHEN f.%[1]s >= f.%[2]s AND f.%[1]s <= ?3 THEN f.%[1]s - f.%[2]s END", n, c))
			open = fmt.Sprintf(`count(CASE WHEN f.current_stage = ?4 AND f.status != 'disqualified'
				AND (f.%[1]s IS NULL OR f.%[1]s > ?3) THEN 1 END)`, n)
			args = append(args, asOf.Unix(), string(st))
		}
		// Each stage's index holds the next stage's time, the source and
		// the owner (schema 14): every form is one range scan of it.
		where := fmt.Sprintf("FROM lead_funnel f WHERE f.%s >= ?1 AND f.%s < ?2", c, c)
		var q string
		switch by {
		case "":
			q = fmt.Sprintf(`SELECT '', count(*), %s, %s %s`, lag, open, where)
		case "source":
			q = fmt.Sprintf(`SELECT f.source, count(*), %s, %s %s GROUP BY f.source ORDER BY 1`, lag, open, where)
		default:
			// Per owner first, then the owners' names or departments.
			q = fmt.Sprintf(`SELECT %s, CAST(sum(x.n) AS BIGINT), %s, CAST(sum(x.o) AS BIGINT)
				FROM (SELECT f.rep_id, count(*) AS n, %s AS lags, %s AS o %s GROUP BY f.rep_id) x
				LEFT JOIN reps r ON r.id = x.rep_id GROUP BY 1 ORDER BY 1`, key, s.listAgg("x.lags"), lag, open, where)
		}
		rows, err := s.db.QueryContext(ctx, q, args...)
		if err != nil {
			return nil, fmt.Errorf("read the funnel at %s: %w", st, describe(err))
		}
		for rows.Next() {
			sc := StageCohort{Stage: st}
			var lags sql.NullString
			if err := rows.Scan(&sc.Group, &sc.Reached, &lags, &sc.Open); err != nil {
				rows.Close()
				return nil, fmt.Errorf("read the funnel at %s: %w", st, describe(err))
			}
			sc.LagsSeconds = parseLags(lags.String)
			out = append(out, sc)
		}
		if err := rows.Close(); err != nil {
			return nil, describe(err)
		}
		if err := rows.Err(); err != nil {
			return nil, describe(err)
		}
	}
	return out, nil
}

// dayS is the seconds of a day: funnel_reached keys its rows by the
// first second of a UTC day.
const dayS = 86400

// funnelTotals is FunnelCohorts without a breakdown, from what migration
// 22 keeps (store/schema.go): the leads reaching each stage from
// funnel_reached for the range's whole UTC days and from lead_funnel for
// the part days at its edges; the times to the next stage from the
// partial index of the leads that reached it; the leads still open from
// the partial index of those standing at the stage. A fiscal year of
// 500,000 leads reads about 600,000 index entries instead of 1,040,000
// (BENCHMARKS.md).
func (s *Store) funnelTotals(ctx context.Context, from, to, asOf time.Time) ([]StageCohort, error) {
	fromS, toS := from.Unix(), to.Unix()
	// [lo, hi): the range's whole UTC days, counted from funnel_reached;
	// [fromS, lo) and [hi, toS) from lead_funnel. A range with no whole
	// day, or starting before 1970, is all read from lead_funnel.
	lo, hi := (fromS+dayS-1)/dayS*dayS, toS/dayS*dayS
	if hi <= lo || fromS < 0 {
		lo, hi = toS, toS
	}
	var out []StageCohort
	for _, st := range model.LeadStages() {
		c := stageColumn[st]
		sc := StageCohort{Stage: st}
		err := s.db.QueryRowContext(ctx, fmt.Sprintf(`SELECT
			(SELECT CAST(coalesce(sum(n), 0) AS BIGINT) FROM funnel_reached WHERE stage = ?1 AND day_s >= ?3 AND day_s < ?4)
			+ (SELECT count(*) FROM lead_funnel WHERE %[1]s >= ?2 AND %[1]s < ?3)
			+ (SELECT count(*) FROM lead_funnel WHERE %[1]s >= ?4 AND %[1]s < ?5)`, c),
			string(st), fromS, lo, hi, toS).Scan(&sc.Reached)
		if err != nil {
			return nil, fmt.Errorf("read the funnel at %s: %w", st, describe(err))
		}
		if next := st.Next(); next != "" {
			n := stageColumn[next]
			var lags sql.NullString
			err := s.db.QueryRowContext(ctx, fmt.Sprintf(`SELECT %[3]s FROM lead_funnel f %[4]s
				WHERE f.%[1]s >= ?1 AND f.%[1]s < ?2 AND f.%[2]s >= f.%[1]s AND f.%[2]s <= ?3`,
				c, n, s.listAgg(fmt.Sprintf("f.%s - f.%s", n, c)), s.indexedBy("lead_funnel_"+string(st)+"_on")),
				fromS, toS, asOf.Unix()).Scan(&lags)
			if err != nil {
				return nil, fmt.Errorf("read the funnel at %s: %w", st, describe(err))
			}
			sc.LagsSeconds = parseLags(lags.String)
			err = s.db.QueryRowContext(ctx, fmt.Sprintf(`SELECT count(*) FROM lead_funnel f %[3]s
				WHERE f.%[1]s >= ?1 AND f.%[1]s < ?2 AND f.current_stage = '%[4]s' AND f.status != 'disqualified'
				AND (f.%[2]s IS NULL OR f.%[2]s > ?3)`, c, n, s.indexedBy("lead_funnel_"+string(st)+"_open"), st),
				fromS, toS, asOf.Unix()).Scan(&sc.Open)
			if err != nil {
				return nil, fmt.Errorf("read the funnel at %s: %w", st, describe(err))
			}
		}
		out = append(out, sc)
	}
	return out, nil
}

// parseLags reads group_concat's comma-separated integers.
func parseLags(s string) []float64 {
	if s == "" {
		return nil
	}
	out := make([]float64, 0, strings.Count(s, ",")+1)
	for len(s) > 0 {
		i := strings.IndexByte(s, ',')
		part := s
		if i >= 0 {
			part, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		if n, err := strconv.ParseInt(part, 10, 64); err == nil {
			out = append(out, float64(n))
		}
	}
	return out
}

// RecycledCounts counts the recycles per stage they went back to, made in
// [from, to) on live leads (those lead_funnel holds: a smaller table to
// look leads up in than leads).
func (s *Store) RecycledCounts(ctx context.Context, from, to time.Time) (map[model.FunnelStage]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT h.stage, count(*) FROM stage_history h `+s.indexedBy("stage_history_recycled")+`
		JOIN lead_funnel f ON f.lead_id = h.lead_id
		WHERE h.recycle = 1 AND h.at >= ? AND h.at < ? GROUP BY h.stage`, stageTime(from), stageTime(to))
	if err != nil {
		return nil, fmt.Errorf("count recycles: %w", describe(err))
	}
	defer rows.Close()
	out := map[model.FunnelStage]int{}
	for rows.Next() {
		var st string
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return nil, fmt.Errorf("count recycles: %w", describe(err))
		}
		out[model.FunnelStage(st)] = n
	}
	return out, describe(rows.Err())
}

// stageTime is a stage time as stage_history stores it: RFC 3339 in UTC
// to the second, so that text order is time order.
func stageTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// StageWaits lists the live leads whose current stage is one of stages and
// that have stood there since before cut, leaving out disqualified leads
// and converted leads whose move to an opportunity has no date (leads
// written before the stage history, docs/funnel.md).
// They are the candidates for the hand-off limits (model.OverdueLeads).
func (s *Store) StageWaits(ctx context.Context, stages []model.FunnelStage, cut time.Time) ([]model.StageWait, error) {
	var out []model.StageWait
	for _, st := range stages {
		waits, err := s.stageWaitsIn(ctx, st, math.MinInt64, cut.Unix())
		if err != nil {
			return nil, err
		}
		out = append(out, waits...)
	}
	return out, nil
}

// waitingAt is StageWaits' condition on lead_funnel f for the stage ?1,
// which lead_funnel_waiting holds: the index alone answers a count.
const waitingAt = `f.current_stage = ?1 AND f.status != 'disqualified' AND NOT (f.status = 'converted' AND ?1 IN ('lead', 'mql', 'sql'))`

// stageWaitsIn lists the leads waiting at stage since a moment in [from,
// to) (Unix seconds), by lead id.
func (s *Store) stageWaitsIn(ctx context.Context, st model.FunnelStage, from, to int64) ([]model.StageWait, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT f.lead_id, l.company, f.current_s, coalesce(r.name, '')
		FROM lead_funnel f `+s.indexedBy("lead_funnel_waiting")+` JOIN leads l ON l.id = f.lead_id LEFT JOIN reps r ON r.id = l.rep_id
		WHERE `+waitingAt+` AND f.current_s >= ?2 AND f.current_s < ?3 ORDER BY f.lead_id`,
		string(st), from, to)
	if err != nil {
		return nil, fmt.Errorf("read leads waiting at %s: %w", st, describe(err))
	}
	defer rows.Close()
	var out []model.StageWait
	for rows.Next() {
		w := model.StageWait{Stage: st}
		var since int64
		if err := rows.Scan(&w.LeadID, &w.Company, &since, &w.RepName); err != nil {
			return nil, fmt.Errorf("read leads waiting at %s: %w", st, describe(err))
		}
		w.Since = time.Unix(since, 0).UTC()
		out = append(out, w)
	}
	return out, describe(rows.Err())
}

// StageOverdue is OverdueLeads counted per stage (model.CountOverdue)
// without reading every overdue lead: at a million deals some 50,000 leads
// wait past their limits, and the alerts need only how many and the worst.
// The leads that arrived on a day whose hand-off fell before today are
// counted in lead_funnel_waiting's range (model.HandoffArrivalDays); only
// those due today and those sharing the earliest arrivals' due day, among
// which the worst is, are read and judged by model.OverdueLeads.
func (s *Store) StageOverdue(ctx context.Context, defs []model.StageDef, now time.Time, loc *time.Location) ([]model.StageOverdue, error) {
	rules, err := s.InputRules(ctx)
	if err != nil {
		return nil, err
	}
	if loc == nil {
		loc = time.UTC // as model.HandoffDue reads a nil zone
	}
	today := model.Date(now.In(loc))
	start := func(day time.Time) int64 {
		return time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, loc).Unix()
	}
	var out []model.StageOverdue
	for _, d := range defs {
		if d.LimitDays <= 0 {
			continue
		}
		dueToday, dueAfter := model.HandoffArrivalDays(d.LimitDays, today, rules.YearEndClosure)
		var past int
		var first sql.NullInt64
		// The whole UTC days before the cut from waiting_days (migration
		// 26), the part day up to it from the index; the earliest arrival
		// is the first waiting lead from the first day with any.
		cut := start(dueToday)
		if err := s.db.QueryRowContext(ctx, `SELECT CAST(coalesce((SELECT sum(w.n) FROM waiting_days w WHERE w.stage = ?1 AND w.day_s < ?3), 0)
				+ (SELECT count(*) FROM lead_funnel f `+s.indexedBy("lead_funnel_waiting")+` WHERE `+waitingAt+` AND f.current_s >= ?3 AND f.current_s < ?2) AS BIGINT),
			(SELECT f.current_s FROM lead_funnel f `+s.indexedBy("lead_funnel_waiting")+` WHERE `+waitingAt+`
				AND f.current_s >= coalesce((SELECT min(w.day_s) FROM waiting_days w WHERE w.stage = ?1 AND w.n > 0), ?2) AND f.current_s < ?2
				ORDER BY f.current_s LIMIT 1)`,
			string(d.Stage), cut, cut-((cut%86400)+86400)%86400).Scan(&past, &first); err != nil {
			return nil, fmt.Errorf("count leads past their limit at %s: %w", d.Stage, describe(err))
		}
		judged, err := s.stageWaitsIn(ctx, d.Stage, start(dueToday), start(dueAfter))
		if err != nil {
			return nil, err
		}
		if first.Valid {
			arrived := model.Date(time.Unix(first.Int64, 0).In(loc))
			worst, err := s.stageWaitsIn(ctx, d.Stage, start(arrived),
				min(start(model.HandoffSameDueDays(arrived, d.LimitDays, rules.YearEndClosure)), start(dueToday)))
			if err != nil {
				return nil, err
			}
			judged = append(judged, worst...)
		}
		overdue := model.OverdueLeads(judged, defs, now, loc, rules.YearEndClosure)
		if len(overdue) == 0 {
			continue
		}
		sum := model.StageOverdue{Worst: overdue[0], Count: past}
		for _, o := range overdue {
			if o.Since.Unix() >= start(dueToday) {
				sum.Count++
			}
		}
		out = append(out, sum)
	}
	return out, nil
}

// OverdueLeads is every lead past its stage's hand-off limit at now under
// defs (model.OverdueLeads holds the rule), with the team's year-end
// closure; the funnel, the alerts and the checklist read it.
func (s *Store) OverdueLeads(ctx context.Context, defs []model.StageDef, now time.Time, loc *time.Location) ([]model.Overdue, error) {
	rules, err := s.InputRules(ctx)
	if err != nil {
		return nil, err
	}
	var limited []model.FunnelStage
	shortest := 0
	for _, d := range defs {
		if d.LimitDays > 0 {
			limited = append(limited, d.Stage)
			if shortest == 0 || d.LimitDays < shortest {
				shortest = d.LimitDays
			}
		}
	}
	if len(limited) == 0 {
		return nil, nil
	}
	// n business days are at least n calendar days: leads that reached
	// their stage later than that cannot be overdue, and are not read.
	waits, err := s.StageWaits(ctx, limited, now.AddDate(0, 0, -shortest))
	if err != nil {
		return nil, err
	}
	return model.OverdueLeads(waits, defs, now, loc, rules.YearEndClosure), nil
}

// FunnelLead is a lead behind a funnel figure.
type FunnelLead struct {
	ID      int64
	Company string
	Source  string
	RepName string
	Reached time.Time         // when it first reached the stage
	Next    time.Time         // when it first reached the next stage; zero when not (yet)
	Current model.FunnelStage // where it stands now
}

// FunnelLeads lists the leads that first reached stage in [from, to), in
// the group (by as in FunnelCohorts; group ignored when by is ""), oldest
// first, at most limit.
func (s *Store) FunnelLeads(ctx context.Context, stage model.FunnelStage, from, to, asOf time.Time, by, group string, limit int) ([]FunnelLead, error) {
	c, ok := stageColumn[stage]
	if !ok {
		return nil, fmt.Errorf("no funnel figures at stage %q", stage)
	}
	key, err := funnelGroupKey(by)
	if err != nil {
		return nil, err
	}
	next := "NULL"
	if n := stage.Next(); n != "" {
		next = fmt.Sprintf("CASE WHEN f.%[1]s >= f.%[2]s AND f.%[1]s <= ?3 THEN f.%[1]s END", stageColumn[n], c)
	}
	where := ""
	if key != "" {
		where = " AND " + key + " = ?4"
	}
	rows, err := s.db.QueryContext(ctx, fmt.Sprintf(`SELECT l.id, l.company, l.source, coalesce(r.name, ''), f.%s, %s, f.current_stage
		FROM lead_funnel f JOIN leads l ON l.id = f.lead_id LEFT JOIN reps r ON r.id = l.rep_id
		WHERE f.%s >= ?1 AND f.%s < ?2%s ORDER BY f.%s, l.id LIMIT ?5`, c, next, c, c, where, c),
		from.Unix(), to.Unix(), asOf.Unix(), group, limit)
	if err != nil {
		return nil, fmt.Errorf("list the leads at %s: %w", stage, describe(err))
	}
	defer rows.Close()
	var out []FunnelLead
	for rows.Next() {
		var fl FunnelLead
		var reached int64
		var nx sql.NullInt64
		var current string
		if err := rows.Scan(&fl.ID, &fl.Company, &fl.Source, &fl.RepName, &reached, &nx, &current); err != nil {
			return nil, fmt.Errorf("list the leads at %s: %w", stage, describe(err))
		}
		fl.Reached, fl.Current = time.Unix(reached, 0).UTC(), model.FunnelStage(current)
		if nx.Valid {
			fl.Next = time.Unix(nx.Int64, 0).UTC()
		}
		out = append(out, fl)
	}
	return out, describe(rows.Err())
}

// StageHistory is a lead's stage changes, oldest first.
func (s *Store) StageHistory(ctx context.Context, leadID int64) ([]model.StageMove, error) {
	return stageHistory(ctx, s.db, leadID)
}

func stageHistory(ctx context.Context, q queryer, leadID int64) ([]model.StageMove, error) {
	rows, err := q.QueryContext(ctx, `SELECT h.id, h.stage, h.at, coalesce(h.rep_id, 0), coalesce(r.name, ''), h.recycle
		FROM stage_history h LEFT JOIN reps r ON r.id = h.rep_id WHERE h.lead_id = ? ORDER BY h.at, h.id`, leadID)
	if err != nil {
		return nil, fmt.Errorf("read the stage history of lead %d: %w", leadID, describe(err))
	}
	defer rows.Close()
	var out []model.StageMove
	for rows.Next() {
		mv := model.StageMove{LeadID: leadID}
		var st, at string
		if err := rows.Scan(&mv.ID, &st, &at, &mv.RepID, &mv.RepName, &mv.Recycle); err != nil {
			return nil, fmt.Errorf("read the stage history of lead %d: %w", leadID, describe(err))
		}
		mv.Stage, mv.At = model.FunnelStage(st), parseTime(at)
		out = append(out, mv)
	}
	return out, describe(rows.Err())
}

// ErrNoLead is returned for a stage change of a lead that does not exist.
var ErrNoLead = errors.New("no such lead")

// MoveStages records stage changes, all or none: each is checked against
// its lead's creation day and history (model.CheckStageMove, the earlier
// moves of the same call included) and the first refusal names the lead
// and the field; a time after the store's clock is refused too. A lead's
// status and its MQL/SQL days follow its stage, so the figures read from
// them agree with the funnel. Each move is journaled: Undo takes it back.
func (s *Store) MoveStages(ctx context.Context, moves []model.StageMove) error {
	return s.tx(ctx, model.AreaRecords, func(tx *sql.Tx) error {
		entered := formatTime(s.now())
		for _, mv := range moves {
			var created string
			var deleted sql.NullString
			err := tx.QueryRowContext(ctx, `SELECT created, deleted_at FROM leads WHERE id = ?`, mv.LeadID).Scan(&created, &deleted)
			if errors.Is(err, sql.ErrNoRows) || err == nil && deleted.Valid {
				return fmt.Errorf("lead %d: %w", mv.LeadID, ErrNoLead)
			}
			if err != nil {
				return fmt.Errorf("lead %d: %w", mv.LeadID, describe(err))
			}
			if s.checksRecords(model.AreaRecords) {
				if err := s.mayRow(ctx, tx, "leads", mv.LeadID); err != nil {
					return err
				}
			}
			createdDay, _ := model.ParseDate(created)
			hist, err := stageHistory(ctx, tx, mv.LeadID)
			if err != nil {
				return err
			}
			if err := model.CheckStageMove(createdDay, hist, mv); err != nil {
				return fmt.Errorf("lead %d: %w", mv.LeadID, err)
			}
			if now := s.now(); mv.At.After(now) {
				return fmt.Errorf("lead %d: %w", mv.LeadID, model.Refuse("at", model.RefuseFutureDate,
					stageTime(mv.At), model.FormatDate(model.Date(now))))
			}
			rep, err := resolveRep(ctx, tx, mv.RepID, mv.RepName, true)
			if err != nil {
				return fmt.Errorf("lead %d: %w", mv.LeadID, err)
			}
			var repArg any
			if rep != 0 {
				repArg = rep
			}
			// Journaled as an edit of the lead, so Undo takes the move back.
			if err := s.journal(ctx, tx, recordTables[model.RecordLead], mv.LeadID, "update"); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO stage_history (lead_id, stage, at, rep_id, recycle, entered_at)
				VALUES (?, ?, ?, ?, ?, ?)`, mv.LeadID, string(mv.Stage), stageTime(mv.At), repArg, mv.Recycle, entered); err != nil {
				return fmt.Errorf("lead %d: %w", mv.LeadID, describe(err))
			}
			day := model.FormatDate(mv.At.UTC())
			if _, err := tx.ExecContext(ctx, `UPDATE leads SET status = ?,
				mql_on = CASE WHEN ?2 = 'mql' THEN coalesce(mql_on, ?3) ELSE mql_on END,
				sql_on = CASE WHEN ?2 = 'sql' THEN coalesce(sql_on, ?3) ELSE sql_on END,
				updated_at = ?4 WHERE id = ?5`,
				string(leadStatusAt(mv.Stage)), string(mv.Stage), day, entered, mv.LeadID); err != nil {
				return fmt.Errorf("lead %d: %w", mv.LeadID, describe(err))
			}
		}
		return nil
	})
}

// leadStatusAt is the lead status that says a lead stands at stage st.
func leadStatusAt(st model.FunnelStage) model.LeadStatus {
	switch st {
	case model.FunnelLead:
		return model.LeadNew
	case model.FunnelMQL:
		return model.LeadMQL
	case model.FunnelSQL:
		return model.LeadSQL
	}
	return model.LeadConverted
}

// StageDefRevisions lists every revision of the stage definitions in the
// order they were recorded.
func (s *Store) StageDefRevisions(ctx context.Context) ([]model.StageDefRevision, error) {
	return stageDefRevisions(ctx, s.db)
}

func stageDefRevisions(ctx context.Context, q queryer) ([]model.StageDefRevision, error) {
	rows, err := q.QueryContext(ctx, `SELECT stage, effective_from, recorded_at, author, reason, definition_ja, definition_en,
		owner, limit_days, target_rate FROM stage_revisions ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("read the stage definitions: %w", describe(err))
	}
	defer rows.Close()
	var out []model.StageDefRevision
	for rows.Next() {
		var r model.StageDefRevision
		var st, from, at, owner string
		var target sql.NullFloat64
		if err := rows.Scan(&st, &from, &at, &r.Author, &r.Reason, &r.Def.DefinitionJA, &r.Def.DefinitionEN,
			&owner, &r.Def.LimitDays, &target); err != nil {
			return nil, fmt.Errorf("read the stage definitions: %w", describe(err))
		}
		r.Def.Stage, r.Def.Owner = model.FunnelStage(st), model.Department(owner)
		if target.Valid {
			r.Def.TargetRate = model.Some(target.Float64)
		}
		r.EffectiveFrom, r.RecordedAt = parseEffective(from), parseTime(at)
		out = append(out, r)
	}
	return out, describe(rows.Err())
}

// StageDefsAsOf is the stage definitions in force on day.
func (s *Store) StageDefsAsOf(ctx context.Context, day time.Time) ([]model.StageDef, error) {
	revs, err := s.StageDefRevisions(ctx)
	if err != nil {
		return nil, err
	}
	return model.StageDefsAsOf(revs, day), nil
}

// ReviseStageDef records def as the stage's definition from note.From
// (today when zero) with its author and reason. A definition equal to the
// one in force on that day writes nothing.
func (s *Store) ReviseStageDef(ctx context.Context, def model.StageDef, note RevisionNote) error {
	if err := model.CheckStageDef(def); err != nil {
		return err
	}
	return s.tx(ctx, model.AreaRules, func(tx *sql.Tx) error {
		st, err := s.stampOf(note, false)
		if err != nil {
			return fmt.Errorf("revise stage %s: %w", def.Stage, err)
		}
		revs, err := stageDefRevisions(ctx, tx)
		if err != nil {
			return err
		}
		if model.StageDefOf(model.StageDefsAsOf(revs, st.from), def.Stage) == def {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO stage_revisions (stage, effective_from, recorded_at, author, reason,
			definition_ja, definition_en, owner, limit_days, target_rate) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			string(def.Stage), effectiveText(st.from), st.recordedAt, st.author, st.reason,
			def.DefinitionJA, def.DefinitionEN, string(def.Owner), def.LimitDays, nullValue(def.TargetRate)); err != nil {
			return fmt.Errorf("revise stage %s: %w", def.Stage, describe(err))
		}
		return nil
	})
}
