package tui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kpit-dev/kpit/importer"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// The kind line cycles through every kind `kpit import` takes, the
// customer-success records among them, and comes back to the first.
func TestImportScreenOffersEveryImportKind(t *testing.T) {
	t.Parallel()
	a, _, file := importFixture(t, LangEN)
	press(t, a, "i")
	typeText(t, a, file)
	press(t, a, "enter")
	var seen []string
	for range len(importer.ImportKinds()) + 1 {
		l := importLine(screen(a), "Kind: <")
		_, name, _ := strings.Cut(l, "< ")
		name, _, _ = strings.Cut(name, " >")
		seen = append(seen, name)
		press(t, a, "right")
	}
	want := []string{"opportunities", "activities", "leads", "customers", "reps", "NPS answers", "usage checks", "inquiries",
		"e-mail campaigns", "opportunities"}
	if strings.Join(seen, "|") != strings.Join(want, "|") {
		t.Fatalf("kinds offered = %q; want %q", seen, want)
	}
}

// A survey tool's NPS export with Japanese headers comes in by the
// cockpit: the fields are named in Japanese, the question counts the
// answers before and after, and the store holds the scores of the file.
func TestImportScreenNPSAnswers(t *testing.T) {
	t.Parallel()
	a, st, fixture := importFixture(t, LangJA)
	file := filepath.Join(filepath.Dir(fixture), "nps.csv")
	text := "回答ID,回答日,スコア,会社名,コメント\n" +
		"R-1,2026/11/02,10,あおば,対応が早い\n" +
		"R-2,2026/11/03,9,ひかり,\n" +
		"R-3,2026/11/04,3,みどり,高い\n"
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	press(t, a, "i")
	typeText(t, a, file)
	press(t, a, "enter")
	// From 商談, four steps left: メール配信, 問い合わせ, 利用状況, NPS回答.
	press(t, a, "left", "left", "left", "left")
	view := screen(a)
	if !strings.Contains(view, "種類: < NPS回答 >") {
		t.Fatalf("kind after four steps left:\n%s", view)
	}
	// Each field by its Japanese name, bound to the column of that header
	// (the id is optional: a row without one gets one derived).
	for label, col := range map[string]string{"回答ID": "回答ID", "日付*": "回答日", "スコア*": "スコア", "顧客": "会社名", "コメント": "コメント"} {
		if !mappedTo(view, label, col) {
			t.Errorf("%s is not bound to %s:\n%s", label, col, view)
		}
	}
	press(t, a, "enter")
	if view := screen(a); !strings.Contains(view, "NPS回答  0 -> 3 (+3)") {
		t.Fatalf("question:\n%s", view)
	}
	press(t, a, "y")
	if view := screen(a); !strings.Contains(view, "追加 3件") {
		t.Fatalf("summary:\n%s", view)
	}
	// By hand from the file: three answers in November, 10 and 9 promoters,
	// 3 a detractor.
	c, err := st.SuccessCounts(context.Background(), store.SuccessSpan{From: model.D(2026, 11, 1), To: model.D(2026, 12, 1), AsOf: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	if c.NPSAnswers != 3 || c.Promoters != 2 || c.Detractors != 1 {
		t.Errorf("stored answers %d, promoters %d, detractors %d; want 3, 2, 1", c.NPSAnswers, c.Promoters, c.Detractors)
	}
}

// mappedTo reports whether the mapping shows the field labelled label
// bound to column col.
func mappedTo(view, label, col string) bool {
	for _, l := range strings.Split(view, "\n") {
		l = strings.Trim(l, "│ >")
		if name, rest, ok := strings.Cut(l, "<- "); ok && strings.TrimSpace(name) == label && strings.HasPrefix(rest, col+" ") {
			return true
		}
	}
	return false
}
