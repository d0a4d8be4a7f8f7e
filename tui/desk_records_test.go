package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/model"
)

func recordsTab(t *testing.T, a *App) *recordsScreen {
	t.Helper()
	showTab(t, a, TabRecords)
	return a.screens[a.active].(*recordsScreen)
}

// Records pages through every activity, not the newest 200: 450 of them,
// one a day back from today, the oldest reached with G, pgdown and the
// wheel, with the cursor's place shown.
func TestRecordsReachEveryRecord(t *testing.T) {
	t.Parallel()
	st := entryStore(t)
	ctx := context.Background()
	const n = 450
	for i := 0; i < n; i++ {
		day := model.Date(fixedNow).AddDate(0, 0, -i)
		if _, err := st.AddActivity(ctx, model.Activity{RepName: "田中", Kind: model.KindCall, Count: i + 1, Date: day}); err != nil {
			t.Fatal(err)
		}
	}
	a := entryApp(t, st, LangEN)
	a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	r := recordsTab(t, a)
	if !strings.Contains(screen(a), fmt.Sprintf("1/%d", n)) {
		t.Fatalf("no position marker 1/%d:\n%s", n, screen(a))
	}
	press(t, a, "G")
	// The oldest is n-1 days back, with count n (the test's own numbering).
	oldest := model.FormatDate(model.Date(fixedNow).AddDate(0, 0, -(n - 1)))
	if rec := r.selected(); rec == nil || rec.Activity.Count != n || !strings.Contains(screen(a), oldest) {
		t.Fatalf("G should reach the oldest activity (%s):\n%s", oldest, screen(a))
	}
	if !strings.Contains(screen(a), fmt.Sprintf("%d/%d", n, n)) {
		t.Fatalf("no marker %d/%d:\n%s", n, n, screen(a))
	}
	press(t, a, "g")
	_, cmd := a.Update(tea.KeyPressMsg{Code: tea.KeyPgDown})
	run(t, a, cmd)
	after := r.nav.cursor
	if after < 10 {
		t.Fatalf("pgdown moved the cursor to %d", after)
	}
	// The row under the cursor is the activity that many days back.
	if rec := r.selected(); rec == nil || rec.Activity.Count != after+1 {
		t.Fatalf("after pgdown the cursor is on %+v, want count %d", rec, after+1)
	}
	_, cmd = a.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	run(t, a, cmd)
	if r.nav.cursor != after+1 {
		t.Fatalf("the wheel moved to %d, want %d", r.nav.cursor, after+1)
	}
}

// After an edit moves a record's date, the list re-sorts and the cursor
// stays on that record: the next d names it, not its old row's neighbour.
func TestRecordsCursorStaysOnTheEditedRecord(t *testing.T) {
	t.Parallel()
	st := entryStore(t)
	ctx := context.Background()
	var ids []int64
	for i := 0; i < 5; i++ {
		id, err := st.AddActivity(ctx, model.Activity{RepName: "田中", Kind: model.KindVisit, Count: 1,
			Date: model.D(2026, 11, 20+i), Account: fmt.Sprintf("ACC%d", i)})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	a := entryApp(t, st, LangEN)
	r := recordsTab(t, a)
	press(t, a, "down", "down", "down") // newest first: ACC4, ACC3, ACC2, ACC1
	if rec := r.selected(); rec == nil || rec.Activity.ID != ids[1] {
		t.Fatalf("cursor on %+v, want #%d", rec, ids[1])
	}
	// Move ACC1 from 11-21 to 11-26: it sorts first now.
	press(t, a, "e", "down", "down", "down", "down") // kind, rep, count, connected, date
	typeText(t, a, "2026-11-26")
	press(t, a, "enter")
	if rec := r.selected(); rec == nil || rec.Activity.ID != ids[1] || r.nav.cursor != 0 {
		t.Fatalf("after the edit the cursor is on row %d, %+v; want #%d at the top", r.nav.cursor, rec, ids[1])
	}
	press(t, a, "d")
	want := LangEN.T(msgRecordsConfirm, "activity", ids[1], "2026-11-26, visit 1, 田中, ACC1")
	if !strings.Contains(screen(a), want) {
		t.Fatalf("the delete question should name the edited record %q:\n%s", want, screen(a))
	}
	press(t, a, "n")
}

// `/` narrows the records to a rep as it is typed; esc clears it.
func TestRecordsFilterNarrowsToARep(t *testing.T) {
	t.Parallel()
	st := entryStore(t)
	ctx := context.Background()
	want := map[string]int{"田中": 0, "鈴木": 0}
	for i := 0; i < 12; i++ {
		rep := "田中"
		if i%3 == 0 {
			rep = "鈴木"
		}
		want[rep]++
		if _, err := st.AddActivity(ctx, model.Activity{RepName: rep, Kind: model.KindVisit, Count: 1, Date: model.D(2026, 11, 1+i)}); err != nil {
			t.Fatal(err)
		}
	}
	a := entryApp(t, st, LangJA)
	r := recordsTab(t, a)
	press(t, a, "/")
	typeText(t, a, "鈴木")
	if r.nav.n != want["鈴木"] {
		t.Fatalf("/鈴木 lists %d records, want %d:\n%s", r.nav.n, want["鈴木"], screen(a))
	}
	for _, rec := range r.page {
		if rec.Activity.RepName != "鈴木" {
			t.Fatalf("/鈴木 lists %+v", rec.Activity)
		}
	}
	press(t, a, "enter") // keep the filter, back to the list
	if r.filter.typing || r.filter.value() != "鈴木" || !strings.Contains(screen(a), "絞り込み: 鈴木") {
		t.Fatalf("enter should keep the filter:\n%s", screen(a))
	}
	press(t, a, "esc")
	if r.nav.n != 12 {
		t.Fatalf("esc should clear the filter: %d records", r.nav.n)
	}
}
