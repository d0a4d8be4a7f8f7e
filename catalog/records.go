package catalog

import (
	"fmt"
	"strings"

	"github.com/kpit-dev/kpit/model"
)

// The words of records: their kinds, the kinds of activity and the names
// of their fields, the same in the entry form, the alerts and `kpit rules`.
var (
	KindActivity    = Text{JA: "活動", EN: "activity"}
	KindOpportunity = Text{JA: "商談", EN: "opportunity"}
	KindLead        = Text{JA: "リード", EN: "lead"}
	KindCustomer    = Text{JA: "顧客", EN: "customer"}
	KindNPS         = Text{JA: "NPS回答", EN: "NPS answer"}
	KindUsage       = Text{JA: "利用状況", EN: "usage check"}
	KindInquiry     = Text{JA: "問い合わせ", EN: "inquiry"}
	KindCampaign    = Text{JA: "メール配信", EN: "e-mail campaign"}

	// kpit add nps|usage|inquiry|campaign: what was recorded.
	AddedNPS        = Text{JA: "NPS回答 #%d を記録しました: %d点、%s、%s", EN: "added NPS answer %d: score %d, %s, %s"}
	AddedUsage      = Text{JA: "利用状況 #%d を記録しました: %s、%s、%s", EN: "added usage check %d: %s, %s, %s"}
	UsageActive     = Text{JA: "利用あり", EN: "active"}
	UsageInactive   = Text{JA: "利用なし", EN: "not active"}
	AddedInquiry    = Text{JA: "問い合わせ #%d を記録しました: %s、受付 %s、%s", EN: "added inquiry %d: %s, opened %s, %s"}
	InquiryAnswered = Text{JA: "初回回答 %s", EN: "first answered %s"}
	InquiryWaiting  = Text{JA: "未回答", EN: "not answered yet"}
	AddedCampaign   = Text{JA: "メール配信 #%d を記録しました: %s、%s、送信 %d通、開封 %d通", EN: "added e-mail campaign %d: %s, %s, %d sent, %d opened"}

	// kpit add activity|opportunity|lead: what was recorded. The English
	// is what the commands have always printed, which scripts may read.
	addedActivity       = Text{JA: "活動 #%d を記録しました: %s %d件、%s、%s", EN: "added activity %d: %s %d, %s, %s"}
	addedOpportunity    = Text{JA: "商談 %s を登録しました: %s、%s、%s", EN: "added opportunity %s: %s, %s, %s"}
	updatedOpportunity  = Text{JA: "商談 %s を更新しました: %s、%s、%s", EN: "updated opportunity %s: %s, %s, %s"}
	opportunityAmount   = Text{JA: "、%s", EN: ", %s"}
	opportunityForecast = Text{JA: "、%s", EN: ", forecast %s"}
	addedLead           = Text{JA: "リード #%d を登録しました: %s", EN: "added lead %d: %s"}

	ActVisit       = Text{JA: "訪問", EN: "visit"}
	ActCall        = Text{JA: "架電", EN: "call"}
	ActEmail       = Text{JA: "メール", EN: "email"}
	ActProposal    = Text{JA: "提案", EN: "proposal"}
	ActAppointment = Text{JA: "アポ", EN: "appointment"}
	ActMeeting     = Text{JA: "商談", EN: "meeting"}

	FieldKind         = Text{JA: "活動", EN: "Kind"}
	FieldRep          = Text{JA: "担当者", EN: "Rep"}
	FieldCount        = Text{JA: "件数", EN: "Count"}
	FieldConnected    = Text{JA: "通話数", EN: "Connected"}
	FieldDate         = Text{JA: "日付", EN: "Date"}
	FieldAccount      = Text{JA: "取引先", EN: "Account"}
	FieldNote         = Text{JA: "メモ", EN: "Note"}
	FieldAmount       = Text{JA: "金額", EN: "Amount"}
	FieldStage        = Text{JA: "フェーズ", EN: "Stage"}
	FieldCreated      = Text{JA: "作成日", EN: "Created"}
	FieldClosed       = Text{JA: "完了日", EN: "Closed"}
	FieldDeal         = Text{JA: "商談", EN: "Opportunity"}
	FieldOutcome      = Text{JA: "結果", EN: "Outcome"}
	FieldLostReason   = Text{JA: "失注理由", EN: "Lost reason"}
	FieldForecast     = Text{JA: "確度", EN: "Forecast"}
	FieldStageAt      = Text{JA: "ステージ日時", EN: "Stage time"}
	FieldCompany      = Text{JA: "会社名", EN: "Company"}
	FieldContact      = Text{JA: "担当者名", EN: "Contact"}
	FieldSource       = Text{JA: "流入元", EN: "Source"}
	FieldStatus       = Text{JA: "状態", EN: "Status"}
	FieldScore        = Text{JA: "点数 (0-10)", EN: "Score (0-10)"}
	FieldCustomer     = Text{JA: "顧客", EN: "Customer"}
	FieldActive       = Text{JA: "利用", EN: "In use"}
	FieldComment      = Text{JA: "コメント", EN: "Comment"}
	FieldOpened       = Text{JA: "受付日時", EN: "Received"}
	FieldAnswered     = Text{JA: "初回回答日時", EN: "First answer"}
	FieldCampaignName = Text{JA: "配信名", EN: "Campaign"}
	FieldSent         = Text{JA: "送信数", EN: "Sent"}
	FieldOpens        = Text{JA: "開封数", EN: "Opened"}
	FieldOwner        = Text{JA: "担当者", EN: "owner"}
	FieldProduct      = Text{JA: "商品", EN: "product"}
)

