package cli

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/creack/pty"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/store"
)

// Every check the doctor runs has its words in both languages, numbered
// out of the checks the store runs.
func TestDoctorProgressWords(t *testing.T) {
	if catalog.DoctorStageCount != store.CheckStages {
		t.Fatalf("the catalogue names %d checks, the store runs %d", catalog.DoctorStageCount, store.CheckStages)
	}
	if got := catalog.DoctorCheckingLine(catalog.LangEN, int(store.StageIntegrity)); got != "checking integrity (1/6)..." {
		t.Errorf("English: %q", got)
	}
	if got := catalog.DoctorCheckingLine(catalog.LangJA, int(store.StageIntegrity)); got != "整合性を確認中 (1/6)..." {
		t.Errorf("Japanese: %q", got)
	}
	seen := map[string]bool{}
	for stage := 1; stage <= store.CheckStages; stage++ {
		for _, l := range []catalog.Lang{catalog.LangEN, catalog.LangJA} {
			line := catalog.DoctorCheckingLine(l, stage)
			if seen[line] || strings.Contains(line, "%!") {
				t.Errorf("stage %d: %q repeated or badly formatted", stage, line)
			}
			seen[line] = true
			if l == catalog.LangJA {
				if run := catalog.EnglishRun(line); run != "" {
					t.Errorf("stage %d: English %q in %q", stage, run, line)
				}
			}
		}
	}
}

// On a terminal kpit doctor shows each check as it begins, on one line
// overwritten in place, and clears it before the result; the result on
// stdout is the same as when stderr is not a terminal, where nothing is
// written to stderr.
func TestDoctorShowsItsChecksOnATerminal(t *testing.T) {
	db := demoCopy(t)
	var plainOut, plainErr bytes.Buffer
	if code := Run([]string{"doctor", "--db", db, "--lang", "en"}, nil, &plainOut, &plainErr); code != exitOK {
		t.Fatalf("kpit doctor: %d %q %q", code, plainOut.String(), plainErr.String())
	}
	if plainErr.Len() != 0 {
		t.Errorf("stderr not a terminal: %q", plainErr.String())
	}
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	defer ptmx.Close()
	shown := make(chan string)
	go func() {
		b, _ := io.ReadAll(ptmx) // ends with an error once tty is closed
		shown <- string(b)
	}()
	var termOut bytes.Buffer
	code := Run([]string{"doctor", "--db", db, "--lang", "en"}, nil, &termOut, tty)
	tty.Close()
	got := <-shown
	if code != exitOK || termOut.String() != plainOut.String() {
		t.Errorf("on a terminal: %d %q; without one %q", code, termOut.String(), plainOut.String())
	}
	var want strings.Builder
	for stage := 1; stage <= store.CheckStages; stage++ {
		want.WriteString("\r" + catalog.DoctorCheckingLine(catalog.LangEN, stage) + "\033[K")
	}
	want.WriteString("\r\033[K")
	if got != want.String() {
		t.Errorf("the terminal shows %q\nwant %q", got, want.String())
	}
}
