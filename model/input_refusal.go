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
	RefuseNotYesNo          RefusalCode = "not_yes_no"          // the value
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
	RefuseFlagUndefined     RefusalCode = "flag_undefined"   // the flag (without dashes), the help command (kpit report -h)
	RefuseFlagNeedsValue    RefusalCode = "flag_needs_value" // the flag, the help command
	RefuseFlagValue         RefusalCode = "flag_value"       // the value, the flag, the help command
	RefuseFlagSyntax        RefusalCode = "flag_syntax"      // the argument, the help command
)

// Refusals of the commands' arguments and of their own flags.
const (
	RefuseAddWhat           RefusalCode = "add_what"            // the Choices
	RefuseUnknownRecordKind RefusalCode = "unknown_record_kind" // the word, the Choices
	RefuseLeadWhat          RefusalCode = "lead_what"
	RefuseUnknownLeadCmd    RefusalCode = "unknown_lead_cmd" // the word
	RefuseNotLeadID         RefusalCode = "not_lead_id"      // the word
	RefuseLeadStageRequired RefusalCode = "lead_stage_required"
	RefuseCustomerStage     RefusalCode = "customer_stage" // the stage
	RefuseOfLead            RefusalCode = "of_lead"        // the lead's number, the refusal
	RefuseConfigWhat        RefusalCode = "config_what"
	RefuseConfigVerb        RefusalCode = "config_verb" // the word
	RefuseDemoScale         RefusalCode = "demo_scale"  // the value, the most
	RefuseExportWhat        RefusalCode = "export_what"
	RefuseImportWhat        RefusalCode = "import_what"
	RefuseImportInterrupted RefusalCode = "import_interrupted"
	// An import moved in batches (store/import_pending.go) that could not
	// finish: its rows were cleared by another kpit (the kind), or another
	// kpit's migration changed the table's triggers (the kind).
	RefuseImportRowsCleared   RefusalCode = "import_rows_cleared"
	RefuseImportSchemaChanged RefusalCode = "import_schema_changed"
	RefuseMigrateImportMoving RefusalCode = "migrate_import_moving" // the file
	RefuseNoProfile           RefusalCode = "no_profile"            // the name, the saved Names
	RefuseProfileKind         RefusalCode = "profile_kind"          // the name, its kind, the kind given
	RefuseUnknownKPICmd       RefusalCode = "unknown_kpi_cmd"       // the word
	RefuseKPISetWhich         RefusalCode = "kpi_set_which"
	RefuseKPIHistoryWhich     RefusalCode = "kpi_history_which"
	RefuseReasonRequired      RefusalCode = "reason_required"
	RefuseOneLine             RefusalCode = "one_line"
	RefuseMainOrSupporting    RefusalCode = "main_or_supporting"
	RefuseNothingToChange     RefusalCode = "nothing_to_change"
	RefuseMigrateFrom         RefusalCode = "migrate_from"
	RefuseMigrateTo           RefusalCode = "migrate_to"
	RefuseSameDatabase        RefusalCode = "same_database"
	RefuseNeedsExport         RefusalCode = "needs_export" // the flag
	RefuseExportTakesID       RefusalCode = "export_takes_id"
	RefuseReviewNumber        RefusalCode = "review_number"  // the number
	RefuseNoSuchReview        RefusalCode = "no_such_review" // the number
	RefuseNoReviewYet         RefusalCode = "no_review_yet"
	RefuseNameEqualsN         RefusalCode = "name_equals_n" // the value
	RefuseBackupOut           RefusalCode = "backup_out"
	RefuseRestoreWhat         RefusalCode = "restore_what"
	RefuseServeIdle           RefusalCode = "serve_idle"   // the value
	RefuseServeListen         RefusalCode = "serve_listen" // the value
	RefuseUsersWhat           RefusalCode = "users_what"
	RefuseUsersVerb           RefusalCode = "users_verb" // the word
	RefuseUsersAddName        RefusalCode = "users_add_name"
	RefuseUsersRemoveName     RefusalCode = "users_remove_name"
	RefuseMoneyNotAmount      RefusalCode = "money_not_amount" // the value, the currency's noun
	RefuseMoneyFraction       RefusalCode = "money_fraction"   // the value, the currency's noun
	RefuseMoneyDecimals       RefusalCode = "money_decimals"   // the value, the decimals, the currency
	RefuseMoneyTooLarge       RefusalCode = "money_too_large"  // the value
	RefuseAmountHintJPY       RefusalCode = "amount_hint_jpy"
	RefuseAmountHint          RefusalCode = "amount_hint" // the symbol, the code, the decimals
	RefuseWithHint            RefusalCode = "with_hint"   // the refusal, the hint
)

