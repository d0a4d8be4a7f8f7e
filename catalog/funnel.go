package catalog

import (
	"fmt"
	"strings"

	"github.com/kpit-dev/kpit/model"
)

// The shared funnel's words (kpit funnel and the Funnel tab).

var stageNames = map[model.FunnelStage]Text{
	model.FunnelLead:        {JA: "リード", EN: "Lead"},
	model.FunnelMQL:         {JA: "MQL", EN: "MQL"},
	model.FunnelSQL:         {JA: "SQL", EN: "SQL"},
	model.FunnelOpportunity: {JA: "商談", EN: "Opportunity"},
	model.FunnelWon:         {JA: "受注", EN: "Won"},
	model.FunnelOnboarding:  {JA: "オンボーディング", EN: "Onboarding"},
	model.FunnelActive:      {JA: "利用中", EN: "Active"},
	model.FunnelChurned:     {JA: "解約", EN: "Churned"},
}

// StageWord is a funnel stage's name.
func StageWord(l Lang, s model.FunnelStage) string {
	if t, ok := stageNames[s]; ok {
		return l.T(t)
	}
	return string(s)
}

// StepWord names the step from s to the stage after it ("MQL→SQL").
func StepWord(l Lang, s model.FunnelStage) string {
	return StageWord(l, s) + "→" + StageWord(l, s.Next())
}

var (
	FunnelTitle       = Text{JA: "ファネル", EN: "Funnel"}
	FunnelColStage    = Text{JA: "ステージ", EN: "Stage"}
	FunnelColReached  = Text{JA: "到達", EN: "Reached"}
	FunnelColConv     = Text{JA: "次へ転換", EN: "To next"}
	FunnelColMedian   = Text{JA: "中央値", EN: "Median"}
	FunnelColP90      = Text{JA: "90%点", EN: "P90"}
	FunnelColLeak     = Text{JA: "離脱", EN: "Leak"}
	FunnelColRecycle  = Text{JA: "リサイクル", EN: "Recycled"}
	FunnelColTarget   = Text{JA: "目標", EN: "Target"}
	FunnelColOwner    = Text{JA: "担当部門", EN: "Owner"}
	FunnelColLimit    = Text{JA: "期限", EN: "Limit"}
	FunnelOverdue     = Text{JA: "引き渡し期限切れのリード %d件", EN: "%d leads past their hand-off limit"}
	FunnelOverdueMore = Text{JA: "ほか %d件 (--format json で全件)", EN: "and %d more (--format json lists them all)"}
	FunnelNoOverdue   = Text{JA: "引き渡し期限切れのリードはありません", EN: "No lead is past its hand-off limit"}
	FunnelOverdueRow  = Text{JA: "リード #%d %s: %s に %s 超過 (担当: %s)", EN: "lead #%d %s: at %s, %s over (owner: %s)"}
	// The step furthest below its target, in one sentence.
	FunnelWorst = Text{
		JA: "%[1]s が目標から最も離れています: 転換率 %[2]s (目標 %[3]s)、%[4]s件不足。",
		EN: "%[1]s loses most against its target: %[2]s converted against %[3]s, %[4]s leads short.",
	}
	FunnelNoWorst   = Text{JA: "目標を下回っているステップはありません。", EN: "No step is below its target."}
	FunnelNoTargets = Text{JA: "転換率の目標が未設定です (ステージ定義で設定)。", EN: "No conversion targets are set (set them in the stage definitions)."}
	FunnelLimitDays = Text{JA: "%d営業日", EN: "%d business days"}
	FunnelNoLimit   = Text{JA: "なし", EN: "none"}
	FunnelByDept    = Text{JA: "部門別", EN: "By department"}
	FunnelBySource  = Text{JA: "流入元別", EN: "By source"}
	FunnelByRep     = Text{JA: "担当者別", EN: "By rep"}
	FunnelNoSource  = Text{JA: "(流入元なし)", EN: "(no source)"}
	FunnelNoRep     = Text{JA: "(担当なし)", EN: "(unassigned)"}
)

// FormatHours writes a time in hours: hours under two days, else days.
func FormatHours(l Lang, v model.Value) string {
	if !v.Valid {
		return "—"
	}
	if v.V < 48 {
		return l.T(Text{JA: "%s時間", EN: "%sh"}, TrimDecimal(v.V, 1))
	}
	return l.T(Text{JA: "%s日", EN: "%sd"}, TrimDecimal(v.V/24, 1))
}

// FunnelByWord is the heading of a funnel breakdown.
func FunnelByWord(l Lang, by string) string {
	switch by {
	case "department":
		return l.T(FunnelByDept)
	case "source":
		return l.T(FunnelBySource)
	case "rep":
		return l.T(FunnelByRep)
	}
	return ""
}

// FunnelGroupWord is a breakdown group's name: a department's word, or the
// key with a word for none.
func FunnelGroupWord(l Lang, by, key string) string {
	switch {
	case by == "department":
		if key == "" {
			return l.T(DeptNone)
		}
		return DeptWord(l, model.Department(key))
	case key == "" && by == "source":
		return l.T(FunnelNoSource)
	case key == "":
		return l.T(FunnelNoRep)
	}
	return key
}

// LimitWord is a hand-off limit in business days, or "none".
func LimitWord(l Lang, days int) string {
	if days <= 0 {
		return l.T(FunnelNoLimit)
	}
	return l.T(FunnelLimitDays, days)
}

// FunnelWorstSentence names the step that loses most against its target.
func FunnelWorstSentence(l Lang, stage model.FunnelStage, conversion, target, shortfall model.Value) string {
	return l.T(FunnelWorst, StepWord(l, stage), FormatPercent(conversion), FormatPercent(target),
		fmt.Sprintf("%.0f", shortfall.V))
}

// The steps whose cohort is young: their conversion is not final yet.
var (
	FunnelYoung     = Text{JA: "進行中 (若いコホートのため転換率は今後上がります): %s", EN: "Still open (young cohorts, rates will rise): %s"}
	FunnelYoungStep = Text{JA: "%s %s件中%s件", EN: "%s %s of %s"}
)

// FunnelYoungLine names the young steps with their open leads, "" when
// none is young: "Still open (…): Opportunity→Won 106 of 109", the counts
// grouped (1,841 of 2,041) as on every screen.
func FunnelYoungLine(l Lang, stages []model.FunnelStage, open, reached []int) string {
	var parts []string
	for i, st := range stages {
		o, r := GroupThousands(int64(open[i])), GroupThousands(int64(reached[i]))
		if l == LangJA {
			parts = append(parts, l.T(FunnelYoungStep, StepWord(l, st), r, o))
		} else {
			parts = append(parts, l.T(FunnelYoungStep, StepWord(l, st), o, r))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return l.T(FunnelYoung, strings.Join(parts, ", "))
}

// A lead's stage change (kpit lead move and the Funnel tab's move key).
var (
	LeadMoved    = Text{JA: "リード #%d %s を %s に移しました (%s)", EN: "moved lead #%d %s to %s (%s)"}
	LeadRecycled = Text{JA: "リード #%d %s を %s に戻しました (リサイクル, %s)", EN: "recycled lead #%d %s back to %s (%s)"}
	LeadMissing  = Text{JA: "リード #%d はありません (削除済みか番号の誤り)", EN: "there is no lead #%d (deleted, or a wrong number)"}
)
