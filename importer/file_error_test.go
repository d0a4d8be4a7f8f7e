package importer

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// File-level errors carry their problem in parts; their English line is
// the CLI's, word for word.
func TestFileErrorParts(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	missing := filepath.Join(dir, "none.csv")
	_, err := Open(missing, OpenOptions{})
	var fe *FileError
	if !errors.As(err, &fe) || fe.Problem != ProblemNoFile || fe.File != missing || err.Error() != "open "+missing+": no such file or directory" {
		t.Errorf("missing file: %#v %v", fe, err)
	}
	empty := write("empty.csv", "")
	if _, err := Open(empty, OpenOptions{}); !errors.As(err, &fe) || fe.Problem != ProblemEmptyFile || err.Error() != empty+": the file is empty (want a header line)" {
		t.Errorf("empty file: %v", err)
	}
	bare := write("bare.csv", "a,b\n1,x\"y\n")
	src, err := Open(bare, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	_, err = src.Next()
	if !errors.As(err, &fe) || fe.Problem != ProblemBareQuote || len(fe.Args) != 3 || fe.Args[0] != 2 || fe.Args[1] != 2 ||
		err.Error() != bare+":2: a stray quote (\") in a field that is not quoted, on line 2, column 4 (quote the field and double the quote)" {
		t.Errorf("bare quote: %#v %v", fe, err)
	}
	// A quoted field that is never closed is the other quote problem.
	open := write("open.csv", "a,b\n1,\"xy\n")
	src2, err := Open(open, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer src2.Close()
	if _, err = src2.Next(); !errors.As(err, &fe) || fe.Problem != ProblemQuote || !strings.Contains(err.Error(), "a quoted field is not closed") {
		t.Errorf("unclosed quote: %#v %v", fe, err)
	}
	for _, s := range []string{"  Closed  Won ", "ＣＬＯＳＥＤ won", "Closed-Won", "closed_won"} {
		if FoldStage(s) != FoldStage("closed won") {
			t.Errorf("FoldStage(%q) = %q, not FoldStage(closed won) = %q", s, FoldStage(s), FoldStage("closed won"))
		}
	}
}
