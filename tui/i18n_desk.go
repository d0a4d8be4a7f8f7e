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
