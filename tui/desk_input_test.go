package tui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

func ctrl(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Mod: tea.ModCtrl} }

func sendKeys(t *testing.T, a *App, msgs ...tea.KeyPressMsg) {
	t.Helper()
	for _, m := range msgs {
		_, cmd := a.Update(m)
		run(t, a, cmd)
	}
}

// The entry form's Count comes prefilled with 1: typing 3 there records
// a count of 3, not 13.
func TestEntryCountTypedReplacesThePrefilledOne(t *testing.T) {
	t.Parallel()
	for _, lang := range []Lang{LangJA, LangEN} {
		st := entryStore(t)
		a := entryApp(t, st, lang)
		press(t, a, "a", "down", "down") // kind, rep, count
		typeText(t, a, "3")
		press(t, a, "enter")
		acts := activities(t, st)
		if len(acts) != 1 || acts[0].Count != 3 {
			t.Fatalf("%s: stored %+v, want one activity of count 3", lang, acts)
		}
	}
}

// In the KGI prompt ctrl+u clears what was typed: 123, ctrl+u, 8億 is
// ¥800,000,000, shown old -> new and saved only on y.
func TestKGIPromptCtrlUClearsAndTheChangeIsConfirmed(t *testing.T) {
	t.Parallel()
	st := entryStore(t)
	a := entryApp(t, st, LangJA)
	a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	press(t, a, "1", "g")
	typeText(t, a, "123")
	sendKeys(t, a, ctrl('u'))
	typeText(t, a, "8億")
	press(t, a, "enter")
	typeText(t, a, "期初の目標")
	press(t, a, "enter")
	out := screen(a)
	if !strings.Contains(out, "-> ¥800,000,000") || !strings.Contains(out, "(y/n)") {
		t.Fatalf("the change should be shown before it is saved:\n%s", out)
	}
	if _, ok, _ := st.KGI(context.Background()); ok {
		t.Fatal("the KGI was saved before y")
	}
	press(t, a, "y")
	kgi, ok, err := st.KGI(context.Background())
	if err != nil || !ok || kgi.Value != 800_000_000 {
		t.Fatalf("stored KGI %+v %v %v, want ¥800,000,000", kgi, ok, err)
	}
	// Changing it again shows the old value beside the new one; n saves nothing.
	press(t, a, "g")
	typeText(t, a, "9億")
	press(t, a, "enter")
	typeText(t, a, "上方修正")
	press(t, a, "enter")
	if out := screen(a); !strings.Contains(out, "¥800,000,000 -> ¥900,000,000") {
		t.Fatalf("the confirmation should show old -> new:\n%s", out)
	}
	press(t, a, "n")
	if kgi, _, _ := st.KGI(context.Background()); kgi.Value != 800_000_000 {
		t.Fatalf("n saved the KGI: %v", kgi.Value)
	}
}

// A long amount at 80 columns stays inside the window: the text scrolls
// in its field and the refusal wraps under it.
func TestKGIPromptStaysInsideANarrowWindow(t *testing.T) {
	t.Parallel()
	for _, lang := range []Lang{LangJA, LangEN} {
		a := entryApp(t, entryStore(t), lang)
		a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		press(t, a, "1", "g")
		typeText(t, a, strings.Repeat("1234567890", 10)+"x")
		press(t, a, "enter")
		out := screen(a)
		for _, l := range strings.Split(out, "\n") {
			if w := lipgloss.Width(l); w > 80 {
				t.Errorf("%s: line of %d columns: %q", lang, w, l)
			}
		}
		// The end of what was typed, where the cursor is, is on screen.
		if !strings.Contains(out, "7890x") {
			t.Errorf("%s: the typed end is not shown:\n%s", lang, out)
		}
		if !strings.Contains(out, lang.T(msgKGIBad, "")[:6]) {
			t.Errorf("%s: the refusal is not shown:\n%s", lang, out)
		}
	}
}

