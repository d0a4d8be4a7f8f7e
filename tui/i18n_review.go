package tui

// Strings of the review tab.
var (
	msgTabReview       = Text{JA: "レビュー", EN: "Review"}
	msgRvTitle         = Text{JA: "レビュー %s (%s)", EN: "Review %s (%s)"}
	msgRvSlideSummary  = Text{JA: "まとめ", EN: "Summary"}
	msgRvSlidePipeline = Text{JA: "ヨミ (パイプライン)", EN: "Pipeline forecast"}
	msgRvSlideActions  = Text{JA: "アクション", EN: "Actions"}
	msgRvActual        = Text{JA: "実績", EN: "Actual"}
	msgRvTarget        = Text{JA: "目標", EN: "Target"}
	msgRvAchv          = Text{JA: "達成率 %s", EN: "achievement %s"}
	msgRvPace          = Text{JA: "着地予測 %s (%s)", EN: "pace %s (%s)"}
	msgRvNoKGI         = Text{JA: "KGIが未設定です", EN: "No KGI set"}
	msgRvSince         = Text{JA: "前回レビュー (%s, %s) 比 %s (当時 %s)", EN: "since the last review (%s, %s): %s (then %s)"}
	msgRvNoLast        = Text{JA: "前回レビューの記録はありません", EN: "No earlier review to compare with"}
	msgRvRootShare     = Text{JA: "KGIの未達の%sを説明", EN: "explains %s of the KGI's miss"}
	msgRvBranch        = Text{JA: "内訳: %sがこの未達の%sを説明", EN: "within it: %s explains %s of this miss"}
	msgRvCauses        = Text{JA: "原因:", EN: "Causes:"}
	msgRvActionsOn     = Text{JA: "アクション:", EN: "Actions:"}
	msgRvOpenActions   = Text{JA: "未完了のアクション %d件 (期限超過 %d件)", EN: "%d open actions (%d overdue)"}
	msgRvDraft         = Text{JA: "このレビュー: 原因 %d件・新しいアクション %d件 (未保存)", EN: "This review: %d causes, %d new actions (not saved)"}
	msgRvKPIs          = Text{JA: "主要KPI", EN: "Main KPIs"}
	msgRvNoKPIs        = Text{JA: "主要KPIがありません", EN: "No main KPIs"}
	msgRvAgainst       = Text{JA: "目標 %s", EN: "target %s"}
	msgRvMoved         = Text{JA: "前回レビュー (%s) 以降に動いた商談 %d件", EN: "Deals that moved since the last review (%s): %d"}
	msgRvMovedNew      = Text{JA: "新規", EN: "new"}
	msgRvMovedMore     = Text{JA: "ほか %d件", EN: "and %d more"} // ends the moved deals a window does not hold
	msgRvActionRow     = Text{JA: "%s  %s  担当 %s  期限 %s", EN: "%s  %s  owner %s  due %s"}
	msgRvHidden        = Text{JA: "(非表示)", EN: "(hidden)"}
	msgRvNamesHidden   = Text{JA: "担当者名 非表示", EN: "names hidden"}

	msgRvAskTitle  = Text{JA: "前回のアクションの状況 (%d/%d)", EN: "Actions from the last review (%d/%d)"}
	msgRvAskIntro  = Text{JA: "レビューの前に、前回のアクションの状況を確認します。", EN: "Before the review: where do the last review's actions stand?"}
	msgRvAskKeys   = Text{JA: "d 完了  o 継続  x 中止", EN: "d done  o still open  x dropped"}
	msgRvSaveAsk   = Text{JA: "レビューを保存しますか? y 保存して終了 / n 保存せず終了 / esc 戻る", EN: "Save the review? y save and quit / n quit without saving / esc stay"}
	msgRvSaved     = Text{JA: "レビューを保存しました (#%d)", EN: "Review saved (#%d)"}
	msgRvSaveErr   = Text{JA: "レビューを保存できません: %s", EN: "Could not save the review: %s"}
	msgRvNotMissed = Text{JA: "原因は未達・注意のKPIのスライドで記録します", EN: "Causes are recorded on the slide of a KPI that is off track or at risk"}

	msgRvNoteTitle   = Text{JA: "%sの未達の原因", EN: "Why %s missed"}
	msgRvActionTitle = Text{JA: "アクションを追加", EN: "Add an action"}
	msgRvCategory    = Text{JA: "分類", EN: "Category"}
	msgRvText        = Text{JA: "内容", EN: "Text"}
	msgRvOwner       = Text{JA: "担当", EN: "Owner"}
	msgRvDue         = Text{JA: "期限", EN: "Due"}
	msgRvFormKeys    = Text{JA: "tab 次の項目  left/right 選択  enter 記録  esc やめる", EN: "tab next field  left/right choose  enter record  esc cancel"}
	msgRvNeedText    = Text{JA: "内容を入力してください", EN: "Type the text"}
	msgRvBadDue      = Text{JA: "期限を読めません: %s", EN: "Cannot read the due date: %s"}
	msgRvNoReps      = Text{JA: "担当者がいません", EN: "No reps to own the action"}

	msgRvHistory     = Text{JA: "過去のレビュー", EN: "Past reviews"}
	msgRvHistoryNone = Text{JA: "保存されたレビューはありません", EN: "No saved reviews"}
	msgRvHistoryRow  = Text{JA: "%s  %s  KPI %d  原因 %d  アクション %d", EN: "%s  %s  KPIs %d  causes %d  actions %d"}
	msgRvHistoryTip  = Text{JA: "enter 比較に選ぶ (2件で比較)  esc 戻る", EN: "enter pick to compare (two to compare)  esc back"}
	msgRvCompare     = Text{JA: "比較 %s と %s", EN: "Compare %s with %s"}
	msgRvChange      = Text{JA: "変化", EN: "Change"}

	msgKeyRvNext    = Text{JA: "次のスライド", EN: "next slide"}
	msgKeyRvPrev    = Text{JA: "前のスライド", EN: "previous slide"}
	msgKeyRvNote    = Text{JA: "原因を記録", EN: "record a cause"}
	msgKeyRvAction  = Text{JA: "アクション追加", EN: "add an action"}
	msgKeyRvStatus  = Text{JA: "状況を変更", EN: "change status"}
	msgKeyRvHistory = Text{JA: "過去のレビュー", EN: "past reviews"}
	msgKeyHideNames = Text{JA: "担当者名を隠す/表示", EN: "hide/show rep names"}
)

// The reps tab while names are hidden.
var msgRepsHidden = Text{JA: "担当者名と担当者別の数値は非表示です (h で表示)", EN: "Rep names and per-rep figures are hidden (h to show)"}
