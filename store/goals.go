package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// The goal side: KFSs, the tree, settings and KPI values typed in by hand.
// The KGI and the KPIs, with their revisions, are in revisions.go (writing)
// and asof.go (reading).

// KFSList lists the key factors for success in the order they were added.
func (s *Store) KFSList(ctx context.Context) ([]model.KFS, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, text, kpi_keys FROM kfs ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("list KFS: %w", describe(err))
	}
	defer rows.Close()
	var out []model.KFS
	for rows.Next() {
		var k model.KFS
		var keys string
		if err := rows.Scan(&k.ID, &k.Text, &keys); err != nil {
			return nil, fmt.Errorf("list KFS: %w", describe(err))
		}
		if keys != "" {
			k.KPIKeys = strings.Split(keys, ",")
		}
		out = append(out, k)
	}
	return out, describe(rows.Err())
}

// AddKFS adds a key factor for success and returns its id.
func (s *Store) AddKFS(ctx context.Context, k model.KFS) (int64, error) {
	if strings.TrimSpace(k.Text) == "" {
		return 0, errors.New("KFS: text is empty")
	}
	for _, key := range k.KPIKeys {
		if key == "" || strings.Contains(key, ",") {
			return 0, fmt.Errorf("KFS: bad KPI key %q", key)
		}
	}
	var id int64
	err := s.tx(ctx, model.AreaTargets, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `INSERT INTO kfs (text, kpi_keys) VALUES (?, ?) RETURNING id`,
			k.Text, strings.Join(k.KPIKeys, ",")).Scan(&id)
		if err != nil {
			return fmt.Errorf("add KFS: %w", describe(err))
		}
		return nil
	})
	return id, err
}

// TreeNodes returns the stored tree as a flat list, parents before their
// children and siblings by position.
func (s *Store) TreeNodes(ctx context.Context) ([]model.TreeNodeDef, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT key, coalesce(parent_key, ''), op, position FROM tree_nodes ORDER BY position, key`)
	if err != nil {
		return nil, fmt.Errorf("read tree: %w", describe(err))
	}
	defer rows.Close()
	var all []model.TreeNodeDef
	for rows.Next() {
		var d model.TreeNodeDef
		var op string
		if err := rows.Scan(&d.Key, &d.ParentKey, &op, &d.Position); err != nil {
			return nil, fmt.Errorf("read tree: %w", describe(err))
		}
		d.Op = model.Op(op)
		all = append(all, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read tree: %w", describe(err))
	}
	return parentsFirst(all, func(string) bool { return false })
}

// parentsFirst orders defs so that every node comes after its parent
// (breadth first from the roots, keeping the given order among siblings).
// A node whose parent is neither in defs nor known (by exists) is an error,
// as is a cycle.
func parentsFirst(defs []model.TreeNodeDef, exists func(string) bool) ([]model.TreeNodeDef, error) {
	byParent := map[string][]model.TreeNodeDef{}
	keys := map[string]bool{}
	for _, d := range defs {
		if keys[d.Key] {
			return nil, fmt.Errorf("tree: node %q appears twice", d.Key)
		}
		keys[d.Key] = true
	}
	var queue []string
	for _, d := range defs {
		switch {
		case d.ParentKey == "":
			queue = append(queue, d.Key)
		case !keys[d.ParentKey] && exists(d.ParentKey):
			queue = append(queue, d.Key)
		case !keys[d.ParentKey]:
			return nil, fmt.Errorf("tree: node %q has unknown parent %q", d.Key, d.ParentKey)
		}
		byParent[d.ParentKey] = append(byParent[d.ParentKey], d)
	}
	def := map[string]model.TreeNodeDef{}
	for _, d := range defs {
		def[d.Key] = d
	}
	out := make([]model.TreeNodeDef, 0, len(defs))
	for len(queue) > 0 {
		k := queue[0]
		queue = queue[1:]
		out = append(out, def[k])
		for _, c := range byParent[k] {
			queue = append(queue, c.Key)
		}
	}
	if len(out) != len(defs) {
		return nil, errors.New("tree: the nodes form a cycle")
	}
	return out, nil
}

func checkNode(d model.TreeNodeDef) error {
	if strings.TrimSpace(d.Key) == "" {
		return errors.New("tree: a node has an empty key")
	}
	if !d.Op.Valid() {
		return fmt.Errorf("tree: node %q has unknown operator %q", d.Key, d.Op)
	}
	if d.ParentKey == d.Key {
		return fmt.Errorf("tree: node %q is its own parent", d.Key)
	}
	return nil
}

func insertNodes(ctx context.Context, tx *sql.Tx, defs []model.TreeNodeDef) error {
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO tree_nodes (key, parent_key, op, position) VALUES (?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("save tree: %w", describe(err))
	}
	defer stmt.Close()
	for _, d := range defs {
		var parent any
		if d.ParentKey != "" {
			parent = d.ParentKey
		}
		if _, err := stmt.ExecContext(ctx, d.Key, parent, string(d.Op), d.Position); err != nil {
			return fmt.Errorf("save tree node %s: %w", d.Key, describe(err))
		}
	}
	return nil
}

// ReplaceTree replaces the whole stored tree with defs in one transaction.
func (s *Store) ReplaceTree(ctx context.Context, defs []model.TreeNodeDef) error {
	for _, d := range defs {
		if err := checkNode(d); err != nil {
			return err
		}
	}
	ordered, err := parentsFirst(defs, func(string) bool { return false })
	if err != nil {
		return err
	}
	return s.tx(ctx, model.AreaTargets, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM tree_nodes`); err != nil {
			return fmt.Errorf("clear tree: %w", describe(err))
		}
		return insertNodes(ctx, tx, ordered)
	})
}

