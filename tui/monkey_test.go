package tui

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/kpit-dev/kpit/internal/testlong"
	"github.com/kpit-dev/kpit/store"
)

// TestRandomKeysNeverPanic presses keys picked at random, with resizes in
// between, on every tab and overlay of a copy of the demo database: nothing
// panics and every frame fits the window. The plain run presses 300 keys per
// language (each key renders a whole frame); make test-long presses 2,000.
func TestRandomKeysNeverPanic(t *testing.T) {
	t.Parallel()
	presses := 300
	if testlong.Enabled() {
		presses = 2000
	}
	st, err := store.Open(copyDemo(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	keys := []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "tab", "shift+tab", "?", "esc", "enter",
		"up", "down", "left", "right", "space", "backspace", "[", "]", "p", "w", "+", "-", "e", "r", "g",
		"a", ":", "!", "i", "d", "u", "y", "n", "q", "0", "5", "%", "万", "x", "ctrl+r"}
	sizes := [][2]int{{80, 24}, {120, 40}, {40, 12}, {200, 50}, {30, 8}, {61, 17}}
	for _, lang := range []Lang{LangJA, LangEN} {
		rng := rand.New(rand.NewPCG(1, uint64(len(lang))))
		a := New(Options{Store: st, Lang: lang, Now: func() time.Time { return fixedNow }, NoColor: true})
		run(t, a, a.Init())
		size := sizes[0]
		a.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		for i := 0; i < presses; i++ {
			if rng.IntN(40) == 0 {
				size = sizes[rng.IntN(len(sizes))]
				a.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			}
			k := keys[rng.IntN(len(keys))]
			_, cmd := a.Update(keyMsg(k))
			run(t, a, cmd)
			out := screen(a)
			for _, l := range strings.Split(out, "\n") {
				if lipgloss.Width(l) > size[0] {
					t.Fatalf("%s after %d keys (last %q) at %v: line too wide: %q", lang, i, k, size, l)
				}
			}
		}
	}
}
