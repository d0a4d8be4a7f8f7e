package model

import "fmt"

// RefusalCode names the rule that refused an input. A refusal carries its
// code and the values it names (FieldError, QuickError); the catalogue
// words each code in Japanese and English, and Error() gives the English
// below for logs and for the command line, where its wording is relied on.
type RefusalCode string

// Refusals of record fields.
const (
	RefuseUnknownKind          RefusalCode = "unknown_kind"       // kind, the kinds
	RefuseNotPositiveCount     RefusalCode = "not_positive_count" // count
	RefuseCountTooLarge        RefusalCode = "count_too_large"    // count, MaxCount
	RefuseRequired             RefusalCode = "required"
	RefuseRequiredByRule       RefusalCode = "required_by_rule"
	RefuseUnknownOutcome       RefusalCode = "unknown_outcome" // outcome
	RefuseNegative             RefusalCode = "negative"        // amount
	RefuseWonNeedsAmount       RefusalCode = "won_needs_amount"
	RefuseClosedNeedsDate      RefusalCode = "closed_needs_date"     // outcome
	RefuseClosedBeforeCreated  RefusalCode = "closed_before_created" // closed, created
	RefuseLeadNeedsName        RefusalCode = "lead_needs_name"
	RefuseUnknownStatus        RefusalCode = "unknown_status"         // status
	RefuseBeforeStart          RefusalCode = "before_start"           // churned, started
	RefuseFutureDate           RefusalCode = "future_date"            // day, today
	RefuseTooFarAhead          RefusalCode = "too_far_ahead"          // day, days, today
	RefuseUnknownForecast      RefusalCode = "unknown_forecast"       // forecast
	RefuseUnknownStage         RefusalCode = "unknown_stage"          // stage
	RefuseUnknownDepartment    RefusalCode = "unknown_department"     // department
	RefuseLimitRange           RefusalCode = "limit_range"            // limit, MaxLimitDays
	RefuseStageBeforeCreated   RefusalCode = "stage_before_created"   // stage time, lead's creation day
	RefuseStageBeforeLast      RefusalCode = "stage_before_last"      // stage time, the last move's time
	RefuseSQLBeforeMQL         RefusalCode = "sql_before_mql"         // sql day, mql day
	RefuseBackwardsNotRecycle  RefusalCode = "backwards_not_recycle"  // stage, current stage
	RefuseRecycleNotBack       RefusalCode = "recycle_not_back"       // stage, current stage
	RefuseRateRange            RefusalCode = "rate_range"             // the rate in percent
	RefuseControlChar          RefusalCode = "control_char"           // the character as U+XXXX, its position (1-based)
	RefuseTooLong              RefusalCode = "too_long"               // the characters (a Count), the limit (a Count without noun), the limit's config key
	RefuseNPSRange             RefusalCode = "nps_range"              // score
	RefuseOpenedOverSent       RefusalCode = "opened_over_sent"       // opened, sent
	RefuseAnsweredBeforeOpened RefusalCode = "answered_before_opened" // answered, opened
	RefuseConnectedOverCount   RefusalCode = "connected_over_count"   // connected, count
	RefuseConnectedNotCall     RefusalCode = "connected_not_call"     // kind
	RefuseUnknownCustomer      RefusalCode = "unknown_customer"       // name, the known customers
)

// Refusals of a person's entry (kpit users add).
const (
	RefuseUserName    RefusalCode = "user_name"    // the name
	RefuseUnknownRole RefusalCode = "unknown_role" // the role
	RefuseKeyEmpty    RefusalCode = "key_empty"
	RefuseKeyPrivate  RefusalCode = "key_private"
	RefuseKeyNotSSH   RefusalCode = "key_not_ssh"
	RefuseKeyMany     RefusalCode = "key_many"
	RefuseRepRequired RefusalCode = "rep_required" // a rep's user needs --rep
	RefuseUserExists  RefusalCode = "user_exists"  // the name
	RefuseKeyTaken    RefusalCode = "key_taken"    // the user who has it
	RefuseNoUser      RefusalCode = "no_user"      // the name
)

