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
