package tui

import "github.com/kpit-dev/kpit/model"

// The checklist screen's strings: the 14 items and their next steps in the
// product's own words, the groups, the failure patterns and the evidence.

// checklistItemText is each item's wording, by item number.
var checklistItemText = map[int]Text{
	1:  Text{JA: "KGI(最終目標)を数値と期限で決めている", EN: "The KGI is one number with a deadline"},
	2:  Text{JA: "KGIからKPIツリーでKPIを導いている", EN: "KPIs are derived from the KGI in a KPI tree"},
	3:  Text{JA: "主要KPIを3-5個に絞っている", EN: "Main KPIs are kept to 3-5"},
	4:  Text{JA: "どのKPIにも数値目標と期限がある", EN: "Every KPI has a numeric target and a deadline"},
	5:  Text{JA: "KPIごとに計算式と集計ルールを書いている", EN: "Each KPI's formula and counting rule are written"},
	6:  Text{JA: "KPIは記録から自動で集計される", EN: "KPIs are computed from records, not typed in"},
	7:  Text{JA: "進捗をダッシュボードでいつでも見られる", EN: "Progress is live on a dashboard"},
	8:  Text{JA: "入力ルール(期限・必須項目)を決めている", EN: "Input rules (when, which fields) are set"},
	9:  Text{JA: "入力漏れや遅れにアラートが出る", EN: "Missing or late input raises an alert"},
	10: Text{JA: "マーケ・IS・FSでMQL/SQLの定義が共通", EN: "Marketing, IS and FS share one MQL/SQL definition"},
	11: Text{JA: "部門間のリードの引き渡し方を決めている", EN: "The lead hand-off between teams is designed"},
	12: Text{JA: "KPIの振り返り会議を定期的に開いている", EN: "KPI reviews are held on a regular rhythm"},
	13: Text{JA: "未達のKPIは原因を分析し次の手を決める", EN: "A missed KPI leads to analysis and an action"},
	14: Text{JA: "事業の段階や戦略が変わればKPIを見直す", EN: "KPIs are revisited when the strategy changes"},
}

// checklistNextStep is the next step for a gap, by model.ChecklistItem.NextStep.
var checklistNextStep = map[string]Text{
	"define-kgi":        Text{JA: "KGIを1つの数値と期限で決め、KPIツリーの頂点に置く", EN: "Decide the KGI as one number with a deadline and put it at the top of the tree"},
	"build-tree":        Text{JA: "スタイルのテンプレートからツリーを作り、全KPIをノードにつなぐ", EN: "Start a tree from a style template and link every KPI to a node"},
	"narrow-kpis":       Text{JA: "主要KPIを3-5個に絞り、残りは補助KPIにする", EN: "Cut the main KPIs to 3-5 and keep the rest as supporting KPIs"},
	"set-targets":       Text{JA: "目標や期限のないKPIに数値と期限を入れる", EN: "Give each KPI that lacks one a numeric target and a deadline"},
	"write-definitions": Text{JA: "各KPIの計算式と集計ルールを書き残す", EN: "Write down each KPI's formula and counting rule"},
	"automate":          Text{JA: "SFA/CRMの記録を取り込み、手入力のKPIを記録からの集計に移す", EN: "Import SFA/CRM records and move typed-in KPIs to figures computed from records"},
	"keep-fresh":        Text{JA: "活動と商談をその日のうちに入力し、朝会でダッシュボードを開く", EN: "Enter activities and deals the same day; open the dashboard at each stand-up"},
	"write-input-rules": Text{JA: "入力期限と必須項目をルールとして設定する", EN: "Set the entry deadline and the required fields as rules"},
	"turn-on-alerts":    Text{JA: "入力遅れのアラートをオンにし、遅れている記録を片付ける", EN: "Turn on late-entry alerts and clear the entries that are late"},
	"define-mql-sql":    Text{JA: "MQLとSQLの基準を部門共通で1つに決めて書く", EN: "Agree one written MQL and SQL definition across the departments"},
	"design-handoff":    Text{JA: "MQLから何日でSQL判定するか決め、滞留リードを確認する", EN: "Set how long an MQL may wait for sales, and check the leads waiting longer"},
	"hold-reviews":      Text{JA: "週次か月次でKPIレビューの日を決め、毎回記録する", EN: "Fix a weekly or monthly KPI review and record each one"},
	"analyse-misses":    Text{JA: "未達KPIの要因をツリーで特定し、次の打ち手を決める", EN: "Find each missed KPI's cause in the tree and agree the next action"},
	"revisit-kpis":      Text{JA: "今の段階に合う営業スタイルを確かめ、KPIを更新する", EN: "Check which sales style fits the current phase and update the KPIs"},
}

