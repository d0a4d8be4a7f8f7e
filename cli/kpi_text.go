package cli

import (
	"time"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/kpitree"
	"github.com/kpit-dev/kpit/model"
)

// The words and the JSON of kpit kpi.

var (
	msgKPIColKey        = catalog.Text{JA: "キー", EN: "key"}
	msgKPIColName       = catalog.Text{JA: "名前", EN: "name"}
	msgKPIColTarget     = catalog.Text{JA: "目標", EN: "target"}
	msgKPIColPer        = catalog.Text{JA: "期間", EN: "per"}
	msgKPIColDeadline   = catalog.Text{JA: "期限", EN: "deadline"}
	msgKPIColRole       = catalog.Text{JA: "区分", EN: "role"}
	msgKPIColLastChange = catalog.Text{JA: "最終改定", EN: "last change"}
	msgKPIColFrom       = catalog.Text{JA: "適用開始", EN: "effective"}
	msgKPIColRecorded   = catalog.Text{JA: "記録日時", EN: "recorded"}
	msgKPIColAuthor     = catalog.Text{JA: "改定者", EN: "author"}
	msgKPIColChanged    = catalog.Text{JA: "変更項目", EN: "changed"}
	msgKPIColReason     = catalog.Text{JA: "理由", EN: "reason"}

	msgKPIMain          = catalog.Text{JA: "メイン", EN: "main"}
	msgKPISupporting    = catalog.Text{JA: "サブ", EN: "supporting"}
	msgKPIFromBeginning = catalog.Text{JA: "当初から", EN: "beginning"}
	msgKPIHistoryTitle  = catalog.Text{JA: "%s (%s) の改定履歴 %d件、新しい順", EN: "%s (%s): %d revisions, newest first"}
	msgKPISet           = catalog.Text{JA: "%s を %s から改定しました: %s", EN: "Revised %s from %s: %s"}
	msgKPIListSep       = catalog.Text{JA: "、", EN: ", "}
	msgKPIChangedAll    = catalog.Text{JA: "全項目", EN: "all"}

	msgKPIFieldTarget     = catalog.Text{JA: "目標 %s", EN: "target %s"}
	msgKPIFieldDeadline   = catalog.Text{JA: "期限 %s", EN: "deadline %s"}
	msgKPIFieldDefinition = catalog.Text{JA: "定義", EN: "definition"}
	msgKPIFieldFormula    = catalog.Text{JA: "計算式", EN: "formula"}
	msgKPIFieldRole       = catalog.Text{JA: "区分 %s", EN: "role %s"}

	msgKPIPerDay     = catalog.Text{JA: "日", EN: "day"}
	msgKPIPerWeek    = catalog.Text{JA: "週", EN: "week"}
	msgKPIPerMonth   = catalog.Text{JA: "月", EN: "month"}
	msgKPIPerQuarter = catalog.Text{JA: "四半期", EN: "quarter"}
	msgKPIPerYear    = catalog.Text{JA: "年度", EN: "year"}
)

// targetWord is a KPI's target as the text output shows it (money in the
// team's currency), "-" when none.
func targetWord(m catalog.Money, k model.KPI) string {
	if !k.HasTarget {
		return "-"
	}
	return m.Unit(k.Unit, model.Some(k.Target))
}

// perWord is the period a flow's target is for, "-" for a target that is
// the same whatever the period (a rate, an average) or none.
func perWord(l catalog.Lang, k model.KPI) string {
	if !k.HasTarget || kpitree.KindOf(k.Key, k.Unit) != kpitree.Flow {
		return "-"
	}
	switch kpitree.PerOrYear(k.TargetPer) {
	case model.Day:
		return l.T(msgKPIPerDay)
	case model.Week:
		return l.T(msgKPIPerWeek)
	case model.Month:
		return l.T(msgKPIPerMonth)
	case model.Quarter:
		return l.T(msgKPIPerQuarter)
	}
	return l.T(msgKPIPerYear)
}

