package tui

import (
	"strings"
	"testing"
)

// TestChecklistDeadlineInWords: items 8 and 9 name the entry deadline in
// the catalogue's words, never as the stored rule name.
func TestChecklistDeadlineInWords(t *testing.T) {
	t.Parallel()
	for _, lang := range []Lang{LangJA, LangEN} {
		a := newTestApp(t, lang, 200, 50)
		press(t, a, "4")
		l := lineWith(a, lang.Pick("アラート オン", "Alerts on;"))
		want := lang.Pick("(期限 翌営業日まで)", "(deadline by the next business day)")
		if !strings.Contains(l, want) || strings.Contains(screen(a), "next-business-day") {
			t.Errorf("%s: item 9 evidence %q lacks %q", lang, l, want)
		}
	}
	for _, tt := range []struct{ rule, ja, en string }{
		{"next-business-day", "翌営業日まで", "by the next business day"},
		{"same-day", "当日中", "the same day"},
		{"3d", "3日以内", "within 3 days"},
		{"odd", "odd", "odd"},
	} {
		if ja, en := deadlineRuleWord(LangJA, tt.rule), deadlineRuleWord(LangEN, tt.rule); ja != tt.ja || en != tt.en {
			t.Errorf("deadlineRuleWord(%q) = %q / %q, want %q / %q", tt.rule, ja, en, tt.ja, tt.en)
		}
	}
}
