package cli

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An on|off flag takes on or off only: 1, true and yes are refused in one
// line, as the message has always said, and nothing is written.
func TestOnOffFlagsTakeOnOrOffOnly(t *testing.T) {
	db := newEntryDB(t)
	before := sumOrMissing(db)
	for _, flag := range []string{"--alerts", "--year-end-closure"} {
		for _, v := range []string{"1", "true", "yes", "0", "no"} {
			code, _, errOut := runKpit(t, "rules", flag, v, "--db", db)
			if code != exitUsage || !strings.Contains(errOut, "want on or off") || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
				t.Errorf("rules %s %s: exit %d, %q", flag, v, code, errOut)
			}
		}
	}
	if sumOrMissing(db) != before {
		t.Error("a refused flag changed the file")
	}
	for _, v := range []string{"on", "OFF"} {
		if code, _, errOut := runKpit(t, "rules", "--year-end-closure", v, "--db", db); code != 0 {
			t.Errorf("--year-end-closure %s: exit %d, %q", v, code, errOut)
		}
	}
}

// Full-width digits, as a Japanese IME types them, are read wherever a
// number or a date is read: --count, --stale-days, --date and --from.
func TestFullWidthDigitsInFlags(t *testing.T) {
	db := newEntryDB(t)
	code, out, errOut := runKpit(t, "add", "activity", "--kind", "visit", "--rep", "田中", "--count", "３",
		"--date", "２０２６－０３－０２", "--today", "2026-03-02", "--db", db)
	if code != 0 || !strings.Contains(out, "visit 3, 田中, 2026-03-02") {
		t.Fatalf("add with full-width digits: exit %d, %q %q", code, out, errOut)
	}
	if code, _, errOut := runKpit(t, "rules", "--stale-days", "７", "--db", db); code != 0 {
		t.Errorf("rules --stale-days ７: exit %d, %q", code, errOut)
	}
	code, out, errOut = runKpit(t, "report", "--from", "２０２６-０３-０１", "--to", "2026-03-31", "--format", "json",
		"--today", "2026-03-31", "--db", db)
	if code != 0 || !strings.Contains(out, `"visits": 3`) {
		t.Errorf("report --from in full-width digits: exit %d, %q %q", code, out, errOut)
	}
}

// withLimits points the config file at one holding [limits] body for the
// rest of the test.
func withLimits(t *testing.T, body string) {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "kpit"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "kpit", "config.toml"), []byte("[limits]\n"+body+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_CONFIG_HOME", dir)
}

// A field past text_chars is refused in one line naming the flag, the
// limit and its config key, and nothing is written; raised under [limits]
// in the config file, the same entry is taken.
func TestFieldLengthLimitAndHowToRaiseIt(t *testing.T) {
	db := newEntryDB(t)
	before := sumOrMissing(db)
	note := strings.Repeat("メモ", 6000) // 12,000 characters
	add := []string{"add", "activity", "--kind", "visit", "--rep", "田中", "--note", note, "--today", "2026-03-02", "--db", db}
	code, _, errOut := runKpit(t, add...)
	want := "kpit add activity: --note: 12,000 characters is more than the limit of 10,000 (raise text_chars under [limits] in the config file)\n"
	if code != exitUsage || errOut != want {
		t.Errorf("exit %d, %q\nwant %q", code, errOut, want)
	}
	if sumOrMissing(db) != before {
		t.Error("a refused entry changed the file")
	}
	withLimits(t, "text_chars = 20000")
	if code, out, errOut := runKpit(t, add...); code != 0 || !strings.HasPrefix(out, "added activity") {
		t.Errorf("with text_chars = 20000: exit %d, %q %q", code, out, errOut)
	}
}

