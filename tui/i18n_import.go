package tui

import (
	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/importer"
)

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

// A row error, worded from its parts (importer.RowError); EN is the
// importer's own English line, which the CLI prints.
var (
	msgImportRowErrColumn = Text{JA: "%s:%d行目: 列「%s」: %s", EN: "%s:%d: column %s: %s"}
	msgImportRowErr       = Text{JA: "%s:%d行目: %s", EN: "%s:%d: %s"}

	importProblemTexts = map[importer.Problem]Text{
		importer.ProblemRequired:        {JA: "空です (%s は必須です)", EN: "empty, but %s is required"},
		importer.ProblemNotAmount:       {JA: "%q は金額として読めません", EN: "%q is not an amount of yen"},
		importer.ProblemNegativeAmount:  {JA: "%q: 金額に負の値は使えません", EN: "%q: an amount cannot be negative"},
		importer.ProblemYenFraction:     {JA: "%q は1円未満の端数を含みます", EN: "%q has a fraction of a yen"},
		importer.ProblemNotAmountIn:     {JA: "%q は %s の金額として読めません", EN: "%q is not an amount of %s"},
		importer.ProblemTooManyDecimals: {JA: "%q は %[3]s の小数%[2]d桁を超えています", EN: "%q has more than %d decimals for %s"},
		importer.ProblemNotDate:         {JA: "%q は日付として読めません (例: 2026-11-26, 2026/11/26, 2026年11月26日, Excel の日付)", EN: "%q is not a date (want e.g. 2026-11-26, 2026/11/26, 2026年11月26日 or an Excel date)"},
		importer.ProblemYearRange:       {JA: "%q: %d年は扱える範囲の外です", EN: "%q: year %d is out of range"},
		importer.ProblemNotCalendarDay:  {JA: "%q は暦にない日付です", EN: "%q is not a day of the calendar"},
		importer.ProblemExcelRange:      {JA: "%q は Excel の日付の範囲外です", EN: "%q is out of the range of Excel dates"},
		importer.ProblemNotDepartment:   {JA: "%q は部署として読めません (マーケティング, インサイドセールス, フィールドセールス/営業, カスタマーサクセス)", EN: "%q is not a department (want marketing, inside_sales, field_sales, customer_success or マーケティング, インサイドセールス, フィールドセールス/営業, カスタマーサクセス)"},
		importer.ProblemNotOutcome:      {JA: "%q は結果として読めません (受注, 失注, 進行中)", EN: "%q is not an outcome (want won, lost or open)"},
		importer.ProblemNotForecast:     {JA: "%q は確度として読めません (A, B, C, commit, best case, pipeline, omitted か確率)", EN: "%q is not a forecast category (want A, B, C, commit, best case, pipeline, omitted or a probability)"},
		importer.ProblemNotProbability:  {JA: "%q は確率として読めません (80, 80%%, 0.8 など0〜100%%)", EN: "%q is not a probability (want 0 to 100%%: 80, 80%% or 0.8)"},
		importer.ProblemNotKind:         {JA: "%q は活動の種別として読めません (訪問, 架電, メール, 提案, アポ, 商談)", EN: "%q is not an activity kind (want visit, call, email, proposal, appointment or meeting)"},
		importer.ProblemNotLeadStatus:   {JA: "%q はリードの状態として読めません (新規, MQL, SQL, 商談化, 失格)", EN: "%q is not a lead status (want new, mql, sql, converted or disqualified)"},
		importer.ProblemNotYesNo:        {JA: "%q は在籍/退職 (はい/いいえ) として読めません", EN: "%q is not yes or no"},
		importer.ProblemNotCount:        {JA: "%q は件数として読めません (1以上の整数)", EN: "%q is not a count (want a whole number from 1)"},
		importer.ProblemNotConnected:    {JA: "%q は通話数として読めません (0以上の整数)", EN: "%q is not a number of connected calls (want a whole number from 0)"},
		importer.ProblemNotWhole:        {JA: "%q は0以上の整数として読めません", EN: "%q is not a whole number of 0 or more"},
		importer.ProblemNotScore:        {JA: "%q は0〜10の整数として読めません", EN: "%q is not a whole number from 0 to 10"},
		importer.ProblemWonNeedsAmount:  {JA: "空です: 受注の商談には金額が必要です", EN: "empty, but a won deal needs an amount"},
		importer.ProblemWonNeedsClosed:  {JA: "空です: 受注の商談には完了日が必要です", EN: "empty, but a won deal needs a close date"},
		importer.ProblemNoOpportunity:   {JA: "商談ID %q の商談がありません (先に商談を取り込んでください)", EN: "no opportunity with id %q (import the opportunities first)"},
		importer.ProblemMissingCells:    {JA: "足りません: この行は%d列、見出しは%d列です", EN: "missing: the row has %d fields, the header has %d"},
		importer.ProblemExtraCells:      {JA: "1列多すぎます: この行は%d列、見出しは%d列です", EN: "one too many: the row has %d fields, the header has %d"},
		importer.ProblemNotUTF8:         {JA: "UTF-8 の文字として読めません (Shift_JIS/CP932 のファイルかもしれません)", EN: "not valid UTF-8 text (try --encoding cp932)"},
		importer.ProblemRightOfHeader:   {JA: "見出しの最後の列より右に値があります", EN: "a value to the right of the last header column"},
	}
)

