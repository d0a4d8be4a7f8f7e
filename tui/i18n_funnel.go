package tui

// The Funnel tab (ファネル) and its stage definitions.
var (
	msgTabFunnel        = Text{JA: "ファネル", EN: "Funnel"}
	msgFunnelTitle      = Text{JA: "ファネル %s", EN: "Funnel %s"}
	msgFunnelBreakdown  = Text{JA: "%s (b で切替)", EN: "%s (b to switch)"}
	msgFunnelNoBy       = Text{JA: "内訳なし (b で部門・流入元・担当者別)", EN: "No breakdown (b: by department, source, rep)"}
	msgFunnelGroup      = Text{JA: "区分", EN: "Group"}
	msgFunnelOverdue    = Text{JA: "引き渡し期限切れ %s件 (アラートにも表示)", EN: "%s leads past their hand-off limit (also in the alerts)"}
	msgFunnelNoOverdue  = Text{JA: "引き渡し期限切れのリードはありません", EN: "No lead is past its hand-off limit"}
	msgFunnelMore       = Text{JA: "ほか %s件", EN: "%s more"}
	msgFunnelLeadsTitle = Text{JA: "%s に到達したリード %d件 %s", EN: "%d leads that reached %s %s"}
	msgFunnelLeadsMax   = Text{JA: "先頭 %d件を表示", EN: "showing the first %d"}
	msgFunnelColLead    = Text{JA: "リード", EN: "Lead"}
	msgFunnelColCompany = Text{JA: "会社", EN: "Company"}
	msgFunnelColSource  = Text{JA: "流入元", EN: "Source"}
	msgFunnelColRep     = Text{JA: "担当", EN: "Rep"}
	msgFunnelColReached = Text{JA: "到達日時", EN: "Reached"}
	msgFunnelColNext    = Text{JA: "次へ", EN: "Next"}
	msgFunnelColOver    = Text{JA: "超過", EN: "Over"}
	msgFunnelNoLeads    = Text{JA: "該当するリードはありません", EN: "No leads"}
	msgFunnelNotYet     = Text{JA: "未到達", EN: "not yet"}

	msgKeyFunnelBy      = Text{JA: "内訳切替", EN: "breakdown"}
	msgKeyFunnelLeads   = Text{JA: "リード一覧", EN: "list leads"}
	msgKeyFunnelDefs    = Text{JA: "ステージ定義", EN: "stage definitions"}
	msgKeyFunnelStage   = Text{JA: "ステージ選択", EN: "pick stage"}
	msgKeyFunnelMove    = Text{JA: "ステージを移す", EN: "move stage"}
	msgKeyFunnelRecycle = Text{JA: "リサイクル切替", EN: "recycle on/off"}
	msgKeyFunnelConfirm = Text{JA: "記録", EN: "record the move"}

	// Moving a lead from the list (m).
	msgFunnelMoveAsk       = Text{JA: "リード #%d %s (現在 %s) を移しますか", EN: "Move lead #%d %s (now at %s)?"}
	msgFunnelMoveHint      = Text{JA: "←→ で移動先、r でリサイクル、enter で記録 (現在時刻)、esc で取消", EN: "←/→ stage, r recycle, enter records it (now), esc cancels"}
	msgFunnelMoveRecycle   = Text{JA: "リサイクル: する", EN: "recycle: yes"}
	msgFunnelMoveNoRecycle = Text{JA: "リサイクル: しない", EN: "recycle: no"}
	msgFunnelMoveRefused   = Text{JA: "リード #%d: %s: %s", EN: "lead #%d: %s: %s"}

	// The stage definitions screen.
	msgDefsTitle     = Text{JA: "ステージ定義 (%s 時点)", EN: "Stage definitions (as of %s)"}
	msgDefsHint      = Text{JA: "enter で編集。変更は日付と理由つきの改定として残ります。", EN: "enter to edit. Each change is kept as a revision with its date and reason."}
	msgDefsUndefined = Text{JA: "(未定義)", EN: "(not written)"}
	msgDefsHistory   = Text{JA: "改定履歴", EN: "Revisions"}
	msgDefsNoHistory = Text{JA: "改定はまだありません (既定値)", EN: "No revisions yet (defaults)"}
	msgDefsRevLine   = Text{JA: "%s から %s: %s (%s)", EN: "from %s %s: %s (%s)"}
	msgDefsEditTitle = Text{JA: "%s の定義を編集", EN: "Edit the definition of %s"}
	msgDefsFieldJA   = Text{JA: "定義 (日本語)", EN: "Definition (ja)"}
	msgDefsFieldEN   = Text{JA: "定義 (英語)", EN: "Definition (en)"}
	msgDefsFieldOwn  = Text{JA: "担当部門", EN: "Owner"}
	msgDefsFieldLim  = Text{JA: "引き渡し期限 (営業日)", EN: "Hand-off limit (business days)"}
	msgDefsFieldTgt  = Text{JA: "次への転換目標 (%)", EN: "Target to next (%)"}
	msgDefsFieldFrom = Text{JA: "適用開始日", EN: "Effective from"}
	msgDefsFieldWhy  = Text{JA: "理由", EN: "Reason"}
	msgDefsSaveHint  = Text{JA: "tab で項目移動、←→ で部門、enter で保存、esc で取消", EN: "tab: next field, ←/→: owner, enter: save, esc: cancel"}
	msgDefsSaved     = Text{JA: "%s の定義を改定しました", EN: "Revised the definition of %s"}
	msgDefsNeedWhy   = Text{JA: "理由を入力してください", EN: "Give a reason for the change"}
	msgDefsBadNumber = Text{JA: "%s: 数値ではありません", EN: "%s: not a number"}
	msgDefsBadDate   = Text{JA: "適用開始日: YYYY-MM-DD で入力してください", EN: "Effective from: write YYYY-MM-DD"}
	msgDefsNoChange  = Text{JA: "変更はありません", EN: "Nothing changed"}
)
