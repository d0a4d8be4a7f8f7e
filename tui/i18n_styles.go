package tui

// The styles screen's strings. Style and KPI names come from the model's
// catalogue (model.Styles), which holds them in both languages.
var (
	msgStTitle       = Text{JA: "営業スタイル別のKPI", EN: "KPIs by sales style"}
	msgStMainOK      = Text{JA: "登録中の主要KPI %d個 (3-5個の範囲内)", EN: "%d main KPIs registered (within 3-5)"}
	msgStMainWarn    = Text{JA: "警告: 登録中の主要KPIが%d個です。3-5個に絞ってください", EN: "Warning: %d main KPIs registered; keep them to 3-5"}
	msgStFocus       = Text{JA: "重点: %s", EN: "Focus: %s"}
	msgStColKind     = Text{JA: "区分", EN: "Kind"}
	msgStColKPI      = Text{JA: "KPI", EN: "KPI"}
	msgStColValue    = Text{JA: "実績", EN: "Actual"}
	msgStColReg      = Text{JA: "登録", EN: "Added"}
	msgStMain        = Text{JA: "主要", EN: "Main"}
	msgStSupport     = Text{JA: "補助", EN: "Support"}
	msgStRelated     = Text{JA: "参考", EN: "Related"}
	msgStRegYes      = Text{JA: "済", EN: "yes"}
	msgStRegNo       = Text{JA: "-", EN: "-"}
	msgStHint        = Text{JA: "enter: 選択中のスタイルを採用 (KPIとツリーを追加、既存は消しません)", EN: "enter: adopt the selected style (adds its KPIs and tree; nothing is removed)"}
	msgStConfirm     = Text{JA: "%sを採用: KPI %d件とツリーのノード %d個を追加します。", EN: "Adopt %s: add %d KPIs and %d tree nodes."}
	msgStConfirmKeys = Text{JA: "既存のものは変更も削除もしません。 y 採用する / n やめる", EN: "Nothing that exists is changed or removed. y adopt / n cancel"}
	msgStNothingNew  = Text{JA: "%sのKPIとツリーはすべて登録済みです", EN: "Every KPI and tree node of %s is already there"}
	msgStAdopted     = Text{JA: "%sを採用しました (KPI %d件、ノード %d個を追加)", EN: "Adopted %s (%d KPIs and %d nodes added)"}
	msgStAdoptErr    = Text{JA: "採用できませんでした: %s", EN: "Could not adopt the style: %s"}

	msgKeyStPrev   = Text{JA: "前の期間", EN: "previous period"}
	msgKeyStNext   = Text{JA: "次の期間", EN: "next period"}
	msgKeyStKind   = Text{JA: "期間の種類", EN: "period kind"}
	msgKeyStSelect = Text{JA: "スタイルを選ぶ", EN: "select style"}
	msgKeyStRow    = Text{JA: "KPIを選ぶ", EN: "select KPI"}
	msgKeyStValue  = Text{JA: "手入力KPIの値", EN: "manual KPI value"}

	// Typed-in values of manual KPIs (styles_manual.go).
	msgManualRecords    = Text{JA: "%s は記録から集計されるKPIです。値を入力できるのは手入力のKPIだけです", EN: "%s comes from the records; only manual KPIs take a typed value"}
	msgManualAdoptFirst = Text{JA: "%s はまだ登録されていません。先に enter でスタイルを採用してください", EN: "%s is not registered yet: adopt the style first (enter)"}
	msgManualPrompt     = Text{JA: "%s の値 (%s):", EN: "%s for %s:"}
	msgManualKeys       = Text{JA: "enter: 保存  esc: やめる  率はパーセントで (42 = 42%)", EN: "enter: save  esc: cancel  rates in percent (42 = 42%)"}
	msgManualBad        = Text{JA: "「%s」は数値として読めません", EN: "%q is not a number kpit can read"}
	msgManualSaved      = Text{JA: "%s の %s の値を %s にしました", EN: "%s for %s set to %s"}
	msgManualFailed     = Text{JA: "保存できませんでした: %s", EN: "Could not save: %s"}
	msgKeyStAdopt       = Text{JA: "採用する", EN: "adopt"}
	msgKeyStYes         = Text{JA: "採用を確定", EN: "confirm"}
	msgKeyStNo          = Text{JA: "取り消す", EN: "cancel"}
)
