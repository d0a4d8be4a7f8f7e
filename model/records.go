package model

import (
	"errors"
	"time"
)

// RecordKind names a kind of record a person enters.
type RecordKind string

const (
	RecordActivity    RecordKind = "activity"
	RecordOpportunity RecordKind = "opportunity"
	RecordLead        RecordKind = "lead"
	RecordCustomer    RecordKind = "customer"
	// The customer-success records (docs/success.md): journaled and undone
	// like the others, but not in RecordKinds, which lists the kinds the
	// recent-records list and the required-field rules cover.
	RecordNPS      RecordKind = "nps"
	RecordUsage    RecordKind = "usage"
	RecordInquiry  RecordKind = "inquiry"
	RecordCampaign RecordKind = "campaign"
)

// RecordKinds lists the kinds of records kpit keeps.
func RecordKinds() []RecordKind {
	return []RecordKind{RecordActivity, RecordOpportunity, RecordLead, RecordCustomer}
}

// Valid reports whether k is a known record kind.
func (k RecordKind) Valid() bool {
	for _, x := range RecordKinds() {
		if k == x {
			return true
		}
	}
	return false
}

// Record is one record of any kind, as the recent-records list shows it.
// Exactly the field named by Kind is filled in.
type Record struct {
	Kind        RecordKind
	Activity    Activity
	Opportunity Opportunity
	Lead        Lead
	Customer    Customer
	NPS         NPSAnswer
	Usage       Usage
	Inquiry     Inquiry
	Campaign    Campaign
}

// ID is the record's row id.
func (r Record) ID() int64 {
	switch r.Kind {
	case RecordActivity:
		return r.Activity.ID
	case RecordOpportunity:
		return r.Opportunity.ID
	case RecordLead:
		return r.Lead.ID
	case RecordNPS:
		return r.NPS.ID
	case RecordUsage:
		return r.Usage.ID
	case RecordInquiry:
		return r.Inquiry.ID
	case RecordCampaign:
		return r.Campaign.ID
	default:
		return r.Customer.ID
	}
}

// Rep is the rep the record belongs to (id 0: none), as a write of it is
// checked (User.MayRecord): a usage check is its customer's rep's; an NPS
// answer, an inquiry and a campaign belong to no rep.
func (r Record) Rep() (id int64, name string) {
	switch r.Kind {
	case RecordActivity:
		return r.Activity.RepID, r.Activity.RepName
	case RecordOpportunity:
		return r.Opportunity.RepID, r.Opportunity.RepName
	case RecordLead:
		return r.Lead.RepID, r.Lead.RepName
	case RecordUsage:
		return r.Usage.RepID, r.Usage.RepName
	case RecordNPS, RecordInquiry, RecordCampaign:
		return 0, ""
	default:
		return r.Customer.RepID, r.Customer.RepName
	}
}

// EventDate is the day the record is about: the activity's day, the
// opportunity's or lead's creation day, the customer's start, the day of
// an NPS answer, a usage check or a campaign, an inquiry's day opened
// (in the zone it was read in).
func (r Record) EventDate() time.Time {
	switch r.Kind {
	case RecordActivity:
		return r.Activity.Date
	case RecordOpportunity:
		return r.Opportunity.Created
	case RecordLead:
		return r.Lead.Created
	case RecordNPS:
		return r.NPS.Date
	case RecordUsage:
		return r.Usage.Date
	case RecordInquiry:
		return Date(r.Inquiry.Opened)
	case RecordCampaign:
		return r.Campaign.Date
	default:
		return r.Customer.Started
	}
}

// FieldError is bad input in one named field. Its message names the field
// first, so a user sees at once what to fix.
type FieldError struct {
	Field string
	Msg   string      // the English, or a message already in the user's language
	Code  RefusalCode // the rule that refused, when the refusal comes from model
	Args  []any       // the values Code names
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Msg }

// Reason is the refusal without the field's name, for a door that names the
// field its own way (a command's flag): the code and its values when the
// model refused, else the message as it was worded.
func (e *FieldError) Reason() error {
	if e.Code != "" {
		return Refused(e.Code, e.Args...)
	}
	return errors.New(e.Msg)
}

func fieldErr(field string, code RefusalCode, args ...any) error {
	return Refuse(field, code, args...)
}

// IsFieldError reports whether err is bad input in a field.
func IsFieldError(err error) bool {
	var fe *FieldError
	return errors.As(err, &fe)
}

// MaxCount bounds an activity's count: more than this in one record is a
// typing mistake, not a day's work.
const MaxCount = 100000

// The Check functions are the checks of a record's own content, whatever
// the day and the input rules: the importer applies them to every row, and
// the Validate functions (kpit add, the entry form, the store) apply them
// first, so one record is accepted or refused the same way whichever door
// it comes through. The Validate functions add what belongs to typing a
// record in: a rep, dates not in the future, the fields the rules require.

