package importer

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/internal/crashtest"
	"github.com/kpit-dev/kpit/model"
)

// craftXLSX is crashtest.CraftXLSX in a temporary directory.
func craftXLSX(t testing.TB, cellBytes int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "bomb.xlsx")
	if err := crashtest.CraftXLSX(path, cellBytes); err != nil {
		t.Fatal(err)
	}
	return path
}

// heapDuring runs f and returns the most bytes the heap held while it ran
// (sampled every millisecond) above what it held before.
func heapDuring(f func()) uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base, peak := ms.HeapAlloc, ms.HeapAlloc
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-done:
			runtime.ReadMemStats(&ms)
			return max(peak, ms.HeapAlloc) - base
		case <-tick.C:
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc)
		}
	}
}

// An .xlsx whose one cell inflates to 64 MB (the same file at 400 MB is
// BenchmarkCraftedXLSX) is refused by the cell limit before the workbook
// library reads the cell: quickly, the heap never holding more than a few
// MB, one line naming the file and how to raise the limit.
func TestCraftedXLSXCellRefusedWithFlatMemory(t *testing.T) {
	path := craftXLSX(t, 64<<20)
	var err error
	start := time.Now()
	grew := heapDuring(func() { _, err = Open(path, OpenOptions{}) })
	took := time.Since(start)
	le, ok := LimitOf(err)
	if !ok || le.Key != model.LimitCellBytes {
		t.Fatalf("Open: %v, want the cell_bytes limit", err)
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, path+": ") || !strings.Contains(msg, "raise cell_bytes under [limits]") || strings.Contains(msg, "\n") {
		t.Errorf("message %q", msg)
	}
	if grew > 16<<20 {
		t.Errorf("the heap grew by %d MB while refusing a 64 MB cell", grew>>20)
	}
	if took > 5*time.Second {
		t.Errorf("refusing took %v", took)
	}
	t.Logf("refused in %v; the heap grew by %d KB", took, grew>>10)
}

// Raising cell_bytes past the cell lets the same file through to the
// library; lowering xlsx_bytes below the file's decompressed size refuses
// it by that limit, from the zip's directory alone.
func TestXLSXLimitsAreTheOnesSet(t *testing.T) {
	path := craftXLSX(t, 200<<10)
	src, err := Open(path, OpenOptions{Limits: model.Limits{CellBytes: 1 << 20}})
	if err != nil {
		t.Fatalf("cell_bytes raised to 1 MB: %v", err)
	}
	src.Close()
	_, err = Open(path, OpenOptions{Limits: model.Limits{CellBytes: 1 << 20, XLSXBytes: 100 << 10}})
	if le, ok := LimitOf(err); !ok || le.Key != model.LimitXLSXBytes || le.Got <= 200<<10 {
		t.Fatalf("xlsx_bytes 100 KB: %v", err)
	}
}

