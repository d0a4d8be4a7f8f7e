package tui

// Strings of goal revisions: the reason asked before a save, and the
// detail pane's list of a KPI's revisions.
var (
	msgReasonWhatIf    = Text{JA: "試算から目標に保存", EN: "saved from the what-if"}
	msgReasonPrompt    = Text{JA: "変更の理由 (enterで保存、escで取消): ", EN: "Reason for the change (enter saves, esc cancels): "}
	msgKGIReasonPrompt = Text{JA: "KGIを%sにする理由 (enterで保存、escで取消): ", EN: "Reason for a KGI of %s (enter saves, esc cancels): "}
	msgReasonRequired  = Text{JA: "理由を入力してください (改定履歴に残ります)", EN: "Type a reason: it goes into the KPI's history"}
)

// The detail pane's revisions.
var (
	msgRevTitle      = Text{JA: "改定履歴 (新しい順: 適用開始、内容、改定者、理由)", EN: "Revisions (newest first: effective, value, author, reason)"}
	msgRevFromStart  = Text{JA: "当初から", EN: "from start"}
	msgRevNoTarget   = Text{JA: "目標なし", EN: "no target"}
	msgRevDeadline   = Text{JA: "期限 %s", EN: "deadline %s"}
	msgRevDefinition = Text{JA: "定義", EN: "definition"}
	msgRevFormula    = Text{JA: "計算式", EN: "formula"}
	msgRevMain       = Text{JA: "メインKPI", EN: "main KPI"}
	msgRevSupporting = Text{JA: "サブKPI", EN: "supporting"}
)