func dateWord(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return model.FormatDate(t)
}

func roleWord(l catalog.Lang, main bool) string {
	if main {
		return l.T(msgKPIMain)
	}
	return l.T(msgKPISupporting)
}

// fieldWord says what a revision set field f to, from the KPI in force.
func fieldWord(m catalog.Money, f model.KPIField, k model.KPI) string {
	l := m.Lang
	switch f {
	case model.FieldTarget:
		w := targetWord(m, k)
		if p := perWord(l, k); p != "-" {
			w += "/" + p
		}
		return l.T(msgKPIFieldTarget, w)
	case model.FieldDeadline:
		return l.T(msgKPIFieldDeadline, dateWord(k.Deadline))
	case model.FieldDefinition:
		return l.T(msgKPIFieldDefinition)
	case model.FieldFormula:
		return l.T(msgKPIFieldFormula)
	}
	return l.T(msgKPIFieldRole, roleWord(l, k.Main))
}

// effectiveJSON writes an effective date; from the beginning is 0001-01-01.
func effectiveJSON(t time.Time) string {
	if t.IsZero() {
		return "0001-01-01"
	}
	return model.FormatDate(t)
}

// revisionJSON is one revision in kpit kpi history --format json: the
// fields as they stand from effective_from once it was recorded, and which
// of them it changed.
type revisionJSON struct {
	EffectiveFrom string   `json:"effective_from"` // YYYY-MM-DD; 0001-01-01 is from the beginning
	RecordedAt    string   `json:"recorded_at"`    // RFC 3339, UTC
	Author        string   `json:"author"`
	Reason        string   `json:"reason"`
	Changed       []string `json:"changed"`
	Target        *float64 `json:"target"` // null: no target; a rate as a fraction (0.42)
	TargetPer     string   `json:"target_per"`
	Deadline      any      `json:"deadline"` // YYYY-MM-DD or null
	Definition    string   `json:"definition"`
	Formula       string   `json:"formula"`
	Main          bool     `json:"main"`
}

func toRevisionJSON(r model.KPIRevision) revisionJSON {
	out := revisionJSON{EffectiveFrom: effectiveJSON(r.EffectiveFrom), RecordedAt: r.RecordedAt.UTC().Format(time.RFC3339),
		Author: r.Author, Reason: r.Reason, Changed: []string{}, TargetPer: string(r.KPI.TargetPer),
		Deadline: jsonDate(r.KPI.Deadline), Definition: r.KPI.Definition, Formula: r.KPI.Formula, Main: r.KPI.Main}
	for _, f := range r.Changed {
		out.Changed = append(out.Changed, string(f))
	}
	if r.KPI.HasTarget {
		v := r.KPI.Target
		out.Target = &v
	}
	return out
}

// kpiJSON is one KPI in kpit kpi list --format json, as in force on --today.
type kpiJSON struct {
	Key        string        `json:"key"`
	NameJA     string        `json:"name_ja"`
	NameEN     string        `json:"name_en"`
	Unit       string        `json:"unit"`
	Target     *float64      `json:"target"`
	TargetPer  string        `json:"target_per"`
	Deadline   any           `json:"deadline"`
	Main       bool          `json:"main"`
	Definition string        `json:"definition"`
	Formula    string        `json:"formula"`
	LastChange *revisionJSON `json:"last_change"` // the last revision recorded
}

func toKPIJSON(k model.KPI, last model.KPIRevision) kpiJSON {
	out := kpiJSON{Key: k.Key, NameJA: k.NameJA, NameEN: k.NameEN, Unit: string(k.Unit), TargetPer: string(k.TargetPer),
		Deadline: jsonDate(k.Deadline), Main: k.Main, Definition: k.Definition, Formula: k.Formula}
	if k.HasTarget {
		v := k.Target
		out.Target = &v
	}
	if last.Key != "" {
		r := toRevisionJSON(last)
		out.LastChange = &r
	}
	return out
}