// AdoptKPIs adds the KPIs and tree nodes that do not exist yet, in one
// transaction. Nothing that exists is changed or removed: a KPI or node
// already stored keeps its definition (the styles screen adopts a style's
// KPIs into a tree the user may have edited).
func (s *Store) AdoptKPIs(ctx context.Context, kpis []model.KPI, tree []model.TreeNodeDef) error {
	norm := make([]model.KPI, len(kpis))
	for i, k := range kpis {
		n, err := normalizeKPI(k)
		if err != nil {
			return err
		}
		norm[i] = n
	}
	for _, d := range tree {
		if err := checkNode(d); err != nil {
			return err
		}
	}
	return s.tx(ctx, model.AreaTargets, func(tx *sql.Tx) error {
		for _, k := range norm {
			if err := s.saveKPITx(ctx, tx, k, RevisionNote{}, true); err != nil {
				return err
			}
		}
		existing := map[string]bool{}
		rows, err := tx.QueryContext(ctx, `SELECT key FROM tree_nodes`)
		if err != nil {
			return fmt.Errorf("read tree: %w", describe(err))
		}
		for rows.Next() {
			var k string
			if err := rows.Scan(&k); err != nil {
				rows.Close()
				return fmt.Errorf("read tree: %w", describe(err))
			}
			existing[k] = true
		}
		rows.Close()
		var fresh []model.TreeNodeDef
		for _, d := range tree {
			if !existing[d.Key] {
				fresh = append(fresh, d)
			}
		}
		ordered, err := parentsFirst(fresh, func(k string) bool { return existing[k] })
		if err != nil {
			return err
		}
		return insertNodes(ctx, tx, ordered)
	})
}

// Setting returns a stored setting; ok is false when it was never set.
func (s *Store) Setting(ctx context.Context, key string) (value string, ok bool, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&value)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("read setting %s: %w", key, describe(err))
	}
	return value, true, nil
}

// SetSetting stores a setting.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	return s.tx(ctx, model.AreaRules, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
		if err != nil {
			return fmt.Errorf("save setting %s: %w", key, describe(err))
		}
		return nil
	})
}

// SettingFiscalStart is the setting holding the fiscal-year start month (1–12).
const SettingFiscalStart = "fiscal_start"

// FiscalStart is the month the fiscal year starts in, April unless set.
func (s *Store) FiscalStart(ctx context.Context) (time.Month, error) {
	v, ok, err := s.Setting(ctx, SettingFiscalStart)
	if err != nil || !ok {
		return model.DefaultFiscalStart, err
	}
	m, err := strconv.Atoi(v)
	if err != nil || m < 1 || m > 12 {
		return model.DefaultFiscalStart, fmt.Errorf("setting %s: %q is not a month (1-12)", SettingFiscalStart, v)
	}
	return time.Month(m), nil
}

// SetFiscalStart stores the fiscal-year start month.
func (s *Store) SetFiscalStart(ctx context.Context, m time.Month) error {
	if m < time.January || m > time.December {
		return fmt.Errorf("fiscal start: %d is not a month (1-12)", m)
	}
	return s.SetSetting(ctx, SettingFiscalStart, strconv.Itoa(int(m)))
}

// manualKPI checks that key names a KPI typed in by hand.
func manualKPI(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, key string) error {
	var source string
	err := q.QueryRowContext(ctx, `SELECT source FROM kpis WHERE key = ?`, key).Scan(&source)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("KPI %s does not exist", key)
	}
	if err != nil {
		return fmt.Errorf("read KPI %s: %w", key, describe(err))
	}
	if model.Source(source) != model.SourceManual {
		return fmt.Errorf("KPI %s is aggregated from records; its value cannot be typed in", key)
	}
	return nil
}

// SetManualValue records the value of a hand-entered KPI for one period.
// KPIs aggregated from records are refused.
func (s *Store) SetManualValue(ctx context.Context, key string, p model.Period, value float64) error {
	if !p.Kind.Valid() || p.Start.IsZero() {
		return fmt.Errorf("KPI %s: no period given for the value", key)
	}
	return s.tx(ctx, model.AreaTargets, func(tx *sql.Tx) error {
		if err := manualKPI(ctx, tx, key); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO kpi_manual_values (kpi_key, period_start, period_kind, value, entered_at)
			VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (kpi_key, period_kind, period_start) DO UPDATE SET value = excluded.value, entered_at = excluded.entered_at`,
			key, model.FormatDate(p.Start), string(p.Kind), value, formatTime(s.now()))
		if err != nil {
			return fmt.Errorf("save value of KPI %s: %w", key, describe(err))
		}
		return nil
	})
}

// ManualValue returns the hand-entered value of a KPI for one period,
// undefined when none was entered. KPIs aggregated from records are refused.
func (s *Store) ManualValue(ctx context.Context, key string, p model.Period) (model.Value, error) {
	if err := manualKPI(ctx, s.db, key); err != nil {
		return model.None, err
	}
	var v float64
	err := s.db.QueryRowContext(ctx, `SELECT value FROM kpi_manual_values WHERE kpi_key = ? AND period_kind = ? AND period_start = ?`,
		key, string(p.Kind), model.FormatDate(p.Start)).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return model.None, nil
	}
	if err != nil {
		return model.None, fmt.Errorf("read value of KPI %s: %w", key, describe(err))
	}
	return model.Some(v), nil
}

// Clock is the clock the store stamps writes with (see SetClock).
func (s *Store) Clock() func() time.Time { return s.now }