// CheckActivity checks an activity's kind and count.
func CheckActivity(a Activity) error {
	if !a.Kind.Valid() {
		return fieldErr("kind", RefuseUnknownKind, a.Kind, joinKinds())
	}
	if a.Count <= 0 {
		return fieldErr("count", RefuseNotPositiveCount, a.Count)
	}
	if a.Count > MaxCount {
		return fieldErr("count", RefuseCountTooLarge, a.Count, MaxCount)
	}
	if a.Connected < 0 {
		return fieldErr("connected", RefuseNegative, a.Connected)
	}
	if a.Connected > 0 && a.Kind != KindCall {
		return fieldErr("connected", RefuseConnectedNotCall, a.Kind)
	}
	if a.Connected > a.Count {
		return fieldErr("connected", RefuseConnectedOverCount, a.Connected, a.Count)
	}
	return checkTexts(activityTexts(a)...)
}

// ValidateActivity checks an activity against the input rules on day today.
func ValidateActivity(a Activity, rules InputRules, today time.Time) error {
	if err := CheckActivity(a); err != nil {
		return err
	}
	if err := checkLengths(rules.textChars(), activityTexts(a)...); err != nil {
		return err
	}
	if a.RepID == 0 && a.RepName == "" {
		return fieldErr("rep", RefuseRequired)
	}
	if err := NotFuture("date", a.Date, rules, today); err != nil {
		return err
	}
	return firstMissing(rules.Required[RecordActivity], func(f string) bool {
		switch f {
		case "account":
			return Blank(a.Account)
		case "note":
			return Blank(a.Note)
		case "opportunity":
			return a.OpportunityID == 0
		}
		return false
	})
}

// ValidateOpportunity checks an opportunity against the input rules. A won
// deal needs an amount; a closed deal needs a close date not before its
// creation. An open deal's close date is its expected close date and may lie
// in the future.
func ValidateOpportunity(o Opportunity, rules InputRules, today time.Time) error {
	if !o.Outcome.Valid() {
		return fieldErr("outcome", RefuseUnknownOutcome, o.Outcome)
	}
	if o.RepID == 0 && o.RepName == "" {
		return fieldErr("rep", RefuseRequired)
	}
	if err := NotFuture("created", o.Created, rules, today); err != nil {
		return err
	}
	if err := CheckOpportunity(o); err != nil {
		return err
	}
	if err := checkLengths(rules.textChars(), opportunityTexts(o)...); err != nil {
		return err
	}
	if o.Outcome != OutcomeOpen {
		if err := NotFuture("closed", o.Closed, rules, today); err != nil {
			return err
		}
	}
	return firstMissing(rules.Required[RecordOpportunity], func(f string) bool {
		switch f {
		case "amount":
			return !o.HasAmount
		case "account":
			return Blank(o.Account)
		case "product":
			return Blank(o.Product)
		case "stage":
			return Blank(o.Stage)
		case "closed":
			return o.Closed.IsZero()
		case "lost_reason":
			return o.Outcome == OutcomeLost && Blank(o.LostReason)
		}
		return false
	})
}

// CheckOpportunity checks an opportunity's outcome, amount and dates: a
// won deal needs a positive amount, a closed deal a close date, and a close
// date is not before the creation date (when both are known).
func CheckOpportunity(o Opportunity) error {
	if !o.Outcome.Valid() {
		return fieldErr("outcome", RefuseUnknownOutcome, o.Outcome)
	}
	if !o.Forecast.Valid() {
		return fieldErr("forecast", RefuseUnknownForecast, o.Forecast)
	}
	if o.HasAmount && o.AmountMinor < 0 {
		return fieldErr("amount", RefuseNegative, o.AmountMinor)
	}
	if o.Outcome == OutcomeWon && (!o.HasAmount || o.AmountMinor <= 0) {
		return fieldErr("amount", RefuseWonNeedsAmount)
	}
	if o.Outcome != OutcomeOpen && o.Closed.IsZero() {
		return fieldErr("closed", RefuseClosedNeedsDate, o.Outcome)
	}
	if !o.Closed.IsZero() && !o.Created.IsZero() && o.Closed.Before(o.Created) {
		return fieldErr("closed", RefuseClosedBeforeCreated, FormatDate(o.Closed), FormatDate(o.Created))
	}
	return checkTexts(opportunityTexts(o)...)
}

// ValidateLead checks a lead against the input rules.
func ValidateLead(l Lead, rules InputRules, today time.Time) error {
	if err := CheckLead(l); err != nil {
		return err
	}
	if err := checkLengths(rules.textChars(), leadTexts(l)...); err != nil {
		return err
	}
	if err := NotFuture("created", l.Created, rules, today); err != nil {
		return err
	}
	return firstMissing(rules.Required[RecordLead], func(f string) bool {
		switch f {
		case "company":
			return Blank(l.Company)
		case "contact":
			return Blank(l.Contact)
		case "source":
			return Blank(l.Source)
		case "rep":
			return l.RepID == 0 && l.RepName == ""
		}
		return false
	})
}

