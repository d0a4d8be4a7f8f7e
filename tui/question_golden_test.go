package tui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/kpit-dev/kpit/catalog"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// TestGoldenQuestions renders the two questions that stand between a
// user and a write, at both sizes in both languages: the entry form asking
// before esc drops a typed value, and the import asking between the
// staging and the move (go test ./tui -update to regenerate, then review
// the diff). The file adds three deals and two reps the demo does not
// have; the deals before -> after are checked against the deals the
// store exports.
func TestGoldenQuestions(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "deals.csv")
	text := "商談ID,担当者,顧客,フェーズ,金額,作成日,完了日\n" +
		"Q-1,新人A,あおば,受注,\"1,200,000円\",2026/11/1,2026/11/20\n" +
		"Q-2,新人B,ひかり,提案,,2026/11/2,\n" +
		"Q-3,新人B,みどり,失注,0,2026/11/3,2026/11/25\n"
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []Lang{LangJA, LangEN} {
		for _, sz := range goldenSizes {
			t.Run(fmt.Sprintf("%s_%dx%d_entry_drop", lang, sz[0], sz[1]), func(t *testing.T) {
				a := newTestApp(t, lang, sz[0], sz[1])
				press(t, a, "a", "down", "down") // from the activity kind to the count
				typeText(t, a, "3")
				press(t, a, "esc")
				if e, ok := a.overlay.(*entryScreen); !ok || !e.dropping {
					t.Fatalf("esc after typing did not ask:\n%s", screen(a))
				}
				out := screen(a)
				checkFits(t, out, sz[0], sz[1])
				golden.RequireEqual(t, out)
			})
			t.Run(fmt.Sprintf("%s_%dx%d_import_ask", lang, sz[0], sz[1]), func(t *testing.T) {
				st, err := store.Open(copyDemo(t)) // staging needs the right to import
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { st.Close() })
				a := New(Options{Store: st, Lang: lang, Now: func() time.Time { return fixedNow }, NoColor: true})
				run(t, a, a.Init())
				a.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
				press(t, a, "i")
				typeText(t, a, file)
				press(t, a, "enter", "enter")
				if s, ok := a.overlay.(*importScreen); !ok || s.step != importStepConfirm {
					t.Fatalf("the import did not ask:\n%s", screen(a))
				}
				deals := 0
				if err := st.ExportOpportunities(context.Background(), func(model.Opportunity) error { deals++; return nil }); err != nil {
					t.Fatal(err)
				}
				out := screen(a)
				if want := fmt.Sprintf("%s -> %s (+3)", catalog.GroupThousands(int64(deals)), catalog.GroupThousands(int64(deals+3))); !strings.Contains(out, want) {
					t.Errorf("%q missing from the question:\n%s", want, out)
				}
				checkFits(t, out, sz[0], sz[1])
				golden.RequireEqual(t, out)
			})
		}
	}
}
