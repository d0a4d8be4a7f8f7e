package tui

import (
	"context"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"
)

// An import that would change more than one stored record says how many
// first and asks: n goes back to the mapping with nothing written, y
// imports. The first import of the file (inserts only) runs at once.
func TestImportAsksBeforeChangingStoredRecords(t *testing.T) {
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
	write("あおば", "ひかり", "みどり")
	importFile := func() {
		t.Helper()
		press(t, a, "i")
		typeText(t, a, file)
		press(t, a, "enter", "enter") // read the file, then import with the mapping found
	}
	importFile()
	if out := screen(a); !strings.Contains(out, "Import finished") || !strings.Contains(out, "inserted 3, updated 0") {
		t.Fatalf("first import did not run at once:\n%s", out)
	}
	press(t, a, "esc")
	// Next week's export: two deals moved to another account, one as it was.
	write("あおば商事", "ひかり商事", "みどり")
	accounts := func() string {
		t.Helper()
		var got []string
		for _, id := range []string{"D-1", "D-2", "D-3"} {
			o, ok, err := st.OpportunityByExternalID(context.Background(), id)
			if err != nil || !ok {
				t.Fatalf("%s: %v %v", id, ok, err)
			}
			got = append(got, o.Account)
		}
		return strings.Join(got, ",")
	}
	importFile()
	ask := "This import changes 2 records already stored (and inserts 0, leaves 1 unchanged, skips 0)"
	if out := strings.Join(strings.Fields(screen(a)), " "); !strings.Contains(strings.ReplaceAll(out, "│ ", ""), ask) {
		t.Fatalf("no question before changing 2 deals:\n%s", screen(a))
	}
	if got := accounts(); got != "あおば,ひかり,みどり" {
		t.Fatalf("the question's dry run wrote: %s", got)
	}
	press(t, a, "n")
	if s, ok := a.overlay.(*importScreen); !ok || s.step != importStepMap || accounts() != "あおば,ひかり,みどり" {
		t.Fatalf("n should go back to the mapping with nothing written:\n%s", screen(a))
	}
	press(t, a, "enter", "y")
	if out := screen(a); !strings.Contains(out, "inserted 0, updated 2, unchanged 1") {
		t.Fatalf("y did not import:\n%s", out)
	}
	if got := accounts(); got != "あおば商事,ひかり商事,みどり" {
		t.Fatalf("after y: %s", got)
	}
}
