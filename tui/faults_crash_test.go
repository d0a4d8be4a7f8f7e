package tui

import (
	"bufio"
	"database/sql"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/internal/crashtest"
	"github.com/kpit-dev/kpit/internal/testlong"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// The cockpit's writes under SIGKILL. The test binary is its own child:
// run with crashChildEnv set, TestCockpitCrashChild drives a cockpit
// through its Update with keys as a terminal sends them (no terminal, no
// renderer) and writes one line on stdout for each write the screen has
// confirmed; the parent kills it at a random moment and checks afterwards
// that every confirmed write is in the file exactly once (RELIABILITY.md).
const (
	crashChildEnv  = "KPIT_TUI_CRASH_DB"    // the database the child writes to
	crashRowsEnv   = "KPIT_TUI_CRASH_ROWS"  // the activities it edits, comma-separated
	crashLabelEnv  = "KPIT_TUI_CRASH_LABEL" // the prefix of the notes and actions it writes
	crashAckPrefix = "ACK "
)

// crashChild reports whether this process is the child of a crash test.
func crashChild() bool { return os.Getenv(crashChildEnv) != "" }

// TestCockpitCrashChild is the child of TestKilledCockpitWritesLoseNothing
// and does nothing in an ordinary run. For each pair of activities it is
// given, in a fresh cockpit: on the Records tab it edits the first one's
// note (e, down to the note, the text, enter), edits the second's, undoes
// (u) the second edit, then on the review tab answers the open actions
// as done, adds an action (A) and saves the review (q, y). Each write the
// screen confirms is acknowledged on stdout: "ACK edit ROW NOTE",
// "ACK undo ROW", "ACK review TEXT".
func TestCockpitCrashChild(t *testing.T) {
	if !crashChild() {
		t.Skip("the child of TestKilledCockpitWritesLoseNothing")
	}
	var rows []int64
	for _, f := range strings.Split(os.Getenv(crashRowsEnv), ",") {
		id, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			t.Fatalf("%s: %v", crashRowsEnv, err)
		}
		rows = append(rows, id)
	}
	label := os.Getenv(crashLabelEnv)
	st, err := store.Open(os.Getenv(crashChildEnv))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	st.SetClock(func() time.Time { return fixedNow })
	for i := 0; i+1 < len(rows); i += 2 {
		a := New(Options{Store: st, Lang: LangEN, Now: func() time.Time { return fixedNow }, NoColor: true})
		run(t, a, a.Init())
		a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		r := recordsTab(t, a)
		for _, row := range rows[i : i+2] {
			note := fmt.Sprintf("%s edit %d", label, row)
			run(t, a, func() tea.Msg { return focusRecordMsg{kind: model.RecordActivity, id: row} })
			if r.selectedID() != row {
				t.Fatalf("the cursor is on #%d, not #%d", r.selectedID(), row)
			}
			press(t, a, "e", "down", "down", "down", "down", "down", "down") // kind, rep, count, connected, date, account, note
			typeText(t, a, note)
			press(t, a, "enter")
			if r.editor != nil || a.flash.Error || a.flash.Text == "" {
				t.Fatalf("edit of #%d not confirmed: %q\n%s", row, a.flash.Text, screen(a))
			}
			fmt.Printf("%sedit %d %s\n", crashAckPrefix, row, note)
		}
		press(t, a, "u")
		if want := LangEN.T(msgUndoUpdate, "activity", rows[i+1]); a.flash.Text != want || a.flash.Error {
			t.Fatalf("undo: %q, want %q", a.flash.Text, want)
		}
		fmt.Printf("%sundo %d\n", crashAckPrefix, rows[i+1])

		showTab(t, a, TabReview)
		rv := reviewOf(a)
		if rv.data == nil {
			t.Fatalf("the review did not load: %v", rv.err)
		}
		for rv.asking() {
			press(t, a, "d")
		}
		text := fmt.Sprintf("%s review %d", label, rows[i])
		press(t, a, "A")
		typeText(t, a, text)
		press(t, a, "enter")
		if len(rv.actions) != 1 {
			t.Fatalf("the action was not added: %+v\n%s", rv.actions, screen(a))
		}
		press(t, a, "q", "y")
		if rv.saving || rv.quitting || a.flash.Error {
			t.Fatalf("review not saved: %q", a.flash.Text)
		}
		fmt.Printf("%sreview %s\n", crashAckPrefix, text)
	}
}