// A value of only invisible characters is empty: a required --id or --rep
// of a zero-width space, a BOM or an NBSP is refused as missing, and an
// optional --account of them is stored empty.
func TestInvisibleOnlyValuesAreEmpty(t *testing.T) {
	db := newEntryDB(t)
	for _, blank := range []string{"\u200b", "\ufeff", "\u00a0", "\u3000\u2060"} {
		code, _, errOut := runKpit(t, "add", "opportunity", "--id", blank, "--rep", "田中", "--account", "X", "--db", db)
		if code != exitUsage || !strings.Contains(errOut, "--id: required") {
			t.Errorf("--id %q: exit %d, %q", blank, code, errOut)
		}
		code, _, errOut = runKpit(t, "add", "activity", "--kind", "visit", "--rep", blank, "--db", db)
		if code != exitUsage || !strings.Contains(errOut, "--rep: required") {
			t.Errorf("--rep %q: exit %d, %q", blank, code, errOut)
		}
		code, _, errOut = runKpit(t, "add", "lead", "--company", blank, "--db", db)
		if code != exitUsage || !strings.Contains(errOut, "a lead needs a company or a contact") {
			t.Errorf("lead --company %q: exit %d, %q", blank, code, errOut)
		}
	}
	if code, _, errOut := runKpit(t, "add", "activity", "--kind", "visit", "--rep", "田中", "--account", "\u200b\u00a0",
		"--today", "2026-03-02", "--db", db); code != 0 {
		t.Fatalf("optional account of invisible characters: exit %d, %q", code, errOut)
	}
	conn, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var account string
	if err := conn.QueryRow(`SELECT account FROM activities`).Scan(&account); err != nil || account != "" {
		t.Errorf("stored account %q (%v), want empty", account, err)
	}
}

// Control characters are refused in one line naming the field: an escape
// sequence in --account, a NUL in an imported cell (a command line cannot
// carry a NUL); nothing is written (the import rolls back: no deal).
func TestControlCharactersRefused(t *testing.T) {
	db := newEntryDB(t)
	before := sumOrMissing(db)
	code, _, errOut := runKpit(t, "add", "activity", "--kind", "visit", "--rep", "田中", "--account", "AC\x1b[2JME", "--db", db)
	if want := "kpit add activity: --account: a control character (U+001B) at character 3: remove it\n"; code != exitUsage || errOut != want {
		t.Errorf("escape in --account: exit %d, %q", code, errOut)
	}
	if sumOrMissing(db) != before {
		t.Error("a refused entry changed the file")
	}
	csv := filepath.Join(t.TempDir(), "nul.csv")
	if err := os.WriteFile(csv, []byte("id,owner,account\nD1,田中,AC\x00ME\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = runKpit(t, "import", "opportunities", csv, "--today", "2026-03-02", "--db", db)
	if want := csv + ":2: column account: a control character (U+0000) at character 3: remove it\n"; code != exitFail || errOut != want {
		t.Errorf("NUL in a cell: exit %d, %q\nwant %q", code, errOut, want)
	}
	conn, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var deals int
	if err := conn.QueryRow(`SELECT count(*) FROM opportunities`).Scan(&deals); err != nil || deals != 0 {
		t.Errorf("%d deals after a refused import (%v)", deals, err)
	}
}

// An import past a limit is refused in one line naming the file, the limit
// and its config key, before anything is written: 100,000 columns, a
// duplicate header, an image named .txt; raising columns lets the wide
// file through to the next check.
func TestImportLimitsOneLineNothingWritten(t *testing.T) {
	db := newEntryDB(t)
	before := sumOrMissing(db)
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	var wide strings.Builder
	for i := range 100_000 {
		fmt.Fprintf(&wide, "c%d,", i)
	}
	wide.WriteString("id\n")
	wideCSV := write("wide.csv", []byte(wide.String()))
	for _, tc := range []struct {
		file, want string
	}{
		{wideCSV, "kpit import: " + wideCSV + ":1: 100,001 columns is more than the limit of 1,000 (raise columns under [limits] in the config file)\n"},
		{write("dup.csv", []byte("id,id,owner\n1,2,田中\n")), "kpit import: " + filepath.Join(dir, "dup.csv") + ": header: columns 1 and 2 are both named \"id\" (rename one; kpit would not know which to read)\n"},
		{write("photo.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")), "kpit import: " + filepath.Join(dir, "photo.txt") + ": not text (an image, a PDF or another binary file)\n"},
	} {
		code, _, errOut := runKpit(t, "import", "opportunities", tc.file, "--db", db)
		if code == 0 || errOut != tc.want {
			t.Errorf("exit %d, %q\nwant %q", code, errOut, tc.want)
		}
	}
	if sumOrMissing(db) != before {
		t.Error("a refused import changed the file")
	}
	withLimits(t, "columns = 200000")
	if code, _, errOut := runKpit(t, "import", "opportunities", wideCSV, "--db", db); code == 0 || strings.Contains(errOut, "limit") {
		t.Errorf("columns raised: exit %d, %q (want the next refusal, a missing owner column)", code, errOut)
	}
}
