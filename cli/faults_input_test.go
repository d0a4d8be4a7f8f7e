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
