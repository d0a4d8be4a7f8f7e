package importer

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/transform"

	"github.com/kpit-dev/kpit/model"
)

// Encodings a text file may be read in.
const (
	EncodingAuto    = "auto"
	EncodingUTF8    = "utf-8"
	EncodingUTF8BOM = "utf-8-bom" // detected only; read as utf-8
	EncodingCP932   = "cp932"
	EncodingXLSX    = "xlsx" // not text: an Excel workbook
)

// OpenOptions say how to read a file; zero values mean detect.
type OpenOptions struct {
	Encoding string // auto (or ""), utf-8 or cp932
	Sheet    string // xlsx only; "" is the first sheet
	// Limits bound the file's cells, rows, columns and decompressed size;
	// a zero bound is model.DefaultLimits'.
	Limits model.Limits
}

// Info is what was detected about a file, shown to the user before import.
type Info struct {
	Encoding  string // utf-8, utf-8-bom, cp932 or xlsx
	Delimiter rune   // ',', '\t' or ';'; 0 for xlsx
	Sheet     string // xlsx only
	Sheets    []string
}

// DelimiterName names a delimiter for people: "comma", "tab", "semicolon".
func (i Info) DelimiterName() string {
	switch i.Delimiter {
	case ',':
		return "comma"
	case '\t':
		return "tab"
	case ';':
		return "semicolon"
	}
	return ""
}

// Row is one record of a file: the physical line (CSV) or row number (xlsx)
// where it starts, 1-based with the header on line 1, and its cells, one per
// header column.
type Row struct {
	Line  int
	Cells []string
}

// Source streams the records of one file. Next returns io.EOF at the end.
// A *RowError from Next concerns that row only (the next call goes on);
// any other error ends the file.
type Source interface {
	Header() []string
	Info() Info
	Next() (Row, error)
	// Progress is the fraction of the file read so far, 0 to 1.
	Progress() float64
	Close() error
}

// RowError is an invalid row: FILE:LINE: column COLUMN: what is wrong.
//
// Problem, Field, Value and Args say the same in parts, so a screen can
// word it in Japanese; Code and Args are a model refusal's (ProblemModel).
type RowError struct {
	File   string
	Line   int
	Column string
	Msg    string

	Problem Problem
	Field   string // kpit's field name, when the error is about one
	Value   string // the cell as written
	Args    []any
	Code    model.RefusalCode // the model's refusal (ProblemModel), with Args its values
}

func (e *RowError) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d: column %s: %s", e.File, e.Line, e.Column, e.Msg)
}

// Open opens a .csv, .tsv, .txt or .xlsx file and reads its header. A
// file not named .xlsx is read as CSV or TSV text whatever its name (a
// .txt export is often tab-separated), and refused when it is not text.
func Open(path string, opt OpenOptions) (Source, error) {
	lim := opt.Limits.Or(model.DefaultLimits())
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		return openXLSX(path, opt.Sheet, lim)
	}
	if opt.Sheet != "" {
		return nil, model.Refused(model.RefuseSheetNotXLSX, opt.Sheet, path)
	}
	return openCSV(path, opt.Encoding, lim)
}

// sniffSize is how much of a text file is looked at to detect its encoding.
const sniffSize = 64 << 10

