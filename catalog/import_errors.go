package catalog

import (
	"errors"
	"strings"

	"github.com/kpit-dev/kpit/importer"
	"github.com/kpit-dev/kpit/model"
)

// The words of the importer's refusals of a file, its header, its rows and
// its cells, the same for kpit import and the cockpit's import screen.

// A row error, worded in Japanese from its parts (importer.RowError). EN
// is the importer's English for each, for a translator to read beside
// the Japanese: an English line is the importer's own (RowError.Error),
// word for word, since scripts read kpit import's stderr.
var (
	importRowErrColumn = Text{JA: "%s:%d行目: 列「%s」: %s", EN: "%s:%d: column %s: %s"}
	importRowErr       = Text{JA: "%s:%d行目: %s", EN: "%s:%d: %s"}

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
	impFieldOppID      = Text{JA: "商談ID", EN: "id"}
	impFieldActID      = Text{JA: "活動ID", EN: "id"}
	impFieldLeadID     = Text{JA: "リードID", EN: "id"}
	impFieldCustID     = Text{JA: "顧客ID", EN: "id"}
	impFieldOwner      = FieldOwner
	impFieldAccount    = Text{JA: "取引先", EN: "account"}
	impFieldProduct    = FieldProduct
	impFieldStage      = Text{JA: "フェーズ", EN: "stage"}
	impFieldOutcome    = Text{JA: "結果", EN: "outcome"}
	impFieldCreated    = Text{JA: "作成日", EN: "created"}
	impFieldClosed     = Text{JA: "完了日", EN: "closed"}
	impFieldAmount     = Text{JA: "金額", EN: "amount"}
	impFieldLostReason = Text{JA: "失注理由", EN: "lost_reason"}
	impFieldForecast   = Text{JA: "確度", EN: "forecast"}
	impFieldProb       = Text{JA: "受注確率", EN: "probability"}
	impFieldDepartment = Text{JA: "部署", EN: "department"}
	impFieldDate       = Text{JA: "日付", EN: "date"}
	impFieldKind       = Text{JA: "種別", EN: "kind"}
	impFieldCount      = Text{JA: "件数", EN: "count"}
	impFieldConnected  = Text{JA: "通話数", EN: "connected"}
	impFieldOpp        = Text{JA: "商談ID", EN: "opportunity"}
	impFieldNote       = Text{JA: "メモ", EN: "note"}
	impFieldCompany    = Text{JA: "会社名", EN: "company"}
	impFieldContact    = Text{JA: "担当者名", EN: "contact"}
	impFieldSource     = Text{JA: "流入元", EN: "source"}
	impFieldStatus     = Text{JA: "状態", EN: "status"}
	impFieldMQL        = Text{JA: "MQL日", EN: "mql"}
	impFieldSQL        = Text{JA: "SQL日", EN: "sql"}
	impFieldCustName   = Text{JA: "顧客名", EN: "name"}
	impFieldRepName    = Text{JA: "氏名", EN: "name"}
	impFieldStarted    = Text{JA: "契約開始日", EN: "started"}
	impFieldChurned    = Text{JA: "解約日", EN: "churned"}
	impFieldMRR        = Text{JA: "月額", EN: "mrr"}
	impFieldActive     = Text{JA: "在籍", EN: "active"}
	impFieldNPSID      = Text{JA: "回答ID", EN: "id"}
	impFieldUsageID    = Text{JA: "利用ID", EN: "id"}
	impFieldInquiryID  = Text{JA: "問い合わせID", EN: "id"}
	impFieldCampaignID = Text{JA: "配信ID", EN: "id"}
	impFieldCampaign   = Text{JA: "配信名", EN: "name"}
	impFieldScore      = Text{JA: "スコア", EN: "score"}
	impFieldCustomer   = Text{JA: "顧客", EN: "customer"}
	impFieldComment    = Text{JA: "コメント", EN: "comment"}
	impFieldInUse      = Text{JA: "利用", EN: "active"}
	impFieldReceived   = Text{JA: "受付日時", EN: "opened"}
	impFieldAnswered   = Text{JA: "初回回答日時", EN: "answered"}
	impFieldSent       = Text{JA: "送信数", EN: "sent"}
	impFieldOpens      = Text{JA: "開封数", EN: "opened"}
)

// File-level errors of an import.
var (
	// ImportInHeader is a refusal of a file's header on the command line:
	// the file, the refusal.
	ImportInHeader         = Text{JA: "%s: %s", EN: "%s: header: %s"}
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
	importDuplicateHeader = Text{JA: "見出しの%d列目と%d列目が同じ名前 %q です (どちらかの名前を変えてください)", EN: "columns %d and %d are both named %q (rename one; kpit would not know which to read)"}
	importFileLine        = Text{JA: "%s:%d行目", EN: "%s:%d"}
	importHeaderText      = Text{JA: "%s: 見出しの%d列目: %s", EN: "%s: column %d of the header: %s"}
	importRepNotSaved     = Text{JA: "担当者 %q を登録できません", EN: "rep %q cannot be created"}
)

