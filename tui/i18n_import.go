package tui

// Strings of the import screen (`i`).
var (
	msgKeyImport               = Text{JA: "取り込み", EN: "import"}
	msgImportTitle             = Text{JA: "ファイルの取り込み (CSV / TSV / Excel)", EN: "Import a file (CSV / TSV / Excel)"}
	msgImportPath              = Text{JA: "ファイル: ", EN: "File: "}
	msgImportPathHint          = Text{JA: "パスを入力して enter (作業フォルダ: %s)", EN: "Type a path and press enter (working directory: %s)"}
	msgImportReading           = Text{JA: "読み込み中...", EN: "Reading..."}
	msgImportDetected          = Text{JA: "文字コード: %s   区切り: %s", EN: "Encoding: %s   Delimiter: %s"}
	msgImportSheet             = Text{JA: "文字コード: Excel   シート: %s (%d/%d)", EN: "Encoding: Excel   Sheet: %s (%d of %d)"}
	msgImportColumns           = Text{JA: "列 (%d): %s", EN: "Columns (%d): %s"}
	msgImportKind              = Text{JA: "種類", EN: "Kind"}
	msgImportMapping           = Text{JA: "項目 <- 列 (例)", EN: "Field <- column (example)"}
	msgImportNoColumn          = Text{JA: "(なし)", EN: "(none)"}
	msgImportPreview           = Text{JA: "先頭の行", EN: "First rows"}
	msgImportMissing           = Text{JA: "必須項目 %s に列が割り当てられていません", EN: "The required field %s has no column"}
	msgImportWonLost           = Text{JA: "受注とみなすフェーズ: %s / 失注: %s (ほかは進行中)", EN: "Stages read as won: %s / lost: %s (others open)"}
	msgImportRunning           = Text{JA: "取り込み中: %s", EN: "Importing %s"}
	msgImportRows              = Text{JA: "%v 行", EN: "%v rows"}
	msgImportOpenStages        = Text{JA: "進行中として読んだフェーズ: %s (受注・失注のフェーズがあれば w/l で指定)", EN: "read as open: %s (mark a won or lost stage here with w/l)"}
	msgImportConfirm           = Text{JA: "まだ何も書き込んでいません。取り込むと:", EN: "Nothing is written yet. After this import:"}
	msgImportConfirmCount      = Text{JA: "%s -> %s (+%d)", EN: "%s -> %s (+%d)"}
	msgImportConfirmStored     = Text{JA: "登録済みの記録: 変更 %d 件、変更なし %d 件。スキップした行: %d 件", EN: "Records already stored: %d change, %d stay as they are. Rows skipped: %d"}
	msgImportConfirmKeys       = Text{JA: "y: 取り込む  n: 取り込まずに対応づけに戻る", EN: "y: import  n: back to the mapping, nothing written"}
	msgKeyImportDecline        = Text{JA: "取り込まない", EN: "do not import"}
	msgImportDone              = Text{JA: "取り込みが完了しました", EN: "Import finished"}
	msgImportFailed            = Text{JA: "取り込めませんでした。データベースは変更されていません:", EN: "Nothing was imported; the database is unchanged:"}
	msgImportCancelled         = Text{JA: "取り消しました。データベースは変更されていません", EN: "Cancelled; the database is unchanged"}
	msgImportCloseHint         = Text{JA: "enter または esc で閉じる", EN: "enter or esc to close"}
	msgKeyImportRead           = Text{JA: "読み込む", EN: "read file"}
	msgKeyImportRun            = Text{JA: "取り込む", EN: "import"}
	msgKeyImportField          = Text{JA: "項目", EN: "field"}
	msgKeyImportColumn         = Text{JA: "列を変更", EN: "change column"}
	msgKeyImportSheet          = Text{JA: "次のシート", EN: "next sheet"}
	msgKeyImportBack           = Text{JA: "パスに戻る", EN: "back to path"}
	msgKeyImportCancel         = Text{JA: "中止", EN: "cancel"}
	msgImportDelimComma        = Text{JA: "カンマ", EN: "comma"}
	msgImportDelimTab          = Text{JA: "タブ", EN: "tab"}
	msgImportDelimSemicolon    = Text{JA: "セミコロン", EN: "semicolon"}
	msgImportKindOpportunities = Text{JA: "商談", EN: "opportunities"}
	msgImportKindActivities    = Text{JA: "活動", EN: "activities"}
	msgImportKindLeads         = Text{JA: "リード", EN: "leads"}
	msgImportKindCustomers     = Text{JA: "顧客", EN: "customers"}
	msgImportKindReps          = Text{JA: "担当者", EN: "reps"}
	msgImportKindNPS           = Text{JA: "NPS回答", EN: "NPS answers"}
	msgImportKindUsage         = Text{JA: "利用状況", EN: "usage checks"}
	msgImportKindInquiries     = Text{JA: "問い合わせ", EN: "inquiries"}
	msgImportKindCampaigns     = Text{JA: "メール配信", EN: "e-mail campaigns"}
)

var msgImportMoreFields = Text{JA: "(ほか %d 項目: 上下キーで表示)", EN: "(%d more fields: up/down)"}

// Stage values, profiles and file-level errors of the import screen.
var (
	msgImportStages      = Text{JA: "フェーズ (w 受注 / l 失注 / o 進行中)", EN: "Stages (w won / l lost / o open)"}
	msgImportOutcomeWon  = Text{JA: "受注", EN: "won"}
	msgImportOutcomeLost = Text{JA: "失注", EN: "lost"}
	msgImportOutcomeOpen = Text{JA: "進行中", EN: "open"}
	msgImportProfile     = Text{JA: "プロファイル: %s", EN: "Profile: %s"}
	msgImportNoProfiles  = Text{JA: "保存したプロファイルはまだありません (取り込みの後に p で保存できます)", EN: "No saved profiles yet (press p after an import to save one)"}
	msgImportSaveName    = Text{JA: "プロファイル名: ", EN: "Profile name: "}
	msgImportSaved       = Text{JA: "プロファイル %s を保存しました (次回: kpit import --profile %s FILE、または取り込み画面で p)", EN: "profile %s saved (use: kpit import --profile %s FILE, or p in this screen)"}
	msgImportSaveHint    = Text{JA: "p でこの設定をプロファイルとして保存", EN: "p saves these settings as a profile"}
	msgKeyImportMark     = Text{JA: "受注/失注/進行中", EN: "won/lost/open"}
	msgKeyImportProfile  = Text{JA: "プロファイル", EN: "profile"}
	msgKeyImportSave     = Text{JA: "プロファイルを保存", EN: "save profile"}
)