func TestLineInputKeys(t *testing.T) {
	t.Parallel()
	key := func(s string) tea.KeyPressMsg {
		switch s {
		case "left":
			return tea.KeyPressMsg{Code: tea.KeyLeft}
		case "backspace":
			return tea.KeyPressMsg{Code: tea.KeyBackspace}
		case "end":
			return tea.KeyPressMsg{Code: tea.KeyEnd}
		}
		if strings.HasPrefix(s, "ctrl+") {
			return ctrl(rune(s[5]))
		}
		return tea.KeyPressMsg{Code: []rune(s)[0], Text: s}
	}
	for _, c := range []struct {
		start string
		keys  []string
		want  string
	}{
		{"1", []string{"3"}, "3"},                          // a prefilled value is replaced
		{"1", []string{"end", "3"}, "13"},                  // unless the cursor is moved first
		{"1", []string{"backspace", "5"}, "5"},             // backspace clears a selection
		{"", []string{"1", "2", "3", "ctrl+u", "8"}, "8"},  // ctrl+u clears to the start
		{"", []string{"a", "b", "left", "ctrl+u"}, "b"},    // ... only to the start
		{"", []string{"a", " ", "b", "c", "ctrl+w"}, "a "}, // ctrl+w: the word before
		{"", []string{"a", "b", "ctrl+a", "x", "ctrl+e", "y"}, "xaby"},
		{"", []string{"a", "b", "ctrl+a", "ctrl+k"}, ""},
		{"田中 花子", []string{"end", "ctrl+w", "太郎"}, "田中 太郎"},
		{"2026-11-30", []string{"ctrl+w"}, ""}, // a selection goes whole
	} {
		in := newLineInput(c.start)
		for _, k := range c.keys {
			in.Update(key(k))
		}
		if got := in.Value(); got != c.want {
			t.Errorf("%q then %v: %q, want %q", c.start, c.keys, got, c.want)
		}
	}
}

// A value longer than its field scrolls: the cursor's end is shown with a
// mark where text is hidden, in no more columns than given, and a Japanese
// character is never split.
func TestLineInputScrollsInsideItsWidth(t *testing.T) {
	t.Parallel()
	in := newLineInput("")
	in.Update(tea.KeyPressMsg{Code: 'あ', Text: strings.Repeat("あいうえお", 8)})
	for _, w := range []int{9, 10, 20, 33} {
		v := ansi.Strip(in.View(true, lipgloss.NewStyle(), w))
		if lipgloss.Width(v) > w {
			t.Errorf("width %d: %q takes %d columns", w, v, lipgloss.Width(v))
		}
		if !strings.HasPrefix(v, inputScrollMark) || !strings.Contains(v, "えお") {
			t.Errorf("width %d: %q should show the end with a mark before it", w, v)
		}
	}
	in.Update(tea.KeyPressMsg{Code: tea.KeyHome})
	v := ansi.Strip(in.View(true, lipgloss.NewStyle(), 20))
	if !strings.HasPrefix(v, "あい") || !strings.HasSuffix(v, ">") {
		t.Errorf("at the start: %q should show the start with a mark after it", v)
	}
}

// The rep of a form can be typed into: 鈴 narrows the reps to 鈴木, who is
// then recorded.
func TestEntryRepTypedNarrows(t *testing.T) {
	t.Parallel()
	for _, lang := range []Lang{LangJA, LangEN} {
		st := entryStore(t)
		a := entryApp(t, st, lang)
		press(t, a, "a", "down", "/") // kind, then rep (田中 first); / starts the filter
		typeText(t, a, "鈴")
		if out := screen(a); !strings.Contains(out, "< 鈴木 >") || !strings.Contains(out, "(1") {
			t.Fatalf("%s: typing 鈴 should pick 鈴木:\n%s", lang, out)
		}
		press(t, a, "enter")
		acts := activities(t, st)
		if len(acts) != 1 || acts[0].RepName != "鈴木" {
			t.Fatalf("%s: stored %+v, want 鈴木's activity", lang, acts)
		}
	}
}
