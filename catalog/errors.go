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
	model.RefuseFlagUndefined:     {JA: "-%s というフラグはありません ('kpit %s -h' を参照)", EN: "flag provided but not defined: -%s (see 'kpit %s -h')"},
	model.RefuseFlagNeedsValue:    {JA: "フラグ -%s には値が必要です ('kpit %s -h' を参照)", EN: "flag needs an argument: -%s (see 'kpit %s -h')"},
	model.RefuseFlagValue:         {JA: "フラグ -%[2]s の値 %[1]q を読めません ('kpit %[3]s -h' を参照)", EN: "invalid value %q for flag -%s (see 'kpit %s -h')"},
	model.RefuseFlagSyntax:        {JA: "フラグの書き方が正しくありません: %s ('kpit %s -h' を参照)", EN: "bad flag syntax: %s (see 'kpit %s -h')"},

	model.RefuseDBMissing:      {JA: "データベース %s がありません ('kpit demo --db %s' か 'kpit import' で作成できます)", EN: "database %s does not exist (create one with 'kpit demo --db %s' or 'kpit import')"},
	model.RefuseDBDirectory:    {JA: "データベース %s はファイルではなくディレクトリです", EN: "database %s is a directory, not a file"},
	model.RefuseFileMissing:    {JA: "%s: ファイルがありません", EN: "%s: no such file or directory"},
	model.RefuseFileNoAccess:   {JA: "%s: アクセスする権限がありません", EN: "%s: permission denied"},
	model.RefuseFileReadOnlyFS: {JA: "%s: 読み取り専用のファイルシステムです", EN: "%s: read-only file system"},
	model.RefuseFileDirectory:  {JA: "%s: ファイルではなくディレクトリです", EN: "%s: is a directory"},
	model.RefuseFileDiskFull:   {JA: "%s: ディスクに空きがありません", EN: "%s: no space left on device"},
	model.RefuseDBBusy:         {JA: "データベースは別の kpit が使用中です。しばらくしてからやり直してください", EN: "the database is busy with another kpit; try again"},
	model.RefuseDBReadOnly:     {JA: "データベースファイルは読み取り専用です", EN: "the database file is read-only"},
	model.RefuseDBDamaged:      {JA: "データベースファイルが壊れています (場所は kpit doctor で確認でき、kpit restore でバックアップに戻せます)", EN: "the database file is damaged (kpit doctor says where; kpit restore BACKUP puts a backup in its place)"},
	model.RefuseDBNotKpit:      {JA: "kpit のデータベースではありません", EN: "not a kpit database"},
	model.RefuseDBClosed:       {JA: "データベースは閉じられています (kpit の終了中)", EN: "the database is closed (kpit is stopping)"},
	model.RefuseDBNamed:        {JA: "データベース %s: %v", EN: "database %s: %v"},
	model.RefuseDBOpen:         {JA: "データベース %s を開けません: %v", EN: "open database %s: %v"},
	model.RefuseDBDirReadOnly:  {JA: "ディレクトリ %s は読み取り専用です (SQLite はデータベースの隣に -wal と -shm のファイルを作ります)", EN: "its directory %s is read-only (SQLite makes the -wal and -shm files beside the database)"},
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
	case *model.LimitError:
		return Limit(l, e), true
	case *model.RightsError:
		return Rights(l, e), true
	case *fs.PathError:
		if code, ok := fileRefusal(e.Err); ok {
			return Refusal(l, code, []any{e.Path}, e.Error()), true
		}
	}
	return "", false
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
// names joined as that language joins them, an error worded by ErrorLine.
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
