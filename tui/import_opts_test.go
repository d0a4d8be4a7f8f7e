package tui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/importer"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// stageFile writes an SFA export whose stages are 成約/不成約/提案中 (none
// of them kpit's default won/lost words) and whose amount column (受注額)
// needs mapping by hand.
func stageFile(t *testing.T, name string, rows ...string) string {
	t.Helper()
	text := "商談ID,担当者,フェーズ,受注額,作成日,完了日\n" + strings.Join(rows, "\n") + "\n"
	file := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

func outcomes(t *testing.T, st *store.Store) map[string]model.Outcome {
	t.Helper()
	got := map[string]model.Outcome{}
	if err := st.ExportOpportunities(context.Background(), func(o model.Opportunity) error {
		got[o.ExternalID] = o.Outcome
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return got
}

// Marking 成約 won and 不成約 lost in the screen imports those deals as won
// and lost; 提案中 stays open. The settings saved as a profile read back
// from the store as `kpit import --profile` reads them, and applying the
// profile in a second import fills the mapping and the stage words.
func TestImportScreenStagesAndProfile(t *testing.T) {
	t.Parallel()
	a, st, _ := importFixture(t, LangEN)
	file := stageFile(t, "sfa.csv",
		"S-1,田中,成約,500000,2026/11/1,2026/11/20",
		"S-2,田中,不成約,0,2026/11/2,2026/11/21",
		"S-3,佐藤,提案中,,2026/11/3,")
	press(t, a, "i")
	typeText(t, a, file)
	press(t, a, "enter")
	s := a.overlay.(*importScreen)
	if got := s.stageValues(); !slices.Equal(got, []string{"成約", "不成約", "提案中"}) {
		t.Fatalf("stage values = %v", got)
	}
	// Before any mark every value is open (none is a default word).
	if l := importLine(screen(a), "Stages (w"); !strings.Contains(l, "成約=open") || !strings.Contains(l, "不成約=open") {
		t.Fatalf("stages line = %q", l)
	}
	// Amount (the 9th field) to 受注額, the 4th column: four steps right.
	press(t, a, "down", "down", "down", "down", "down", "down", "down", "down", "down")
	press(t, a, "right", "right", "right", "right")
	if l := importLine(screen(a), "amount "); !strings.Contains(l, "<- 受注額") {
		t.Fatalf("amount = %q", l)
	}
	// The stages line is the last row: up from the kind line reaches it.
	for s.cursor != 0 {
		press(t, a, "up")
	}
	press(t, a, "up", "w", "right", "l")
	l := importLine(screen(a), "Stages (w")
	for _, want := range []string{"成約=won", "不成約=lost", "提案中=open"} {
		if !strings.Contains(l, want) {
			t.Fatalf("%q missing from the stages line %q", want, l)
		}
	}
	press(t, a, "enter", "y") // three new deals: the screen asks first
	if view := screen(a); !strings.Contains(view, "inserted 3, updated 0, unchanged 0, skipped 0") {
		t.Fatalf("summary:\n%s", view)
	}
	want := map[string]model.Outcome{"S-1": model.OutcomeWon, "S-2": model.OutcomeLost, "S-3": model.OutcomeOpen}
	if got := outcomes(t, st); !maps2Equal(got, want) {
		t.Fatalf("outcomes = %v; want %v", got, want)
	}

	// Save as profile "sfa": p, the name, enter.
	press(t, a, "p")
	typeText(t, a, "sfa")
	press(t, a, "enter")
	if view := screen(a); !strings.Contains(view, "profile sfa saved") {
		t.Fatalf("save:\n%s", view)
	}
	kind, spec, ok, err := st.ImportProfile(context.Background(), "sfa")
	if err != nil || !ok || kind != "opportunities" {
		t.Fatalf("profile read back: %q %v %v", kind, ok, err)
	}
	p, err := importer.ParseProfile("sfa", spec)
	if err != nil {
		t.Fatal(err)
	}
	if p.Map["amount"] != "受注額" || p.Map["stage"] != "フェーズ" || !slices.Contains(p.Won, "成約") || !slices.Contains(p.Lost, "不成約") ||
		slices.Contains(p.Won, "提案中") || slices.Contains(p.Lost, "提案中") || p.Encoding != importer.EncodingUTF8 {
		t.Fatalf("profile = %+v", p)
	}
	press(t, a, "enter") // close

	// A second week's file: the profile fills the mapping and stage words.
	file2 := stageFile(t, "sfa2.csv",
		"S-3,佐藤,成約,800000,2026/11/3,2026/11/26",
		"S-4,鈴木,不成約,0,2026/11/4,2026/11/26",
		"S-5,鈴木,提案中,,2026/11/5,")
	press(t, a, "i")
	typeText(t, a, file2)
	press(t, a, "enter")
	if l := importLine(screen(a), "amount "); !strings.Contains(l, "<- (none)") {
		t.Fatalf("amount before the profile = %q", l)
	}
	press(t, a, "p")
	view := screen(a)
	if !strings.Contains(view, "Profile: sfa") || !strings.Contains(importLine(view, "amount "), "<- 受注額") ||
		!strings.Contains(importLine(view, "Stages (w"), "成約=won") || !strings.Contains(importLine(view, "Stages (w"), "不成約=lost") {
		t.Fatalf("profile applied:\n%s", view)
	}
	press(t, a, "enter", "y")
	if view := screen(a); !strings.Contains(view, "inserted 2, updated 1, unchanged 0, skipped 0") {
		t.Fatalf("second summary:\n%s", view)
	}
	want = map[string]model.Outcome{"S-1": model.OutcomeWon, "S-2": model.OutcomeLost, "S-3": model.OutcomeWon,
		"S-4": model.OutcomeLost, "S-5": model.OutcomeOpen}
	if got := outcomes(t, st); !maps2Equal(got, want) {
		t.Fatalf("outcomes after the profile = %v; want %v", got, want)
	}
}

func maps2Equal(a, b map[string]model.Outcome) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// p with no saved profile says so; it does not change the mapping.
func TestImportScreenNoProfiles(t *testing.T) {
	t.Parallel()
	a, _, file := importFixture(t, LangJA)
	press(t, a, "i")
	typeText(t, a, file)
	press(t, a, "enter", "p")
	if view := screen(a); !strings.Contains(view, "保存したプロファイルはまだありません") || !strings.Contains(view, "種類: < 商談 >") {
		t.Fatalf("no profiles:\n%s", view)
	}
}

// File-level errors read in Japanese in the Japanese screen; in English
// they are the CLI's line, unchanged.
func TestImportScreenFileErrorsInJapanese(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.csv")
	// Line 3 has a quote inside an unquoted field (csv.ErrBareQuote).
	text := "商談ID,担当者,フェーズ\nD-1,田中,提案\nD-2,佐\"藤,提案\n"
	if err := os.WriteFile(broken, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		lang Lang
		want string
	}{
		{LangJA, "broken.csv:3行目: 引用符 (\") で囲んでいない項目の中に引用符があります (項目を引用符で囲み"},
		{LangEN, "broken.csv:3: a stray quote (\") in a field that is not quoted, on line 3, column 8"}, // the CLI's line (column in bytes), base name
	} {
		a, st, _ := importFixture(t, c.lang)
		a.Update(tea.WindowSizeMsg{Width: 200, Height: 40})
		press(t, a, "i")
		typeText(t, a, broken)
		press(t, a, "enter", "enter")
		s := a.overlay.(*importScreen)
		if s.step != importStepDone || s.err == nil {
			t.Fatalf("%s: the import did not fail: %v\n%s", c.lang, s.err, screen(a))
		}
		view := screen(a)
		if !strings.Contains(view, c.want) {
			t.Errorf("%s: %q missing from\n%s", c.lang, c.want, view)
		}
		if got := outcomes(t, st); len(got) != 0 {
			t.Errorf("%s: a failed import wrote %v", c.lang, got)
		}
	}

	// A file that is not there, in Japanese.
	a, _, _ := importFixture(t, LangJA)
	press(t, a, "i")
	typeText(t, a, filepath.Join(dir, "nothing.csv"))
	press(t, a, "enter")
	if view := screen(a); !strings.Contains(view, "nothing.csv: ファイルがありません") || strings.Contains(view, "no such file") {
		t.Errorf("missing file:\n%s", view)
	}
}
