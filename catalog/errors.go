package catalog

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"

	"github.com/kpit-dev/kpit/model"
)

// Refusals of a command's input and of the files it touches
// (model/input_refusal.go). EN is the model's English for the code (a test
// holds them equal), JA its translation naming the same values.
var inputTexts = map[model.RefusalCode]Text{
	model.RefuseQuantity:          {JA: "%q: %v", EN: "%q: %v"},
	model.RefuseNoNumber:          {JA: "数値がありません", EN: "no number"},
	model.RefuseThousands:         {JA: "桁区切りのカンマの位置が正しくありません", EN: "misplaced thousands separator"},
	model.RefuseNotNumber:         {JA: "数値ではありません", EN: "not a number"},
	model.RefuseNotFinite:         {JA: "有限の数値ではありません", EN: "not a finite number"},
	model.RefuseQuantityTooLarge:  {JA: "%q は大きすぎます (10^15、¥1,000兆 まで)", EN: "%q is too large (kpit takes figures up to 10^15, ¥1,000兆)"},
	model.RefuseUnknownPer:        {JA: "不明な期間 %q (year、quarter、month、week、day のいずれか)", EN: "unknown period %q (want year, quarter, month, week or day)"},
	model.RefuseKGIRequired:       {JA: "--kgi が必要です: KGI (年間の売上。例: --kgi 10億)", EN: "--kgi is required: the KGI, e.g. --kgi 10億 (revenue per year)"},
	model.RefuseKGI:               {JA: "--kgi %v", EN: "--kgi %v"},
	model.RefuseKGIPercent:        {JA: "--kgi %q: KGI は売上の金額です。率ではありません", EN: "--kgi %q: the KGI is an amount of revenue, not a percentage"},
	model.RefuseKGIPositive:       {JA: "--kgi %q: KGI は0より大きくしてください", EN: "--kgi %q: the KGI must be above zero"},
	model.RefuseSetForm:           {JA: "--set %q: ノード=値 の形で指定してください (例: win_rate=30%%)", EN: "--set %q: want NODE=VALUE, e.g. win_rate=30%%"},
	model.RefuseSetUnknownNode:    {JA: "--set %q: 不明なノード %q (使えるノード: %s)", EN: "--set %q: unknown node %q (valid: %s)"},
	model.RefuseSetTwice:          {JA: "--set %q: %s が2回指定されています", EN: "--set %q: %s is set twice"},
	model.RefuseSetValue:          {JA: "--set %q: %v", EN: "--set %q: %v"},
	model.RefuseSetUnder:          {JA: "--set %s: %s も指定されていて、その下のノードを代表します。どちらか一方を指定してください", EN: "--set %s: %s is set too and stands in for the nodes under it; set one or the other"},
	model.RefuseNodeNoPer:         {JA: "%s は率か平均で、どの期間でも同じです: /%s を外してください", EN: "%s is a rate or an average, the same in any period: drop the /%s"},
	model.RefuseNodeNegative:      {JA: "%s は負にできません", EN: "%s cannot be negative"},
	model.RefuseNodeOver100:       {JA: "%s は率なので100%%を超えられません (30%% か 0.3 と書いてください)", EN: "%s is a rate and cannot be above 100%% (write 30%% or 0.3)"},
	model.RefuseNodeNotPercent:    {JA: "%s は %s です。率ではありません", EN: "%s is a %s, not a percentage"},
	model.RefuseAddWhat:           {JA: "追加する記録の種類を指定してください: %s のいずれか (例: 'kpit add activity --kind visit --rep 田中')", EN: "say what to add: %s (e.g. kpit add activity --kind visit --rep 田中)"},
	model.RefuseUnknownRecordKind: {JA: "不明な記録の種類 %q (%s のいずれか)", EN: "unknown record kind %q (want %s)"},
	model.RefuseLeadWhat:          {JA: "操作を指定してください: move (例: 'kpit lead move 42 --to opportunity')", EN: "say what to do: move (e.g. kpit lead move 42 --to opportunity)"},
	model.RefuseUnknownLeadCmd:    {JA: "不明なリードの操作 %q (move のみ)", EN: "unknown lead command %q (want move)"},
	model.RefuseNotLeadID:         {JA: "ID: %q はリードの番号ではありません ('kpit add lead' が表示する kpit の番号。例: 'kpit lead move 42 --to sql')", EN: "ID: %q is not a lead number (kpit's number, as kpit add lead prints it: kpit lead move 42 --to sql)"},
	model.RefuseLeadStageRequired: {JA: "入力してください (lead、mql、sql、opportunity、won のいずれか)", EN: "required (lead, mql, sql, opportunity or won)"},
	model.RefuseCustomerStage:     {JA: "%s は顧客のステージです。リードの移動先は lead、mql、sql、opportunity、won のいずれかです", EN: "%s is a customer's stage; a lead moves to lead, mql, sql, opportunity or won"},
	model.RefuseOfLead:            {JA: "リード %d: %v", EN: "lead %d: %v"},
	model.RefuseConfigWhat:        {JA: "path、show、keys のいずれかを指定してください ('kpit config -h' を参照)", EN: "want one of path, show or keys (see 'kpit config -h')"},
	model.RefuseConfigVerb:        {JA: "%q: path、show、keys のいずれかを指定してください", EN: "%q: want path, show or keys"},
	model.RefuseDemoScale:         {JA: "--scale %q: 商談数を1から%dの整数で指定してください", EN: "--scale %q: want a whole number of opportunities from 1 to %d"},
	model.RefuseExportWhat:        {JA: "記録の種類を1つ指定してください (例: 'kpit export opportunities --format csv'。'kpit export -h' を参照)", EN: "want one KIND, e.g. kpit export opportunities --format csv (see 'kpit export -h')"},
	model.RefuseImportWhat:        {JA: "種類とファイルを指定してください (例: 'kpit import opportunities deals.csv'。'kpit import -h' を参照)", EN: "want KIND FILE, e.g. kpit import opportunities deals.csv (see 'kpit import -h')"},
	model.RefuseImportInterrupted: {JA: "中断しました。何も書き込んでいません", EN: "interrupted; nothing was written"},
	model.RefuseImportRowsCleared: {JA: "%s の書き込み: ここまでに移した行を別の kpit が消しました。何も書き込んでいません。取り込みをもう一度実行してください",
		EN: "write %s: the rows moved so far were removed by another kpit; nothing was written, run the import again"},
	model.RefuseImportSchemaChanged: {JA: "%s の書き込み: 取り込み中に表のトリガーが変わりました。何も書き込んでいません。もう一度実行してください",
		EN: "write %s: the table's triggers changed during the import; nothing was written, run it again"},
	model.RefuseMigrateImportMoving: {JA: "%s: 取り込みが行を移している途中です。終わってから kpit migrate をもう一度実行してください",
		EN: "%s: an import is still moving its rows into it; run kpit migrate again when it ends"},
	model.RefuseNoProfile:        {JA: "--profile %s: そのプロファイルはありません (保存済み: %s)", EN: "--profile %s: no such profile (saved: %s)"},
	model.RefuseProfileKind:      {JA: "--profile %s は %s 用です (%s 用ではありません)", EN: "--profile %s is for %s, not %s"},
	model.RefuseUnknownKPICmd:    {JA: "不明なサブコマンド %q (list、set、history のいずれか)", EN: "unknown subcommand %q (list, set or history)"},
	model.RefuseKPISetWhich:      {JA: "KPI を1つ指定してください: 'kpit kpi set KEY --target V --reason TEXT' ('kpit kpi list' で一覧)", EN: "name one KPI: kpit kpi set KEY --target V --reason TEXT (see 'kpit kpi list')"},
	model.RefuseKPIHistoryWhich:  {JA: "KPI を1つ指定してください: 'kpit kpi history KEY' ('kpit kpi list' で一覧)", EN: "name one KPI: kpit kpi history KEY (see 'kpit kpi list')"},
	model.RefuseReasonRequired:   {JA: "--reason が必要です: 目標を変える理由を書いてください (--reason 理由)", EN: "--reason is required: say why the goal changes (--reason TEXT)"},
	model.RefuseOneLine:          {JA: "1行で書いてください", EN: "one line only"},
	model.RefuseMainOrSupporting: {JA: "--main と --supporting: どちらか一方を指定してください", EN: "--main and --supporting: give one of them"},
	model.RefuseNothingToChange:  {JA: "変更がありません: --target、--deadline、--definition、--formula、--main、--supporting のいずれかを指定してください", EN: "nothing to change: give --target, --deadline, --definition, --formula, --main or --supporting"},
	model.RefuseMigrateFrom:      {JA: "入力してください (コピー元のデータベース。例: --from kpit.db)", EN: "required (the database to copy from, e.g. --from kpit.db)"},
	model.RefuseMigrateTo:        {JA: "入力してください (コピー先のデータベース。例: --to postgres://kpit@db.example/team)", EN: "required (the database to copy into, e.g. --to postgres://kpit@db.example/team)"},
	model.RefuseSameDatabase:     {JA: "--from と --to が同じデータベースです", EN: "--from and --to name the same database"},
	model.RefuseNeedsExport:      {JA: "--%s には --export md|json が必要です", EN: "--%s needs --export md|json"},
	model.RefuseExportTakesID:    {JA: "--export は保存済みのレビューを書き出します: --demo や --period ではなく --id を指定してください", EN: "--export writes a saved review: it takes --id, not --demo or --period"},
	model.RefuseReviewNumber:     {JA: "--id %d: レビューの番号は1以上です", EN: "--id %d: want a review number from 1"},
	model.RefuseNoSuchReview:     {JA: "--id %d: そのレビューはありません (レビュータブの過去のレビュー H で確認できます)", EN: "--id %d: no such review (see the review tab's past reviews, H)"},
	model.RefuseNoReviewYet:      {JA: "保存されたレビューはまだありません ('kpit review' で開き、q で終えるときに y と答えると保存されます)", EN: "no review has been saved yet (hold one with 'kpit review' and answer y when q asks)"},
	model.RefuseNameEqualsN:      {JA: "%q: 名前=日数 の形で指定してください", EN: "%q: want NAME=N"},
	model.RefuseBackupOut:        {JA: "入力してください (書き出すバックアップファイル。例: --out kpit-2026-11-30.db)", EN: "required (the backup FILE to write, e.g. --out kpit-2026-11-30.db)"},
	model.RefuseRestoreWhat:      {JA: "バックアップファイルを指定してください (例: 'kpit restore kpit-2026-11-30.db')", EN: "want the backup FILE, e.g. kpit restore kpit-2026-11-30.db"},
	model.RefuseServeIdle:        {JA: "--idle %s: 0以上の時間を指定してください (例: 30m)", EN: "--idle %s: want a duration of 0 or more, e.g. 30m"},
	model.RefuseServeListen:      {JA: "--listen %q: ホスト:ポートの形で指定してください (例: 127.0.0.1:23234、:23234)", EN: "--listen %q: want host:port, e.g. 127.0.0.1:23234 or :23234"},
	model.RefuseUsersWhat:        {JA: "add、list、remove のいずれかを指定してください ('kpit users -h' を参照)", EN: "want add, list or remove (see 'kpit users -h')"},
	model.RefuseUsersVerb:        {JA: "不明な操作 %q: add、list、remove のいずれかを指定してください ('kpit users -h' を参照)", EN: "unknown %q: want add, list or remove (see 'kpit users -h')"},
	model.RefuseUsersAddName:     {JA: "利用者名を1つ指定してください (例: 'kpit users add sato --key \"ssh-ed25519 AAAA...\" --role rep --rep 佐藤')", EN: "want one NAME, e.g. kpit users add sato --key \"ssh-ed25519 AAAA...\" --role rep --rep 佐藤"},
	model.RefuseUsersRemoveName:  {JA: "利用者名を1つ指定してください (例: 'kpit users remove sato')", EN: "want one NAME, e.g. kpit users remove sato"},
	model.RefuseMoneyNotAmount:   {JA: "%q は金額 (%s) ではありません", EN: "%q is not an amount of %s"},
	model.RefuseMoneyFraction:    {JA: "%q に %s の端数があります", EN: "%q has a fraction of a %s"},
	model.RefuseMoneyDecimals:    {JA: "%q は小数が%d桁を超えています (%s)", EN: "%q has more than %d decimals for %s"},
	model.RefuseMoneyTooLarge:    {JA: "%q は大きすぎます", EN: "%q is too large"},
	model.RefuseAmountHintJPY:    {JA: "1200000、12,000,000円、120万、1.2億 のように書いてください", EN: "write 1200000, 12,000,000円, 120万 or 1.2億"},
	model.RefuseAmountHint:       {JA: "1234.56 や %s1,234.56 のように書いてください (%s は小数%d桁)", EN: "write 1234.56 or %s1,234.56: %s has %d decimals"},
	model.RefuseWithHint:         {JA: "%v (%v)", EN: "%v (%v)"},

	model.RefuseFlagWant:          {JA: "--%s %q: %s のいずれかを指定してください", EN: "--%s %q: want %s"},
	model.RefuseNotDate:           {JA: "%q は日付ではありません (YYYY-MM-DD)", EN: "%q is not a date (want YYYY-MM-DD)"},
	model.RefuseYearRange:         {JA: "%q は範囲外です (%d年から%d年まで)", EN: "%q is out of range (years %d to %d)"},
	model.RefuseNotDay:            {JA: "%q は存在しない日付です (YYYY-MM-DD、today、yesterday のいずれか)", EN: "%q is not a calendar date (want YYYY-MM-DD, today or yesterday)"},
	model.RefuseNotTime:           {JA: "%q は日時ではありません (now、YYYY-MM-DD、YYYY-MM-DDTHH:MM、RFC 3339 のいずれか)", EN: "%q is not a time (want now, YYYY-MM-DD, YYYY-MM-DDTHH:MM or RFC 3339)"},
	model.RefuseNotRFC3339:        {JA: "%q は RFC 3339 の日時ではありません (例: 2026-11-20T09:00:00+09:00)", EN: "%q is not an RFC 3339 time (e.g. 2026-11-20T09:00:00+09:00)"},
	model.RefuseNotPeriod:         {JA: "期間 %q を読めません (2026-11、2026-Q3、FY2026、FY2026-Q1、2026-W47、2026-11-20 のいずれかの形)", EN: "period %q: want 2026-11, 2026-Q3, FY2026, FY2026-Q1, 2026-W47 or 2026-11-20"},
	model.RefuseNoWeek:            {JA: "期間 %q: %d年に第%d週はありません", EN: "period %q: %d has no week %d"},
	model.RefuseNotWhole:          {JA: "%q は整数ではありません", EN: "%q is not a whole number"},
	model.RefuseNotMonth:          {JA: "%q は1から12の月ではありません", EN: "%q is not a month number from 1 to 12"},
	model.RefuseNotDays:           {JA: "%q は0から%d日の日数ではありません", EN: "%q is not a whole number of days from 0 to %d"},
	model.RefuseOnOff:             {JA: "%q: on か off を指定してください", EN: "%q: want on or off"},
	model.RefuseNotYesNo:          {JA: "%q は yes (利用) か no (未利用) ではありません", EN: "%q is not yes or no"},
	model.RefuseUnknownRep:        {JA: "担当者 %q は登録されていません (登録済み: %s)", EN: "unknown rep %q (known: %s)"},
	model.RefuseUnknownRepCreate:  {JA: "担当者 %q は登録されていません (登録済み: %s。作成するときは --create-rep を付けてください)", EN: "unknown rep %q (known: %s; add --create-rep to create it)"},
	model.RefuseUnknownKPI:        {JA: "KPI %q はありません (登録済み: %s)", EN: "unknown KPI %q (known: %s)"},
	model.RefuseUnknownAddStatus:  {JA: "不明な状態 %q (new、mql、sql のいずれか)", EN: "unknown status %q (want new, mql or sql)"},
	model.RefuseUnknownImportKind: {JA: "不明な種類 %q (%s のいずれか)", EN: "unknown kind %q (want %s)"},
	model.RefuseUnknownCurrency:   {JA: "不明な通貨 %q (使える通貨: %s)", EN: "unknown currency %q (known: %s)"},
	model.RefuseRepNameRequired:   {JA: "入力してください (担当者の名前)", EN: "required (the rep's name)"},
	model.RefuseNewOppRequired:    {JA: "新しい商談には必要です", EN: "required for a new opportunity"},
	model.RefuseDealIDRequired:    {JA: "入力してください (SFA の商談IDか独自のID、例: --id D-1024。後で同じIDで更新できます)", EN: "required (the deal's id in your SFA or your own, e.g. --id D-1024), so a later call can update it"},
	model.RefuseAmountNegative:    {JA: "%q: 金額は負にできません", EN: "%q: an amount cannot be negative"},
	model.RefuseBothClose:         {JA: "--expected-close と --closed はどちらも完了日です: 一方だけ指定してください", EN: "--expected-close and --closed both give the close day; give one"},
	model.RefuseClosedNotExpected: {JA: "%s の商談にあるのは完了予定日ではなく完了日です (--closed を使ってください)", EN: "a %s deal has a close day, not an expected one (use --closed)"},
	model.RefusePeriodAndRange:    {JA: "--period は --from、--to と一緒に使えません: どちらか一方を指定してください", EN: "--period cannot be combined with --from or --to; give one or the other"},
	model.RefuseFromAfterTo:       {JA: "--from %s が --to %s より後です", EN: "--from %s is after --to %s"},
	model.RefuseUnexpectedArg:     {JA: "余分な引数 %q があります (値はすべてフラグと一緒に指定します。'kpit %s -h' を参照)", EN: "unexpected argument %q (every value goes with a flag; see 'kpit %s -h')"},
	model.RefuseUnknownCommand:    {JA: "不明なコマンド %q ('kpit help' で一覧を表示)", EN: "unknown command %q (run 'kpit help' for the list)"},
	model.RefuseUnexpectedWord:    {JA: "余分な引数 %q があります ('kpit help' を参照)", EN: "unexpected argument %q (see 'kpit help')"},
	model.RefuseDemoAndDB:         {JA: "--demo と --db は一緒に使えません (デモはあなたのファイルを使いません)", EN: "--demo and --db cannot be used together (the demo never uses your file)"},
	model.RefuseNoTerminal:        {JA: "コックピットには端末が必要です (標準入力か標準出力が端末ではありません)。スクリプトからは 'kpit report'、'kpit tree'、'kpit help' を使ってください", EN: "the cockpit needs a terminal (stdin or stdout is not one); for scripts use 'kpit report', 'kpit tree' or 'kpit help'"},
	model.RefuseFlagUndefined:     {JA: "-%s というフラグはありません ('%s' を参照)", EN: "flag provided but not defined: -%s (see '%s')"},
	model.RefuseFlagNeedsValue:    {JA: "フラグ -%s には値が必要です ('%s' を参照)", EN: "flag needs an argument: -%s (see '%s')"},
	model.RefuseFlagValue:         {JA: "フラグ -%[2]s の値 %[1]q を読めません ('%[3]s' を参照)", EN: "invalid value %q for flag -%s (see '%s')"},
	model.RefuseFlagSyntax:        {JA: "フラグの書き方が正しくありません: %s ('%s' を参照)", EN: "bad flag syntax: %s (see '%s')"},

	model.RefuseMapForm:           {JA: "--map %q: 項目=列名 の形で指定してください", EN: "--map %q: want FIELD=COLUMN"},
	model.RefuseMapNoField:        {JA: "--map %[1]s=%[2]s: %[3]sに項目 %[4]q はありません (項目: %[5]s)", EN: "--map %s=%s: %s have no field %q (fields: %s)"},
	model.RefuseMapNoColumn:       {JA: "--map %[1]s=%[2]s: ファイルに列 %[3]q がありません (ファイルの列: %[4]s)", EN: "--map %s=%s: the file has no column %q (columns: %s)"},
	model.RefuseImportNoColumn:    {JA: "%[1]s: 必須項目 %[2]s に当たる列がありません (ファイルの列: %[3]s。--map %[4]s=列名 で指定してください)", EN: "%s: no column for the required field %s (columns: %s; use --map %s=COLUMN)"},
	model.RefuseSheetNotXLSX:      {JA: "--sheet %s: %s は .xlsx のファイルではありません", EN: "--sheet %s: %s is not an .xlsx file"},
	model.RefuseNoSuchSheet:       {JA: "--sheet %[1]s: %[2]s にそのシートはありません (シート: %[3]s)", EN: "--sheet %s: %s has no such sheet (sheets: %s)"},
	model.RefuseNoSheets:          {JA: "%s: ブックにシートがありません", EN: "%s: the workbook has no sheets"},
	model.RefuseSheetEmpty:        {JA: "%s: シート %s が空です (見出しの行が必要です)", EN: "%s: sheet %s is empty (want a header row)"},
	model.RefuseUnknownEncoding:   {JA: "--encoding %s: 不明な文字コードです (auto、utf-8、cp932 のいずれか)", EN: "--encoding %s: unknown encoding (want auto, utf-8 or cp932)"},
	model.RefuseProfileUnreadable: {JA: "プロファイル %s を読めません (%v)。--save-profile で保存し直してください", EN: "profile %s: unreadable (%v); save it again with --save-profile"},
	model.RefuseProfileNoField:    {JA: "プロファイル %[1]s: %[2]sに項目 %[3]q はありません", EN: "profile %s: %s have no field %q"},
	model.RefuseProfileOf:         {JA: "プロファイル %s: %v", EN: "profile %s: %v"},

	model.RefuseThresholdsList:    {JA: "確度のしきい値 %q: %v (受注確率の%%を確度Aから順に3つ。例: 80,50,20)", EN: "forecast thresholds %q: %v (want three percentages, commit first, e.g. 80,50,20)"},
	model.RefuseThresholdsOrder:   {JA: "確度のしきい値 %q: 後の値ほど小さくしてください (例: 80,50,20)", EN: "forecast thresholds %q: each must be lower than the one before (e.g. 80,50,20)"},
	model.RefuseWeightsList:       {JA: "確度の重み %q: %v (確度A、確度B、確度C、対象外の重みを0から1で4つ。例: 0.9,0.5,0.2,0)", EN: "forecast weights %q: %v (want four weights from 0 to 1 for commit, best case, pipeline, omitted, e.g. 0.9,0.5,0.2,0)"},
	model.RefuseListLength:        {JA: "値が%d個あります (%d個必要です)", EN: "%d values, not %d"},
	model.RefuseListNotNumber:     {JA: "%q は数値ではありません", EN: "%q is not a number"},
	model.RefuseListRange:         {JA: "%s は0から%sの範囲にありません", EN: "%s is not between 0 and %s"},
	model.RefuseProbabilityNumber: {JA: "受注確率 %q は数値ではありません (例: 80、80%%、0.8)", EN: "probability %q is not a number (want e.g. 80, 80%% or 0.8)"},
	model.RefuseProbabilityRange:  {JA: "受注確率 %q は0から100%%の範囲にありません", EN: "probability %q is not between 0 and 100%%"},

	model.RefuseWriteJSON:        {JA: "JSON を書き出せません: %v", EN: "write json: %v"},
	model.RefuseWriteFile:        {JA: "%s に書き込めません: %v", EN: "write %s: %v"},
	model.RefuseMigrateCopy:      {JA: "%s から %s へ移せませんでした: %v", EN: "%s → %s: %v"},
	model.RefuseHostKeyForURL:    {JA: "--host-key: --db が postgres:// の URL のときはホスト鍵のパスを指定してください", EN: "--host-key: give the host key's PATH when --db is a postgres:// URL"},
	model.RefuseHostKeyDirectory: {JA: "--host-key %s は鍵のファイルではなくディレクトリです", EN: "--host-key %s is a directory, not a key file"},
	model.RefuseHostKeyOpen:      {JA: "--host-key %[1]s はほかの利用者も読めます (モード %[2]s): chmod 600 %[3]s で本人だけにしてください", EN: "--host-key %s can be read by others (mode %s): chmod 600 %s"},
	model.RefuseCockpitFailed:    {JA: "コックピットが異常終了しました: %v", EN: "cockpit: %v"},

	model.RefuseDBMissing:      {JA: "データベース %s がありません ('kpit demo --db %s' か 'kpit import' で作成できます)", EN: "database %s does not exist (create one with 'kpit demo --db %s' or 'kpit import')"},
	model.RefuseDBDirectory:    {JA: "データベース %s はファイルではなくディレクトリです", EN: "database %s is a directory, not a file"},
	model.RefuseFileMissing:    {JA: "%s: ファイルがありません", EN: "%s: no such file or directory"},
	model.RefuseFileNoAccess:   {JA: "%s: アクセスする権限がありません", EN: "%s: permission denied"},
	model.RefuseFileReadOnlyFS: {JA: "%s: 読み取り専用のファイルシステムです", EN: "%s: read-only file system"},
	model.RefuseFileDirectory:  {JA: "%s: ファイルではなくディレクトリです", EN: "%s: is a directory"},
	model.RefuseFileDiskFull:   {JA: "%s: ディスクに空きがありません", EN: "%s: no space left on device"},
	model.RefuseDBBusy:         {JA: "データベースは別の kpit が使用中です。しばらくしてからやり直してください", EN: "the database is busy with another kpit; try again"},
	model.RefuseDBBusyFor:      {JA: "データベースは別の kpit が待ち時間 %[1]s を超えて使用中です。やり直すか、設定ファイルの busy_wait を延ばしてください", EN: "the database was busy with another kpit for longer than the wait of %[1]s; try again, or raise busy_wait in the config file"},
	model.RefuseDBBusyImport:   {JA: "データベースは使用中です: 別の kpit が %[1]sを取り込んでいて (プロセス %[2]d、%[3]s UTC から)、待ち時間 %[4]s を過ぎても書き込めませんでした。取り込みが終わってからやり直すか、設定ファイルの busy_wait を延ばしてください", EN: "the database is busy: an import of %[1]v (process %[2]d, since %[3]s UTC) held it for longer than the wait of %[4]s; try again when it ends, or raise busy_wait in the config file"},
	model.RefuseDBReadOnly:     {JA: "データベースファイルは読み取り専用です", EN: "the database file is read-only"},
	model.RefuseDBDamaged:      {JA: "データベースファイルが壊れています (場所は kpit doctor で確認でき、kpit restore でバックアップに戻せます)", EN: "the database file is damaged (kpit doctor says where; kpit restore BACKUP puts a backup in its place)"},
	model.RefuseDBNotKpit:      {JA: "kpit のデータベースではありません", EN: "not a kpit database"},
	model.RefuseDBClosed:       {JA: "データベースは閉じられています (kpit の終了中)", EN: "the database is closed (kpit is stopping)"},
	model.RefuseDBNamed:        {JA: "データベース %s: %v", EN: "database %s: %v"},
	model.RefuseDBOpen:         {JA: "データベース %s を開けません: %v", EN: "open database %s: %v"},
	model.RefuseDBDirReadOnly:  {JA: "ディレクトリ %s は読み取り専用です (SQLite はデータベースの隣に -wal と -shm のファイルを作ります)", EN: "its directory %s is read-only (SQLite makes the -wal and -shm files beside the database)"},
	model.RefuseDBNotWritten: {JA: "書き込めませんでした: 書き込みが失敗しました (%s)。何も保存されていません",
		EN: "could not be written: a write failed (%s); nothing was saved"},
	model.RefuseDBNotWrittenLimit: {JA: "書き込めませんでした: ファイルサイズの上限 %v (ulimit -f) のため、このファイルか -wal ファイルを大きくできません。何も保存されていません",
		EN: "could not be written: a file size limit of %v (ulimit -f) stops it or its -wal file growing; nothing was saved"},
	model.RefuseDBNotWrittenFull: {JA: "書き込めませんでした: ディスクがいっぱいです (%[2]s の空きは %[1]v)。何も保存されていません",
		EN: "could not be written: the disk is full (%v free in %s); nothing was saved"},
}