// Why a quick-add line was refused.
const (
	RefuseQuickEmpty           RefusalCode = "quick_empty"
	RefuseQuickUnknownVerb     RefusalCode = "quick_unknown_verb"
	RefuseQuickSecondDate      RefusalCode = "quick_second_date"
	RefuseQuickBadDate         RefusalCode = "quick_bad_date"
	RefuseQuickSecondRep       RefusalCode = "quick_second_rep" // the rep already read
	RefuseQuickSecondCount     RefusalCode = "quick_second_count"
	RefuseQuickCountRange      RefusalCode = "quick_count_range" // MaxCount
	RefuseQuickNegative        RefusalCode = "quick_negative"
	RefuseQuickSecondAmount    RefusalCode = "quick_second_amount"
	RefuseQuickBadAmount       RefusalCode = "quick_bad_amount"
	RefuseQuickUnknownRep      RefusalCode = "quick_unknown_rep"   // the known reps
	RefuseQuickAmbiguousRep    RefusalCode = "quick_ambiguous_rep" // the reps of that name
	RefuseQuickRepMissing      RefusalCode = "quick_rep_missing"   // the known reps
	RefuseQuickNotActivityWord RefusalCode = "quick_not_activity_word"
	RefuseQuickAccountMissing  RefusalCode = "quick_account_missing" // verb, rep
	RefuseQuickNotDealWord     RefusalCode = "quick_not_deal_word"
	RefuseQuickAmountMissing   RefusalCode = "quick_amount_missing" // account, rep
	RefuseQuickCompanyMissing  RefusalCode = "quick_company_missing"
	RefuseQuickLeadTooMany     RefusalCode = "quick_lead_too_many"
	RefuseQuickSecondForecast  RefusalCode = "quick_second_forecast"
	RefuseQuickScoreMissing    RefusalCode = "quick_score_missing"
	RefuseQuickSecondCustomer  RefusalCode = "quick_second_customer" // the customer already read
	RefuseQuickCustomerMissing RefusalCode = "quick_customer_missing"
	RefuseQuickUsageWord       RefusalCode = "quick_usage_word"
)

