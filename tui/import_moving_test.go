package tui

import (
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/kpit-dev/kpit/store"
)

// movingDeals is the number of new deals in the file of the move tests:
// the store moves them in batches of movingBatch (Store.SetImportBatches).
const movingDeals, movingBatch = 300, 20

// writeMovingDeals writes a file of movingDeals new deals, every one a
// record the import adds.
func writeMovingDeals(t *testing.T, file string) {
	t.Helper()
	var b strings.Builder
	b.WriteString("商談ID,担当者,顧客,フェーズ,金額,作成日,完了日\n")
	for i := range movingDeals {
		switch i % 3 {
		case 0:
			fmt.Fprintf(&b, "D-%04d,田中,取引先%d,受注,%d,2026/10/%d,2026/11/%d\n", i, i%17, 10000*(i%9+1), 1+i%28, 1+i%25)
		case 1:
			fmt.Fprintf(&b, "D-%04d,佐藤,取引先%d,提案,,2026/10/%d,\n", i, i%17, 1+i%28)
		default:
			fmt.Fprintf(&b, "D-%04d,鈴木,取引先%d,失注,0,2026/9/%d,2026/11/%d\n", i, i%17, 1+i%28, 1+i%25)
		}
	}
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// movingLine reads the move's progress line, as catalog.ImportMovingLine
// writes it in each language, off a screen.
var movingLine = map[Lang]*regexp.Regexp{
	LangEN: regexp.MustCompile(`writing (\d+) of (\d+) records \((\d+)%\)`),
	LangJA: regexp.MustCompile(`書き込み中: ([\d,]+) / ([\d,]+)件 \((\d+)%\)`),
}

// importAtSize imports the move file through the cockpit at 80x24, y to
// its question, the store moving in batches when batched. Each screen the
// run shows between y and its end goes to seen, which may press keys. It
// returns the screen at the end, with p pressed there when it was not
// pressed during the run.
func importAtSize(t *testing.T, lang Lang, batched bool, seen func(a *App, view string) []string) string {
	t.Helper()
	a, st, file := importFixture(t, lang)
	if batched {
		st.SetImportBatches(store.ImportBatches{MinRows: 100, Rows: movingBatch})
	}
	writeMovingDeals(t, file)
	a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	press(t, a, "i")
	typeText(t, a, file)
	press(t, a, "enter", "enter") // read the header, then stage with the mapping found
	if s := a.overlay.(*importScreen); s.step != importStepConfirm {
		t.Fatalf("no question before the move:\n%s", screen(a))
	}
	_, cmd := a.Update(keyMsg("y"))
	pressed := false
	var after func() []tea.Cmd
	if seen != nil {
		after = func() []tea.Cmd {
			var cmds []tea.Cmd
			for _, k := range seen(a, screen(a)) {
				_, next := a.Update(keyMsg(k))
				cmds = append(cmds, next)
				pressed = true
			}
			return cmds
		}
	}
	runEach(t, a, cmd, after)
	if !pressed {
		press(t, a, "p")
	}
	return screen(a)
}

// While a large import moves its new deals in batches, the import screen
// shows how many are in, as kpit import's line says it, with a count
// between none and all of the file's deals before the import ends; a key
// typed meanwhile waits for the end (p, then names the profile to save);
// the screen at the end is the one a move in one transaction shows. Every
// line fits 80 columns, in both languages.
func TestImportScreenShowsTheBatchedMove(t *testing.T) {
	t.Parallel()
	for _, lang := range []Lang{LangEN, LangJA} {
		t.Run(string(lang), func(t *testing.T) {
			t.Parallel()
			var mid []string // the progress lines shown with some but not all deals in
			final := importAtSize(t, lang, true, func(a *App, view string) []string {
				for _, l := range strings.Split(view, "\n") {
					if w := ansi.StringWidth(l); w > 80 {
						t.Errorf("a line %d columns wide at 80x24: %q", w, l)
					}
				}
				m := movingLine[lang].FindStringSubmatch(view)
				if m == nil || a.overlay.(*importScreen).step != importStepRun {
					return nil
				}
				done, _ := strconv.Atoi(strings.ReplaceAll(m[1], ",", ""))
				total, _ := strconv.Atoi(strings.ReplaceAll(m[2], ",", ""))
				if total != movingDeals {
					t.Errorf("the move's total is %d, want the file's %d deals: %q", total, movingDeals, m[0])
				}
				if done <= 0 || done >= total {
					return nil
				}
				if pct, _ := strconv.Atoi(m[3]); pct != (done*100+total/2)/total {
					t.Errorf("%q: %d of %d is not %d%%", m[0], done, total, pct)
				}
				mid = append(mid, m[0])
				if len(mid) > 1 {
					return nil
				}
				return []string{"p"} // typed during the move: kept for the end
			})
			if len(mid) == 0 {
				t.Fatalf("no progress line with some but not all of %d deals in before the end; the end:\n%s", movingDeals, final)
			}
			if movingLine[lang].MatchString(final) {
				t.Errorf("the progress line stays at the end:\n%s", final)
			}
			if want := importAtSize(t, lang, false, nil); final != want {
				t.Errorf("the end of a batched move:\n%s\nwant the one-transaction move's:\n%s", final, want)
			}
		})
	}
}
