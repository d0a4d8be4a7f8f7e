package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kpit-dev/kpit/model"
)

// FuzzRecordGuard: CSV text read through the guard gives the records
// encoding/csv gives without it, up to a record past the limit, where it
// stops with the row_bytes limit and never a record of more bytes.
func FuzzRecordGuard(f *testing.F) {
	for _, s := range []string{"a,b\n1,2\n", "a,\"b\nc\"\n\"x\"\"y\",z\n", "a\n" + string(bytes.Repeat([]byte("x"), 300)) + "\n", "\"unclosed\n", "a\"b,c\n", "\n\n\na\r\nb\r\n"} {
		f.Add([]byte(s), uint16(64))
	}
	f.Fuzz(func(t *testing.T, data []byte, limit uint16) {
		max := int(limit%512) + 1
		plain := csv.NewReader(bytes.NewReader(data))
		plain.FieldsPerRecord = -1
		guarded := csv.NewReader(&recordGuard{r: bytes.NewReader(data), maxBytes: max, line: 1})
		guarded.FieldsPerRecord = -1
		for {
			want, werr := plain.Read()
			got, gerr := guarded.Read()
			var ge *guardError
			if errors.As(gerr, &ge) {
				if ge.le.Key != model.LimitRowBytes || ge.line < 1 {
					t.Fatalf("guard error %+v", ge)
				}
				return // stopped at the limit: every record before it matched
			}
			if (werr == nil) != (gerr == nil) || werr == io.EOF != (gerr == io.EOF) {
				t.Fatalf("plain %q %v, guarded %q %v", want, werr, got, gerr)
			}
			if werr != nil {
				return
			}
			size := 0
			for _, c := range got {
				size += len(c)
			}
			if size > max {
				t.Fatalf("a record of %d bytes passed a guard of %d", size, max)
			}
			if len(want) != len(got) {
				t.Fatalf("plain %q, guarded %q", want, got)
			}
			for i := range want {
				if want[i] != got[i] {
					t.Fatalf("plain %q, guarded %q", want, got)
				}
			}
		}
	})
}

// FuzzXLSXSheet: a workbook of one fuzzed header and one fuzzed row, as
// Excel or another program writes it, opens or is refused with an error
// (never a panic), and a row read back has exactly the header's cells,
// none longer than cell_bytes.
func FuzzXLSXSheet(f *testing.F) {
	f.Add("id", "owner", "D1", "田中", uint16(100))
	f.Add("id", "id", "\x00", "\u200b", uint16(3))
	f.Add("", "名前", "=1+1", "1e308", uint16(1))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, h1, h2, c1, c2 string, cellLimit uint16) {
		wb := excelize.NewFile()
		defer wb.Close()
		for cell, v := range map[string]string{"A1": h1, "B1": h2, "A2": c1, "B2": c2} {
			if err := wb.SetCellStr("Sheet1", cell, v); err != nil {
				return // excelize refuses it: no file to read
			}
		}
		path := filepath.Join(dir, "f.xlsx")
		if err := wb.SaveAs(path); err != nil {
			return
		}
		defer os.Remove(path)
		lim := model.Limits{CellBytes: int(cellLimit) + 1}
		src, err := Open(path, OpenOptions{Limits: lim})
		if err != nil {
			return
		}
		defer src.Close()
		header := src.Header()
		if _, err := Bind(Opportunities, header, nil); err != nil {
			var dup *DuplicateHeaderError
			if !errors.As(err, &dup) {
				t.Fatalf("Bind: %v", err)
			}
		}
		for {
			r, err := src.Next()
			if err != nil {
				return
			}
			if len(r.Cells) != len(header) {
				t.Fatalf("%d cells, header %d", len(r.Cells), len(header))
			}
			for _, c := range r.Cells {
				if len(c) > lim.CellBytes {
					t.Fatalf("a cell of %d bytes passed cell_bytes %d", len(c), lim.CellBytes)
				}
			}
		}
	})
}

// FuzzParseProfile: a stored profile that reads has a known kind and
// mapping, and its Spec reads back as the same profile.
func FuzzParseProfile(f *testing.F) {
	for _, s := range []string{`{"kind":"opportunities","map":{"id":"Opportunity ID"},"won":["Closed Won"]}`, `{"kind":"reps"}`, `{"kind":"x"}`, `{`, `null`, `{"kind":"leads","map":{"nope":"a"}}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		p, err := ParseProfile("p", spec)
		if err != nil {
			return
		}
		back, err := ParseProfile("p", p.Spec())
		if err != nil || back.Spec() != p.Spec() {
			t.Fatalf("%q: Spec %q reads back as %q, %v", spec, p.Spec(), back.Spec(), err)
		}
	})
}
