package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kpit-dev/kpit/catalog"
)

// noEnglish fails on every line of a Japanese screen that shows English
// words (catalog.EnglishRun names the tokens allowed, such as KPI or esc).
func noEnglish(t *testing.T, state, out string) {
	t.Helper()
	for _, line := range strings.Split(out, "\n") {
		if run := catalog.EnglishRun(line); run != "" {
			t.Errorf("%s: English %q in %q", state, run, strings.TrimSpace(line))
		}
	}
}

// TestJapaneseScreensShowNoEnglish walks the Japanese cockpit through the
// states a user meets: every tab with its help, every overlay, a refusal in
// the entry form and in quick-add, a save that fails, and the tree's
// what-if given a value it cannot take.
func TestJapaneseScreensShowNoEnglish(t *testing.T) {
	t.Parallel()
	a := newTestApp(t, LangJA, 120, 40)
	for i, tab := range tabDefs() {
		press(t, a, fmt.Sprint(i+1))
		noEnglish(t, string(tab.ID), screen(a))
		press(t, a, "?")
		noEnglish(t, string(tab.ID)+" help", screen(a))
		press(t, a, "esc")
	}
	for _, o := range overlayDefs() {
		press(t, a, "1", o.Key(LangJA).Keys()[0])
		noEnglish(t, o.ID, screen(a))
		press(t, a, "esc")
	}

	t.Run("what-if values", func(t *testing.T) {
		for _, typed := range []string{"-5", "abc", "5/fortnight"} {
			a := newTestApp(t, LangJA, 120, 40)
			treeAt(t, a, "visits")
			press(t, a, "w", "e")
			typeText(t, a, typed)
			press(t, a, "enter")
			noEnglish(t, "what-if "+typed, screen(a))
		}
	})

	t.Run("entry form", func(t *testing.T) {
		st := entryStore(t)
		a := entryApp(t, st, LangJA)
		press(t, a, "a", "down", "down", "backspace")
		typeText(t, a, "abc")
		press(t, a, "enter")
		noEnglish(t, "bad count", screen(a))
		press(t, a, "backspace", "backspace", "backspace")
		typeText(t, a, "200000")
		press(t, a, "enter")
		noEnglish(t, "count too large", screen(a))
		press(t, a, "esc")

		// The database goes away under the form: the save fails.
		st.Close()
		press(t, a, "a", "enter")
		noEnglish(t, "save failed", screen(a))
	})

	t.Run("quick-add", func(t *testing.T) {
		a := entryApp(t, entryStore(t), LangJA)
		press(t, a, ":")
		typeText(t, a, "訪問 2026-02-30")
		press(t, a, "enter")
		noEnglish(t, "quick-add bad date", screen(a))
	})
}

// TestJapaneseScreensShowNoEnglishWhenTheDatabaseFails reloads every tab
// after the database has gone away: each says so in Japanese.
func TestJapaneseScreensShowNoEnglishWhenTheDatabaseFails(t *testing.T) {
	t.Parallel()
	st := entryStore(t)
	a := entryApp(t, st, LangJA)
	st.Close()
	for i, tab := range tabDefs() {
		press(t, a, fmt.Sprint(i+1), "ctrl+r")
		noEnglish(t, string(tab.ID), screen(a))
	}
	for _, o := range overlayDefs() {
		press(t, a, "1", o.Key(LangJA).Keys()[0])
		noEnglish(t, o.ID, screen(a))
		press(t, a, "esc")
	}
}