// Refusals of a figure as people write it (ParseQuantity) and of kpit
// plan's --kgi and --set.
const (
	RefuseQuantity         RefusalCode = "quantity" // the value, why
	RefuseNoNumber         RefusalCode = "no_number"
	RefuseThousands        RefusalCode = "thousands"
	RefuseNotNumber        RefusalCode = "not_number"
	RefuseNotFinite        RefusalCode = "not_finite"
	RefuseQuantityTooLarge RefusalCode = "quantity_too_large" // the value
	RefuseUnknownPer       RefusalCode = "unknown_per"        // the word
	RefuseKGIRequired      RefusalCode = "kgi_required"
	RefuseKGI              RefusalCode = "kgi"              // why
	RefuseKGIPercent       RefusalCode = "kgi_percent"      // the value
	RefuseKGIPositive      RefusalCode = "kgi_positive"     // the value
	RefuseSetForm          RefusalCode = "set_form"         // the value
	RefuseSetUnknownNode   RefusalCode = "set_unknown_node" // the value, the node, the Names
	RefuseSetTwice         RefusalCode = "set_twice"        // the value, the node
	RefuseSetValue         RefusalCode = "set_value"        // the value, why
	RefuseSetUnder         RefusalCode = "set_under"        // the node, its parent
	RefuseNodeNoPer        RefusalCode = "node_no_per"      // the node, the period
	RefuseNodeNegative     RefusalCode = "node_negative"    // the node
	RefuseNodeOver100      RefusalCode = "node_over_100"    // the node
	RefuseNodeNotPercent   RefusalCode = "node_not_percent" // the node, its unit
)

// Refusals of kpit import's mapping, sheet, encoding and profile, and of
// a file with no column for a required field.
const (
	RefuseMapForm           RefusalCode = "map_form"           // the pair
	RefuseMapNoField        RefusalCode = "map_no_field"       // the field, the column, the kind (a Noun), the field, the kind's field Names
	RefuseMapNoColumn       RefusalCode = "map_no_column"      // the field, the column, the column, the header's Names
	RefuseImportNoColumn    RefusalCode = "import_no_column"   // the file, the field, the header's Names, the field
	RefuseSheetNotXLSX      RefusalCode = "sheet_not_xlsx"     // the sheet, the file
	RefuseNoSuchSheet       RefusalCode = "no_such_sheet"      // the sheet, the file, the sheets' Names
	RefuseNoSheets          RefusalCode = "no_sheets"          // the file
	RefuseSheetEmpty        RefusalCode = "sheet_empty"        // the file, the sheet
	RefuseUnknownEncoding   RefusalCode = "unknown_encoding"   // the encoding
	RefuseProfileUnreadable RefusalCode = "profile_unreadable" // the profile, why
	RefuseProfileNoField    RefusalCode = "profile_no_field"   // the profile, its kind (a Noun), the field
	RefuseProfileOf         RefusalCode = "profile_of"         // the profile, the refusal
)

// Refusals of the forecast's settings (kpit rules --forecast-thresholds,
// --forecast-weights) and of an imported win probability.
const (
	RefuseThresholdsList    RefusalCode = "thresholds_list"    // the value, why
	RefuseThresholdsOrder   RefusalCode = "thresholds_order"   // the value
	RefuseWeightsList       RefusalCode = "weights_list"       // the value, why
	RefuseListLength        RefusalCode = "list_length"        // the values given, the values wanted
	RefuseListNotNumber     RefusalCode = "list_not_number"    // the value
	RefuseListRange         RefusalCode = "list_range"         // the value, the most
	RefuseProbabilityNumber RefusalCode = "probability_number" // the value
	RefuseProbabilityRange  RefusalCode = "probability_range"  // the value
)

