package importer

import "fmt"

// Problem says what is wrong with a row, so a screen can word a row error
// in its own language; the English of RowError.Error stays the CLI's line.
type Problem string

const (
	ProblemOther          Problem = ""                // only the English Msg says
	ProblemRequired       Problem = "required"        // Field is empty but required
	ProblemNotAmount      Problem = "not_amount"      // Value is not an amount of yen (the currency is JPY)
	ProblemNotAmountIn    Problem = "not_amount_in"   // Value is not an amount of the currency Args[0] (a code)
	ProblemNegativeAmount Problem = "negative_amount" // Value is negative
	ProblemYenFraction    Problem = "yen_fraction"    // Value has a fraction of a yen
	// Value has more decimals than the currency has: Args are the
	// decimals and the code.
	ProblemTooManyDecimals Problem = "too_many_decimals"
	ProblemNotDate         Problem = "not_date"   // Value is not a date
	ProblemYearRange       Problem = "year_range" // Value's year (Args[0]) is out of range
	ProblemNotCalendarDay  Problem = "not_calendar_day"
	ProblemExcelRange      Problem = "excel_range"
	ProblemNotDepartment   Problem = "not_department"
	ProblemNotOutcome      Problem = "not_outcome"
	ProblemNotForecast     Problem = "not_forecast"    // neither a forecast category nor a probability
	ProblemNotProbability  Problem = "not_probability" // not a probability from 0 to 100%
	ProblemNotKind         Problem = "not_activity_kind"
	ProblemNotLeadStatus   Problem = "not_lead_status"
	ProblemNotYesNo        Problem = "not_yes_no"
	ProblemNotCount        Problem = "not_count"
	ProblemNotConnected    Problem = "not_connected"
	ProblemNotWhole        Problem = "not_whole"
	ProblemNotScore        Problem = "not_score" // not a whole number (an NPS score)
	ProblemWonNeedsAmount  Problem = "won_needs_amount"
	ProblemWonNeedsClosed  Problem = "won_needs_closed"
	ProblemNoOpportunity   Problem = "no_opportunity" // Value is an unknown opportunity id
	ProblemMissingCells    Problem = "missing_cells"  // Args: the row's fields, the header's
	ProblemExtraCells      Problem = "extra_cells"    // Args: the row's fields, the header's
	ProblemNotUTF8         Problem = "not_utf8"
	ProblemRightOfHeader   Problem = "right_of_header"
	ProblemModel           Problem = "model" // the model's refusal: Code and Args are a model.FieldError's
)

// ValueError is a value a parser refused: what is wrong, the value as
// written, and the English sentence (its Error).
type ValueError struct {
	Problem Problem
	Value   string
	Args    []any
	Msg     string
}

func (e *ValueError) Error() string { return e.Msg }

func valueErr(p Problem, value string, args []any, format string, fargs ...any) *ValueError {
	return &ValueError{Problem: p, Value: value, Args: args, Msg: fmt.Sprintf(format, fargs...)}
}
