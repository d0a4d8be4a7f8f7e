package model

import "time"

// Unit says how a KPI's value reads.
type Unit string

const (
	UnitCount Unit = "count" // whole things: visits, deals
	UnitMoney Unit = "yen"   // money in the team's currency (stored as "yen", its name before currencies)
	UnitRatio Unit = "ratio" // 0..1, shown as a percentage
	UnitScore Unit = "score" // NPS and the like
	UnitHours Unit = "hours" // response times
)

// Direction says whether more is better.
type Direction string

const (
	HigherIsBetter Direction = "higher"
	LowerIsBetter  Direction = "lower"
)

// Source says whether a KPI is aggregated from records or typed in by hand.
type Source string

const (
	SourceRecords Source = "records"
	SourceManual  Source = "manual"
)

// KGI is the final goal (重要目標達成指標): one number with a deadline.
type KGI struct {
	NameJA   string
	NameEN   string
	Metric   string // the tree node it is the target of, e.g. "revenue"
	Value    float64
	Unit     Unit
	Per      PeriodKind // the period the value is for, usually FiscalYear
	Deadline time.Time
}

// KFS is a key factor for success (重要成功要因), linked to KPIs.
type KFS struct {
	ID      int64
	Text    string
	KPIKeys []string
}

// KPI is the definition of one KPI (重要業績評価指標).
type KPI struct {
	Key        string // stable key, also the metric and tree node key
	NameJA     string
	NameEN     string
	Unit       Unit
	Direction  Direction
	Definition string // written definition (checklist item 5)
	Formula    string // formula or data source
	Source     Source
	Target     float64
	HasTarget  bool
	TargetPer  PeriodKind // the period Target is for; ignored for ratios
	Deadline   time.Time  // zero when none (checklist item 4)
	Main       bool       // main KPI (3–5 rule) or supporting
	Department Department
	Style      StyleKey // the sales style it was adopted from, if any
}

// Op is a tree node's operator.
type Op string

const (
	OpLeaf Op = "leaf"
	OpMul  Op = "*"
	OpDiv  Op = "/"
	OpAdd  Op = "+"
	OpSub  Op = "-"
)

// Valid reports whether op is a known operator.
func (op Op) Valid() bool {
	switch op {
	case OpLeaf, OpMul, OpDiv, OpAdd, OpSub:
		return true
	}
	return false
}

// TreeNodeDef is one stored node of a KPI tree. The tree package builds a
// tree from a flat list of these; the store persists them.
type TreeNodeDef struct {
	Key       string // a metric or KPI key
	ParentKey string // "" for the root
	Op        Op
	Position  int // order among siblings
}