// Refusals of writing a command's output, of a copy between databases,
// of kpit serve's host key and of the cockpit ending on an error.
const (
	RefuseWriteJSON        RefusalCode = "write_json"         // why
	RefuseWriteFile        RefusalCode = "write_file"         // the path, why
	RefuseMigrateCopy      RefusalCode = "migrate_copy"       // from, to, why
	RefuseHostKeyForURL    RefusalCode = "host_key_for_url"   //
	RefuseHostKeyDirectory RefusalCode = "host_key_directory" // the path
	RefuseHostKeyOpen      RefusalCode = "host_key_open"      // the path, its mode, the path
	RefuseCockpitFailed    RefusalCode = "cockpit_failed"     // why
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
	RefuseDBBusyFor      RefusalCode = "db_busy_for"      // the wait that ran out, ErrBusy (unprinted)
	RefuseDBBusyImport   RefusalCode = "db_busy_import"   // the import's records (a Count), its process, since when (UTC), the wait, ErrBusy (unprinted)
	RefuseDBReadOnly     RefusalCode = "db_read_only"     //
	RefuseDBDamaged      RefusalCode = "db_damaged"       //
	RefuseDBNotKpit      RefusalCode = "db_not_kpit"      //
	RefuseDBClosed       RefusalCode = "db_closed"        //
	RefuseDBNamed        RefusalCode = "db_named"         // the path, the refusal
	RefuseDBOpen         RefusalCode = "db_open"          // the path, why it could not be opened
	RefuseDBDirReadOnly  RefusalCode = "db_dir_read_only" // the directory
	// A write the disk did not take (store.ErrNotWritten, named).
	RefuseDBNotWritten      RefusalCode = "db_not_written"       // SQLite's words
	RefuseDBNotWrittenLimit RefusalCode = "db_not_written_limit" // the file size limit (a Count of bytes)
	RefuseDBNotWrittenFull  RefusalCode = "db_not_written_full"  // the bytes free (a Count), the directory
)

