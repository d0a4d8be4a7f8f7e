package cli

import (
	"strings"
	"testing"
)

// An on|off flag takes on or off only: 1, true and yes are refused in one
// line, as the message has always said, and nothing is written.
func TestOnOffFlagsTakeOnOrOffOnly(t *testing.T) {
	db := newEntryDB(t)
	before := sumOrMissing(db)
	for _, flag := range []string{"--alerts", "--year-end-closure"} {
		for _, v := range []string{"1", "true", "yes", "0", "no"} {
			code, _, errOut := runKpit(t, "rules", flag, v, "--db", db)
			if code != exitUsage || !strings.Contains(errOut, "want on or off") || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
				t.Errorf("rules %s %s: exit %d, %q", flag, v, code, errOut)
			}
		}
	}
	if sumOrMissing(db) != before {
		t.Error("a refused flag changed the file")
	}
	for _, v := range []string{"on", "OFF"} {
		if code, _, errOut := runKpit(t, "rules", "--year-end-closure", v, "--db", db); code != 0 {
			t.Errorf("--year-end-closure %s: exit %d, %q", v, code, errOut)
		}
	}
}

// Full-width digits, as a Japanese IME types them, are read wherever a
// number or a date is read: --count, --stale-days, --date and --from.
func TestFullWidthDigitsInFlags(t *testing.T) {
	db := newEntryDB(t)
	code, out, errOut := runKpit(t, "add", "activity", "--kind", "visit", "--rep", "田中", "--count", "３",
		"--date", "２０２６－０３－０２", "--today", "2026-03-02", "--db", db)
	if code != 0 || !strings.Contains(out, "visit 3, 田中, 2026-03-02") {
		t.Fatalf("add with full-width digits: exit %d, %q %q", code, out, errOut)
	}
	if code, _, errOut := runKpit(t, "rules", "--stale-days", "７", "--db", db); code != 0 {
		t.Errorf("rules --stale-days ７: exit %d, %q", code, errOut)
	}
	code, out, errOut = runKpit(t, "report", "--from", "２０２６-０３-０１", "--to", "2026-03-31", "--format", "json",
		"--today", "2026-03-31", "--db", db)
	if code != 0 || !strings.Contains(out, `"visits": 3`) {
		t.Errorf("report --from in full-width digits: exit %d, %q %q", code, out, errOut)
	}
}
