package tui

import (
	"context"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
)

// Editing a call in the Records tab changes the fields the form shows and
// nothing else: its connected count (the connect rate's numerator), the
// lead it works and the moment it happened (the response time to a new
// MQL) stay as stored; the rep changes by name; the connected field
// itself saves what is typed.
func TestEditingACallKeepsWhatTheFormDoesNotShow(t *testing.T) {
	t.Parallel()
	st := entryStore(t)
	ctx := context.Background()
	lead, err := st.AddLead(ctx, model.Lead{Company: "あおば", Created: model.D(2026, 11, 20), Status: model.LeadMQL, MQLOn: model.D(2026, 11, 20)})
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 24, 1, 30, 0, 0, time.UTC)
	id, err := st.AddActivity(ctx, model.Activity{RepName: "田中", Kind: model.KindCall, Count: 10, Connected: 3,
		Date: model.D(2026, 11, 24), LeadID: lead, At: at})
	if err != nil {
		t.Fatal(err)
	}
	a := entryApp(t, st, LangEN)
	recordsTab(t, a)
	// e, then to the note (kind, rep, count, connected, date, account, note).
	press(t, a, "e", "down", "down", "down", "down", "down", "down")
	typeText(t, a, "折り返し")
	press(t, a, "enter")
	acts := activities(t, st)
	if len(acts) != 1 || acts[0].ID != id || acts[0].Note != "折り返し" {
		t.Fatalf("the edit did not save the note: %+v", acts)
	}
	if got := acts[0]; got.Connected != 3 || got.LeadID != lead || !got.At.Equal(at) || got.Count != 10 {
		t.Errorf("after editing the note: connected %d, lead %d, at %v, count %d; want 3, %d, %v, 10",
			got.Connected, got.LeadID, got.At, got.Count, lead, at)
	}
	// The connected field replaces the stored 3 with 5; the rep becomes 鈴木.
	press(t, a, "e", "down", "down", "down")
	typeText(t, a, "5")
	press(t, a, "up", "up", "right", "enter")
	got := activities(t, st)[0]
	if got.Connected != 5 || got.RepName != "鈴木" || got.LeadID != lead {
		t.Errorf("after editing connected and the rep: connected %d, rep %s, lead %d; want 5, 鈴木, %d", got.Connected, got.RepName, got.LeadID, lead)
	}
	// More connected than calls is refused on the field, nothing written.
	press(t, a, "e", "down", "down", "down")
	typeText(t, a, "11")
	press(t, a, "enter")
	if got := activities(t, st)[0]; got.Connected != 5 {
		t.Errorf("11 connected of 10 calls was written: %+v", got)
	}
}
