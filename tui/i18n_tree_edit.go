package tui

// Strings of the detail pane's editor (target, deadline, definition, formula).
var (
	msgDetailDeadline   = Text{JA: "期限", EN: "Deadline"}
	msgDetailNoDeadline = Text{JA: "期限がありません (チェックリスト項目4)", EN: "No deadline set (checklist item 4)"}

	msgEditPromptTarget   = Text{JA: "目標 (例 140/month, 30%, 200万。空で削除): ", EN: "Target (e.g. 140/month, 30%, 2000000; empty removes it): "}
	msgEditPromptDeadline = Text{JA: "期限 (YYYY-MM-DD。空で削除): ", EN: "Deadline (YYYY-MM-DD; empty removes it): "}
	msgEditPromptDef      = Text{JA: "定義 (1行): ", EN: "Definition (one line): "}
	msgEditPromptFormula  = Text{JA: "計算式・データ源 (1行): ", EN: "Formula or data source (one line): "}

	msgEditBadTarget   = Text{JA: "目標を読めません: %s", EN: "Cannot read the target: %s"}
	msgEditBadDeadline = Text{JA: "期限を読めません: %s", EN: "Cannot read the deadline: %s"}
	msgEditNegative    = Text{JA: "%q は負の値です", EN: "%q is negative"}
	msgEditRateOver    = Text{JA: "%q は100%%を超えています (率の目標は0-100%%)", EN: "%q is over 100%% (a rate's target is 0-100%%)"}
	msgEditRatePer     = Text{JA: "%q: 率の目標に期間は付けられません", EN: "%q: a rate's target has no period"}
	msgEditNotRate     = Text{JA: "%q: 率ではないKPIに%%は使えません", EN: "%q: this KPI is not a rate, so no %%"}
	msgEditLevelPer    = Text{JA: "%q: このKPIは期間ごとに積み上がる値ではないので期間は付けられません", EN: "%q: this KPI does not add up over a period, so no /period"}
	msgEditKGI         = Text{JA: "KGIはダッシュボードの g で設定します", EN: "The KGI is set with g on the dashboard"}
	msgEditSaved       = Text{JA: "%sを保存しました (%s)", EN: "Saved the %s of %s"}
	msgEditSaveFailed  = Text{JA: "保存できません: %s", EN: "Could not save: %s"}

	msgKeyEditTarget   = Text{JA: "目標", EN: "target"}
	msgKeyEditDeadline = Text{JA: "期限", EN: "deadline"}
	msgKeyEditDef      = Text{JA: "定義", EN: "definition"}
	msgKeyEditFormula  = Text{JA: "計算式", EN: "formula"}
	msgKeyEditSave     = Text{JA: "保存", EN: "save"}
	msgKeyEditCancel   = Text{JA: "取消", EN: "cancel"}
	msgKeyEditClear    = Text{JA: "全消去", EN: "clear"}
)
