package figures

import (
	"encoding/json"

	"github.com/kpit-dev/kpit/model"
)

// The figures a review shows and keeps (docs/review.md).

// ReviewKeys are the KPIs a review gives a slide of its own, in order: the
// main KPIs (the 3–5 the team steers by), else every KPI, else the tree's
// nodes under the KGI. Never the KGI itself, which has the summary.
func (g *Goals) ReviewKeys() []string {
	var main, all []string
	for _, k := range g.KPIs {
		if g.HasKGI && k.Key == g.KGI.Metric {
			continue
		}
		all = append(all, k.Key)
		if k.Main {
			main = append(main, k.Key)
		}
	}
	switch {
	case len(main) > 0:
		return main
	case len(all) > 0:
		return all
	case g.Tree != nil:
		return g.Tree.Keys()[1:]
	}
	return nil
}

// Snapshot is every figure of fs as a review keeps it: the KGI first,
// then the KPIs in their order, then the tree's other nodes, each with its
// names, actual, target in force, achievement, status and share of the
// KGI's gap as they stand now.
func (fs *Figures) Snapshot() []model.ReviewKPI {
	g := fs.Goals
	var keys []string
	seen := map[string]bool{}
	add := func(k string) {
		if _, ok := fs.ByKey[k]; ok && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	if g.HasKGI {
		add(g.KGI.Metric)
	}
	for _, k := range g.KPIs {
		add(k.Key)
	}
	if g.Tree != nil {
		for _, k := range g.Tree.Keys() {
			add(k)
		}
	}
	main := map[string]bool{}
	for _, k := range g.ReviewKeys() {
		main[k] = true
	}
	out := make([]model.ReviewKPI, 0, len(keys))
	for _, k := range keys {
		f := fs.ByKey[k]
		ja, en := g.Names(k)
		out = append(out, model.ReviewKPI{
			Key: k, NameJA: ja, NameEN: en, Unit: f.Unit,
			KGI: g.HasKGI && k == g.KGI.Metric, Main: main[k],
			Actual: f.Actual, Target: f.Target, Achievement: f.Achievement, Status: f.Status,
			RootShare: f.RootShare,
		})
	}
	return out
}

// ChangeSince is the figure against an earlier value of it (the one a
// saved review kept), as Figure.Change reads a change: relative for a
// count or a sum, a difference for a rate.
func (f Figure) ChangeSince(before model.Value) model.Value {
	return ChangeBetween(f.Unit, before, f.Actual)
}

// Branch is the child of tree node key that explains most of key's own
// gap, and its share of that gap; "" when key is a leaf, not in the tree,
// or its gap cannot be split.
func (fs *Figures) Branch(key string) (string, model.Value) {
	t := fs.Goals.Tree
	if t == nil || t.Node(key) == nil {
		return "", model.None
	}
	best, share := "", model.None
	for _, c := range t.Node(key).Children {
		if v := fs.ByKey[c.Key].GapShare; v.Valid && (!share.Valid || v.V > share.V) {
			best, share = c.Key, v
		}
	}
	return best, share
}

// ForecastSnapshot is the pipeline forecast as a review keeps it, in the
// JSON kpit review --export writes (the keys of kpit forecast): amounts in
// major units of the team's currency.
type ForecastSnapshot struct {
	Won         SnapshotBucket `json:"won"`
	Commit      SnapshotBucket `json:"commit"`
	BestCase    SnapshotBucket `json:"best_case"`
	Pipeline    SnapshotBucket `json:"pipeline"`
	Omitted     SnapshotBucket `json:"omitted"`
	LandingLow  float64        `json:"landing_low"`
	LandingHigh float64        `json:"landing_high"`
	Weighted    float64        `json:"weighted"`
	Target      *float64       `json:"target"`
}

// SnapshotBucket is a Bucket as JSON.
type SnapshotBucket struct {
	Count  int     `json:"count"`
	Amount float64 `json:"amount"`
}

// Snapshot is the forecast's figures as a review keeps them.
func (f *ForecastFigures) Snapshot() ForecastSnapshot {
	b := func(x Bucket) SnapshotBucket { return SnapshotBucket{Count: x.Count, Amount: x.Amount} }
	s := ForecastSnapshot{Won: b(f.Won), Commit: b(f.Commit), BestCase: b(f.BestCase), Pipeline: b(f.Pipeline),
		Omitted: b(f.Omitted), LandingLow: f.LandingLow, LandingHigh: f.LandingHigh, Weighted: f.Weighted}
	if f.Target.Valid {
		t := f.Target.V
		s.Target = &t
	}
	return s
}

// JSON is the snapshot as a review stores it.
func (s ForecastSnapshot) JSON() string {
	out, _ := json.Marshal(s) // plain numbers and structs: it cannot fail
	return string(out)
}

// ParseForecastSnapshot reads a stored forecast; false when there is none
// or it does not read.
func ParseForecastSnapshot(stored string) (ForecastSnapshot, bool) {
	var s ForecastSnapshot
	if stored == "" || json.Unmarshal([]byte(stored), &s) != nil {
		return s, false
	}
	return s, true
}