type csvSource struct {
	name   string
	lim    model.Limits
	guard  *recordGuard
	rows   int // records read after the header
	closer io.Closer
	size   int64
	read   *countingReader
	r      *csv.Reader
	header []string
	info   Info
	utf8   bool
	row    []string
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func openCSV(path, encoding string, lim model.Limits) (*csvSource, error) {
	f, err := os.Open(path)
	if err != nil {
		// os.Open's own error ("open PATH: no such file or directory"), whose
		// path and cause catalog.ErrorLine words in the user's language.
		return nil, fileErr(openProblem(err), path, err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s, err := newCSVSource(path, f, st.Size(), encoding, lim)
	if err != nil {
		f.Close()
		return nil, err
	}
	s.closer = f
	return s, nil
}

// newCSVSource detects the encoding and delimiter of r (size bytes long)
// and reads its header line.
func newCSVSource(name string, r io.Reader, size int64, encoding string, lim model.Limits) (*csvSource, error) {
	s := &csvSource{name: name, size: size, read: &countingReader{r: r}, lim: lim}
	br := bufio.NewReaderSize(s.read, sniffSize)
	head, _ := br.Peek(sniffSize)
	if what := sniffNotText(head); what != "" {
		return nil, fileErr(ProblemNotText, name, fmt.Errorf("%s: %s", name, what), what)
	}
	enc, err := detectEncoding(head, encoding)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	s.info.Encoding = enc
	var text io.Reader = br
	switch enc {
	case EncodingUTF8BOM:
		br.Discard(3)
		s.utf8 = true
	case EncodingUTF8:
		s.utf8 = true
	case EncodingCP932:
		text = transform.NewReader(br, japanese.ShiftJIS.NewDecoder())
	}
	s.guard = &recordGuard{r: text, maxBytes: lim.RowBytes, line: 1}
	tb := bufio.NewReaderSize(s.guard, sniffSize)
	sample, _ := tb.Peek(sniffSize)
	s.info.Delimiter = detectDelimiter(sample, name)
	s.r = csv.NewReader(tb)
	s.r.Comma = s.info.Delimiter
	s.r.ReuseRecord = true
	header, err := s.r.Read()
	if err == io.EOF {
		return nil, fileErr(ProblemEmptyFile, name, fmt.Errorf("%s: the file is empty (want a header line)", name))
	}
	if err != nil {
		return nil, s.readError(err)
	}
	if err := checkHeader(name, 1, header, lim); err != nil {
		return nil, err
	}
	s.header = make([]string, len(header))
	for i, h := range header {
		s.header[i] = model.TrimText(h)
		if s.utf8 && !utf8.ValidString(h) {
			return nil, fileErr(ProblemHeaderUTF8, name, fmt.Errorf("%s:1: the header is not valid UTF-8 (try --encoding cp932)", name))
		}
	}
	return s, nil
}

// detectEncoding picks utf-8-bom, utf-8 or cp932 from the first bytes.
func detectEncoding(head []byte, want string) (string, error) {
	bom := bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	switch strings.ToLower(want) {
	case "", EncodingAuto:
	case EncodingUTF8, "utf8":
		if bom {
			return EncodingUTF8BOM, nil
		}
		return EncodingUTF8, nil
	case EncodingCP932, "shift_jis", "sjis", "shift-jis", "windows-31j":
		return EncodingCP932, nil
	default:
		return "", model.Refused(model.RefuseUnknownEncoding, want)
	}
	if bom {
		return EncodingUTF8BOM, nil
	}
	// The sample may end inside a multi-byte character.
	valid := head
	for i := 0; i < utf8.UTFMax && len(valid) > 0 && !utf8.Valid(valid); i++ {
		valid = valid[:len(valid)-1]
	}
	if utf8.Valid(valid) {
		return EncodingUTF8, nil
	}
	return EncodingCP932, nil
}

// detectDelimiter counts commas, tabs and semicolons outside quotes on the
// first line; the most frequent wins, comma on a tie or none (tab for .tsv).
func detectDelimiter(sample []byte, path string) rune {
	counts := map[rune]int{}
	inQuote := false
	for _, c := range string(sample) {
		if c == '"' {
			inQuote = !inQuote
			continue
		}
		if inQuote {
			continue
		}
		if c == '\n' || c == '\r' {
			break
		}
		if c == ',' || c == '\t' || c == ';' {
			counts[c]++
		}
	}
	best := ','
	if strings.EqualFold(filepath.Ext(path), ".tsv") {
		best = '\t'
	}
	for _, c := range []rune{',', '\t', ';'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return best
}

func csvError(path string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		e := fmt.Errorf("%s:%d: %v", path, pe.StartLine, describeCSV(pe))
		switch {
		case errors.Is(pe.Err, csv.ErrQuote):
			return fileErr(ProblemQuote, path, e, pe.StartLine, pe.Line)
		case errors.Is(pe.Err, csv.ErrBareQuote):
			return fileErr(ProblemBareQuote, path, e, pe.StartLine, pe.Line, pe.Column)
		}
		return e
	}
	return fileErr(ProblemUnreadable, path, fmt.Errorf("read %s: %w", path, err))
}

func describeCSV(pe *csv.ParseError) string {
	switch {
	case errors.Is(pe.Err, csv.ErrQuote):
		return fmt.Sprintf("a quoted field is not closed, or has text after its closing quote (\"), on line %d (a quote inside a quoted field must be doubled)", pe.Line)
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return fmt.Sprintf("a stray quote (\") in a field that is not quoted, on line %d, column %d (quote the field and double the quote)", pe.Line, pe.Column)
	}
	return pe.Err.Error()
}

// readError is the CSV reader's error as the user reads it: a record past
// the row limit, else csvError's.
func (s *csvSource) readError(err error) error {
	var ge *guardError
	if errors.As(err, &ge) {
		return limitErr(s.name, ge.line, ge.le)
	}
	return csvError(s.name, err)
}

// cellsOverLimit refuses a row with a cell longer than lim.CellBytes,
// naming the first such column.
func cellsOverLimit(file string, line int, header, cells []string, lim model.Limits) *RowError {
	for i, c := range cells {
		if len(c) <= lim.CellBytes {
			continue
		}
		le := &model.LimitError{Key: model.LimitCellBytes, Got: int64(len(c)), Limit: int64(lim.CellBytes)}
		col := strconv.Itoa(i + 1)
		if i < len(header) {
			col = header[i]
		}
		return &RowError{File: file, Line: line, Column: col, Msg: le.Error(), Problem: ProblemLimit, Args: []any{le}}
	}
	return nil
}

func (s *csvSource) Header() []string { return s.header }
func (s *csvSource) Info() Info       { return s.info }

func (s *csvSource) Close() error {
	if s.closer == nil {
		return nil
	}
	return s.closer.Close()
}

func (s *csvSource) Progress() float64 {
	if s.size == 0 {
		return 1
	}
	return float64(s.read.n) / float64(s.size)
}

func (s *csvSource) Next() (Row, error) {
	rec, err := s.r.Read()
	if err == io.EOF {
		return Row{}, io.EOF
	}
	// Every record counts, a refused one too: a file of endless bad rows
	// read with --skip-invalid ends at the limit as well.
	if s.rows++; s.rows > s.lim.Rows {
		line := 0 // the file as a whole when the record itself is bad
		if err == nil {
			line, _ = s.r.FieldPos(0)
		}
		return Row{}, limitErr(s.name, line, &model.LimitError{Key: model.LimitRows, Limit: int64(s.lim.Rows)})
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrFieldCount) {
		// Name the first column the row lacks, or the first one too many.
		re := &RowError{File: s.name, Line: pe.StartLine}
		if len(rec) < len(s.header) {
			re.Column, re.Msg = s.header[len(rec)], fmt.Sprintf("missing: the row has %d fields, the header has %d", len(rec), len(s.header))
			re.Problem, re.Args = ProblemMissingCells, []any{len(rec), len(s.header)}
		} else {
			re.Column, re.Msg = strconv.Itoa(len(s.header)+1), fmt.Sprintf("one too many: the row has %d fields, the header has %d", len(rec), len(s.header))
			re.Problem, re.Args = ProblemExtraCells, []any{len(rec), len(s.header)}
		}
		return Row{Line: pe.StartLine}, re
	}
	if err != nil {
		// A quoting error leaves the reader unsure where rows begin: stop.
		return Row{}, s.readError(err)
	}
	line, _ := s.r.FieldPos(0)
	if re := cellsOverLimit(s.name, line, s.header, rec, s.lim); re != nil {
		return Row{Line: line}, re
	}
	if s.utf8 {
		for i, c := range rec {
			if !utf8.ValidString(c) {
				return Row{Line: line}, &RowError{File: s.name, Line: line, Column: s.header[i],
					Msg: "not valid UTF-8 text (try --encoding cp932)", Problem: ProblemNotUTF8}
			}
		}
	}
	return Row{Line: line, Cells: rec}, nil
}

type xlsxSource struct {
	name   string
	lim    model.Limits
	rowsIn int // rows read after the header
	f      *excelize.File
	rows   *excelize.Rows
	header []string
	info   Info
	line   int
	total  int
	cells  []string
}

func openXLSX(path, sheet string, lim model.Limits) (*xlsxSource, error) {
	if err := checkWorkbook(path, lim); err != nil {
		return nil, err
	}
	// The library's own bound on what it unzips, as a second guard; parts
	// above UnzipXMLSizeLimit (its default, 16 MB) it reads from a
	// temporary file instead of memory.
	f, err := excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: lim.XLSXBytes,
		UnzipXMLSizeLimit: min(lim.XLSXBytes, excelize.StreamChunkSize)})
	if err != nil {
		p := openProblem(err)
		if p == ProblemUnreadable {
			p = ProblemNotWorkbook
		}
		return nil, fileErr(p, path, fmt.Errorf("open %s: not a readable .xlsx workbook (%v)", path, firstLine(err)))
	}
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		f.Close()
		return nil, model.Refused(model.RefuseNoSheets, path)
	}
	if sheet == "" {
		sheet = sheets[0]
	} else if idx, _ := f.GetSheetIndex(sheet); idx < 0 {
		f.Close()
		return nil, model.Refused(model.RefuseNoSuchSheet, sheet, path, model.Names(sheets))
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("read %s sheet %s: %v", path, sheet, firstLine(err))
	}
	s := &xlsxSource{name: path, lim: lim, f: f, rows: rows, info: Info{Encoding: EncodingXLSX, Sheet: sheet, Sheets: sheets}}
	if dim, err := f.GetSheetDimension(sheet); err == nil {
		if _, last, ok := strings.Cut(dim, ":"); ok {
			if _, r, err := excelize.CellNameToCoordinates(last); err == nil {
				s.total = r
			}
		}
	}
	for rows.Next() {
		s.line++
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			s.Close()
			return nil, fmt.Errorf("read %s sheet %s row %d: %v", path, sheet, s.line, firstLine(err))
		}
		if blank(cells) {
			continue
		}
		if err := checkHeader(path, s.line, cells, lim); err != nil {
			s.Close()
			return nil, err
		}
		for _, c := range cells {
			s.header = append(s.header, model.TrimText(c))
		}
		return s, nil
	}
	s.Close()
	return nil, model.Refused(model.RefuseSheetEmpty, path, sheet)
}

