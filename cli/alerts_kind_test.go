package cli

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// TestAlertsNameTheActivityKind: a late call without an account reads 架電
// in Japanese text, and the JSON keeps subject as before ("call") with the
// kind also in its own field.
func TestAlertsNameTheActivityKind(t *testing.T) {
	db := newEntryDB(t)
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	// A Monday call entered on Friday: due Tuesday, 3 days late.
	st.SetClock(func() time.Time { return time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC) })
	if _, err := st.AddActivity(context.Background(), model.Activity{RepName: "田中", Kind: model.KindCall, Count: 1, Date: model.D(2026, 11, 16)}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	now := "2026-11-20T12:00:00Z"
	code, out, errOut := kpitRun("alerts", "--db", db, "--now", now, "--lang", "ja")
	if code != 1 || !strings.Contains(out, "架電 #") || strings.Contains(out, "call") {
		t.Fatalf("ja text: exit %d %q %q", code, out, errOut)
	}
	code, out, _ = kpitRun("alerts", "--db", db, "--now", now, "--format", "json")
	var doc struct {
		Alerts []struct {
			Kind         string `json:"kind"`
			Subject      string `json:"subject"`
			ActivityKind string `json:"activity_kind"`
			Days         int    `json:"days"`
		} `json:"alerts"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("json: %v: %s", err, out)
	}
	var found bool
	for _, a := range doc.Alerts {
		if a.Kind == "late_entry" {
			found = a.Subject == "call" && a.ActivityKind == "call" && a.Days == 3
		}
	}
	if code != 1 || !found {
		t.Fatalf("json: exit %d %s", code, out)
	}
}
