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
	msgImportRows              = Text{JA: "%d 行", EN: "%d rows"}
	msgImportSummary           = Text{JA: "追加 %d 件、更新 %d 件、変更なし %d 件、スキップ %d 件、担当者の新規作成 %d 人", EN: "inserted %d, updated %d, unchanged %d, skipped %d; reps created %d"}
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
)
