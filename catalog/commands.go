package catalog

import "github.com/kpit-dev/kpit/model"

// The words of the commands' text output (kpit alerts, report, tree). JSON
// output has no words to translate: its keys never change.
var (
	// The usage line that heads a command's flags (kpit COMMAND -h).
	UsageFlags = Text{JA: "使い方: kpit %s\n\nフラグ:\n", EN: "Usage: kpit %s\n\nFlags:\n"}

	// kpit demo: the file written, what the demo company holds, how to
	// open it. The English is what the command has always printed.
	DemoWritten = Text{JA: "デモのデータベースを %s に作成しました (シード %d、履歴は %s まで)", EN: "demo database written to %s (seed %d, history to %s)"}
	DemoCompany = Text{JA: "デモ会社: 担当者 %s人、商談 %s件 (うち進行中 %s件)、活動 %s件、リード %s件、顧客 %s社。KGI は%s %s (期限 %s)",
		EN: "demo company: %s reps, %s opportunities (%s open), %s activities, %s leads, %s customers; KGI %s %s by %s"}
	DemoOpen = Text{JA: "開くには: kpit --db %s", EN: "open it with: kpit --db %s"}

	// kpit alerts.
	AlertsOffCommand  = Text{JA: "アラートはオフです (kpit rules --alerts on で有効化)", EN: "Alerts are off (turn them on with kpit rules --alerts on)"}
	AlertsNoneOn      = Text{JA: "%s: 未対応のアラートはありません\n", EN: "%s: no open alerts\n"}
	AlertsOpenOn      = Text{JA: "%s: 未対応のアラート %d件\n", EN: "%s: %d open alerts\n"}
	TimelinessHeading = Text{JA: "入力の適時性 (直近%d日の記録, 入力期限: %s)\n", EN: "Input timeliness (records of the last %d days; deadline: %s)\n"}

	// kpit report.
	ReportTitle      = Text{JA: "KPIレポート", EN: "KPI report"}
	ReportPeriod     = Text{JA: "期間", EN: "Period"}
	ReportAllRecords = Text{JA: "全期間", EN: "all records"}
	ReportKGI        = Text{JA: "KGIの状況", EN: "KGI"}
	ReportMetric     = Text{JA: "指標", EN: "Metric"}
	ReportValue      = Text{JA: "値", EN: "Value"}
	// The KPI table of the meeting note: every KPI with pace and status.
	ReportKPIs      = Text{JA: "KPIの状況", EN: "KPIs"}
	ReportColKPI    = Text{JA: "KPI", EN: "KPI"}
	ReportColActual = Text{JA: "実績", EN: "Actual"}
	ReportColTarget = Text{JA: "目標", EN: "Target"}
	ReportColAchv   = Text{JA: "達成率", EN: "Achieved"}
	ReportColPace   = Text{JA: "着地予測", EN: "Pace"}
	ReportColChange = Text{JA: "前期比", EN: "Change"}
	ReportColStatus = Text{JA: "状況", EN: "Status"}
	// A range open at one end, and the report's breakdowns.
	ReportUpTo       = Text{JA: "%s まで", EN: "up to %s"}
	ReportFrom       = Text{JA: "%s から", EN: "from %s"}
	ReportByRep      = Text{JA: "担当者別", EN: "By rep"}
	ReportByDept     = Text{JA: "部門別", EN: "By department"}
	ReportByMonth    = Text{JA: "月別", EN: "By month"}
	ReportColRep     = Text{JA: "担当者", EN: "Rep"}
	ReportColDept    = Text{JA: "部門", EN: "Department"}
	ReportColMonth   = Text{JA: "月", EN: "Month"}
	ReportEmails     = Text{JA: "メール数", EN: "Emails"}
	ReportOrdersLost = Text{JA: "失注件数", EN: "Orders lost"}

	DeptMarketing       = Text{JA: "マーケティング", EN: "Marketing"}
	DeptInsideSales     = Text{JA: "インサイドセールス", EN: "Inside Sales"}
	DeptFieldSales      = Text{JA: "フィールドセールス", EN: "Field Sales"}
	DeptCustomerSuccess = Text{JA: "カスタマーサクセス", EN: "Customer Success"}
	DeptNone            = Text{JA: "(担当なし)", EN: "(unassigned)"}

	// kpit tree: the title and the columns.
	TreeTitle    = Text{JA: "KPIツリー", EN: "KPI tree"}
	TreeNode     = Text{JA: "ノード", EN: "node"}
	TreeActual   = Text{JA: "実績", EN: "actual"}
	TreeTarget   = Text{JA: "目標", EN: "target"}
	TreeAchieved = Text{JA: "達成率", EN: "achieved"}
	TreePace     = Text{JA: "着地予測", EN: "pace"}
	TreeStatus   = Text{JA: "状態", EN: "status"}
	TreeGapShare = Text{JA: "差の寄与", EN: "gap share"}
	// The verdict on the KGI: where it stands (by the status rule), where
	// the pace ends a range in progress, and the main cause of a miss.
	TreeVerdict      = Text{JA: "%[1]s: 実績 %[2]s / 期間目標 %[3]s (達成率 %[4]s、%[5]s)。", EN: "%[1]s: %[2]s against %[3]s for the period (%[4]s achieved, %[5]s)."}
	TreeVerdictPace  = Text{JA: "このペースでの着地予測は %s (目標の %s)。", EN: " At this pace it ends at %s (%s of target)."}
	TreeVerdictCause = Text{JA: "差の最大の要因は %s (寄与 %s)。", EN: " The largest share of the gap: %s (%s)."}
	// The part of a node's gap its children do not explain (other cohorts
	// of deals, targets that do not multiply up), as a row under them.
	TreeUnexplained = Text{JA: "(内訳で説明できない差)", EN: "(not explained by the parts)"}
)

// DeptWord names a department as `kpit report` breaks figures down by it.
func DeptWord(l Lang, d model.Department) string {
	switch d {
	case model.DeptMarketing:
		return l.T(DeptMarketing)
	case model.DeptInsideSales:
		return l.T(DeptInsideSales)
	case model.DeptFieldSales:
		return l.T(DeptFieldSales)
	case model.DeptCustomerSuccess:
		return l.T(DeptCustomerSuccess)
	}
	return l.T(DeptNone)
}
