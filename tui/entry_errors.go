package tui

import "github.com/kpit-dev/kpit/model"

// Refusals from the model (field checks and the quick-add parser), worded
// in the cockpit's language. Keys are the model's English formats; each
// entry's EN is that same format (a test holds them equal), JA its
// translation with the same arguments.
var refusalTexts = map[string]Text{
	model.ErrUnknownKind:         Text{JA: "不明な種類 %q (%s のいずれか)", EN: "unknown kind %q (want %s)"},
	model.ErrNotPositiveCount:    Text{JA: "%d は1以上の件数ではありません", EN: "%d is not a positive count"},
	model.ErrCountTooLarge:       Text{JA: "%d は上限 %d を超えています", EN: "%d is more than %d"},
	model.ErrRequired:            Text{JA: "入力してください", EN: "required"},
	model.ErrRequiredByRule:      Text{JA: "入力ルールで必須です", EN: "required by the input rules"},
	model.ErrUnknownOutcome:      Text{JA: "不明な結果 %q (open, won, lost のいずれか)", EN: "unknown outcome %q (want open, won or lost)"},
	model.ErrNegative:            Text{JA: "%d は負の値です", EN: "%d is negative"},
	model.ErrWonNeedsAmount:      Text{JA: "受注には金額が必要です", EN: "a won opportunity needs an amount"},
	model.ErrClosedNeedsDate:     Text{JA: "%s の商談には完了日が必要です", EN: "a %s opportunity needs a close date"},
	model.ErrClosedBeforeCreated: Text{JA: "%s は作成日 %s より前です", EN: "%s is before the creation date %s"},
	model.ErrLeadNeedsName:       Text{JA: "会社名か担当者名を入力してください", EN: "a lead needs a company or a contact"},
	model.ErrUnknownStatus:       Text{JA: "不明な状態 %q", EN: "unknown status %q (want new, mql, sql, converted or disqualified)"},
	model.ErrBeforeStart:         Text{JA: "%s は開始日 %s より前です", EN: "%s is before the start %s"},
	model.ErrFutureDate:          Text{JA: "%s は未来の日付です (今日は %s)", EN: "%s is in the future (today is %s)"},
	model.ErrTooFarAhead:         Text{JA: "%s は今日から%d日より先です (今日は %s)", EN: "%s is more than %d days ahead of today (%s)"},

	model.QErrEmpty:           Text{JA: "空です: 訪問, 架電, メール, 提案, アポ, 商談, 案件, 受注, 失注, リード のいずれかで始めてください", EN: "empty line: start with visit, call, email, proposal, appointment, meeting, opp, won, lost or lead"},
	model.QErrUnknownVerb:     Text{JA: "不明な種類です (訪問, 架電, メール, 提案, アポ, 商談, 案件, 受注, 失注, リード)", EN: "unknown kind (want visit, call, email, proposal, appointment, meeting, opp, won, lost or lead)"},
	model.QErrSecondDate:      Text{JA: "日付が2つあります", EN: "a second date"},
	model.QErrBadDate:         Text{JA: "存在しない日付です (YYYY-MM-DD)", EN: "not a calendar date (want YYYY-MM-DD)"},
	model.QErrSecondRep:       Text{JA: "担当者が2人います (%s と)", EN: "a second rep (already %s)"},
	model.QErrSecondCount:     Text{JA: "件数が2つあります", EN: "a second count"},
	model.QErrCountRange:      Text{JA: "件数は1から%dです", EN: "count must be 1 to %d"},
	model.QErrNegative:        Text{JA: "負の数は使えません", EN: "negative numbers are not allowed"},
	model.QErrSecondAmount:    Text{JA: "金額が2つあります", EN: "a second amount"},
	model.QErrBadAmount:       Text{JA: "金額ではありません (1200万, 12,000,000円, 1.2億 など)", EN: "not an amount (write 1200万, 12,000,000円 or 1.2億)"},
	model.QErrUnknownRep:      Text{JA: "登録されていない担当者です (登録済み: %s)", EN: "not a known rep (known: %s)"},
	model.QErrAmbiguousRep:    Text{JA: "この名前の担当者が複数います (%s): フルネームで書いてください", EN: "more than one rep has this name (%s): write the full name"},
	model.QErrRepMissing:      Text{JA: "担当者がありません (登録済み: %s)", EN: "rep missing (known: %s)"},
	model.QErrNotActivityWord: Text{JA: "件数・日付・担当者のどれでもありません", EN: "not a count, date or known rep"},
	model.QErrAccountMissing:  Text{JA: "取引先がありません (例: %s ACME %s)", EN: "account missing (e.g. %s ACME %s)"},
	model.QErrNotDealWord:     Text{JA: "金額・日付・担当者のどれでもありません", EN: "not an amount, date or known rep"},
	model.QErrAmountMissing:   Text{JA: "受注には金額が必要です (例: 受注 1200万 %s %s)", EN: "amount missing: a won deal needs one (e.g. won 1200万 %s %s)"},
	model.QErrCompanyMissing:  Text{JA: "会社名がありません (例: リード 株式会社ABC)", EN: "company missing (e.g. lead 株式会社ABC)"},
	model.QErrLeadTooMany:     Text{JA: "リードは会社名・担当者名・担当者までです。語が1つ多すぎます", EN: "a lead takes a company, a contact and a rep; this is one word too many"},
}

// refusal words a model refusal in language l, falling back to the model's
// English when the format has no entry.
func refusal(l Lang, format string, args []any, english string) string {
	if t, ok := refusalTexts[format]; ok {
		return l.T(t, args...)
	}
	return english
}

// fieldRefusal words a field error's message (without the field name).
func fieldRefusal(l Lang, fe *model.FieldError) string {
	return refusal(l, fe.Format, fe.Args, fe.Msg)
}

// fieldLabel names a record field the way the entry form labels it.
func fieldLabel(l Lang, field string) string {
	labels := map[string]Text{"kind": msgFieldKind, "rep": msgFieldRep, "count": msgFieldCount, "date": msgFieldDate,
		"account": msgFieldAccount, "note": msgFieldNote, "amount": msgFieldAmount, "stage": msgFieldStage,
		"created": msgFieldCreated, "closed": msgFieldClosed, "outcome": msgFieldOutcome, "lost_reason": msgFieldLostReason,
		"company": msgFieldCompany, "contact": msgFieldContact, "source": msgFieldSource, "status": msgFieldStatus}
	if t, ok := labels[field]; ok {
		return l.T(t)
	}
	return field
}