// nounTexts are the Japanese of the model's nouns (model.Noun).
var nounTexts = map[model.Noun]Text{"yen": {JA: "円", EN: "yen"},
	// The kinds of record kpit import reads, by their command-line word.
	"opportunities": {JA: "商談", EN: "opportunities"}, "activities": {JA: "活動", EN: "activities"},
	"leads": {JA: "リード", EN: "leads"}, "customers": {JA: "顧客", EN: "customers"}, "reps": {JA: "担当者", EN: "reps"},
	"nps": {JA: "NPS回答", EN: "nps"}, "usage": {JA: "利用状況", EN: "usage"}, "inquiries": {JA: "問い合わせ", EN: "inquiries"},
	"campaigns": {JA: "メール配信", EN: "campaigns"}}

// countCounters are the Japanese counters of what a model.Count counts:
// Japanese has no plural (1件, 200,000件); EN is the plural the Count
// writes itself ("1 record", "200,000 records").
var countCounters = map[model.CountNoun]Text{
	model.CountRecord:    {JA: "件", EN: "records"},
	model.CountByte:      {JA: "バイト", EN: "bytes"},
	model.CountCharacter: {JA: "文字", EN: "characters"},
}

// msgNoneYet is an empty list of known names (model.Names) in Japanese.
var msgNoneYet = Text{JA: "まだありません", EN: "none yet"}