// refusalEnglish is each refusal's English, a format of its values. It is
// what `kpit add` and the importer print, so it changes only on purpose.
var refusalEnglish = map[RefusalCode]string{
	RefuseUnknownKind:          "unknown kind %q (want %s)",
	RefuseNotPositiveCount:     "%d is not a positive count",
	RefuseCountTooLarge:        "%d is more than %d",
	RefuseRequired:             "required",
	RefuseRequiredByRule:       "required by the input rules",
	RefuseUnknownOutcome:       "unknown outcome %q (want open, won or lost)",
	RefuseNegative:             "%d is negative",
	RefuseWonNeedsAmount:       "a won opportunity needs an amount",
	RefuseClosedNeedsDate:      "a %s opportunity needs a close date",
	RefuseClosedBeforeCreated:  "%s is before the creation date %s",
	RefuseLeadNeedsName:        "a lead needs a company or a contact",
	RefuseUnknownStatus:        "unknown status %q (want new, mql, sql, converted or disqualified)",
	RefuseBeforeStart:          "%s is before the start %s",
	RefuseFutureDate:           "%s is in the future (today is %s)",
	RefuseTooFarAhead:          "%s is more than %d days ahead of today (%s)",
	RefuseUnknownForecast:      "unknown forecast category %q (want A, B, C, commit, best case, pipeline or omitted)",
	RefuseUnknownStage:         "unknown stage %q (want lead, mql, sql, opportunity, won, onboarding, active or churned)",
	RefuseUnknownDepartment:    "unknown department %q (want marketing, inside_sales, field_sales or customer_success)",
	RefuseLimitRange:           "%d is not a limit of 0 to %d business days",
	RefuseStageBeforeCreated:   "%s is before the lead's creation date %s",
	RefuseStageBeforeLast:      "%s is before the lead's last stage change %s",
	RefuseSQLBeforeMQL:         "%s is before the MQL date %s",
	RefuseBackwardsNotRecycle:  "%s is behind the lead's stage %s: a move back must be marked a recycle",
	RefuseRecycleNotBack:       "a recycle moves a lead back, and %s is not behind its stage %s",
	RefuseRateRange:            "%v%% is not a rate from 0%% to 100%%",
	RefuseControlChar:          "a control character (%s) at character %d: remove it",
	RefuseTooLong:              "%v is more than the limit of %v (raise %s under [limits] in the config file)",
	RefuseNPSRange:             "%d is not an NPS score (want 0 to 10)",
	RefuseOpenedOverSent:       "%d opened is more than the %d sent",
	RefuseAnsweredBeforeOpened: "%s is before the inquiry was opened %s",
	RefuseConnectedOverCount:   "%d connected is more than the %d calls",
	RefuseConnectedNotCall:     "only calls connect, not a %s",
	RefuseUnknownCustomer:      "no customer named %q (known: %s)",

	RefuseUserName:    "%q is not a user name (letters, digits, . _ -, up to 64, no spaces)",
	RefuseUnknownRole: "unknown role %q (want rep, lead or admin)",
	RefuseKeyEmpty:    "empty: give the public key line (ssh-ed25519 AAAA...), as in ~/.ssh/id_ed25519.pub",
	RefuseKeyPrivate:  "this is a private key: give the public one (the .pub file), and keep the private key where it was",
	RefuseKeyNotSSH:   "not an SSH public key (want one line such as ssh-ed25519 AAAA..., as in ~/.ssh/id_ed25519.pub)",
	RefuseKeyMany:     "more than one key: give one",
	RefuseRepRequired: "a rep's user needs --rep, the rep whose records are theirs",
	RefuseUserExists:  "%s is a user already (to change them, kpit users remove them first)",
	RefuseKeyTaken:    "this key is %s's already: each person has their own key",
	RefuseNoUser:      "no user %q (kpit users list shows them)",

	RefuseQuickEmpty:           "empty line: start with visit, call, email, proposal, appointment, meeting, opp, won, lost, lead or nps",
	RefuseQuickUnknownVerb:     "unknown kind (want visit, call, email, proposal, appointment, meeting, opp, won, lost, lead or nps)",
	RefuseQuickSecondDate:      "a second date",
	RefuseQuickBadDate:         "not a calendar date (want YYYY-MM-DD)",
	RefuseQuickSecondRep:       "a second rep (already %s)",
	RefuseQuickSecondCount:     "a second count",
	RefuseQuickCountRange:      "count must be 1 to %d",
	RefuseQuickNegative:        "negative numbers are not allowed",
	RefuseQuickSecondAmount:    "a second amount",
	RefuseQuickBadAmount:       "not an amount (write 1200万, 12,000,000円 or 1.2億)",
	RefuseQuickUnknownRep:      "not a known rep (known: %s)",
	RefuseQuickAmbiguousRep:    "more than one rep has this name (%s): write the full name",
	RefuseQuickRepMissing:      "rep missing (known: %s)",
	RefuseQuickNotActivityWord: "not a count, date or known rep",
	RefuseQuickAccountMissing:  "account missing (e.g. %s ACME %s)",
	RefuseQuickNotDealWord:     "not an amount, date or known rep",
	RefuseQuickAmountMissing:   "amount missing: a won deal needs one (e.g. won 1200万 %s %s)",
	RefuseQuickCompanyMissing:  "company missing (e.g. lead 株式会社ABC)",
	RefuseQuickLeadTooMany:     "a lead takes a company, a contact and a rep; this is one word too many",
	RefuseQuickSecondForecast:  "a second forecast category",
	RefuseQuickScoreMissing:    "no score: give the answer, 0 to 10 (NPS 9 @ACME)",
	RefuseQuickSecondCustomer:  "a second customer (already %s)",
	RefuseQuickCustomerMissing: "no customer: name it after @ (usage @ACME)",
	RefuseQuickUsageWord:       "a usage check takes a customer after @ and a date only (inactive @ACME 11/29)",
}

// English writes the refusal in English with its values.
func (c RefusalCode) English(args ...any) string {
	if f, ok := refusalEnglish[c]; ok {
		return fmt.Sprintf(f, args...)
	}
	if f, ok := inputEnglish[c]; ok {
		return fmt.Sprintf(f, args...)
	}
	return string(c)
}

// RefusalCodes lists every refusal code, so the catalogue can be checked
// to word each one.
func RefusalCodes() []RefusalCode {
	codes := make([]RefusalCode, 0, len(refusalEnglish)+len(inputEnglish))
	for c := range refusalEnglish {
		codes = append(codes, c)
	}
	for c := range inputEnglish {
		codes = append(codes, c)
	}
	return codes
}

// Refuse is a refusal of one field's value by the rule code, with the
// values the rule names.
func Refuse(field string, code RefusalCode, args ...any) *FieldError {
	return &FieldError{Field: field, Msg: code.English(args...), Code: code, Args: args}
}
