package tui

import "github.com/kpit-dev/kpit/catalog"

// The language and the catalogue's entry type are the catalogue's own; the
// names stay here so the screens read Lang and Text.
type (
	Lang = catalog.Lang
	Text = catalog.Text
)

const (
	LangJA = catalog.LangJA
	LangEN = catalog.LangEN
)

// The frame's own strings: tab titles, help and sizes.
var (
	msgTabDashboard = Text{JA: "ダッシュボード", EN: "Dashboard"}
	msgTabTree      = Text{JA: "KPIツリー", EN: "KPI Tree"}
	msgTabStyles    = Text{JA: "スタイル別KPI", EN: "Styles"}
	msgTabChecklist = Text{JA: "チェックリスト", EN: "Checklist"}

	// Short titles, for a tab bar too narrow for every full title.
	msgTabDashboardShort = Text{JA: "全体", EN: "Dash"}
	msgTabTreeShort      = Text{JA: "ツリー", EN: "Tree"}
	msgTabStylesShort    = Text{JA: "スタイル", EN: "Styles"}
	msgTabChecklistShort = Text{JA: "診断", EN: "Checks"}

	msgTooSmall = Text{JA: "ウィンドウが小さすぎます (%dx%d 以上にしてください)", EN: "Window too small (need at least %dx%d)"}
	msgLoading  = Text{JA: "読み込み中...", EN: "Loading..."}
	msgLoadErr  = Text{JA: "読み込みに失敗しました: %s", EN: "Could not load: %s"}
	msgReloaded = Text{JA: "再読み込みしました", EN: "Reloaded"}
	msgNoData   = Text{JA: "データがありません", EN: "No data"}
	// The footer's note of the shown data: when it was read, or how long
	// a slow read has been going.
	msgReadAt  = Text{JA: "更新 %s", EN: "read %s"}
	msgReading = Text{JA: "読み込み中 %d秒", EN: "reading %ds"}

	msgPeriodWeek    = Text{JA: "週", EN: "Week"}
	msgPeriodMonth   = Text{JA: "月", EN: "Month"}
	msgPeriodQuarter = Text{JA: "四半期", EN: "Quarter"}
	msgPeriodYear    = Text{JA: "年度", EN: "Fiscal year"}
	msgPeriodDay     = Text{JA: "日", EN: "Day"}

	// Global key help.
	msgKeyTabs      = Text{JA: "画面切替", EN: "switch tab"}
	msgKeyNextTab   = Text{JA: "次の画面", EN: "next tab"}
	msgKeyPrevTab   = Text{JA: "前の画面", EN: "previous tab"}
	msgKeyHelp      = Text{JA: "ヘルプ", EN: "help"}
	msgKeyQuit      = Text{JA: "終了", EN: "quit"}
	msgKeyBack      = Text{JA: "戻る", EN: "back"}
	msgKeyReload    = Text{JA: "再読み込み", EN: "reload"}
	msgKeyUp        = Text{JA: "上へ", EN: "up"}
	msgKeyDown      = Text{JA: "下へ", EN: "down"}
	msgKeyOpen      = Text{JA: "開く", EN: "open"}
	msgHelpGlobal   = Text{JA: "全体", EN: "Global"}
	msgHelpScreen   = Text{JA: "この画面", EN: "This screen"}
	msgHelpCloseTip = Text{JA: "? または esc で閉じる", EN: "? or esc to close"}
)