// ErrorLine words an error for a person in language l: the one place a
// command's stderr line and a screen's error line are made. A typed refusal
// (model.Refusal, FlagError, FieldError, QuickError, LimitError,
// RightsError, a file system error) is worded through the catalogue; an
// error wrapped with a prefix keeps the prefix and has its cause worded;
// any other error is its own text, so nothing it says is lost.
func ErrorLine(l Lang, err error) string {
	if err == nil {
		return ""
	}
	if line, ok := typedLine(l, err); ok {
		return line
	}
	inner := errors.Unwrap(err)
	if inner == nil {
		return err.Error()
	}
	if prefix, ok := strings.CutSuffix(err.Error(), inner.Error()); ok {
		return prefix + ErrorLine(l, inner)
	}
	return err.Error()
}

// typedLine words the errors the catalogue knows by their type.
func typedLine(l Lang, err error) (string, bool) {
	switch e := err.(type) {
	case *model.Refusal:
		return Refusal(l, e.Code, e.Args, e.Error()), true
	case *model.FlagError:
		return "--" + e.Flag + ": " + ErrorLine(l, e.Err), true
	case *model.FieldError:
		if l != LangJA {
			return e.Error(), true
		}
		return FieldLabel(l, e.Field) + ": " + Refusal(l, e.Code, e.Args, e.Msg), true
	case *model.QuickError:
		if l != LangJA {
			return e.Error(), true
		}
		line := Refusal(l, e.Code, e.Args, e.Msg)
		if e.Token != "" {
			line = fmt.Sprintf("%q: %s", e.Token, line)
		}
		return line, true
	case *model.MoneyError:
		return ErrorLine(l, e.Refusal()), true
	case *model.LimitError:
		return Limit(l, e), true
	case *model.RightsError:
		return Rights(l, e), true
	case *fs.PathError:
		if code, ok := fileRefusal(e.Err); ok {
			return Refusal(l, code, []any{e.Path}, e.Error()), true
		}
	case syscall.Errno:
		// A cause without its file, after a prefix that names it
		// (--out PATH: permission denied).
		if code, ok := fileRefusal(e); ok && l == LangJA {
			return l.T(fileCauseTexts[code]), true
		}
	}
	return "", false
}

