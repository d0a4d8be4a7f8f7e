package model

import "strings"

// A command's input is refused the way a record field is: by a code and
// the values it names, so the door that shows the refusal words it in the
// user's language (catalog.ErrorLine) and Error() keeps the English the
// commands have always printed.

// Refusals of a command's flags and arguments.
const (
	RefuseFlagWant          RefusalCode = "flag_want"           // the flag, the value, the Choices
	RefuseNotDate           RefusalCode = "not_date"            // the value
	RefuseYearRange         RefusalCode = "year_range"          // the value, MinYear, MaxYear
	RefuseNotDay            RefusalCode = "not_day"             // the value (YYYY-MM-DD, today or yesterday)
	RefuseNotTime           RefusalCode = "not_time"            // the value (now, a day, a time)
	RefuseNotRFC3339        RefusalCode = "not_rfc3339"         // the value
	RefuseNotPeriod         RefusalCode = "not_period"          // the value
	RefuseNoWeek            RefusalCode = "no_week"             // the value, the year, the week
	RefuseNotWhole          RefusalCode = "not_whole"           // the value
	RefuseNotMonth          RefusalCode = "not_month"           // the value
	RefuseNotDays           RefusalCode = "not_days"            // the value, the most days
	RefuseOnOff             RefusalCode = "on_off"              // the value
	RefuseUnknownRep        RefusalCode = "unknown_rep"         // the name, the known Names
	RefuseUnknownRepCreate  RefusalCode = "unknown_rep_create"  // the name, the known Names
	RefuseUnknownKPI        RefusalCode = "unknown_kpi"         // the key, the known Names
	RefuseUnknownAddStatus  RefusalCode = "unknown_add_status"  // the status
	RefuseUnknownImportKind RefusalCode = "unknown_import_kind" // the kind, the Choices
	RefuseUnknownCurrency   RefusalCode = "unknown_currency"    // the code, the known Names
	RefuseRepNameRequired   RefusalCode = "rep_name_required"
	RefuseNewOppRequired    RefusalCode = "new_opp_required"
	RefuseDealIDRequired    RefusalCode = "deal_id_required"
	RefuseAmountNegative    RefusalCode = "amount_negative"     // the value
	RefuseBothClose         RefusalCode = "both_close"          // --expected-close and --closed together
	RefuseClosedNotExpected RefusalCode = "closed_not_expected" // the outcome
	RefusePeriodAndRange    RefusalCode = "period_and_range"    // --period with --from or --to
	RefuseFromAfterTo       RefusalCode = "from_after_to"       // from, to
	RefuseUnexpectedArg     RefusalCode = "unexpected_arg"      // the word, the command
	RefuseUnknownCommand    RefusalCode = "unknown_command"     // the word
	RefuseUnexpectedWord    RefusalCode = "unexpected_word"     // the word (the cockpit's command line)
	RefuseDemoAndDB         RefusalCode = "demo_and_db"
	RefuseNoTerminal        RefusalCode = "no_terminal"
	RefuseFlagUndefined     RefusalCode = "flag_undefined"   // the flag (without dashes), the command
	RefuseFlagNeedsValue    RefusalCode = "flag_needs_value" // the flag, the command
	RefuseFlagValue         RefusalCode = "flag_value"       // the value, the flag, the command
	RefuseFlagSyntax        RefusalCode = "flag_syntax"      // the argument, the command
)

// Refusals of the database file and of the files a command reads or writes.
const (
	RefuseDBMissing      RefusalCode = "db_missing"       // the path, the path
	RefuseDBDirectory    RefusalCode = "db_directory"     // the path
	RefuseFileMissing    RefusalCode = "file_missing"     // the path
	RefuseFileNoAccess   RefusalCode = "file_no_access"   // the path
	RefuseFileReadOnlyFS RefusalCode = "file_read_only"   // the path
	RefuseFileDirectory  RefusalCode = "file_directory"   // the path
	RefuseFileDiskFull   RefusalCode = "file_disk_full"   // the path
	RefuseDBBusy         RefusalCode = "db_busy"          //
	RefuseDBReadOnly     RefusalCode = "db_read_only"     //
	RefuseDBDamaged      RefusalCode = "db_damaged"       //
	RefuseDBNotKpit      RefusalCode = "db_not_kpit"      //
	RefuseDBClosed       RefusalCode = "db_closed"        //
	RefuseDBNamed        RefusalCode = "db_named"         // the path, the refusal
	RefuseDBOpen         RefusalCode = "db_open"          // the path, why it could not be opened
	RefuseDBDirReadOnly  RefusalCode = "db_dir_read_only" // the directory
)

