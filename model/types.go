// Package model holds kpit's domain types and pure rules. It does no I/O, so
// every figure the product shows can be tested without a database or a terminal.
package model

import "time"

// Minor is an amount of money in the minor units of the team's currency
// (whole yen for JPY, cents for USD and EUR; see Currency). Money is never a
// float.
type Minor int64

// Department is one of the four departments of the shared funnel
// (Marketing → Inside Sales → Field Sales → Customer Success).
type Department string

const (
	DeptMarketing       Department = "marketing"
	DeptInsideSales     Department = "inside_sales"
	DeptFieldSales      Department = "field_sales"
	DeptCustomerSuccess Department = "customer_success"
)

// Departments lists the departments in funnel order.
func Departments() []Department {
	return []Department{DeptMarketing, DeptInsideSales, DeptFieldSales, DeptCustomerSuccess}
}

// Valid reports whether d is one of the four departments.
func (d Department) Valid() bool {
	for _, x := range Departments() {
		if d == x {
			return true
		}
	}
	return false
}

// Rep is a member of the sales organisation.
type Rep struct {
	ID         int64
	Name       string
	Department Department
	Active     bool
}

// Outcome is where an opportunity ended up.
type Outcome string

const (
	OutcomeOpen Outcome = "open"
	OutcomeWon  Outcome = "won"
	OutcomeLost Outcome = "lost"
)

// Valid reports whether o is open, won or lost.
func (o Outcome) Valid() bool { return o == OutcomeOpen || o == OutcomeWon || o == OutcomeLost }

// Opportunity is a deal (商談). Dates are calendar days (see Date); a zero
// Closed means not closed. HasAmount distinguishes "no amount yet" from ¥0.
type Opportunity struct {
	ID          int64
	ExternalID  string
	RepID       int64
	RepName     string
	Account     string
	Product     string
	Stage       string
	Created     time.Time
	Closed      time.Time
	AmountMinor Minor
	HasAmount   bool
	Outcome     Outcome
	LostReason  string
	// Forecast is the deal's category in the pipeline forecast (ヨミ); on an
	// open deal Closed is its expected close date.
	Forecast  ForecastCategory
	EnteredAt time.Time
	UpdatedAt time.Time
}

// ActivityKind is the kind of a sales activity.
type ActivityKind string

const (
	KindVisit       ActivityKind = "visit"
	KindCall        ActivityKind = "call"
	KindEmail       ActivityKind = "email"
	KindProposal    ActivityKind = "proposal"
	KindAppointment ActivityKind = "appointment"
	KindMeeting     ActivityKind = "meeting"
)

// ActivityKinds lists every activity kind.
func ActivityKinds() []ActivityKind {
	return []ActivityKind{KindVisit, KindCall, KindEmail, KindProposal, KindAppointment, KindMeeting}
}

// Valid reports whether k is a known activity kind.
func (k ActivityKind) Valid() bool {
	for _, x := range ActivityKinds() {
		if k == x {
			return true
		}
	}
	return false
}

// Activity is a count of one kind of activity by one rep on one day.
// EnteredAt is when it was recorded, which drives the late-entry alerts.
type Activity struct {
	ID            int64
	ExternalID    string
	Date          time.Time
	RepID         int64
	RepName       string
	Kind          ActivityKind
	Count         int
	OpportunityID int64 // 0 when not tied to a deal
	Account       string
	Note          string
	// Connected is how many of a call activity's calls reached the
	// person (通話): the connect rate is connected ÷ calls.
	Connected int
	// LeadID is the lead the activity works (0 when none); At is the
	// moment it happened when known, else zero (the day is all there is).
	// Inside sales' response time reads both (docs/success.md).
	LeadID    int64
	At        time.Time
	EnteredAt time.Time
	UpdatedAt time.Time
}

// LeadStatus is where a lead stands in the shared funnel.
type LeadStatus string

const (
	LeadNew          LeadStatus = "new"
	LeadMQL          LeadStatus = "mql"
	LeadSQL          LeadStatus = "sql"
	LeadConverted    LeadStatus = "converted"
	LeadDisqualified LeadStatus = "disqualified"
)

// Valid reports whether s is a known lead status.
func (s LeadStatus) Valid() bool {
	switch s {
	case LeadNew, LeadMQL, LeadSQL, LeadConverted, LeadDisqualified:
		return true
	}
	return false
}

// Lead is a prospective customer before it becomes an opportunity.
type Lead struct {
	ID         int64
	ExternalID string
	Company    string
	Contact    string
	Source     string
	RepID      int64 // 0 when unassigned
	RepName    string
	Created    time.Time
	Status     LeadStatus
	MQLOn      time.Time
	SQLOn      time.Time
	// OpportunityOn and WonOn are the days an import says the lead became
	// an opportunity and a customer (Salesforce's ConvertedDate, HubSpot's
	// lifecycle-stage dates); written as stage changes, not stored on the
	// lead (docs/funnel.md). Zero when not given.
	OpportunityOn time.Time
	WonOn         time.Time
	EnteredAt     time.Time
	UpdatedAt     time.Time
}

// Customer is an account under contract (customer success).
type Customer struct {
	ID         int64
	ExternalID string
	Name       string
	RepID      int64
	RepName    string
	Started    time.Time
	Churned    time.Time // zero while the customer stays
	MRRMinor   Minor
	// OnboardingDue is the day onboarding should be done by, Onboarded
	// the day it was (zero: not set, not yet).
	OnboardingDue time.Time
	Onboarded     time.Time
	EnteredAt     time.Time
	UpdatedAt     time.Time
}
