package tui

import (
	"context"
	"github.com/kpit-dev/kpit/model"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/importer"
)

// An invalid row is worded in the cockpit's language: in Japanese from the
// catalogue, in English exactly the CLI's line (RowError.Error).
func TestImportRowErrorInTheUILanguage(t *testing.T) {
	for _, c := range []struct {
		lang Lang
		want string
	}{
		{LangJA, `bad.csv:4行目: 列「金額」: "abc円" は金額として読めません`},
		{LangEN, `bad.csv:4: column 金額: "abc円" is not an amount of yen`},
	} {
		a, _, _ := importFixture(t, c.lang)
		a.Update(tea.WindowSizeMsg{Width: 200, Height: 40})
		dir := t.TempDir()
		wd, _ := os.Getwd()
		t.Cleanup(func() { os.Chdir(wd) })
		if err := os.Chdir(dir); err != nil {
			t.Fatal(err)
		}
		text := "商談ID,担当者,金額\nD-1,鈴木,100\nD-2,鈴木,200\nD-3,鈴木,abc円\n"
		if err := os.WriteFile(filepath.Join(dir, "bad.csv"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		press(t, a, "i")
		typeText(t, a, "bad.csv")
		press(t, a, "enter", "enter")
		if view := screen(a); !strings.Contains(view, c.want) {
			t.Errorf("%s: %q missing from\n%s", c.lang, c.want, view)
		}
	}
}

// Every problem's English entry words a row error exactly as its Error
// does, so the English UI and the CLI say the same.
func TestImportProblemEnglishIsTheCLILine(t *testing.T) {
	header := []string{"id", "owner", "amount", "closed", "stage", "department", "outcome", "created"}
	rows := [][]string{
		{"D-1", "", "", "", "", "", "", ""},
		{"D-1", "a", "x", "", "", "", "", ""},
		{"D-1", "a", "-1", "", "", "", "", ""},
		{"D-1", "a", "1.5", "", "", "", "", ""},
		{"D-1", "a", "", "soon", "", "", "", ""},
		{"D-1", "a", "", "1800-01-01", "", "", "", ""},
		{"D-1", "a", "", "2026-02-30", "", "", "", ""},
		{"D-1", "a", "", "", "", "mars", "", ""},
		{"D-1", "a", "", "", "", "", "maybe", ""},
		{"D-1", "a", "", "2026-11-01", "won", "", "", ""},
		{"D-1", "a", "5", "", "won", "", "", ""},
		{"D-1", "a", "", "2026-11-01", "", "", "", "2026-11-20"},
	}
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString(strings.Join(header, ",") + "\n")
	for _, r := range rows {
		b.WriteString(strings.Join(r, ",") + "\n")
	}
	file := filepath.Join(dir, "x.csv")
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	src, err := importer.Open(file, importer.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	bind, err := importer.Bind(importer.Opportunities, src.Header(), nil)
	if err != nil {
		t.Fatal(err)
	}
	var errs []*importer.RowError
	_, err = importer.Run(t.Context(), src, bind, nopSink{}, importer.Options{File: "x.csv", Today: fixedNow, SkipInvalid: true,
		OnInvalid: func(re *importer.RowError) { errs = append(errs, re) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(errs) != len(rows) {
		t.Fatalf("%d rows refused, want %d", len(errs), len(rows))
	}
	for _, re := range errs {
		if re.Problem == importer.ProblemOther {
			t.Errorf("no problem code: %s", re.Error())
		}
		if got := importErrorText(LangEN, importer.Opportunities, re); got != re.Error() {
			t.Errorf("English UI %q, CLI %q", got, re.Error())
		}
		if ja := importErrorText(LangJA, importer.Opportunities, re); ja == re.Error() || strings.Contains(ja, "column") {
			t.Errorf("Japanese UI left in English: %q", ja)
		}
	}
}

// nopSink takes every record and writes nothing.
type nopSink struct{}

func (nopSink) Rep(context.Context, string, model.Department) (int64, error) { return 1, nil }
func (nopSink) OpportunityID(context.Context, string) (int64, bool, error) {
	return 0, false, nil
}
func (nopSink) UpsertOpportunities(_ context.Context, r []model.Opportunity) (int, int, int, error) {
	return len(r), 0, 0, nil
}
func (nopSink) UpsertActivities(_ context.Context, r []model.Activity) (int, int, int, error) {
	return len(r), 0, 0, nil
}
func (nopSink) UpsertLeads(_ context.Context, r []model.Lead) (int, int, int, error) {
	return len(r), 0, 0, nil
}
func (nopSink) UpsertCustomers(_ context.Context, r []model.Customer) (int, int, int, error) {
	return len(r), 0, 0, nil
}
func (nopSink) UpsertReps(_ context.Context, r []model.Rep) (int, int, int, error) {
	return len(r), 0, 0, nil
}
func (nopSink) RepsCreated() int { return 0 }
func (nopSink) StoredCreated(context.Context, string) (time.Time, bool, error) {
	return time.Time{}, false, nil
}
func (nopSink) CustomerID(context.Context, string) (int64, error) { return 1, nil }
func (nopSink) UpsertNPSAnswers(_ context.Context, r []model.NPSAnswer) (int, int, int, error) {
	return len(r), 0, 0, nil
}
func (nopSink) UpsertUsage(_ context.Context, r []model.Usage) (int, int, int, error) {
	return len(r), 0, 0, nil
}
func (nopSink) UpsertInquiries(_ context.Context, r []model.Inquiry) (int, int, int, error) {
	return len(r), 0, 0, nil
}
func (nopSink) UpsertCampaigns(_ context.Context, r []model.Campaign) (int, int, int, error) {
	return len(r), 0, 0, nil
}
