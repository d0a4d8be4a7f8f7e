package catalog

import (
	"errors"

	"github.com/kpit-dev/kpit/model"
)

// Refusals from the model (field checks and the quick-add parser), keyed
// by their code. Each entry's EN is the model's English for the code (a
// test holds them equal: it is what kpit add and the importer print), JA
// its translation with the same values.
var refusalTexts = map[model.RefusalCode]Text{
	model.RefuseUnknownKind:          {JA: "不明な種類 %q (%s のいずれか)", EN: "unknown kind %q (want %s)"},
	model.RefuseNotPositiveCount:     {JA: "%d は1以上の件数ではありません", EN: "%d is not a positive count"},
	model.RefuseCountTooLarge:        {JA: "%d は上限 %d を超えています", EN: "%d is more than %d"},
	model.RefuseRequired:             {JA: "入力してください", EN: "required"},
	model.RefuseRequiredByRule:       {JA: "入力ルールで必須です", EN: "required by the input rules"},
	model.RefuseUnknownOutcome:       {JA: "不明な結果 %q (open、won、lost のいずれか)", EN: "unknown outcome %q (want open, won or lost)"},
	model.RefuseNegative:             {JA: "%d は負の値です", EN: "%d is negative"},
	model.RefuseWonNeedsAmount:       {JA: "受注には金額が必要です", EN: "a won opportunity needs an amount"},
	model.RefuseClosedNeedsDate:      {JA: "%s の商談には完了日が必要です", EN: "a %s opportunity needs a close date"},
	model.RefuseClosedBeforeCreated:  {JA: "%s は作成日 %s より前です", EN: "%s is before the creation date %s"},
	model.RefuseLeadNeedsName:        {JA: "会社名か担当者名を入力してください", EN: "a lead needs a company or a contact"},
	model.RefuseUnknownStatus:        {JA: "不明な状態 %q", EN: "unknown status %q (want new, mql, sql, converted or disqualified)"},
	model.RefuseBeforeStart:          {JA: "%s は開始日 %s より前です", EN: "%s is before the start %s"},
	model.RefuseFutureDate:           {JA: "%s は未来の日付です (今日は %s)", EN: "%s is in the future (today is %s)"},
	model.RefuseUnknownForecast:      {JA: "不明な確度 %q (A、B、C、commit、best case、pipeline、omitted のいずれか)", EN: "unknown forecast category %q (want A, B, C, commit, best case, pipeline or omitted)"},
	model.RefuseTooFarAhead:          {JA: "%s は今日から%d日より先です (今日は %s)", EN: "%s is more than %d days ahead of today (%s)"},
	model.RefuseUnknownStage:         {JA: "不明なステージ %q (lead、mql、sql、opportunity、won、onboarding、active、churned のいずれか)", EN: "unknown stage %q (want lead, mql, sql, opportunity, won, onboarding, active or churned)"},
	model.RefuseUnknownDepartment:    {JA: "不明な部門 %q (marketing、inside_sales、field_sales、customer_success のいずれか)", EN: "unknown department %q (want marketing, inside_sales, field_sales or customer_success)"},
	model.RefuseLimitRange:           {JA: "%d は0から%d営業日の期限ではありません", EN: "%d is not a limit of 0 to %d business days"},
	model.RefuseStageBeforeCreated:   {JA: "%s はリードの作成日 %s より前です", EN: "%s is before the lead's creation date %s"},
	model.RefuseStageBeforeLast:      {JA: "%s はリードの直前のステージ変更 %s より前です", EN: "%s is before the lead's last stage change %s"},
	model.RefuseBackwardsNotRecycle:  {JA: "%s は現在のステージ %s より前です: 戻すときはリサイクルとして記録してください", EN: "%s is behind the lead's stage %s: a move back must be marked a recycle"},
	model.RefuseRecycleNotBack:       {JA: "リサイクルは前のステージに戻す操作です。%s は現在のステージ %s より前ではありません", EN: "a recycle moves a lead back, and %s is not behind its stage %s"},
	model.RefuseSQLBeforeMQL:         {JA: "%s は MQL 日 %s より前です", EN: "%s is before the MQL date %s"},
	model.RefuseRateRange:            {JA: "%v%% は0%%から100%%の率ではありません", EN: "%v%% is not a rate from 0%% to 100%%"},
	model.RefuseControlChar:          {JA: "%[2]d文字目に制御文字 (%[1]s) があります: 取り除いてください", EN: "a control character (%s) at character %d: remove it"},
	model.RefuseTooLong:              {JA: "%sは上限 %s文字を超えています (設定ファイルの [limits] の %s で上げられます)", EN: "%v is more than the limit of %v (raise %s under [limits] in the config file)"},
	model.RefuseNPSRange:             {JA: "%d はNPSの点数ではありません (0から10)", EN: "%d is not an NPS score (want 0 to 10)"},
	model.RefuseOpenedOverSent:       {JA: "開封数 %d が送信数 %d を超えています", EN: "%d opened is more than the %d sent"},
	model.RefuseAnsweredBeforeOpened: {JA: "%s は問い合わせの受付 %s より前です", EN: "%s is before the inquiry was opened %s"},
	model.RefuseConnectedOverCount:   {JA: "通話数 %d が架電数 %d を超えています", EN: "%d connected is more than the %d calls"},
	model.RefuseUnknownCustomer:      {JA: "顧客 %q は登録されていません (登録済み: %s)", EN: "no customer named %q (known: %s)"},
	model.RefuseConnectedNotCall:     {JA: "通話数を記録できるのは架電だけです (%s は架電ではありません)", EN: "only calls connect, not a %s"},

	model.RefuseUserName:    {JA: "%q は利用者名に使えません (英数字と . _ -、64文字まで、空白なし)", EN: "%q is not a user name (letters, digits, . _ -, up to 64, no spaces)"},
	model.RefuseUnknownRole: {JA: "不明な役割 %q (rep、lead、admin のいずれか)", EN: "unknown role %q (want rep, lead or admin)"},
	model.RefuseKeyEmpty:    {JA: "空です: 公開鍵の行 (ssh-ed25519 AAAA...) を ~/.ssh/id_ed25519.pub のとおりに指定してください", EN: "empty: give the public key line (ssh-ed25519 AAAA...), as in ~/.ssh/id_ed25519.pub"},
	model.RefuseKeyPrivate:  {JA: "これは秘密鍵です: 公開鍵 (.pub ファイル) を指定してください。秘密鍵は元の場所から動かさないでください", EN: "this is a private key: give the public one (the .pub file), and keep the private key where it was"},
	model.RefuseKeyNotSSH:   {JA: "SSH 公開鍵ではありません (~/.ssh/id_ed25519.pub のような ssh-ed25519 AAAA... の1行)", EN: "not an SSH public key (want one line such as ssh-ed25519 AAAA..., as in ~/.ssh/id_ed25519.pub)"},
	model.RefuseKeyMany:     {JA: "鍵が2つ以上あります: 1つにしてください", EN: "more than one key: give one"},
	model.RefuseRepRequired: {JA: "rep の利用者には --rep (その人の記録の担当者) が必要です", EN: "a rep's user needs --rep, the rep whose records are theirs"},
	model.RefuseUserExists:  {JA: "%s はすでに登録されています (変えるときは先に kpit users remove で削除)", EN: "%s is a user already (to change them, kpit users remove them first)"},
	model.RefuseKeyTaken:    {JA: "この鍵はすでに %s の鍵です: 1人に1つの鍵を使ってください", EN: "this key is %s's already: each person has their own key"},
	model.RefuseNoUser:      {JA: "利用者 %q はいません (kpit users list で一覧)", EN: "no user %q (kpit users list shows them)"},

	model.RefuseQuickEmpty:           {JA: "空です: 訪問, 架電, メール, 提案, アポ, 商談, 案件, 受注, 失注, リード, NPS のいずれかで始めてください", EN: "empty line: start with visit, call, email, proposal, appointment, meeting, opp, won, lost, lead or nps"},
	model.RefuseQuickUnknownVerb:     {JA: "不明な種類です (訪問, 架電, メール, 提案, アポ, 商談, 案件, 受注, 失注, リード, NPS)", EN: "unknown kind (want visit, call, email, proposal, appointment, meeting, opp, won, lost, lead or nps)"},
	model.RefuseQuickSecondDate:      {JA: "日付が2つあります", EN: "a second date"},
	model.RefuseQuickBadDate:         {JA: "存在しない日付です (YYYY-MM-DD)", EN: "not a calendar date (want YYYY-MM-DD)"},
	model.RefuseQuickSecondRep:       {JA: "担当者が2人います (%s と)", EN: "a second rep (already %s)"},
	model.RefuseQuickSecondCount:     {JA: "件数が2つあります", EN: "a second count"},
	model.RefuseQuickCountRange:      {JA: "件数は1から%dです", EN: "count must be 1 to %d"},
	model.RefuseQuickNegative:        {JA: "負の数は使えません", EN: "negative numbers are not allowed"},
	model.RefuseQuickSecondAmount:    {JA: "金額が2つあります", EN: "a second amount"},
	model.RefuseQuickBadAmount:       {JA: "金額ではありません (1200万, 12,000,000円, 1.2億 など)", EN: "not an amount (write 1200万, 12,000,000円 or 1.2億)"},
	model.RefuseQuickUnknownRep:      {JA: "登録されていない担当者です (登録済み: %s)", EN: "not a known rep (known: %s)"},
	model.RefuseQuickAmbiguousRep:    {JA: "この名前の担当者が複数います (%s): フルネームで書いてください", EN: "more than one rep has this name (%s): write the full name"},
	model.RefuseQuickRepMissing:      {JA: "担当者がありません (登録済み: %s)", EN: "rep missing (known: %s)"},
	model.RefuseQuickNotActivityWord: {JA: "件数・日付・担当者のどれでもありません", EN: "not a count, date or known rep"},
	model.RefuseQuickAccountMissing:  {JA: "取引先がありません (例: %s ACME %s)", EN: "account missing (e.g. %s ACME %s)"},
	model.RefuseQuickNotDealWord:     {JA: "金額・日付・担当者のどれでもありません", EN: "not an amount, date or known rep"},
	model.RefuseQuickAmountMissing:   {JA: "受注には金額が必要です (例: 受注 1200万 %s %s)", EN: "amount missing: a won deal needs one (e.g. won 1200万 %s %s)"},
	model.RefuseQuickCompanyMissing:  {JA: "会社名がありません (例: リード 株式会社ABC)", EN: "company missing (e.g. lead 株式会社ABC)"},
	model.RefuseQuickLeadTooMany:     {JA: "リードは会社名・担当者名・担当者までです。語が1つ多すぎます", EN: "a lead takes a company, a contact and a rep; this is one word too many"},
	model.RefuseQuickSecondForecast:  {JA: "確度が2つあります", EN: "a second forecast category"},
	model.RefuseQuickScoreMissing:    {JA: "点数がありません: 0から10の回答を書いてください (NPS 9 @ACME)", EN: "no score: give the answer, 0 to 10 (NPS 9 @ACME)"},
	model.RefuseQuickSecondCustomer:  {JA: "顧客が2つあります (%s を読み取り済み)", EN: "a second customer (already %s)"},
	model.RefuseQuickCustomerMissing: {JA: "顧客がありません: @の後に書いてください (利用 @ACME)", EN: "no customer: name it after @ (usage @ACME)"},
	model.RefuseQuickUsageWord:       {JA: "利用状況に書けるのは @顧客 と日付だけです (未利用 @ACME 11/29)", EN: "a usage check takes a customer after @ and a date only (inactive @ACME 11/29)"},
}

