package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCockpitRefusals(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(text, []byte("not a database\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "new", "kpit.db")
	tests := []struct {
		args []string
		want string // in the one line on stderr
	}{
		{[]string{"--db", missing}, "needs a terminal"},
		{[]string{"--demo"}, "needs a terminal"},
		{[]string{"--db", text}, "not a kpit database"},
		{[]string{"--lang", "fr"}, "--lang \"fr\""},
		{[]string{"--demo", "--db", missing}, "--demo and --db"},
		{[]string{"--bogus"}, "-bogus"},
		{[]string{"--db", missing, "extra"}, "unexpected argument \"extra\""},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		code := Run(tt.args, strings.NewReader(""), &stdout, &stderr)
		msg := stderr.String()
		if code != 2 {
			t.Errorf("%v: exit %d, want 2", tt.args, code)
		}
		if strings.Count(msg, "\n") != 1 || !strings.Contains(msg, tt.want) {
			t.Errorf("%v: stderr %q, want one line containing %q", tt.args, msg, tt.want)
		}
	}
	// Without a terminal nothing is created.
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Errorf("%s was created without a terminal (%v)", missing, err)
	}
	if b, _ := os.ReadFile(text); string(b) != "not a database\n" {
		t.Errorf("the text file was changed: %q", b)
	}
}