var checklistGroupText = map[model.ChecklistGroup]Text{
	model.GroupDesign:        Text{JA: "設計", EN: "Design"},
	model.GroupSystem:        Text{JA: "仕組み", EN: "System"},
	model.GroupCollaboration: Text{JA: "部門連携", EN: "Collaboration"},
	model.GroupOperation:     Text{JA: "運用", EN: "Operation"},
}

var checklistPatternText = map[model.FailurePattern]Text{
	model.PatternLateDiscovery: Text{JA: "Excelで手集計・月1回の確認: 問題の発見が遅れる", EN: "Manual Excel totals checked monthly: problems found too late"},
	model.PatternUnusedSFA:     Text{JA: "SFA/CRMが使われない: 入力ルールが曖昧、ダッシュボードがない", EN: "SFA/CRM not used: vague input rules, no dashboard"},
	model.PatternSiloedFunnel:  Text{JA: "部門ごとにKPIを追い、リードが引き継がれない", EN: "Each department chases its own KPIs; leads are not handed over"},
}

var checklistAnswerText = map[model.Answer]Text{
	model.AnswerYes:    Text{JA: "はい", EN: "Yes"},
	model.AnswerPartly: Text{JA: "一部", EN: "Partly"},
	model.AnswerNo:     Text{JA: "いいえ", EN: "No"},
	model.AnswerNone:   Text{JA: "未回答", EN: "-"},
}

// Where a gap's screen does not exist as a tab, the user is told how to get
// there.
var checklistFixText = map[string]Text{
	model.FixTree:      Text{JA: "KPIツリー", EN: "KPI Tree"},
	model.FixStyles:    Text{JA: "スタイル別KPI", EN: "Styles"},
	model.FixDashboard: Text{JA: "ダッシュボード", EN: "Dashboard"},
	model.FixImport:    Text{JA: "取り込み", EN: "Import"},
	model.FixSettings:  Text{JA: "入力ルール", EN: "Input rules"},
	model.FixAlerts:    Text{JA: "アラート", EN: "Alerts"},
	model.FixFunnel:    Text{JA: "ファネル", EN: "Funnel"},
	model.FixReview:    Text{JA: "レビュー", EN: "Review"},
}

