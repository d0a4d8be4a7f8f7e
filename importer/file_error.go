package importer

import (
	"errors"
	"io/fs"

	"github.com/kpit-dev/kpit/model"
)

// FileError is an error about the file as a whole (it cannot be opened,
// its quoting is broken, it has no header), in parts so a screen can word
// it in its own language; Error is the CLI's English line, unchanged.
type FileError struct {
	Problem Problem
	File    string
	Args    []any // ProblemQuote: the record's first line, the line; ProblemBareQuote: those and the column
	Err     error // the English error
}

func (e *FileError) Error() string { return e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }

// File-level problems.
const (
	ProblemNoFile      Problem = "no_file"      // the file does not exist
	ProblemNoAccess    Problem = "no_access"    // the file cannot be read (permissions)
	ProblemUnreadable  Problem = "unreadable"   // another reading error
	ProblemQuote       Problem = "quote"        // csv.ErrQuote: a quoted field not closed, or text after its closing quote
	ProblemBareQuote   Problem = "bare_quote"   // csv.ErrBareQuote: a quote inside a field that is not quoted
	ProblemNotWorkbook Problem = "not_workbook" // not a readable .xlsx workbook
	ProblemEmptyFile   Problem = "empty_file"   // no header line
	ProblemHeaderUTF8  Problem = "header_utf8"  // the header is not UTF-8
	ProblemRepNotSaved Problem = "rep_not_made" // a rep named in a row cannot be created (RowError; Value is the name)
)

// fileErr marks err as a file-level problem of path.
func fileErr(p Problem, path string, err error, args ...any) error {
	return &FileError{Problem: p, File: path, Args: args, Err: err}
}

// openProblem says why a file could not be opened.
func openProblem(err error) Problem {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return ProblemNoFile
	case errors.Is(err, fs.ErrPermission):
		return ProblemNoAccess
	}
	return ProblemUnreadable
}

// FoldStage is a stage value as won/lost lists are matched (model.StageKey):
// "Closed  Won", "ｃｌｏｓｅｄ won", "Closed-Won" and "closed_won" are one.
func FoldStage(s string) string { return model.StageKey(s) }
