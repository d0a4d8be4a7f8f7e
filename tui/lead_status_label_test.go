package tui

import (
	"context"
	"strings"
	"testing"

	"github.com/kpit-dev/kpit/model"
)

// TestLeadStatusInJapanese: a new lead's status reads 新規 in the Japanese
// entry form and records list, "new" in English, never the stored word in
// the Japanese cockpit.
func TestLeadStatusInJapanese(t *testing.T) {
	t.Parallel()
	for lang, want := range map[Lang]string{LangJA: "新規", LangEN: "new"} {
		st := entryStore(t)
		if _, err := st.AddLead(context.Background(), model.Lead{Company: "株式会社ABC", RepName: "田中",
			Created: model.D(2026, 11, 20), Status: model.LeadStatus("new")}); err != nil {
			t.Fatal(err)
		}
		a := entryApp(t, st, lang)
		press(t, a, "5", "right", "right")
		row := lineWith(a, "株式会社ABC")
		if !strings.Contains(row, " "+want+" ") || (lang == LangJA && strings.Contains(row, " new ")) {
			t.Errorf("%s: lead row %q lacks status %q", lang, row, want)
		}
		e := &entryScreen{Common: &Common{Lang: lang}}
		f := statusChoice(e.Lang, "new")
		if got := f.labels[f.idx]; got != want {
			t.Errorf("%s: the form's status for new reads %q, want %q", lang, got, want)
		}
	}
}