func (s *xlsxSource) Header() []string { return s.header }
func (s *xlsxSource) Info() Info       { return s.info }

func (s *xlsxSource) Close() error {
	s.rows.Close()
	return s.f.Close()
}

func (s *xlsxSource) Progress() float64 {
	if s.total <= 0 {
		return 0
	}
	return min(1, float64(s.line)/float64(s.total))
}

func (s *xlsxSource) Next() (Row, error) {
	for s.rows.Next() {
		s.line++
		cells, err := s.rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return Row{}, fmt.Errorf("read %s sheet %s row %d: %v", s.name, s.info.Sheet, s.line, firstLine(err))
		}
		if blank(cells) {
			continue
		}
		if s.rowsIn++; s.rowsIn > s.lim.Rows {
			return Row{}, limitErr(s.name, s.line, &model.LimitError{Key: model.LimitRows, Limit: int64(s.lim.Rows)})
		}
		if re := cellsOverLimit(s.name, s.line, s.header, cells, s.lim); re != nil {
			return Row{Line: s.line}, re
		}
		for i := len(s.header); i < len(cells); i++ {
			if !model.Blank(cells[i]) {
				col, _ := excelize.ColumnNumberToName(i + 1)
				return Row{Line: s.line}, &RowError{File: s.name, Line: s.line, Column: col,
					Msg: "a value to the right of the last header column", Problem: ProblemRightOfHeader}
			}
		}
		s.cells = s.cells[:0]
		s.cells = append(s.cells, cells[:min(len(cells), len(s.header))]...)
		for len(s.cells) < len(s.header) {
			s.cells = append(s.cells, "")
		}
		return Row{Line: s.line, Cells: s.cells}, nil
	}
	if err := s.rows.Error(); err != nil {
		return Row{}, fmt.Errorf("read %s sheet %s: %v", s.name, s.info.Sheet, firstLine(err))
	}
	return Row{}, io.EOF
}

// blank reports whether a row shows nothing: every cell empty or only
// invisible characters (model.Blank: spaces, full-width spaces, tabs, a
// zero-width space), a CSV line's and a sheet's row alike.
func blank(cells []string) bool {
	for _, c := range cells {
		if !model.Blank(c) {
			return false
		}
	}
	return true
}

func firstLine(err error) string {
	msg := err.Error()
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		return msg[:i]
	}
	return msg
}
