package cli

import (
	"encoding/csv"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// stagesCSV has won stages written five ways, a lost one, open ones with
// a stage a mapping could miss, and closed deals without a created date.
const stagesCSV = `id,owner,account,stage,created,closed,amount
S-1,鈴木,A,Closed-Won,2026-10-01,2026-11-02,100
S-2,鈴木,B,closed_won,,2026-11-03,200
S-3,田中,C,ＣＬＯＳＥＤ　ＷＯＮ,,2026-11-04,300
S-4,田中,D,Closed Won,2026-10-05,2026-11-05,400
S-5,田中,E,closed-lost,,2026-11-06,
S-6,鈴木,F,Negotiation,2026-10-07,,
S-7,鈴木,G,negotiation,2026-10-08,,
S-8,鈴木,H,Contract Signed,2026-10-09,2026-11-01,500
S-9,田中,I,,2026-10-10,,
`

// csvRows reads a CSV text into maps by header, for tests that count
// from the file itself.
func csvRows(t *testing.T, text string) []map[string]string {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// Stage values match ignoring case, width, spaces, hyphens and
// underscores; a closed deal without a created date takes its close date
// and the summary says how many; every stage read as open is listed with
// its count. The expected figures are counted from the CSV text.
func TestImportStagesAndCreatedFromClose(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	file := writeTemp(t, "stages.csv", []byte(stagesCSV))
	code, out, errOut := runKpit(t, "import", "opportunities", file, "--db", db, "--today", "2026-11-26")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	closedKey := map[string]string{"closedwon": "won", "closedlost": "lost"}
	wantWon, wantLost, fromClose := 0, 0, 0
	open := map[string]int{}
	for _, r := range csvRows(t, stagesCSV) {
		k := strings.ToLower(strings.NewReplacer(" ", "", "-", "", "_", "", "　", "").Replace(r["stage"]))
		k = strings.NewReplacer("ｃｌｏｓｅｄｗｏｎ", "closedwon").Replace(k)
		switch closedKey[k] {
		case "won":
			wantWon++
		case "lost":
			wantLost++
		default:
			open[strings.ToLower(r["stage"])]++
			continue
		}
		if r["created"] == "" {
			fromClose++
		}
	}
	if got := query(t, db, `SELECT count(*) FROM opportunities WHERE outcome = 'won'`); got != int64(wantWon) {
		t.Errorf("won %d, want %d (every Closed Won spelling)", got, wantWon)
	}
	if got := query(t, db, `SELECT count(*) FROM opportunities WHERE outcome = 'lost'`); got != int64(wantLost) {
		t.Errorf("lost %d, want %d", got, wantLost)
	}
	if got := query(t, db, `SELECT count(*) FROM opportunities WHERE outcome != 'open' AND created = closed AND external_id IN ('S-2', 'S-3', 'S-5')`); got != int64(fromClose) {
		t.Errorf("%d closed deals have created = closed, want the %d without a created date", got, fromClose)
	}
	if got := query(t, db, `SELECT count(*) FROM opportunities WHERE created > closed`); got != 0 {
		t.Errorf("%d deals closed before they were created", got)
	}
	if !strings.Contains(out, fmt.Sprintf("created date taken from the close date: %d\n", fromClose)) {
		t.Errorf("summary does not count %d created dates from the close date:\n%s", fromClose, out)
	}
	// negotiation twice (as first written), Contract Signed once, no stage once.
	wantOpen := fmt.Sprintf("read as open: Negotiation %d, Contract Signed %d, (no stage) %d", open["negotiation"], open["contract signed"], open[""])
	if !strings.Contains(out, wantOpen) {
		t.Errorf("summary does not list the open stages as %q:\n%s", wantOpen, out)
	}
	// With the stage the mapping missed named, the same file reads it as won.
	code, out, errOut = runKpit(t, "import", "opportunities", file, "--db", db, "--today", "2026-11-26",
		"--won", "closed won,contract-signed", "--lost", "closed lost")
	if code != 0 || !strings.Contains(out, "updated 1,") || strings.Contains(out, "Contract Signed") {
		t.Errorf("with --won contract-signed: exit %d\n%s%s", code, out, errOut)
	}
	if got := query(t, db, `SELECT count(*) FROM opportunities WHERE outcome = 'won'`); got != int64(wantWon+1) {
		t.Errorf("won %d after naming Contract Signed, want %d", got, wantWon+1)
	}
}

// A deal already in kpit keeps its stored created date when the file has
// none; a close before that date is refused on the file's line, as every
// entry path refuses it, and nothing is written.
func TestImportKeepsStoredCreatedAndRefusesCloseBeforeIt(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	first := writeTemp(t, "a.csv", []byte("id,owner,created\nK-1,鈴木,2026-11-10\n"))
	if code, _, errOut := runKpit(t, "import", "opportunities", first, "--db", db, "--today", "2026-11-26"); code != 0 {
		t.Fatal(errOut)
	}
	won := writeTemp(t, "b.csv", []byte("id,owner,stage,closed,amount\nK-1,鈴木,Won,2026-11-20,900\n"))
	code, out, errOut := runKpit(t, "import", "opportunities", won, "--db", db, "--today", "2026-11-26")
	if code != 0 || !strings.Contains(out, "created date taken from the close date: 0") {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if got := query(t, db, `SELECT count(*) FROM opportunities WHERE external_id = 'K-1' AND created = '2026-11-10' AND closed = '2026-11-20'`); got != 1 {
		t.Errorf("K-1 did not keep its stored created date")
	}
	before := dumpDB(t, db)
	early := writeTemp(t, "c.csv", []byte("id,owner,stage,closed,amount\nK-1,鈴木,Lost,2026-11-01,\n"))
	code, _, errOut = runKpit(t, "import", "opportunities", early, "--db", db, "--today", "2026-11-26")
	if code == 0 || strings.Count(errOut, "\n") != 1 || !strings.HasSuffix(errOut, "c.csv:2: column closed: 2026-11-01 is before the creation date 2026-11-10\n") {
		t.Errorf("close before the stored created date: exit %d, %q", code, errOut)
	}
	if dumpDB(t, db) != before {
		t.Error("a refused import changed the database")
	}
}
