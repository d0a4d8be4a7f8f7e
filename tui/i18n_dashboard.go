package tui

// Strings of the dashboard.
var (
	msgDashPeriod     = Text{JA: "期間 %s (%s)", EN: "Period %s (%s)"}
	msgDashElapsed    = Text{JA: "%d/%d日経過", EN: "day %d of %d"}
	msgDashAsOf       = Text{JA: "%s 時点", EN: "as of %s"}
	msgDashNoKGI      = Text{JA: "KGIが未設定です (g で設定)", EN: "No KGI set yet (g to set one)"}
	msgKGIPrompt      = Text{JA: "年間売上のKGI (例 10億, 5000万/月): ", EN: "Revenue KGI per year (e.g. 1000000000, 10億, 50000000/month): "}
	msgKGIBad         = Text{JA: "KGIを読めません: %s", EN: "Cannot read the KGI: %s"}
	msgKGISaved       = Text{JA: "KGIを保存しました: %s", EN: "KGI saved: %s"}
	msgKGISaveErr     = Text{JA: "KGIを保存できません: %s", EN: "Could not save the KGI: %s"}
	msgKGIName        = Text{JA: "年間売上高", EN: "Annual revenue"}
	msgKeySetKGI      = Text{JA: "KGIを設定", EN: "set the KGI"}
	msgDashKGI        = Text{JA: "KGI %s", EN: "KGI %s"}
	msgDashOfTarget   = Text{JA: "実績 %s / 目標 %s  達成 %s", EN: "%s of %s  (%s)"}
	msgDashPace       = Text{JA: "着地予測 %s (%s)", EN: "pace %s (%s)"}
	msgDashFYToDate   = Text{JA: "年度累計 %s", EN: "%s to date"}
	msgDashNoKPIs     = Text{JA: "KPIが未設定です (3 スタイル別KPI で型を採用できます)", EN: "No KPIs set yet (adopt a style's KPIs on tab 3, Styles)"}
	msgColKPI         = Text{JA: "KPI", EN: "KPI"}
	msgColActual      = Text{JA: "実績", EN: "Actual"}
	msgColTarget      = Text{JA: "目標", EN: "Target"}
	msgColAchievement = Text{JA: "達成率", EN: "Achv."}
	msgColForecast    = Text{JA: "着地予測", EN: "Forecast"}
	msgColStatus      = Text{JA: "状況", EN: "Status"}
	msgColChangeWeek  = Text{JA: "前週比", EN: "WoW"}
	msgColChangeMonth = Text{JA: "前月比", EN: "MoM"}
	msgColChangeQtr   = Text{JA: "前期比", EN: "QoQ"}
	msgColChangeYear  = Text{JA: "前年比", EN: "YoY"}
	msgDashTrend      = Text{JA: "%sの推移 (%s)", EN: "%s, %s"}
	msgLastWeeks      = Text{JA: "直近%d週", EN: "last %d weeks"}
	msgLastMonths     = Text{JA: "直近%dか月", EN: "last %d months"}
	msgLastQuarters   = Text{JA: "直近%d四半期", EN: "last %d quarters"}
	msgLastYears      = Text{JA: "直近%d年度", EN: "last %d fiscal years"}
	msgDashTrendUnit  = Text{JA: "単位: %s", EN: "in %s"}
	msgDashNoTrend    = Text{JA: "%s: 推移を描くデータがありません", EN: "%s: no data to chart"}
	msgDashChangeNote = Text{JA: "前期比は前の期間の同じ日数と比較", EN: "change compares the same days of the previous period"}

	msgKeyPrevPeriod = Text{JA: "前の期間", EN: "previous period"}
	msgKeyNextPeriod = Text{JA: "次の期間", EN: "next period"}
	msgKeyCycle      = Text{JA: "週/月/四半期/年度", EN: "week/month/quarter/year"}
	msgKeySelectKPI  = Text{JA: "KPIを選択", EN: "select KPI"}
)
