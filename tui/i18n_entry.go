package tui

// Strings of alerts, input rules and timeliness (alerts pane, settings,
// kpit alerts and kpit rules).
var (
	msgSevWarning  = Text{JA: "注意(黄)", EN: "warning (yellow)"}
	msgSevCritical = Text{JA: "危険(赤)", EN: "critical (red)"}

	msgKindActivity    = Text{JA: "活動", EN: "activity"}
	msgKindOpportunity = Text{JA: "商談", EN: "opportunity"}
	msgKindLead        = Text{JA: "リード", EN: "lead"}
	msgKindCustomer    = Text{JA: "顧客", EN: "customer"}

	msgAlertLate    = Text{JA: "%[1]s #%[2]d (%[3]s, %[4]s): %[5]s の記録、期限 %[6]s から %[7]d日遅れて入力", EN: "%[1]s #%[2]d (%[3]s, %[4]s): event %[5]s, due %[6]s, entered %[7]d day(s) late"}
	msgAlertStale   = Text{JA: "%[1]s: %[2]d日間入力がありません (最終 %[3]s)", EN: "%[1]s: no entry for %[2]d days (last %[3]s)"}
	msgAlertStalled = Text{JA: "商談 #%[1]d %[2]s (%[3]s): %[4]d日間活動なし (最終 %[5]s)", EN: "opportunity #%[1]d %[2]s (%[3]s): no activity for %[4]d days (since %[5]s)"}
	msgAlertOverdue = Text{JA: "商談 #%[1]d %[2]s (%[3]s): 完了予定日 %[4]s を%[5]d日過ぎても未完了", EN: "opportunity #%[1]d %[2]s (%[3]s): expected to close %[4]s, still open %[5]d day(s) later"}

	msgRuleLate    = Text{JA: "入力遅れ", EN: "late entry"}
	msgRuleStale   = Text{JA: "入力途絶", EN: "no entries"}
	msgRuleStalled = Text{JA: "商談停滞", EN: "stalled deal"}
	msgRuleOverdue = Text{JA: "完了予定超過", EN: "close date passed"}

	msgDeadlineSameDay         = Text{JA: "当日中", EN: "same day"}
	msgDeadlineNextBusinessDay = Text{JA: "翌営業日まで", EN: "by the next business day"}
	msgDeadlineDays            = Text{JA: "%d日以内", EN: "within %d days"}

	msgRuleDeadline   = Text{JA: "入力期限", EN: "Entry deadline"}
	msgRuleRequired   = Text{JA: "必須項目", EN: "Required fields"}
	msgRuleStaleLimit = Text{JA: "入力途絶の上限", EN: "Staleness limit"}
	msgRuleFuture     = Text{JA: "未来の日付", EN: "Future dates"}
	msgRuleAlerts     = Text{JA: "アラート", EN: "Alerts"}
	msgRuleDefault    = Text{JA: "(既定)", EN: "(default)"}
	msgRuleNone       = Text{JA: "なし", EN: "none"}
	msgRuleOn         = Text{JA: "オン", EN: "on"}
	msgRuleOff        = Text{JA: "オフ", EN: "off"}
	msgRuleStaleDays  = Text{JA: "%d日", EN: "%d days"}
	msgRuleFutureNone = Text{JA: "不可 (今日まで)", EN: "not allowed (up to today)"}
	msgRuleFutureDays = Text{JA: "%d日先まで可", EN: "up to %d days ahead"}
	msgRuleHolidays   = Text{JA: "営業日は土日を除きます (祝日は数えません)", EN: "Business days skip Saturdays and Sundays (public holidays are not counted)."}

	msgTimelySameDay    = Text{JA: "当日入力", EN: "same day"}
	msgTimelyOneDay     = Text{JA: "翌日までに入力", EN: "within one day"}
	msgTimelyTeam       = Text{JA: "チーム", EN: "team"}
	msgTimelyUnassigned = Text{JA: "(担当なし)", EN: "(no rep)"}
	msgTimelyReference  = Text{JA: "参考: SFA/CRMに即時入力 %[1]s、1日まとめて入力 %[2]s (%[3]s)", EN: "Reference: SFA/CRM input entered immediately %[1]s, in a daily batch %[2]s (%[3]s)"}
)