// Import field names as the mapping shows them: Japanese labels in the
// Japanese UI, kpit's field names (the --map and export names) in English.
var (
	msgImpFieldOppID      = Text{JA: "商談ID", EN: "id"}
	msgImpFieldActID      = Text{JA: "活動ID", EN: "id"}
	msgImpFieldLeadID     = Text{JA: "リードID", EN: "id"}
	msgImpFieldCustID     = Text{JA: "顧客ID", EN: "id"}
	msgImpFieldOwner      = catalog.FieldOwner
	msgImpFieldAccount    = Text{JA: "取引先", EN: "account"}
	msgImpFieldProduct    = catalog.FieldProduct
	msgImpFieldStage      = Text{JA: "フェーズ", EN: "stage"}
	msgImpFieldOutcome    = Text{JA: "結果", EN: "outcome"}
	msgImpFieldCreated    = Text{JA: "作成日", EN: "created"}
	msgImpFieldClosed     = Text{JA: "完了日", EN: "closed"}
	msgImpFieldAmount     = Text{JA: "金額", EN: "amount"}
	msgImpFieldLostReason = Text{JA: "失注理由", EN: "lost_reason"}
	msgImpFieldForecast   = Text{JA: "確度", EN: "forecast"}
	msgImpFieldProb       = Text{JA: "受注確率", EN: "probability"}
	msgImpFieldDepartment = Text{JA: "部署", EN: "department"}
	msgImpFieldDate       = Text{JA: "日付", EN: "date"}
	msgImpFieldKind       = Text{JA: "種別", EN: "kind"}
	msgImpFieldCount      = Text{JA: "件数", EN: "count"}
	msgImpFieldConnected  = Text{JA: "通話数", EN: "connected"}
	msgImpFieldOpp        = Text{JA: "商談ID", EN: "opportunity"}
	msgImpFieldNote       = Text{JA: "メモ", EN: "note"}
	msgImpFieldCompany    = Text{JA: "会社名", EN: "company"}
	msgImpFieldContact    = Text{JA: "担当者名", EN: "contact"}
	msgImpFieldSource     = Text{JA: "流入元", EN: "source"}
	msgImpFieldStatus     = Text{JA: "状態", EN: "status"}
	msgImpFieldMQL        = Text{JA: "MQL日", EN: "mql"}
	msgImpFieldSQL        = Text{JA: "SQL日", EN: "sql"}
	msgImpFieldCustName   = Text{JA: "顧客名", EN: "name"}
	msgImpFieldRepName    = Text{JA: "氏名", EN: "name"}
	msgImpFieldStarted    = Text{JA: "契約開始日", EN: "started"}
	msgImpFieldChurned    = Text{JA: "解約日", EN: "churned"}
	msgImpFieldMRR        = Text{JA: "月額", EN: "mrr"}
	msgImpFieldActive     = Text{JA: "在籍", EN: "active"}
	msgImpFieldNPSID      = Text{JA: "回答ID", EN: "id"}
	msgImpFieldUsageID    = Text{JA: "利用ID", EN: "id"}
	msgImpFieldInquiryID  = Text{JA: "問い合わせID", EN: "id"}
	msgImpFieldCampaignID = Text{JA: "配信ID", EN: "id"}
	msgImpFieldCampaign   = Text{JA: "配信名", EN: "name"}
	msgImpFieldScore      = Text{JA: "スコア", EN: "score"}
	msgImpFieldCustomer   = Text{JA: "顧客", EN: "customer"}
	msgImpFieldComment    = Text{JA: "コメント", EN: "comment"}
	msgImpFieldInUse      = Text{JA: "利用", EN: "active"}
	msgImpFieldReceived   = Text{JA: "受付日時", EN: "opened"}
	msgImpFieldAnswered   = Text{JA: "初回回答日時", EN: "answered"}
	msgImpFieldSent       = Text{JA: "送信数", EN: "sent"}
	msgImpFieldOpens      = Text{JA: "開封数", EN: "opened"}
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

	importFileProblemTexts = map[importer.Problem]Text{
		importer.ProblemNoFile:      {JA: "%s: ファイルがありません", EN: "%s: no such file"},
		importer.ProblemNoAccess:    {JA: "%s: ファイルを読む権限がありません", EN: "%s: permission denied"},
		importer.ProblemUnreadable:  {JA: "%s: ファイルを読めません", EN: "%s: cannot be read"},
		importer.ProblemNotWorkbook: {JA: "%s: 読める .xlsx のブックではありません", EN: "%s: not a readable .xlsx workbook"},
		importer.ProblemEmptyFile:   {JA: "%s: ファイルが空です (見出しの行が必要です)", EN: "%s: the file is empty (want a header line)"},
		importer.ProblemNotText:     {JA: "%s: CSV や TSV のテキストではありません (.xlsx のブックは拡張子を .xlsx に、UTF-16 のテキストは CSV UTF-8 で保存し直してください)", EN: "%s: %s"},
		importer.ProblemHeaderUTF8:  {JA: "%s:1行目: 見出しが UTF-8 として読めません (Shift_JIS/CP932 のファイルかもしれません)", EN: "%s:1: the header is not valid UTF-8"},
		// csv.ErrQuote: a quoted field not closed, or text after its closing quote.
		importer.ProblemQuote: {JA: "%s:%d行目: 引用符 (\") で囲んだ項目の引用符が閉じていないか、閉じた後に文字があります (%d行目。項目の中の引用符は2つ重ねてください)", EN: "%s:%d: a quote (\") problem in a quoted field on line %d"},
		// csv.ErrBareQuote: a quote inside a field that is not quoted (the
		// column is csv's byte count, not shown in Japanese).
		importer.ProblemBareQuote: {JA: "%[1]s:%[2]d行目: 引用符 (\") で囲んでいない項目の中に引用符があります (項目を引用符で囲み、中の引用符は2つ重ねてください)", EN: "%s:%d: a quote (\") inside an unquoted field on line %d, column %d"},
	}
	msgImportDuplicateHeader = Text{JA: "見出しの%d列目と%d列目が同じ名前 %q です (どちらかの名前を変えてください)", EN: "columns %d and %d are both named %q (rename one; kpit would not know which to read)"}
	msgImportFileLine        = Text{JA: "%s:%d行目", EN: "%s:%d"}
	msgImportHeaderText      = Text{JA: "%s: 見出しの%d列目: %s", EN: "%s: column %d of the header: %s"}
	msgImportRepNotSaved     = Text{JA: "担当者 %q を登録できません", EN: "rep %q cannot be created"}
)
