package tui

// Strings of the desk: the confirmations of a change, the filters, the
// position markers and the footer's reasons a key cannot act.
var (
	msgChangeOldNew = Text{JA: "%s -> %s", EN: "%s -> %s"} // "→" is ambiguous-width
	msgKGIConfirm   = Text{JA: "KGIを変更します: %s (理由: %s)。保存しますか? (y/n)", EN: "Change the KGI: %s (reason: %s). Save? (y/n)"}
	msgEditConfirm  = Text{JA: "%sを変更します: %s (理由: %s)。保存しますか? (y/n)", EN: "Change the %s: %s (reason: %s). Save? (y/n)"}
	msgEditNotSaved = Text{JA: "保存していません。値を直すか esc で取消", EN: "Not saved: fix the value or esc to cancel"}
	msgEditNone     = Text{JA: "なし", EN: "none"}
	msgKGINotSaved  = Text{JA: "保存していません。金額を直すか esc で取消", EN: "Not saved: fix the amount or esc to cancel"}
)

var (
	msgKeyTopBottom = Text{JA: "先頭/末尾", EN: "first/last"}
	msgKeyPage      = Text{JA: "ページ送り", EN: "page"}
)

var (
	msgKeyFilter      = Text{JA: "絞り込み", EN: "filter"}
	msgKeyFilterKeep  = Text{JA: "絞り込んで一覧へ", EN: "keep the filter"}
	msgKeyFilterClear = Text{JA: "絞り込みを解除", EN: "clear the filter"}
	msgFilterApplied  = Text{JA: "絞り込み: %s (/ で変更、esc で解除)", EN: "Filter: %s (/ changes, esc clears)"}
	msgFilterNoMatch  = Text{JA: "「%s」に合うものはありません (esc で解除)", EN: "Nothing matches %q (esc clears)"}
)

var (
	msgKeyAlertOpen      = Text{JA: "対象を開く", EN: "open what it is about"}
	msgKeySnooze         = Text{JA: "スヌーズ", EN: "snooze"}
	msgKeyClose          = Text{JA: "閉じる", EN: "close"}
	msgSnoozeDays        = Text{JA: "スヌーズする日数: ", EN: "Snooze for days: "}
	msgSnoozeReason      = Text{JA: "理由 (enterで保存、escで取消): ", EN: "Reason (enter saves, esc cancels): "}
	msgSnoozeBadDays     = Text{JA: "日数を読めません: %q (1〜365の整数)", EN: "Cannot read the days: %q (a whole number, 1 to 365)"}
	msgSnoozeNeedsReason = Text{JA: "理由を入力してください (記録に残ります)", EN: "Type a reason: it is kept with the snooze"}
	msgSnoozeFailed      = Text{JA: "スヌーズできません: %s", EN: "Could not snooze: %s"}
	msgSnoozed           = Text{JA: "%s (%s) を %s までスヌーズしました", EN: "Snoozed %s (%s) until %s"}
)

var msgChoiceFilter = Text{JA: "絞り込み: %s (%d/%d)", EN: "type to narrow: %s (%d of %d)"}

// Why a key cannot act, in the footer.
var (
	msgNoLaterPeriod = Text{JA: "今日を含む期間より先の期間はありません ([ で前の期間)", EN: "This period holds today: there is no later one ([ goes back)"}
	msgQuitWhatIf    = Text{JA: "保存していない試算が %d 件あります。終了しますか? (y: 終了 / その他: 戻る)", EN: "%d what-if values are not saved. Quit? (y: quit / any other key: stay)"}
)

var (
	msgKeySaveQuick    = Text{JA: "保存 (空行で閉じる)", EN: "save (empty line closes)"}
	msgKeyQuickHistory = Text{JA: "入力した行", EN: "earlier lines"}
	msgKeyComplete     = Text{JA: "補完", EN: "complete"}
	msgQuickCandidates = Text{JA: "候補: %s", EN: "Candidates: %s"}
	msgQuickSavedNext  = Text{JA: "%s。次の行をどうぞ (空行の enter で閉じる)", EN: "%s. Type the next line (enter on an empty line closes)"}
)
