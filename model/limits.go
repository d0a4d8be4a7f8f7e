package model

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits bound what one input may hold, so that no file or field, whatever
// it claims, can make kpit hold gigabytes in memory or write them into the
// database. This is the one table of them: the importer, kpit add, the
// entry form and the store read their bounds from it, and a refusal names
// the limit and its key under [limits] in the config file
// (docs/input-limits.md lists them).
type Limits struct {
	TextChars int   // characters in one text field: an id, a name, an account, a note
	CellBytes int   // bytes in one cell of an imported file, as read
	RowBytes  int   // bytes in one row (record) of an imported CSV or TSV file
	Rows      int   // rows (records) in one imported file, the header not counted
	Columns   int   // columns in the header of an imported file
	XLSXBytes int64 // the size of an .xlsx workbook once decompressed, all its parts
}

// Config keys of the limits, under [limits] in the config file.
const (
	LimitTextChars = "text_chars"
	LimitCellBytes = "cell_bytes"
	LimitRowBytes  = "row_bytes"
	LimitRows      = "rows"
	LimitColumns   = "columns"
	LimitXLSXBytes = "xlsx_bytes"
)

// DefaultLimits are the bounds before a user raises one. Each is far above
// what a sales record or an SFA export holds (Excel itself keeps a cell to
// 32,767 characters and a sheet to 16,384 columns), and low enough that a
// file at every limit at once still reads in a few hundred MB.
func DefaultLimits() Limits {
	return Limits{
		TextChars: 10_000,
		CellBytes: 64 << 10,
		RowBytes:  1 << 20,
		Rows:      10_000_000,
		Columns:   1_000,
		XLSXBytes: 1 << 30,
	}
}

// Or is l with every unset (zero or negative) bound taken from def.
func (l Limits) Or(def Limits) Limits {
	for _, key := range LimitKeys() {
		if l.Value(key) <= 0 {
			l.Set(key, def.Value(key))
		}
	}
	return l
}

// Value is the limit named by its config key; 0 for an unknown key.
func (l Limits) Value(key string) int64 {
	switch key {
	case LimitTextChars:
		return int64(l.TextChars)
	case LimitCellBytes:
		return int64(l.CellBytes)
	case LimitRowBytes:
		return int64(l.RowBytes)
	case LimitRows:
		return int64(l.Rows)
	case LimitColumns:
		return int64(l.Columns)
	case LimitXLSXBytes:
		return l.XLSXBytes
	}
	return 0
}

// Set sets the limit named by its config key; ok is false for an unknown key.
func (l *Limits) Set(key string, n int64) (ok bool) {
	switch key {
	case LimitTextChars:
		l.TextChars = int(n)
	case LimitCellBytes:
		l.CellBytes = int(n)
	case LimitRowBytes:
		l.RowBytes = int(n)
	case LimitRows:
		l.Rows = int(n)
	case LimitColumns:
		l.Columns = int(n)
	case LimitXLSXBytes:
		l.XLSXBytes = n
	default:
		return false
	}
	return true
}

// LimitKeys lists the config keys of the limits in the table's order.
func LimitKeys() []string {
	return []string{LimitTextChars, LimitCellBytes, LimitRowBytes, LimitRows, LimitColumns, LimitXLSXBytes}
}

// LimitError is an input past one of the limits: what was measured, how
// much, and the limit with its config key, so the line a user reads says
// how to raise it.
type LimitError struct {
	Key   string // the limit's config key (LimitTextChars, ...)
	Got   int64  // what the input has; 0 when reading stopped at the limit
	Limit int64
}

func (e *LimitError) Error() string {
	if e.Got > 0 {
		return fmt.Sprintf("%s %s is more than the limit of %s (raise %s under [limits] in the config file)",
			GroupThousands(e.Got), e.Unit(), GroupThousands(e.Limit), e.Key)
	}
	return fmt.Sprintf("more than the limit of %s %s (raise %s under [limits] in the config file)",
		GroupThousands(e.Limit), e.Unit(), e.Key)
}

// Unit is what the limit counts: characters, rows, columns or bytes.
func (e *LimitError) Unit() string {
	switch e.Key {
	case LimitTextChars:
		return "characters"
	case LimitRows:
		return "rows"
	case LimitColumns:
		return "columns"
	}
	return "bytes"
}

// invisible reports whether r shows nothing on its own: a space of any
// width (NBSP and the ideographic space included) or a format character
// (zero-width space and joiners, the byte-order mark, soft hyphen,
// direction marks).
func invisible(r rune) bool {
	return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r)
}

// TrimText is s without invisible characters at either end: a value of
// only such characters (a zero-width space, a BOM, an NBSP) is empty, as
// it looks.
func TrimText(s string) string {
	return strings.TrimFunc(s, invisible)
}

// Blank reports whether s shows nothing: empty or only invisible characters.
func Blank(s string) bool { return TrimText(s) == "" }

// CheckText refuses a text field's value that holds a control character
// (NUL, escape, DEL, the C1 controls) or more than maxChars characters
// (maxChars 0: any length; the length is the door's to bound, from its
// Limits). Tabs and line breaks are text: Excel's Alt+Enter writes a line
// break into a cell, an account's or a note's alike, and an export quotes
// them.
func CheckText(field, s string, maxChars int) error {
	if err := checkControl(field, s); err != nil {
		return err
	}
	return checkLength(field, s, maxChars)
}

// checkControl is CheckText's first half: no control character.
func checkControl(field, s string) error {
	for i, r := range s {
		if !unicode.IsControl(r) || r == '\t' || r == '\n' || r == '\r' {
			continue
		}
		return Refuse(field, RefuseControlChar, fmt.Sprintf("U+%04X", r), utf8.RuneCountInString(s[:i])+1)
	}
	return nil
}

// checkLength is CheckText's second half: at most maxChars characters
// (0: any number).
func checkLength(field, s string, maxChars int) error {
	if n := utf8.RuneCountInString(s); maxChars > 0 && n > maxChars {
		return Refuse(field, RefuseTooLong, Count{N: int64(n), Noun: CountCharacter}, Count{N: int64(maxChars), Noun: CountNumber}, LimitTextChars)
	}
	return nil
}

// checkTexts refuses a control character in a record's text fields, in
// order (the Check functions, every door's).
func checkTexts(fields ...string) error {
	for i := 0; i+1 < len(fields); i += 2 {
		if err := checkControl(fields[i], fields[i+1]); err != nil {
			return err
		}
	}
	return nil
}

// checkLengths refuses a record's text field past maxChars characters, in
// order: the Validate functions', after the Check function they begin
// with has refused control characters, so each field is read once for
// each rule.
func checkLengths(maxChars int, fields ...string) error {
	for i := 0; i+1 < len(fields); i += 2 {
		if err := checkLength(fields[i], fields[i+1], maxChars); err != nil {
			return err
		}
	}
	return nil
}