// fileCauseTexts are the file system's answers on their own, after a line
// that has named the file; EN is the system's own words.
var fileCauseTexts = map[model.RefusalCode]Text{
	model.RefuseFileMissing:    {JA: "ファイルかディレクトリがありません", EN: "no such file or directory"},
	model.RefuseFileNoAccess:   {JA: "アクセスする権限がありません", EN: "permission denied"},
	model.RefuseFileReadOnlyFS: {JA: "読み取り専用のファイルシステムです", EN: "read-only file system"},
	model.RefuseFileDirectory:  {JA: "ファイルではなくディレクトリです", EN: "is a directory"},
	model.RefuseFileDiskFull:   {JA: "ディスクに空きがありません", EN: "no space left on device"},
}

// fileRefusal is the refusal a file system's answer stands for.
func fileRefusal(err error) (model.RefusalCode, bool) {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return model.RefuseFileMissing, true
	case errors.Is(err, fs.ErrPermission):
		return model.RefuseFileNoAccess, true
	case errors.Is(err, syscall.EROFS):
		return model.RefuseFileReadOnlyFS, true
	case errors.Is(err, syscall.EISDIR):
		return model.RefuseFileDirectory, true
	case errors.Is(err, syscall.ENOSPC):
		return model.RefuseFileDiskFull, true
	}
	return "", false
}

// wordArgs writes a refusal's values for language l: a list of choices or
// names joined as that language joins them, a count grouped with its noun
// or counter, an error worded by ErrorLine.
func wordArgs(l Lang, args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case model.Choices:
			out[i] = joinList(l, v, v.String())
		case model.Names:
			if len(v) == 0 {
				out[i] = l.T(msgNoneYet)
			} else {
				out[i] = joinList(l, v, v.String())
			}
		case model.Noun:
			out[i] = string(v)
			if t, ok := nounTexts[v]; ok {
				out[i] = l.T(t)
			}
		case model.Count:
			out[i] = v.String()
			if t, ok := countCounters[v.Noun]; ok && l == LangJA {
				out[i] = GroupThousands(v.N) + l.T(t)
			}
		case error:
			out[i] = ErrorLine(l, v)
		default:
			out[i] = a
		}
	}
	return out
}

// joinList is a list in Japanese joined with 、 (no spaces: the values are
// what a user types, not English prose), in English as the model wrote it.
func joinList(l Lang, items []string, english string) string {
	if l == LangJA {
		return strings.Join(items, "、")
	}
	return english
}
