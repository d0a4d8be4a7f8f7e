package cli

import (
	"encoding/json"
	"path/filepath"
	"testing"
)

// Imported history is not late: its entered_at is the moment of the import,
// not when the rep entered it in the SFA. Only records typed into kpit count
// for the late-entry alert and the timeliness figures.
func TestImportedHistoryIsNotLate(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	today := clock()
	day := func(back int) string { return today.AddDate(0, 0, -back).Format("2006-01-02") }
	csv := "id,owner,account,stage,created,closed,amount\n" +
		"H-1,田中,A社,Won," + day(20) + "," + day(10) + ",1000000\n" +
		"H-2,田中,B社,Lost," + day(15) + "," + day(12) + ",\n"
	if code, out, errOut := runKpit(t, "import", "opportunities", writeTemp(t, "h.csv", []byte(csv)), "--db", db); code != 0 {
		t.Fatalf("import: %d %q %q", code, out, errOut)
	}
	type alertsJSON struct {
		Alerts []struct {
			Kind string `json:"kind"`
		} `json:"alerts"`
		Timeliness struct {
			Team struct {
				Total int `json:"total"`
			} `json:"team"`
		} `json:"timeliness"`
	}
	read := func() (late, total int) {
		t.Helper()
		_, out, errOut := runKpit(t, "alerts", "--db", db, "--format", "json")
		var a alertsJSON
		if err := json.Unmarshal([]byte(out), &a); err != nil {
			t.Fatalf("alerts json: %v %q %q", err, out, errOut)
		}
		for _, x := range a.Alerts {
			if x.Kind == "late_entry" {
				late++
			}
		}
		return late, a.Timeliness.Team.Total
	}
	if late, total := read(); late != 0 || total != 0 {
		t.Fatalf("after importing history: %d late entries, %d records timed; want 0 and 0", late, total)
	}
	// The same kind of record typed in by hand five days after the event is late.
	if code, _, errOut := runKpit(t, "add", "activity", "--kind", "visit", "--rep", "田中", "--date", day(5), "--db", db); code != 0 {
		t.Fatalf("add: %q", errOut)
	}
	if late, total := read(); late != 1 || total != 1 {
		t.Fatalf("after a late entry by hand: %d late entries, %d records timed; want 1 and 1", late, total)
	}
}
