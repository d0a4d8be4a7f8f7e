package model

import (
	"math"
	"strings"
	"time"

	"golang.org/x/text/width"
)

// The records and rules behind the inside-sales and customer-success KPIs
// (docs/success.md): answers to the NPS question, usage checks of a
// customer, e-mail campaign results and customer inquiries.

// NPSAnswer is one answer to the 0–10 "would you recommend us" question.
// Account names the customer who answered, when known.
type NPSAnswer struct {
	ID         int64
	ExternalID string
	Account    string
	Date       time.Time
	Score      int
	Comment    string    // what the customer wrote beside the score, if anything
	EnteredAt  time.Time // when it was typed or imported (read from the store)
}

// Usage is one check of whether a customer is actively using the product
// (利用状況): the latest check in a period says whether it was.
type Usage struct {
	ID         int64
	ExternalID string
	CustomerID int64  // when known; else the customer is found by Account
	Account    string // the customer's name
	Date       time.Time
	Active     bool
	// Read from the store: the customer's rep (0: none), whose record the
	// check is, and when it was typed or imported.
	RepID     int64
	RepName   string
	EnteredAt time.Time
}

// Campaign is one e-mail campaign's figures as the mailing tool reports
// them: how many were sent and how many were opened, dated by its send day.
type Campaign struct {
	ID         int64
	ExternalID string
	Name       string
	Date       time.Time
	Sent       int
	Opened     int
	EnteredAt  time.Time // when it was typed or imported (read from the store)
}

// Inquiry is a customer's question and when it was first answered (zero
// while it waits).
type Inquiry struct {
	ID         int64
	ExternalID string
	Account    string
	Opened     time.Time
	Answered   time.Time
	EnteredAt  time.Time // when it was typed or imported (read from the store)
}

// NPS score bounds: answers run from 0 to 10; 9 and 10 are promoters, 0 to
// 6 detractors, 7 and 8 passives (docs/success.md).
const (
	NPSMin       = 0
	NPSMax       = 10
	NPSPromoter  = 9
	NPSDetractor = 6
)

// CheckNPSAnswer refuses a score outside 0–10 and an answer without a day.
func CheckNPSAnswer(a NPSAnswer) error {
	if a.Score < NPSMin || a.Score > NPSMax {
		return fieldErr("score", RefuseNPSRange, a.Score)
	}
	if a.Date.IsZero() {
		return fieldErr("date", RefuseRequired)
	}
	return nil
}

// CheckUsage refuses a usage check without a customer or a day.
func CheckUsage(u Usage) error {
	if u.CustomerID == 0 && strings.TrimSpace(u.Account) == "" {
		return fieldErr("customer", RefuseRequired)
	}
	if u.Date.IsZero() {
		return fieldErr("date", RefuseRequired)
	}
	return nil
}

// CheckCampaign refuses a campaign without a name or a day, negative
// figures, and more opens than e-mails sent.
func CheckCampaign(c Campaign) error {
	if strings.TrimSpace(c.Name) == "" {
		return fieldErr("name", RefuseRequired)
	}
	if c.Date.IsZero() {
		return fieldErr("date", RefuseRequired)
	}
	if c.Sent < 0 {
		return fieldErr("sent", RefuseNegative, c.Sent)
	}
	if c.Opened < 0 {
		return fieldErr("opened", RefuseNegative, c.Opened)
	}
	if c.Opened > c.Sent {
		return fieldErr("opened", RefuseOpenedOverSent, c.Opened, c.Sent)
	}
	return nil
}

// CheckInquiry refuses an inquiry without its opening time and an answer
// before the question.
func CheckInquiry(q Inquiry) error {
	if q.Opened.IsZero() {
		return fieldErr("opened", RefuseRequired)
	}
	if !q.Answered.IsZero() && q.Answered.Before(q.Opened) {
		return fieldErr("answered", RefuseAnsweredBeforeOpened,
			q.Answered.UTC().Format(time.RFC3339), q.Opened.UTC().Format(time.RFC3339))
	}
	return nil
}

// NPS is the net promoter score of a set of answers, in points from −100
// to 100: the percentage of promoters (9–10) minus the percentage of
// detractors (0–6). Undefined without an answer.
func NPS(promoters, detractors, answers int) Value {
	if answers == 0 {
		return None
	}
	return Some(100 * float64(promoters-detractors) / float64(answers))
}

// MonthlyChurn turns a churn rate over a stretch of months into the
// monthly rate that, compounded, loses as many: 1 − (1 − rate)^(1/months).
// Over one month it is the rate itself. Undefined when the rate is, or
// months is not positive.
func MonthlyChurn(rate Value, months float64) Value {
	if !rate.Valid || months <= 0 {
		return None
	}
	if months == 1 {
		return rate
	}
	return Some(1 - math.Pow(1-rate.V, 1/months))
}

// LTV is the lifetime value of a customer: the average monthly contract
// value (MRR) per customer times the expected lifetime in months, which is
// 1 ÷ the monthly churn rate. Undefined without customers or without churn
// (a lifetime with no churn has no end to count to).
func LTV(avgMRR, monthlyChurn Value) Value {
	if !avgMRR.Valid || !monthlyChurn.Valid || monthlyChurn.V <= 0 {
		return None
	}
	return Some(avgMRR.V / monthlyChurn.V)
}

// UsageActiveWord reads whether a usage check says the customer is using
// the product, as people and exports write it: yes/no, true/false, 1/0,
// active/inactive, 利用/未利用, あり/なし (full-width too). ok is false for
// anything else.
func UsageActiveWord(s string) (active, ok bool) {
	switch strings.ToLower(strings.TrimSpace(width.Fold.String(s))) {
	case "yes", "y", "true", "1", "active", "used", "はい", "利用", "利用中", "利用あり", "あり", "有", "アクティブ":
		return true, true
	case "no", "n", "false", "0", "inactive", "unused", "いいえ", "未利用", "利用なし", "なし", "無", "非アクティブ":
		return false, true
	}
	return false, false
}
