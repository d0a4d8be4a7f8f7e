package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/kpit-dev/kpit/model"
)

// Problems of a file or a row past one of the limits (model.Limits):
// Args are the *model.LimitError, and for a file the line (0: the file as
// a whole).
const (
	ProblemLimit Problem = "limit"
	// ProblemNotText: a file read as CSV that is not text (Args: what it is).
	ProblemNotText Problem = "not_text"
	// ProblemHeaderText: a header cell the model refuses as text (Args:
	// the line, the column 1-based, the *model.FieldError).
	ProblemHeaderText Problem = "header_text"
)

// limitErr is a FileError for a file past a limit, at line (0: the file as
// a whole).
func limitErr(path string, line int, le *model.LimitError) error {
	where := path
	if line > 0 {
		where = fmt.Sprintf("%s:%d", path, line)
	}
	return &FileError{Problem: ProblemLimit, File: path, Args: []any{le, line},
		Err: fmt.Errorf("%s: %w", where, le)}
}

// LimitOf is the limit refusal inside err, if any: a file's or a row's.
func LimitOf(err error) (*model.LimitError, bool) {
	var le *model.LimitError
	if errors.As(err, &le) {
		return le, true
	}
	var re *RowError
	if errors.As(err, &re) && re.Problem == ProblemLimit && len(re.Args) == 1 {
		le, ok := re.Args[0].(*model.LimitError)
		return le, ok
	}
	return nil, false
}

// recordGuard passes text to the CSV reader and stops it when one record
// (a row, quoted line breaks included) runs past maxBytes: encoding/csv
// reads a whole record into memory before it returns any of it, so a file
// of one endless line would otherwise be read whole. A quote toggles
// whether a line break ends the record, as RFC 4180 quoting does (a
// doubled quote toggles twice); a stray quote the CSV reader refuses.
type recordGuard struct {
	r        io.Reader
	maxBytes int
	inRecord int  // bytes of the record read so far
	quoted   bool // inside a quoted field
	line     int  // the line the record began on, 1-based
	lines    int  // line breaks seen
	err      error
}

func (g *recordGuard) Read(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	n, err := g.r.Read(p)
	for i := 0; i < n; i++ {
		switch p[i] {
		case '"':
			g.quoted = !g.quoted
		case '\n':
			g.lines++
			if !g.quoted {
				g.inRecord = 0
				g.line = g.lines + 1
				continue
			}
		}
		g.inRecord++
		if g.inRecord > g.maxBytes {
			g.err = &guardError{line: g.line, le: &model.LimitError{Key: model.LimitRowBytes, Limit: int64(g.maxBytes)}}
			// Hand over what came before the record, so the rows before it
			// are read; the reader meets the error at this record.
			return max(0, i-g.inRecord+1), nil
		}
	}
	return n, err
}

// guardError is a record past the row limit, at its first line.
type guardError struct {
	line int
	le   *model.LimitError
}

func (e *guardError) Error() string { return e.le.Error() }
func (e *guardError) Unwrap() error { return e.le }

// sniffNotText says what a file that is to be read as CSV holds when it is
// not text: an .xlsx under another name, UTF-16 text (Excel's "Unicode
// text"), or binary data (an image's or a PDF's magic number, a NUL byte
// in its first line, or NUL bytes throughout). "" when it looks like text:
// a stray NUL in a cell is refused with its line and column, as any
// control character is.
func sniffNotText(head []byte) string {
	firstLine, _, _ := bytes.Cut(head, []byte("\n"))
	for _, magic := range binaryMagic {
		if bytes.HasPrefix(head, []byte(magic)) {
			return "not text (an image, a PDF or another binary file)"
		}
	}
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return "a zip file (an Excel workbook? name it .xlsx to import it as one)"
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return "UTF-16 text (save it as CSV UTF-8, or import the .xlsx)"
	case bytes.IndexByte(firstLine, 0) >= 0 || bytes.Count(head, []byte{0}) >= binaryNULs:
		return "not text (it holds NUL bytes: an image, a PDF or another binary file?)"
	}
	return ""
}

