package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/kpit-dev/kpit/store"
)

// fuzzKeys are the keys a fuzz input picks from: letters, digits and
// signs as typed, and the named keys a terminal sends, each with the
// modifiers it can carry.
var fuzzKeys = func() []tea.KeyPressMsg {
	var out []tea.KeyPressMsg
	for _, r := range "abcdefghijklmnopqrstuvwxyzAHLNS0123456789?/!:;[]+-%.,=*' 万円田" {
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	for _, c := range []rune{tea.KeyEnter, tea.KeyEscape, tea.KeyTab, tea.KeyBackspace, tea.KeyDelete, tea.KeySpace,
		tea.KeyUp, tea.KeyDown, tea.KeyLeft, tea.KeyRight, tea.KeyHome, tea.KeyEnd, tea.KeyPgUp, tea.KeyPgDown, tea.KeyF1} {
		out = append(out, tea.KeyPressMsg{Code: c})
		out = append(out, tea.KeyPressMsg{Code: c, Mod: tea.ModShift})
		out = append(out, tea.KeyPressMsg{Code: c, Mod: tea.ModAlt})
	}
	for _, r := range "abdefhklnpqruwz" { // ctrl+c quits: the input goes on after it
		out = append(out, tea.KeyPressMsg{Code: r, Mod: tea.ModCtrl})
	}
	return out
}()

// fuzzEvents turns a fuzz input into the messages a terminal sends: each
// byte chooses an event, the bytes after it its details. The first two
// bytes are the window's size, 1×1 to 400×120.
func fuzzEvents(data []byte) (w, h int, events []tea.Msg) {
	at := func(i int) int {
		if i < len(data) {
			return int(data[i])
		}
		return 0
	}
	w, h = fuzzSize(at(0), at(1))
	const maxEvents = 48 // each event renders a frame of the demo's data
	for i := 2; i < len(data) && len(events) < maxEvents; {
		op := data[i]
		i++
		switch op % 8 {
		case 0, 1, 2, 3:
			events = append(events, fuzzKeys[(int(op)/8*256+at(i))%len(fuzzKeys)])
			i++
		case 4:
			buttons := []tea.MouseButton{tea.MouseLeft, tea.MouseRight, tea.MouseMiddle}
			m := tea.Mouse{X: at(i) % (w + 2), Y: at(i+1) % (h + 2), Button: buttons[int(op)/8%len(buttons)]}
			events = append(events, tea.MouseClickMsg(m))
			i += 2
		case 5:
			buttons := []tea.MouseButton{tea.MouseWheelUp, tea.MouseWheelDown}
			m := tea.Mouse{X: at(i) % (w + 2), Y: at(i+1) % (h + 2), Button: buttons[int(op)/8%len(buttons)]}
			events = append(events, tea.MouseWheelMsg(m))
			i += 2
		case 6:
			start := min(i+1, len(data))
			end := min(start+at(i)%24, len(data))
			events = append(events, tea.PasteMsg{Content: string(data[start:end])})
			i = end
		case 7:
			w, h = fuzzSize(at(i), at(i+1))
			events = append(events, tea.WindowSizeMsg{Width: w, Height: h})
			i += 2
		}
	}
	return w, h, events
}

// fuzzSize maps two bytes onto a window of 1×1 to 400×120.
func fuzzSize(x, y int) (w, h int) { return 1 + x*399/255, 1 + y*119/255 }

// fuzzRootModelSeeds are FuzzRootModel's seed inputs.
var fuzzRootModelSeeds = [][]byte{
	{80, 24, 0, 1, 2, 3},
	{1, 1, 0, 'a', 0, 'b'},
	{200, 119, 7, 255, 119, 4, 10, 0, 6, 5, 'h', 'e', 'l', 'l', 'o'},
	[]byte("entry: a then enter \x00\x01\x02"),
}

// FuzzRootModel sends random keys, clicks, wheel turns, pastes and
// resizes (1×1 to 400×120) to the cockpit on a copy of the demo database:
// it never panics, and every frame fits the window it is drawn for.
func FuzzRootModel(f *testing.F) {
	for _, seed := range fuzzRootModelSeeds {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRootModel(t, data) })
}

// BenchmarkFuzzRootModel is what one of FuzzRootModel's inputs costs: the
// fuzzer tries as many as this allows in CI's minute.
func BenchmarkFuzzRootModel(b *testing.B) {
	for b.Loop() {
		for _, seed := range fuzzRootModelSeeds {
			fuzzRootModel(b, seed)
		}
	}
}

// fuzzRootModel is one input of FuzzRootModel.
func fuzzRootModel(tb testing.TB, data []byte) {
	st, err := store.Open(copyDemo(tb))
	if err != nil {
		tb.Fatal(err)
	}
	defer st.Close()
	st.SetClock(func() time.Time { return fixedNow })
	w, h, events := fuzzEvents(data)
	a := New(Options{Store: st, Lang: []Lang{LangJA, LangEN}[len(data)%2], Now: func() time.Time { return fixedNow }, NoColor: true})
	a.Update(tea.WindowSizeMsg{Width: w, Height: h})
	run(tb, a, a.Init())
	for i, ev := range events {
		if s, ok := ev.(tea.WindowSizeMsg); ok {
			w, h = s.Width, s.Height
		}
		_, cmd := a.Update(ev)
		run(tb, a, cmd)
		lines := strings.Split(screen(a), "\n")
		if len(lines) > h {
			tb.Fatalf("after event %d (%#v) at %dx%d: %d lines", i, ev, w, h, len(lines))
		}
		for _, l := range lines {
			if lipgloss.Width(l) > w {
				tb.Fatalf("after event %d (%#v) at %dx%d: line too wide: %q", i, ev, w, h, l)
			}
		}
	}
}
