package importer

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/japanese"

	"github.com/kpit-dev/kpit/model"
)

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func readAll(t *testing.T, src Source) []Row {
	t.Helper()
	var out []Row
	for {
		r, err := src.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("Next: %v", err)
		}
		out = append(out, Row{Line: r.Line, Cells: append([]string(nil), r.Cells...)})
	}
}

// A file as Excel in Japan saves it: BOM, CRLF, Japanese headers, a quoted
// note spanning two lines.
const japaneseCSV = "商談ID,担当者,取引先,フェーズ,金額,作成日\r\n" +
	"D-1,田中,株式会社あおば,受注,\"¥1,200,000\",2026/11/26\r\n" +
	"D-2,佐藤,\"ひかり\r\n商事\",提案,120万円,2026年11月2日\r\n" +
	"D-3,鈴木,みどり工業,失注,,2026.1.5\r\n"

func TestUTF8BOMWithQuotedNewline(t *testing.T) {
	p := writeFile(t, "deals.csv", append([]byte{0xEF, 0xBB, 0xBF}, japaneseCSV...))
	src, err := Open(p, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	if got := src.Info(); got.Encoding != EncodingUTF8BOM || got.Delimiter != ',' {
		t.Fatalf("info = %+v; want utf-8-bom, comma", got)
	}
	if h := src.Header(); h[0] != "商談ID" || len(h) != 6 {
		t.Fatalf("header = %q (BOM left on the first name?)", h)
	}
	rows := readAll(t, src)
	// Physical lines: header 1, D-1 2, D-2 3 (spans 3-4), D-3 5.
	if len(rows) != 3 || rows[0].Line != 2 || rows[1].Line != 3 || rows[2].Line != 5 {
		t.Fatalf("rows = %+v", rows)
	}
	if rows[1].Cells[2] != "ひかり\n商事" {
		t.Errorf("quoted newline cell = %q", rows[1].Cells[2])
	}
}

func TestCP932Detected(t *testing.T) {
	sjis, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(strings.ReplaceAll(japaneseCSV, "¥", "")))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(sjis, []byte(japaneseCSV)) {
		t.Fatal("fixture did not change in encoding")
	}
	p := writeFile(t, "deals.csv", sjis)
	src, err := Open(p, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	if got := src.Info().Encoding; got != EncodingCP932 {
		t.Fatalf("encoding = %s; want cp932", got)
	}
	if h := src.Header(); strings.Join(h, "|") != "商談ID|担当者|取引先|フェーズ|金額|作成日" {
		t.Fatalf("header = %q", h)
	}
	rows := readAll(t, src)
	if len(rows) != 3 || rows[1].Cells[2] != "ひかり\n商事" || rows[2].Cells[1] != "鈴木" {
		t.Fatalf("rows = %v", rows)
	}
	// Forced UTF-8 on a CP932 file names the problem.
	if _, err := Open(p, OpenOptions{Encoding: "utf-8"}); err == nil || !strings.Contains(err.Error(), "cp932") {
		t.Fatalf("forced utf-8 on cp932: %v", err)
	}
}

func TestDelimiters(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       rune
	}{
		{"a.csv", "id,owner\n1,a\n", ','},
		{"a.tsv", "id\towner\n1\ta\n", '\t'},
		{"a.txt", "id\towner\tamount\n1\ta\t1,000\n", '\t'},
		{"a.csv", "id;owner;amount\n1;a;\"1,000\"\n", ';'},
		{"a.csv", "\"a,b\";c;d\n1;2;3\n", ';'},
	} {
		src, err := Open(writeFile(t, c.name, []byte(c.text)), OpenOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if got := src.Info().Delimiter; got != c.want {
			t.Errorf("%q: delimiter %q; want %q", c.text, got, c.want)
		}
		rows := readAll(t, src)
		if len(rows) != 1 || len(rows[0].Cells) != len(src.Header()) {
			t.Errorf("%q: rows %v", c.text, rows)
		}
		src.Close()
	}
}

func TestFieldCountErrorNamesTheLine(t *testing.T) {
	text := "id,note,owner\n1,\"two\nlines\",a\n2,b\n3,c,d\n4,e,f,g\n"
	src, err := Open(writeFile(t, "x.csv", []byte(text)), OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	if r, err := src.Next(); err != nil || r.Line != 2 {
		t.Fatalf("first row: %+v %v", r, err)
	}
	_, err = src.Next()
	var re *RowError
	if !errors.As(err, &re) || re.Line != 4 || !strings.HasSuffix(re.Error(), "x.csv:4: column owner: missing: the row has 2 fields, the header has 3") {
		t.Fatalf("short row: %v", err)
	}
	// The reader goes on after a row error.
	if r, err := src.Next(); err != nil || r.Line != 5 || r.Cells[2] != "d" {
		t.Fatalf("after the bad row: %+v %v", r, err)
	}
	_, err = src.Next()
	if !errors.As(err, &re) || !strings.HasSuffix(re.Error(), "x.csv:6: column 4: one too many: the row has 4 fields, the header has 3") {
		t.Fatalf("long row: %v", err)
	}
}

func TestBareQuoteStops(t *testing.T) {
	src, err := Open(writeFile(t, "q.csv", []byte("id,note\n1,ok\n2,a \"b\" c\n")), OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	src.Next()
	_, err = src.Next()
	if err == nil || !strings.Contains(err.Error(), "q.csv:3:") || !strings.Contains(err.Error(), "quote") {
		t.Fatalf("bare quote: %v", err)
	}
}

// writeXLSX makes a workbook whose first sheet is a cover page and whose
// data sits on a sheet with a Japanese name.
func writeXLSX(t *testing.T, sheet string, rows [][]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetCellValue("Sheet1", "A1", "表紙")
	if _, err := f.NewSheet(sheet); err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	p := filepath.Join(t.TempDir(), "book.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestXLSXJapaneseSheet(t *testing.T) {
	p := writeXLSX(t, "商談一覧", [][]any{
		{"商談ID", "担当者", "金額", "作成日"},
		{"D-1", "田中", 1200000, time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)},
		{},
		{"D-2", "佐藤", "120万円", "2026/1/5"},
	})
	if _, err := Open(p, OpenOptions{Sheet: "ない"}); err == nil || !strings.Contains(err.Error(), "商談一覧") {
		t.Fatalf("unknown sheet: %v", err)
	}
	src, err := Open(p, OpenOptions{Sheet: "商談一覧"})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	if info := src.Info(); info.Encoding != EncodingXLSX || info.Sheet != "商談一覧" {
		t.Fatalf("info = %+v", info)
	}
	rows := readAll(t, src)
	if len(rows) != 2 || rows[0].Line != 2 || rows[1].Line != 4 {
		t.Fatalf("rows = %+v (blank row 3 skipped, rows numbered as in Excel)", rows)
	}
	d, err := ParseDate(rows[0].Cells[3])
	if err != nil || !d.Equal(model.D(2026, 11, 26)) {
		t.Errorf("date cell %q read as %v, %v", rows[0].Cells[3], d, err)
	}
	if y, err := ParseAmount(rows[0].Cells[2], model.JPY); err != nil || y != 1200000 {
		t.Errorf("amount cell %q read as %d, %v", rows[0].Cells[2], y, err)
	}
}

// FuzzCSVRows feeds arbitrary bytes to the row decoder: it must never
// panic, and every row it returns has one cell per header column and
// starts on a later line than the one before.
func FuzzCSVRows(f *testing.F) {
	f.Add([]byte(japaneseCSV))
	f.Add([]byte("id;owner\n1;\"a\"\"b\"\n"))
	f.Add([]byte("\xef\xbb\xbfid\tx\n1\t2\n3\n"))
	f.Add([]byte("\x8f\xa4\x93\x6b,b\n1,2\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		src, err := newCSVSource("f.csv", bytes.NewReader(data), int64(len(data)), EncodingAuto, model.DefaultLimits())
		if err != nil {
			return
		}
		last := 1
		for i := 0; i < 10000; i++ {
			r, err := src.Next()
			if err == io.EOF {
				return
			}
			var re *RowError
			if errors.As(err, &re) {
				if re.Line <= 1 {
					t.Fatalf("row error on line %d", re.Line)
				}
				continue
			}
			if err != nil {
				return
			}
			if len(r.Cells) != len(src.Header()) || r.Line <= last {
				t.Fatalf("row %+v after line %d, header %q", r, last, src.Header())
			}
			last = r.Line
			if p := src.Progress(); p < 0 || p > 1 {
				t.Fatalf("progress %v", p)
			}
		}
	})
}

// A row whose cells hold only invisible characters (a zero-width space, a
// full-width space, a tab, a BOM) shows nothing and is skipped like an
// empty row, in a sheet and in a CSV file alike (one rule, model.Blank);
// such a cell right of the header is nothing there either.
func TestInvisibleOnlyRowIsBlankInXLSXAndCSV(t *testing.T) {
	invisible := []string{"\u200b", "\u3000", "\t", "\ufeff \u00a0"}
	cells := make([]any, len(invisible))
	for i, c := range invisible {
		cells[i] = c
	}
	p := writeXLSX(t, "Deals", [][]any{
		{"id", "owner", "account", "amount"},
		cells,
		{"D-1", "田中", "あおば", 100, "\u200b\u3000"},
	})
	src, err := Open(p, OpenOptions{Sheet: "Deals"})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	if rows := readAll(t, src); len(rows) != 1 || rows[0].Line != 3 || rows[0].Cells[0] != "D-1" {
		t.Errorf("sheet rows = %+v, want only D-1 on line 3", rows)
	}

	csvSrc, err := Open(writeFile(t, "deals.csv", []byte("id,owner,account,amount\n"+strings.Join(invisible, ",")+"\nD-1,田中,あおば,100\n")), OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer csvSrc.Close()
	var kept []int
	for {
		r, err := csvSrc.Next()
		if err != nil {
			break
		}
		if !blank(r.Cells) {
			kept = append(kept, r.Line)
		}
	}
	if len(kept) != 1 || kept[0] != 3 {
		t.Errorf("CSV lines kept = %v, want only line 3", kept)
	}
}