// crashRun is one child run: the acknowledgements it printed before it
// ended or was killed, and whether it failed on its own.
type crashRun struct {
	acks   []string
	failed bool
	out    string
}

// runCrashChild runs the test binary as TestCockpitCrashChild on path and
// SIGKILLs it after delay (never, when delay is 0).
func runCrashChild(t *testing.T, path, label string, rows []int64, delay time.Duration) crashRun {
	t.Helper()
	ids := make([]string, len(rows))
	for i, id := range rows {
		ids[i] = fmt.Sprint(id)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestCockpitCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+path, crashRowsEnv+"="+strings.Join(ids, ","), crashLabelEnv+"="+label)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var res crashRun
	read := make(chan struct{})
	go func() {
		defer close(read)
		var all strings.Builder
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			line := sc.Text()
			if ack, ok := strings.CutPrefix(line, crashAckPrefix); ok {
				res.acks = append(res.acks, ack)
			}
			all.WriteString(line + "\n")
		}
		res.out = all.String()
	}()
	done := make(chan error, 1)
	go func() {
		<-read // Wait closes the pipe: read it to the end first
		done <- cmd.Wait()
	}()
	var timeout <-chan time.Time
	if delay > 0 {
		timeout = time.After(delay)
	}
	select {
	case err = <-done:
	case <-timeout:
		cmd.Process.Kill()
		err = <-done
		if ee, ok := err.(*exec.ExitError); ok && !ee.Exited() {
			return res // killed
		}
	}
	res.failed = err != nil
	return res
}

