package catalog

import "github.com/kpit-dev/kpit/model"

// The words of a review, shown on the review screen and written in its
// minutes (kpit review --export).
var (
	ReviewMainCause   = Text{JA: "%sが未達の%sを説明", EN: "%s explains %s of the miss"}
	ReviewNoMiss      = Text{JA: "未達はありません", EN: "No miss to explain"}
	ReviewNoForecast  = Text{JA: "ヨミ (確度別の予測) はまだありません", EN: "No forecast yet: open deals have no forecast category"}
	ReviewOverdue     = Text{JA: "期限超過", EN: "overdue"}
	ReviewNoActions   = Text{JA: "アクションはありません", EN: "No actions"}
	ReviewNoNotes     = Text{JA: "原因の記録はありません", EN: "No causes recorded"}
	ReviewMinutesHead = Text{JA: "KPIレビュー議事録 %s (%s)", EN: "KPI review minutes %s (%s)"}
	ReviewHeldAt      = Text{JA: "開催 %s", EN: "Held %s"}
	ReviewSecKPIs     = Text{JA: "KPI", EN: "KPIs"}
	ReviewSecForecast = Text{JA: "ヨミ", EN: "Forecast"}
	ReviewSecCauses   = Text{JA: "未達の原因", EN: "Causes"}
	ReviewSecActions  = Text{JA: "アクション", EN: "Actions"}
	ReviewColKPI      = Text{JA: "KPI", EN: "KPI"}
	ReviewColActual   = Text{JA: "実績", EN: "Actual"}
	ReviewColTarget   = Text{JA: "目標", EN: "Target"}
	ReviewColAchv     = Text{JA: "達成率", EN: "Achievement"}
	ReviewColStatus   = Text{JA: "状況", EN: "Status"}
	ReviewColShare    = Text{JA: "未達寄与", EN: "Share of miss"}
	ReviewColCategory = Text{JA: "分類", EN: "Category"}
	ReviewColCause    = Text{JA: "原因", EN: "Cause"}
	ReviewColAction   = Text{JA: "アクション", EN: "Action"}
	ReviewColOwner    = Text{JA: "担当", EN: "Owner"}
	ReviewColDue      = Text{JA: "期限", EN: "Due"}
	ReviewNoSnapshot  = Text{JA: "このレビューには数値の記録がありません (日付とメモのみ)", EN: "This review kept no figures (its day and notes only)"}
	ReviewFcLanding   = Text{JA: "着地見込み %s ～ %s", EN: "Landing %s to %s"}
	ReviewFcTarget    = Text{JA: "目標 %s", EN: "Target %s"}
	ReviewFcWeighted  = Text{JA: "加重予測 %s", EN: "Weighted forecast %s"}
	ReviewSummaryNote = Text{JA: "メモ: %s", EN: "Notes: %s"}
)

var (
	msgCauseVolume     = Text{JA: "量 (件数不足)", EN: "volume"}
	msgCauseConversion = Text{JA: "転換率", EN: "conversion"}
	msgCauseDealSize   = Text{JA: "単価", EN: "deal size"}
	msgCauseTiming     = Text{JA: "時期ずれ", EN: "timing"}
	msgCauseData       = Text{JA: "データ品質", EN: "data quality"}
	msgActionOpen      = Text{JA: "未完了", EN: "open"}
	msgActionDone      = Text{JA: "完了", EN: "done"}
	msgActionDropped   = Text{JA: "中止", EN: "dropped"}
)

// CauseWord names a cause category.
func CauseWord(l Lang, c model.CauseCategory) string {
	switch c {
	case model.CauseVolume:
		return l.T(msgCauseVolume)
	case model.CauseConversion:
		return l.T(msgCauseConversion)
	case model.CauseDealSize:
		return l.T(msgCauseDealSize)
	case model.CauseTiming:
		return l.T(msgCauseTiming)
	case model.CauseDataQuality:
		return l.T(msgCauseData)
	}
	return string(c)
}

// ActionStatusWord names an action's status.
func ActionStatusWord(l Lang, s model.ActionStatus) string {
	switch s {
	case model.ActionOpen:
		return l.T(msgActionOpen)
	case model.ActionDone:
		return l.T(msgActionDone)
	case model.ActionDropped:
		return l.T(msgActionDropped)
	}
	return string(s)
}
