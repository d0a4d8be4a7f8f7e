package tui

import (
	"context"
	"slices"
	"strings"

	"github.com/kpit-dev/kpit/kpitree"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// The detail pane's list of a goal's revisions (改定履歴): newest first,
// each with the day it takes effect, what it set, its author and reason.
// The root that carries the KGI lists the KGI's.

// goalRevisions are the revisions the tree's detail pane lists.
type goalRevisions struct {
	kpi map[string][]model.KPIRevision // per KPI, newest first
	kgi []model.KGIRevision            // newest first
}

func loadRevisions(ctx context.Context, st *store.Store) (goalRevisions, error) {
	all, err := st.KPIRevisions(ctx) // in the order recorded
	if err != nil {
		return goalRevisions{}, err
	}
	r := goalRevisions{kpi: map[string][]model.KPIRevision{}}
	for i := len(all) - 1; i >= 0; i-- {
		r.kpi[all[i].Key] = append(r.kpi[all[i].Key], all[i])
	}
	for _, revs := range r.kpi {
		// Newest effective first; of one day, the later recorded first (the
		// loop above put them in that order already).
		slices.SortStableFunc(revs, func(a, b model.KPIRevision) int { return b.EffectiveFrom.Compare(a.EffectiveFrom) })
	}
	r.kgi, err = st.KGIHistory(ctx)
	return r, err
}

// maxRevisionRows is how many revisions the pane lists when there is room.
const maxRevisionRows = 5

// revisionRows are the rows of node n's revisions, newest first.
func (s *treeScreen) revisionRows(n *kpitree.Node) []string {
	g := s.data.goals
	var rows []string
	if n.Parent == nil && g.HasKGI && g.KGI.Metric == n.Key {
		for _, r := range s.data.revisions.kgi {
			rows = append(rows, s.revisionRow(r.Revision, s.Money().Unit(r.KGI.Unit, model.Some(r.KGI.Value))))
		}
		return rows
	}
	for _, r := range s.data.revisions.kpi[n.Key] {
		rows = append(rows, s.revisionRow(r.Revision, s.revisedWhat(n, r)))
	}
	return rows
}

// revisedWhat says what a revision set: the target (the first revision's
// too, which sets everything), else the deadline, or the field's name.
func (s *treeScreen) revisedWhat(n *kpitree.Node, r model.KPIRevision) string {
	var parts []string
	for _, f := range r.Changed {
		switch f {
		case model.FieldTarget:
			if !r.KPI.HasTarget {
				parts = append(parts, s.T(msgRevNoTarget))
				continue
			}
			v := s.Money().Unit(n.Unit, model.Some(r.KPI.Target))
			if n.Kind == kpitree.Flow {
				v += "/" + periodKindName(s.Lang, kpitree.PerOrYear(r.KPI.TargetPer))
			}
			parts = append(parts, v)
		case model.FieldDeadline:
			if len(r.Changed) < len(model.KPIFields) {
				parts = append(parts, s.T(msgRevDeadline, model.FormatDate(r.KPI.Deadline)))
			}
		case model.FieldDefinition:
			if len(r.Changed) < len(model.KPIFields) {
				parts = append(parts, s.T(msgRevDefinition))
			}
		case model.FieldFormula:
			if len(r.Changed) < len(model.KPIFields) {
				parts = append(parts, s.T(msgRevFormula))
			}
		case model.FieldMain:
			if len(r.Changed) < len(model.KPIFields) {
				parts = append(parts, s.T(map[bool]Text{true: msgRevMain, false: msgRevSupporting}[r.KPI.Main]))
			}
		}
	}
	return strings.Join(parts, ", ")
}

// revisionRow lays one revision out in the pane's width: effective day,
// what it set, author, reason; every cell cut to its column.
func (s *treeScreen) revisionRow(r model.Revision, what string) string {
	from := model.FormatDate(r.EffectiveFrom)
	if r.EffectiveFrom.IsZero() {
		from = s.T(msgRevFromStart)
	}
	const fromW, whatW, authorW = 10, 16, 10
	reasonW := max(s.width-2-fromW-whatW-authorW-3, 8)
	return "  " + padRight(from, fromW) + " " + padRight(what, whatW) + " " + padRight(r.Author, authorW) + " " +
		strings.TrimRight(padRight(r.Reason, reasonW), " ")
}

// fitDetail shares the pane's height between the revisions and the last
// periods: when both do not fit, the revisions go down to two rows, then the
// oldest periods to two, then the revisions to one.
func fitDetail(room, fixed int, revs, periods []string) ([]string, []string) {
	revs = revs[:min(len(revs), maxRevisionRows)]
	over := func() bool { return fixed+len(revs)+len(periods) > room }
	for over() && len(revs) > 2 {
		revs = revs[:len(revs)-1]
	}
	for over() && len(periods) > 2 {
		periods = periods[1:]
	}
	for over() && len(revs) > 1 {
		revs = revs[:len(revs)-1]
	}
	return revs, periods
}