// TestKilledCockpitWritesLoseNothing runs TestCockpitCrashChild on a copy
// of the demo database again and again, each run killed with SIGKILL at a
// random moment over 0–1.3 times a measured whole run. Afterwards every
// edit, undo and review the screen confirmed is in the file: an edited
// note is the row's note (or, when its undo was confirmed, the note from
// before is back), with exactly one update in the changes journal, marked
// undone exactly when the note is the old one again; each confirmed
// review's action is there once, every review whole (its KPI snapshot
// with it); nothing else was undone; integrity_check, foreign_key_check
// and kpit doctor's roll-up recount pass. KPIT_TRIALS sets the number of
// runs (RELIABILITY.md).
func TestKilledCockpitWritesLoseNothing(t *testing.T) {
	testlong.Skip(t)
	path := copyDemo(t)
	before := crashtest.LastIDs(t, path)
	db := crashtest.ReadOnlyDB(t, path)
	var lastReview int64 // the demo's own reviews are older and have no snapshot
	if err := db.QueryRow(`SELECT coalesce(max(id), 0) FROM reviews`).Scan(&lastReview); err != nil {
		t.Fatal(err)
	}
	// The activities to edit, two per pair, each edited once in the run;
	// their notes before.
	const pairs = 2 // per child run
	trials := testlong.Trials(8)
	need := (trials + 1) * pairs * 2
	ids, oldNotes := crashActivities(t, db, need)
	if len(ids) < need {
		t.Fatalf("the demo has %d activities, the run needs %d", len(ids), need)
	}
	next := 0
	take := func() []int64 {
		rows := ids[next : next+pairs*2]
		next += pairs * 2
		return rows
	}

	start := time.Now()
	timing := runCrashChild(t, path, "timing", take(), 0)
	life := time.Since(start)
	if timing.failed || len(timing.acks) != pairs*4 {
		t.Fatalf("a whole run: %d acknowledgements, failed %v:\n%s", len(timing.acks), timing.failed, timing.out)
	}
	var tally crashtest.Tally
	acks := append([]string(nil), timing.acks...)
	labels := []string{"timing"}
	r := rand.New(rand.NewSource(14))
	for i := 0; i < trials; i++ {
		tally.Trials++
		label := fmt.Sprintf("trial%d", i)
		labels = append(labels, label)
		res := runCrashChild(t, path, label, take(), crashtest.Delay(r, life))
		if res.failed {
			tally.Failures++
			t.Errorf("%s ended with an error:\n%s", label, res.out)
		}
		acks = append(acks, res.acks...)
	}

	// What the children confirmed.
	edited := map[int64]string{}
	undone := map[int64]bool{}
	reviewed := map[string]bool{}
	for _, a := range acks {
		kind, rest, _ := strings.Cut(a, " ")
		switch kind {
		case "edit":
			idText, note, _ := strings.Cut(rest, " ")
			id, _ := strconv.ParseInt(idText, 10, 64)
			edited[id] = note
		case "undo":
			id, _ := strconv.ParseInt(rest, 10, 64)
			undone[id] = true
		case "review":
			reviewed[rest] = true
		}
	}
	// What the file holds, for every activity handed out.
	for _, id := range ids[:next] {
		var note string
		if err := db.QueryRow(`SELECT coalesce(note, '') FROM activities WHERE id = ?`, id).Scan(&note); err != nil {
			t.Fatal(err)
		}
		var updates, undoneUpdates int
		if err := db.QueryRow(`SELECT count(*), coalesce(sum(undone), 0) FROM changes
			WHERE table_name = 'activities' AND row_id = ? AND action = 'update'`, id).Scan(&updates, &undoneUpdates); err != nil {
			t.Fatal(err)
		}
		mine := strings.Contains(note, " edit ")
		switch {
		case updates > 1:
			tally.Duplicated++
			t.Errorf("activity #%d has %d updates in the journal, want at most 1", id, updates)
		case mine && (updates != 1 || undoneUpdates != 0):
			t.Errorf("activity #%d shows the edit %q, and its update in the journal is %d (undone %d)", id, note, updates, undoneUpdates)
		case !mine && note != oldNotes[id]:
			t.Errorf("activity #%d's note is %q, neither the edit nor the note before (%q)", id, note, oldNotes[id])
		case !mine && updates == 1 && undoneUpdates != 1:
			t.Errorf("activity #%d's note is the one before, and its update is not marked undone", id)
		}
		if want, ok := edited[id]; ok {
			switch {
			case undone[id] && (note != oldNotes[id] || undoneUpdates != 1):
				tally.Lost++
				t.Errorf("activity #%d: the confirmed undo is missing (note %q, undone %d)", id, note, undoneUpdates)
			case !undone[id] && note != want && !(note == oldNotes[id] && undoneUpdates == 1):
				tally.Lost++
				t.Errorf("activity #%d: the confirmed edit %q is missing (note %q)", id, want, note)
			case updates == 0:
				tally.Lost++
				t.Errorf("activity #%d: the confirmed edit has no update in the journal", id)
			}
		}
	}
	// Only the children's own edits were undone: an undo that reached
	// further back would have changed a demo record.
	var otherUndone int
	if err := db.QueryRow(`SELECT count(*) FROM changes WHERE undone = 1 AND NOT (table_name = 'activities'
		AND action = 'update' AND row_id IN (SELECT value FROM json_each(?)))`, jsonIDs(ids[:next])).Scan(&otherUndone); err != nil {
		t.Fatal(err)
	}
	if otherUndone != 0 {
		t.Errorf("%d changes outside the edited activities were undone", otherUndone)
	}
	// Reviews: each confirmed one's action once, none twice, each whole.
	found := crashtest.Counts(t, db, `SELECT text FROM review_actions WHERE text LIKE '% review %'`)
	tally.Once(t, reviewed, found)
	var partial int
	if err := db.QueryRow(`SELECT count(*) FROM reviews r WHERE r.id > ? AND NOT EXISTS (SELECT 1 FROM review_kpis k WHERE k.review_id = r.id)`,
		lastReview).Scan(&partial); err != nil {
		t.Fatal(err)
	}
	if partial != 0 {
		t.Errorf("%d reviews saved without their KPIs", partial)
	}
	crashtest.CheckAfterKills(t, path, before)
	t.Logf("acknowledged %d edits (%d undone) and %d reviews over %d runs; committed reviews %d (one whole run: %v)",
		len(edited), len(undone), len(reviewed), tally.Trials+1, len(found), life.Round(time.Millisecond))
	tally.Log(t)
}

// crashActivities are up to n live activities of the demo, oldest first,
// with their notes.
func crashActivities(t *testing.T, db *sql.DB, n int) ([]int64, map[int64]string) {
	t.Helper()
	rows, err := db.Query(`SELECT id, coalesce(note, '') FROM activities WHERE deleted_at IS NULL ORDER BY id LIMIT ?`, n)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var ids []int64
	notes := map[int64]string{}
	for rows.Next() {
		var id int64
		var note string
		if err := rows.Scan(&id, &note); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
		notes[id] = note
	}
	return ids, notes
}

func jsonIDs(ids []int64) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = fmt.Sprint(id)
	}
	return "[" + strings.Join(s, ",") + "]"
}
