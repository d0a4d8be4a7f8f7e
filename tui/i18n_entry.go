package tui

import "github.com/kpit-dev/kpit/catalog"

// Words of records, alerts and input rules are the catalogue's (shared with
// kpit alerts and kpit rules); the screens use these under their old names.
var (
	msgKindActivity            = catalog.KindActivity
	msgKindOpportunity         = catalog.KindOpportunity
	msgKindLead                = catalog.KindLead
	msgRuleLate                = catalog.RuleLate
	msgRuleStale               = catalog.RuleStale
	msgDeadlineNextBusinessDay = catalog.DeadlineNextBusinessDay
	msgRuleDeadline            = catalog.RuleDeadline
	msgRuleAlerts              = catalog.RuleAlerts
	msgRuleOn                  = catalog.RuleOn
	msgRuleOff                 = catalog.RuleOff
	msgRuleHolidays            = catalog.RuleHolidays
	msgRuleYearEnd             = catalog.RuleYearEnd
	msgRuleYearEndOn           = catalog.RuleYearEndOn
	msgTimelyUnassigned        = catalog.TimelyUnassigned
	msgTimelyReference         = catalog.TimelyReference

	// The entry form.
	msgEntryTitle         = Text{JA: "記録を追加", EN: "Add a record"}
	msgEntryEditTitle     = Text{JA: "%s #%d を編集", EN: "Edit %s #%d"}
	msgEntryDropAsk       = Text{JA: "保存していない入力を破棄しますか? y: 破棄  n: 入力に戻る", EN: "Drop what you typed without saving it? y: drop  n: back to the form"}
	msgEntryHint          = Text{JA: "enter: 保存  esc: 閉じる  上下: 項目  左右: 選択", EN: "enter: save  esc: close  up/down: field  left/right: choose"}
	msgEntryNoReps        = Text{JA: "担当者がいません。kpit add activity --create-rep か kpit import で担当者を登録してください", EN: "No reps yet: add one with kpit add activity --create-rep or kpit import"}
	msgEntryNoRep         = Text{JA: "(なし)", EN: "(none)"}
	msgEntryNoCustomers   = Text{JA: "顧客がいません (kpit import customers で登録)", EN: "no customers yet (kpit import customers adds them)"}
	msgEntryNoOpenDeal    = Text{JA: "進行中の商談がありません", EN: "no open opportunity to change"}
	msgEntryDealNoMatch   = Text{JA: "一致する進行中の商談がありません", EN: "no open opportunity matches"}
	msgEntryDealFilter    = Text{JA: "絞り込み (ID・取引先・担当者): %s %d/%d件", EN: "filter (id, account, rep): %s %d of %d"}
	msgEntryUnknownRep    = Text{JA: "%s は登録されていません (登録済み: %s)", EN: "%s is not a known rep (known: %s)"}
	msgEntrySaveFailed    = Text{JA: "保存できませんでした: %s", EN: "Could not save: %s"}
	msgEntryBadDate       = Text{JA: "%q は日付ではありません (YYYY-MM-DD, 今日, 昨日)", EN: "%q is not a date (YYYY-MM-DD, today, yesterday)"}
	msgEntryBadAmount     = Text{JA: "%q は金額ではありません (例: 1200万, 12,000,000円, 1.2億)", EN: "%q is not an amount (e.g. 1200万, 12,000,000円, 1.2億)"}
	msgEntryBadAmountIn   = Text{JA: "%q は %s の金額ではありません (小数%d桁まで、例: 1234.56, %s1,234.56)", EN: "%q is not an amount of %s (up to %d decimals, e.g. 1234.56, %s1,234.56)"}
	msgEntryBadCount      = Text{JA: "%q は件数ではありません (1以上の整数)", EN: "%q is not a count (a whole number, 1 or more)"}
	msgEntryBadConnected  = Text{JA: "%q は通話数ではありません (0以上の整数)", EN: "%q is not a number of connected calls (a whole number, 0 or more)"}
	msgEntryAddedActivity = Text{JA: "活動 #%[1]d を追加: %[2]s %[3]d件 %[4]s %[5]s", EN: "Added activity #%[1]d: %[2]s %[3]d, %[4]s, %[5]s"}
	msgEntryAddedOpp      = Text{JA: "商談 #%[1]d を追加: %[2]s (%[3]s)", EN: "Added opportunity #%[1]d: %[2]s (%[3]s)"}
	msgEntryAddedLead     = Text{JA: "リード #%d を追加: %s", EN: "Added lead #%d: %s"}
	msgEntryUpdated       = Text{JA: "%s #%d を更新しました", EN: "Updated %s #%d"}
	msgEntryAddedNPS      = Text{JA: "NPS回答 #%[1]d を追加: %[2]d点 %[3]s %[4]s", EN: "Added NPS answer #%[1]d: %[2]d, %[3]s, %[4]s"}
	msgEntryAddedInquiry  = Text{JA: "問い合わせ #%[1]d を追加: %[2]s 受付 %[3]s %[4]s", EN: "Added inquiry #%[1]d: %[2]s, received %[3]s, %[4]s"}
	msgEntryBadScore      = Text{JA: "%q は点数ではありません (0から10の整数)", EN: "%q is not a score (a whole number from 0 to 10)"}
	msgEntryBadMoment     = Text{JA: "%q は日時ではありません (YYYY-MM-DD HH:MM)", EN: "%q is not a time (YYYY-MM-DD HH:MM)"}

	msgFieldRecord        = Text{JA: "種類", EN: "Record"}
	msgFieldKind          = catalog.FieldKind
	msgFieldRep           = catalog.FieldRep
	msgFieldCount         = catalog.FieldCount
	msgFieldConnected     = catalog.FieldConnected
	msgFieldDate          = catalog.FieldDate
	msgFieldAccount       = catalog.FieldAccount
	msgFieldNote          = catalog.FieldNote
	msgFieldAmount        = catalog.FieldAmount
	msgFieldStage         = catalog.FieldStage
	msgFieldCreated       = catalog.FieldCreated
	msgFieldClosed        = catalog.FieldClosed
	msgFieldExpectedClose = Text{JA: "完了予定日", EN: "Expected close"}
	msgFieldDeal          = catalog.FieldDeal
	msgFieldOutcome       = catalog.FieldOutcome
	msgFieldForecast      = catalog.FieldForecast
	msgFieldLostReason    = catalog.FieldLostReason
	msgFieldCompany       = catalog.FieldCompany
	msgFieldContact       = catalog.FieldContact
	msgFieldSource        = catalog.FieldSource
	msgFieldStatus        = catalog.FieldStatus
	msgModeActivity       = Text{JA: "活動", EN: "Activity"}
	msgModeOpp            = Text{JA: "新規商談", EN: "New opportunity"}
	msgModeClose          = Text{JA: "商談の更新 (フェーズ/受注/失注)", EN: "Update opportunity (stage/won/lost)"}
	msgModeLead           = Text{JA: "リード", EN: "Lead"}
	msgModeNPS            = Text{JA: "NPS回答", EN: "NPS answer"}
	msgModeUsage          = Text{JA: "利用状況", EN: "Usage check"}
	msgModeInquiry        = Text{JA: "問い合わせ", EN: "Inquiry"}
	msgModeCampaign       = Text{JA: "メール配信", EN: "E-mail campaign"}
	msgFieldScore         = catalog.FieldScore
	msgFieldCustomer      = catalog.FieldCustomer
	msgFieldComment       = catalog.FieldComment
	msgFieldOpened        = catalog.FieldOpened
	msgFieldAnswered      = catalog.FieldAnswered
	msgFieldActive        = catalog.FieldActive
	msgFieldCampaignName  = catalog.FieldCampaignName
	msgFieldSent          = catalog.FieldSent
	msgFieldOpens         = catalog.FieldOpens

	msgOutcomeOpen      = Text{JA: "進行中", EN: "open"}
	msgOutcomeWon       = Text{JA: "受注", EN: "won"}
	msgOutcomeLost      = Text{JA: "失注", EN: "lost"}
	msgLeadNew          = Text{JA: "新規", EN: "new"}
	msgLeadConverted    = Text{JA: "商談化", EN: "converted"}
	msgLeadDisqualified = Text{JA: "対象外", EN: "disqualified"}

	msgActVisit  = catalog.ActVisit
	msgKeySave   = Text{JA: "保存", EN: "save"}
	msgKeyCancel = Text{JA: "閉じる", EN: "close"}
	msgKeyField  = Text{JA: "項目", EN: "field"}
	msgKeyChoose = Text{JA: "選択", EN: "choose"}
	// The answers to msgEntryDropAsk.
	msgKeyDrop       = Text{JA: "破棄", EN: "drop"}
	msgKeyBackToForm = Text{JA: "入力に戻る", EN: "back to the form"}

	// The quick-add line.
	msgQuickTitle    = Text{JA: "クイック入力", EN: "Quick add"}
	msgQuickBadToken = Text{JA: "「%s」を読めません: %s", EN: "cannot read %q: %s"}
	msgQuickCannot   = Text{JA: "保存できません: %s", EN: "cannot save: %s"}
	msgQuickExamples = Text{JA: "例:\n  訪問 3 田中 2026-11-20\n  架電 田中 昨日\n  受注 1200万 ACME 鈴木\n  失注 ACME 鈴木 価格\n  案件 ACME 鈴木 500万 確度A 完了予定:2026-12-20\n  リード 株式会社ABC 佐藤\n  NPS 9 @ACME 11/29 対応が早い\n  未利用 @ACME 昨日", EN: "e.g.\n  visit 3 田中 2026-11-20\n  call 田中 yesterday\n  won 1200万 ACME 鈴木\n  lost ACME 鈴木 price\n  opp ACME 鈴木 500万 commit close:2026-12-20\n  lead ABC-Corp 佐藤\n  NPS 9 @ACME 11/29 quick replies\n  inactive @ACME yesterday"}
	msgQuickKinds    = Text{JA: "種類: 訪問 架電 メール 提案 アポ 商談 案件 受注 失注 リード NPS 利用 未利用\n日付: YYYY-MM-DD 今日 昨日 (英語の「visit」「won」なども可)\n案件の確度: 確度A 確度B 確度C 対象外、完了予定日: 完了予定:YYYY-MM-DD", EN: "kinds: visit call email proposal appointment meeting opp won lost lead nps usage inactive\ndates: YYYY-MM-DD today yesterday (Japanese words work too)\na deal's forecast: commit best_case pipeline omitted (A B C); its close: close:YYYY-MM-DD"}
	msgQuickReps     = Text{JA: "担当者: %s", EN: "reps: %s"}

	// The alerts pane and the rules form.
	msgAlertBadge  = Text{JA: "!%d", EN: "!%d"}
	msgAlertsTitle = Text{JA: "未対応のアラート %d件", EN: "%d open alerts"}
	msgAlertsNone  = Text{JA: "未対応のアラートはありません", EN: "No open alerts"}
	msgAlertsOff   = Text{JA: "アラートはオフです (s で入力ルールを変更)", EN: "Alerts are off (s changes the input rules)"}
	msgTimelyTitle = Text{JA: "入力の適時性 (直近%d日の記録)", EN: "Input timeliness (records of the last %d days)"}
	msgRulesTitle  = Text{JA: "入力ルール", EN: "Input rules"}
	msgKeyScroll   = Text{JA: "スクロール", EN: "scroll"}
	msgKeyRules    = Text{JA: "入力ルールを変更", EN: "edit input rules"}

	msgSetTitle          = Text{JA: "入力ルールの設定", EN: "Input rules"}
	msgSetStaleDays      = Text{JA: "入力途絶の上限(日)", EN: "Stale after (days)"}
	msgSetFiscalStart    = Text{JA: "年度の開始月", EN: "Fiscal year starts in"}
	msgSetFutureDays     = Text{JA: "未来の日付(日)", EN: "Future dates (days)"}
	msgSetReqActivity    = Text{JA: "必須: 活動", EN: "Required: activity"}
	msgSetReqOpportunity = Text{JA: "必須: 商談", EN: "Required: opportunity"}
	msgSetReqLead        = Text{JA: "必須: リード", EN: "Required: lead"}
	msgSetBadDays        = Text{JA: "%q は0から365の日数ではありません", EN: "%q is not a number of days from 0 to 365"}
	msgSetFieldsHint     = Text{JA: "必須にできる項目 (カンマ区切り):\n  活動: %s\n  商談: %s\n  リード: %s", EN: "Fields that can be required (comma-separated):\n  activity: %s\n  opportunity: %s\n  lead: %s"}
	msgSetKeys           = Text{JA: "enter: 保存  esc: 戻る  0日でオフ", EN: "enter: save  esc: back  0 days turns a check off"}
	msgSetSaved          = Text{JA: "入力ルールを保存しました", EN: "Input rules saved"}

	// The Records tab.
	msgTabRecords           = Text{JA: "記録", EN: "Records"}
	msgRecordsTitle         = Text{JA: "記録", EN: "Records"}
	msgRecordsNone          = Text{JA: "記録がありません (a で追加)", EN: "No records yet (a adds one)"}
	msgRecordsEntered       = Text{JA: "入力日時", EN: "Entered"}
	msgRecordsConfirm       = Text{JA: "%s #%d (%s) を削除しますか? y: 削除 / その他: やめる", EN: "Delete %s #%d (%s)? y: delete / any other key: keep"}
	msgRecordsKept          = Text{JA: "削除をやめました", EN: "Nothing deleted"}
	msgRecordsDeleted       = Text{JA: "%s #%d を削除しました (u で元に戻せます)", EN: "Deleted %s #%d (u undoes)"}
	msgRecordsNothingToUndo = Text{JA: "元に戻す変更はありません", EN: "Nothing to undo"}
	msgRecordsNoEdit        = Text{JA: "%s はここでは編集できません: d で削除して追加し直してください", EN: "%s: not edited here; delete it with d and add it again"}
	msgRecordsScore         = Text{JA: "点数", EN: "Score"}
	msgRecordsScoreValue    = Text{JA: "%d点", EN: "score %d"}
	msgUndoInsert           = Text{JA: "%s #%d の追加を取り消しました", EN: "Undid adding %s #%d"}
	msgUndoUpdate           = Text{JA: "%s #%d の変更を取り消しました", EN: "Undid the change to %s #%d"}
	msgUndoDelete           = Text{JA: "%s #%d を復元しました", EN: "Restored %s #%d"}
	msgKeyRecordKind        = Text{JA: "種類を切替", EN: "record kind"}
	msgKeyEdit              = Text{JA: "編集", EN: "edit"}
	msgKeyDelete            = Text{JA: "削除", EN: "delete"}
	msgKeyUndo              = Text{JA: "元に戻す", EN: "undo"}

	// The Reps tab.
	msgTabReps             = Text{JA: "担当者別", EN: "Reps"}
	msgRepsTitle           = Text{JA: "担当者別 %s", EN: "Reps, %s"}
	msgRepsDept            = Text{JA: "部門", EN: "Dept"}
	msgRepsVisits          = Text{JA: "訪問", EN: "Visits"}
	msgRepsCalls           = Text{JA: "架電", EN: "Calls"}
	msgRepsOpps            = Text{JA: "商談", EN: "Opps"}
	msgRepsWon             = Text{JA: "受注", EN: "Won"}
	msgRepsWinRate         = Text{JA: "受注率", EN: "Win %"}
	msgRepsRevenue         = Text{JA: "売上", EN: "Revenue"}
	msgRepsSameDay         = Text{JA: "当日入力", EN: "Same day"}
	msgRepsDependence      = Text{JA: "属人化の度合い", EN: "Dependence on individuals"}
	msgRepsNoWins          = Text{JA: "この期間の受注はありません", EN: "No orders won in this period"}
	msgRepsTopRep          = Text{JA: "トップ担当者: 受注件数の %[2]s (%[1]s)、売上の %[4]s (%[3]s)", EN: "Top rep: %[2]s of orders won (%[1]s), %[4]s of revenue (%[3]s)"}
	msgRepsTopN            = Text{JA: "上位20%% (商談を持つ%[2]d人中%[1]d人): 受注件数の %[3]s、売上の %[4]s", EN: "Top 20%% (%[1]d of %[2]d reps with deals): %[3]s of orders won, %[4]s of revenue"}
	msgRepsReference       = Text{JA: "参考: BtoB営業組織の %s が属人化の課題を抱えている (記事中の引用)", EN: "Reference: %s of BtoB sales organisations report person-dependence issues (as cited in the article)"}
	msgDeptMarketing       = Text{JA: "MK", EN: "MKT"}
	msgDeptInsideSales     = Text{JA: "IS", EN: "IS"}
	msgDeptFieldSales      = Text{JA: "FS", EN: "FS"}
	msgDeptCustomerSuccess = Text{JA: "CS", EN: "CS"}

	// Global keys of the entry overlays.
	msgKeyAdd      = Text{JA: "記録を追加", EN: "add a record"}
	msgKeyQuickAdd = Text{JA: "クイック入力", EN: "quick add"}
	msgKeyAlerts   = Text{JA: "アラート", EN: "alerts"}

	// The alerts pane's pages.
	msgAlertsSummary    = Text{JA: "%[1]s %[2]d (赤%[3]d 黄%[4]d)", EN: "%[1]s %[2]d (red %[3]d, yellow %[4]d)"}
	msgAlertsTimelyLine = Text{JA: "当日入力率 %[1]s (参考: 即時入力 %[2]s)", EN: "Entered the same day %[1]s (reference: %[2]s immediately)"}
	msgAlertsDeadline   = Text{JA: "入力期限: %s", EN: "deadline: %s"}
	msgBandRed          = Text{JA: "赤", EN: "red"}
	msgBandYellow       = Text{JA: "黄", EN: "yellow"}
	msgKeyTimeliness    = Text{JA: "適時性/一覧", EN: "timeliness/list"}
)

var msgSetNotRequirable = Text{JA: "%q は必須にできる項目ではありません (%s)", EN: "%q is not a field that can be required (want %s)"}

// Quick-add confirmations: what was recorded.
var (
	msgQuickAddedDeal   = Text{JA: "商談 #%[1]d を追加しました: %[2]s", EN: "Added opportunity #%[1]d: %[2]s"}
	msgQuickUpdatedDeal = Text{JA: "商談 #%[1]d を更新しました: %[2]s", EN: "Updated opportunity #%[1]d: %[2]s"}
	msgQuickAddedLead   = Text{JA: "リード #%[1]d を追加しました: %[2]s", EN: "Added lead #%[1]d: %[2]s"}
	msgQuickReason      = Text{JA: "理由: %s", EN: "reason: %s"}
	msgQuickCloses      = Text{JA: "完了予定 %s", EN: "closing %s"}
	msgQuickComment     = Text{JA: "コメント: %s", EN: "comment: %s"}
)