var (
	msgCkTitle      = Text{JA: "KPI運用チェックリスト診断", EN: "KPI operations checklist"}
	msgCkScore      = Text{JA: "スコア %s/14 (%.0f%%)", EN: "Score %s/14 (%.0f%%)"}
	msgCkPrevious   = Text{JA: "前回 %s: %s/14 (%.0f%%)", EN: "Previous %s: %s/14 (%.0f%%)"}
	msgCkFirst      = Text{JA: "初回の診断", EN: "First diagnosis"}
	msgCkSuggested  = Text{JA: "データからの推定: %s", EN: "Data suggests: %s"}
	msgCkNoSuggest  = Text{JA: "データからは判断できません。実態で答えてください", EN: "The data cannot show this; answer from practice"}
	msgCkAnsweredOn = Text{JA: "回答 %d/14 (残りはデータから推定)", EN: "%d/14 answered (the rest from the data)"}
	msgCkGaps       = Text{JA: "課題 %d件 (失敗パターン別)", EN: "Gaps: %d, by failure pattern"}
	msgCkNoGaps     = Text{JA: "課題はありません", EN: "No gaps"}
	msgCkPattern    = Text{JA: "パターン%d %s", EN: "Pattern %d %s"}
	msgCkGoTo       = Text{JA: "-> %s", EN: "-> %s"}
	msgCkNext       = Text{JA: "次の一手: %s", EN: "Next step: %s"}
	msgCkJumped     = Text{JA: "%s を開きました", EN: "Opened %s"}
	msgCkNoScreen   = Text{JA: "%s の画面はまだありません。%s を開きました", EN: "There is no %s screen yet; opened %s"}
	msgCkSaveErr    = Text{JA: "回答を保存できませんでした: %s", EN: "Could not save the answer: %s"}

	msgKeyCkCycle = Text{JA: "状態を切替", EN: "cycle status"}
	msgKeyCkBack  = Text{JA: "逆順に切替", EN: "cycle back"}
	msgKeyCkYes   = Text{JA: "はい", EN: "yes"}
	msgKeyCkPart  = Text{JA: "一部", EN: "partly"}
	msgKeyCkNo    = Text{JA: "いいえ", EN: "no"}
	msgKeyCkJump  = Text{JA: "直す画面へ", EN: "go to the fix"}
	msgKeyCkPage  = Text{JA: "ページ送り", EN: "page"}

	msgListSep = Text{JA: "、", EN: ", "}
	msgAndMore = Text{JA: " ほか%d件", EN: " and %d more"}

	// Evidence, item by item.
	msgEvKGI           = Text{JA: "KGI %s、期限 %s", EN: "KGI %s, deadline %s"}
	msgEvKGINoDeadline = Text{JA: "KGI %s、期限なし", EN: "KGI %s, no deadline"}
	msgEvNoKGI         = Text{JA: "KGIが未設定", EN: "No KGI set"}
	msgEvNoTree        = Text{JA: "ツリーがない", EN: "No tree"}
	msgEvTreeRoot      = Text{JA: "ツリーの頂点 %s がKGIではない", EN: "The tree's top, %s, is not the KGI"}
	msgEvTreeAll       = Text{JA: "全KPIがツリーにある (%dノード)", EN: "Every KPI is in the tree (%d nodes)"}
	msgEvTreeMissing   = Text{JA: "ツリーにないKPI %d件: %s", EN: "KPIs not in the tree (%d): %s"}
	msgEvMain          = Text{JA: "主要KPI %d件", EN: "Main KPIs: %d"}
	msgEvNoKPIs        = Text{JA: "KPIが未登録", EN: "No KPIs defined"}
	msgEvTargetsAll    = Text{JA: "全KPIに目標と期限あり", EN: "Every KPI has a target and a deadline"}
	msgEvNoTarget      = Text{JA: "目標のないKPI %d件: %s", EN: "KPIs with no target (%d): %s"}
	msgEvNoDeadline    = Text{JA: "期限のないKPI %d件: %s", EN: "KPIs with no deadline (%d): %s"}
	msgEvDefsAll       = Text{JA: "全KPIに定義あり", EN: "Every KPI has a definition"}
	msgEvNoDef         = Text{JA: "定義のないKPI %d件: %s", EN: "KPIs with no definition (%d): %s"}
	msgEvNoRecords     = Text{JA: "記録がまだない", EN: "No records yet"}
	msgEvAllRecords    = Text{JA: "全KPIを記録から集計 (記録 %s件)", EN: "Every KPI computed from records (%s records)"}
	msgEvManual        = Text{JA: "手入力のKPI %d件: %s", EN: "KPIs typed in by hand (%d): %s"}
	msgEvFreshToday    = Text{JA: "最新の記録は今日", EN: "Newest record entered today"}
	msgEvFreshDays     = Text{JA: "最新の記録は%d日前", EN: "Newest record entered %d days ago"}
	msgEvRules         = Text{JA: "入力期限 %s、必須項目 %s", EN: "Entry deadline %s, required fields %s"}
	msgEvRulesNone     = Text{JA: "入力ルールが未設定", EN: "No input rule set"}
	msgEvSet           = Text{JA: "あり", EN: "set"}
	msgEvUnset         = Text{JA: "なし", EN: "none"}
	msgEvAlertsOn      = Text{JA: "アラート オン、直近%d日の遅れ入力 %d件 (期限 %s)", EN: "Alerts on; late entries in the last %d days: %d (deadline %s)"}
	msgEvAlertsOff     = Text{JA: "アラートが未設定", EN: "Alerts not switched on"}
	msgEvFunnel        = Text{JA: "MQL定義 %s、SQL定義 %s、MQL到達 %s件、SQL到達 %s件", EN: "MQL definition %s, SQL definition %s; leads at MQL %s, at SQL %s"}
	msgEvHandoff       = Text{JA: "MQLの引き渡し期限 %d営業日、超過して滞留中のリード %s件", EN: "MQL hand-off within %d business days; leads waiting longer: %s"}
	msgEvNoHandoff     = Text{JA: "引き渡しルール未設定、既定の%d営業日を超えてMQLのままのリード %s件", EN: "No hand-off rule set; leads at MQL past the default %d business days: %s"}
	msgEvReviews       = Text{JA: "直近90日のレビュー %d回、最終 %s", EN: "Reviews in the last 90 days: %d, last on %s"}
	msgEvCadence       = Text{JA: "、間隔 約%.0f日", EN: ", about every %.0f days"}
	msgEvAnalysis      = Text{JA: "前回レビュー: 未達 %[2]d件中 原因記録 %[1]d件、アクション %[3]d件、期限超過 %[4]d件", EN: "Last review: causes for %[1]d of %[2]d misses, %[3]d actions, %[4]d overdue"}
	msgEvNoAnalysis    = Text{JA: "原因とアクションを記録したレビューがない", EN: "No review has recorded causes and actions"}
	msgEvNoReviews     = Text{JA: "レビューの記録がない", EN: "No review recorded"}
	msgEvRevisions     = Text{JA: "KPIの改定 %d回、最終 %d日前", EN: "KPI revisions: %d, the last %d days ago"}
	msgEvNoRevisions   = Text{JA: "KPIの改定記録がない", EN: "No KPI revision recorded"}
)
