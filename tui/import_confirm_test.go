package tui

import (
	"context"
	"errors"
	"io"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/text/encoding/japanese"

	"github.com/kpit-dev/kpit/importer"
	"github.com/kpit-dev/kpit/model"
)

// countedSource counts the rows an import reads from its file.
type countedSource struct {
	importer.Source
	rows *atomic.Int32
}

func (c countedSource) Next() (importer.Row, error) {
	r, err := c.Source.Next()
	if err != io.EOF {
		c.rows.Add(1)
	}
	return r, err
}

// countReads makes the open import screen count the opens of the file to
// import and the rows read from it.
func countReads(t *testing.T, a *App) (opens, rows *atomic.Int32) {
	t.Helper()
	s, ok := a.overlay.(*importScreen)
	if !ok {
		t.Fatalf("no import screen: %T", a.overlay)
	}
	opens, rows = new(atomic.Int32), new(atomic.Int32)
	s.openSource = func(file string, opt importer.OpenOptions) (importer.Source, error) {
		opens.Add(1)
		src, err := importer.Open(file, opt)
		if err != nil {
			return nil, err
		}
		return countedSource{src, rows}, nil
	}
	return opens, rows
}

// An import that would write more than one record stops between the
// staging and the move and shows the records before -> after: n drops the
// staged rows (nothing written), y moves them all; either way the file is
// opened and read once. The counts in the question are the stored records
// counted here from the store's own export, plus the file's rows counted
// by hand.
func TestImportAsksBeforeTheMove(t *testing.T) {
	t.Parallel()
	a, st, file := importFixture(t, LangEN)
	write := func(accounts ...string) {
		t.Helper()
		text := "商談ID,担当者,顧客,フェーズ,金額,作成日,完了日\r\n" +
			"D-1,田中," + accounts[0] + ",受注,\"1,200,000円\",2026/11/1,2026/11/20\r\n" +
			"D-2,佐藤," + accounts[1] + ",提案,,2026/11/2,\r\n" +
			"D-3,佐藤," + accounts[2] + ",失注,0,2026/11/3,2026/11/25\r\n"
		sjis, err := japanese.ShiftJIS.NewEncoder().String(text)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(sjis), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stored := func() (accounts string, reps int) {
		t.Helper()
		var got []string
		err := st.ExportOpportunities(context.Background(), func(o model.Opportunity) error {
			got = append(got, o.ExternalID+"="+o.Account)
			return nil
		})
		rs, rerr := st.Reps(context.Background())
		if err != nil || rerr != nil {
			t.Fatal(err, rerr)
		}
		return strings.Join(got, ","), len(rs)
	}
	// flat is the screen's text on one line, without the frame's borders.
	flat := func() string {
		return strings.ReplaceAll(strings.Join(strings.Fields(screen(a)), " "), "│ ", "")
	}
	stage := func() (opens, rows *atomic.Int32) {
		t.Helper()
		press(t, a, "i")
		opens, rows = countReads(t, a)
		typeText(t, a, file)
		press(t, a, "enter", "enter") // read the header, then import with the mapping found
		return opens, rows
	}

	write("あおば", "ひかり", "みどり")
	opens, rows := stage()
	for _, want := range []string{"Nothing is written yet. After this import:", "opportunities 0 -> 3 (+3)", "reps 0 -> 2 (+2)",
		"Records already stored: 0 change, 0 stay as they are. Rows skipped: 0", "y: import n: back to the mapping, nothing written"} {
		if !strings.Contains(flat(), want) {
			t.Fatalf("%q missing from the question:\n%s", want, screen(a))
		}
	}
	if accounts, reps := stored(); accounts != "" || reps != 0 {
		t.Fatalf("written before the answer: %q, %d reps", accounts, reps)
	}
	press(t, a, "n")
	if s := a.overlay.(*importScreen); s.step != importStepMap {
		t.Fatalf("n should go back to the mapping:\n%s", screen(a))
	}
	if accounts, reps := stored(); accounts != "" || reps != 0 {
		t.Fatalf("n wrote: %q, %d reps", accounts, reps)
	}
	if opens.Load() != 1 || rows.Load() != 3 {
		t.Fatalf("the staging opened the file %d times and read %d rows; want once, 3 rows", opens.Load(), rows.Load())
	}

	press(t, a, "enter") // the same mapping again: staged anew, asked anew
	if !strings.Contains(flat(), "opportunities 0 -> 3 (+3)") {
		t.Fatalf("no question on the second enter:\n%s", screen(a))
	}
	press(t, a, "y")
	if out := screen(a); !strings.Contains(out, "Import finished") || !strings.Contains(out, "inserted 3, updated 0, unchanged 0, skipped 0; reps created 2") {
		t.Fatalf("y did not import:\n%s", out)
	}
	if accounts, reps := stored(); accounts != "D-1=あおば,D-2=ひかり,D-3=みどり" || reps != 2 {
		t.Fatalf("after y: %q, %d reps", accounts, reps)
	}
	if opens.Load() != 2 || rows.Load() != 6 {
		t.Fatalf("two runs opened the file %d times and read %d rows; want 2 and 6 (y reads nothing again)", opens.Load(), rows.Load())
	}
	press(t, a, "esc")

	// Next week's export: two deals moved to another account, one as it was.
	write("あおば商事", "ひかり商事", "みどり")
	opens, rows = stage()
	for _, want := range []string{"opportunities 3 -> 3 (+0)", "Records already stored: 2 change, 1 stay as they are. Rows skipped: 0"} {
		if !strings.Contains(flat(), want) {
			t.Fatalf("%q missing from the question:\n%s", want, screen(a))
		}
	}
	if strings.Contains(flat(), "reps ") {
		t.Errorf("a rep line though no rep is created:\n%s", screen(a))
	}
	press(t, a, "y")
	if out := screen(a); !strings.Contains(out, "inserted 0, updated 2, unchanged 1") {
		t.Fatalf("y did not import:\n%s", out)
	}
	if accounts, _ := stored(); accounts != "D-1=あおば商事,D-2=ひかり商事,D-3=みどり" {
		t.Fatalf("after y: %s", accounts)
	}
	if opens.Load() != 1 || rows.Load() != 3 {
		t.Fatalf("the import opened the file %d times and read %d rows; want once, 3 rows", opens.Load(), rows.Load())
	}
}

// An import that writes one record moves at once, without a question.
func TestImportOfOneRecordDoesNotAsk(t *testing.T) {
	t.Parallel()
	a, st, file := importFixture(t, LangJA)
	if err := os.WriteFile(file, []byte("商談ID,担当者,フェーズ,作成日\nD-9,田中,提案,2026/11/2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	press(t, a, "i")
	typeText(t, a, file)
	press(t, a, "enter", "enter")
	if out := screen(a); !strings.Contains(out, "取り込みが完了しました") || !strings.Contains(out, "追加 1件") {
		t.Fatalf("one deal did not import at once:\n%s", out)
	}
	if _, ok, err := st.OpportunityByExternalID(context.Background(), "D-9"); !ok || err != nil {
		t.Fatalf("D-9 not stored: %v %v", ok, err)
	}
}

// A cockpit that stops while its import waits at the question (a kpit
// serve session ended, or idle past its limit) drops the staged rows: the
// run ends instead of waiting for an answer that will not come, and
// nothing is written.
func TestImportQuestionEndsWithTheCockpit(t *testing.T) {
	t.Parallel()
	a, st, file := importFixture(t, LangEN)
	if err := os.WriteFile(file, []byte("商談ID,担当者,フェーズ,作成日\nD-1,田中,提案,2026/11/1\nD-2,田中,提案,2026/11/2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	press(t, a, "i")
	typeText(t, a, file)
	press(t, a, "enter", "enter")
	s, ok := a.overlay.(*importScreen)
	if !ok || s.step != importStepConfirm {
		t.Fatalf("no question:\n%s", screen(a))
	}
	a.Close()
	select {
	case msg := <-s.next:
		done, ok := msg.(importDoneMsg)
		if !ok || done.moved || !errors.Is(done.err, context.Canceled) {
			t.Fatalf("the run ended with %#v; want not moved, cancelled", msg)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the run still waits for an answer after Close")
	}
	n := 0
	if err := st.ExportOpportunities(context.Background(), func(model.Opportunity) error { n++; return nil }); err != nil || n != 0 {
		t.Fatalf("%d deals written (%v)", n, err)
	}
}
