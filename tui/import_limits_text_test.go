package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kpit-dev/kpit/importer"
	"github.com/kpit-dev/kpit/model"
)

// The import screen words a duplicate header, a control character in the
// header and a file or a cell past a limit in Japanese, naming the limit's config key; in English it shows
// the command line's words.
func TestImportLimitsInTheUILanguage(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	_, wide := importer.Open(write("wide.csv", "a,b,c\n1,2,3\n"), importer.OpenOptions{Limits: model.Limits{Columns: 2}})
	_, dup := importer.Bind(importer.Opportunities, []string{"id", "owner", "id"}, nil)
	src, err := importer.Open(write("cell.csv", "id,owner\nD1,"+strings.Repeat("x", 200)+"\n"), importer.OpenOptions{Limits: model.Limits{CellBytes: 100}})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	_, cell := src.Next()
	_, ctrl := importer.Open(write("ctrl.csv", "id,o\x01wner\nD1,x\n"), importer.OpenOptions{})
	for _, tc := range []struct {
		err    error
		ja, en string
	}{
		{wide, "wide.csv:1行目: 3列は上限の2列を超えています (設定ファイルの [limits] の columns で上げられます)", "wide.csv:1: 3 columns is more than the limit of 2"},
		{dup, "見出しの1列目と3列目が同じ名前 \"id\" です", "columns 1 and 3 are both named \"id\""},
		{ctrl, "ctrl.csv:1行目: 見出しの2列目: 2文字目に制御文字 (U+0001) があります", "ctrl.csv:1: column 2 of the header: a control character (U+0001) at character 2"},
		{cell, "cell.csv:2行目: 列「owner」: 200バイトは上限の100バイトを超えています (設定ファイルの [limits] の cell_bytes で上げられます)", "cell.csv:2: column owner: 200 bytes is more than the limit of 100 (raise cell_bytes"},
	} {
		if tc.err == nil {
			t.Fatalf("no error for %q", tc.en)
		}
		if ja := importErrorText(LangJA, importer.Opportunities, tc.err); !strings.Contains(ja, tc.ja) {
			t.Errorf("JA %q, want %q", ja, tc.ja)
		}
		if en := importErrorText(LangEN, importer.Opportunities, tc.err); !strings.Contains(en, tc.en) {
			t.Errorf("EN %q, want %q", en, tc.en)
		}
	}
}

// TestImportScreenReadsWithinTheConfigLimits: the cockpit's import reads
// a file within the limits it was given (the config file's [limits], as
// kpit import reads them), not the defaults: the fixture's seven columns
// are refused under a limit of 5 at the header, and its three-character
// accounts under text_chars 2 at the import, with nothing written; under
// the defaults the same file is read and imported (TestImportScreenDetectMapConfirm).
func TestImportScreenReadsWithinTheConfigLimits(t *testing.T) {
	t.Parallel()
	a, st, file := importFixtureWithin(t, LangEN, model.Limits{Columns: 5})
	press(t, a, "i")
	typeText(t, a, file)
	press(t, a, "enter")
	if want := "7 columns is more than the limit of 5 (raise columns"; !strings.Contains(screen(a), want) {
		t.Errorf("under columns = 5: %q missing from\n%s", want, screen(a))
	}

	a, st, file = importFixtureWithin(t, LangEN, model.Limits{TextChars: 2})
	press(t, a, "i")
	typeText(t, a, file)
	press(t, a, "enter") // read: the header and cells are within the defaults
	if !strings.Contains(screen(a), "Columns (7)") {
		t.Fatalf("the file was not read:\n%s", screen(a))
	}
	press(t, a, "enter")
	if want := "more than the limit of 2 (raise text_chars"; !strings.Contains(screen(a), want) {
		t.Errorf("under text_chars = 2: %q missing from\n%s", want, screen(a))
	}
	n := 0
	st.ExportOpportunities(t.Context(), func(model.Opportunity) error { n++; return nil })
	if n != 0 {
		t.Errorf("%d opportunities written by a refused import", n)
	}
}