var inputEnglish = map[RefusalCode]string{
	RefuseQuantity:            "%q: %v",
	RefuseNoNumber:            "no number",
	RefuseThousands:           "misplaced thousands separator",
	RefuseNotNumber:           "not a number",
	RefuseNotFinite:           "not a finite number",
	RefuseQuantityTooLarge:    "%q is too large (kpit takes figures up to 10^15, ¥1,000兆)",
	RefuseUnknownPer:          "unknown period %q (want year, quarter, month, week or day)",
	RefuseKGIRequired:         "--kgi is required: the KGI, e.g. --kgi 10億 (revenue per year)",
	RefuseKGI:                 "--kgi %v",
	RefuseKGIPercent:          "--kgi %q: the KGI is an amount of revenue, not a percentage",
	RefuseKGIPositive:         "--kgi %q: the KGI must be above zero",
	RefuseSetForm:             "--set %q: want NODE=VALUE, e.g. win_rate=30%%",
	RefuseSetUnknownNode:      "--set %q: unknown node %q (valid: %s)",
	RefuseSetTwice:            "--set %q: %s is set twice",
	RefuseSetValue:            "--set %q: %v",
	RefuseSetUnder:            "--set %s: %s is set too and stands in for the nodes under it; set one or the other",
	RefuseNodeNoPer:           "%s is a rate or an average, the same in any period: drop the /%s",
	RefuseNodeNegative:        "%s cannot be negative",
	RefuseNodeOver100:         "%s is a rate and cannot be above 100%% (write 30%% or 0.3)",
	RefuseNodeNotPercent:      "%s is a %s, not a percentage",
	RefuseAddWhat:             "say what to add: %s (e.g. kpit add activity --kind visit --rep 田中)",
	RefuseUnknownRecordKind:   "unknown record kind %q (want %s)",
	RefuseLeadWhat:            "say what to do: move (e.g. kpit lead move 42 --to opportunity)",
	RefuseUnknownLeadCmd:      "unknown lead command %q (want move)",
	RefuseNotLeadID:           "ID: %q is not a lead number (kpit's number, as kpit add lead prints it: kpit lead move 42 --to sql)",
	RefuseLeadStageRequired:   "required (lead, mql, sql, opportunity or won)",
	RefuseCustomerStage:       "%s is a customer's stage; a lead moves to lead, mql, sql, opportunity or won",
	RefuseOfLead:              "lead %d: %v",
	RefuseConfigWhat:          "want one of path, show or keys (see 'kpit config -h')",
	RefuseConfigVerb:          "%q: want path, show or keys",
	RefuseDemoScale:           "--scale %q: want a whole number of opportunities from 1 to %d",
	RefuseExportWhat:          "want one KIND, e.g. kpit export opportunities --format csv (see 'kpit export -h')",
	RefuseImportWhat:          "want KIND FILE, e.g. kpit import opportunities deals.csv (see 'kpit import -h')",
	RefuseImportInterrupted:   "interrupted; nothing was written",
	RefuseImportRowsCleared:   "write %s: the rows moved so far were removed by another kpit; nothing was written, run the import again",
	RefuseImportSchemaChanged: "write %s: the table's triggers changed during the import; nothing was written, run it again",
	RefuseMigrateImportMoving: "%s: an import is still moving its rows into it; run kpit migrate again when it ends",
	RefuseNoProfile:           "--profile %s: no such profile (saved: %s)",
	RefuseProfileKind:         "--profile %s is for %s, not %s",
	RefuseUnknownKPICmd:       "unknown subcommand %q (list, set or history)",
	RefuseKPISetWhich:         "name one KPI: kpit kpi set KEY --target V --reason TEXT (see 'kpit kpi list')",
	RefuseKPIHistoryWhich:     "name one KPI: kpit kpi history KEY (see 'kpit kpi list')",
	RefuseReasonRequired:      "--reason is required: say why the goal changes (--reason TEXT)",
	RefuseOneLine:             "one line only",
	RefuseMainOrSupporting:    "--main and --supporting: give one of them",
	RefuseNothingToChange:     "nothing to change: give --target, --deadline, --definition, --formula, --main or --supporting",
	RefuseMigrateFrom:         "required (the database to copy from, e.g. --from kpit.db)",
	RefuseMigrateTo:           "required (the database to copy into, e.g. --to postgres://kpit@db.example/team)",
	RefuseSameDatabase:        "--from and --to name the same database",
	RefuseNeedsExport:         "--%s needs --export md|json",
	RefuseExportTakesID:       "--export writes a saved review: it takes --id, not --demo or --period",
	RefuseReviewNumber:        "--id %d: want a review number from 1",
	RefuseNoSuchReview:        "--id %d: no such review (see the review tab's past reviews, H)",
	RefuseNoReviewYet:         "no review has been saved yet (hold one with 'kpit review' and answer y when q asks)",
	RefuseNameEqualsN:         "%q: want NAME=N",
	RefuseBackupOut:           "required (the backup FILE to write, e.g. --out kpit-2026-11-30.db)",
	RefuseRestoreWhat:         "want the backup FILE, e.g. kpit restore kpit-2026-11-30.db",
	RefuseServeIdle:           "--idle %s: want a duration of 0 or more, e.g. 30m",
	RefuseServeListen:         "--listen %q: want host:port, e.g. 127.0.0.1:23234 or :23234",
	RefuseUsersWhat:           "want add, list or remove (see 'kpit users -h')",
	RefuseUsersVerb:           "unknown %q: want add, list or remove (see 'kpit users -h')",
	RefuseUsersAddName:        "want one NAME, e.g. kpit users add sato --key \"ssh-ed25519 AAAA...\" --role rep --rep 佐藤",
	RefuseUsersRemoveName:     "want one NAME, e.g. kpit users remove sato",
	RefuseMoneyNotAmount:      "%q is not an amount of %s",
	RefuseMoneyFraction:       "%q has a fraction of a %s",
	RefuseMoneyDecimals:       "%q has more than %d decimals for %s",
	RefuseMoneyTooLarge:       "%q is too large",
	RefuseAmountHintJPY:       "write 1200000, 12,000,000円, 120万 or 1.2億",
	RefuseAmountHint:          "write 1234.56 or %s1,234.56: %s has %d decimals",
	RefuseWithHint:            "%v (%v)",

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
	RefuseNotYesNo:          "%q is not yes or no",
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
	RefuseFlagUndefined:     "flag provided but not defined: -%s (see '%s')",
	RefuseFlagNeedsValue:    "flag needs an argument: -%s (see '%s')",
	RefuseFlagValue:         "invalid value %q for flag -%s (see '%s')",
	RefuseFlagSyntax:        "bad flag syntax: %s (see '%s')",

	RefuseMapForm:           "--map %q: want FIELD=COLUMN",
	RefuseMapNoField:        "--map %s=%s: %s have no field %q (fields: %s)",
	RefuseMapNoColumn:       "--map %s=%s: the file has no column %q (columns: %s)",
	RefuseImportNoColumn:    "%s: no column for the required field %s (columns: %s; use --map %s=COLUMN)",
	RefuseSheetNotXLSX:      "--sheet %s: %s is not an .xlsx file",
	RefuseNoSuchSheet:       "--sheet %s: %s has no such sheet (sheets: %s)",
	RefuseNoSheets:          "%s: the workbook has no sheets",
	RefuseSheetEmpty:        "%s: sheet %s is empty (want a header row)",
	RefuseUnknownEncoding:   "--encoding %s: unknown encoding (want auto, utf-8 or cp932)",
	RefuseProfileUnreadable: "profile %s: unreadable (%v); save it again with --save-profile",
	RefuseProfileNoField:    "profile %s: %s have no field %q",
	RefuseProfileOf:         "profile %s: %v",

	RefuseThresholdsList:    "forecast thresholds %q: %v (want three percentages, commit first, e.g. 80,50,20)",
	RefuseThresholdsOrder:   "forecast thresholds %q: each must be lower than the one before (e.g. 80,50,20)",
	RefuseWeightsList:       "forecast weights %q: %v (want four weights from 0 to 1 for commit, best case, pipeline, omitted, e.g. 0.9,0.5,0.2,0)",
	RefuseListLength:        "%d values, not %d",
	RefuseListNotNumber:     "%q is not a number",
	RefuseListRange:         "%s is not between 0 and %s",
	RefuseProbabilityNumber: "probability %q is not a number (want e.g. 80, 80%% or 0.8)",
	RefuseProbabilityRange:  "probability %q is not between 0 and 100%%",

	RefuseWriteJSON:        "write json: %v",
	RefuseWriteFile:        "write %s: %v",
	RefuseMigrateCopy:      "%s → %s: %v",
	RefuseHostKeyForURL:    "--host-key: give the host key's PATH when --db is a postgres:// URL",
	RefuseHostKeyDirectory: "--host-key %s is a directory, not a key file",
	RefuseHostKeyOpen:      "--host-key %s can be read by others (mode %s): chmod 600 %s",
	RefuseCockpitFailed:    "cockpit: %v",

	RefuseDBMissing:      "database %s does not exist (create one with 'kpit demo --db %s' or 'kpit import')",
	RefuseDBDirectory:    "database %s is a directory, not a file",
	RefuseFileMissing:    "%s: no such file or directory",
	RefuseFileNoAccess:   "%s: permission denied",
	RefuseFileReadOnlyFS: "%s: read-only file system",
	RefuseFileDirectory:  "%s: is a directory",
	RefuseFileDiskFull:   "%s: no space left on device",
	RefuseDBBusy:         "the database is busy with another kpit; try again",
	RefuseDBBusyFor:      "the database was busy with another kpit for longer than the wait of %[1]s; try again, or raise busy_wait in the config file",
	RefuseDBBusyImport:   "the database is busy: an import of %[1]v (process %[2]d, since %[3]s UTC) held it for longer than the wait of %[4]s; try again when it ends, or raise busy_wait in the config file",
	RefuseDBReadOnly:     "the database file is read-only",
	RefuseDBDamaged:      "the database file is damaged (kpit doctor says where; kpit restore BACKUP puts a backup in its place)",
	RefuseDBNotKpit:      "not a kpit database",
	RefuseDBClosed:       "the database is closed (kpit is stopping)",
	RefuseDBNamed:        "database %s: %v",
	RefuseDBOpen:         "open database %s: %v",
	RefuseDBDirReadOnly:  "its directory %s is read-only (SQLite makes the -wal and -shm files beside the database)",

	RefuseDBNotWritten:      "could not be written: a write failed (%s); nothing was saved",
	RefuseDBNotWrittenLimit: "could not be written: a file size limit of %v (ulimit -f) stops it or its -wal file growing; nothing was saved",
	RefuseDBNotWrittenFull:  "could not be written: the disk is full (%v free in %s); nothing was saved",
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

// Noun is an English word a refusal names that the catalogue has a word
// for in Japanese (the currency "yen"); one it has none for shows as it is.
type Noun string

// Names are the known names (reps, KPIs) a refusal lists so a user can pick
// one, written in English as "a, b" or "none yet".
type Names []string

func (n Names) String() string {
	if len(n) == 0 {
		return "none yet"
	}
	return strings.Join(n, ", ")
}
