//go:build linux

package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/kpit-dev/kpit/internal/crashtest"
	"github.com/kpit-dev/kpit/internal/testlong"
	"github.com/kpit-dev/kpit/model"
	"github.com/kpit-dev/kpit/store"
)

// TestFullDiskCockpitWrites drives the cockpit's writes through its Update
// on a copy of the demo in a tmpfs the test mounts (root only) and fills
// just before each write: an edit, a delete and an undo on the Records
// tab, a new target on the tree and a saved review. Each write shows the
// line kpit's commands print (the file, the full disk, nothing saved) in
// the footer or the editor's status, the cockpit keeps running, and the
// database file is byte for byte what it was, with the same rows. With
// room again, the same cockpit writes.
func TestFullDiskCockpitWrites(t *testing.T) {
	testlong.Skip(t)
	disk := crashtest.MountSmallDisk(t, "40m")
	path := filepath.Join(disk.Dir, "k.db")
	data, err := os.ReadFile(copyDemo(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	st.SetClock(func() time.Time { return fixedNow })
	a := New(Options{Store: st, Lang: LangEN, Now: func() time.Time { return fixedNow }, NoColor: true})
	run(t, a, a.Init())
	// Wide enough for the whole line, path and all, in the footer.
	a.Update(tea.WindowSizeMsg{Width: 300, Height: 40})
	line := "database " + path + ": could not be written: the disk is full (0 bytes free in " + disk.Dir + "); nothing was saved"

	// onFullDisk runs write with the disk full and checks what the user
	// sees and that the file is as it was.
	onFullDisk := func(what string, write func()) {
		t.Helper()
		hold := crashtest.HoldOpen(t, path)
		sum, rows := crashtest.FileSum(t, path), crashtest.Contents(t, hold)
		disk.Fill(t, 0)
		write()
		disk.Free(t)
		if !strings.Contains(screen(a), line) {
			t.Errorf("%s: the screen does not say %q:\n%s", what, line, screen(a))
		}
		if got := crashtest.FileSum(t, path); got != sum {
			t.Errorf("%s: the database file changed", what)
		}
		if got := crashtest.Contents(t, hold); got != rows {
			t.Errorf("%s: the rows changed: %s, were %s", what, got, rows)
		}
		crashtest.IntegrityOK(t, hold)
		hold.Close()
	}
	db := crashtest.ReadOnlyDB(t, path)
	var acts [2]int64
	if err := db.QueryRow(`SELECT min(id), max(id) FROM activities WHERE deleted_at IS NULL`).Scan(&acts[0], &acts[1]); err != nil {
		t.Fatal(err)
	}
	note := func(id int64) string {
		var n string
		if err := db.QueryRow(`SELECT note FROM activities WHERE id = ?`, id).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	r := recordsTab(t, a)
	edit := func(id int64, text string) {
		run(t, a, func() tea.Msg { return focusRecordMsg{kind: model.RecordActivity, id: id} })
		if r.selectedID() != id {
			t.Fatalf("the cursor is on #%d, not #%d", r.selectedID(), id)
		}
		press(t, a, "e", "down", "down", "down", "down", "down", "down") // kind, rep, count, connected, date, account, note
		typeText(t, a, text)
		press(t, a, "enter")
	}

	onFullDisk("edit", func() { edit(acts[0], " full disk") })
	if r.editor == nil {
		t.Error("the editor closed on a failed save: what was typed is lost")
	}
	press(t, a, "esc")

	onFullDisk("delete", func() {
		run(t, a, func() tea.Msg { return focusRecordMsg{kind: model.RecordActivity, id: acts[1]} })
		press(t, a, "d", "y")
	})

	// An edit with room, then its undo on a full disk.
	was := note(acts[0])
	edit(acts[0], " kept")
	if r.editor != nil || a.flash.Error {
		t.Fatalf("an edit with room failed: %q", a.flash.Text)
	}
	onFullDisk("undo", func() { press(t, a, "u") })
	if got, want := note(acts[0]), strings.TrimSpace(was+" kept"); got != want {
		t.Errorf("after the failed undo the note is %q, want %q", got, want)
	}
	press(t, a, "u")
	if got := note(acts[0]); got != was || a.flash.Error {
		t.Errorf("the undo with room: note %q (%q), want %q", got, a.flash.Text, was)
	}

	treeAt(t, a, model.MetricWinRate)
	onFullDisk("target", func() {
		press(t, a, "t")
		clearField(t, a)
		typeText(t, a, "33%")
		press(t, a, "enter")
		typeText(t, a, "full disk")
		press(t, a, "enter", "y")
	})
	press(t, a, "esc")

	showTab(t, a, TabReview)
	rv := reviewOf(a)
	if rv.data == nil {
		t.Fatalf("the review did not load: %v", rv.err)
	}
	for rv.asking() {
		press(t, a, "d")
	}
	onFullDisk("review", func() { press(t, a, "q", "y") })
	if !a.flash.Error {
		t.Errorf("the review's failed save: %q", a.flash.Text)
	}
	press(t, a, "q", "y")
	if a.flash.Error || rv.saving {
		t.Errorf("the review with room: %q", a.flash.Text)
	}
}