// Refusal words a model refusal in language l from its code and values.
// A refusal without a code (a message from outside the model, already
// worded) comes back as it was.
func Refusal(l Lang, code model.RefusalCode, args []any, worded string) string {
	if t, ok := refusalText(code); ok {
		return l.T(t, wordArgs(l, args)...)
	}
	return worded
}

// refusalText is the catalogue's wording of a refusal code: a record
// field's (refusalTexts) or a command's input's (inputTexts).
func refusalText(code model.RefusalCode) (Text, bool) {
	if t, ok := refusalTexts[code]; ok {
		return t, true
	}
	t, ok := inputTexts[code]
	return t, ok
}

// msgFailure is what a Japanese screen says when the database could not be
// read or written. The cause (SQLite's, the file system's) comes in English
// only, so the Japanese line says where to read it instead of showing it.
var msgFailure = Text{
	JA: "データベースを読み書きできませんでした (原因は --lang en で起動すると表示されます)",
	EN: "the database could not be read or written",
}

// Failure words an error that is not a refusal: in English the error as it
// came, with its cause (ErrorLine); in Japanese the first cause the
// catalogue words (a refusal by the user's rights, a busy or read-only
// database, ...), else msgFailure.
func Failure(l Lang, err error) string {
	if l != LangJA {
		return ErrorLine(l, err)
	}
	for e := err; e != nil; e = errors.Unwrap(e) {
		if line, ok := typedLine(l, e); ok {
			return line
		}
	}
	return l.T(msgFailure)
}
