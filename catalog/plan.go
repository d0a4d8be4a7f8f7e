package catalog

import "github.com/kpit-dev/kpit/model"

// The text of kpit plan, in both languages.
var (
	PlanKGI         = Text{JA: "KGI: %s %s%s", EN: "KGI: %s %s%s"}
	PlanTree        = Text{JA: "設定したKPIでのKPIツリー(件数・金額は%sあたり):", EN: "The KPI tree with the KPIs as set (counts and amounts per %s):"}
	PlanSet         = Text{JA: "設定: %s", EN: "set: %s"}
	PlanSetStandsIn = Text{JA: "設定: %s(%s の代わり)", EN: "set: %s, stands in for %s"}
	PlanUnset       = Text{JA: "未設定", EN: "unset"}
	PlanReach       = Text{JA: "判定: 設定したKPIでKGIの%s(%s / %s)に達し、KGIに届きます。",
		EN: "Verdict: the KPIs as set reach %s of the KGI (%s of %s): they reach it."}
	PlanShort = Text{JA: "判定: 設定したKPIではKGIの%s(%s / %s)にとどまり、KGIに届きません。不足は%sです。",
		EN: "Verdict: the KPIs as set reach %s of the KGI (%s of %s): they cannot reach it, short by %s."}
	PlanUnknown  = Text{JA: "判定: 未設定のKPIがあるため計算できません(%s)。", EN: "Verdict: cannot be worked out while KPIs are unset (%s)."}
	PlanTooLarge = Text{JA: "判定: 数値が大きすぎて計算できません。", EN: "Verdict: cannot be worked out: the figures are too large."}
	PlanRequired = Text{JA: "KGIに届くために各KPIが単独で必要な値(他は設定どおり):",
		EN: "What each KPI alone would need to reach the KGI (the others as set):"}
	PlanAsSet       = Text{JA: "設定 %s、%s倍", EN: "as set %s, x%s"}
	PlanRoundedUp   = Text{JA: "切り上げ %s", EN: "%s rounded up"}
	PlanOutOfReach  = Text{JA: "単独では届きません", EN: "out of reach alone"}
	PlanOverHundred = Text{JA: "率は100%を超えられません", EN: "a rate cannot pass 100%"}
	PlanNoValue     = Text{JA: "計算できません(隣のKPIが未設定または0)", EN: "cannot be worked out (a KPI beside it is unset or zero)"}
)

// periodTexts holds each period's name ("month") and per-phrase (" per month").
var periodTexts = map[model.PeriodKind][2]Text{
	model.FiscalYear: {Text{JA: "年", EN: "year"}, Text{JA: "/年", EN: " per year"}},
	model.Quarter:    {Text{JA: "四半期", EN: "quarter"}, Text{JA: "/四半期", EN: " per quarter"}},
	model.Month:      {Text{JA: "月", EN: "month"}, Text{JA: "/月", EN: " per month"}},
	model.Week:       {Text{JA: "週", EN: "week"}, Text{JA: "/週", EN: " per week"}},
	model.Day:        {Text{JA: "日", EN: "day"}, Text{JA: "/日", EN: " per day"}},
}

// PeriodName is a period's name: "month", "月" (a year when k is unset).
func PeriodName(l Lang, k model.PeriodKind) string { return l.T(periodTextsOf(k)[0]) }

// PerPeriod is a per-phrase: " per month", "/月" (a year when k is unset).
func PerPeriod(l Lang, k model.PeriodKind) string { return l.T(periodTextsOf(k)[1]) }

func periodTextsOf(k model.PeriodKind) [2]Text {
	if t, ok := periodTexts[k]; ok {
		return t
	}
	return periodTexts[model.FiscalYear]
}