// binaryMagic are the first bytes of files people mistake for exports:
// PNG, JPEG, GIF, PDF, gzip.
var binaryMagic = []string{"\x89PNG", "\xFF\xD8\xFF", "GIF8", "%PDF-", "\x1F\x8B"}

// binaryNULs is how many NUL bytes in a file's first 64 KB make it binary.
const binaryNULs = 8

// checkHeader refuses a header (at line) with more columns than
// lim.Columns, or a cell holding a control character: the header's names
// are printed in messages and on screens.
func checkHeader(path string, line int, header []string, lim model.Limits) error {
	if len(header) > lim.Columns {
		return limitErr(path, line, &model.LimitError{Key: model.LimitColumns, Got: int64(len(header)), Limit: int64(lim.Columns)})
	}
	for i, h := range header {
		if err := model.CheckText("header", h, 0); err != nil {
			var fe *model.FieldError
			errors.As(err, &fe)
			return fileErr(ProblemHeaderText, path, fmt.Errorf("%s:%d: column %d of the header: %s", path, line, i+1, fe.Msg), line, i+1, fe)
		}
	}
	return nil
}

// xlsxTagSlack is what a cell's text may run past CellBytes in the scan of
// a sheet: the run without '<' that holds the text also holds its tag.
const xlsxTagSlack = 1024

// checkWorkbook refuses, before the workbook library reads it, an .xlsx
// whose parts decompress to more than lim.XLSXBytes in all (as their zip
// headers declare them; archive/zip refuses a part that inflates past its
// declared size) and one whose sheets or shared strings hold a cell's text
// longer than lim.CellBytes. The library reads a cell's text whole, so a
// cell of 400 MB compressed into 400 KB would otherwise be read into
// memory; the scan here streams each part through a fixed buffer.
func checkWorkbook(path string, lim model.Limits) error {
	z, err := zip.OpenReader(path)
	if err != nil {
		return nil // not a zip: the library says so in its own words
	}
	defer z.Close()
	var total uint64
	for _, f := range z.File {
		total += f.UncompressedSize64
	}
	if total > uint64(lim.XLSXBytes) {
		return limitErr(path, 0, &model.LimitError{Key: model.LimitXLSXBytes, Got: int64(min(total, 1<<62)), Limit: lim.XLSXBytes})
	}
	buf := make([]byte, 64<<10)
	for _, f := range z.File {
		name := strings.ToLower(f.Name)
		if !strings.HasPrefix(name, "xl/worksheets/") && name != "xl/sharedstrings.xml" {
			continue
		}
		run, err := longestTextRun(f, buf, lim.CellBytes+xlsxTagSlack)
		if err != nil {
			return fileErr(ProblemNotWorkbook, path, fmt.Errorf("open %s: not a readable .xlsx workbook (%s: %v)", path, f.Name, err))
		}
		if run > lim.CellBytes+xlsxTagSlack {
			return limitErr(path, 0, &model.LimitError{Key: model.LimitCellBytes, Limit: int64(lim.CellBytes)})
		}
	}
	return nil
}

// longestTextRun is the longest run of bytes without '<' in the part, up
// to stop (it stops reading once a run passes stop): an XML text node
// holds no '<', so no cell's text is longer.
func longestTextRun(f *zip.File, buf []byte, stop int) (int, error) {
	rc, err := f.Open()
	if err != nil {
		return 0, err
	}
	defer rc.Close()
	longest, run := 0, 0
	for {
		n, err := rc.Read(buf)
		b := buf[:n]
		for len(b) > 0 {
			i := bytes.IndexByte(b, '<')
			if i < 0 {
				run += len(b)
				break
			}
			run += i
			longest = max(longest, run)
			run, b = 0, b[i+1:]
		}
		longest = max(longest, run)
		if longest > stop {
			return longest, nil
		}
		if err == io.EOF {
			return longest, nil
		}
		if err != nil {
			return longest, err
		}
	}
}