// ValidateCustomer checks a customer record.
func ValidateCustomer(c Customer, rules InputRules, today time.Time) error {
	if Blank(c.Name) {
		return fieldErr("name", RefuseRequired)
	}
	if err := NotFuture("started", c.Started, rules, today); err != nil {
		return err
	}
	if err := CheckCustomer(c); err != nil {
		return err
	}
	return checkLengths(rules.textChars(), customerTexts(c)...)
}

// CheckLead checks that a lead is named and its status known.
func CheckLead(l Lead) error {
	if Blank(l.Company) && Blank(l.Contact) {
		return fieldErr("company", RefuseLeadNeedsName)
	}
	if !l.Status.Valid() {
		return fieldErr("status", RefuseUnknownStatus, l.Status)
	}
	// The MQL and SQL days are stage changes (docs/funnel.md): none before
	// the lead existed, and SQL not before MQL, which would be a move back.
	if !l.MQLOn.IsZero() && !l.Created.IsZero() && l.MQLOn.Before(l.Created) {
		return fieldErr("mql_on", RefuseStageBeforeCreated, FormatDate(l.MQLOn), FormatDate(l.Created))
	}
	if !l.SQLOn.IsZero() && !l.Created.IsZero() && l.SQLOn.Before(l.Created) {
		return fieldErr("sql_on", RefuseStageBeforeCreated, FormatDate(l.SQLOn), FormatDate(l.Created))
	}
	if !l.SQLOn.IsZero() && !l.MQLOn.IsZero() && l.SQLOn.Before(l.MQLOn) {
		return fieldErr("sql_on", RefuseSQLBeforeMQL, FormatDate(l.SQLOn), FormatDate(l.MQLOn))
	}
	// The opportunity and won days likewise: after creation, in order.
	for _, d := range []struct {
		field      string
		day, after time.Time
	}{
		{"opportunity_on", l.OpportunityOn, l.Created},
		{"won_on", l.WonOn, l.Created},
		{"won_on", l.WonOn, l.OpportunityOn},
	} {
		if !d.day.IsZero() && !d.after.IsZero() && d.day.Before(d.after) {
			if d.after.Equal(l.Created) {
				return fieldErr(d.field, RefuseStageBeforeCreated, FormatDate(d.day), FormatDate(l.Created))
			}
			return fieldErr(d.field, RefuseStageBeforeLast, FormatDate(d.day), FormatDate(d.after))
		}
	}
	return checkTexts(leadTexts(l)...)
}

// CheckCustomer checks a customer's name, fee and dates.
func CheckCustomer(c Customer) error {
	if Blank(c.Name) {
		return fieldErr("name", RefuseRequired)
	}
	if c.MRRMinor < 0 {
		return fieldErr("mrr", RefuseNegative, c.MRRMinor)
	}
	if !c.Churned.IsZero() && !c.Started.IsZero() && c.Churned.Before(c.Started) {
		return fieldErr("churned", RefuseBeforeStart, FormatDate(c.Churned), FormatDate(c.Started))
	}
	return checkTexts(customerTexts(c)...)
}

// The text fields of each record, as field name and value pairs, for
// CheckText: the Check functions refuse control characters in them, the
// Validate functions also their length past the rules' TextChars.
func activityTexts(a Activity) []string {
	return []string{"id", a.ExternalID, "rep", a.RepName, "account", a.Account, "note", a.Note}
}

func opportunityTexts(o Opportunity) []string {
	return []string{"id", o.ExternalID, "rep", o.RepName, "account", o.Account, "product", o.Product,
		"stage", o.Stage, "lost_reason", o.LostReason}
}

func leadTexts(l Lead) []string {
	return []string{"id", l.ExternalID, "company", l.Company, "contact", l.Contact, "source", l.Source, "rep", l.RepName}
}

func customerTexts(c Customer) []string {
	return []string{"id", c.ExternalID, "name", c.Name, "rep", c.RepName}
}

// firstMissing refuses the first field the input rules require that is
// empty, in the rules' order.
func firstMissing(required []string, empty func(field string) bool) error {
	for _, f := range required {
		if empty(f) {
			return fieldErr(f, RefuseRequiredByRule)
		}
	}
	return nil
}

// NotFuture refuses a missing day, or one later than today plus the rule's
// allowance for future dates.
func NotFuture(field string, day time.Time, rules InputRules, today time.Time) error {
	if day.IsZero() {
		return fieldErr(field, RefuseRequired)
	}
	limit := Date(today).AddDate(0, 0, rules.FutureDays)
	if Date(day).After(limit) {
		if rules.FutureDays == 0 {
			return fieldErr(field, RefuseFutureDate, FormatDate(day), FormatDate(today))
		}
		return fieldErr(field, RefuseTooFarAhead, FormatDate(day), rules.FutureDays, FormatDate(today))
	}
	return nil
}

func joinKinds() Choices { return ActivityKindChoices() }

// ActivityKindChoices are the activity kinds as a flag or a column takes
// them.
func ActivityKindChoices() Choices {
	var s Choices
	for _, k := range ActivityKinds() {
		s = append(s, string(k))
	}
	return s
}
