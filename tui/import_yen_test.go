package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"golang.org/x/text/encoding/japanese"

	"github.com/kpit-dev/kpit/store"
)

// TestImportPreviewShowsYen: in a CP932 export "¥1,200,000" is stored with
// the byte 0x5C, which decodes as a backslash; the mapping's example shows
// the yen sign the manager typed, not "\1,200,000".
func TestImportPreviewShowsYen(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	text := "商談ID,担当者,取引先,フェーズ,金額,作成日,完了日\r\n" +
		"D-001,田中,ACME株式会社,受注,\"\\1,200,000\",2026/11/02,2026年11月20日\r\n" // 0x5C, as iconv -t cp932 writes ¥
	sjis, err := japanese.ShiftJIS.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "sfa.csv")
	if err := os.WriteFile(file, []byte(sjis), 0o644); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(sjis, "\\1,200,000") {
		t.Fatalf("the fixture does not hold 0x5C for the yen sign: %q", sjis)
	}
	st, err := store.Open(filepath.Join(dir, "k.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	a := New(Options{Store: st, Lang: LangJA, Now: func() time.Time { return fixedNow }, NoColor: true})
	run(t, a, a.Init())
	a.Update(tea.WindowSizeMsg{Width: 110, Height: 40})
	press(t, a, "i")
	typeText(t, a, file)
	press(t, a, "enter")
	view := screen(a)
	if l := importLine(view, "<- 金額"); !strings.Contains(l, "¥1,200,000") {
		t.Errorf("amount example %q, want ¥1,200,000:\n%s", l, view)
	}
	if strings.Contains(view, `\1,200,000`) {
		t.Errorf("a backslash for the yen sign:\n%s", view)
	}
	// The first rows: with room in the pane a date keeps its day.
	row := ""
	for _, l := range strings.Split(view, "\n") {
		if strings.Contains(l, "D-001") && strings.Contains(l, "受注") {
			row = l
		}
	}
	if !strings.Contains(row, "2026年11月20日") || !strings.Contains(row, "ACME株式会社") {
		t.Errorf("preview row %q cut short:\n%s", row, view)
	}
}