var inputEnglish = map[RefusalCode]string{
	RefuseFlagWant:          "--%s %q: want %s",
	RefuseNotDate:           "%q is not a date (want YYYY-MM-DD)",
	RefuseYearRange:         "%q is out of range (years %d to %d)",
	RefuseNotDay:            "%q is not a calendar date (want YYYY-MM-DD, today or yesterday)",
	RefuseNotTime:           "%q is not a time (want now, YYYY-MM-DD, YYYY-MM-DDTHH:MM or RFC 3339)",
	RefuseNotRFC3339:        "%q is not an RFC 3339 time (e.g. 2026-11-20T09:00:00+09:00)",
	RefuseNotPeriod:         "period %q: want 2026-11, 2026-Q3, FY2026, FY2026-Q1, 2026-W47 or 2026-11-20",
	RefuseNoWeek:            "period %q: %d has no week %d",
	RefuseNotWhole:          "%q is not a whole number",
	RefuseNotMonth:          "%q is not a month number from 1 to 12",
	RefuseNotDays:           "%q is not a whole number of days from 0 to %d",
	RefuseOnOff:             "%q: want on or off",
	RefuseUnknownRep:        "unknown rep %q (known: %s)",
	RefuseUnknownRepCreate:  "unknown rep %q (known: %s; add --create-rep to create it)",
	RefuseUnknownKPI:        "unknown KPI %q (known: %s)",
	RefuseUnknownAddStatus:  "unknown status %q (want new, mql or sql)",
	RefuseUnknownImportKind: "unknown kind %q (want %s)",
	RefuseUnknownCurrency:   "unknown currency %q (known: %s)",
	RefuseRepNameRequired:   "required (the rep's name)",
	RefuseNewOppRequired:    "required for a new opportunity",
	RefuseDealIDRequired:    "required (the deal's id in your SFA or your own, e.g. --id D-1024), so a later call can update it",
	RefuseAmountNegative:    "%q: an amount cannot be negative",
	RefuseBothClose:         "--expected-close and --closed both give the close day; give one",
	RefuseClosedNotExpected: "a %s deal has a close day, not an expected one (use --closed)",
	RefusePeriodAndRange:    "--period cannot be combined with --from or --to; give one or the other",
	RefuseFromAfterTo:       "--from %s is after --to %s",
	RefuseUnexpectedArg:     "unexpected argument %q (every value goes with a flag; see 'kpit %s -h')",
	RefuseUnknownCommand:    "unknown command %q (run 'kpit help' for the list)",
	RefuseUnexpectedWord:    "unexpected argument %q (see 'kpit help')",
	RefuseDemoAndDB:         "--demo and --db cannot be used together (the demo never uses your file)",
	RefuseNoTerminal:        "the cockpit needs a terminal (stdin or stdout is not one); for scripts use 'kpit report', 'kpit tree' or 'kpit help'",
	RefuseFlagUndefined:     "flag provided but not defined: -%s (see 'kpit %s -h')",
	RefuseFlagNeedsValue:    "flag needs an argument: -%s (see 'kpit %s -h')",
	RefuseFlagValue:         "invalid value %q for flag -%s (see 'kpit %s -h')",
	RefuseFlagSyntax:        "bad flag syntax: %s (see 'kpit %s -h')",

	RefuseDBMissing:      "database %s does not exist (create one with 'kpit demo --db %s' or 'kpit import')",
	RefuseDBDirectory:    "database %s is a directory, not a file",
	RefuseFileMissing:    "%s: no such file or directory",
	RefuseFileNoAccess:   "%s: permission denied",
	RefuseFileReadOnlyFS: "%s: read-only file system",
	RefuseFileDirectory:  "%s: is a directory",
	RefuseFileDiskFull:   "%s: no space left on device",
	RefuseDBBusy:         "the database is busy with another kpit; try again",
	RefuseDBReadOnly:     "the database file is read-only",
	RefuseDBDamaged:      "the database file is damaged (kpit doctor says where; kpit restore BACKUP puts a backup in its place)",
	RefuseDBNotKpit:      "not a kpit database",
	RefuseDBClosed:       "the database is closed (kpit is stopping)",
	RefuseDBNamed:        "database %s: %v",
	RefuseDBOpen:         "open database %s: %v",
	RefuseDBDirReadOnly:  "its directory %s is read-only (SQLite makes the -wal and -shm files beside the database)",
}

// Refusal is a command's input refused by a rule: the code and the values
// it names. Error is the English.
type Refusal struct {
	Code RefusalCode
	Args []any
}

func (r *Refusal) Error() string { return r.Code.English(r.Args...) }

// Unwrap is the error among the values (RefuseDBNamed names the file and
// the refusal), so errors.Is still finds it.
func (r *Refusal) Unwrap() error {
	for _, a := range r.Args {
		if err, ok := a.(error); ok {
			return err
		}
	}
	return nil
}

// Refused is a refusal by the rule code, with the values the rule names.
func Refused(code RefusalCode, args ...any) *Refusal {
	return &Refusal{Code: code, Args: args}
}

// FlagError is a refused value of a command-line flag: the flag's name
// (without dashes) and why. Error is the English the commands print,
// "--kind: unknown kind ...".
type FlagError struct {
	Flag string
	Err  error
}

func (e *FlagError) Error() string { return "--" + e.Flag + ": " + e.Err.Error() }
func (e *FlagError) Unwrap() error { return e.Err }

// BadFlag is a refusal of flag's value by the rule code.
func BadFlag(flag string, code RefusalCode, args ...any) *FlagError {
	return &FlagError{Flag: flag, Err: Refused(code, args...)}
}

// Choices are the values a flag or a field takes, written in English as
// "a, b or c"; the catalogue joins them its own way in Japanese.
type Choices []string

func (c Choices) String() string {
	if len(c) < 2 {
		return strings.Join(c, "")
	}
	return strings.Join(c[:len(c)-1], ", ") + " or " + c[len(c)-1]
}

// Names are the known names (reps, KPIs) a refusal lists so a user can pick
// one, written in English as "a, b" or "none yet".
type Names []string

func (n Names) String() string {
	if len(n) == 0 {
		return "none yet"
	}
	return strings.Join(n, ", ")
}
