package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
)

// [limits] sets the bounds it names and leaves the others at 0 (the
// default's); an unknown limit, a value out of range or not a whole
// number is refused naming its line.
func TestLimitsTable(t *testing.T) {
	c, err := Parse([]byte("[limits]\ntext_chars = 20000\nxlsx_bytes = 2147483647\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := (model.Limits{TextChars: 20000, XLSXBytes: 2147483647}); c.Limits != want {
		t.Errorf("limits %+v, want %+v", c.Limits, want)
	}
	if got := c.Limits.Or(model.DefaultLimits()); got.Columns != 1000 || got.TextChars != 20000 {
		t.Errorf("in force %+v", got)
	}
	for doc, want := range map[string]string{
		"lang = \"ja\"\n[limits]\ncells = 3\n":          "3: limits.cells: unknown limit (want text_chars, cell_bytes, row_bytes, rows, columns, xlsx_bytes)",
		"[limits]\nrows = 0\n":                          "2: limits.rows = 0: want a whole number from 1 to 2147483647",
		"[limits]\nrows = 99999999999\n":                "2: limits.rows = 99999999999: want a whole number from 1 to 2147483647",
		"[limits]\n\nrows = \"10\"\n":                   "3: limits.rows: want a whole number",
		"me = \"田\\u0000中\"\n":                          "1: me: holds a control character or is too long",
		"me = \"" + strings.Repeat("x", 10001) + "\"\n": "1: me: holds a control character or is too long",
	} {
		_, err := Parse([]byte(doc), nil)
		var ce *Error
		if !errors.As(err, &ce) {
			t.Errorf("%q: %v", doc, err)
			continue
		}
		if got := ce.Text(catalog.LangEN); got != ":"+want {
			t.Errorf("%q: %q, want %q", doc, got, ":"+want)
		}
	}
}

// A config file past 1 MB is refused without being read.
func TestConfigFileTooLarge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte("# "+strings.Repeat("x", 1<<20)+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load(path, nil)
	if err == nil || !strings.Contains(err.Error(), "is more than the limit of 1048576") {
		t.Errorf("Load: %v", err)
	}
}