// RecordKindWord names a kind of record: 商談, opportunity.
func RecordKindWord(l Lang, k model.RecordKind) string {
	switch k {
	case model.RecordActivity:
		return l.T(KindActivity)
	case model.RecordOpportunity:
		return l.T(KindOpportunity)
	case model.RecordLead:
		return l.T(KindLead)
	case model.RecordNPS:
		return l.T(KindNPS)
	case model.RecordUsage:
		return l.T(KindUsage)
	case model.RecordInquiry:
		return l.T(KindInquiry)
	case model.RecordCampaign:
		return l.T(KindCampaign)
	}
	return l.T(KindCustomer)
}

// ActivityKindWord names a kind of activity: 架電, call.
func ActivityKindWord(l Lang, k model.ActivityKind) string {
	switch k {
	case model.KindVisit:
		return l.T(ActVisit)
	case model.KindCall:
		return l.T(ActCall)
	case model.KindEmail:
		return l.T(ActEmail)
	case model.KindProposal:
		return l.T(ActProposal)
	case model.KindAppointment:
		return l.T(ActAppointment)
	}
	return l.T(ActMeeting)
}

// FieldLabel names a record field the way the entry form labels it, or
// returns the field's own name when it has no label.
func FieldLabel(l Lang, field string) string {
	labels := map[string]Text{"kind": FieldKind, "rep": FieldRep, "count": FieldCount, "connected": FieldConnected, "date": FieldDate,
		"account": FieldAccount, "note": FieldNote, "amount": FieldAmount, "stage": FieldStage,
		"created": FieldCreated, "closed": FieldClosed, "outcome": FieldOutcome, "lost_reason": FieldLostReason,
		"company": FieldCompany, "contact": FieldContact, "source": FieldSource, "status": FieldStatus,
		"forecast": FieldForecast, "at": FieldStageAt, "score": FieldScore, "customer": FieldCustomer, "comment": FieldComment,
		"opened": FieldOpened, "answered": FieldAnswered, "active": FieldActive}
	if t, ok := labels[field]; ok {
		return l.T(t)
	}
	return field
}

// ActivityAdded is kpit add activity's line on the activity it recorded
// as number id.
func ActivityAdded(l Lang, id int64, a model.Activity) string {
	return l.T(addedActivity, id, ActivityKindWord(l, a.Kind), a.Count, a.RepName, model.FormatDate(a.Date))
}

// OpportunitySaved is kpit add opportunity's line on the opportunity it
// added or updated, named by its id in the SFA or kpit's #N: account, rep,
// outcome, the amount when it has one (in English the plain figure and
// the currency, "1200000 yen"; in Japanese the full amount, ¥1,200,000)
// and the forecast category when rated.
func OpportunitySaved(l Lang, updated bool, o model.Opportunity, cur model.Currency) string {
	name := o.ExternalID
	if name == "" {
		name = fmt.Sprintf("#%d", o.ID)
	}
	line := addedOpportunity
	if updated {
		line = updatedOpportunity
	}
	s := l.T(line, name, o.Account, o.RepName, OutcomeWord(l, o.Outcome))
	if o.HasAmount {
		amount := Money{Lang: l, Currency: cur}.Full(model.Some(cur.Major(o.AmountMinor)))
		if l != LangJA {
			unit := cur.Code // 1234.56 USD
			if cur.Code == model.JPY.Code {
				unit = "yen" // 1200000 yen, as the line always read
			}
			amount = cur.Plain(o.AmountMinor) + " " + unit
		}
		s += l.T(opportunityAmount, amount)
	}
	if o.Forecast != model.ForecastUnrated {
		forecast := string(o.Forecast) // the category's key, as the line always read
		if l == LangJA {
			forecast = ForecastName(l, o.Forecast)
		}
		s += l.T(opportunityForecast, forecast)
	}
	return s
}

// LeadAdded is kpit add lead's line on the lead it recorded as number id.
func LeadAdded(l Lang, id int64, lead model.Lead) string {
	return l.T(addedLead, id, strings.TrimSpace(lead.Company+" "+lead.Contact))
}