// ImportFieldLabel names a kind's field in l: the Japanese label, or in
// English kpit's field name (the --map and export name).
func ImportFieldLabel(l Lang, k importer.Kind, field string) string {
	switch field {
	case "id":
		switch k {
		case importer.Activities:
			return l.T(impFieldActID)
		case importer.Leads:
			return l.T(impFieldLeadID)
		case importer.Customers:
			return l.T(impFieldCustID)
		case importer.NPSAnswers:
			return l.T(impFieldNPSID)
		case importer.Usage:
			return l.T(impFieldUsageID)
		case importer.Inquiries:
			return l.T(impFieldInquiryID)
		case importer.Campaigns:
			return l.T(impFieldCampaignID)
		}
		return l.T(impFieldOppID)
	case "name":
		switch k {
		case importer.Reps:
			return l.T(impFieldRepName)
		case importer.Campaigns:
			return l.T(impFieldCampaign)
		}
		return l.T(impFieldCustName)
	case "active":
		if k == importer.Usage {
			return l.T(impFieldInUse)
		}
		return l.T(impFieldActive)
	case "opened":
		if k == importer.Campaigns {
			return l.T(impFieldOpens)
		}
		return l.T(impFieldReceived)
	}
	labels := map[string]Text{"owner": impFieldOwner, "account": impFieldAccount, "product": impFieldProduct,
		"stage": impFieldStage, "outcome": impFieldOutcome, "created": impFieldCreated, "closed": impFieldClosed,
		"amount": impFieldAmount, "lost_reason": impFieldLostReason, "department": impFieldDepartment,
		"forecast": impFieldForecast, "probability": impFieldProb,
		"date": impFieldDate, "kind": impFieldKind, "count": impFieldCount, "connected": impFieldConnected,
		"opportunity": impFieldOpp,
		"note":        impFieldNote, "company": impFieldCompany, "contact": impFieldContact, "source": impFieldSource,
		"status": impFieldStatus, "mql": impFieldMQL, "sql": impFieldSQL, "started": impFieldStarted,
		"churned": impFieldChurned, "mrr": impFieldMRR, "score": impFieldScore, "customer": impFieldCustomer,
		"comment": impFieldComment, "answered": impFieldAnswered, "sent": impFieldSent}
	if t, ok := labels[field]; ok {
		return l.T(t)
	}
	return field
}

// ImportErrorLine is an import error in l: a refusal of the file, its
// header or a row worded from its parts, anything else as ErrorLine words
// it. name writes a file's path (the cockpit shows the base name: its
// pane shows the whole path on its File line, and a long path would push
// the reason off the end of the line); nil writes it as it came, as kpit
// import does. In English a file or row error is the importer's own line.
func ImportErrorLine(l Lang, k importer.Kind, err error, name func(path string) string) string {
	if name == nil {
		name = func(path string) string { return path }
	}
	var dup *importer.DuplicateHeaderError
	if errors.As(err, &dup) {
		return l.T(importDuplicateHeader, dup.First, dup.Second, dup.Name)
	}
	var fe *importer.FileError
	if errors.As(err, &fe) && fe.Problem == importer.ProblemLimit && l == LangJA {
		le, _ := importer.LimitOf(err)
		where := name(fe.File)
		if line, _ := fe.Args[1].(int); line > 0 {
			where = l.T(importFileLine, where, line)
		}
		return where + ": " + Limit(l, le)
	}
	if errors.As(err, &fe) && fe.Problem == importer.ProblemHeaderText && l == LangJA {
		line, _ := fe.Args[0].(int)
		col, _ := fe.Args[1].(int)
		ref, _ := fe.Args[2].(*model.FieldError)
		return l.T(importHeaderText, l.T(importFileLine, name(fe.File), line), col, Refusal(l, ref.Code, ref.Args, ref.Msg))
	}
	if errors.As(err, &fe) {
		if t, ok := importFileProblemTexts[fe.Problem]; ok && l == LangJA {
			return l.T(t, append([]any{name(fe.File)}, fe.Args...)...)
		}
		// English: the line kpit import prints, the file named by name.
		return strings.ReplaceAll(ErrorLine(l, err), fe.File, name(fe.File))
	}
	var re *importer.RowError
	if !errors.As(err, &re) {
		return ErrorLine(l, err)
	}
	if l != LangJA {
		named := *re
		named.File = name(re.File)
		return named.Error() // the importer's own line, word for word
	}
	what := re.Msg
	if t, ok := importProblemTexts[re.Problem]; ok {
		var args []any
		switch re.Problem {
		case importer.ProblemRequired:
			args = []any{ImportFieldLabel(l, k, re.Field)}
		case importer.ProblemWonNeedsAmount, importer.ProblemWonNeedsClosed, importer.ProblemNotUTF8, importer.ProblemRightOfHeader:
		case importer.ProblemMissingCells, importer.ProblemExtraCells:
			args = re.Args
		default:
			args = append([]any{re.Value}, re.Args...)
		}
		what = l.T(t, args...)
	} else if re.Problem == importer.ProblemRepNotSaved && l == LangJA {
		what = l.T(importRepNotSaved, re.Value)
	} else if re.Problem == importer.ProblemModel {
		what = Refusal(l, re.Code, re.Args, re.Msg)
	} else if le, ok := importer.LimitOf(re); ok {
		what = Limit(l, le)
	}
	col := re.Column
	if re.Field != "" && col == re.Field {
		col = ImportFieldLabel(l, k, re.Field) // no column: the field is named
	}
	if col == "" {
		return l.T(importRowErr, name(re.File), re.Line, what)
	}
	return l.T(importRowErrColumn, name(re.File), re.Line, col, what)
}
