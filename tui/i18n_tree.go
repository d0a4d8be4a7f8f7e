package tui

// Strings of the KPI tree screen.
var (
	msgTreePeriod     = Text{JA: "KPIツリー  %s (%s)", EN: "KPI tree  %s (%s)"}
	msgTreeNoTree     = Text{JA: "KPIツリーがありません (スタイル別KPIで型を採用できます)", EN: "No KPI tree yet (adopt a style's template on the Styles tab)"}
	msgTreeBroken     = Text{JA: "KPIツリーを組み立てられません: %s", EN: "The KPI tree does not build: %s"}
	msgVerdictShort   = Text{JA: "判定: 現在のKPI目標ではKGIの%sにしか届きません", EN: "Verdict: the KPIs as set reach only %s of the KGI"}
	msgVerdictReach   = Text{JA: "判定: 現在のKPI目標でKGIの%sに届きます", EN: "Verdict: the KPIs as set reach %s of the KGI"}
	msgVerdictUnset   = Text{JA: "判定: 目標のないKPIがあるため計算できません (%s)", EN: "Verdict: cannot tell, KPIs without a target (%s)"}
	msgVerdictNoKGI   = Text{JA: "判定: KGIが未設定です", EN: "Verdict: no KGI set"}
	msgWhatIfVerdict  = Text{JA: "試算: このKPIならKGIの%sに届きます", EN: "What-if: these KPIs reach %s of the KGI"}
	msgKGIMark        = Text{JA: "(KGI)", EN: "(KGI)"}
	msgColNode        = Text{JA: "ノード", EN: "Node"}
	msgColGapShare    = Text{JA: "未達寄与", EN: "Gap share"}
	msgColPlan        = Text{JA: "計画", EN: "Plan"}
	msgColWhatIf      = Text{JA: "試算", EN: "What-if"}
	msgColDelta       = Text{JA: "増減", EN: "Change"}
	msgColNeed        = Text{JA: "単独必要値", EN: "Need alone"}
	msgPerDay         = Text{JA: "/日", EN: "/day"}
	msgPerWeek        = Text{JA: "/週", EN: "/wk"}
	msgPerMonth       = Text{JA: "/月", EN: "/mo"}
	msgPerQuarter     = Text{JA: "/四半期", EN: "/qtr"}
	msgPerYear        = Text{JA: "/年", EN: "/yr"}
	msgWhatIfTitle    = Text{JA: "試算モード (w で終了)", EN: "What-if mode (w to leave)"}
	msgWhatIfLeaf     = Text{JA: "%s: 計画 %s -> 試算 %s (%s)", EN: "%s: plan %s -> what-if %s (%s)"}
	msgWhatIfImplied  = Text{JA: "KGI換算 %s / KGI %s (%s)", EN: "Implied KGI %s / KGI %s (%s)"}
	msgWhatIfNeed     = Text{JA: "単独でKGIに届くのに必要な値 (逆算):", EN: "What each leaf would need alone (back-calculation):"}
	msgWhatIfNotLeaf  = Text{JA: "試算できるのは末端のKPIだけです", EN: "Select a leaf KPI to change it"}
	msgWhatIfNoTarget = Text{JA: "%s には目標がありません: 値を入力してください (e)", EN: "%s has no target: type a value (e)"}
	msgWhatIfPrompt   = Text{JA: "%s の値 (例 35%%, 200万, 150/月): ", EN: "Value for %s (e.g. 35%%, 2000000, 150/month): "}
	msgWhatIfBadValue = Text{JA: "値を読めません: %s", EN: "Cannot read the value: %s"}
	// The model's reason for an unreadable value is English (ParseQuantity):
	// Japanese shows the forms it takes instead.
	msgWhatIfUnreadable = Text{JA: "「%[1]s」 (例: 35%%, 200万, 150/月)", EN: "%[2]s"}
	msgWhatIfNegative   = Text{JA: "「%s」は負の値です", EN: "%q is negative"}
	msgInfeasible       = Text{JA: "届かない", EN: "out of reach"}
	msgDetailTitle      = Text{JA: "%sの詳細 (escで戻る)", EN: "%s (esc to go back)"}
	msgDetailDef        = Text{JA: "定義", EN: "Definition"}
	msgDetailNoDef      = Text{JA: "定義はまだ書かれていません (チェックリスト項目5)", EN: "No definition written yet (checklist item 5)"}
	msgDetailSuggest    = Text{JA: "候補: %s", EN: "Suggestion: %s"}
	msgDetailFormula    = Text{JA: "計算式", EN: "Formula"}
	msgDetailSource     = Text{JA: "データ源", EN: "Data source"}
	msgDetailHistory    = Text{JA: "推移", EN: "History"}
	msgDetailTarget     = Text{JA: "目標", EN: "Target"}
	// The part of an inner node's gap its children do not explain (the deals
	// closed are not the deals created; targets that do not multiply up).
	msgDetailUnexplained = Text{JA: "内訳外の差", EN: "Unexplained"}
	msgDetailOfGap       = Text{JA: "(この差のうち内訳で説明できない分)", EN: "of this gap is not explained by the parts"}
	msgSourceRecords     = Text{JA: "記録から自動集計", EN: "Aggregated from records"}
	msgSourceManual      = Text{JA: "手入力", EN: "Typed in by hand"}
	msgTreeOthers        = Text{JA: "ほかに保存されたツリー (KGIの下にないもの): %s", EN: "Also stored, not under the KGI: the trees of %s"}
	msgSourceDerived     = Text{JA: "子ノードから計算", EN: "Computed from its children"}
	msgNone              = Text{JA: "(なし)", EN: "(none)"}

	msgKeyToggle      = Text{JA: "開く/閉じる", EN: "expand/collapse"}
	msgKeyCollapse    = Text{JA: "閉じる", EN: "collapse"}
	msgKeyExpand      = Text{JA: "開く", EN: "expand"}
	msgKeyDetail      = Text{JA: "詳細", EN: "details"}
	msgKeyWhatIf      = Text{JA: "試算モード", EN: "what-if mode"}
	msgKeyStepUp      = Text{JA: "+5%", EN: "+5%"}
	msgKeyStepDown    = Text{JA: "-5%", EN: "-5%"}
	msgKeyType        = Text{JA: "値を入力", EN: "type a value"}
	msgKeyReset       = Text{JA: "試算を戻す", EN: "reset what-if"}
	msgKeySaveTargets = Text{JA: "試算を目標に保存", EN: "save as targets"}

	msgTargetsConfirm    = Text{JA: "試算からKPI目標 %d 件を保存しますか? (y/n)", EN: "Save %d KPI targets from the what-if? (y/n)"}
	msgTargetsNothing    = Text{JA: "保存する試算がありません (+/- か e で値を変えてください)", EN: "No what-if value to save (change one with +/- or e)"}
	msgTargetsSaved      = Text{JA: "KPI目標を保存しました (%d件)", EN: "Saved %d KPI targets"}
	msgTargetsSaveFailed = Text{JA: "KPI目標を保存できません: %s", EN: "Could not save the KPI targets: %s"}
)
