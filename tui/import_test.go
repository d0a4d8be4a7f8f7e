package tui

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/japanese"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// importFixture writes a CP932 export whose amount column (受注額) has a
// name kpit does not know, and opens a fresh cockpit on an empty database.
func importFixture(t *testing.T, lang Lang) (*App, *store.Store, string) {
	t.Helper()
	return importFixtureWithin(t, lang, model.Limits{})
}

// importFixtureWithin is importFixture with a cockpit given limits, as
// the config file's [limits] gives them (zero: the defaults).
func importFixtureWithin(t *testing.T, lang Lang, limits model.Limits) (*App, *store.Store, string) {
	t.Helper()
	dir := t.TempDir()
	text := "商談ID,担当者,顧客,フェーズ,受注額,作成日,完了日\r\n" +
		"D-1,田中,あおば,受注,\"1,200,000円\",2026/11/1,2026/11/20\r\n" +
		"D-2,佐藤,ひかり,提案,,2026/11/2,\r\n" +
		"D-3,佐藤,みどり,失注,0,2026/11/3,2026/11/25\r\n"
	sjis, err := japanese.ShiftJIS.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "deals.csv")
	if err := os.WriteFile(file, []byte(sjis), 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(filepath.Join(dir, "k.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	a := New(Options{Store: st, Lang: lang, Now: func() time.Time { return fixedNow }, NoColor: true, Limits: limits})
	run(t, a, a.Init())
	a.Update(tea.WindowSizeMsg{Width: 110, Height: 40})
	return a, st, file
}

func importLine(view, substr string) string {
	for _, l := range strings.Split(view, "\n") {
		if strings.Contains(l, substr) {
			return l
		}
	}
	return ""
}

func TestImportScreenDetectMapConfirm(t *testing.T) {
	t.Parallel()
	a, st, file := importFixture(t, LangEN)
	press(t, a, "i")
	if _, ok := a.overlay.(*importScreen); !ok {
		t.Fatalf("i opened %T", a.overlay)
	}
	typeText(t, a, file)
	press(t, a, "enter")
	view := screen(a)
	for _, want := range []string{"Encoding: cp932   Delimiter: comma", "Columns (7): 商談ID, 担当者, 顧客, フェーズ, 受注額, 作成日, 完了日", "Kind: < opportunities >"} {
		if !strings.Contains(view, want) {
			t.Fatalf("detection: %q missing from\n%s", want, view)
		}
	}
	if l := importLine(view, "id*"); !strings.Contains(l, "<- 商談ID") || !strings.Contains(l, "D-1") {
		t.Errorf("id line = %q", l)
	}
	if l := importLine(view, "account "); !strings.Contains(l, "<- 顧客") {
		t.Errorf("account line = %q", l)
	}
	if l := importLine(view, "amount "); !strings.Contains(l, "<- (none)") {
		t.Errorf("amount starts unmapped: %q", l)
	}

	// amount is the 9th field; 受注額 the 5th column: from (none), five
	// steps right.
	press(t, a, "down", "down", "down", "down", "down", "down", "down", "down", "down")
	press(t, a, "right", "right", "right", "right", "right")
	view = screen(a)
	if l := importLine(view, "amount "); !strings.Contains(l, "<- 受注額") || !strings.Contains(l, "1,200,000円") {
		t.Fatalf("amount after the change = %q\n%s", l, view)
	}
	if !strings.Contains(view, "First rows") || !strings.Contains(importLine(view, "D-2"), "ひかり") {
		t.Errorf("preview missing:\n%s", view)
	}

	press(t, a, "enter", "y") // three new deals: the screen asks first
	view = screen(a)
	if !strings.Contains(view, "inserted 3, updated 0, unchanged 0, skipped 0; reps created 2") {
		t.Fatalf("summary:\n%s", view)
	}
	// Every row has a created date; the one open deal is at 提案 (D-2).
	if !strings.Contains(view, "created date taken from the close date: 0") || !strings.Contains(view, "read as open: 提案 1 ") {
		t.Errorf("summary lacks the created count or the open stages:\n%s", view)
	}
	// What the store holds, checked against the file by hand.
	got := map[string]string{}
	st.ExportOpportunities(context.Background(), func(o model.Opportunity) error {
		got[o.ExternalID] = o.RepName + "/" + o.Account + "/" + string(o.Outcome) + "/" + model.FormatDate(o.Closed) + "/" + itoa(int64(o.AmountMinor), o.HasAmount)
		return nil
	})
	want := map[string]string{
		"D-1": "田中/あおば/won/2026-11-20/1200000",
		"D-2": "佐藤/ひかり/open//-",
		"D-3": "佐藤/みどり/lost/2026-11-25/0",
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s = %q; want %q", id, got[id], w)
		}
	}
	press(t, a, "enter")
	if a.overlay != nil {
		t.Errorf("enter after the summary left the overlay open")
	}
}

func itoa(v int64, ok bool) string {
	if !ok {
		return "-"
	}
	return strconv.FormatInt(v, 10)
}

func TestImportScreenRefusesMissingFieldAndShowsRowErrors(t *testing.T) {
	t.Parallel()
	a, st, file := importFixture(t, LangJA)
	press(t, a, "i")
	typeText(t, a, file)
	press(t, a, "enter")
	if view := screen(a); !strings.Contains(view, "文字コード: cp932   区切り: カンマ") || !strings.Contains(view, "種類: < 商談 >") {
		t.Fatalf("Japanese detection:\n%s", view)
	}
	// id to (none): one step left from 商談ID (column 0).
	press(t, a, "down", "left", "enter")
	if view := screen(a); !strings.Contains(view, "必須項目 商談ID に列が割り当てられていません") {
		t.Fatalf("missing id:\n%s", view)
	}
	// id back to 商談ID; amount still has no column, so the won deal on
	// line 2 stops the import and nothing is written.
	press(t, a, "right", "enter")
	view := screen(a)
	err := a.overlay.(*importScreen).err
	if !strings.Contains(view, "取り込めませんでした") || !strings.Contains(view, "deals.csv:2行目: 列「金額」:") || !strings.Contains(view, "空です: 受注の商談には金額が必要です") ||
		err == nil || err.Error() != file+":2: column amount: empty, but a won deal needs an amount" {
		t.Fatalf("row error %v:\n%s", err, view)
	}
	n := 0
	st.ExportOpportunities(context.Background(), func(model.Opportunity) error { n++; return nil })
	if n != 0 {
		t.Errorf("%d opportunities written by a failed import", n)
	}
}

func TestImportScreenBadPath(t *testing.T) {
	t.Parallel()
	a, _, file := importFixture(t, LangEN)
	press(t, a, "i")
	typeText(t, a, file+".missing")
	press(t, a, "enter")
	if view := screen(a); !strings.Contains(view, "no such file") || !strings.Contains(view, "File: ") {
		t.Fatalf("bad path:\n%s", view)
	}
	press(t, a, "esc")
	if a.overlay != nil {
		t.Error("esc did not close the import screen")
	}
}

// A workbook whose first sheet is a cover page: s moves to the data sheet.
func TestImportScreenXLSXSheets(t *testing.T) {
	t.Parallel()
	a, st, _ := importFixture(t, LangEN)
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "表紙")
	f.NewSheet("商談一覧")
	for i, r := range [][]any{{"商談ID", "担当者", "フェーズ", "金額", "作成日", "完了日"}, {"X-1", "田中", "受注", 1200000, "2026/11/1", "2026/11/20"}} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("商談一覧", cell, &r)
	}
	file := filepath.Join(t.TempDir(), "book.xlsx")
	if err := f.SaveAs(file); err != nil {
		t.Fatal(err)
	}
	press(t, a, "i")
	typeText(t, a, file)
	press(t, a, "enter")
	if view := screen(a); !strings.Contains(view, "Sheet: Sheet1 (1 of 2)") {
		t.Fatalf("first sheet:\n%s", view)
	}
	press(t, a, "s")
	view := screen(a)
	if !strings.Contains(view, "Sheet: 商談一覧 (2 of 2)") || !strings.Contains(importLine(view, "amount "), "<- 金額") {
		t.Fatalf("second sheet:\n%s", view)
	}
	press(t, a, "enter")
	if view := screen(a); !strings.Contains(view, "inserted 1, updated 0, unchanged 0, skipped 0; reps created 1") {
		t.Fatalf("summary:\n%s", view)
	}
	var amount model.Minor
	st.ExportOpportunities(context.Background(), func(o model.Opportunity) error { amount = o.AmountMinor; return nil })
	if amount != 1200000 {
		t.Errorf("amount = %d", amount)
	}
}

// The Japanese summary counts the deals whose created date came from their
// close date and lists the stages read as open (here counted by hand from
// the rows below: 交渉 twice, written two ways, and one row without a stage).
func TestImportScreenSummaryInJapanese(t *testing.T) {
	t.Parallel()
	a, _, fixture := importFixture(t, LangJA)
	file := filepath.Join(filepath.Dir(fixture), "stages.csv")
	text := "id,owner,stage,created,closed,amount\n" +
		"S-1,田中,Closed-Won,,2026-11-10,100\n" +
		"S-2,田中,closed_lost,,2026-11-11,\n" +
		"S-3,田中,交渉,2026-11-01,,\n" +
		"S-4,田中,交渉 ,2026-11-02,,\n" +
		"S-5,田中,,2026-11-03,,\n"
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	press(t, a, "i")
	typeText(t, a, file)
	press(t, a, "enter", "enter", "y")
	view := screen(a)
	for _, want := range []string{"作成日を完了日で補った商談: 2件", "進行中として読んだフェーズ: 交渉 2件、(フェーズなし) 1件"} {
		if !strings.Contains(view, want) {
			t.Errorf("%q missing from\n%s", want, view)
		}
	}
}