// A CSV of 100,000 columns is refused at its header, quickly and with a
// flat heap; a row longer than row_bytes is refused at its line without
// being read whole; a cell longer than cell_bytes names its column.
func TestCSVLimits(t *testing.T) {
	var wide bytes.Buffer
	for i := range 100_000 {
		if i > 0 {
			wide.WriteByte(',')
		}
		wide.WriteString("c")
		wide.WriteString(strings.Repeat("x", i%7))
	}
	wide.WriteString("\n1\n")
	path := writeFile(t, "wide.csv", wide.Bytes())
	var err error
	start := time.Now()
	grew := heapDuring(func() { _, err = Open(path, OpenOptions{}) })
	if le, ok := LimitOf(err); !ok || le.Key != model.LimitColumns || le.Got != 100_000 || le.Limit != 1000 {
		t.Fatalf("100,000 columns: %v", err)
	}
	if !strings.HasPrefix(err.Error(), path+":1: 100,000 columns is more than the limit of 1,000 (raise columns") {
		t.Errorf("message %q", err)
	}
	t.Logf("100,000 columns refused in %v; the heap grew by %d KB", time.Since(start), grew>>10)
	if grew > 32<<20 {
		t.Errorf("the heap grew by %d MB", grew>>20)
	}

	// One line of 8 MB with no line break: refused at line 3 (the header
	// and one good row first), the reader holding at most about row_bytes.
	long := "id,owner\nD1,a\nD2," + strings.Repeat("b", 8<<20)
	path = writeFile(t, "long.csv", []byte(long))
	src, err := Open(path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	if r, err := src.Next(); err != nil || r.Cells[0] != "D1" {
		t.Fatalf("row 2: %v %v", r, err)
	}
	_, err = src.Next()
	if le, ok := LimitOf(err); !ok || le.Key != model.LimitRowBytes || !strings.HasPrefix(err.Error(), path+":3: ") {
		t.Fatalf("a line of 8 MB: %v", err)
	}

	// A quoted cell of 100 KB with line breaks in it: within row_bytes,
	// past cell_bytes, a row error naming the column.
	cell := strings.Repeat("note line\n", 10_000)
	path = writeFile(t, "cell.csv", []byte("id,note\nA1,\""+cell+"\"\nA2,ok\n"))
	src, err = Open(path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	_, err = src.Next()
	var re *RowError
	if !errors.As(err, &re) || re.Column != "note" || re.Line != 2 || re.Problem != ProblemLimit {
		t.Fatalf("a cell of 100 KB: %v", err)
	}
	if r, err := src.Next(); err != nil || r.Cells[0] != "A2" {
		t.Fatalf("the row after it: %v %v", r, err)
	}
}

// Rows past the rows limit end the file with one line naming the limit.
func TestRowsLimit(t *testing.T) {
	path := writeFile(t, "rows.csv", []byte("id\n1\n2\n3\n4\n"))
	src, err := Open(path, OpenOptions{Limits: model.Limits{Rows: 3}})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	for i := 0; i < 3; i++ {
		if _, err := src.Next(); err != nil {
			t.Fatalf("row %d: %v", i+2, err)
		}
	}
	_, err = src.Next()
	if le, ok := LimitOf(err); !ok || le.Key != model.LimitRows || !strings.HasPrefix(err.Error(), path+":5: more than the limit of 3 rows") {
		t.Fatalf("row 5: %v", err)
	}
}

// A header with two columns of one name (as columns are matched: case and
// punctuation aside) is refused naming both; empty header cells may repeat.
func TestDuplicateHeaderRefused(t *testing.T) {
	for _, tc := range []struct {
		header      []string
		first, then int
	}{
		{[]string{"id", "id", "owner"}, 1, 2},
		{[]string{"Opportunity ID", "owner", "opportunity_id"}, 1, 3},
		{[]string{"id", "owner", "", "", "備考", "備考"}, 5, 6},
	} {
		_, err := Bind(Opportunities, tc.header, nil)
		var dup *DuplicateHeaderError
		if !errors.As(err, &dup) || dup.First != tc.first || dup.Second != tc.then {
			t.Errorf("%q: %v", tc.header, err)
		}
	}
	if _, err := Bind(Opportunities, []string{"id", "owner", "", ""}, nil); err != nil {
		t.Errorf("blank header cells: %v", err)
	}
}

// A file read as CSV that is not text is refused by what it is; a .txt of
// tab-separated text is read as TSV; a stray NUL or an escape in a cell is
// refused with its line and column; a tab and a line break in a quoted
// cell are text, kept.
func TestNotTextAndControlCharacters(t *testing.T) {
	for name, data := range map[string][]byte{
		"workbook.csv": []byte("PK\x03\x04 rest of a zip"),
		"unicode.txt":  append([]byte{0xFF, 0xFE}, []byte("i\x00d\x00")...),
		"image.txt":    []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
	} {
		_, err := Open(writeFile(t, name, data), OpenOptions{})
		var fe *FileError
		if !errors.As(err, &fe) || fe.Problem != ProblemNotText {
			t.Errorf("%s: %v", name, err)
		}
	}
	src, err := Open(writeFile(t, "export.txt", []byte("id\towner\nD1\ta\n")), OpenOptions{})
	if err != nil || src.Info().Delimiter != '\t' {
		t.Fatalf(".txt of TSV: %v", err)
	}
	src.Close()

	b, _ := Bind(Activities, []string{"date", "owner", "kind", "account", "note"}, nil)
	conv := newConverter("a.csv", b, time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), nil, nil)
	for _, tc := range []struct {
		cells  []string
		column string // "" when the row is taken
	}{
		{[]string{"2026-03-02", "a", "visit", "AC\x00ME", ""}, "account"},
		{[]string{"2026-03-02", "a", "visit", "AC\u0085ME", ""}, "account"},
		{[]string{"2026-03-02", "a", "visit", "AC\x7fME", ""}, "account"},
		{[]string{"2026-03-02", "a\x1b[31m", "visit", "", ""}, "owner"},
		{[]string{"2026-03-02", "a", "visit", "AC\tME", "line one\r\nline\ttwo"}, ""},
	} {
		_, re := conv.convert(2, tc.cells)
		switch {
		case tc.column == "" && re != nil:
			t.Errorf("%q refused: %v", tc.cells, re)
		case tc.column != "" && (re == nil || re.Column != tc.column || re.Code != model.RefuseControlChar):
			t.Errorf("%q: %v, want a control character in %s", tc.cells, re, tc.column)
		}
	}
}

// A cell of only invisible characters is empty: a required field of only
// a zero-width space is refused as empty, an optional one stored empty.
func TestInvisibleOnlyCellIsEmpty(t *testing.T) {
	b, _ := Bind(Opportunities, []string{"id", "owner", "account"}, nil)
	conv := newConverter("o.csv", b, time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), nil, nil)
	for _, blank := range []string{"\u200b", "\ufeff", "\u00a0", " \u3000\u200b\u2060 "} {
		if _, re := conv.convert(2, []string{blank, "a", "x"}); re == nil || re.Problem != ProblemRequired || re.Field != "id" {
			t.Errorf("id %q: %v, want required", blank, re)
		}
		rec, re := conv.convert(2, []string{"D1", "a", blank})
		if re != nil || rec.opp == nil || rec.opp.Account != "" {
			t.Errorf("account %q: %+v %v, want stored empty", blank, rec.opp, re)
		}
	}
}

// The file: one cell that inflates to 400 MB from about 400 KB.
// go test ./importer -run '^$' -bench CraftedXLSX -benchtime 3x
func BenchmarkCraftedXLSX(b *testing.B) {
	path := craftXLSX(b, 400<<20)
	st, _ := os.Stat(path)
	b.ResetTimer()
	var grew uint64
	for range b.N {
		grew = max(grew, heapDuring(func() {
			if _, err := Open(path, OpenOptions{}); err == nil {
				b.Fatal("a 400 MB cell was opened")
			}
		}))
	}
	b.ReportMetric(float64(grew>>10), "heapKB")
	b.ReportMetric(float64(st.Size()>>10), "fileKB")
}
