package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/kpit-dev/kpit/store"
)

// goldenSizes are the sizes every screen is checked at.
var goldenSizes = [][2]int{{80, 24}, {120, 40}}

// TestGolden renders every tab at both sizes in both languages on the demo
// data with the fixed clock, without colour or escape sequences, and
// compares with testdata/TestGolden/*.golden (go test ./tui -update to
// regenerate, then review the diff). Each line must fit the width.
func TestGolden(t *testing.T) {
	t.Parallel() // reads the shared demo file or a copy of its own
	for _, lang := range []Lang{LangJA, LangEN} {
		for _, sz := range goldenSizes {
			for i, tab := range tabDefs() {
				name := fmt.Sprintf("%s_%dx%d_%s", lang, sz[0], sz[1], tab.ID)
				t.Run(name, func(t *testing.T) {
					a := newTestApp(t, lang, sz[0], sz[1])
					press(t, a, fmt.Sprint(i+1))
					out := screen(a)
					checkFits(t, out, sz[0], sz[1])
					if !strings.Contains(strings.Split(out, "\n")[0], lang.T(tab.Title)) {
						t.Errorf("tab bar lacks the title %q", lang.T(tab.Title))
					}
					golden.RequireEqual(t, out)
				})
			}
			// The tree's what-if mode and detail pane.
			t.Run(fmt.Sprintf("%s_%dx%d_tree_whatif", lang, sz[0], sz[1]), func(t *testing.T) {
				a := newTestApp(t, lang, sz[0], sz[1])
				treeAt(t, a, "win_rate")
				press(t, a, "w", "+", "+")
				out := screen(a)
				checkFits(t, out, sz[0], sz[1])
				golden.RequireEqual(t, out)
			})
			// The funnel's SQL leads with a move back to MQL asked for and
			// refused (not marked a recycle); on a copy, as it tries a write.
			t.Run(fmt.Sprintf("%s_%dx%d_funnel_move", lang, sz[0], sz[1]), func(t *testing.T) {
				st, err := store.Open(copyDemo(t))
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { st.Close() })
				a := New(Options{Store: st, Lang: lang, Now: func() time.Time { return fixedNow }, NoColor: true})
				run(t, a, a.Init())
				a.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
				for i, tab := range tabDefs() {
					if tab.ID == TabFunnel {
						press(t, a, fmt.Sprint(i+1))
					}
				}
				press(t, a, "down", "down", "enter", "down", "m", "left", "left", "enter")
				out := screen(a)
				checkFits(t, out, sz[0], sz[1])
				golden.RequireEqual(t, out)
			})
			// The Records tab's customer-success kinds, a step right each.
			for steps, kind := range recordTabKinds {
				if recordEditable(kind) {
					continue
				}
				t.Run(fmt.Sprintf("%s_%dx%d_records_%s", lang, sz[0], sz[1], kind), func(t *testing.T) {
					a := newTestApp(t, lang, sz[0], sz[1])
					showTab(t, a, TabRecords)
					for range steps {
						press(t, a, "right")
					}
					out := screen(a)
					checkFits(t, out, sz[0], sz[1])
					golden.RequireEqual(t, out)
				})
			}
			t.Run(fmt.Sprintf("%s_%dx%d_tree_detail", lang, sz[0], sz[1]), func(t *testing.T) {
				a := newTestApp(t, lang, sz[0], sz[1])
				treeAt(t, a, "opportunities")
				press(t, a, "enter")
				out := screen(a)
				checkFits(t, out, sz[0], sz[1])
				golden.RequireEqual(t, out)
			})
		}
	}
}

// TestGoldenWide is the dashboard on a shared screen (200x50), where the
// trend chart sits beside the KPI table.
func TestGoldenWide(t *testing.T) {
	t.Parallel()
	for _, lang := range []Lang{LangJA, LangEN} {
		t.Run(fmt.Sprintf("%s_200x50_dashboard", lang), func(t *testing.T) {
			a := newTestApp(t, lang, 200, 50)
			out := screen(a)
			checkFits(t, out, 200, 50)
			golden.RequireEqual(t, out)
		})
	}
}

func checkFits(t *testing.T, out string, w, h int) {
	t.Helper()
	lines := strings.Split(out, "\n")
	if len(lines) != h {
		t.Errorf("%d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if lw := lipgloss.Width(l); lw > w {
			t.Errorf("line %d is %d columns wide (max %d): %q", i+1, lw, w, l)
		}
	}
}

// cells splits a line into display columns: a wide character fills its
// column and leaves the next one empty ("").
func cells(line string) []string {
	var out []string
	for _, r := range line {
		s := string(r)
		out = append(out, s)
		if lipgloss.Width(s) == 2 {
			out = append(out, "")
		}
	}
	return out
}

// TestColumnsLineUp checks, on the Japanese screens, that every figure of
// a right-aligned column ends in the column where its heading ends, though
// the KPI names before it mix two-column Japanese with ASCII.
func TestColumnsLineUp(t *testing.T) {
	t.Parallel()
	screens := []struct {
		tab     string
		headers []string
	}{
		{"1", []string{"実績", "目標", "達成率", "着地予測", "前月比"}},
		{"2", []string{"実績", "目標", "達成率", "未達寄与"}},
	}
	for _, sz := range goldenSizes {
		for _, sc := range screens {
			a := newTestApp(t, LangJA, sz[0], sz[1])
			press(t, a, sc.tab)
			lines := strings.Split(screen(a), "\n")
			head := -1
			for i, l := range lines {
				if strings.Contains(l, "達成率") && strings.Contains(l, "実績") {
					head = i
					break
				}
			}
			if head < 0 {
				t.Fatalf("tab %s at %v: no table heading", sc.tab, sz)
			}
			hc := cells(lines[head])
			checked := 0
			for _, h := range sc.headers {
				at := strings.Index(lines[head], h)
				if at < 0 {
					continue // dropped at this width
				}
				end := lipgloss.Width(lines[head][:at]) + lipgloss.Width(h) // first column after the heading
				if end > len(hc) {
					t.Fatalf("heading %s past the line", h)
				}
				rows := 0
				for _, row := range lines[head+1:] {
					if strings.TrimSpace(row) == "" {
						break
					}
					rc := cells(row)
					if end-1 >= len(rc) || rc[end-1] == " " || (end < len(rc) && rc[end] != " ") {
						t.Errorf("tab %s at %dx%d: the %s column does not end at column %d in %q",
							sc.tab, sz[0], sz[1], h, end, row)
					}
					rows++
				}
				if rows < 4 {
					t.Fatalf("tab %s: only %d rows under %s", sc.tab, rows, h)
				}
				checked++
			}
			if checked < 3 {
				t.Errorf("tab %s at %v: only %d columns checked", sc.tab, sz, checked)
			}
		}
	}
}
